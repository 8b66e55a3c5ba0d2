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

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;

/**
 * Fault injection of every kind, counted and timed, from Java, from the command-line syntax and over the control API.
 *
 * @author Withings binding contributors - Initial contribution
 */
class FaultInjectionTest {

    private final SimClock clock = new SimClock(Instant.parse("2026-03-10T09:00:00Z"));
    private WithingsCloudSimulator sim;
    private String token;
    private long scale;

    @BeforeEach
    void start() throws Exception {
        sim = WithingsCloudSimulator.start(SimulatorOptions.defaults().port(0).clock(clock));
        scale = sim.user(SimUser.Kind.SCALE).userid();
        token = accessToken(sim, scale, ALL_SCOPES);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> getmeas() throws IOException, InterruptedException {
        return postRaw(sim.baseUri(), "/measure", token, params("action", "getmeas", "meastype", "1"));
    }

    private int getmeasStatus() throws IOException, InterruptedException {
        return JsonParser.parseString(getmeas().body()).getAsJsonObject().get("status").getAsInt();
    }

    @Test
    void statusEnvelopeForNRequestsOnOneEndpoint() throws Exception {
        sim.control().injectFault(FaultSpec.status(601).on("/measure", "getmeas").times(2));
        assertEquals(0, status(post(sim.baseUri(), "/v2/user", token, "action", "getdevice")), "other endpoint");
        HttpResponse<String> first = getmeas();
        assertEquals(200, first.statusCode());
        assertEquals(601, JsonParser.parseString(first.body()).getAsJsonObject().get("status").getAsInt());
        assertEquals(601, getmeasStatus());
        assertEquals(0, getmeasStatus());
        RecordedRequest faulted = sim.control().requests().stream().filter(r -> "STATUS".equals(r.fault()))
                .findFirst().orElseThrow();
        assertEquals(601, faulted.status());
        assertEquals(scale, faulted.userid());
    }

    @Test
    void httpErrorWithHtmlPage() throws Exception {
        sim.control().injectFault(FaultSpec.httpError(503));
        HttpResponse<String> r = getmeas();
        assertEquals(503, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(r.body().contains("<html>"));
        assertEquals(0, getmeasStatus());
    }

    @Test
    void truncatedBodyIsNotJson() throws Exception {
        sim.control().injectFault(FaultSpec.truncated());
        HttpResponse<String> r = getmeas();
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("{\"status\":0"));
        assertThrows(JsonSyntaxException.class, () -> JsonParser.parseString(r.body()).getAsJsonObject());
    }

    @Test
    void delayedAnswerStillArrives() throws Exception {
        sim.control().injectFault(FaultSpec.delay(Duration.ofMillis(300)));
        assertEquals(0, getmeasStatus());
        RecordedRequest r = sim.control().requests().get(sim.control().requests().size() - 1);
        assertEquals("DELAY", r.fault());
        assertTrue(r.durationMs() >= 300, "the recorded duration includes the delay");
    }

    @Test
    void invalidTokenEnvelope() throws Exception {
        sim.control().injectFault(FaultSpec.invalidToken().on("measure", null));
        assertEquals(401, getmeasStatus());
        assertEquals(0, getmeasStatus(), "the token itself is still valid");
    }

    @Test
    void refusedConnectionsUntilCleared() throws Exception {
        sim.control().injectFault(FaultSpec.refuse(Duration.ofMinutes(5)));
        assertFalse(sim.listening());
        assertThrows(ConnectException.class, this::getmeas);
        sim.control().clearFaults();
        assertTrue(sim.listening());
        assertEquals(0, getmeasStatus());
    }

    @Test
    void refusedConnectionsEndByThemselves() throws Exception {
        sim.control().injectFault(FaultSpec.refuse(Duration.ofMillis(200)));
        assertThrows(ConnectException.class, this::getmeas);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!sim.listening() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(sim.listening());
        assertEquals(0, getmeasStatus());
    }

    @Test
    void timedFaultEndsWithTheClock() throws Exception {
        sim.control().injectFault(FaultSpec.status(522).during(Duration.ofMinutes(1)));
        assertEquals(522, getmeasStatus());
        assertEquals(522, getmeasStatus());
        assertEquals(1, sim.control().faults().size());
        clock.advance(Duration.ofSeconds(61));
        assertEquals(0, getmeasStatus());
        assertTrue(sim.control().faults().isEmpty());
    }

    @Test
    void aLostRefreshAnswerRotatedTheTokensButTheOldRefreshTokenStillWorksUntilTheNewAccessTokenIsUsed()
            throws Exception {
        JsonObject first = exchange(sim, code(sim, scale, ALL_SCOPES)).getAsJsonObject("body");
        String refreshToken = first.get("refresh_token").getAsString();
        sim.control().injectFault(FaultSpec.parse("v2/oauth2.requesttoken:drop"));

        assertThrows(IOException.class, () -> refresh(sim, refreshToken), "no answer arrives");
        RecordedRequest lost = sim.control().requests().get(sim.control().requests().size() - 1);
        assertEquals("DROP", lost.fault());
        assertEquals(0, lost.status(), "the refresh itself succeeded at the simulator");

        // the client retries with the refresh token it still has: the grace period lets it through
        JsonObject retried = refresh(sim, refreshToken);
        assertEquals(0, status(retried));
        String access = retried.getAsJsonObject("body").get("access_token").getAsString();
        String newest = retried.getAsJsonObject("body").get("refresh_token").getAsString();
        assertEquals(0, status(post(sim.baseUri(), "/v2/user", access, "action", "getdevice")));
        // once the new access token is used, the old refresh token is dead, the newest works
        assertEquals(401, status(refresh(sim, refreshToken)));
        assertEquals(0, status(refresh(sim, newest)));
        assertEquals(FaultSpec.Kind.DROP, FaultSpec.parse("all:drop:2").kind());
        assertEquals(2, FaultSpec.parse("all:drop:2").count());
    }

    @Test
    void commandLineSyntax() {
        FaultSpec f = FaultSpec.parse("measure:601:3");
        assertEquals(FaultSpec.Kind.STATUS, f.kind());
        assertEquals("/measure", f.path());
        assertNull(f.action());
        assertEquals(601, f.status());
        assertEquals(3, f.count());
        FaultSpec g = FaultSpec.parse("v2/sleep.getsummary:http502:30s");
        assertEquals(FaultSpec.Kind.HTTP_ERROR, g.kind());
        assertEquals("/v2/sleep", g.path());
        assertEquals("getsummary", g.action());
        assertEquals(502, g.status());
        assertEquals(Duration.ofSeconds(30), g.duration());
        assertEquals(FaultSpec.Kind.TRUNCATED, FaultSpec.parse("all:truncate").kind());
        assertNull(FaultSpec.parse("all:truncate").path());
        assertEquals(Duration.ofSeconds(3), FaultSpec.parse("all:delay=3s:10").delay());
        assertEquals(Duration.ofSeconds(30), FaultSpec.parse("all:refuse:30s").delay());
        assertEquals(FaultSpec.Kind.INVALID_TOKEN, FaultSpec.parse("measure:token:1").kind());
        assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("measure"));
        assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("measure:bogus"));
    }

    @Test
    void faultFromOptionsAppliesFromTheStart() throws Exception {
        try (WithingsCloudSimulator faulty = WithingsCloudSimulator
                .start(SimulatorOptions.defaults().fault(FaultSpec.parse("v2/oauth2:601:1")))) {
            long user = faulty.users().get(0).userid();
            assertEquals(601, status(exchange(faulty, code(faulty, user, ALL_SCOPES))));
            assertEquals(0, status(exchange(faulty, code(faulty, user, ALL_SCOPES))));
        }
    }

    @Test
    void faultsOverTheControlApi() throws Exception {
        HttpResponse<String> r = CLIENT.send(java.net.http.HttpRequest.newBuilder(sim.baseUri().resolve("/_sim/faults"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"spec\":\"measure:601:1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(601, getmeasStatus());
        HttpResponse<String> json = CLIENT.send(
                java.net.http.HttpRequest.newBuilder(sim.baseUri().resolve("/_sim/faults"))
                        .POST(java.net.http.HttpRequest.BodyPublishers
                                .ofString("{\"kind\":\"HTTP_ERROR\",\"status\":500,\"path\":\"/measure\",\"count\":5}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, json.statusCode(), json.body());
        assertEquals(500, getmeas().statusCode());
        HttpResponse<String> cleared = CLIENT.send(java.net.http.HttpRequest
                .newBuilder(sim.baseUri().resolve("/_sim/faults")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, cleared.statusCode());
        assertEquals(0, getmeasStatus());

        HttpResponse<String> refuse = CLIENT.send(java.net.http.HttpRequest
                .newBuilder(sim.baseUri().resolve("/_sim/faults"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"spec\":\"all:refuse:5m\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, refuse.statusCode(), "answered before the connector stops");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sim.listening() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertFalse(sim.listening());
        sim.control().clearFaults();
        assertEquals(0, getmeasStatus());
    }
}
