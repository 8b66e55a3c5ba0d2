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
package org.openhab.binding.withings.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.withings.simulator.RecordedRequest;
import org.openhab.binding.withings.simulator.SimUser;
import org.openhab.binding.withings.simulator.SimulatorOptions;
import org.openhab.binding.withings.simulator.WithingsCloudSimulator;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.types.UnDefType;

/**
 * Many users on one bridge: N linked users whose user Things (made by the handler factory) start at once with the
 * default 30-day back-fill, against a simulator enforcing the same per-minute limit as the bridge's configuration
 * (601 above it). Measures the time until every Thing is ONLINE with data, the most requests in any 60 s, the 601
 * answers, the heap per user and the shared scheduler threads parked waiting for the request budget.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
final class Scale {

    /** A channel per kind of user that the first sync fills. */
    private static final Map<SimUser.Kind, String> DATA_CHANNEL = Map.of(SimUser.Kind.SCALE, "body#weight",
            SimUser.Kind.BPM, "heart#systolic", SimUser.Kind.SLEEP, "sleep#total-sleep", SimUser.Kind.WATCH,
            "activity#steps");

    private final int users;
    private final int limit;

    Scale(int users, int limit) {
        this.users = users;
        this.limit = limit;
    }

    String run() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (WithingsCloudSimulator sim = WithingsCloudSimulator.start(SimulatorOptions.defaults().port(0).seed(42)
                .extraUsers(Math.max(0, users - 4)).requestsPerMinute(limit));
                BindingUnderTest binding = new BindingUnderTest(sim, Map.of("rateLimit", limit))) {
            binding.startBridge();
            List<SimUser> all = sim.users().subList(0, users);
            Instant linkStart = Instant.now();
            for (SimUser user : all) {
                binding.link(user.userid());
            }
            long linkMs = Duration.between(linkStart, Instant.now()).toMillis();
            PushLatency.quiet(sim);
            int linkRequests = PushLatency.dataRequests(sim);

            long heapBefore = usedHeap(memory);
            AtomicInteger parkedMax = new AtomicInteger();
            AtomicInteger blockedMax = new AtomicInteger();
            AtomicInteger sharedMax = new AtomicInteger();
            ScheduledExecutorService sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            ScheduledFuture<?> sampling = sampler.scheduleAtFixedRate(() -> {
                int[] counts = parkedOnBudget();
                parkedMax.accumulateAndGet(counts[0], Math::max);
                blockedMax.accumulateAndGet(counts[1], Math::max);
                sharedMax.accumulateAndGet(counts[2], Math::max);
            }, 0, 50, TimeUnit.MILLISECONDS);

            int firstRequest = sim.control().requests().size();
            Instant start = Instant.now();
            List<Thing> things = new ArrayList<>();
            for (SimUser user : all) {
                things.add(binding.startUser(user.userid()));
            }
            boolean done = BindingUnderTest.await(() -> {
                for (int i = 0; i < things.size(); i++) {
                    Thing t = things.get(i);
                    var state = binding.state(t, DATA_CHANNEL.get(all.get(i).kind()));
                    if (t.getStatus() != ThingStatus.ONLINE || state == null || state == UnDefType.UNDEF) {
                        return false;
                    }
                }
                return true;
            }, Duration.ofMinutes(Integer.getInteger("benchmarks.scale.timeoutMinutes", 15)));
            long allOnlineMs = Duration.between(start, Instant.now()).toMillis();
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < things.size(); i++) {
                Thing t = things.get(i);
                var state = binding.state(t, DATA_CHANNEL.get(all.get(i).kind()));
                if (t.getStatus() != ThingStatus.ONLINE || state == null || state == UnDefType.UNDEF) {
                    missing.add(all.get(i).userid() + " " + all.get(i).kind() + " " + t.getStatus() + " " + state);
                }
            }
            PushLatency.quiet(sim);
            long syncMs = Duration.between(start, Instant.now()).toMillis() - 1000;
            sampling.cancel(false);
            sampler.shutdownNow();
            long heapAfter = usedHeap(memory);

            List<RecordedRequest> log = sim.control().requests();
            List<Instant> starts = log.subList(firstRequest, log.size()).stream().filter(PushLatency::isData)
                    .map(RecordedRequest::start).sorted().toList();
            // the quota counts every API request but the token endpoint's (and the consent page is no API request)
            int peak = peakIn60s(log.stream().filter(r -> !r.path().startsWith("/v2/oauth2")
                    && !r.path().startsWith("/oauth2_user")).map(RecordedRequest::start).sorted().toList());
            long online = things.stream().filter(t -> t.getStatus() == ThingStatus.ONLINE).count();
            double heapPerUserKiB = (heapAfter - heapBefore) / 1024.0 / users;
            return String.format(Locale.ROOT, """
                    %d users linked through the bridge's linking page (%d ms, %d requests), then their %d user
                    Things made by the handler factory and initialised at once, default 30-day back-fill, the
                    bridge's limit configured to %d requests/min and the simulator refusing (601) above %d in any
                    60 s. Threads were sampled every 50 ms.

                    | Figure | Measured | Target | Ratio |
                    |---|---|---|---|
                    | most API requests (data and notify, as the quota counts them) in any 60 s of the run | %d | ≤ %d (configured) | %.2f |
                    | 601 answers (quota exceeded) | %d | 0 | – |
                    | time until all %d Things ONLINE with data | %.1f s%s | – (at %d/min the budget lets %d requests finish no sooner than %.0f s) | %.2f × that minimum |
                    | first syncs finished (no request for 1 s) | %.1f s, %d data requests (%.1f per user) | – | – |
                    | heap per user (used heap after GC, after − before the Things started, / %d) | %.1f KiB | – | – |
                    | shared scheduler threads parked waiting for the budget (waiting or sleeping inside the limiter; max at one time) | %d | 0 | – |
                    | threads blocked on the limiter's lock (a few microseconds of contention, not a budget wait; max at one time) | %d | – | – |
                    | shared scheduler threads (`OH-…`) alive (max at one time) | %d | – | – |

                    """, users, linkMs, linkRequests, users, limit, limit, peak, limit, (double) peak / limit,
                    sim.control().quotaRefusals(), users, allOnlineMs / 1000.0,
                    done ? "" : " (not all: " + online + " ONLINE; without data: " + missing + ")", limit, starts.size(),
                    minimum(starts.size()) / 1000.0,
                    minimum(starts.size()) == 0 ? 0 : allOnlineMs / (double) minimum(starts.size()), syncMs / 1000.0,
                    starts.size(),
                    (double) starts.size() / users, users, heapPerUserKiB, parkedMax.get(), blockedMax.get(),
                    sharedMax.get());
        }
    }

    /** The earliest end (ms) of n requests within the limit: the last one waits for floor((n-1)/limit) windows. */
    private long minimum(int n) {
        return n == 0 ? 0 : (long) ((n - 1) / limit) * 60_000L;
    }

    private static long usedHeap(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /**
     * [threads parked (waiting or sleeping) inside the bridge's rate limiter, threads blocked on its lock, shared
     * OH- threads alive]. Each thread's state and stack come from one consistent snapshot (JMX thread dump), so a
     * thread that left the limiter and then parked elsewhere is not counted.
     */
    static int[] parkedOnBudget() {
        int parked = 0;
        int blocked = 0;
        int shared = 0;
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            if (info.getThreadName().startsWith("OH-")) {
                shared++;
            }
            Thread.State state = info.getThreadState();
            if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING
                    && state != Thread.State.BLOCKED) {
                continue;
            }
            for (StackTraceElement frame : info.getStackTrace()) {
                if (frame.getClassName().endsWith("WithingsRateLimiter")) {
                    if (state == Thread.State.BLOCKED) {
                        blocked++;
                    } else {
                        parked++;
                    }
                    break;
                }
            }
        }
        return new int[] { parked, blocked, shared };
    }

    static int peakIn60s(List<Instant> sorted) {
        int peak = 0;
        int from = 0;
        for (int i = 0; i < sorted.size(); i++) {
            while (!sorted.get(from).plusSeconds(60).isAfter(sorted.get(i))) {
                from++;
            }
            peak = Math.max(peak, i - from + 1);
        }
        return peak;
    }
}
