/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.binding.withings.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.withings.internal.handler.WithingsAccountHandler;
import org.osgi.service.component.annotations.Component;

/**
 * Knows the running account bridge handlers, for the console command. The handler factory hands it to every
 * account handler, which registers itself in {@code initialize()} and unregisters in {@code dispose()}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
@Component(service = WithingsAccountTracker.class)
public class WithingsAccountTracker {

    private final List<WithingsAccountHandler> accounts = new CopyOnWriteArrayList<>();

    public void register(WithingsAccountHandler handler) {
        if (!accounts.contains(handler)) {
            accounts.add(handler);
        }
    }

    public void unregister(WithingsAccountHandler handler) {
        accounts.remove(handler);
    }

    /** The registered account handlers, ordered by bridge id. */
    public List<WithingsAccountHandler> accounts() {
        List<WithingsAccountHandler> list = new ArrayList<>(accounts);
        list.sort(Comparator.comparing(WithingsAccountHandler::bridgeId));
        return list;
    }

    /** The account handler of a bridge id (the last UID segment) or full UID. */
    public Optional<WithingsAccountHandler> account(String bridgeIdOrUid) {
        return accounts.stream().filter(a -> a.bridgeId().equals(bridgeIdOrUid)
                || a.getThing().getUID().getAsString().equals(bridgeIdOrUid)).findFirst();
    }
}
