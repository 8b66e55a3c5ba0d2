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
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.unit.SIUnits;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.types.State;

/**
 * End to end against the Withings cloud simulator over HTTP on loopback: a user linked by the OAuth code flow is
 * synced, a new weighing is pushed and fetched with exactly one getmeas, bed events cost no request, and the Thing
 * status follows revoked tokens and transient faults.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsUserHandlerSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String MEASURE = "/measure";

    private @Nullable WithingsCloudSimulator simulator;
    private @Nullable HttpClient http;
    private @Nullable ScheduledExecutorService executor;
    private @Nullable WithingsUserHandler handler;
    private long userid;
    private WithingsClient client = mock(WithingsClient.class);
    private @Nullable SimulatorTokens tokens;
    private @Nullable Harness harness;

    @BeforeEach
    void setUp() throws Exception {
        WithingsCloudSimulator sim = WithingsCloudSimulator.start(SimulatorOptions.defaults().port(0).seed(42));
        simulator = sim;
        HttpClient h = new HttpClient();
        h.start();
        http = h;
        WithingsApiConfig config = WithingsApiConfig.of(sim.baseUri().toString(), sim.baseUri().toString());
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

    private Thing start() {
        TestAccount account = new TestAccount(client, tokens);
        Harness h = new Harness(account);
        harness = h;
        Thing thing = h.userThing("scale-user", Long.toString(userid), false);
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
}
