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
package org.openhab.binding.withings.simulator;

import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.withings.simulator.SimTestSupport.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/**
 * The notify API: HEAD validation on subscribe, list/get/revoke/update, delivery of notification forms, and the
 * drop after 4 consecutive failed deliveries.
 *
 * @author Withings binding contributors - Initial contribution
 */
class NotifyTest {

    private WithingsCloudSimulator sim;
    private Receiver receiver;
    private long scale;
    private String token;

    @BeforeEach
    void start() throws Exception {
        sim = WithingsCloudSimulator.start(SimulatorOptions.defaults().port(0).seed(42));
        receiver = new Receiver();
        scale = sim.user(SimUser.Kind.SCALE).userid();
        token = accessToken(sim, scale, ALL_SCOPES);
    }

    @AfterEach
    void stop() {
        receiver.close();
        sim.close();
    }

    private JsonObject subscribe(String url, int appli) throws Exception {
        return post(sim.baseUri(), "/notify", token, "action", "subscribe", "callbackurl", url, "appli",
                Integer.toString(appli), "comment", "openHAB");
    }

    @Test
    void subscribeProbesWithHeadAndListsTheSubscription() throws Exception {
        String url = receiver.url("/withings/webhook/secret");
        assertEquals(0, status(subscribe(url, 1)));
        Receiver.Received probe = receiver.received.poll(5, TimeUnit.SECONDS);
        assertNotNull(probe);
        assertEquals("HEAD", probe.method());

        JsonObject list = post(sim.baseUri(), "/notify", token, "action", "list").getAsJsonObject("body");
        JsonObject profile = list.getAsJsonArray("profiles").get(0).getAsJsonObject();
        assertEquals(1, profile.get("appli").getAsInt());
        assertEquals(url, profile.get("callbackurl").getAsString());
        assertEquals(2147483647L, profile.get("expires").getAsLong());
        assertEquals("openHAB", profile.get("comment").getAsString());

        JsonObject got = post(sim.baseUri(), "/notify", token, "action", "get", "callbackurl", url, "appli", "1")
                .getAsJsonObject("body");
        assertEquals(url, got.get("callbackurl").getAsString());
        assertEquals(1, sim.control().subscriptions(scale).size());

        assertEquals(0, status(post(sim.baseUri(), "/notify", token, "action", "update", "callbackurl", url,
                "appli", "1", "new_appli", "4")));
        assertEquals(4, sim.control().subscriptions(scale).get(0).appli());
        assertEquals(0, status(post(sim.baseUri(), "/notify", token, "action", "revoke", "callbackurl", url,
                "appli", "4")));
        assertTrue(sim.control().subscriptions(scale).isEmpty());
        assertEquals(294, status(post(sim.baseUri(), "/notify", token, "action", "revoke", "callbackurl", url,
                "appli", "4")));
        assertEquals(286, status(post(sim.baseUri(), "/notify", token, "action", "get", "callbackurl", url,
                "appli", "4")));
    }

    @Test
    void failingHeadProbeGives293() throws Exception {
        receiver.headCode = 404;
        assertEquals(293, status(subscribe(receiver.url("/hook"), 1)));
        assertTrue(sim.control().subscriptions(scale).isEmpty());
        receiver.close();
        assertEquals(293, status(subscribe(receiver.url("/hook"), 1)), "unreachable callback");
    }

    @Test
    void strictModeAppliesWithingsUrlRules() throws Exception {
        try (WithingsCloudSimulator strict = WithingsCloudSimulator
                .start(SimulatorOptions.defaults().strictCallbackUrls(true))) {
            long user = strict.users().get(0).userid();
            String t = accessToken(strict, user, ALL_SCOPES);
            for (String url : List.of(receiver.url("/hook"), "https://127.0.0.1/hook", "https://example.org:8443/x",
                    "http://example.org/x", "https://example.org/" + "a".repeat(260))) {
                assertEquals(294, status(post(strict.baseUri(), "/notify", t, "action", "subscribe", "callbackurl",
                        url, "appli", "1")), url);
            }
            // a valid-looking https URL that cannot be probed
            assertEquals(293, status(post(strict.baseUri(), "/notify", t, "action", "subscribe", "callbackurl",
                    "https://unreachable.invalid/hook", "appli", "1")));
        }
    }

    @Test
    void deliversTheNotificationFormWhenDataIsAdded() throws Exception {
        String url = receiver.url("/hook");
        assertEquals(0, status(subscribe(url, 1)));
        receiver.received.clear();
        Instant when = Instant.now().minusSeconds(60);
        List<Delivery> deliveries = sim.control().addWeighing(scale, 80.2, when).get(10, TimeUnit.SECONDS);
        assertEquals(1, deliveries.size());
        Delivery d = deliveries.get(0);
        assertEquals(200, d.answerCode());
        assertTrue(d.succeeded());
        assertEquals(1, d.appli());
        Receiver.Received post = receiver.received.poll(5, TimeUnit.SECONDS);
        assertNotNull(post);
        assertEquals("POST", post.method());
        assertEquals(Long.toString(scale), post.form().get("userid"));
        assertEquals("1", post.form().get("appli"));
        assertEquals(Long.toString(when.getEpochSecond()), post.form().get("startdate"));
        assertTrue(post.form().containsKey("enddate"));
        assertEquals(1, sim.control().awaitDeliveries(1, Duration.ofSeconds(5)).size());
        assertEquals(d, sim.control().notificationsDelivered().get(0));
    }

    @Test
    void nobodySubscribedMeansNoDelivery() throws Exception {
        assertTrue(sim.control().addWeighing(scale, 80.0, Instant.now()).get(5, TimeUnit.SECONDS).isEmpty());
        assertTrue(sim.control().notificationsDelivered().isEmpty());
    }

    @Test
    void inBedEventsNeedTheSleepeventsScope() throws Exception {
        long sleeper = sim.user(SimUser.Kind.SLEEP).userid();
        String withScope = accessToken(sim, sleeper, ALL_SCOPES);
        String withoutScope = accessToken(sim, sleeper, "user.activity");
        assertEquals(0, status(post(sim.baseUri(), "/notify", withScope, "action", "subscribe", "callbackurl",
                receiver.url("/with"), "appli", "50")));
        assertEquals(0, status(post(sim.baseUri(), "/notify", withoutScope, "action", "subscribe", "callbackurl",
                receiver.url("/without"), "appli", "50")), "accepted, but never delivered");
        List<Delivery> deliveries = sim.control().setInBed(sleeper, true).get(5, TimeUnit.SECONDS);
        assertEquals(1, deliveries.size());
        assertEquals(receiver.url("/with"), deliveries.get(0).callbackUrl());
        assertEquals("50", deliveries.get(0).form().get("appli"));
        assertTrue(deliveries.get(0).form().containsKey("date"));
        assertTrue(deliveries.get(0).form().containsKey("deviceid"));
        assertTrue(sim.control().setInBed(sleeper, false).get(5, TimeUnit.SECONDS).isEmpty(), "nobody on 51");
        assertEquals(277, status(post(sim.baseUri(), "/notify", withoutScope, "action", "subscribe", "callbackurl",
                receiver.url("/x"), "appli", "1")), "appli 1 needs user.metrics");
    }

    @Test
    void subscriptionIsDroppedAfterFourConsecutiveFailures() throws Exception {
        assertEquals(0, status(subscribe(receiver.url("/hook"), 1)));
        receiver.postCode = 500;
        for (int i = 1; i <= 3; i++) {
            Delivery d = sim.control().addWeighing(scale, 80, Instant.now()).get(5, TimeUnit.SECONDS).get(0);
            assertEquals(500, d.answerCode());
            assertFalse(d.dropped());
            assertEquals(i, sim.control().subscriptions(scale).get(0).consecutiveFailures());
        }
        // a success in between resets the count
        receiver.postCode = 200;
        sim.control().addWeighing(scale, 80, Instant.now()).get(5, TimeUnit.SECONDS);
        assertEquals(0, sim.control().subscriptions(scale).get(0).consecutiveFailures());
        receiver.postCode = 500;
        for (int i = 1; i <= 4; i++) {
            Delivery d = sim.control().addWeighing(scale, 80, Instant.now()).get(5, TimeUnit.SECONDS).get(0);
            assertEquals(i == 4, d.dropped());
        }
        assertTrue(sim.control().subscriptions(scale).isEmpty());
        assertTrue(sim.control().addWeighing(scale, 80, Instant.now()).get(5, TimeUnit.SECONDS).isEmpty());
        assertEquals(8, sim.control().notificationsDelivered().size());
    }

    @Test
    void revokeTokensAlsoRemovesSubscriptions() throws Exception {
        assertEquals(0, status(subscribe(receiver.url("/hook"), 1)));
        sim.control().revokeTokens(scale);
        assertTrue(sim.control().subscriptions(scale).isEmpty());
    }

    @Test
    void otherAppliesAreDeliveredWithTheirForms() throws Exception {
        long watch = sim.user(SimUser.Kind.WATCH).userid();
        long sleeper = sim.user(SimUser.Kind.SLEEP).userid();
        String watchToken = accessToken(sim, watch, ALL_SCOPES);
        String sleepToken = accessToken(sim, sleeper, ALL_SCOPES);
        assertEquals(0, status(post(sim.baseUri(), "/notify", watchToken, "action", "subscribe", "callbackurl",
                receiver.url("/w"), "appli", "16")));
        assertEquals(0, status(post(sim.baseUri(), "/notify", sleepToken, "action", "subscribe", "callbackurl",
                receiver.url("/s"), "appli", "44")));
        Delivery activity = sim.control().addActivity(watch, java.time.LocalDate.now(), 4000)
                .get(5, TimeUnit.SECONDS).get(0);
        assertEquals("16", activity.form().get("appli"));
        assertTrue(activity.form().containsKey("date"));
        Instant wake = Instant.now().minusSeconds(600);
        Delivery sleep = sim.control().addSleep(sleeper, wake.minusSeconds(8 * 3600), wake).get(5, TimeUnit.SECONDS)
                .get(0);
        assertEquals("44", sleep.form().get("appli"));
        assertEquals(Long.toString(wake.getEpochSecond()), sleep.form().get("enddate"));
        assertEquals(2, sim.control().awaitDeliveries(2, Duration.ofSeconds(5)).size());
    }
}
