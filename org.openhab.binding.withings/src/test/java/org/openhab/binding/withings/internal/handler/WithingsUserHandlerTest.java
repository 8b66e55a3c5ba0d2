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

import org.openhab.binding.withings.internal.api.Backoff;
import org.openhab.binding.withings.internal.api.WithingsNotification;
import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.*;
import static org.mockito.Mockito.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Optional;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.openhab.binding.withings.internal.api.CountingTokenProvider;
import org.openhab.binding.withings.internal.api.DateQuery;
import org.openhab.binding.withings.internal.api.MeasureQuery;
import org.openhab.binding.withings.internal.api.MeasureResult;
import org.openhab.binding.withings.internal.api.StatusFamily;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsAuthException;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.api.WithingsCommunicationException;
import org.openhab.binding.withings.internal.api.WithingsRateLimitException;
import org.openhab.binding.withings.internal.api.WithingsUnauthorizedException;
import org.openhab.binding.withings.internal.dto.Activity;
import org.openhab.binding.withings.internal.dto.MeasureGroup;
import org.openhab.binding.withings.internal.dto.SleepSummary;
import org.openhab.binding.withings.internal.dto.SleepSummaryData;
import org.openhab.binding.withings.internal.dto.Workout;
import org.openhab.binding.withings.internal.mapping.Fixtures;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.library.unit.SIUnits;
import org.openhab.core.storage.Storage;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.binding.BridgeHandler;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.TimeSeries;
import org.openhab.core.types.UnDefType;

/**
 * The user handler against a mocked client with the fixtures as answers, on a scheduler the test drives: sync,
 * cursors, push, coalescing, presence, history, status transitions, midnight rollover and the workout trigger.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsUserHandlerTest {

    private static final String USER = "12345";
    private static final Duration DEBOUNCE = Duration.ofSeconds(2);

    private final WithingsClient client = mock(WithingsClient.class);
    private final CountingTokenProvider tokens = new CountingTokenProvider("token");
    private final TestAccount account = new TestAccount(client, tokens);
    private final MapStorageService storageService = new MapStorageService();
    private final Storage<String> storage = storageService.getStorage(SyncCursorStore.STORAGE_NAME);
    // 2023-10-20 15:00 in Amsterdam: the aiowithings activity of that day is "today"
    private final FakeScheduler scheduler = new FakeScheduler(
            ZonedDateTime.of(2023, 10, 20, 15, 0, 0, 0, Harness.ZONE).toInstant());
    private final MutableClock clock = scheduler.clock();
    private Harness harness = new Harness(account, storageService);
    private List<MeasureGroup> haGroups = List.of();

    @BeforeEach
    void setUp() throws Exception {
        haGroups = Fixtures.list("home-assistant/measurements.json", "measuregrps", MeasureGroup.class);
        when(client.getMeasures(any(), any())).thenReturn(new MeasureResult(haGroups, 1564700000L, "UTC", true));
        List<Activity> activities = Fixtures.list("aiowithings/activity.json", "activities", Activity.class);
        when(client.getActivity(any(), any())).thenReturn(activities);
        when(client.getWorkouts(any(), any())).thenReturn(List.of());
        when(client.getSleepSummaries(any(), any())).thenReturn(List.of());
        when(client.getGoals(any())).thenReturn(Optional.empty());
        when(client.getHeartList(any(), any(), any())).thenReturn(List.of());
    }

    private WithingsUserHandler started(Thing thing) {
        WithingsUserHandler handler = harness.user(thing, scheduler, clock, DEBOUNCE);
        handler.initialize();
        scheduler.runDue();
        return handler;
    }

    @Test
    void firstSyncBackfillsThenGoesOnline() throws Exception {
        Thing thing = harness.userThing("alice", USER, false);
        WithingsUserHandler handler = harness.user(thing, scheduler, clock, DEBOUNCE);
        handler.initialize();

        assertEquals(ThingStatus.UNKNOWN, harness.status(thing).getStatus());
        assertEquals(UnDefType.UNDEF, harness.state(thing, "body#weight"));
        assertEquals(UnDefType.UNDEF, harness.state(thing, "presence#in-bed"));
        assertEquals(USER, thing.getProperties().get("userId"));

        scheduler.runDue();

        assertEquals(ThingStatus.ONLINE, harness.status(thing).getStatus());
        assertEquals(new QuantityType<>(BigDecimal.valueOf(70), SIUnits.KILOGRAM), harness.state(thing, "body#weight"));
        assertEquals(new DecimalType(1209), harness.state(thing, "activity#steps"));
        assertEquals(UnDefType.UNDEF, harness.state(thing, "goals#steps-goal"));
        // measurements this user never had stay UNDEF after the sync: no fake 0
        for (String never : List.of("body#basal-metabolic-rate", "body#fat-mass-torso", "heart#afib-result",
                "sleep#score", "workout#calories")) {
            assertEquals(UnDefType.UNDEF, harness.state(thing, never), never);
        }
        // back-fill of 30 days, then the server's updatetime is the cursor
        ArgumentCaptor<MeasureQuery> query = ArgumentCaptor.forClass(MeasureQuery.class);
        verify(client).getMeasures(same(tokens), query.capture());
        assertEquals(clock.instant().minus(Duration.ofDays(30)), query.getValue().lastUpdate());
        assertEquals("1564700000", storage.get(thing.getUID() + ":measures"));
        // history of the weighings at the time they were taken
        ArgumentCaptor<TimeSeries> series = ArgumentCaptor.forClass(TimeSeries.class);
        verify(harness.callback).sendTimeSeries(eq(new ChannelUID(thing.getUID(), "body#weight")), series.capture());
        assertEquals(List.of(Instant.ofEpochSecond(1564657200), Instant.ofEpochSecond(1564660800)),
                series.getValue().getStates().map(TimeSeries.Entry::timestamp).toList());
        assertEquals(TimeSeries.Policy.ADD, series.getValue().getPolicy());
        // next polls at the configured intervals
        assertEquals(900, handler.unit("measures").interval());
        assertTrue(scheduler.pendingDelays().contains(Duration.ofMinutes(15)));
        assertTrue(scheduler.pendingDelays().contains(Duration.ofMinutes(30)));
        assertTrue(scheduler.pendingDelays().contains(Duration.ofHours(1)));
    }

    @Test
    void incrementalSyncUsesTheStoredCursorAcrossRestarts() throws Exception {
        Thing thing = harness.userThing("alice", USER, false);
        WithingsUserHandler first = started(thing);
        first.onNotification(notification(50, "1697800000"));
        assertEquals(OnOffType.ON, harness.state(thing, "presence#in-bed"));
        first.dispose();
        assertEquals(0, scheduler.pending());

        // restart: the same storage, a new handler; the known values come back before any request
        harness = new Harness(account, storageService);
        Thing again = harness.userThing("alice", USER, false);
        clearInvocations(client);
        when(client.getMeasures(any(), any())).thenReturn(new MeasureResult(
                Fixtures.list("home-assistant/measurements_1.json", "measuregrps", MeasureGroup.class), 1618605100L,
                null, true));
        WithingsUserHandler second = harness.user(again, scheduler, clock, DEBOUNCE);
        second.initialize();
        assertEquals(new QuantityType<>(BigDecimal.valueOf(70), SIUnits.KILOGRAM), harness.state(again, "body#weight"));
        // the bed state is not guessed after a restart, even though it was ON before
        assertEquals(UnDefType.UNDEF, harness.state(again, "presence#in-bed"));
        verifyNoInteractions(client);

        scheduler.runDue();
        ArgumentCaptor<MeasureQuery> query = ArgumentCaptor.forClass(MeasureQuery.class);
        verify(client).getMeasures(any(), query.capture());
        assertEquals(Instant.ofEpochSecond(1564700000L), query.getValue().lastUpdate());
        assertEquals(new QuantityType<>(BigDecimal.valueOf(71), SIUnits.KILOGRAM), harness.state(again, "body#weight"));
        assertEquals(new DecimalType(new BigDecimal("17.8")), harness.state(again, "body#bmi"));
        assertEquals("1618605100", storage.get(again.getUID() + ":measures"));
    }

    /** The times sent in the channel's time series through the current harness. */
    private List<Instant> sentTimes(Thing thing, String channel) {
        ArgumentCaptor<TimeSeries> series = ArgumentCaptor.forClass(TimeSeries.class);
        verify(harness.callback, atLeast(0)).sendTimeSeries(eq(new ChannelUID(thing.getUID(), channel)),
                series.capture());
        return series.getAllValues().stream().flatMap(TimeSeries::getStates).map(TimeSeries.Entry::timestamp)
                .toList();
    }

    @Test
    void recordsOfTheCursorsSecondAreSentOnceAcrossARestartAndAgainWhenModified() throws Exception {
        // Withings' lastupdate is inclusive in whole seconds: records modified in the cursor's second come again
        long now = clock.instant().getEpochSecond();
        haGroups.forEach(g -> g.modified = 1564700000L); // the answer's updatetime, the next measures cursor
        SleepSummary night = new SleepSummary();
        night.id = 7L;
        night.startdate = now - 8 * 3600;
        night.enddate = now - 3600;
        night.modified = now; // the request time, the next sleep cursor
        night.timezone = "Europe/Amsterdam";
        night.data = new SleepSummaryData();
        night.data.totalSleepTime = 25200;
        when(client.getSleepSummaries(any(), any())).thenReturn(List.of(night));
        Instant wake = Instant.ofEpochSecond(night.enddate);
        Instant weighed = Instant.ofEpochSecond(1564657200);

        Thing thing = harness.userThing("alice", USER, false);
        started(thing).dispose();
        assertEquals(List.of(wake), sentTimes(thing, "sleep#total-sleep"));
        assertTrue(sentTimes(thing, "body#weight").contains(weighed));
        assertEquals("7@" + now, storage.get(thing.getUID() + ":sleep:sent"));

        // a restart in the same second: the same answers, nothing is sent again
        harness = new Harness(account, storageService);
        Thing again = harness.userThing("alice", USER, false);
        WithingsUserHandler second = started(again);
        verify(client, times(2)).getSleepSummaries(any(), any());
        assertEquals(List.of(), sentTimes(again, "sleep#total-sleep"));
        assertEquals(List.of(), sentTimes(again, "body#weight"));

        // the same records modified again: they have new keys and come through
        night.modified = now + 5;
        night.data.totalSleepTime = 26000;
        haGroups.get(0).modified = 1564700001L;
        when(client.getMeasures(any(), any())).thenReturn(new MeasureResult(haGroups, 1564700001L, "UTC", true));
        second.handleCommand(new ChannelUID(again.getUID(), "sleep#total-sleep"), RefreshType.REFRESH);
        second.handleCommand(new ChannelUID(again.getUID(), "body#weight"), RefreshType.REFRESH);
        scheduler.advance(DEBOUNCE);
        assertEquals(List.of(wake), sentTimes(again, "sleep#total-sleep"));
        assertFalse(sentTimes(again, "body#weight").isEmpty());
    }

    @Test
    void incompleteResultDoesNotMoveTheCursor() throws Exception {
        when(client.getMeasures(any(), any())).thenReturn(new MeasureResult(haGroups, 1564700000L, "UTC", false));
        Thing thing = harness.userThing("alice", USER, false);
        started(thing);
        assertNull(storage.get(thing.getUID() + ":measures"));
        assertEquals(new QuantityType<>(BigDecimal.valueOf(70), SIUnits.KILOGRAM), harness.state(thing, "body#weight"));
    }

    @Test
    void burstOfNotificationsIsOneFetch() throws Exception {
        Thing thing = harness.userThing("alice", USER, false);
        WithingsUserHandler handler = started(thing);
        clearInvocations(client);

        for (int i = 0; i < 5; i++) {
            handler.onNotification(notification(1, null));
        }
        verifyNoInteractions(client); // nothing fetched on the caller's thread
        scheduler.advance(DEBOUNCE);

        ArgumentCaptor<MeasureQuery> query = ArgumentCaptor.forClass(MeasureQuery.class);
        verify(client, times(1)).getMeasures(any(), query.capture());
        assertEquals(Instant.ofEpochSecond(1564700000L), query.getValue().lastUpdate());
        verifyNoMoreInteractions(client);

        // a notification after the fetch started schedules the next one
        handler.onNotification(notification(4, null));
        scheduler.advance(DEBOUNCE);
        verify(client, times(2)).getMeasures(any(), any());
    }

    @Test
    void eachNotificationFetchesWhatItNeeds() throws Exception {
        Thing thing = harness.userThing("alice", USER, false);
        WithingsUserHandler handler = started(thing);
        clearInvocations(client);

        handler.onNotification(notification(16, null));
        scheduler.advance(DEBOUNCE);
        verify(client).getActivity(any(), any(DateQuery.class));
        verify(client).getWorkouts(any(), any(DateQuery.class));
        verifyNoMoreInteractions(client);

        clearInvocations(client);
        handler.onNotification(notification(44, null));
        scheduler.advance(DEBOUNCE);
        verify(client).getSleepSummaries(any(), any(DateQuery.class));
        verifyNoMoreInteractions(client);

        clearInvocations(client);
        handler.onNotification(notification(54, null));
        scheduler.advance(DEBOUNCE);
        verify(client).getHeartList(any(), any(), any());
        ArgumentCaptor<MeasureQuery> query = ArgumentCaptor.forClass(MeasureQuery.class);
        verify(client).getMeasures(any(), query.capture());
        assertEquals("130,135,136,137,138,139", query.getValue().typesParameter());
        verifyNoMoreInteractions(client);
    }

    @Test
    void bedEventsNeedNoApiCall() throws Exception {
        Thing thing = harness.userThing("alice", USER, false);
        WithingsUserHandler handler = started(thing);
        clearInvocations(client);
        int pending = scheduler.pending();

        handler.onNotification(notification(50, "1697800000"));
        assertEquals(OnOffType.ON, harness.state(thing, "presence#in-bed"));
        verify(harness.callback).channelTriggered(thing, new ChannelUID(thing.getUID(), "presence#bed-event"),
                "IN_BED");
        assertEquals(Instant.ofEpochSecond(1697800000L),
                ((DateTimeType) harness.state(thing, "presence#last-bed-event"))
                        .getInstant());

        handler.onNotification(notification(51, null));
        assertEquals(OnOffType.OFF, harness.state(thing, "presence#in-bed"));
        verify(harness.callback).channelTriggered(thing, new ChannelUID(thing.getUID(), "presence#bed-event"),
                "OUT_BED");

        scheduler.advance(DEBOUNCE);
        verifyNoInteractions(client);
        assertEquals(pending, scheduler.pending());
    }

    @Test
    void transientFailureBacksOffAndRecovers() throws Exception {
        account.configuration.bodyInterval = 86400;
        account.configuration.activityInterval = 86400;
        account.configuration.sleepInterval = 86400;
        account.configuration.goalsInterval = 86400;
        when(client.getMeasures(any(), any()))
                .thenThrow(new WithingsApiException(StatusFamily.TRANSIENT, 2551, "an error occurred"));
        Thing thing = harness.userThing("alice", USER, false);
        started(thing);
        ThingStatusInfo status = harness.status(thing);
        assertEquals(ThingStatus.OFFLINE, status.getStatus());
        assertEquals(ThingStatusDetail.COMMUNICATION_ERROR, status.getStatusDetail());
        assertEquals("@text/offline.user.communication-error [\"1\"]", status.getDescription());
        // the other types worked, but the Thing stays OFFLINE until measures work again
        assertEquals(new DecimalType(1209), harness.state(thing, "activity#steps"));
        // back-off: first retry after 1 min, then 2 min
        assertTrue(scheduler.pendingDelays().contains(Duration.ofMinutes(1)));
        scheduler.advance(Duration.ofMinutes(1));
        assertEquals(ThingStatus.OFFLINE, harness.status(thing).getStatus());
        assertTrue(scheduler.pendingDelays().contains(Duration.ofMinutes(2)));
        assertEquals(30 * 60, Backoff.MINUTES.delay(9).toSeconds());

        reset(client);
        when(client.getMeasures(any(), any())).thenReturn(new MeasureResult(haGroups, 1564700000L, "UTC", true));
        scheduler.advance(Duration.ofMinutes(2));
        assertEquals(ThingStatus.ONLINE, harness.status(thing).getStatus());
        assertEquals(new QuantityType<>(BigDecimal.valueOf(70), SIUnits.KILOGRAM), harness.state(thing, "body#weight"));
        // back to the normal interval
        assertTrue(scheduler.pendingDelays().contains(Duration.ofDays(1)));
    }

    @Test
    void refusedAuthorizationNeedsRelinking() throws Exception {
        when(client.getMeasures(any(), any())).thenThrow(new WithingsAuthException(401, "invalid token"));
        Thing thing = harness.userThing("alice", USER, false);
        started(thing);
        ThingStatusInfo status = harness.status(thing);
        assertEquals(ThingStatus.OFFLINE, status.getStatus());
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, status.getStatusDetail());
        assertEquals(TestAccount.AUTHORIZATION_NEEDED, status.getDescription());
        // no further polling until the bridge says the user is linked again
        assertEquals(0, scheduler.pending());
        verify(client, times(1)).getMeasures(any(), any());
        verifyNoMoreInteractions(client);
    }

    @Test
    void unlinkedUserHasNoToken() {
        account.tokens = null;
        Thing thing = harness.userThing("alice", USER, false);
        started(thing);
        ThingStatusInfo status = harness.status(thing);
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, status.getStatusDetail());
        assertEquals(TestAccount.AUTHORIZATION_NEEDED, status.getDescription());
        verifyNoInteractions(client);
    }

    @Test
    void authorizationLostAndRegained() throws Exception {
        Thing thing = harness.userThing("alice", USER, false);
        WithingsUserHandler handler = started(thing);
        handler.onNotification(new WithingsNotification(USER, 46, null, null, null, null, "unlink", clock.instant()));
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, harness.status(thing).getStatusDetail());
        assertEquals(TestAccount.AUTHORIZATION_NEEDED, harness.status(thing).getDescription());
        clearInvocations(client);
        handler.onNotification(notification(1, null));
        scheduler.advance(DEBOUNCE);
        verifyNoInteractions(client);

        handler.onAuthorized();
        assertEquals(ThingStatus.UNKNOWN, harness.status(thing).getStatus());
        scheduler.runDue();
        assertEquals(ThingStatus.ONLINE, harness.status(thing).getStatus());
        verify(client).getMeasures(any(), any());
    }

    @Test
    void missingScopeKeepsThingOnlineWithThoseChannelsUndefined() throws Exception {
        when(client.getActivity(any(), any())).thenThrow(new WithingsUnauthorizedException(277, "scope"));
        Thing thing = harness.userThing("alice", USER, false);
        started(thing);
        ThingStatusInfo status = harness.status(thing);
        assertEquals(ThingStatus.ONLINE, status.getStatus());
        String description = status.getDescription();
        assertNotNull(description);
        assertTrue(description.startsWith("@text/online.user.missing-scope"));
        assertTrue(description.contains("user.activity"));
        assertEquals(UnDefType.UNDEF, harness.state(thing, "activity#steps"));
        assertEquals(UnDefType.UNDEF, harness.state(thing, "workout#category"));
        assertEquals(new QuantityType<>(BigDecimal.valueOf(70), SIUnits.KILOGRAM), harness.state(thing, "body#weight"));
    }

    @Test
    void rateLimitKeepsTheStatus() throws Exception {
        Thing thing = harness.userThing("alice", USER, false);
        WithingsUserHandler handler = started(thing);
        reset(client);
        when(client.getMeasures(any(), any())).thenThrow(new WithingsRateLimitException(601, "too many"));
        handler.unit("measures").sync();
        assertEquals(ThingStatus.ONLINE, harness.status(thing).getStatus());
        assertTrue(scheduler.pendingDelays().contains(Duration.ofMinutes(5)));
    }

    @Test
    void aRefusedFetchComesBackAtTheTurnTheLimiterGaveRoundedUpToTheSecond() throws Exception {
        Thing thing = harness.userThing("alice", USER, false);
        WithingsUserHandler handler = started(thing);
        reset(client);
        when(client.getMeasures(any(), any()))
                .thenThrow(new WithingsRateLimitException(0, "no budget", Duration.ofMillis(2300)));
        handler.unit("measures").sync();
        assertTrue(scheduler.pendingDelays().contains(Duration.ofSeconds(3)), scheduler.pendingDelays().toString());
        assertEquals(1, DataUnit.retrySeconds(Duration.ZERO));
        assertEquals(1, DataUnit.retrySeconds(Duration.ofMillis(400)));
        assertEquals(61, DataUnit.retrySeconds(Duration.ofMillis(60_001)));
    }

    @Test
    void aRetryAfterARefusalReadsOnlyWhatTheLastFetchDidNotGet() throws Exception {
        when(client.getWorkouts(any(), any()))
                .thenThrow(new WithingsRateLimitException(0, "no budget", Duration.ofSeconds(5)))
                .thenReturn(List.of());
        Thing thing = harness.userThing("alice", USER, false);
        started(thing);
        verify(client).getActivity(any(), any());
        verify(client).getWorkouts(any(), any());
        assertEquals(new DecimalType(1209), harness.state(thing, "activity#steps"));
        assertNotNull(storage.get(thing.getUID() + ":activity"));

        scheduler.advance(Duration.ofSeconds(5));
        verify(client).getActivity(any(), any()); // the activity read before the refusal is not read again
        verify(client, times(2)).getWorkouts(any(), any());
        assertNotNull(storage.get(thing.getUID() + ":workouts"));
    }

    @Test
    void aLongFirstBackfillShowsTheNewestWeekOfEveryGroupFirstThenTheHistory() throws Exception {
        account.configuration.backfillDays = 3650;
        Thing thing = harness.userThing("alice", USER, false);
        WithingsUserHandler handler = started(thing);
        Instant start = clock.instant();
        Instant week = start.minus(Duration.ofDays(7));

        // first the recent week of every paged type: states shown, no cursor kept
        ArgumentCaptor<MeasureQuery> measures = ArgumentCaptor.forClass(MeasureQuery.class);
        verify(client).getMeasures(any(), measures.capture());
        assertEquals(week, measures.getValue().lastUpdate());
        verify(client).getActivity(any(), eq(DateQuery.since(week)));
        verify(client).getWorkouts(any(), eq(DateQuery.since(week)));
        verify(client).getSleepSummaries(any(), eq(DateQuery.since(week)));
        verify(client).getGoals(any());
        assertEquals(new QuantityType<>(BigDecimal.valueOf(70), SIUnits.KILOGRAM), harness.state(thing, "body#weight"));
        assertEquals(ThingStatus.ONLINE, harness.status(thing).getStatus());
        assertNull(storage.get(thing.getUID() + ":measures"));
        assertNull(storage.get(thing.getUID() + ":sleep"));

        // then the history of ten years, which keeps the cursors; goals and devices are not read again
        scheduler.advance(Duration.ofSeconds(1));
        Instant tenYears = start.plusSeconds(1).minus(Duration.ofDays(3650));
        verify(client, times(2)).getMeasures(any(), measures.capture());
        assertEquals(tenYears, measures.getValue().lastUpdate());
        verify(client).getActivity(any(), eq(DateQuery.since(tenYears)));
        verify(client).getWorkouts(any(), eq(DateQuery.since(tenYears)));
        verify(client).getSleepSummaries(any(), eq(DateQuery.since(tenYears)));
        verify(client).getGoals(any());
        assertEquals("1564700000", storage.get(thing.getUID() + ":measures"));
        assertNotNull(storage.get(thing.getUID() + ":sleep"));
        assertEquals(new QuantityType<>(BigDecimal.valueOf(70), SIUnits.KILOGRAM), harness.state(thing, "body#weight"));
        assertEquals(900, handler.unit("measures").interval());
        assertTrue(scheduler.pendingDelays().contains(Duration.ofMinutes(15)));
    }

    @Test
    void aMonthsBackfillIsReadInOneGo() throws Exception {
        account.configuration.backfillDays = DataUnit.LONG_BACKFILL_DAYS;
        Thing thing = harness.userThing("alice", USER, false);
        started(thing);
        verify(client).getSleepSummaries(any(), eq(DateQuery.since(clock.instant().minus(Duration.ofDays(31)))));
        scheduler.advance(Duration.ofSeconds(1));
        verify(client).getSleepSummaries(any(), any());
        assertNotNull(storage.get(thing.getUID() + ":sleep"));
    }

    @Test
    void bridgeOfflineAndMissingUserId() {
        Thing noId = harness.userThing("nobody", "", false);
        harness.user(noId, scheduler, clock, DEBOUNCE).initialize();
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, harness.status(noId).getStatusDetail());

        when(harness.bridge.getStatus()).thenReturn(ThingStatus.OFFLINE);
        Thing thing = harness.userThing("alice", USER, false);
        WithingsUserHandler handler = harness.user(thing, scheduler, clock, DEBOUNCE);
        handler.initialize();
        assertEquals(ThingStatusDetail.BRIDGE_OFFLINE, harness.status(thing).getStatusDetail());
        assertEquals(0, scheduler.pending());

        when(harness.bridge.getStatus()).thenReturn(ThingStatus.ONLINE);
        handler.bridgeStatusChanged(new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null));
        scheduler.runDue();
        assertEquals(ThingStatus.ONLINE, harness.status(thing).getStatus());
        assertSame(harness.bridge.getHandler(), handler.account());

        // a running Thing whose bridge goes offline: BRIDGE_OFFLINE, no polling
        clearInvocations(client);
        when(harness.bridge.getStatus()).thenReturn(ThingStatus.OFFLINE);
        handler.bridgeStatusChanged(
                new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, null));
        assertEquals(ThingStatus.OFFLINE, harness.status(thing).getStatus());
        assertEquals(ThingStatusDetail.BRIDGE_OFFLINE, harness.status(thing).getStatusDetail());
        assertNull(handler.account());
        scheduler.advance(Duration.ofHours(2));
        verifyNoInteractions(client);
    }

    @Test
    void aRestartedBridgeIsUsedByAUserThingThatStayed() throws Exception {
        Thing thing = harness.userThing("alice", USER, false);
        WithingsUserHandler handler = started(thing);
        BridgeHandler first = harness.bridge.getHandler();
        assertSame(first, handler.account());

        // core disposes the bridge handler and creates a new one; the user Thing's handler stays and only hears
        // that the bridge is ONLINE again
        TestAccount restarted = new TestAccount(client, tokens);
        BridgeHandler second = Harness.bridgeHandler(restarted);
        when(harness.bridge.getHandler()).thenReturn(second);
        handler.bridgeStatusChanged(new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null));
        scheduler.runDue();

        assertSame(second, handler.account());
        assertEquals(ThingStatus.ONLINE, harness.status(thing).getStatus());
        // a status change of the same bridge handler that stays ONLINE changes nothing
        clearInvocations(client);
        handler.bridgeStatusChanged(new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, "text"));
        scheduler.runDue();
        assertSame(second, handler.account());
        verifyNoInteractions(client);
    }

    @Test
    void aStoppedBridgeIsBridgeOfflineNotReAuthorisationAndPollingWaitsForItsReturn() throws Exception {
        Thing thing = harness.userThing("alice", USER, false);
        WithingsUserHandler handler = started(thing);
        assertEquals(ThingStatus.ONLINE, harness.status(thing).getStatus());

        // the bridge handler is disposed: it releases its sessions before the user Thing hears the bridge status
        account.running = false;
        account.tokens = null;
        clearInvocations(client);
        handler.unit("measures").sync();

        ThingStatusInfo status = harness.status(thing);
        assertEquals(ThingStatus.OFFLINE, status.getStatus());
        assertEquals(ThingStatusDetail.BRIDGE_OFFLINE, status.getStatusDetail());
        assertNull(status.getDescription());
        // no polling until the bridge is back
        assertEquals(0, scheduler.pending());
        assertNull(handler.account());
        scheduler.advance(Duration.ofHours(2));
        verifyNoInteractions(client);

        // the same bridge handler starts again (e.g. after a configuration change) and reports ONLINE
        account.tokens = tokens;
        account.running = true;
        handler.bridgeStatusChanged(new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null));
        scheduler.runDue();
        assertEquals(ThingStatus.ONLINE, harness.status(thing).getStatus());
        verify(client).getMeasures(any(), any());
    }

    @Test
    void aLinkedUserMissingFromARunningBridgeStillNeedsReAuthorisation() {
        Thing thing = harness.userThing("alice", USER, false);
        WithingsUserHandler handler = started(thing);
        account.tokens = null; // the bridge runs, but this user is no longer linked
        handler.unit("measures").sync();
        ThingStatusInfo status = harness.status(thing);
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, status.getStatusDetail());
        assertEquals(TestAccount.AUTHORIZATION_NEEDED, status.getDescription());
        assertEquals(0, scheduler.pending(), "no polling until the user is linked again");
    }

    @Test
    void aSyncFinishingAfterDisposeReportsNothing() throws Exception {
        Thing thing = harness.userThing("alice", USER, false);
        WithingsUserHandler handler = harness.user(thing, scheduler, clock, DEBOUNCE);
        // the Thing is disposed while its first request is answered
        when(client.getMeasures(any(), any())).thenAnswer(invocation -> {
            handler.dispose();
            clearInvocations(harness.callback);
            return new MeasureResult(haGroups, 1564700000L, "UTC", true);
        });
        handler.initialize();
        scheduler.runDue();

        verify(harness.callback, never()).statusUpdated(any(), any());
        verify(harness.callback, never()).stateUpdated(any(), any());
        verify(harness.callback, never()).sendTimeSeries(any(), any());
        // nor does a call the bridge had scheduled before the listener was unregistered
        handler.onAuthorizationLost();
        verify(harness.callback, never()).statusUpdated(any(), any());
        assertEquals(0, scheduler.pending());
    }

    @Test
    void theThingOptionIncludesAmbiguousMeasuresAndTheBackFillWindowIsConfigurable() throws Exception {
        account.configuration.backfillDays = 7;
        Thing strict = harness.userThing("strict", USER, false);
        started(strict);
        // attrib 1 (ambiguous) weighing of 71 kg left out by default
        assertEquals(new QuantityType<>(BigDecimal.valueOf(70), SIUnits.KILOGRAM), harness.state(strict, "body#weight"));
        ArgumentCaptor<MeasureQuery> query = ArgumentCaptor.forClass(MeasureQuery.class);
        verify(client).getMeasures(any(), query.capture());
        assertEquals(clock.instant().minus(Duration.ofDays(7)), query.getValue().lastUpdate());

        Thing lenient = harness.userThing("lenient", USER, true);
        started(lenient);
        assertEquals(new QuantityType<>(BigDecimal.valueOf(71), SIUnits.KILOGRAM),
                harness.state(lenient, "body#weight"));
        ArgumentCaptor<TimeSeries> series = ArgumentCaptor.forClass(TimeSeries.class);
        verify(harness.callback).sendTimeSeries(eq(new ChannelUID(lenient.getUID(), "body#weight")), series.capture());
        assertEquals(3, series.getValue().size());
    }

    @Test
    void healthyWebhooksSlowPollingDownExceptGoals() {
        account.configuration.goalsInterval = 3600;
        Thing thing = harness.userThing("alice", USER, false);
        WithingsUserHandler handler = started(thing);
        account.webhooksHealthy = true;
        handler.onWebhookHealth(true);
        assertEquals(86400, handler.unit("measures").interval());
        assertEquals(86400, handler.unit("sleep").interval());
        assertEquals(86400, handler.unit("activity").interval());
        assertEquals(3600, handler.unit("goals").interval());
        account.webhooksHealthy = false;
        handler.onWebhookHealth(false);
        assertEquals(900, handler.unit("measures").interval());
    }

    @Test
    void pollIntervalsComeFromTheBridgeConfiguration() {
        account.configuration.bodyInterval = 600;
        account.configuration.activityInterval = 1200;
        account.configuration.sleepInterval = 7200;
        account.configuration.goalsInterval = 14400;
        account.configuration.devicesInterval = 10800;
        account.configuration.pushSafetyInterval = 43200;
        Thing thing = harness.userThing("alice", USER, false);
        WithingsUserHandler handler = started(thing);
        assertEquals(600, handler.unit("measures").interval());
        assertEquals(1200, handler.unit("activity").interval());
        assertEquals(7200, handler.unit("sleep").interval());
        assertEquals(14400, handler.unit("goals").interval());
        assertEquals(10800, handler.unit("devices").interval());
        assertTrue(scheduler.pendingDelays().contains(Duration.ofMinutes(10)));
        assertTrue(scheduler.pendingDelays().contains(Duration.ofMinutes(20)));

        account.webhooksHealthy = true;
        handler.onWebhookHealth(true);
        assertEquals(43200, handler.unit("measures").interval());
        assertEquals(43200, handler.unit("sleep").interval());
        assertEquals(14400, handler.unit("goals").interval());
    }

    @Test
    void refreshRepublishesAndSyncsAtMostOncePerMinute() throws Exception {
        Thing thing = harness.userThing("alice", USER, false);
        WithingsUserHandler handler = started(thing);
        clearInvocations(client, harness.callback);
        ChannelUID weight = new ChannelUID(thing.getUID(), "body#weight");

        handler.handleCommand(weight, RefreshType.REFRESH);
        handler.handleCommand(weight, RefreshType.REFRESH);
        verify(harness.callback, times(2)).stateUpdated(weight,
                new QuantityType<>(BigDecimal.valueOf(70), SIUnits.KILOGRAM));
        scheduler.advance(DEBOUNCE);
        verify(client, times(1)).getMeasures(any(), any());

        clock.advance(Duration.ofSeconds(30));
        handler.handleCommand(weight, RefreshType.REFRESH);
        scheduler.advance(DEBOUNCE);
        verify(client, times(1)).getMeasures(any(), any());

        clock.advance(Duration.ofSeconds(31));
        handler.handleCommand(weight, RefreshType.REFRESH);
        scheduler.advance(DEBOUNCE);
        verify(client, times(2)).getMeasures(any(), any());
    }

    @Test
    void activityBecomesUndefinedAtLocalMidnight() throws Exception {
        account.configuration.bodyInterval = 86400;
        account.configuration.activityInterval = 86400;
        account.configuration.sleepInterval = 86400;
        account.configuration.goalsInterval = 86400;
        clock.advance(Duration.ofHours(8).plusMinutes(50)); // 23:50 in Amsterdam
        List<Activity> twentieth = Fixtures.list("aiowithings/activity.json", "activities", Activity.class).stream()
                .filter(a -> "2023-10-20".equals(a.date)).toList();
        when(client.getActivity(any(), any())).thenReturn(twentieth);
        Thing thing = harness.userThing("alice", USER, false);
        started(thing);
        assertEquals(new DecimalType(1209), harness.state(thing, "activity#steps"));

        // the rollover job is due at the next local midnight
        scheduler.advance(Duration.ofMinutes(11));
        assertEquals(UnDefType.UNDEF, harness.state(thing, "activity#steps"));
        assertEquals(UnDefType.UNDEF, harness.state(thing, "activity#total-calories"));
        // the body values are untouched
        assertEquals(new QuantityType<>(BigDecimal.valueOf(70), SIUnits.KILOGRAM), harness.state(thing, "body#weight"));
    }

    @Test
    void newWorkoutTriggerFiresOnceEvenAfterRestart() throws Exception {
        List<Workout> workouts = Fixtures.list("home-assistant/workouts.json", "series", Workout.class);
        List<Workout> older = workouts.stream().filter(w -> w.id != 3752609178L).toList();
        when(client.getWorkouts(any(), any())).thenReturn(older);
        Thing thing = harness.userThing("alice", USER, false);
        WithingsUserHandler handler = started(thing);
        ChannelUID trigger = new ChannelUID(thing.getUID(), "workout#new-workout");
        verify(harness.callback, never()).channelTriggered(any(), eq(trigger), anyString());

        when(client.getWorkouts(any(), any())).thenReturn(workouts);
        handler.onNotification(notification(16, null));
        scheduler.advance(DEBOUNCE);
        verify(harness.callback, times(1)).channelTriggered(thing, trigger, "1");
        // the same workouts again: no second event
        handler.onNotification(notification(16, null));
        scheduler.advance(DEBOUNCE);
        verify(harness.callback, times(1)).channelTriggered(thing, trigger, "1");

        handler.dispose();
        harness = new Harness(account, storageService);
        Thing again = harness.userThing("alice", USER, false);
        started(again);
        verify(harness.callback, never()).channelTriggered(any(), any(), anyString());
        assertEquals(new StringType("1"), harness.state(again, "workout#category"));
    }

    @Test
    void goalsAreReadOnceADayAndDevicesEverySixHoursByDefault() {
        Thing thing = harness.userThing("alice", USER, false);
        WithingsUserHandler handler = started(thing);
        assertEquals(86400, handler.unit("goals").interval());
        assertEquals(21600, handler.unit("devices").interval());
        account.webhooksHealthy = true;
        handler.onWebhookHealth(true);
        assertEquals(86400, handler.unit("goals").interval(), "no notification exists for goals");
        assertEquals(21600, handler.unit("devices").interval());
    }

    @Test
    void aDailySummaryOfActivityReadsNoWorkoutsButAWorkoutNotificationDoes() throws Exception {
        Thing thing = harness.userThing("alice", USER, false);
        WithingsUserHandler handler = started(thing);
        clearInvocations(client);
        Instant midnight = ZonedDateTime.of(2023, 10, 20, 0, 0, 0, 0, Harness.ZONE).toInstant();

        // the day's activity changed: start and end of the local day
        handler.onNotification(new WithingsNotification(USER, 16, midnight, midnight.plusSeconds(86399),
                "2023-10-20", null, null, clock.instant()));
        scheduler.advance(DEBOUNCE);
        verify(client).getActivity(any(), any(DateQuery.class));
        verify(client, never()).getWorkouts(any(), any());

        // a workout: its own span
        handler.onNotification(new WithingsNotification(USER, 16, midnight.plusSeconds(36000),
                midnight.plusSeconds(38700), "2023-10-20", null, null, clock.instant()));
        scheduler.advance(DEBOUNCE);
        verify(client, times(2)).getActivity(any(), any(DateQuery.class));
        verify(client, times(1)).getWorkouts(any(), any());
        assertTrue(ActivityUnit.canCarryWorkouts(notification(16, null), Harness.ZONE), "no range: could be");
    }

    @Test
    void dataNotificationsReadTheDevicesAtMostHourly() throws Exception {
        Thing thing = harness.userThing("alice", USER, false);
        WithingsUserHandler handler = started(thing);
        clearInvocations(client);
        verify(client, never()).getDevices(any());

        // the first sync listed the devices just now: the next listing after data waits an hour
        handler.onNotification(notification(1, null));
        scheduler.advance(Duration.ofMinutes(59));
        verify(client, never()).getDevices(any());
        scheduler.advance(Duration.ofMinutes(1));
        verify(client, times(1)).getDevices(any());

        // a burst of data notifications later: one listing a minute after the first
        clock.advance(Duration.ofHours(2));
        for (int appli : List.of(1, 4, 44, 16)) {
            handler.onNotification(notification(appli, null));
        }
        scheduler.advance(Duration.ofMinutes(1));
        verify(client, times(2)).getDevices(any());
        // bed events are no device data
        clock.advance(Duration.ofHours(2));
        handler.onNotification(notification(50, "1697800000"));
        scheduler.advance(Duration.ofMinutes(2));
        verify(client, times(2)).getDevices(any());
    }

    @Test
    void twoUnitsRefusedAtOnceStopEachOtherWithoutDeadlock() throws Exception {
        // regression: a unit that learns of the refusal stops the other units' jobs while the other unit, on a
        // second thread, does the same; stopping must not wait for a unit's running fetch
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2);
        try {
            Thing thing = harness.userThing("alice", USER, false);
            WithingsUserHandler handler = harness.user(thing, executor, clock, Duration.ZERO);
            handler.initialize();
            harness.recorder.awaitStatus(thing, s -> s.getStatus() == ThingStatus.ONLINE);

            CountDownLatch measuresIn = new CountDownLatch(1);
            CountDownLatch sleepIn = new CountDownLatch(1);
            when(client.getMeasures(any(), any())).thenAnswer(invocation -> refusedWhenBothIn(measuresIn, sleepIn));
            when(client.getSleepSummaries(any(), any()))
                    .thenAnswer(invocation -> refusedWhenBothIn(sleepIn, measuresIn));
            handler.onNotification(notification(1, null));
            handler.onNotification(notification(44, null));

            harness.recorder.awaitStatus(thing, s -> s.getStatusDetail() == ThingStatusDetail.CONFIGURATION_ERROR
                    && measuresIn.getCount() == 0 && sleepIn.getCount() == 0);
            // both threads are free again: each takes one of two tasks that wait for each other
            CountDownLatch free = new CountDownLatch(2);
            CyclicBarrier both = new CyclicBarrier(2);
            for (int i = 0; i < 2; i++) {
                executor.execute(() -> {
                    try {
                        both.await(10, TimeUnit.SECONDS);
                        free.countDown();
                    } catch (Exception e) {
                        // not counted: a thread did not come
                    }
                });
            }
            assertTrue(free.await(10, TimeUnit.SECONDS), "a scheduler thread is blocked");
            assertEquals(TestAccount.AUTHORIZATION_NEEDED, harness.status(thing).getDescription());
        } finally {
            executor.shutdownNow();
        }
    }

    /** A fetch that signals it runs, waits until the other one runs too, then is refused. */
    private static Object refusedWhenBothIn(CountDownLatch mine, CountDownLatch other) throws Exception {
        mine.countDown();
        if (!other.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the other fetch did not run at the same time");
        }
        throw new WithingsAuthException(401, "invalid token");
    }

    private WithingsNotification notification(int appli, @Nullable String date) {
        return new WithingsNotification(USER, appli, null, null, date, null, null, clock.instant());
    }
}
