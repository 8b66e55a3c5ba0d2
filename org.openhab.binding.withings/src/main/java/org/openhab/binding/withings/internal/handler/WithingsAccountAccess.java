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

import java.util.List;
import java.util.Optional;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.config.WithingsAccountConfiguration;
import org.openhab.binding.withings.internal.dto.Device;

/**
 * What the account bridge offers its user and device Things. Implemented by {@link WithingsAccountHandler}; a child
 * finds it as {@code getBridge().getHandler() instanceof WithingsAccountAccess}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public interface WithingsAccountAccess {

    /** The bridge's client: one request budget for every user of this Withings application. */
    WithingsClient client();

    /**
     * Whether the bridge is running. A stopped bridge has released the sessions of its users, so
     * {@link #tokenProvider(String)} is then empty for every user although none of them needs re-authorisation.
     */
    boolean isRunning();

    /** The token source of a linked user, or empty if not linked. */
    Optional<TokenProvider> tokenProvider(String userId);

    /** The bridge configuration (poll intervals, back-fill window, ...). */
    WithingsAccountConfiguration configuration();

    /** A user Thing's status text when re-authorisation is needed. */
    String authorizationNeededStatus();

    /** Whether the webhook subscriptions of this user are registered and healthy. */
    boolean webhooksHealthy(String userId);

    /**
     * Lists the user's devices ({@code getdevice}, the binding's only call of it), keeps the list and hands each
     * device to its device Thing.
     */
    List<Device> listDevices(String userId, TokenProvider tp) throws WithingsApiException;

    /** The device as last listed by any user of the bridge (a shared scale is listed by several). */
    Optional<Device> device(String deviceId);

    /** Whether the devices of this user (of any user for an empty userid) were listed since the bridge started. */
    boolean devicesListed(String userId);

    /** Whether a user Thing of the bridge stands for this userid. */
    boolean hasUserThing(String userId);
}
