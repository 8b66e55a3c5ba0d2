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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.withings.simulator.RecordedRequest;
import org.openhab.binding.withings.simulator.SimUser;
import org.openhab.binding.withings.simulator.SimulatorOptions;
import org.openhab.binding.withings.simulator.WithingsCloudSimulator;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;

/**
 * Push latency on loopback: notifications POSTed to the real webhook servlet (embedded Jetty) of a bridge made by
 * the handler factory, handled by the real user handlers; the time until the servlet answers and until the channel
 * state reaches openHAB's callback, and the API requests each costs. In-bed events (appli 50/51) need no request;
 * a new weighing (appli 1) needs one getmeas after the coalescing debounce.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
final class PushLatency {

    static final String IN_BED = "presence#in-bed";
    static final String WEIGHT = "body#weight";
    /** In-bed notifications sent before the measured ones, to warm the JIT (not counted). */
    static final int WARM_UP = 1000;

    private final int notifications;
    private final int weighingRounds;
    private final HttpClient client = HttpClient.newHttpClient();

    /** What the run found, as report text, and the threads the binding left behind. */
    record Outcome(String section, List<String> ownThreads, int newSharedThreads) {
    }

    PushLatency(int notifications, int weighingRounds) {
        this.notifications = notifications;
        this.weighingRounds = weighingRounds;
    }

    Outcome run() throws Exception {
        Threads threadsBefore = Threads.snapshot();
        try (WithingsCloudSimulator sim = WithingsCloudSimulator.start(SimulatorOptions.defaults().port(0).seed(42));
                BindingUnderTest binding = new BindingUnderTest(sim,
                        // Withings' documented 120 requests/min: 48 weighings in about 40 s and the first syncs
                        // would not fit the default 60/min, and a fetch refused for want of budget waits its turn
                        Map.of("webhookUrl", "https://openhab.bench.invalid", "rateLimit", 120))) {
            binding.startBridge();
            List<SimUser> users = sim.users();
            for (SimUser user : users) {
                binding.link(user.userid());
            }
            List<Thing> things = new ArrayList<>();
            for (SimUser user : users) {
                things.add(binding.startUser(user.userid()));
            }
            if (!BindingUnderTest.await(() -> things.stream().allMatch(t -> t.getStatus() == ThingStatus.ONLINE),
                    Duration.ofMinutes(2))) {
                throw new IllegalStateException("users not ONLINE: " + things.stream().map(Thing::getStatus).toList());
            }
            quiet(sim);
            URI webhook = binding.webhook();

            // in bed / out of bed; the first WARM_UP ones warm the JIT and are not counted
            Figures bedServlet = new Figures();
            Figures bedState = new Figures();
            int bedEvents = notifications - weighingRounds * users.size();
            int dataBefore = dataRequests(sim);
            Map<Integer, Boolean> inBed = new HashMap<>();
            for (int i = -WARM_UP; i < bedEvents; i++) {
                int u = Math.floorMod(i, users.size());
                boolean next = !inBed.getOrDefault(u, false);
                inBed.put(u, next);
                OnOffType expected = next ? OnOffType.ON : OnOffType.OFF;
                CompletableFuture<Long> state = binding.expect(things.get(u), IN_BED, expected::equals);
                long t0 = System.nanoTime();
                int code = post(webhook, users.get(u).userid(), next ? 50 : 51, null);
                long t1 = System.nanoTime();
                if (code != 200) {
                    throw new IllegalStateException("webhook answered " + code);
                }
                long arrived = state.get(10, TimeUnit.SECONDS);
                if (i < 0) {
                    continue;
                }
                bedServlet.addNanos(t1 - t0);
                bedState.addNanos(arrived - t0);
            }
            quiet(sim);
            int bedRequests = dataRequests(sim) - dataBefore;

            // new weighings, all users at once per round
            Figures weighServlet = new Figures();
            Figures weighDebounce = new Figures();
            Figures weighAfterDebounce = new Figures();
            Figures weighState = new Figures();
            List<Integer> callsPerWeighing = new ArrayList<>();
            for (int round = 0; round < weighingRounds; round++) {
                List<CompletableFuture<Long>> states = new ArrayList<>();
                List<Instant> sent = new ArrayList<>();
                List<Long> sentNanos = new ArrayList<>();
                Map<Long, Integer> before = perUser(sim);
                for (int u = 0; u < users.size(); u++) {
                    java.math.BigDecimal expected = java.math.BigDecimal.valueOf(70_000 + round * 100 + u * 10, 3);
                    Instant now = Instant.now();
                    sim.control().addWeighing(users.get(u).userid(), expected.doubleValue(), now).get();
                    states.add(binding.expect(things.get(u), WEIGHT,
                            s -> s instanceof QuantityType<?> q && q.toBigDecimal().compareTo(expected) == 0));
                    sent.add(Instant.now());
                    long t0 = System.nanoTime();
                    sentNanos.add(t0);
                    int code = post(webhook, users.get(u).userid(), 1, now);
                    weighServlet.addNanos(System.nanoTime() - t0);
                    if (code != 200) {
                        throw new IllegalStateException("webhook answered " + code);
                    }
                }
                double[] stateMs = new double[users.size()];
                for (int u = 0; u < users.size(); u++) {
                    long arrived;
                    try {
                        arrived = states.get(u).get(30, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.TimeoutException e) {
                        List<RecordedRequest> l = sim.control().requests();
                        throw new IllegalStateException("no weight state for user " + users.get(u).userid() + ": "
                                + binding.state(things.get(u), WEIGHT) + ", last requests "
                                + l.subList(Math.max(0, l.size() - 12), l.size()));
                    }
                    stateMs[u] = (arrived - sentNanos.get(u)) / 1e6;
                    weighState.add(stateMs[u]);
                }
                quiet(sim);
                Map<Long, Integer> after = perUser(sim);
                List<RecordedRequest> log = sim.control().requests();
                for (int u = 0; u < users.size(); u++) {
                    long userid = users.get(u).userid();
                    callsPerWeighing.add(after.getOrDefault(userid, 0) - before.getOrDefault(userid, 0));
                    Instant fetch = null;
                    for (RecordedRequest r : log) {
                        if (fetch == null && r.userid() == userid && "getmeas".equals(r.action())
                                && !r.start().isBefore(sent.get(u))) {
                            fetch = r.start();
                        }
                    }
                    if (fetch != null) {
                        double debounce = Duration.between(sent.get(u), fetch).toNanos() / 1e6;
                        weighDebounce.add(debounce);
                        weighAfterDebounce.add(stateMs[u] - debounce);
                    }
                }
            }
            Threads after = Threads.snapshot();
            List<String> own = after.ownSince(threadsBefore);
            int shared = after.sharedSince(threadsBefore);

            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, """
                    %d notifications POSTed one after the other (form-encoded, as Withings sends them) to the webhook
                    servlet of a bridge made by `WithingsHandlerFactory` (request budget 120/min, Withings' limit),
                    served by an embedded Jetty on loopback, for
                    the simulator's %d users, each with a user Thing made by the factory and ONLINE after its first
                    sync: %d in-bed/out-of-bed events (appli 50/51, alternating per user) and %d new weighings (appli
                    1: %d rounds, in each a weighing added at the simulator for every user, then its notification),
                    after %d in-bed notifications that warm the JIT and are not counted.
                    Servlet answer = POST sent → HTTP answer received by the sender; state = POST sent → the channel
                    state arrives at openHAB's callback (`ThingHandlerCallback.stateUpdated`). Debounce = POST sent →
                    the getmeas request arriving at the simulator; after the debounce = that request → weight state.

                    """, notifications, users.size(), bedEvents, weighingRounds * users.size(), weighingRounds,
                    WARM_UP));
            out.append(Figures.header());
            out.append(bedServlet.row("in bed/out of bed (50/51): servlet answer", 5));
            out.append(bedState.row("in bed/out of bed (50/51): notification → channel state", 10));
            out.append(weighServlet.row("new weighing (1): servlet answer", 5));
            out.append(weighDebounce.row("new weighing (1): debounce (notification → getmeas sent)"));
            out.append(weighAfterDebounce.row("new weighing (1): getmeas sent → weight state (after the debounce)", 50));
            out.append(weighState.row("new weighing (1): notification → weight state, debounce included"));
            long exactlyOne = callsPerWeighing.stream().filter(n -> n == 1).count();
            out.append(String.format(Locale.ROOT, """

                    API requests: **%d** for the %d in-bed/out-of-bed notifications (target 0); per new weighing
                    %s (target exactly 1: %d of %d weighings cost exactly one request).

                    """, bedRequests, bedEvents, summary(callsPerWeighing), exactlyOne, callsPerWeighing.size()));
            return new Outcome(out.toString(), own, shared);
        }
    }

    private static String summary(List<Integer> calls) {
        Map<Integer, Integer> histogram = new java.util.TreeMap<>();
        calls.forEach(c -> histogram.merge(c, 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        histogram.forEach((n, times) -> parts.add(n + " request" + (n == 1 ? "" : "s") + " × " + times));
        return String.join(", ", parts);
    }

    private int post(URI webhook, long userid, int appli, @org.eclipse.jdt.annotation.Nullable Instant date)
            throws Exception {
        String form = "userid=" + userid + "&appli=" + appli;
        if (date == null) {
            form += "&date=" + Instant.now().getEpochSecond();
        } else {
            form += "&startdate=" + (date.getEpochSecond() - 1) + "&enddate=" + (date.getEpochSecond() + 1);
        }
        return client.send(HttpRequest.newBuilder(webhook).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** Data requests so far (neither token nor notify requests). */
    static int dataRequests(WithingsCloudSimulator sim) {
        return (int) sim.control().requests().stream().filter(PushLatency::isData).count();
    }

    static boolean isData(RecordedRequest r) {
        return !"/v2/oauth2".equals(r.path()) && !"/notify".equals(r.path());
    }

    private static Map<Long, Integer> perUser(WithingsCloudSimulator sim) {
        Map<Long, Integer> counts = new HashMap<>();
        for (RecordedRequest r : sim.control().requests()) {
            if (isData(r)) {
                counts.merge(r.userid(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Waits until the simulator has seen no data request for 1 s. */
    static void quiet(WithingsCloudSimulator sim) throws InterruptedException {
        int[] last = { -1 };
        long[] since = { System.nanoTime() };
        BindingUnderTest.await(() -> {
            int n = dataRequests(sim);
            if (n != last[0]) {
                last[0] = n;
                since[0] = System.nanoTime();
                return false;
            }
            return System.nanoTime() - since[0] > 1_000_000_000L;
        }, Duration.ofMinutes(5));
    }
}
