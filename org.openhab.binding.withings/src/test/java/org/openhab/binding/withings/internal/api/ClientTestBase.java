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

import java.time.Clock;
import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Test base: a {@link FixtureServer} on loopback and a {@link WithingsClient} over a plain Jetty 9.4 client
 * pointing at it.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public abstract class ClientTestBase {

    /** The bearer token of the tests; it must never appear in an exception message. */
    static final String TOKEN = "SECRET-ACCESS-TOKEN-4f9a";

    protected @Nullable FixtureServer server;
    protected @Nullable HttpClient httpClient;
    protected @Nullable WithingsClient client;
    protected @Nullable WithingsRateLimiter limiter;
    protected CountingTokenProvider tokens = new CountingTokenProvider(TOKEN);

    @BeforeEach
    void startServer() throws Exception {
        FixtureServer s = new FixtureServer();
        server = s;
        HttpClient http = new HttpClient();
        http.start();
        httpClient = http;
        client = newClient(WithingsApiConfig.DEFAULT_MAX_PAGES, Duration.ofSeconds(10));
    }

    protected WithingsClient newClient(int maxPages, Duration timeout) {
        WithingsRateLimiter l = new WithingsRateLimiter(1000, Duration.ofMinutes(5), Clock.systemUTC());
        limiter = l;
        WithingsApiConfig config = new WithingsApiConfig(server().baseUri(), server().baseUri(), timeout, maxPages);
        return new WithingsClient(new WithingsHttpTransport(http()), config, l);
    }

    @AfterEach
    void stopServer() throws Exception {
        HttpClient http = httpClient;
        if (http != null) {
            http.stop();
        }
        FixtureServer s = server;
        if (s != null) {
            s.close();
        }
    }

    protected FixtureServer server() {
        FixtureServer s = server;
        if (s == null) {
            throw new IllegalStateException("server not started");
        }
        return s;
    }

    protected HttpClient http() {
        HttpClient h = httpClient;
        if (h == null) {
            throw new IllegalStateException("client not started");
        }
        return h;
    }

    protected WithingsClient client() {
        WithingsClient c = client;
        if (c == null) {
            throw new IllegalStateException("client not created");
        }
        return c;
    }

    protected WithingsRateLimiter limiter() {
        WithingsRateLimiter l = limiter;
        if (l == null) {
            throw new IllegalStateException("limiter not created");
        }
        return l;
    }
}
