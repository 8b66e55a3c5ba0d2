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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.api.DateQuery;
import org.openhab.binding.withings.internal.api.NotifyAppli;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.api.WithingsNotification;
import org.openhab.binding.withings.internal.api.WithingsScope;
import org.openhab.binding.withings.internal.config.WithingsAccountConfiguration;
import org.openhab.binding.withings.internal.dto.Activity;
import org.openhab.binding.withings.internal.dto.IntradayData;
import org.openhab.binding.withings.internal.dto.Workout;
import org.openhab.binding.withings.internal.mapping.ActivityMapper;
import org.openhab.binding.withings.internal.mapping.IntradayMapper;
import org.openhab.binding.withings.internal.mapping.States;
import org.openhab.binding.withings.internal.mapping.WorkoutMapper;

import com.google.gson.reflect.TypeToken;

/**
 * Daily activity and workouts ({@code activity}, {@code workout} groups): {@code getactivity} and
 * {@code getworkouts} since their cursors per poll, and once per burst of appli 16, where a notification that names
 * a whole day (a daily summary) reads only the activity. Today's activity becomes undefined at local midnight; the
 * new-workout trigger fires once per workout, also across restarts. While an intraday channel is linked, each fetch
 * also reads {@code getintradayactivity} from the last point read (or local midnight) to now.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class ActivityUnit extends DataUnit {

    private static final String WORKOUTS = "workouts";
    private static final String FIRED = "fired";
    private static final String INTRADAY = "intraday";
    private static final List<String> CHANNELS;
    static {
        List<String> channels = new ArrayList<>();
        ActivityMapper.CHANNELS.forEach(c -> channels.add(ActivityMapper.GROUP + "#" + c));
        WorkoutMapper.CHANNELS.forEach(c -> channels.add(WorkoutMapper.GROUP + "#" + c));
        channels.addAll(IntradayMapper.CHANNELS);
        CHANNELS = List.copyOf(channels);
    }

    /** Yesterday's and today's activity as last fetched (the newest day is "today" until midnight). */
    private List<Activity> candidates = List.of();
    private @Nullable Workout latestWorkout;
    private @Nullable ScheduledFuture<?> midnightJob;
    /**
     * What the next fetch reads: a poll everything, a daily-summary notification only the activity, a retry what the
     * last fetch did not get (a request refused for want of budget does not cost the part already read again).
     */
    private volatile boolean activityWanted = true;
    private volatile boolean workoutsWanted = true;

    ActivityUnit(WithingsUserHandler handler) {
        super(handler, "activity", WithingsScope.ACTIVITY, Set.of(NotifyAppli.ACTIVITY));
    }

    @Override
    List<String> channels() {
        return CHANNELS;
    }

    @Override
    long configuredInterval(WithingsAccountConfiguration config, boolean webhooksHealthy) {
        return pushAware(config.activityInterval, config, webhooksHealthy);
    }

    @Override
    void notified(WithingsNotification notification) {
        workoutsWanted |= canCarryWorkouts(notification, handler.zone());
        activityWanted = true;
        handler.coalesce(this);
    }

    /** Whether a notification may come from a workout: anything but a range of exactly one local day. */
    static boolean canCarryWorkouts(WithingsNotification notification, ZoneId zone) {
        Instant start = notification.startDate();
        Instant end = notification.endDate();
        if (start == null || end == null) {
            return true;
        }
        ZonedDateTime day = start.atZone(zone);
        return !day.toLocalTime().equals(LocalTime.MIDNIGHT)
                || end.isBefore(day.plusDays(1).toInstant().minusSeconds(1));
    }

    @Override
    synchronized void sync() {
        if (!activityWanted && !workoutsWanted) {
            activityWanted = workoutsWanted = true; // a poll or a refresh reads everything
        }
        super.sync();
    }

    @Override
    void fetch(WithingsClient client, TokenProvider tp) throws WithingsApiException {
        Instant requested = handler.clock.instant();
        ZoneId zone = handler.zone();
        if (activityWanted) {
            List<Activity> activities = client.getActivity(tp, DateQuery.since(since(key())));
            List<Activity> list = new ArrayList<>(candidates);
            list.addAll(activities);
            String yesterday = requested.atZone(zone).toLocalDate().minusDays(1).toString();
            list.removeIf(a -> a.date == null || a.date.compareTo(yesterday) < 0);
            candidates = list;
            handler.store.putSnapshot(key(), list);
            handler.publish(ActivityMapper.history(unsent(key(), activities), zone));
            publishToday();
            advance(key(), requested, activities);
            activityWanted = false;
        }
        if (workoutsWanted) {
            List<Workout> workouts = client.getWorkouts(tp, DateQuery.since(since(WORKOUTS)));
            applyWorkouts(unsent(WORKOUTS, workouts));
            advance(WORKOUTS, requested, workouts);
            workoutsWanted = false;
        }
        if (IntradayMapper.CHANNELS.stream().anyMatch(handler::linked)) {
            SortedMap<Long, IntradayData> points = client.getIntradayActivity(tp,
                    IntradayMapper.start(handler.store.cursor(INTRADAY), requested, zone), requested);
            handler.publish(IntradayMapper.map(points));
            if (!points.isEmpty()) {
                handler.store.setCursor(INTRADAY, Instant.ofEpochSecond(points.lastKey() + 1));
            }
        }
    }

    private void applyWorkouts(List<Workout> workouts) {
        Long firedEnd = null;
        Long firedId = null;
        String fired = handler.store.get(WORKOUTS, FIRED);
        if (fired != null) {
            String[] parts = fired.split(":", 2);
            try {
                firedEnd = Long.parseLong(parts[0]);
                firedId = parts.length > 1 && !parts[1].isEmpty() ? Long.parseLong(parts[1]) : null;
            } catch (NumberFormatException e) {
                firedEnd = null;
            }
        }
        WorkoutMapper.Result mapped = WorkoutMapper.map(latestWorkout, workouts, firedEnd, firedId, handler.zone());
        Workout latest = mapped.latest();
        latestWorkout = latest;
        if (latest != null) {
            handler.store.putSnapshot(WORKOUTS, latest);
        }
        handler.publish(mapped.data());
        Workout lastFired = null;
        for (Workout w : mapped.newWorkouts()) {
            Integer category = w.category;
            handler.trigger(WorkoutMapper.TRIGGER, category == null ? "" : category.toString());
            lastFired = w;
        }
        if (lastFired == null && fired == null) {
            lastFired = latest; // first sync: remember the newest without firing for back-filled workouts
        }
        if (lastFired != null && lastFired.enddate != null) {
            Long id = lastFired.id;
            handler.store.put(WORKOUTS, FIRED, lastFired.enddate + ":" + (id == null ? "" : id.toString()));
        }
    }

    /** Publishes today's activity (undefined when none is known for today) and schedules the midnight rollover. */
    synchronized void publishToday() {
        ZoneId zone = handler.zone();
        Activity today = ActivityMapper.today(candidates, handler.clock, zone);
        handler.publish(ActivityMapper.map(today, zone));
        scheduleMidnight(today == null ? zone : States.zone(today.timezone, zone));
    }

    private void scheduleMidnight(ZoneId zone) {
        long delay = Math.max(1,
                Duration.between(handler.clock.instant(), ActivityMapper.nextMidnight(handler.clock, zone)).toSeconds()
                        + 1);
        synchronized (jobLock) {
            cancelMidnight();
            if (handler.isActive()) {
                midnightJob = handler.executor.schedule(this::publishToday, delay, TimeUnit.SECONDS);
            }
        }
    }

    private void cancelMidnight() {
        ScheduledFuture<?> job = midnightJob;
        if (job != null) {
            job.cancel(false);
        }
        midnightJob = null;
    }

    @Override
    void stop() {
        super.stop();
        synchronized (jobLock) {
            cancelMidnight();
        }
    }

    @Override
    void restore() {
        candidates = List.of();
        latestWorkout = null;
        Workout w = handler.store.snapshot(WORKOUTS, Workout.class);
        if (w != null) {
            latestWorkout = w;
            handler.publishStates(WorkoutMapper.values(w, handler.zone()));
        }
        List<Activity> list = handler.store.snapshot(key(), new TypeToken<List<Activity>>() {
        }.getType());
        if (list != null) {
            candidates = list;
            Activity today = ActivityMapper.today(list, handler.clock, handler.zone());
            if (today != null) {
                handler.publishStates(ActivityMapper.map(today, handler.zone()));
            }
        }
    }
}
