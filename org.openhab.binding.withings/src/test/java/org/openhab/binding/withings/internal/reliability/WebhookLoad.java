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

    /** The figures of a run. */
    public record Result(long sent, long answered200, Map<Integer, Long> statuses, long within2s, long maxMillis,
            long bedEventsSent, double seconds, long heapBeforeMb, long heapAfterMb) {
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
                        inFlight.release();
                    });
        }
        inFlight.acquire(64);
        inFlight.release(64);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long heapAfter = heapMb();
        return new Result(total, statuses.getOrDefault(200, 0L), Map.copyOf(statuses), within2s.get(),
                maxMillis.get(), bed, seconds, heapBefore, heapAfter);
    }

    /** Heap in use after a collection, in MB. */
    static long heapMb() {
        Runtime rt = Runtime.getRuntime();
        rt.gc();
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }

    /** How many bed events (IN_BED/OUT_BED triggers) reached the user Things. */
    public static long bedTriggers(ReliabilityRig rig) {
        return rig.texts.stream().filter(t -> t.contains("presence#bed-event!")).count();
    }
}
