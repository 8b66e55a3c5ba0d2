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
package org.openhab.binding.withings.internal.account;

import java.time.Instant;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.withings.internal.api.WithingsScope;

/**
 * One Withings user linked to an account bridge, as persisted by {@link LinkedUserStore}. Holds no token: tokens
 * live only in core's OAuth store.
 *
 * @param userId the Withings userid
 * @param scope the scopes Withings granted (comma separated, as answered), may be empty
 * @param linkedAt when the user was (last) linked
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public record LinkedUser(String userId, String scope, Instant linkedAt) {

    /** @return the scopes the binding asks for that Withings did not grant */
    public Set<String> missingScopes() {
        return WithingsScope.missing(scope);
    }
}
