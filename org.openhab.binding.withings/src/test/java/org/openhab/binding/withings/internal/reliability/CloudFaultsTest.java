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
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.simulator.FaultSpec;
import org.openhab.binding.withings.simulator.SimulatorOptions;
import org.openhab.binding.withings.simulator.WithingsCloudSimulator;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.types.RefreshType;

/**
 * Suite 1, cloud faults end to end: a linked user Thing (handlers from the factory, real HTTP to the simulator)
 * meets each fault the simulator injects: refused connections, 5xx HTML pages, truncated JSON, answers delayed far
 * beyond the client timeout, 522 and 524 statuses, a 601 storm, and tokens revoked on the Withings side. For each:
 * the Thing status and text, the number of requests the binding sent while the fault lasted (a tight loop would
 * send hundreds), the recovery without any help once the fault ends, no exception escaping and no warn/error line
 * of the binding. The user handler's timers run {@value #COMPRESSION} times faster than real time, so a back-off of
 * 1, 2, 4 minutes takes 0.5, 1, 2 s.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class CloudFaultsTest extends ReliabilitySuite {

    static final String SUITE = "cloud-faults";
    static final long COMPRESSION = 120;
    private static final long SCALE = 30000001L;
    private static final Duration FAULT = Duration.ofSeconds(3);
    /** Requests a fault of 3 s may cost: the failed sync and its retries after 1 and 2 (compressed) minutes. */
    private static final long MAX_REQUESTS = 12;

    private @NonNullByDefault({}) Thing user;

    @BeforeEach
    void start() throws Exception {
        open(SimulatorOptions.defaults().port(0).seed(42), COMPRESSION);
        rig.config("requestTimeout", 1).config("rateLimitPause", 5);
        rig.startBridge();
        linkAll(List.of(SCALE));
        user = rig.startUser(SCALE);
        rig.awaitStatus(user.getUID(), s -> s.getStatus() == ThingStatus.ONLINE, "user ONLINE");
        quiet();
    }

    private void quiet() {
        ReliabilityRig.awaitQuiet(() -> rig.sent.size(), Duration.ofMillis(400), "no request of the binding");
    }

    /** REFRESH on a body channel: the Thing syncs its measures now. */
    private void refresh() {
        rig.handler(user).handleCommand(new ChannelUID(user.getUID(), "body#weight"), RefreshType.REFRESH);
    }

    private static boolean commError(ThingStatusInfo s) {
        String d = s.getDescription();
        return s.getStatus() == ThingStatus.OFFLINE && s.getStatusDetail() == ThingStatusDetail.COMMUNICATION_ERROR
                && d != null && d.startsWith("@text/offline.user.communication-error");
    }

    /** Injects the fault, triggers a sync, expects OFFLINE/COMMUNICATION_ERROR, then ONLINE without help. */
    private void transientFault(String scenario, Consumer<WithingsCloudSimulator> inject) throws Exception {
        long t0 = System.nanoTime();
        inject.accept(sim);
        refresh();
        rig.awaitStatus(user.getUID(), CloudFaultsTest::commError, scenario + ": OFFLINE/COMMUNICATION_ERROR");
        String text = String.valueOf(rig.lastStatus(user.getUID()).getDescription());
        rig.awaitStatus(user.getUID(), s -> s.getStatus() == ThingStatus.ONLINE, scenario + ": ONLINE again");
        long requests = rig.sentSince(t0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        finish(scenario, requests, "OFFLINE/COMMUNICATION_ERROR, ≤ " + MAX_REQUESTS + " requests, ONLINE by itself",
                String.format("OFFLINE/COMMUNICATION_ERROR \"%s\", %d requests, ONLINE again after %.1f s", text,
                        requests, seconds),
                requests <= MAX_REQUESTS);
    }

    private void finish(String scenario, long requests, String expected, String observed, boolean ok) {
        String log = output.text();
        List<String> bad = bindingWarnings(log);
        boolean pass = ok && bad.isEmpty() && rig.escaped.isEmpty();
        ReliabilityReport.row(SUITE, scenario, requests, expected + "; no exception escapes; no warn/error log",
                observed + "; escaped " + rig.escaped.size() + "; warn/error lines " + bad.size(), pass);
        rig.texts.add(log);
        rig.escaped.forEach(e -> rig.texts.add(String.valueOf(e.getMessage())));
        SecretScan.scan(SUITE + " " + scenario, rig);
        assertEquals(List.of(), rig.escaped);
        assertEquals(List.of(), bad);
        assertTrue(ok, observed);
    }

    @Test
    void refusedConnections() throws Exception {
        transientFault("API refuses connections for 3 s", s -> s.control().injectFault(FaultSpec.refuse(FAULT)));
    }

    @Test
    void htmlErrorPages() throws Exception {
        transientFault("5xx HTML pages for 3 s",
                s -> s.control().injectFault(FaultSpec.httpError(503).during(FAULT)));
    }

    @Test
    void truncatedJson() throws Exception {
        transientFault("truncated JSON for 3 s", s -> s.control().injectFault(FaultSpec.truncated().during(FAULT)));
    }

    @Test
    void delaysBeyondTheClientTimeout() throws Exception {
        transientFault("answers delayed 10 s (client timeout 1 s) for 3 s",
                s -> s.control().injectFault(FaultSpec.delay(Duration.ofSeconds(10)).during(FAULT)));
    }

    @Test
    void status522() throws Exception {
        transientFault("status 522 (timeout) for 3 s",
                s -> s.control().injectFault(FaultSpec.status(522).during(FAULT)));
    }

    @Test
    void status524() throws Exception {
        transientFault("status 524 (bad state) for 3 s",
                s -> s.control().injectFault(FaultSpec.status(524).during(FAULT)));
    }

    @Test
    void a601Storm() throws Exception {
        String scenario = "601 storm for 3 s (limiter pause 5 s)";
        long t0 = System.nanoTime();
        sim.control().injectFault(FaultSpec.status(601).during(FAULT));
        refresh();
        ReliabilityRig.await(() -> sim.control().requests().stream().anyMatch(r -> r.status() == 601), "a 601");
        // the app-wide pause: nothing goes out while the storm lasts
        long firstWave = rig.sentSince(t0);
        Thread.sleep(FAULT.toMillis()); // the scenario: the storm lasts its 3 s
        long duringStorm = rig.sentSince(t0);
        java.time.Instant refused = sim.control().requests().stream().filter(r -> r.status() == 601)
                .map(r -> r.start()).findFirst().orElseThrow();
        boolean stayedOnline = rig.statuses(user.getUID()).stream().skip(1)
                .noneMatch(s -> s.getStatus() != ThingStatus.ONLINE);
        // after the pause: the measures come in again without help
        long before601 = sim.control().requestCount("/measure", "getmeas", SCALE);
        ReliabilityRig.await(() -> sim.control().requests().stream()
                .anyMatch(r -> "getmeas".equals(r.action()) && r.status() == 0 && r.start().isAfter(refused)),
                "a getmeas answered after the pause");
        finish(scenario, duringStorm, "Thing stays ONLINE (status kept), ≤ 3 requests during the storm, syncs again "
                + "after the pause",
                "ONLINE " + (stayedOnline ? "kept" : "LOST") + ", " + firstWave + " request(s) until the 601, "
                        + duringStorm + " during the storm, getmeas answered again (" + before601 + " before)",
                stayedOnline && duringStorm <= 3);
    }

    @Test
    void tokensRevokedAtWithings() throws Exception {
        String scenario = "tokens revoked on the Withings side";
        sim.control().revokeTokens(SCALE);
        long t0 = System.nanoTime();
        refresh();
        rig.awaitStatus(user.getUID(), s -> s.getStatus() == ThingStatus.OFFLINE
                && s.getStatusDetail() == ThingStatusDetail.CONFIGURATION_ERROR, "re-authorisation needed");
        String text = String.valueOf(rig.lastStatus(user.getUID()).getDescription());
        Thread.sleep(2000); // 4 compressed hours: the Thing must stay silent
        long requests = rig.sentSince(t0);
        boolean pointsToThePage = text.contains("reauthorization-needed") && text.contains(ReliabilityRig.BRIDGE_ID);
        // the administrator links the person again: the Thing comes back by itself
        rig.linkThroughThePage(SCALE);
        rig.awaitStatus(user.getUID(), s -> s.getStatus() == ThingStatus.ONLINE, "ONLINE after linking again");
        finish(scenario, requests,
                "OFFLINE/CONFIGURATION_ERROR naming the linking page, no retry loop (≤ 3 requests), ONLINE after "
                        + "linking again",
                "OFFLINE/CONFIGURATION_ERROR \"" + text + "\", " + requests + " requests, ONLINE after linking again",
                pointsToThePage && requests <= 3);
    }
}
