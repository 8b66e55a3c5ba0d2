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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.withings.simulator.SimUser;
import org.openhab.binding.withings.simulator.SimulatorOptions;
import org.openhab.binding.withings.simulator.WithingsCloudSimulator;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;

/**
 * The 30 s webhook load of the reliability suite (issue 12, suite 6): 1,000 notifications per second for 30 s over
 * loopback against one bridge with 20 linked and started users (the simulator's four people and 16 extra users),
 * with the reliability rig of the bundle's tests. Checks every answer (200 within Withings' 2 s), per user that
 * each coalesced category was fetched after its last notification and at most once per coalescing window and that
 * every bed event arrived once, and that the heap in use after the run (after a collection) stays within
 * {@value #HEAP_BOUND_MB} MB of the heap before it. Writes its figures into the benchmark section of
 * {@code RELIABILITY.md} (between the markers the suite keeps) and prints them. Run with {@code -Dbenchmarks}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class WebhookLoadBenchmark {

    /** "Memory flat": the heap in use after the run may exceed the heap before by at most this. */
    static final long HEAP_BOUND_MB = 32;
    private static final int USERS = 20;

    private WebhookLoadBenchmark() {
    }

    /** @param args the path of RELIABILITY.md (default {@code ../RELIABILITY.md}), the seconds (default 30) */
    public static void main(String[] args) throws Exception {
        Path markdown = Path.of(args.length > 0 ? args[0] : "../RELIABILITY.md");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String section;
        try (WithingsCloudSimulator sim = WithingsCloudSimulator
                .start(SimulatorOptions.defaults().port(0).seed(42).extraUsers(USERS - 4));
                ReliabilityRig rig = new ReliabilityRig(sim, 1)) {
            // the first syncs of 20 users and the burst's fetches exceed Withings' app limit of 120 a minute: the
            // limiter is not under test here
            rig.config("rateLimit", 100000);
            rig.startBridge();
            Map<Long, Thing> users = new LinkedHashMap<>();
            List<Long> userids = new ArrayList<>();
            for (SimUser u : sim.users()) {
                rig.linkThroughThePage(u.userid());
                userids.add(u.userid());
            }
            rig.awaitStatus(ReliabilityRig.BRIDGE_UID, s -> s.getStatus() == ThingStatus.ONLINE, "bridge ONLINE");
            for (long userid : userids) {
                users.put(userid, rig.startUser(userid));
            }
            for (Thing user : users.values()) {
                rig.awaitStatus(user.getUID(), s -> s.getStatus() == ThingStatus.ONLINE, "user ONLINE");
            }
            ReliabilityRig.awaitQuiet(() -> sim.control().requests().size(), Duration.ofSeconds(1), "first syncs");
            // the heap of the binding, not of what the rig recorded so far
            rig.forgetRecordings();
            long heapBefore = WebhookLoad.heapMb();
            Instant t0 = Instant.now();
            WebhookLoad.Result r = WebhookLoad.run(rig, userids, 1000, Duration.ofSeconds(seconds));
            WebhookLoad.PerUser per = WebhookLoad.perUser(rig, sim, users, r, t0, Duration.ofSeconds(2));
            // the heap once the binding has processed everything, without what the rig recorded during the run
            ReliabilityRig.awaitQuiet(() -> sim.control().requests().size(), Duration.ofSeconds(1), "quiet");
            rig.forgetRecordings();
            long heapAfter = WebhookLoad.heapMb();
            boolean flat = heapAfter <= heapBefore + HEAP_BOUND_MB;
            boolean answered = r.answered200() == r.sent() && r.within2s() == r.sent();
            section = "Run " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " on "
                    + Runtime.getRuntime().availableProcessors() + " cores (timings vary with the machine).\n\n"
                    + "| Scenario | Tried | Expected | Observed | Pass |\n|---|---:|---|---|---|\n"
                    + String.format("| 1,000 notifications/s for %d s, %d users, one bridge | %d | all answered 200 "
                            + "within 2 s | HTTP %s, %d within 2 s, slowest %d ms, %.1f s | %s |\n", seconds,
                            users.size(), r.sent(), r.statuses(), r.within2s(), r.maxMillis(), r.seconds(),
                            answered ? "yes" : "NO")
                    + String.format("| per user: measures, activity and sleep fetched after the last notification, "
                            + "coalesced; bed events exactly once | %d | each category fetched after its last "
                            + "notification, ≤ %d fetches per category (one per 2 s window); every bed event once | "
                            + "%d to %d fetches per user and category (%d in all for %d notifications), %d bed events; "
                            + "problems %s | %s |\n", users.size(), per.maxFetches(), per.minFetches(),
                            per.maxFetchesSeen(), per.fetchesTotal(), r.sent() - r.bedEventsSent(), r.bedEventsSent(),
                            per.problems(), per.problems().isEmpty() ? "yes" : "NO")
                    + String.format("| memory after the run | %d | heap in use after a collection (the rig's "
                            + "recordings dropped) within %d MB of the heap before (memory flat) | %d MB before, %d MB after | %s |\n", r.sent(),
                            HEAP_BOUND_MB, heapBefore, heapAfter, flat ? "yes" : "NO");
        }
        String begin = "<!-- benchmark:begin -->";
        String end = "<!-- benchmark:end -->";
        String old = Files.isRegularFile(markdown) ? Files.readString(markdown, StandardCharsets.UTF_8) : "";
        int b = old.indexOf(begin);
        int e = old.indexOf(end);
        String updated = b >= 0 && e > b ? old.substring(0, b + begin.length()) + "\n" + section + old.substring(e)
                : old + "\n## load (30 s, benchmark module)\n\n" + begin + "\n" + section + end + "\n";
        Files.writeString(markdown, updated, StandardCharsets.UTF_8);
        System.out.println(section);
        System.out.println("Written to " + markdown.toAbsolutePath().normalize());
    }
}
