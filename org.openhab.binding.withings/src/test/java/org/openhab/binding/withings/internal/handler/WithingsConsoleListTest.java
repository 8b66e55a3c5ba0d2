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

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.Mockito.*;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.auth.WithingsOAuth;
import org.openhab.binding.withings.internal.console.WithingsConsoleCommandExtension;
import org.openhab.binding.withings.simulator.Subscription;
import org.openhab.core.auth.client.oauth2.AccessTokenResponse;
import org.openhab.core.io.console.Console;
import org.openhab.core.thing.ThingStatus;

/**
 * Tests {@code withings list} against a running bridge with a linked user: token expiry and counters shown, never
 * a token or the secret.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsConsoleListTest extends AccountTestBase {

    @Test
    void listShowsUsersTokenExpiryAndCountersButNoToken() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        link(handler, 30000001L);
        awaitStatus(s -> s.getStatus() == ThingStatus.ONLINE);
        List<String> lines = new ArrayList<>();
        Console console = mock(Console.class);
        doAnswer(inv -> lines.add(inv.getArgument(0))).when(console).println(anyString());

        new WithingsConsoleCommandExtension(tracker).execute(new String[] { "list" }, console);

        String out = String.join("\n", lines);
        assertTrue(out.contains("Bridge withings:account:home (Home Withings): ONLINE"), out);
        assertTrue(out.contains("/withings/connect/home"), out);
        assertTrue(out.contains("requests: "), out);
        assertTrue(out.contains("user 30000001: token VALID, expires "), out);
        assertTrue(out.contains("webhooks: off (no webhook URL)"), out);
        assertTrue(out.contains("last API status: "), out);
        AccessTokenResponse token = oauth.tokens.get(WithingsOAuth.handle(BRIDGE_ID, "30000001"));
        assertNotNull(token);
        assertFalse(out.contains(String.valueOf(token.getAccessToken())));
        assertFalse(out.contains(String.valueOf(token.getRefreshToken())));
        assertFalse(out.contains(sim.clientSecret()));
    }

    @Test
    void listShowsTheSubscriptionsOfEachUserButNotTheWebhookUrl() throws Exception {
        WithingsAccountHandler handler = handler(bridge(webhookConfig()));
        handler.initialize();
        awaitStatus(s -> s.getStatus() == ThingStatus.OFFLINE);
        link(handler, 30000003L);
        await(() -> handler.webhooksHealthy("30000003"), "healthy webhooks");
        List<Subscription> subscriptions = sim.control().subscriptions(30000003L);
        assertFalse(subscriptions.isEmpty());

        String out = list();
        assertTrue(out.contains("user 30000003: token VALID"), out);
        assertTrue(out.contains("webhooks: healthy, categories ["), out);
        for (Subscription subscription : subscriptions) {
            assertTrue(out.matches("(?s).*categories \\[[^]]*\\b" + subscription.appli() + "\\b.*"),
                    subscription.appli() + " listed: " + out);
            // the callback URL carries the bridge's webhook secret: never shown
            String secret = subscription.callbackUrl().substring(subscription.callbackUrl().lastIndexOf('/') + 1);
            assertFalse(out.contains(secret), out);
        }
    }

    private String list() {
        List<String> lines = new ArrayList<>();
        Console console = mock(Console.class);
        doAnswer(inv -> lines.add(inv.getArgument(0))).when(console).println(anyString());
        new WithingsConsoleCommandExtension(tracker).execute(new String[] { "list" }, console);
        return String.join("\n", lines);
    }
}
