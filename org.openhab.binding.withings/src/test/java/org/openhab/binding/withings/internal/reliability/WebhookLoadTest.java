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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.simulator.SimulatorOptions;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;

/**
 * Suite 6, load, short version (the 30 s run is {@code WebhookLoadBenchmark} in the benchmark module): 1,000
 * webhook notifications per second for 3 s over loopback against one bridge with 20 linked and started users (the
 * simulator's four people and 16 extra users). Every notification must be answered 200 (Withings wants it within
 * 2 s; counted, not asserted as a time); per user, every coalesced category (measures, activity, sleep) must be
 * fetched after its last notification (nothing lost) and at most once per coalescing window (nothing processed
 * twice beyond coalescing), and every bed event must reach its Thing exactly once (they are never coalesced); a
 * weighing added during the burst arrives exactly once.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WebhookLoadTest extends ReliabilitySuite {

    static final String SUITE = "load";
    static final int USERS = 20;
    private static final long SCALE = 30000001L;

    private final List<Long> userids = new ArrayList<>();
    private final Map<Long, Thing> users = new LinkedHashMap<>();

    @BeforeEach
    void start() throws Exception {
        open(SimulatorOptions.defaults().port(0).seed(42).extraUsers(USERS - 4), 1);
        // 20 users' first syncs and the burst's fetches need more than Withings' app limit of 120 a minute: the
        // limiter is not under test here
        rig.config("rateLimit", 10000);
        rig.startBridge();
        sim.users().forEach(u -> userids.add(u.userid()));
        linkAll(userids);
        for (long userid : userids) {
            users.put(userid, rig.startUser(userid));
        }
        for (Thing user : users.values()) {
            rig.awaitStatus(user.getUID(), s -> s.getStatus() == ThingStatus.ONLINE, "user ONLINE");
        }
        ReliabilityRig.await(() -> userids.stream().allMatch(u -> sim.control().subscriptions(u).size() >= 7),
                "subscriptions");
        // the first syncs are over before the burst starts
        ReliabilityRig.awaitQuiet(() -> sim.control().requests().size(), Duration.ofMillis(300), "first syncs");
    }

    @Test
    void aThousandNotificationsPerSecondAreAnsweredAndNothingIsLost() throws Exception {
        Thing scale = users.get(SCALE);
        Instant weighed = Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        sim.control().addWeighing(SCALE, 71.3, weighed);
        Instant t0 = Instant.now();
        WebhookLoad.Result r = WebhookLoad.run(rig, userids, 1000, Duration.ofSeconds(3));
        WebhookLoad.PerUser per = WebhookLoad.perUser(rig, sim, users, r, t0, Duration.ofSeconds(2));
        ReliabilityRig.await(() -> rig.seriesTimestamps(scale, "body#weight").contains(weighed),
                "the weighing added during the burst");
        long weighingSent = rig.seriesTimestamps(scale, "body#weight").stream().filter(weighed::equals).count();
        String log = output.text();
        List<String> bad = bindingWarnings(log);

        ReliabilityReport.row(SUITE, String.format("1,000 notifications/s for 3 s, %d users, one bridge", users.size()),
                r.sent(), "all answered 200", "HTTP " + r.statuses()
                        + String.format(", %d within 2 s, slowest %d ms, %.1f s", r.within2s(), r.maxMillis(),
                                r.seconds()),
                r.answered200() == r.sent());
        ReliabilityReport.row(SUITE, "per user: measures, activity and sleep fetched after the last notification, "
                + "coalesced; bed events exactly once", users.size(),
                "each category fetched after its last notification, ≤ " + per.maxFetches()
                        + " fetches per category (one per 2 s window); every bed event once",
                String.format("%d to %d fetches per user and category (%d in all for %d notifications), "
                        + "%d bed events; problems %s", per.minFetches(), per.maxFetchesSeen(), per.fetchesTotal(),
                        r.sent() - r.bedEventsSent(), r.bedEventsSent(), per.problems()),
                per.problems().isEmpty());
        ReliabilityReport.row(SUITE, "a weighing added during the burst", 1, "in the weight series exactly once",
                weighingSent + " time(s)", weighingSent == 1);
        ReliabilityReport.row(SUITE, "log during the burst", r.sent(), "no warn/error, no stack trace",
                bad.size() + " lines", bad.isEmpty());
        rig.texts.add(log);
        SecretScan.scan(SUITE, rig);

        assertEquals(r.sent(), r.answered200(), r.statuses().toString());
        assertEquals(List.of(), per.problems());
        assertEquals(1, weighingSent);
        assertEquals(List.of(), bad);
    }
}
