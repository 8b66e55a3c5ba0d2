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

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.handler.TestOAuthFactory;
import org.openhab.binding.withings.internal.api.WithingsApiConfig;
import org.openhab.binding.withings.internal.auth.WithingsOAuth;
import org.openhab.core.auth.client.oauth2.OAuthClientService;

/**
 * Tests {@link LinkedUsers}: one OAuth service per user handle, also when the bridge's start and a link of the same
 * user open its session at the same time.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class LinkedUsersTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void concurrentOpensOfOneUserCreateOneOAuthService() throws Exception {
        CountDownLatch firstIn = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        TestOAuthFactory factory = new TestOAuthFactory() {
            @Override
            public OAuthClientService createOAuthClientService(String handle, String tokenUrl,
                    @Nullable String authorizationUrl, String clientId, @Nullable String clientSecret,
                    @Nullable String scope, @Nullable Boolean supportsBasicAuth) {
                if (calls.incrementAndGet() == 1) {
                    firstIn.countDown();
                    try {
                        release.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.createOAuthClientService(handle, tokenUrl, authorizationUrl, clientId, clientSecret,
                        scope, supportsBasicAuth);
            }
        };
        LinkedUsers users = new LinkedUsers("home", factory, Clock.systemUTC(), new LinkedUsers.Events() {
            @Override
            public void authorizationLost(String userId) {
            }

            @Override
            public void authorized(String userId) {
            }
        });
        LinkedUser user = new LinkedUser("12345", "user.metrics", Instant.EPOCH);
        WithingsApiConfig api = WithingsApiConfig.defaults();

        // the bridge's start opens the stored user ...
        CompletableFuture<UserSession> start = CompletableFuture.supplyAsync(() -> users.open(user, api, "id", "s"));
        assertTrue(firstIn.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        // ... while the linking page opens it for a new link of the same user
        Thread link = new Thread(() -> users.open(user, api, "id", "s"));
        link.start();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (link.getState() != Thread.State.BLOCKED && link.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        release.countDown();
        link.join(TIMEOUT.toMillis());
        UserSession session = start.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        String handle = WithingsOAuth.handle("home", "12345");
        assertEquals(1, factory.created.stream().filter(handle::equals).count(), "OAuth services of the handle");
        assertSame(session, users.session("12345"));
    }
}
