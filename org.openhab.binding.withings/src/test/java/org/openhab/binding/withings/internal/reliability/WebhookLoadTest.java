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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.simulator.SimulatorOptions;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;

/**
 * Suite 6, load, short version (the 30 s run is {@code WebhookLoadBenchmark} in the benchmark module): 1,000
 * webhook notifications per second for 3 s over loopback against one bridge with every simulated user linked and
 * started (the simulator has four people). Every notification must be answered 200 (Withings wants it within 2 s;
 * counted, not asserted as a time), every bed event must reach its Thing (they are never coalesced), the
 * measures fetched because of the burst stay within the coalescing windows, and a weighing added during the burst
 * arrives exactly once.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WebhookLoadTest extends ReliabilitySuite {

    static final String SUITE = "load";
    private static final long SCALE = 30000001L;

    private final List<Long> userids = new ArrayList<>();
    private final List<Thing> users = new ArrayList<>();

    @BeforeAll
    static void begin() {
        ReliabilityReport.begin(SUITE);
    }

    @AfterAll
    static void report() {
        ReliabilityReport.write();
    }

    @BeforeEach
    void start() throws Exception {
        open(SimulatorOptions.defaults().port(0).seed(42), 1);
        rig.startBridge();
        sim.users().forEach(u -> userids.add(u.userid()));
        linkAll(userids);
        for (long userid : userids) {
            users.add(rig.startUser(userid));
        }
        for (Thing user : users) {
            rig.awaitStatus(user.getUID(), s -> s.getStatus() == ThingStatus.ONLINE, "user ONLINE");
        }
        ReliabilityRig.await(() -> userids.stream().allMatch(u -> sim.control().subscriptions(u).size() >= 7),
                "subscriptions");
    }

    @Test
    void aThousandNotificationsPerSecondAreAnsweredAndNothingIsLost() throws Exception {
        long getmeasBefore = sim.control().requestCount("/measure", "getmeas", SCALE);
        long bedBefore = WebhookLoad.bedTriggers(rig);
        Instant weighed = Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        sim.control().addWeighing(SCALE, 71.3, weighed);
        WebhookLoad.Result r = WebhookLoad.run(rig, userids, 1000, Duration.ofSeconds(3));

        ReliabilityRig.await(() -> WebhookLoad.bedTriggers(rig) - bedBefore >= r.bedEventsSent(), "bed events");
        ReliabilityRig.await(() -> rig.seriesTimestamps(users.get(0), "body#weight").contains(weighed),
                "the weighing added during the burst");
        long bed = WebhookLoad.bedTriggers(rig) - bedBefore;
        long weighingSent = rig.seriesTimestamps(users.get(0), "body#weight").stream().filter(weighed::equals)
                .count();
        long getmeas = sim.control().requestCount("/measure", "getmeas", SCALE) - getmeasBefore;
        // debounce 2 s: one sync per window of the 3 s burst, plus the one in flight
        long maxGetmeas = (long) Math.ceil(r.seconds() / 2.0) + 2;
        String log = output.text();
        List<String> bad = bindingWarnings(log);

        ReliabilityReport.row(SUITE, String.format("1,000 notifications/s for 3 s, %d users (all the simulator "
                + "has), one bridge", userids.size()), r.sent(), "all answered 200", "HTTP " + r.statuses()
                        + String.format(", %d within 2 s, slowest %d ms, %.1f s", r.within2s(), r.maxMillis(),
                                r.seconds()),
                r.answered200() == r.sent());
        ReliabilityReport.row(SUITE, "bed events during the burst (never coalesced)", r.bedEventsSent(),
                "each reaches its Thing exactly once", bed + " triggers", bed == r.bedEventsSent());
        ReliabilityReport.row(SUITE, "measures fetched for " + SCALE + " because of the burst",
                r.sent() / userids.size(), "≤ " + maxGetmeas + " getmeas (coalesced per 2 s window)",
                getmeas + " getmeas", getmeas >= 1 && getmeas <= maxGetmeas);
        ReliabilityReport.row(SUITE, "a weighing added during the burst", 1, "in the weight series exactly once",
                weighingSent + " time(s)", weighingSent == 1);
        ReliabilityReport.row(SUITE, "log during the burst", r.sent(), "no warn/error, no stack trace",
                bad.size() + " lines", bad.isEmpty());
        rig.texts.add(log);
        SecretScan.scan(SUITE, rig);

        assertEquals(r.sent(), r.answered200(), r.statuses().toString());
        assertEquals(r.bedEventsSent(), bed);
        assertTrue(getmeas >= 1 && getmeas <= maxGetmeas, getmeas + " getmeas");
        assertEquals(1, weighingSent);
        assertEquals(List.of(), bad);
    }
}
