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
import org.eclipse.jdt.annotation.Nullable;

/**
 * A snapshot of one user's webhook subscriptions. Contains no URL and no secret, so it may be shown (console,
 * properties).
 *
 * @param userId the Withings userid
 * @param health the overall state
 * @param subscribedApplis the notification categories registered with our callback URL (as of the last check)
 * @param skippedApplis categories not subscribed because the user did not grant their scope
 * @param missingScopes the scopes whose absence caused {@code skippedApplis}
 * @param lastCheck when Withings' list of subscriptions was last read, if ever
 * @param lastError the last failure as a short technical text (request, Withings status) without secrets, if any
 * @param nextCheck when the next check (retry or watchdog) is due, if one is scheduled
 * @param failedApplis categories Withings refused permanently at the last check (retried by the watchdog); a
 *            refusal of ECG (54) alone leaves the health {@link WebhookHealth#HEALTHY}
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public record SubscriptionStatus(String userId, WebhookHealth health, Set<Integer> subscribedApplis,
        Set<Integer> skippedApplis, Set<String> missingScopes, @Nullable Instant lastCheck, @Nullable String lastError,
        @Nullable Instant nextCheck, Set<Integer> failedApplis) {

    /**
     * @return the status of a user without webhook
     */
    public static SubscriptionStatus disabled(String userId) {
        return new SubscriptionStatus(userId, WebhookHealth.DISABLED, Set.of(), Set.of(), Set.of(), null, null, null,
                Set.of());
    }

    /** @return this status with another health and next check */
    SubscriptionStatus with(WebhookHealth health, @Nullable Instant nextCheck) {
        return new SubscriptionStatus(userId, health, subscribedApplis, skippedApplis, missingScopes, lastCheck,
                lastError, nextCheck, failedApplis);
    }
}
