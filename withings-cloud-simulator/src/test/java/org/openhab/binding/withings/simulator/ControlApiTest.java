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

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The HTTP control API: info, data additions, requests with counts, deliveries, reset, and the loopback-only rule.
 *
 * @author Withings binding contributors - Initial contribution
 */
class ControlApiTest {

    private WithingsCloudSimulator sim;

    @BeforeEach
    void start() throws Exception {
        sim = WithingsCloudSimulator.start(SimulatorOptions.defaults().port(0).seed(42));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> control(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(sim.baseUri().resolve(path)).timeout(Duration.ofSeconds(10));
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void infoDescribesTheSimulator() throws Exception {
        HttpResponse<String> r = control("GET", "/_sim/info", null);
        assertEquals(200, r.statusCode());
        JsonObject info = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals(sim.baseUri().toString(), info.get("baseUrl").getAsString());
        assertEquals("sim-client-id", info.get("clientId").getAsString());
        JsonArray users = info.getAsJsonArray("users");
        assertEquals(4, users.size());
        assertEquals("SCALE", users.get(0).getAsJsonObject().get("kind").getAsString());
        assertEquals(sim.users().get(3).userid(), users.get(3).getAsJsonObject().get("userid").getAsLong());
    }

    @Test
    void addDataRecordRequestsAndReset() throws Exception {
        long scale = sim.user(SimUser.Kind.SCALE).userid();
        String token = accessToken(sim, scale, ALL_SCOPES);
        try (Receiver receiver = new Receiver()) {
            assertEquals(0, status(post(sim.baseUri(), "/notify", token, "action", "subscribe", "callbackurl",
                    receiver.url("/hook"), "appli", "1")));
            assertEquals(200, control("POST", "/_sim/users/" + scale + "/weighing", "{\"kg\": 81.5}").statusCode());
            assertEquals(200, control("POST", "/_sim/users/" + scale + "/measures",
                    "{\"measures\":[{\"type\":6,\"value\":21349,\"unit\":-3},{\"type\":173,\"value\":30100,\"unit\":-3,"
                            + "\"position\":12}]}").statusCode());
            sim.control().awaitDeliveries(2, Duration.ofSeconds(5));
            HttpResponse<String> deliveries = control("GET", "/_sim/deliveries", null);
            JsonArray list = JsonParser.parseString(deliveries.body()).getAsJsonArray();
            assertEquals(2, list.size());
            assertEquals(200, list.get(0).getAsJsonObject().get("answerCode").getAsInt());
            HttpResponse<String> subs = control("GET", "/_sim/users/" + scale + "/subscriptions", null);
            assertTrue(subs.body().contains(receiver.url("/hook")));
        }
        JsonObject latest = post(sim.baseUri(), "/measure", token, "action", "getmeas", "meastype", "1")
                .getAsJsonObject("body").getAsJsonArray("measuregrps").get(0).getAsJsonObject();
        assertEquals(81500, latest.getAsJsonArray("measures").get(0).getAsJsonObject().get("value").getAsLong());

        JsonObject requests = JsonParser
                .parseString(control("GET", "/_sim/requests?path=/measure&userid=" + scale, null).body())
                .getAsJsonObject();
        assertEquals(1, requests.getAsJsonArray("requests").size());
        assertEquals(1, requests.getAsJsonObject("counts").get("/measure getmeas user " + scale).getAsInt());
        JsonObject one = requests.getAsJsonArray("requests").get(0).getAsJsonObject();
        assertEquals("getmeas", one.get("action").getAsString());
        assertEquals(0, one.get("status").getAsInt());
        assertTrue(one.has("durationMs") && one.has("start"));

        assertEquals(200, control("POST", "/_sim/users/" + sim.user(SimUser.Kind.SLEEP).userid() + "/inbed",
                "{\"inBed\":true}").statusCode());
        assertEquals(200, control("POST", "/_sim/users/" + sim.user(SimUser.Kind.WATCH).userid() + "/workouts",
                "{\"category\":6}").statusCode());
        assertEquals(200, control("POST", "/_sim/users/" + sim.user(SimUser.Kind.SLEEP).userid() + "/sleep", "{}")
                .statusCode());
        assertEquals(200, control("POST", "/_sim/users/" + sim.user(SimUser.Kind.WATCH).userid() + "/activity",
                "{\"steps\":5000}").statusCode());

        assertEquals(200, control("POST", "/_sim/reset", null).statusCode());
        assertTrue(sim.control().requests().isEmpty());
        assertTrue(sim.control().subscriptions(scale).isEmpty());
        assertEquals(401, status(post(sim.baseUri(), "/measure", token, "action", "getmeas")), "tokens cleared");
    }

    @Test
    void revokeOverHttp() throws Exception {
        long bpm = sim.user(SimUser.Kind.BPM).userid();
        String token = accessToken(sim, bpm, ALL_SCOPES);
        assertEquals(200, control("POST", "/_sim/users/" + bpm + "/revoke", null).statusCode());
        assertEquals(401, status(post(sim.baseUri(), "/v2/heart", token, "action", "list")));
    }

    @Test
    void badControlRequests() throws Exception {
        assertEquals(404, control("GET", "/_sim/nothing", null).statusCode());
        assertEquals(404, control("POST", "/_sim/users/1/weighing", "{\"kg\":80}").statusCode());
        assertEquals(400, control("POST", "/_sim/faults", "not json").statusCode());
        assertEquals(405, control("GET", "/_sim/reset", null).statusCode());
    }

    @Test
    void controlApiRefusesNonLoopbackClients() throws Exception {
        Optional<InetAddress> lan = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        Assumptions.assumeTrue(lan.isPresent(), "needs a non-loopback IPv4 address");
        try (WithingsCloudSimulator open = WithingsCloudSimulator.start(SimulatorOptions.defaults().host("0.0.0.0"))) {
            URI viaLan = URI.create("http://" + lan.get().getHostAddress() + ":" + open.baseUri().getPort());
            HttpResponse<String> refused = get(viaLan.resolve("/_sim/info"));
            assertEquals(403, refused.statusCode());
            assertFalse(refused.body().contains("sim-client-secret"));
            assertEquals(200, get(open.baseUri().resolve("/_sim/info")).statusCode(), "loopback allowed");
            // the Withings API itself is reachable from the network
            assertEquals(200, get(viaLan.resolve("/oauth2_user/authorize2?client_id=sim-client-id&response_type=code"
                    + "&redirect_uri=http://x/cb&state=s&scope=user.info")).statusCode());
        }
    }
}
