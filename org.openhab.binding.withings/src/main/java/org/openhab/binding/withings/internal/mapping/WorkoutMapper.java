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
package org.openhab.binding.withings.internal.mapping;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.dto.Workout;
import org.openhab.binding.withings.internal.dto.WorkoutData;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.library.unit.SIUnits;
import org.openhab.core.library.unit.Units;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;

/**
 * Maps workouts to the {@code workout} channels: the latest by {@code enddate}; 0 means "not measured" (UNDEF),
 * except for pause durations and the heart-rate zones of a workout with heart rate, where 0 s is a real value; the
 * category is the Withings code (the channel options carry the labels). Every fresh workout also goes to the time
 * series, one point per channel at the workout's start time. It also tells which workouts are new since the last one
 * that fired the {@code new-workout} trigger.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class WorkoutMapper {

    public static final String GROUP = "workout";
    public static final String TRIGGER = GROUP + "#new-workout";
    public static final List<String> CHANNELS = List.of("category", "start", "end", "duration", "calories",
            "distance", "steps", "elevation", "intensity", "heart-rate-average", "heart-rate-min", "heart-rate-max",
            "spo2-average", "pool-laps", "pause-duration", "auto-pause-duration", "hr-zone-light", "hr-zone-moderate",
            "hr-zone-intense", "hr-zone-peak", "strokes", "pool-length", "last-measured");

    private WorkoutMapper() {
    }

    /**
     * @param data states of the latest workout and the time series of the fresh ones
     * @param latest the latest workout (keep it for the next call)
     * @param newWorkouts the fresh workouts ending after the last fired one, oldest first (fire the trigger for
     *            each); empty when nothing fired before (the first sync does not fire for back-filled workouts)
     */
    public record Result(ChannelData data, @Nullable Workout latest, List<Workout> newWorkouts) {
    }

    /**
     * @param previous the latest workout known from before, or null
     * @param fresh the workouts just fetched
     * @param lastFiredEnd enddate of the last workout that fired the trigger, or null if none ever did
     * @param lastFiredId id of that workout, or null
     */
    public static Result map(@Nullable Workout previous, List<Workout> fresh, @Nullable Long lastFiredEnd,
            @Nullable Long lastFiredId, ZoneId zone) {
        ChannelData data = new ChannelData();
        // de-duplicate by id (ids may repeat), keep the most recently modified
        Map<Object, Workout> byId = new LinkedHashMap<>();
        for (Workout w : fresh) {
            if (w.enddate == null) {
                continue;
            }
            Object key = w.id != null ? w.id : (Object) (w.startdate + ":" + w.enddate + ":" + w.category);
            Workout existing = byId.get(key);
            if (existing == null || modifiedOf(w) >= modifiedOf(existing)) {
                byId.put(key, w);
            }
        }
        List<Workout> workouts = new ArrayList<>(byId.values());
        workouts.sort(Comparator.comparingLong(WorkoutMapper::endOf));
        for (Workout w : workouts) {
            // one point per workout at its start time, so a chart or calendar shows every workout where it began
            Long start = w.startdate;
            Instant time = Instant.ofEpochSecond(start != null ? start : endOf(w));
            values(w, zone).states().forEach((channel, state) -> {
                if (!(state instanceof UnDefType) && !(state instanceof DateTimeType)) {
                    data.measured(channel, time, state);
                }
            });
        }
        Workout latest = previous;
        for (Workout w : workouts) {
            if (latest == null || endOf(w) >= endOf(latest)) {
                latest = w;
            }
        }
        if (latest != null) {
            data.merge(values(latest, zone));
        }
        List<Workout> newWorkouts = new ArrayList<>();
        if (lastFiredEnd != null) {
            for (Workout w : workouts) {
                Long id = w.id;
                if (endOf(w) > lastFiredEnd || (endOf(w) == lastFiredEnd && id != null && !id.equals(lastFiredId))) {
                    newWorkouts.add(w);
                }
            }
        }
        return new Result(data, latest, newWorkouts);
    }

    /** All workout channels of one workout. */
    public static ChannelData values(Workout w, ZoneId fallbackZone) {
        ZoneId zone = States.zone(w.timezone, fallbackZone);
        ChannelData data = new ChannelData();
        WorkoutData d = w.data;
        if (d == null) {
            d = new WorkoutData();
        }
        Integer category = w.category;
        put(data, "category", category == null ? UnDefType.UNDEF : new StringType(category.toString()));
        put(data, "start", States.dateTime(w.startdate, zone));
        put(data, "end", States.dateTime(w.enddate, zone));
        Long start = w.startdate;
        Long end = w.enddate;
        put(data, "duration", start == null || end == null ? UnDefType.UNDEF
                : States.quantity(Math.max(0, end - start), Units.SECOND));
        Double calories = d.calories != null && d.calories > 0 ? d.calories : d.manualCalories;
        put(data, "calories", States.positiveQuantity(calories, Units.KILO_CALORIE));
        Double distance = d.distance != null && d.distance > 0 ? d.distance : d.manualDistance;
        put(data, "distance", States.positiveQuantity(distance, SIUnits.METRE));
        put(data, "steps", States.positiveNumber(d.steps));
        put(data, "elevation", States.positiveQuantity(d.elevation, SIUnits.METRE));
        Integer intensity = d.intensity != null && d.intensity > 0 ? d.intensity : d.manualIntensity;
        put(data, "intensity", States.positiveNumber(intensity));
        put(data, "heart-rate-average", States.positiveNumber(d.hrAverage));
        put(data, "heart-rate-min", States.positiveNumber(d.hrMin));
        put(data, "heart-rate-max", States.positiveNumber(d.hrMax));
        put(data, "spo2-average", States.positiveQuantity(d.spo2Average, Units.PERCENT));
        put(data, "pool-laps", States.positiveNumber(d.poolLaps));
        put(data, "pause-duration", States.quantity(d.pauseDuration, Units.SECOND));
        put(data, "auto-pause-duration", States.quantity(d.algoPauseDuration, Units.SECOND));
        // zones mean something only for a workout with heart rate (hr_average 0 = no heart rate)
        boolean heartRate = d.hrAverage != null && d.hrAverage > 0;
        put(data, "hr-zone-light", heartRate ? States.quantity(d.hrZone0, Units.SECOND) : UnDefType.UNDEF);
        put(data, "hr-zone-moderate", heartRate ? States.quantity(d.hrZone1, Units.SECOND) : UnDefType.UNDEF);
        put(data, "hr-zone-intense", heartRate ? States.quantity(d.hrZone2, Units.SECOND) : UnDefType.UNDEF);
        put(data, "hr-zone-peak", heartRate ? States.quantity(d.hrZone3, Units.SECOND) : UnDefType.UNDEF);
        put(data, "strokes", States.positiveNumber(d.strokes));
        put(data, "pool-length", States.positiveQuantity(d.poolLength, SIUnits.METRE));
        put(data, "last-measured", States.dateTime(w.enddate, zone));
        return data;
    }

    private static void put(ChannelData data, String channel, State state) {
        data.state(GROUP + "#" + channel, state);
    }

    static long endOf(Workout w) {
        Long end = w.enddate;
        return end == null ? Long.MIN_VALUE : end;
    }

    private static long modifiedOf(Workout w) {
        Long modified = w.modified;
        return modified == null ? Long.MIN_VALUE : modified;
    }
}
