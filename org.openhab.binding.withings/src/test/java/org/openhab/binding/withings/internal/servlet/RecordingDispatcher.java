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
package org.openhab.binding.withings.internal.servlet;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.api.WithingsNotification;

/**
 * A {@link WebhookDispatcher} that knows a settable set of users and records every dispatched notification.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class RecordingDispatcher implements WebhookDispatcher {

    private final Set<String> users = ConcurrentHashMap.newKeySet();
    private final List<WithingsNotification> dispatched = new CopyOnWriteArrayList<>();
    private final BlockingQueue<WithingsNotification> arrivals = new LinkedBlockingQueue<>();

    public RecordingDispatcher(String... knownUsers) {
        users.addAll(List.of(knownUsers));
    }

    public void know(String userId) {
        users.add(userId);
    }

    public void forget(String userId) {
        users.remove(userId);
    }

    @Override
    public boolean knowsUser(String userId) {
        return users.contains(userId);
    }

    @Override
    public void dispatch(WithingsNotification notification) {
        dispatched.add(notification);
        arrivals.add(notification);
    }

    /** @return every notification dispatched so far */
    public List<WithingsNotification> dispatched() {
        return List.copyOf(dispatched);
    }

    /** @return the next dispatched notification not taken yet, or null after the timeout */
    public @Nullable WithingsNotification next(Duration timeout) throws InterruptedException {
        return arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
