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
package org.openhab.binding.withings.internal.reliability;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.simulator.FaultSpec;
import org.openhab.binding.withings.simulator.SimulatorOptions;
import org.openhab.core.auth.client.oauth2.AccessTokenResponse;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.types.RefreshType;

/**
 * Suite 3, token safety, against the simulator's token rules (each refresh rotates the refresh token; the previous
 * one keeps working until the new access token is first used): 50 concurrent API calls while the access token
 * expires cause exactly one refresh; a refresh whose answer is lost (the simulator rotated the tokens, then dropped
 * the connection) is retried with the previous refresh token as Withings documents and the user stays linked; an
 * openHAB restart right after a refresh keeps the newest token. Access tokens live 12 s here, and core refreshes
 * 10 s before expiry, so a token counts as expired 2 s after it was issued.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class TokenSafetyTest extends ReliabilitySuite {

    static final String SUITE = "token-safety";
    private static final long SCALE = 30000001L;
    private static final Duration LIFETIME = Duration.ofSeconds(12);


    @BeforeEach
    void start() throws Exception {
        open(SimulatorOptions.defaults().port(0).seed(42).accessTokenLifetime(LIFETIME), 120);
        rig.startBridge();
        linkAll(List.of(SCALE));
    }

    private long tokenRequests() {
        return sim.control().requestCount("/v2/oauth2", "requesttoken", 0);
    }

    /** Waits until the stored access token counts as expired for core (10 s before its end). */
    private void awaitExpiry() {
        ReliabilityRig.await(() -> {
            AccessTokenResponse t = rig.storedToken(SCALE);
            return t != null && t.isExpired(java.time.Instant.now(), 10);
        }, "the access token to expire");
    }

    private String refreshTokenNow() {
        return Objects.requireNonNull(Objects.requireNonNull(rig.storedToken(SCALE)).getRefreshToken());
    }

    private void finish(String scenario, long tried, String expected, String observed, boolean ok) {
        String log = output.text();
        List<String> bad = bindingWarnings(log);
        rig.rememberTokens();
        rig.texts.add(log);
        ReliabilityReport.row(SUITE, scenario, tried, expected + "; no warn/error log",
                observed + "; warn/error lines " + bad.size(), ok && bad.isEmpty());
        SecretScan.scan(SUITE + " " + scenario, rig);
        assertEquals(List.of(), bad);
        assertTrue(ok, observed);
    }

    @Test
    void fiftyConcurrentCallsWhileTheTokenExpiresRefreshOnce() throws Exception {
        rig.apiCall(SCALE);
        awaitExpiry();
        long before = tokenRequests();
        String oldRefresh = refreshTokenNow();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Integer>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return rig.apiCall(SCALE);
                }));
            }
            go.countDown();
            int ok = 0;
            for (Future<Integer> f : calls) {
                if (f.get() > 0) {
                    ok++;
                }
            }
            long refreshes = tokenRequests() - before;
            boolean rotated = !oldRefresh.equals(refreshTokenNow());
            finish("50 concurrent API calls while the access token expires", 50,
                    "exactly 1 refresh request, all 50 calls answered, the new pair stored",
                    refreshes + " refresh request(s), " + ok + " calls answered, pair " + (rotated ? "rotated" : "KEPT"),
                    refreshes == 1 && ok == 50 && rotated);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLostRefreshAnswerKeepsTheUserLinked() throws Exception {
        Thing user = rig.startUser(SCALE);
        rig.awaitStatus(user.getUID(), s -> s.getStatus() == ThingStatus.ONLINE, "user ONLINE");
        awaitExpiry();
        String before = refreshTokenNow();
        long requestsBefore = tokenRequests();
        sim.control().injectFault(FaultSpec.dropAnswer().on("/v2/oauth2", "requesttoken"));
        String lostCall;
        try {
            rig.apiCall(SCALE);
            lostCall = "answered";
        } catch (Exception e) {
            lostCall = e.getClass().getSimpleName();
            rig.texts.add(String.valueOf(e.getMessage()));
        }
        // the binding still holds the previous refresh token: the next call refreshes with it (grace period)
        int devices = rig.apiCall(SCALE);
        // the user Thing fetches with the token too (a REFRESH makes it read its measures)
        long measuresBefore = sim.control().requestCount("/measure", "getmeas", SCALE);
        rig.handler(user).handleCommand(new ChannelUID(user.getUID(), "body#weight"), RefreshType.REFRESH);
        ReliabilityRig.await(() -> sim.control().requestCount("/measure", "getmeas", SCALE) > measuresBefore,
                "the user Thing's fetch after the lost refresh");
        boolean neverUnlinked = rig.statuses(user.getUID()).stream()
                .noneMatch(s -> s.getStatusDetail() == ThingStatusDetail.CONFIGURATION_ERROR);
        rig.awaitStatus(user.getUID(), s -> s.getStatus() == ThingStatus.ONLINE, "user ONLINE");
        String after = refreshTokenNow();
        long tokenCalls = tokenRequests() - requestsBefore;
        boolean lostAtSim = sim.control().requests().stream().anyMatch(r -> "DROP".equals(r.fault()));
        finish("refresh answer lost after the simulator rotated the tokens", tokenCalls,
                "the call that lost it fails transiently, the next refresh uses the previous refresh token (grace), user stays "
                        + "linked and ONLINE, a newer pair stored",
                "lost call: " + lostCall + " (dropped at the simulator: " + lostAtSim + "), " + tokenCalls
                        + " token requests, next call answered (" + devices + " devices), user "
                        + (neverUnlinked ? "never asked to re-authorise" : "ASKED TO RE-AUTHORISE")
                        + ", pair " + (before.equals(after) ? "NOT rotated" : "rotated"),
                // the lost answer may hit this call or a fetch of the user Thing running at the same time
                lostAtSim && devices > 0 && neverUnlinked && !before.equals(after));
    }

    @Test
    void aRestartRightAfterARefreshKeepsTheNewestToken() throws Exception {
        rig.apiCall(SCALE);
        awaitExpiry();
        rig.apiCall(SCALE); // refreshes
        AccessTokenResponse newest = Objects.requireNonNull(rig.storedToken(SCALE));
        rig.rememberTokens();
        long before = tokenRequests();
        rig.restartOpenHab();
        rig.awaitStatus(ReliabilityRig.BRIDGE_UID, s -> s.getStatus() == ThingStatus.ONLINE, "bridge ONLINE");
        int devices = rig.apiCall(SCALE);
        AccessTokenResponse afterRestart = Objects.requireNonNull(rig.storedToken(SCALE));
        long refreshes = tokenRequests() - before;
        boolean same = Objects.equals(newest.getAccessToken(), afterRestart.getAccessToken())
                && Objects.equals(newest.getRefreshToken(), afterRestart.getRefreshToken());
        // and the newest refresh token is the live one at Withings: refreshing later works
        awaitExpiry();
        int later = rig.apiCall(SCALE);
        finish("openHAB restart right after a refresh", refreshes + 2,
                "the newest pair is loaded and used (no refresh, no re-authorisation); it refreshes later",
                "pair " + (same ? "kept" : "CHANGED") + ", " + refreshes + " refresh(es) at start, call answered ("
                        + devices + " devices), later refresh answered (" + later + " devices)",
                same && refreshes == 0 && devices > 0 && later > 0);
    }
}
