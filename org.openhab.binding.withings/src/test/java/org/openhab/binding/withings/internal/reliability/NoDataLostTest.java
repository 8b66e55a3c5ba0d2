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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.simulator.FaultSpec;
import org.openhab.binding.withings.simulator.SimulatorOptions;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;

/**
 * Suite 2, no data lost: measurements, sleep summaries, activities and workouts created in the simulator while
 * the API refuses connections appear after the recovery, each exactly once and at its original time in the time
 * series; the same for data created around a bridge restart and around an openHAB restart (cursors and tokens
 * kept: nothing is linked again and nothing already sent is sent again).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class NoDataLostTest extends ReliabilitySuite {

    static final String SUITE = "no-data-lost";
    private static final long SCALE = 30000001L;
    private static final long SLEEPER = 30000003L;
    private static final long WALKER = 30000004L;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final Map<Long, Thing> users = new TreeMap<>();
    /** What was created in the simulator: a label, the Thing, the channel group and the original time. */
    private final List<Created> created = new ArrayList<>();

    record Created(String label, long userid, String group, Instant time, @Nullable Integer value) {
    }

    @BeforeEach
    void start() throws Exception {
        // three users whose retries run 120 times faster than real time would exhaust the app-wide limit of real
        // minutes: the limiter is not under test here
        open(SimulatorOptions.defaults().port(0).seed(42), 120);
        rig.config("rateLimit", 1000);
        rig.startBridge();
        linkAll(List.of(SCALE, SLEEPER, WALKER));
        for (long userid : List.of(SCALE, SLEEPER, WALKER)) {
            users.put(userid, rig.startUser(userid));
        }
        for (Thing user : users.values()) {
            rig.awaitStatus(user.getUID(), s -> s.getStatus() == ThingStatus.ONLINE, "user ONLINE");
        }
    }

    /** Creates one item of each kind in the simulator (deliveries to the webhook are not awaited). */
    private void createData(String phase, int minutesAgo) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant weighed = now.minus(Duration.ofMinutes(minutesAgo));
        sim.control().addWeighing(SCALE, 70 + minutesAgo / 10.0, weighed);
        created.add(new Created(phase + ": weighing", SCALE, "body#weight", weighed, null));
        Instant wake = now.minus(Duration.ofMinutes(minutesAgo));
        sim.control().addSleep(SLEEPER, wake.minus(Duration.ofHours(7)), wake);
        created.add(new Created(phase + ": sleep summary", SLEEPER, "sleep#", wake, null));
        Instant start = now.minus(Duration.ofMinutes(minutesAgo + 40));
        sim.control().addWorkout(WALKER, 2, start, start.plus(Duration.ofMinutes(30)));
        // a workout goes to the time series at its start
        created.add(new Created(phase + ": workout", WALKER, "workout#", start, null));
        LocalDate day = LocalDate.now(BERLIN).minusDays(2 + minutesAgo / 30);
        sim.control().addActivity(WALKER, day, 12345 + minutesAgo);
        // the day was already sent by the back-fill with its generated steps: the new total must come once
        created.add(new Created(phase + ": activity of " + day, WALKER, "activity#steps",
                day.atStartOfDay(BERLIN).toInstant(), 12345 + minutesAgo));
    }

    /** How often the time was sent per channel of the group (only channels that got it at all). */
    private Map<String, Integer> sent(Created c) {
        Thing user = users.get(c.userid());
        Map<String, Integer> counts = new TreeMap<>();
        for (ReliabilityRig.SeriesEntry e : rig.series) {
            ChannelUID ch = e.channel();
            if (!ch.getThingUID().equals(user.getUID()) || !ch.getId().startsWith(c.group())) {
                continue;
            }
            e.series().getStates().forEach(s -> {
                Integer value = c.value();
                if (s.timestamp().equals(c.time()) && (value == null
                        || (s.state() instanceof org.openhab.core.library.types.DecimalType d && d.intValue() == value)
                        || (s.state() instanceof org.openhab.core.library.types.QuantityType<?> q
                                && q.intValue() == value))) {
                    counts.merge(ch.getId(), 1, Integer::sum);
                }
            });
        }
        return counts;
    }

    private boolean exactlyOnce(Created c) {
        Map<String, Integer> counts = sent(c);
        return !counts.isEmpty() && counts.values().stream().allMatch(n -> n == 1);
    }

    private void awaitAll(String what) {
        try {
            awaitAllOnce(what);
        } catch (AssertionError e) {
            StringBuilder sb = new StringBuilder("listening " + sim.listening() + ", sent " + rig.sent.size() + " "
                    + rig.sent.subList(Math.max(0, rig.sent.size() - 5), rig.sent.size()) + "\n");
            try {
                sb.append("probe ").append(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(sim.baseUri().resolve("/_sim/info")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).append('\n');
            } catch (Exception x) {
                sb.append("probe failed ").append(x).append('\n');
            }
            for (Created c : created) {
                sb.append(c).append(" sent ").append(sent(c)).append('\n');
            }
            rig.series.forEach(e2 -> sb.append(e2.channel()).append(" thing ").append(e2.channel().getThingUID())
                    .append(' ').append(e2.series().getStates().count()).append(";"));
            rig.series.stream().filter(e2 -> e2.channel().getId().equals("body#weight")).forEach(e2 -> sb
                    .append(e2.series().getStates().map(x -> x.timestamp().toString()).toList()).append('\n'));
            users.values().forEach(u -> sb.append(u.getUID()).append(rig.statuses(u.getUID())).append('\n'));
            sb.append(sim.control().requests().stream().skip(Math.max(0, sim.control().requests().size() - 40))
                    .map(Object::toString).toList());
            List<String> lines = output.text().lines().filter(l -> l.contains("DEBUG")).toList();
            lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> sb.append(l).append('\n'));
            Thread.getAllStackTraces().forEach((t, st) -> {
                if (t.getName().startsWith("pool-")) {
                    sb.append(t.getName()).append(' ').append(t.getState()).append('\n');
                    for (int i = 0; i < Math.min(25, st.length); i++) {
                        sb.append("    ").append(st[i]).append('\n');
                    }
                }
            });
            throw new AssertionError(e.getMessage() + "\n" + sb, e);
        }
    }

    private void awaitAllOnce(String what) {
        // twice the rig's timeout: the back-off after an outage reaches 8 compressed minutes
        for (int i = 0; i < 2 && !created.stream().allMatch(c -> !sent(c).isEmpty()); i++) {
            try {
                ReliabilityRig.await(() -> created.stream().allMatch(c -> !sent(c).isEmpty()), what);
            } catch (AssertionError e) {
                if (i == 1) {
                    throw new AssertionError(what + ": " + created.stream().filter(c -> sent(c).isEmpty())
                            .map(Created::label).toList(), e);
                }
            }
        }
    }

    private void syncAll() {
        for (Thing user : users.values()) {
            for (String channel : List.of("body#weight", "sleep#total-sleep", "activity#steps",
                    "workout#category")) {
                rig.handler(user).handleCommand(new ChannelUID(user.getUID(), channel),
                        org.openhab.core.types.RefreshType.REFRESH);
            }
        }
    }

    /** One row per item created since the mark: at its original time, exactly once in every channel. */
    private void rows(String phase, int from) {
        for (Created c : created.subList(from, created.size())) {
            Map<String, Integer> counts = sent(c);
            ReliabilityReport.row(SUITE, c.label() + " (" + phase + ")", 1,
                    "at its original time exactly once in each time series of " + c.group(),
                    counts.isEmpty() ? "missing"
                            : counts.size() + " channels, times sent " + counts.values().stream().distinct().toList(),
                    exactlyOnce(c));
        }
    }

    @Test
    void dataCreatedDuringAnOutageAndAroundRestartsArrivesExactlyOnce() throws Exception {
        // an outage: the API refuses connections while data is created (webhook deliveries still arrive)
        sim.control().injectFault(FaultSpec.refuse(Duration.ofSeconds(3)));
        createData("during an outage", 90);
        syncAll();
        awaitAll("data created during the outage");
        Thread.sleep(1000); // the scenario: time for a second delivery of anything to show in the counts
        rows("created during a 3 s outage", 0);

        // a bridge restart: the user Things and the bridge are disposed and created again
        int mark = created.size();
        rig.restartBridge();
        createData("after a bridge restart", 60);
        for (Thing user : users.values()) {
            rig.awaitStatus(user.getUID(), s -> s.getStatus() == ThingStatus.ONLINE, "ONLINE after bridge restart");
        }
        syncAll();
        awaitAll("data created after the bridge restart");
        Thread.sleep(1000); // the scenario: time for a second delivery of anything to show in the counts
        rows("after a bridge restart", mark);

        // an openHAB restart: only the storages and the OAuth tokens survive
        mark = created.size();
        long links = sim.control().requestCount("/v2/oauth2", "requesttoken", 0);
        rig.restartOpenHab();
        createData("after an openHAB restart", 30);
        for (long userid : users.keySet()) {
            Thing fresh = rig.bridge().getThings().stream()
                    .filter(t -> t.getUID().equals(users.get(userid).getUID())).findFirst().orElseThrow();
            users.put(userid, fresh);
            rig.awaitStatus(fresh.getUID(), s -> s.getStatus() == ThingStatus.ONLINE, "ONLINE after restart");
        }
        syncAll();
        awaitAll("data created after the openHAB restart");
        Thread.sleep(1000); // the scenario: time for a second delivery of anything to show in the counts
        rows("after an openHAB restart", mark);
        boolean noNewLink = sim.control().requestCount("/v2/oauth2", "requesttoken", 0) == links;
        ReliabilityReport.row(SUITE, "tokens kept across the openHAB restart", 1,
                "no code exchange or re-authorisation", noNewLink ? "none" : "TOKENS REQUESTED AGAIN", noNewLink);

        String log = output.text();
        List<String> bad = bindingWarnings(log);
        ReliabilityReport.row(SUITE, "log of the whole run", created.size(), "no warn/error of the binding",
                bad.size() + " lines", bad.isEmpty());
        rig.texts.add(log);
        SecretScan.scan(SUITE, rig);
        for (Created c : created) {
            assertTrue(exactlyOnce(c), c + " sent " + sent(c));
        }
        assertTrue(noNewLink, "tokens kept");
        assertEquals(List.of(), bad);
    }
}
