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
import static org.mockito.ArgumentMatchers.*;
import static org.mockito.Mockito.*;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.WithingsBindingConstants;
import org.openhab.binding.withings.internal.auth.WithingsOAuth;
import org.openhab.binding.withings.internal.discovery.WithingsDiscoveryService;
import org.openhab.binding.withings.simulator.Delivery;
import org.openhab.binding.withings.simulator.Subscription;
import org.openhab.core.config.discovery.DiscoveryListener;
import org.openhab.core.config.discovery.DiscoveryResult;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingUID;

/**
 * End to end against the cloud simulator, over real HTTP everywhere: an account bridge → its linking page → "Link"
 * → the simulator's consent → the callback → the token stored → a discovery result → subscriptions registered
 * (the simulator validates the callback with HEAD) → a simulated in-bed event reaches the user's Thing → bridge
 * removal revokes the subscriptions and deletes the token.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsAccountEndToEndTest extends AccountTestBase {

    private static final long SLEEPER = 30000003L;
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

    // keeps the linking page's client cookie, as a browser does
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager()).build();
    private final ScheduledExecutorService discoveryScheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopDiscoveryScheduler() throws InterruptedException {
        discoveryScheduler.shutdownNow();
        discoveryScheduler.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void linkDiscoverSubscribeAndReceiveAnInBedEvent() throws Exception {
        WithingsAccountHandler handler = handler(bridge(webhookConfig()));
        WithingsDiscoveryService discovery = new WithingsDiscoveryService(discoveryScheduler);
        DiscoveryListener inbox = mock(DiscoveryListener.class);
        discovery.addDiscoveryListener(inbox);
        discovery.setThingHandler(handler);
        WithingsUserHandler user = userThing(handler, "30000003");
        handler.initialize();
        discovery.initialize();
        awaitStatus(s -> s.getStatus() == ThingStatus.OFFLINE);
        verify(user, timeout(TIMEOUT.toMillis())).onAuthorizationLost();

        // the linking page and its "Link" button
        URI page = URI.create(httpService.baseUri() + WithingsBindingConstants.CONNECT_PATH + BRIDGE_ID);
        String html = browser.send(HttpRequest.newBuilder(page).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = FORM_TOKEN.matcher(html);
        assertTrue(m.find());
        String form = "action=link&formToken=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> linkPressed = browser.send(
                HttpRequest.newBuilder(page).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        String authorizeUrl = linkPressed.headers().firstValue("Location").orElseThrow();

        // consent at the simulator (its sim_user shortcut), then the browser follows the redirect back
        String callback = sim.authorize(authorizeUrl, SLEEPER);
        HttpResponse<String> linked = browser.send(HttpRequest.newBuilder(URI.create(callback)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, linked.statusCode());
        assertTrue(linked.body().contains("Withings user 30000003 is linked."));

        // token stored under the user's handle, temporary handle gone
        assertTrue(oauth.tokens.containsKey(WithingsOAuth.handle(BRIDGE_ID, "30000003")));
        assertEquals(1, oauth.storedHandles().size());
        awaitStatus(s -> s.getStatus() == ThingStatus.ONLINE);
        verify(user, timeout(TIMEOUT.toMillis())).onAuthorized();

        // inbox: the user and its devices
        ThingUID userUID = new ThingUID(WithingsBindingConstants.THING_TYPE_USER, handler.getThing().getUID(),
                "30000003");
        verify(inbox, timeout(TIMEOUT.toMillis()).atLeastOnce()).thingDiscovered(eq(discovery),
                argThat((DiscoveryResult r) -> r != null && r.getThingUID().equals(userUID)
                        && "30000003".equals(r.getProperties().get("userId"))
                        && "userId".equals(r.getRepresentationProperty())
                        && handler.getThing().getUID().equals(r.getBridgeUID())
                        && !r.getLabel().contains("30000003")));
        verify(inbox, timeout(TIMEOUT.toMillis()).atLeastOnce()).thingDiscovered(eq(discovery),
                argThat((DiscoveryResult r) -> r != null
                        && WithingsBindingConstants.THING_TYPE_DEVICE.equals(r.getThingTypeUID())
                        && "30000003".equals(r.getProperties().get("userId"))
                        && r.getProperties().get("deviceId") != null
                        && "deviceId".equals(r.getRepresentationProperty())));

        // subscriptions registered at the simulator (which probed our webhook with HEAD first)
        String webhookPrefix = httpService.baseUri() + WithingsBindingConstants.WEBHOOK_PATH;
        await(() -> sim.control().subscriptions(SLEEPER).stream()
                .anyMatch(s -> s.appli() == 50 && s.callbackUrl().startsWith(webhookPrefix)), "in-bed subscription");
        await(() -> handler.webhooksHealthy("30000003"), "healthy webhooks");
        verify(user, timeout(TIMEOUT.toMillis())).onWebhookHealth(true);
        List<Subscription> subscriptions = sim.control().subscriptions(SLEEPER);
        assertTrue(subscriptions.stream().anyMatch(s -> s.appli() == 51));
        assertTrue(subscriptions.stream().allMatch(s -> s.callbackUrl().startsWith(webhookPrefix)));
        await(() -> String
                .valueOf(handler.getThing().getProperties().get(WithingsBindingConstants.PROPERTY_WEBHOOK_STATUS))
                .contains("healthy"), "webhook status property");

        // a simulated in-bed event reaches the user's Thing
        List<Delivery> deliveries = sim.control().setInBed(SLEEPER, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertFalse(deliveries.isEmpty());
        assertTrue(deliveries.stream().allMatch(Delivery::succeeded), deliveries.toString());
        verify(user, timeout(TIMEOUT.toMillis())).onNotification(
                argThat(n -> n != null && "30000003".equals(n.userId()) && n.appli() == 50));

        // removing the bridge revokes the subscriptions and deletes the token
        handler.handleRemoval();
        awaitStatus(s -> s.getStatus() == ThingStatus.REMOVED);
        assertTrue(sim.control().subscriptions(SLEEPER).isEmpty(), "subscriptions revoked");
        assertTrue(oauth.tokens.isEmpty());
        discovery.dispose();
    }

    @Test
    void aPlainRestartKeepsTheSubscriptionsAndUnlinkingRevokesThem() throws Exception {
        org.openhab.core.thing.Bridge bridge = bridge(webhookConfig());
        WithingsAccountHandler first = handler(bridge);
        first.initialize();
        awaitStatus(s -> s.getStatus() == ThingStatus.OFFLINE);
        link(first, SLEEPER);
        await(() -> first.webhooksHealthy("30000003"), "healthy webhooks");
        List<Subscription> subscribed = sim.control().subscriptions(SLEEPER);
        assertTrue(subscribed.stream().anyMatch(s -> s.appli() == 50), subscribed.toString());

        // a restart of the bridge: nothing is revoked, the new handler finds its own subscriptions again
        dispose(first);
        assertEquals(subscribed, sim.control().subscriptions(SLEEPER));
        clearStatuses();
        WithingsAccountHandler second = handler(bridge);
        second.initialize();
        await(() -> second.webhooksHealthy("30000003"), "healthy webhooks after the restart");
        assertEquals(subscribed, sim.control().subscriptions(SLEEPER));
        assertTrue(sim.control().requests().stream().noneMatch(r -> "revoke".equals(r.action())),
                "no revoke call at all");

        // unlinking revokes the user's subscriptions and deletes the token
        assertTrue(second.linking().unlink("30000003"));
        await(() -> sim.control().subscriptions(SLEEPER).isEmpty(), "subscriptions revoked on unlink");
        await(() -> !oauth.tokens.containsKey(WithingsOAuth.handle(BRIDGE_ID, "30000003")), "token deletion");
    }

    @Test
    void aUserThatAlreadyIsAThingIsNotProposedAgain() throws Exception {
        Map<String, Object> config = validConfig();
        org.openhab.core.thing.Bridge bridge = spy(bridge(config));
        org.openhab.core.thing.Thing existing = org.openhab.core.thing.binding.builder.ThingBuilder
                .create(WithingsBindingConstants.THING_TYPE_USER, new ThingUID(WithingsBindingConstants.THING_TYPE_USER,
                        bridge.getUID(), "me"))
                .withBridge(bridge.getUID())
                .withConfiguration(new org.openhab.core.config.core.Configuration(Map.of("userId", "30000001")))
                .build();
        doReturn(List.of(existing)).when(bridge).getThings();
        WithingsAccountHandler handler = handler(bridge);
        WithingsDiscoveryService discovery = new WithingsDiscoveryService(discoveryScheduler);
        DiscoveryListener inbox = mock(DiscoveryListener.class);
        discovery.addDiscoveryListener(inbox);
        discovery.setThingHandler(handler);
        handler.initialize();
        discovery.initialize();
        awaitStatus(s -> s.getStatus() == ThingStatus.OFFLINE);

        link(handler, 30000001L);
        link(handler, 30000002L);

        ThingUID other = new ThingUID(WithingsBindingConstants.THING_TYPE_USER, bridge.getUID(), "30000002");
        verify(inbox, timeout(TIMEOUT.toMillis()).atLeastOnce()).thingDiscovered(eq(discovery),
                argThat((DiscoveryResult r) -> r != null && r.getThingUID().equals(other)));
        // devices of the linked users are fetched in the background: wait for both, then check no user result for 1
        verify(inbox, timeout(TIMEOUT.toMillis()).atLeast(2)).thingDiscovered(eq(discovery),
                argThat((DiscoveryResult r) -> r != null
                        && WithingsBindingConstants.THING_TYPE_DEVICE.equals(r.getThingTypeUID())));
        verify(inbox, never()).thingDiscovered(eq(discovery), argThat((DiscoveryResult r) -> r != null
                && "30000001".equals(r.getProperties().get("userId"))
                && WithingsBindingConstants.THING_TYPE_USER.equals(r.getThingTypeUID())));

        assertTrue(handler.linking().unlink("30000002"));
        verify(inbox, timeout(TIMEOUT.toMillis())).thingRemoved(discovery, other);
        discovery.dispose();
    }

    @Test
    void anUnreachableWebhookKeepsTheBridgeOnlineAndSaysWhy() throws Exception {
        Map<String, Object> config = validConfig();
        // nothing listens there: the simulator's HEAD probe fails and subscribe answers 293
        config.put("webhookUrl", "http://127.0.0.1:1");
        WithingsAccountHandler handler = handler(bridge(config));
        handler.initialize();
        awaitStatus(s -> s.getStatus() == ThingStatus.OFFLINE);

        link(handler, SLEEPER);

        awaitStatus(s -> s.getStatus() == ThingStatus.ONLINE
                && "@text/webhook.status.unreachable".equals(s.getDescription()));
        assertFalse(handler.webhooksHealthy("30000003"));
        assertTrue(sim.control().subscriptions(SLEEPER).isEmpty());
        assertEquals("30000003: unreachable",
                handler.getThing().getProperties().get(WithingsBindingConstants.PROPERTY_WEBHOOK_STATUS));
        assertTrue(handler.linking().linkedUsers().get(0).webhooks().startsWith("unreachable"));
    }

    @Test
    void anUnreachableTokenEndpointIsACommunicationErrorNotALostAuthorization() throws Exception {
        WithingsAccountHandler handler = handler(bridge(validConfig()));
        handler.initialize();
        awaitStatus(s -> s.getStatus() == ThingStatus.OFFLINE);
        link(handler, SLEEPER);
        awaitStatus(s -> s.getStatus() == ThingStatus.ONLINE);
        WithingsUserHandler user = userThing(handler, "30000003");

        sim.close();
        assertThrows(org.openhab.binding.withings.internal.api.WithingsApiException.class,
                () -> handler.tokenProvider("30000003").orElseThrow().refreshedAccessToken());
        assertEquals(org.openhab.binding.withings.internal.servlet.AccountLinking.TokenState.UNREACHABLE,
                handler.linking().linkedUsers().get(0).tokenState());

        handler.checkUsers();
        assertEquals(ThingStatus.ONLINE, lastStatus().getStatus(), "a stored, unexpired token still counts");
        verify(user, never()).onAuthorizationLost();
    }
}
