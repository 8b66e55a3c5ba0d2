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
package org.openhab.binding.withings.internal.api;

import java.net.URI;
import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Connection settings of one bridge: base URLs (configurable so tests and the simulator can point at loopback),
 * request timeout and the upper bound of pages followed per request.
 *
 * @param apiBaseUri data and token API, default {@value #DEFAULT_API_BASE}
 * @param accountBaseUri OAuth consent pages, default {@value #DEFAULT_ACCOUNT_BASE}
 * @param requestTimeout timeout of one HTTP request, default 15 s
 * @param maxPages upper bound of pages followed for one paged request, default {@value #DEFAULT_MAX_PAGES}
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public record WithingsApiConfig(URI apiBaseUri, URI accountBaseUri, Duration requestTimeout, int maxPages) {

    public static final String DEFAULT_API_BASE = "https://wbsapi.withings.net";
    public static final String DEFAULT_ACCOUNT_BASE = "https://account.withings.com";
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);
    public static final int DEFAULT_MAX_PAGES = 100;

    public WithingsApiConfig {
        apiBaseUri = stripTrailingSlash(apiBaseUri);
        accountBaseUri = stripTrailingSlash(accountBaseUri);
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive");
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1");
        }
    }

    /**
     * @return the defaults: Withings' public cloud, 15 s timeout, 100 pages
     */
    public static WithingsApiConfig defaults() {
        return new WithingsApiConfig(URI.create(DEFAULT_API_BASE), URI.create(DEFAULT_ACCOUNT_BASE),
                DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_PAGES);
    }

    /**
     * @param apiBase the data/token API base URL
     * @param accountBase the OAuth consent base URL
     * @return a configuration with these bases and default timeout and page bound
     */
    public static WithingsApiConfig of(String apiBase, String accountBase) {
        return new WithingsApiConfig(URI.create(apiBase), URI.create(accountBase), DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_MAX_PAGES);
    }

    /**
     * @param path a service path such as {@code /v2/sleep}
     * @return the absolute API URI
     */
    public URI apiUri(String path) {
        return URI.create(apiBaseUri.toString() + path);
    }

    /**
     * @return the token endpoint {@code <api>/v2/oauth2}
     */
    public String tokenUrl() {
        return apiBaseUri.toString() + "/v2/oauth2";
    }

    /**
     * @return the consent page {@code <account>/oauth2_user/authorize2}
     */
    public String authorizeUrl() {
        return accountBaseUri.toString() + "/oauth2_user/authorize2";
    }

    private static URI stripTrailingSlash(URI uri) {
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s);
    }
}
