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

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.dto.SleepSummary;
import org.openhab.binding.withings.internal.dto.Workout;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.library.unit.MetricPrefix;
import org.openhab.core.library.unit.SIUnits;
import org.openhab.core.library.unit.Units;
import org.openhab.core.types.State;
import org.openhab.core.types.TimeSeries;
import org.openhab.core.types.UnDefType;

import com.google.gson.JsonParser;

/**
 * The sleep summary and workout fields added for issue 10, on real payloads where the shared fixtures carry them
 * ({@code waso}, {@code nb_rem_episodes}, {@code pause_duration}, heart-rate zones) and on the payloads under
 * {@code fixtures/constructed/}, written from Withings' documented schema, for the fields no published capture has
 * (heart-rate variability and skin temperature of a ScanWatch 2 night, a swim with strokes and pool length).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class SleepAndWorkoutFieldsTest {

    private static final ZoneId USER_ZONE = ZoneId.of("UTC");

    private static State seconds(long value) {
        return new QuantityType<>(BigDecimal.valueOf(value), Units.SECOND);
    }

    private static State milliseconds(long value) {
        return new QuantityType<>(BigDecimal.valueOf(value), MetricPrefix.MILLI(Units.SECOND));
    }

    @Test
    void scanWatch2NightWithHeartRateVariabilityAndSkinTemperature() throws Exception {
        List<SleepSummary> nights = Fixtures.list("constructed/scanwatch2_sleep_summary.json", "series",
                SleepSummary.class);
        ChannelData data = SleepMapper.map(null, nights, USER_ZONE).data();

        assertEquals(milliseconds(46), data.get("sleep#hrv-rmssd"));
        assertEquals(milliseconds(61), data.get("sleep#hrv-sdnn"));
        assertEquals(new DecimalType(3), data.get("sleep#hrv-quality"));
        assertEquals(new QuantityType<>(new BigDecimal("34.21"), SIUnits.CELSIUS), data.get("sleep#skin-temperature"));
        assertEquals(new DecimalType(4), data.get("sleep#rem-episodes"));
        assertEquals(seconds(900), data.get("sleep#waso"));
        assertEquals(seconds(1260), data.get("sleep#movement-duration"));
        assertEquals(new DecimalType(12), data.get("sleep#movement-score"));
        // the night's own zone (Europe/Paris), ordered by time; both asleep and both awake events are listed
        assertEquals(new StringType("23:00 in bed, 23:15 asleep, 02:30 awake, 02:45 asleep, 06:45 awake, "
                + "06:55 out of bed"), data.get("sleep#night-events"));
        assertEquals(new DecimalType(6), data.get("sleep#night-event-count"));
        // what a watch does not measure is UNDEF, never 0
        for (String absent : List.of("snoring-duration", "apnea-hypopnea-index", "withings-index",
                "asleep-duration", "core-body-temperature-average", "core-body-temperature-min",
                "core-body-temperature-max", "breathing-sounds", "breathing-sounds-episodes")) {
            assertEquals(UnDefType.UNDEF, data.get("sleep#" + absent), absent);
        }
        // the new values also go to the time series at the wake-up time
        TimeSeries rmssd = data.seriesOf("sleep#hrv-rmssd");
        assertNotNull(rmssd);
        assertEquals(Instant.ofEpochSecond(1765000500), rmssd.getStates().toList().get(0).timestamp());
        assertNull(data.seriesOf("sleep#core-body-temperature-average"));
    }

    @Test
    void aNightOrWorkoutWithoutDataIsUndefinedNeverZero() throws Exception {
        SleepSummary night = Fixtures.object(JsonParser.parseString(
                "{\"id\":1,\"timezone\":\"Europe/Paris\",\"startdate\":1764972000,\"enddate\":1765000500,"
                        + "\"data\":{}}"),
                SleepSummary.class);
        SleepMapper.values(night, USER_ZONE).states().forEach((channel, state) -> {
            if (!channel.endsWith("-time") && !channel.endsWith("last-measured")) {
                assertEquals(UnDefType.UNDEF, state, channel);
            }
        });
        Workout workout = Fixtures.object(JsonParser.parseString(
                "{\"id\":1,\"category\":7,\"startdate\":1765042200,\"enddate\":1765044900,\"data\":{}}"),
                Workout.class);
        ChannelData data = WorkoutMapper.values(workout, USER_ZONE);
        for (String channel : List.of("pause-duration", "auto-pause-duration", "hr-zone-light", "hr-zone-peak",
                "strokes", "pool-length", "pool-laps")) {
            assertEquals(UnDefType.UNDEF, data.get("workout#" + channel), channel);
        }
    }

    @Test
    void realNightsCarryWasoAndRemEpisodesButNoVariability() throws Exception {
        List<SleepSummary> nights = Fixtures.list("aiowithings/sleep_summary.json", "series", SleepSummary.class);
        SleepSummary night = nights.stream().filter(n -> n.id == 2081804182L).findFirst().orElseThrow();
        ChannelData data = SleepMapper.values(night, USER_ZONE);
        assertEquals(seconds(1380), data.get("sleep#waso"));
        assertEquals(new DecimalType(1), data.get("sleep#rem-episodes"));
        // a Sleep Analyzer night (model 32) without HRV, skin temperature or night events
        assertEquals(UnDefType.UNDEF, data.get("sleep#hrv-rmssd"));
        assertEquals(UnDefType.UNDEF, data.get("sleep#hrv-sdnn"));
        assertEquals(UnDefType.UNDEF, data.get("sleep#skin-temperature"));
        assertEquals(UnDefType.UNDEF, data.get("sleep#night-events"));
        assertEquals(UnDefType.UNDEF, data.get("sleep#night-event-count"));
    }

    @Test
    void swimWorkoutWithStrokesAndPoolLength() throws Exception {
        List<Workout> workouts = Fixtures.list("constructed/swim_workouts.json", "series", Workout.class);
        WorkoutMapper.Result result = WorkoutMapper.map(null, workouts, null, null, USER_ZONE);
        ChannelData data = result.data();

        assertEquals(new StringType("7"), data.get("workout#category"));
        assertEquals(new DecimalType(812), data.get("workout#strokes"));
        assertEquals(new DecimalType(40), data.get("workout#pool-laps"));
        assertEquals(new QuantityType<>(BigDecimal.valueOf(25), SIUnits.METRE), data.get("workout#pool-length"));
        assertEquals(seconds(180), data.get("workout#pause-duration"));
        assertEquals(seconds(240), data.get("workout#auto-pause-duration"));
        assertEquals(seconds(420), data.get("workout#hr-zone-light"));
        assertEquals(seconds(1260), data.get("workout#hr-zone-moderate"));
        assertEquals(seconds(720), data.get("workout#hr-zone-intense"));
        assertEquals(seconds(120), data.get("workout#hr-zone-peak"));
        assertEquals(new DecimalType(128), data.get("workout#heart-rate-average"));

        // the walk before: strokes and pool length 0 = not measured, a pause of 0 s is a real value
        ChannelData walk = WorkoutMapper.values(workouts.get(0), USER_ZONE);
        assertEquals(UnDefType.UNDEF, walk.get("workout#strokes"));
        assertEquals(UnDefType.UNDEF, walk.get("workout#pool-length"));
        assertEquals(seconds(0), walk.get("workout#pause-duration"));
        assertEquals(seconds(0), walk.get("workout#hr-zone-peak"));

        // one point per workout at its start time, the category included
        TimeSeries category = data.seriesOf("workout#category");
        assertNotNull(category);
        List<TimeSeries.Entry> entries = category.getStates().toList();
        assertEquals(List.of(Instant.ofEpochSecond(1764835200), Instant.ofEpochSecond(1765042200)),
                entries.stream().map(TimeSeries.Entry::timestamp).toList());
        assertEquals(List.of(new StringType("1"), new StringType("7")),
                entries.stream().map(TimeSeries.Entry::state).toList());
        TimeSeries strokes = data.seriesOf("workout#strokes");
        assertNotNull(strokes);
        assertEquals(1, strokes.size(), "the walk has no strokes");
        assertEquals(Instant.ofEpochSecond(1765042200), strokes.getStates().toList().get(0).timestamp());
        assertNull(data.seriesOf("workout#start"));
    }

    @Test
    void realWorkoutsCarryPauseAndZones() throws Exception {
        List<Workout> workouts = Fixtures.list("aiowithings/workouts.json", "series", Workout.class);
        Workout first = workouts.stream().filter(w -> w.id == 3661300277L).findFirst().orElseThrow();
        ChannelData data = WorkoutMapper.values(first, USER_ZONE);
        assertEquals(seconds(80), data.get("workout#pause-duration"));
        // algo_pause_duration is null in this capture
        assertEquals(UnDefType.UNDEF, data.get("workout#auto-pause-duration"));
        assertEquals(seconds(100), data.get("workout#hr-zone-light"));
        assertEquals(seconds(400), data.get("workout#hr-zone-peak"));
        // a workout without heart rate (hr_average 0) has no zones
        Workout noHeartRate = workouts.stream().filter(w -> w.id == 3752609178L).findFirst().orElseThrow();
        assertEquals(UnDefType.UNDEF, WorkoutMapper.values(noHeartRate, USER_ZONE).get("workout#hr-zone-light"));
        // every workout of the history is a point at its start time
        TimeSeries duration = WorkoutMapper.map(null, workouts, null, null, USER_ZONE).data()
                .seriesOf("workout#duration");
        assertNotNull(duration);
        assertTrue(duration.getStates().anyMatch(e -> e.timestamp().equals(Instant.ofEpochSecond(1693336011))));
        assertFalse(duration.getStates().anyMatch(e -> e.timestamp().equals(Instant.ofEpochSecond(1693336513))));
    }
}
