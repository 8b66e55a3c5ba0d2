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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/**
 * The application quota (status 601 above N requests in any 60 s, all users together) and the page sizes of a long
 * {@code lastupdate} back-fill, on the simulator's clock.
 *
 * @author Withings binding contributors - Initial contribution
 */
class QuotaAndPagingTest {

    private final SimClock clock = new SimClock(Instant.parse("2026-03-10T09:00:00Z"));
    private WithingsCloudSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void aRequestAboveTheQuotaOfTheLast60SecondsIsAnswered601AndNotCounted() throws Exception {
        sim = WithingsCloudSimulator.start(SimulatorOptions.defaults().port(0).clock(clock).requestsPerMinute(3));
        String scale = accessToken(sim, sim.user(SimUser.Kind.SCALE).userid(), ALL_SCOPES);
        String watch = accessToken(sim, sim.user(SimUser.Kind.WATCH).userid(), ALL_SCOPES);

        assertEquals(0, status(post(sim.baseUri(), "/measure", scale, "action", "getmeas")));
        clock.advance(Duration.ofSeconds(20));
        assertEquals(0, status(post(sim.baseUri(), "/v2/user", watch, "action", "getdevice")));
        assertEquals(0, status(post(sim.baseUri(), "/v2/user", scale, "action", "getgoals")));
        assertEquals(601, status(post(sim.baseUri(), "/v2/measure", watch, "action", "getactivity")),
                "the fourth request within 60 s, whoever's user it is");
        assertEquals(1, sim.control().quotaRefusals());
        // the token endpoint is not part of the quota
        assertEquals(0, status(exchange(sim, code(sim, sim.user(SimUser.Kind.BPM).userid(), ALL_SCOPES))));

        clock.advance(Duration.ofSeconds(40));
        assertEquals(0, status(post(sim.baseUri(), "/measure", scale, "action", "getmeas")),
                "the first request left the window 60 s after it was made; the refused one never counted");
        assertEquals(601, status(post(sim.baseUri(), "/measure", scale, "action", "getmeas")));
        assertEquals(2, sim.control().quotaRefusals());
    }

    @Test
    void withoutAQuotaNothingIsRefused() throws Exception {
        sim = WithingsCloudSimulator.start(SimulatorOptions.defaults().port(0).clock(clock));
        String scale = accessToken(sim, sim.user(SimUser.Kind.SCALE).userid(), ALL_SCOPES);
        for (int i = 0; i < 150; i++) {
            assertEquals(0, status(post(sim.baseUri(), "/v2/user", scale, "action", "getdevice")));
        }
        assertEquals(0, sim.control().quotaRefusals());
    }

    @Test
    void aLastupdateBackfillOfSleepSummariesComesInPagesOf300LikeWithings() throws Exception {
        sim = WithingsCloudSimulator.start(SimulatorOptions.defaults().port(0).clock(clock));
        long sleeper = sim.user(SimUser.Kind.SLEEP).userid();
        Instant wake = clock.instant().minus(Duration.ofDays(62)).minus(Duration.ofHours(2));
        for (int night = 0; night < 300; night++) {
            Instant end = wake.minus(Duration.ofDays(night));
            sim.control().addSleep(sleeper, end.minus(Duration.ofHours(8)), end).get();
        }
        String token = accessToken(sim, sleeper, ALL_SCOPES);

        JsonObject first = post(sim.baseUri(), "/v2/sleep", token, "action", "getsummary", "lastupdate", "0")
                .getAsJsonObject("body");
        assertEquals(300, first.getAsJsonArray("series").size());
        assertTrue(first.get("more").getAsBoolean());
        assertEquals(300, first.get("offset").getAsInt());
        JsonObject second = post(sim.baseUri(), "/v2/sleep", token, "action", "getsummary", "lastupdate", "0",
                "offset", "300").getAsJsonObject("body");
        assertFalse(second.get("more").getAsBoolean());
        assertTrue(second.getAsJsonArray("series").size() > 0);
        assertTrue(second.getAsJsonArray("series").size() < 300);
    }

    @Test
    void extraUsersHaveTheHistoryOfTheirKind() throws Exception {
        sim = WithingsCloudSimulator.start(SimulatorOptions.defaults().port(0).clock(clock).extraUsers(6));
        assertEquals(10, sim.users().size());
        SimUser fifth = sim.users().get(4);
        assertEquals(30000101L, fifth.userid());
        assertEquals(SimUser.Kind.SCALE, fifth.kind());
        assertEquals(SimUser.Kind.BPM, sim.users().get(9).kind());
        String token = accessToken(sim, fifth.userid(), ALL_SCOPES);
        JsonObject body = post(sim.baseUri(), "/measure", token, "action", "getmeas").getAsJsonObject("body");
        assertEquals(50, body.getAsJsonArray("measuregrps").size(), "a full first page of the scale history");
    }

    @Test
    void aLongGeneratedHistoryIsStampedAtItsOwnTimeSoThatLastupdateSelectsByAge() throws Exception {
        sim = WithingsCloudSimulator.start(SimulatorOptions.defaults().port(0).clock(clock).historyDays(400));
        String token = accessToken(sim, sim.user(SimUser.Kind.SLEEP).userid(), ALL_SCOPES);
        JsonObject all = post(sim.baseUri(), "/v2/sleep", token, "action", "getsummary", "lastupdate", "0")
                .getAsJsonObject("body");
        assertEquals(300, all.getAsJsonArray("series").size());
        assertTrue(all.get("more").getAsBoolean(), "400 nights need two pages");
        long monthAgo = clock.instant().minus(Duration.ofDays(30)).getEpochSecond();
        JsonObject month = post(sim.baseUri(), "/v2/sleep", token, "action", "getsummary", "lastupdate",
                Long.toString(monthAgo)).getAsJsonObject("body");
        int nights = month.getAsJsonArray("series").size();
        assertTrue(nights >= 29 && nights <= 31, nights + " nights modified in the last 30 days");
        assertFalse(month.get("more").getAsBoolean());
    }
}
