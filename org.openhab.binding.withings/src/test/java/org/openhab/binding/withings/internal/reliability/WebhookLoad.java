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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.withings.simulator.RecordedRequest;
import org.openhab.binding.withings.simulator.WithingsCloudSimulator;
import org.openhab.core.thing.Thing;

/**
 * Webhook load: notifications at a fixed rate for a while, spread over the linked users (body measures, activity,
 * sleep, and in/out of bed, which is never coalesced), against the running bridge of a {@link ReliabilityRig}.
 * Counts answers, answers within Withings' 2 s, bed events that reached their Thing, and the API calls the
 * notifications caused. Used by the short suite and by the 30 s benchmark.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class WebhookLoad {

    private static final int[] APPLIS = { 1, 16, 44, 50, 51 };

    /** The data request each coalesced notification category causes (1 measures, 16 activity, 44 sleep). */
    static final Map<Integer, String> FETCH = Map.of(1, "getmeas", 16, "getactivity", 44, "getsummary");

    /**
     * The figures of a run.
     *
     * @param lastAnswered per user and coalesced category, when its last notification was answered
     * @param bedSent per user, how many bed events were sent
     */
    public record Result(long sent, long answered200, Map<Integer, Long> statuses, long within2s, long maxMillis,
            long bedEventsSent, double seconds, long heapBeforeMb, long heapAfterMb,
            Map<Long, Map<Integer, Instant>> lastAnswered, Map<Long, Long> bedSent) {
    }

    /**
     * Per user: fetches of each coalesced category since the start, whether one started after the category's last
     * notification (nothing lost), and bed events received against sent (each exactly once).
     *
     * @param maxFetches the most fetches per category and user that coalescing allows
     * @param problems what did not hold, per user (empty when all held)
     */
    public record PerUser(int users, long minFetches, long maxFetchesSeen, long maxFetches, long fetchesTotal,
            List<String> problems) {
    }

    private WebhookLoad() {
    }

    /**
     * @param rig a rig with a started bridge and linked users
     * @param userids the linked users notifications are for (round robin)
     * @param perSecond notifications per second
     * @param duration how long
     */
    public static Result run(ReliabilityRig rig, List<Long> userids, int perSecond, Duration duration)
            throws Exception {
        URI webhook = rig.http().uri(rig.webhookPath());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long heapBefore = heapMb();
        long total = perSecond * duration.toSeconds();
        Semaphore inFlight = new Semaphore(64);
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicLong within2s = new AtomicLong();
        AtomicLong maxMillis = new AtomicLong();
        Map<Long, Map<Integer, Instant>> lastAnswered = new ConcurrentHashMap<>();
        Map<Long, Long> bedSent = new ConcurrentHashMap<>();
        long bed = 0;
        long t0 = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = t0 + i * 1_000_000_000L / perSecond;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait); // pacing of the sender, not a synchronisation
            }
            long userid = userids.get((int) (i % userids.size()));
            int appli = APPLIS[(int) ((i / userids.size()) % APPLIS.length)];
            if (appli >= 50) {
                bed++;
                bedSent.merge(userid, 1L, Long::sum);
            }
            long now = Instant.now().getEpochSecond();
            String form = "userid=" + userid + "&appli=" + appli + "&startdate=" + (now - 60) + "&enddate=" + now
                    + (appli >= 50 ? "&date=" + now : "");
            inFlight.acquire();
            long start = System.nanoTime();
            client.sendAsync(HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        long ms = (System.nanoTime() - start) / 1_000_000;
                        statuses.merge(e != null ? -1 : r.statusCode(), 1L, Long::sum);
                        if (e == null && ms < 2000) {
                            within2s.incrementAndGet();
                        }
                        maxMillis.accumulateAndGet(ms, Math::max);
                        if (FETCH.containsKey(appli)) {
                            lastAnswered.computeIfAbsent(userid, u -> new ConcurrentHashMap<>()).merge(appli,
                                    Instant.now(), (a, b) -> a.isAfter(b) ? a : b);
                        }
                        inFlight.release();
                    });
        }
        inFlight.acquire(64);
        inFlight.release(64);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long heapAfter = heapMb();
        return new Result(total, statuses.getOrDefault(200, 0L), Map.copyOf(statuses), within2s.get(),
                maxMillis.get(), bed, seconds, heapBefore, heapAfter, Map.copyOf(lastAnswered), Map.copyOf(bedSent));
    }

    /**
     * Waits until every user has fetched each category after its last notification and every bed event arrived (or
     * the rig's timeout passed), then checks each user.
     *
     * @param users the user Things by userid
     * @param since when the run started (fetches before do not count)
     * @param debounce the coalescing window of the user Things
     */
    public static PerUser perUser(ReliabilityRig rig, WithingsCloudSimulator sim, Map<Long, Thing> users, Result r,
            Instant since, Duration debounce) {
        try {
            ReliabilityRig.await(() -> problems(rig, sim, users, r, since, Long.MAX_VALUE).isEmpty(),
                    "every notification processed");
        } catch (AssertionError e) {
            // reported below, user by user
        }
        // one fetch per window of the run, plus the one in flight when it started and the one after the last
        long maxFetches = (long) Math.ceil(r.seconds() / (debounce.toMillis() / 1000.0)) + 2;
        Map<String, Long> counts = fetchCounts(sim, users.keySet(), since);
        long min = counts.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new PerUser(users.size(), min, max, maxFetches, total,
                problems(rig, sim, users, r, since, maxFetches));
    }

    private static Map<String, Long> fetchCounts(WithingsCloudSimulator sim, Iterable<Long> userids, Instant since) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        List<RecordedRequest> requests = sim.control().requests();
        for (long userid : userids) {
            for (String action : FETCH.values()) {
                counts.put(userid + " " + action, requests.stream().filter(q -> q.userid() == userid
                        && action.equals(q.action()) && !q.start().isBefore(since)).count());
            }
        }
        return counts;
    }

    private static List<String> problems(ReliabilityRig rig, WithingsCloudSimulator sim, Map<Long, Thing> users,
            Result r, Instant since, long maxFetches) {
        List<String> problems = new java.util.ArrayList<>();
        List<RecordedRequest> requests = sim.control().requests();
        Map<String, Long> counts = fetchCounts(sim, users.keySet(), since);
        for (Map.Entry<Long, Thing> user : users.entrySet()) {
            long userid = user.getKey();
            Map<Integer, Instant> last = r.lastAnswered().getOrDefault(userid, Map.of());
            for (Map.Entry<Integer, String> fetch : FETCH.entrySet()) {
                Instant notified = last.get(fetch.getKey());
                if (notified != null && requests.stream().noneMatch(q -> q.userid() == userid
                        && fetch.getValue().equals(q.action()) && q.start().isAfter(notified))) {
                    problems.add(userid + ": no " + fetch.getValue() + " after its last notification");
                }
                long n = counts.getOrDefault(userid + " " + fetch.getValue(), 0L);
                if (n > maxFetches) {
                    problems.add(userid + ": " + n + " " + fetch.getValue() + " (at most " + maxFetches + ")");
                }
            }
            long bedSent = r.bedSent().getOrDefault(userid, 0L);
            long bed = bedTriggers(rig, user.getValue());
            if (bed != bedSent) {
                problems.add(userid + ": " + bed + " bed events of " + bedSent);
            }
        }
        return problems;
    }

    /** Heap in use after a collection, in MB. */
    static long heapMb() {
        Runtime rt = Runtime.getRuntime();
        rt.gc();
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }

    /** How many bed events (IN_BED/OUT_BED triggers) reached this user Thing. */
    public static long bedTriggers(ReliabilityRig rig, Thing user) {
        String prefix = user.getUID().getAsString() + ":";
        return rig.texts.stream().filter(t -> t.startsWith(prefix) && t.contains("presence#bed-event!")).count();
    }

    /** How many bed events (IN_BED/OUT_BED triggers) reached the user Things. */
    public static long bedTriggers(ReliabilityRig rig) {
        return rig.texts.stream().filter(t -> t.contains("presence#bed-event!")).count();
    }
}
