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

package org.openhab.binding.withings.internal.handler;

import java.util.Optional;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.config.WithingsAccountConfiguration;

/**
 * What the account bridge offers its user and device Things. Implemented by WithingsAccountHandler; a child finds
 * it as {@code getBridge().getHandler() instanceof WithingsAccountAccess}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public interface WithingsAccountAccess {

    /** The bridge's client: one rate limiter for every user of this Withings application. */
    WithingsClient client();

    /**
     * Whether the bridge is running: initialised with a valid configuration and not disposed. A stopped bridge has
     * released the sessions of its users, so {@link #tokenProvider(String)} is then empty for every user although
     * none of them needs re-authorisation.
     */
    boolean isRunning();

    /** The token source of a linked user (the one OAuthClientService of that user), or empty if not linked. */
    Optional<TokenProvider> tokenProvider(String userId);

    /** The bridge configuration (poll intervals, back-fill window, ...). */
    WithingsAccountConfiguration configuration();

    /** Text for a user Thing's status when re-authorisation is needed: a translatable status text key with the bridge id as argument. */
    String authorizationNeededStatus();

    /** Whether the webhook subscriptions of this user are currently registered and healthy. */
    boolean webhooksHealthy(String userId);

    /** A user handler starts (initialize) or stops (dispose) receiving calls. */
    void registerUserListener(WithingsUserListener listener);

    void unregisterUserListener(WithingsUserListener listener);
}
