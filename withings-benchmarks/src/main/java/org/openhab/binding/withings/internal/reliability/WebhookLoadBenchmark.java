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
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.withings.simulator.SimUser;
import org.openhab.binding.withings.simulator.SimulatorOptions;
import org.openhab.binding.withings.simulator.WithingsCloudSimulator;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;

/**
 * The 30 s webhook load of the reliability suite (issue 12, suite 6): 1,000 notifications per second for 30 s over
 * loopback against one bridge with every simulated user linked and started, with the reliability rig of the
 * bundle's tests. Writes its figures into the benchmark section of {@code RELIABILITY.md} (between the markers the
 * suite keeps) and prints them. Run with {@code -Dbenchmarks}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class WebhookLoadBenchmark {

    private WebhookLoadBenchmark() {
    }

    /** @param args the path of RELIABILITY.md (default {@code ../RELIABILITY.md}), the seconds (default 30) */
    public static void main(String[] args) throws Exception {
        Path markdown = Path.of(args.length > 0 ? args[0] : "../RELIABILITY.md");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String section;
        try (WithingsCloudSimulator sim = WithingsCloudSimulator.start(SimulatorOptions.defaults().port(0).seed(42));
                ReliabilityRig rig = new ReliabilityRig(sim, 1)) {
            rig.startBridge();
            List<Long> userids = new ArrayList<>();
            List<Thing> users = new ArrayList<>();
            for (SimUser u : sim.users()) {
                rig.linkThroughThePage(u.userid());
                userids.add(u.userid());
            }
            rig.awaitStatus(ReliabilityRig.BRIDGE_UID, s -> s.getStatus() == ThingStatus.ONLINE, "bridge ONLINE");
            for (long userid : userids) {
                users.add(rig.startUser(userid));
            }
            for (Thing user : users) {
                rig.awaitStatus(user.getUID(), s -> s.getStatus() == ThingStatus.ONLINE, "user ONLINE");
            }
            long bedBefore = WebhookLoad.bedTriggers(rig);
            long getmeasBefore = sim.control().requestCount("/measure", "getmeas", 0);
            WebhookLoad.Result r = WebhookLoad.run(rig, userids, 1000, Duration.ofSeconds(seconds));
            ReliabilityRig.await(() -> WebhookLoad.bedTriggers(rig) - bedBefore >= r.bedEventsSent(), "bed events");
            long bed = WebhookLoad.bedTriggers(rig) - bedBefore;
            long getmeas = sim.control().requestCount("/measure", "getmeas", 0) - getmeasBefore;
            boolean pass = r.answered200() == r.sent() && r.within2s() == r.sent() && bed == r.bedEventsSent();
            section = "Run " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " on "
                    + Runtime.getRuntime().availableProcessors() + " cores (timings vary with the machine).\n\n"
                    + "| Scenario | Tried | Expected | Observed | Pass |\n|---|---:|---|---|---|\n"
                    + String.format(
                            "| 1,000 notifications/s for %d s, %d users (all the simulator has), one bridge | %d | "
                                    + "all answered 200 within 2 s; every bed event delivered; heap in use reported (the rig keeps every state and trigger) | HTTP %s, "
                                    + "%d within 2 s, slowest %d ms, %.1f s; %d of %d bed events delivered; %d "
                                    + "getmeas for all users; heap %d MB before, %d MB after | %s |\n",
                            seconds, userids.size(), r.sent(), r.statuses(), r.within2s(), r.maxMillis(),
                            r.seconds(), bed, r.bedEventsSent(), getmeas, r.heapBeforeMb(), r.heapAfterMb(),
                            pass ? "yes" : "NO");
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
