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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.api.AttribPolicy;
import org.openhab.binding.withings.internal.api.DateQuery;
import org.openhab.binding.withings.internal.api.MeasureQuery;
import org.openhab.binding.withings.internal.api.MeasureResult;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.config.WithingsAccountConfiguration;
import org.openhab.binding.withings.internal.dto.Activity;
import org.openhab.binding.withings.internal.dto.Goals;
import org.openhab.binding.withings.internal.dto.HeartSeries;
import org.openhab.binding.withings.internal.dto.MeasureGroup;
import org.openhab.binding.withings.internal.dto.SleepSummary;
import org.openhab.binding.withings.internal.dto.Workout;
import org.openhab.binding.withings.internal.mapping.ActivityMapper;
import org.openhab.binding.withings.internal.mapping.ChannelData;
import org.openhab.binding.withings.internal.mapping.GoalsMapper;
import org.openhab.binding.withings.internal.mapping.HeartListMapper;
import org.openhab.binding.withings.internal.mapping.MeasureMapper;
import org.openhab.binding.withings.internal.mapping.SleepMapper;
import org.openhab.binding.withings.internal.mapping.SyncCursorStore;
import org.openhab.binding.withings.internal.mapping.WorkoutMapper;
import org.openhab.core.types.State;
import org.openhab.core.types.TimeSeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;

/**
 * The data side of one user Thing: fetches each data type since its persisted {@code lastupdate} cursor (or the
 * back-fill window before the first complete sync), maps it to channel states and time series, keeps the latest
 * data with a snapshot in the {@link SyncCursorStore} (restored after a restart, before any request) and fires the
 * new-workout trigger once per workout. Not thread-safe: the handler serialises the calls.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class UserSync {

    /** Where the results go: the handler's channels. */
    interface Sink {
        void publish(String channel, State state);

        void sendSeries(String channel, TimeSeries series);

        void trigger(String channel, String event);

        /** Today's activity (or none) was published: its values become undefined at the next local midnight. */
        void activityShown(@Nullable Activity today);
    }

    private static final String FIRED = "fired";
    private static final String SNAPSHOT = "snapshot";
    private static final String WORKOUTS = "workouts";

    private final Logger logger = LoggerFactory.getLogger(UserSync.class);
    private final Gson gson = new Gson();
    private final String userId;
    private final SyncCursorStore store;
    private final AttribPolicy attribPolicy;
    private final Clock clock;
    private final Supplier<ZoneId> zone;
    private final Sink sink;

    private List<MeasureGroup> retainedGroups = List.of();
    private @Nullable SleepSummary latestSleep;
    private @Nullable Workout latestWorkout;
    private List<Activity> activityCandidates = List.of();

    UserSync(String userId, SyncCursorStore store, AttribPolicy attribPolicy, Clock clock, Supplier<ZoneId> zone,
            Sink sink) {
        this.userId = userId;
        this.store = store;
        this.attribPolicy = attribPolicy;
        this.clock = clock;
        this.zone = zone;
        this.sink = sink;
    }

    /** Fetches and publishes what is new of the type. */
    void sync(SyncType type, WithingsClient client, TokenProvider tp, WithingsAccountConfiguration config)
            throws WithingsApiException {
        switch (type) {
            case MEASURES -> syncMeasures(client, tp, config);
            case ACTIVITY -> syncActivity(client, tp, config);
            case SLEEP -> syncSleep(client, tp, config);
            case GOALS -> syncGoals(client, tp);
            case HEART -> syncHeart(client, tp, config);
        }
    }

    /** The cursor, or before the first complete sync the start of the back-fill window. */
    private Instant since(@Nullable Instant cursor, WithingsAccountConfiguration config) {
        return cursor != null ? cursor : clock.instant().minus(Duration.ofDays(Math.max(1, config.backfillDays)));
    }

    private void syncMeasures(WithingsClient client, TokenProvider tp, WithingsAccountConfiguration config)
            throws WithingsApiException {
        Instant since = since(store.cursor(SyncType.MEASURES.key()), config);
        MeasureResult result = client.getMeasures(tp, MeasureQuery.since(since));
        applyMeasures(result.normalizedGroups());
        Long updateTime = result.updateTime();
        if (result.complete() && updateTime != null) {
            store.setCursor(SyncType.MEASURES.key(), Instant.ofEpochSecond(updateTime));
        }
    }

    private void applyMeasures(List<MeasureGroup> groups) {
        MeasureMapper.Result mapped = new MeasureMapper(attribPolicy, zone.get()).map(retainedGroups, groups);
        retainedGroups = mapped.retained();
        store.put(SyncType.MEASURES.key(), SNAPSHOT, gson.toJson(retainedGroups));
        publish(mapped.data());
    }

    private void syncHeart(WithingsClient client, TokenProvider tp, WithingsAccountConfiguration config)
            throws WithingsApiException {
        Instant requested = clock.instant();
        Instant since = since(store.cursor(SyncType.HEART.key()), config);
        List<HeartSeries> series = client.getHeartList(tp, since, requested);
        MeasureResult ecg = client.getMeasures(tp,
                MeasureQuery.since(since(store.cursor(SyncType.MEASURES.key()), config))
                        .withTypes(HeartListMapper.ECG_MEASURE_TYPES));
        List<MeasureGroup> groups = new ArrayList<>(HeartListMapper.toGroups(series));
        groups.addAll(ecg.normalizedGroups());
        applyMeasures(groups);
        store.setCursor(SyncType.HEART.key(), requested);
    }

    private void syncActivity(WithingsClient client, TokenProvider tp, WithingsAccountConfiguration config)
            throws WithingsApiException {
        Instant requested = clock.instant();
        List<Activity> activities = client.getActivity(tp,
                DateQuery.since(since(store.cursor(SyncType.ACTIVITY.key()), config)));
        List<Workout> workouts = client.getWorkouts(tp, DateQuery.since(since(store.cursor(WORKOUTS), config)));

        List<Activity> candidates = new ArrayList<>(activityCandidates);
        candidates.addAll(activities);
        String yesterday = clock.instant().atZone(zone.get()).toLocalDate().minusDays(1).toString();
        candidates.removeIf(a -> a.date == null || a.date.compareTo(yesterday) < 0);
        activityCandidates = candidates;
        store.put(SyncType.ACTIVITY.key(), SNAPSHOT, gson.toJson(candidates));
        ChannelData history = ActivityMapper.history(activities, zone.get());
        history.series().forEach(sink::sendSeries);
        publishActivity();
        store.setCursor(SyncType.ACTIVITY.key(), requested);

        applyWorkouts(workouts);
        store.setCursor(WORKOUTS, requested);
    }

    private void applyWorkouts(List<Workout> workouts) {
        Long firedEnd = null;
        Long firedId = null;
        String fired = store.get(WORKOUTS, FIRED);
        if (fired != null) {
            String[] parts = fired.split(":", 2);
            try {
                firedEnd = Long.parseLong(parts[0]);
                firedId = parts.length > 1 && !parts[1].isEmpty() ? Long.parseLong(parts[1]) : null;
            } catch (NumberFormatException e) {
                firedEnd = null;
            }
        }
        WorkoutMapper.Result mapped = WorkoutMapper.map(latestWorkout, workouts, firedEnd, firedId, zone.get());
        Workout latest = mapped.latest();
        latestWorkout = latest;
        if (latest != null) {
            store.put(WORKOUTS, SNAPSHOT, gson.toJson(latest));
        }
        publish(mapped.data());
        Workout lastFired = null;
        for (Workout w : mapped.newWorkouts()) {
            Integer category = w.category;
            sink.trigger(WorkoutMapper.TRIGGER, category == null ? "" : category.toString());
            lastFired = w;
        }
        if (lastFired == null && fired == null) {
            lastFired = latest; // first sync: remember the newest without firing for back-filled workouts
        }
        if (lastFired != null && lastFired.enddate != null) {
            Long id = lastFired.id;
            store.put(WORKOUTS, FIRED, lastFired.enddate + ":" + (id == null ? "" : id.toString()));
        }
    }

    /** Publishes today's activity (undefined when none is known for today). */
    void publishActivity() {
        Activity today = ActivityMapper.today(activityCandidates, clock, zone.get());
        publish(ActivityMapper.map(today, zone.get()));
        sink.activityShown(today);
    }

    private void syncSleep(WithingsClient client, TokenProvider tp, WithingsAccountConfiguration config)
            throws WithingsApiException {
        Instant requested = clock.instant();
        List<SleepSummary> summaries = client.getSleepSummaries(tp,
                DateQuery.since(since(store.cursor(SyncType.SLEEP.key()), config)));
        SleepMapper.Result mapped = SleepMapper.map(latestSleep, summaries, zone.get());
        SleepSummary latest = mapped.latest();
        latestSleep = latest;
        if (latest != null) {
            store.put(SyncType.SLEEP.key(), SNAPSHOT, gson.toJson(latest));
        }
        publish(mapped.data());
        store.setCursor(SyncType.SLEEP.key(), requested);
    }

    private void syncGoals(WithingsClient client, TokenProvider tp) throws WithingsApiException {
        Optional<Goals> goals = client.getGoals(tp);
        publish(GoalsMapper.map(goals));
    }

    /** Restores and publishes (states only) what the snapshots of the last run knew. */
    void restoreSnapshots() {
        retainedGroups = List.of();
        latestSleep = null;
        latestWorkout = null;
        activityCandidates = List.of();
        ZoneId z = zone.get();
        try {
            String measures = store.get(SyncType.MEASURES.key(), SNAPSHOT);
            if (measures != null) {
                List<MeasureGroup> groups = gson.fromJson(measures, new TypeToken<List<MeasureGroup>>() {
                }.getType());
                if (groups != null) {
                    MeasureMapper.Result mapped = new MeasureMapper(attribPolicy, z).map(List.of(), groups);
                    retainedGroups = mapped.retained();
                    publishStates(mapped.data());
                }
            }
            String sleep = store.get(SyncType.SLEEP.key(), SNAPSHOT);
            SleepSummary summary = sleep == null ? null : gson.fromJson(sleep, SleepSummary.class);
            if (summary != null) {
                latestSleep = summary;
                publishStates(SleepMapper.values(summary, z));
            }
            String workout = store.get(WORKOUTS, SNAPSHOT);
            Workout w = workout == null ? null : gson.fromJson(workout, Workout.class);
            if (w != null) {
                latestWorkout = w;
                publishStates(WorkoutMapper.values(w, z));
            }
            String activity = store.get(SyncType.ACTIVITY.key(), SNAPSHOT);
            if (activity != null) {
                List<Activity> list = gson.fromJson(activity, new TypeToken<List<Activity>>() {
                }.getType());
                if (list != null) {
                    activityCandidates = list;
                    Activity today = ActivityMapper.today(list, clock, z);
                    if (today != null) {
                        publishStates(ActivityMapper.map(today, z));
                    }
                }
            }
        } catch (JsonParseException e) {
            logger.debug("Ignoring an unreadable snapshot of user {}: {}", userId, e.getMessage());
        }
    }

    private void publish(ChannelData data) {
        data.series().forEach(sink::sendSeries);
        publishStates(data);
    }

    private void publishStates(ChannelData data) {
        data.states().forEach(sink::publish);
    }
}
