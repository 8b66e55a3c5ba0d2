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
package org.openhab.binding.withings.internal.handler;

import org.openhab.binding.withings.internal.api.WithingsNotification;
import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.*;
import static org.mockito.Mockito.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.api.AttribPolicy;
import org.openhab.binding.withings.internal.api.MeasureQuery;
import org.openhab.binding.withings.internal.api.WithingsApiConfig;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.api.WithingsHttpTransport;
import org.openhab.binding.withings.internal.api.WithingsRateLimiter;
import org.openhab.binding.withings.internal.dto.Measure;
import org.openhab.binding.withings.internal.dto.MeasureGroup;
import org.openhab.binding.withings.simulator.FaultSpec;
import org.openhab.binding.withings.simulator.SimUser;
import org.openhab.binding.withings.simulator.SimulatorOptions;
import org.openhab.binding.withings.simulator.WithingsCloudSimulator;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.unit.SIUnits;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.types.State;
import org.openhab.core.types.TimeSeries;

/**
 * End to end against the Withings cloud simulator over HTTP on loopback: a user linked by the OAuth code flow is
 * synced, a new weighing is pushed and fetched with exactly one getmeas, bed events cost no request, and the Thing
 * status follows revoked tokens and transient faults; the sleep stages and intraday values of a watch user are read
 * only while their channels are linked.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsUserHandlerSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String MEASURE = "/measure";
    private static final String SLEEP = "/v2/sleep";
    private static final String MEASURE_V2 = "/v2/measure";
    private static final Set<String> STAGES = Set.of("awake", "light", "deep", "rem", "manual", "unspecified",
            "out-of-bed");

    private @Nullable WithingsCloudSimulator simulator;
    private @Nullable HttpClient http;
    private @Nullable ScheduledExecutorService executor;
    private @Nullable WithingsUserHandler handler;
    private long userid;
    private WithingsClient client = mock(WithingsClient.class);
    private @Nullable SimulatorTokens tokens;
    private @Nullable Harness harness;
    private @Nullable WithingsApiConfig config;

    @BeforeEach
    void setUp() throws Exception {
        WithingsCloudSimulator sim = WithingsCloudSimulator.start(SimulatorOptions.defaults().port(0).seed(42));
        simulator = sim;
        HttpClient h = new HttpClient();
        h.start();
        http = h;
        WithingsApiConfig config = WithingsApiConfig.of(sim.baseUri().toString(), sim.baseUri().toString());
        this.config = config;
        client = new WithingsClient(new WithingsHttpTransport(h), config,
                new WithingsRateLimiter(600, Duration.ofMinutes(5), Clock.systemUTC()));
        userid = sim.user(SimUser.Kind.SCALE).userid();
        tokens = new SimulatorTokens(sim, h, config, userid);
        executor = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void tearDown() throws Exception {
        WithingsUserHandler u = handler;
        if (u != null) {
            u.dispose();
        }
        ScheduledExecutorService e = executor;
        if (e != null) {
            e.shutdownNow();
        }
        HttpClient h = http;
        if (h != null) {
            h.stop();
        }
        WithingsCloudSimulator s = simulator;
        if (s != null) {
            s.close();
        }
    }

    private WithingsCloudSimulator sim() {
        return Objects.requireNonNull(simulator);
    }

    private Harness harness() {
        return Objects.requireNonNull(harness);
    }

    private Thing start(String... linked) {
        TestAccount account = new TestAccount(client, tokens);
        Harness h = new Harness(account);
        harness = h;
        Thing thing = h.userThing("scale-user", Long.toString(userid), false);
        for (String channel : linked) {
            when(h.callback.isChannelLinked(new ChannelUID(thing.getUID(), channel))).thenReturn(true);
        }
        WithingsUserHandler u = h.user(thing, Objects.requireNonNull(executor), Clock.systemUTC(),
                Duration.ofMillis(50));
        handler = u;
        u.initialize();
        return thing;
    }

    private void awaitStatus(Thing thing, ThingStatus status, ThingStatusDetail detail) {
        verify(harness().callback, timeout(WAIT.toMillis()).atLeastOnce()).statusUpdated(same(thing),
                argThat(info -> info.getStatus() == status && info.getStatusDetail() == detail));
    }

    private void awaitWeight(Thing thing, BigDecimal kg) {
        verify(harness().callback, timeout(WAIT.toMillis()).atLeastOnce()).stateUpdated(
                eq(new ChannelUID(thing.getUID(), "body#weight")),
                argThat((State s) -> s instanceof QuantityType<?> q && q.getUnit().equals(SIUnits.KILOGRAM)
                        && q.toBigDecimal().compareTo(kg) == 0));
    }

    private long getmeasCount() {
        return sim().control().requestCount(MEASURE, "getmeas", userid);
    }

    /** The newest weight the simulator holds for the user within the back-fill window (read with the client). */
    private BigDecimal latestWeight() throws Exception {
        List<MeasureGroup> groups = client
                .getMeasures(Objects.requireNonNull(tokens),
                        MeasureQuery.since(Instant.now().minus(Duration.ofDays(30))).withTypes(List.of(1)))
                .normalizedGroups();
        MeasureGroup newest = groups.stream().filter(AttribPolicy.DEFAULT::accepts)
                .filter(g -> g.measures.stream().anyMatch(m -> m.type == 1))
                .max(Comparator.comparingLong(g -> g.date)).orElseThrow();
        Measure weight = newest.measures.stream().filter(m -> m.type == 1).findFirst().orElseThrow();
        return weight.decodedValue();
    }

    @Test
    void linkSyncPushAndBedPresence() throws Exception {
        BigDecimal expected = latestWeight();
        long before = getmeasCount();

        Thing thing = start();
        awaitStatus(thing, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        awaitWeight(thing, expected);
        assertEquals(before + 1, getmeasCount(), "the first sync is one getmeas");

        // a new weighing, pushed: exactly one more getmeas
        sim().control().addWeighing(userid, 81.25, Instant.now()).get();
        long afterSync = getmeasCount();
        WithingsUserHandler u = Objects.requireNonNull(handler);
        u.onNotification(new WithingsNotification(Long.toString(userid), 1, Instant.now().minusSeconds(5),
                Instant.now(), null, null, null, Instant.now()));
        awaitWeight(thing, new BigDecimal("81.25"));
        assertEquals(afterSync + 1, getmeasCount());

        // bed events: state and trigger at once, no request at all
        int requests = sim().control().requests().size();
        u.onNotification(new WithingsNotification(Long.toString(userid), 50, null, null,
                Long.toString(Instant.now().getEpochSecond()), null, null, Instant.now()));
        assertEquals(OnOffType.ON, harness().state(thing, "presence#in-bed"));
        verify(harness().callback).channelTriggered(thing, new ChannelUID(thing.getUID(), "presence#bed-event"),
                "IN_BED");
        u.onNotification(new WithingsNotification(Long.toString(userid), 51, null, null, null, null, null,
                Instant.now()));
        assertEquals(OnOffType.OFF, harness().state(thing, "presence#in-bed"));
        assertEquals(requests, sim().control().requests().size());
        assertEquals(afterSync + 1, getmeasCount());
    }

    @Test
    void revokedTokensNeedReauthorization() throws Exception {
        Thing thing = start();
        awaitStatus(thing, ThingStatus.ONLINE, ThingStatusDetail.NONE);

        sim().control().revokeTokens(userid);
        Objects.requireNonNull(handler).onNotification(
                new WithingsNotification(Long.toString(userid), 1, null, null, null, null, null, Instant.now()));
        awaitStatus(thing, ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR);
        assertEquals(TestAccount.AUTHORIZATION_NEEDED, harness().status(thing).getDescription());
    }

    @Test
    void transientFaultGoesOfflineAndRecovers() throws Exception {
        Thing thing = start();
        awaitStatus(thing, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        WithingsUserHandler u = Objects.requireNonNull(handler);

        sim().control().injectFault(FaultSpec.httpError(503).on(MEASURE, "getmeas").times(1));
        u.onNotification(new WithingsNotification(Long.toString(userid), 1, null, null, null, null, null,
                Instant.now()));
        awaitStatus(thing, ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR);

        // the fault is over: the next fetch (here pushed, otherwise the back-off retry) brings it back
        sim().control().addWeighing(userid, 79.5, Instant.now()).get();
        clearInvocations(harness().callback);
        u.onNotification(new WithingsNotification(Long.toString(userid), 1, null, null, null, null, null,
                Instant.now()));
        awaitStatus(thing, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        awaitWeight(thing, new BigDecimal("79.5"));
    }

    private long count(String path, String action) {
        return sim().control().requestCount(path, action, userid);
    }

    /** Starts the watch user's Thing with the given channels linked and waits until its first sync is done. */
    private Thing startWatch(String... linked) throws Exception {
        WithingsCloudSimulator sim = sim();
        userid = sim.user(SimUser.Kind.WATCH).userid();
        tokens = new SimulatorTokens(sim, Objects.requireNonNull(http), Objects.requireNonNull(config), userid);
        Thing thing = start(linked);
        // the units sync in turn (measures, activity, sleep, goals, devices): goals mark the end of sleep's turn
        harness().recorder.awaitState(thing, "sleep#last-measured", s -> s instanceof DateTimeType);
        harness().recorder.await(() -> count("/v2/user", "getgoals") > 0, "the goals sync");
        return thing;
    }

    private List<TimeSeries> series(Thing thing, String channel) {
        ChannelUID uid = new ChannelUID(thing.getUID(), channel);
        return harness().recorder.series.stream().filter(e -> e.channel().equals(uid))
                .map(RecordingThingCallback.SeriesEntry::series).toList();
    }

    /** The sleep stages and the intraday values are read only while their channels are linked (a watch user). */
    @Test
    void seriesOfUnlinkedChannelsCostNoRequest() throws Exception {
        Thing thing = startWatch();
        assertTrue(count(SLEEP, "getsummary") > 0);
        assertTrue(count(MEASURE_V2, "getactivity") > 0);
        assertEquals(0, count(SLEEP, "get"), "no sleep get without a linked sleep-stage channel");
        assertEquals(0, count(MEASURE_V2, "getintradayactivity"), "no intraday read without a linked channel");
        assertEquals(List.of(), series(thing, "sleep#sleep-stage"));
        assertEquals(List.of(), series(thing, "activity#intraday-heart-rate"));
    }

    @Test
    void linkedSeriesAreReadOncePerNightAndWithEachActivitySync() throws Exception {
        Thing thing = startWatch("sleep#sleep-stage", "activity#intraday-heart-rate");
        assertEquals(1, count(SLEEP, "get"), "one sleep get for the new night");
        assertEquals(1, count(MEASURE_V2, "getintradayactivity"));

        List<TimeSeries> stages = series(thing, "sleep#sleep-stage");
        assertEquals(1, stages.size());
        TimeSeries night = stages.get(0);
        assertTrue(night.size() > 3, "one point per segment of the night");
        night.getStates().forEach(p -> assertTrue(STAGES.contains(p.state().toString()), p.toString()));
        assertNotNull(harness().state(thing, "sleep#sleep-stage"));

        // another sleep sync without a newer night: no second sleep get
        WithingsUserHandler u = Objects.requireNonNull(handler);
        u.unit("sleep").sync();
        assertEquals(1, count(SLEEP, "get"));
        // each activity sync reads the intraday values again, from after the last point read
        u.unit("activity").sync();
        assertEquals(2, count(MEASURE_V2, "getintradayactivity"));
    }
}
