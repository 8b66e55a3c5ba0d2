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

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.withings.internal.servlet.WebhookUrl;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.withings.internal.api.WithingsApiConfig;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.api.WithingsHttpTransport;
import org.openhab.binding.withings.internal.api.WithingsRateLimiter;
import org.openhab.binding.withings.internal.config.WithingsAccountConfiguration;

/**
 * The checks of an account bridge's configuration and what it builds from a valid one: the API addresses and the
 * one client (with the one request budget) of the Withings application.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class AccountSettings {

    private AccountSettings() {
    }

    /**
     * @return a status text naming what to fix, or null if the configuration is usable
     */
    public static @Nullable String problem(WithingsAccountConfiguration cfg, AccountWebhooks webhooks) {
        if (cfg.clientId.isBlank()) {
            return "@text/offline.conf-error.client-id-missing";
        }
        if (cfg.clientSecret.isBlank()) {
            return "@text/offline.conf-error.client-secret-missing";
        }
        if (!isHttpUrl(cfg.apiBaseUrl)) {
            return "@text/offline.conf-error.api-base-url-invalid";
        }
        if (!isHttpUrl(cfg.accountBaseUrl)) {
            return "@text/offline.conf-error.account-base-url-invalid";
        }
        String redirect = cfg.redirectUri.trim();
        if (!redirect.isEmpty() && !isHttpUrl(redirect)) {
            return "@text/offline.conf-error.redirect-uri-invalid";
        }
        if (cfg.rateLimit < 1 || cfg.rateLimitPause < 1 || cfg.requestTimeout < 1) {
            return "@text/offline.conf-error.connection-limits-invalid";
        }
        return webhooks.validate(cfg.webhookUrl, WebhookUrl.isWithingsCloud(cfg.apiBaseUrl));
    }

    static boolean isHttpUrl(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme();
            return uri.isAbsolute() && scheme != null
                    && ("http".equals(scheme.toLowerCase(Locale.ROOT))
                            || "https".equals(scheme.toLowerCase(Locale.ROOT)))
                    && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The API addresses of a valid configuration. */
    public static WithingsApiConfig apiConfig(WithingsAccountConfiguration cfg) {
        return new WithingsApiConfig(URI.create(cfg.apiBaseUrl.trim()), URI.create(cfg.accountBaseUrl.trim()),
                Duration.ofSeconds(cfg.requestTimeout), WithingsApiConfig.DEFAULT_MAX_PAGES);
    }

    /** The client of a valid configuration, with its request budget. */
    public static WithingsClient client(WithingsAccountConfiguration cfg, WithingsApiConfig api, HttpClient http,
            Clock clock) {
        return new WithingsClient(new WithingsHttpTransport(http), api,
                new WithingsRateLimiter(cfg.rateLimit, Duration.ofSeconds(cfg.rateLimitPause), clock));
    }
}
