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

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * What the account bridge calls on a user Thing's handler. Calls arrive on the bridge's scheduler, never on a
 * servlet thread.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public interface WithingsUserListener {

    /** The Withings userid this listener stands for. */
    String userId();

    /** A notification for this user arrived. Must return quickly; fetches go to the handler's scheduler. */
    void onNotification(WithingsNotification notification);

    /** The user's authorization is gone (refused refresh, revoked, unlinked): re-authorisation needed. */
    void onAuthorizationLost();

    /** The user was linked (again) and the token works. */
    void onAuthorized();

    /** Webhooks for this user became healthy (true) or unhealthy (false): poll intervals adapt. */
    void onWebhookHealth(boolean healthy);
}
