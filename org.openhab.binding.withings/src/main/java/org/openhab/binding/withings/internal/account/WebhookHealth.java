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

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The state of one user's webhook subscriptions, as the {@link SubscriptionReconciler} sees it.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public enum WebhookHealth {
    /** No webhook for this user (no webhook URL configured, or the user is not managed). */
    DISABLED("webhook.status.disabled", "webhook.health.disabled"),
    /** Subscriptions are being checked or registered for the first time. */
    PENDING("webhook.status.pending", "webhook.health.pending"),
    /** Every subscription the granted scopes allow is registered. */
    HEALTHY("webhook.status.healthy", "webhook.health.healthy"),
    /** Some or all subscriptions are missing after a failure; a retry is scheduled. */
    DEGRADED("webhook.status.degraded", "webhook.health.degraded"),
    /** Withings could not reach the callback URL (293/294 on subscribe): no retry until the next ensure. */
    UNREACHABLE("webhook.status.unreachable", "webhook.health.unreachable"),
    /** The user's token was refused: the user must re-authorise. */
    AUTH_FAILED("webhook.status.auth-failed", "webhook.health.auth-failed");

    private final String textKey;
    private final String wordKey;

    WebhookHealth(String textKey, String wordKey) {
        this.textKey = textKey;
        this.wordKey = wordKey;
    }

    /**
     * @return the i18n key of the health in one or two words (bridge property, page, console)
     */
    public String wordKey() {
        return wordKey;
    }

    /**
     * @return the i18n key of a status description for this health (use as {@code "@text/" + textKey()})
     */
    public String textKey() {
        return textKey;
    }

    /**
     * @return true only for {@link #HEALTHY}: notifications can be relied on and polling may slow down
     */
    public boolean isHealthy() {
        return this == HEALTHY;
    }
}
