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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.dto.Activity;
import org.openhab.binding.withings.internal.dto.Device;
import org.openhab.binding.withings.internal.dto.Goals;
import org.openhab.binding.withings.internal.dto.SleepSummary;
import org.openhab.binding.withings.internal.dto.Workout;
import org.openhab.binding.withings.internal.handler.MutableClock;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.library.unit.SIUnits;
import org.openhab.core.library.unit.Units;
import org.openhab.core.types.TimeSeries;
import org.openhab.core.types.UnDefType;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/**
 * Maps the sleep, activity, workout, goals and device fixtures to channel states with units.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class DataMappersTest {

    private static final ZoneId USER_ZONE = ZoneId.of("UTC");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static QuantityType<?> seconds(long s) {
        return new QuantityType<>(BigDecimal.valueOf(s), Units.SECOND);
    }

    // ------------------------------------------------------------------ sleep

    @Test
    void homeAssistantSleepIsTheLatestNight() throws Exception {
        List<SleepSummary> nights = Fixtures.list("home-assistant/sleep_summaries.json", "series", SleepSummary.class);
        SleepMapper.Result result = SleepMapper.map(null, nights, USER_ZONE);
        ChannelData data = result.data();
        SleepSummary latest = result.latest();
        assertNotNull(latest);
        assertEquals(1618713173L, latest.enddate);
        assertEquals(new DecimalType(37), data.get("sleep#score"));
        assertEquals(new DecimalType(103), data.get("sleep#heart-rate-average"));
        assertEquals(seconds(18660), data.get("sleep#total-sleep"));
        assertEquals(new QuantityType<>(new BigDecimal("86"), Units.PERCENT), data.get("sleep#efficiency"));
        assertEquals(new DateTimeType(Instant.ofEpochSecond(1618691453).atZone(PARIS)), data.get("sleep#bed-time"));
        assertEquals(new DateTimeType(Instant.ofEpochSecond(1618713173).atZone(PARIS)), data.get("sleep#wake-time"));
        // history: one score per night at its wake-up time, oldest first
        TimeSeries scores = data.seriesOf("sleep#score");
        assertNotNull(scores);
        assertEquals(5, scores.size());
        List<TimeSeries.Entry> entries = scores.getStates().toList();
        assertEquals(Instant.ofEpochSecond(1618373504), entries.get(0).timestamp());
        assertEquals(new DecimalType(62), entries.get(0).state());
        assertEquals(Instant.ofEpochSecond(1618713173), entries.get(4).timestamp());
    }

    @Test
    void aiowithingsSleepLatestNightAndNotComputedValues() throws Exception {
        List<SleepSummary> nights = Fixtures.list("aiowithings/sleep_summary.json", "series", SleepSummary.class);
        SleepMapper.Result result = SleepMapper.map(null, nights, USER_ZONE);
        SleepSummary latest = result.latest();
        assertNotNull(latest);
        assertEquals(1641787241L, latest.enddate);
        assertEquals(new DecimalType(46), result.data().get("sleep#score"));
        // -1 means "not computed": UNDEF, not -1
        SleepSummary notComputed = nights.stream().filter(n -> n.id == 2081804405L).findFirst().orElseThrow();
        assertEquals(UnDefType.UNDEF, SleepMapper.values(notComputed, USER_ZONE).get("sleep#apnea-hypopnea-index"));
        assertEquals(seconds(3720), SleepMapper.values(notComputed, USER_ZONE).get("sleep#deep-sleep"));
        // an older night arriving later does not replace the latest one
        SleepMapper.Result again = SleepMapper.map(latest, List.of(notComputed), USER_ZONE);
        assertEquals(new DecimalType(46), again.data().get("sleep#score"));
    }

    @Test
    void legacySleepUsesDeprecatedLatencies() throws Exception {
        List<SleepSummary> nights = Fixtures.list("home-assistant/legacy/get_sleep.json", "series", SleepSummary.class);
        // two summaries with the same end: the later one in the answer is shown
        ChannelData data = SleepMapper.map(null, nights, USER_ZONE).data();
        assertEquals(seconds(212), data.get("sleep#sleep-latency"));
        assertEquals(seconds(213), data.get("sleep#wakeup-latency"));
        assertEquals(seconds(211), data.get("sleep#deep-sleep"));
        assertEquals(new DecimalType(214), data.get("sleep#heart-rate-average"));
        ChannelData first = SleepMapper.values(nights.get(0), USER_ZONE);
        assertEquals(seconds(112), first.get("sleep#sleep-latency"));
        assertEquals(new DecimalType(122), first.get("sleep#score"));
    }

    // ------------------------------------------------------------------ activity

    @Test
    void homeAssistantStepsOfToday() throws Exception {
        List<Activity> days = Fixtures.list("home-assistant/activity.json", "activities", Activity.class);
        MutableClock clock = new MutableClock(ZonedDateTime.of(2023, 10, 21, 15, 0, 0, 0, AMSTERDAM).toInstant());
        Activity today = ActivityMapper.today(days, clock, USER_ZONE);
        assertNotNull(today);
        ChannelData data = ActivityMapper.map(today, USER_ZONE);
        assertEquals(new DecimalType(1155), data.get("activity#steps"));
        assertEquals(new QuantityType<>(new BigDecimal("1020.121"), SIUnits.METRE), data.get("activity#distance"));
        assertInstanceOf(QuantityType.class, data.get("activity#total-calories"));
        assertEquals(Units.KILO_CALORIE, ((QuantityType<?>) data.get("activity#total-calories")).getUnit());
        // no heart rate recorded that day: UNDEF, not 0
        assertEquals(UnDefType.UNDEF, data.get("activity#heart-rate-average"));
    }

    @Test
    void activityHistoryHasOneValuePerDayAtItsStart() throws Exception {
        List<Activity> days = Fixtures.list("home-assistant/activity.json", "activities", Activity.class);
        ChannelData history = ActivityMapper.history(days, USER_ZONE);
        assertTrue(history.states().isEmpty());
        TimeSeries steps = history.seriesOf("activity#steps");
        assertNotNull(steps);
        List<TimeSeries.Entry> entries = steps.getStates().toList();
        assertEquals(14, entries.size());
        assertEquals(ZonedDateTime.of(2023, 10, 8, 0, 0, 0, 0, AMSTERDAM).toInstant(), entries.get(0).timestamp());
        assertEquals(new DecimalType(1892), entries.get(0).state());
        assertEquals(ZonedDateTime.of(2023, 10, 21, 0, 0, 0, 0, AMSTERDAM).toInstant(), entries.get(13).timestamp());
        assertEquals(new DecimalType(1155), entries.get(13).state());
        // no heart rate that is not there
        assertNull(history.seriesOf("activity#heart-rate-average"));
    }

    @Test
    void midnightRolloverMakesTodayUndefined() throws Exception {
        List<Activity> days = Fixtures.list("aiowithings/activity.json", "activities", Activity.class);
        // 23:59 in Amsterdam on the 20th (21:59 UTC): the 20th is today there
        MutableClock clock = new MutableClock(ZonedDateTime.of(2023, 10, 20, 23, 59, 0, 0, AMSTERDAM).toInstant());
        Activity today = ActivityMapper.today(days, clock, USER_ZONE);
        assertNotNull(today);
        assertEquals(new DecimalType(1209), ActivityMapper.map(today, USER_ZONE).get("activity#steps"));
        assertEquals(new DecimalType(80), ActivityMapper.map(today, USER_ZONE).get("activity#heart-rate-average"));
        assertEquals(ZonedDateTime.of(2023, 10, 21, 0, 0, 0, 0, AMSTERDAM).toInstant(),
                ActivityMapper.nextMidnight(clock, AMSTERDAM));

        // after midnight the record of the 21st is today
        clock.advance(Duration.ofMinutes(2));
        Activity next = ActivityMapper.today(days, clock, USER_ZONE);
        assertNotNull(next);
        assertEquals("2023-10-21", next.date);

        // with only the 20th known, after midnight every activity channel is UNDEF
        List<Activity> onlyTwentieth = days.stream().filter(a -> "2023-10-20".equals(a.date)).toList();
        assertNull(ActivityMapper.today(onlyTwentieth, clock, USER_ZONE));
        ChannelData undefined = ActivityMapper.map(null, USER_ZONE);
        assertEquals(UnDefType.UNDEF, undefined.get("activity#steps"));
        assertEquals(ActivityMapper.CHANNELS.size(), undefined.states().size());
        assertTrue(undefined.states().values().stream().allMatch(UnDefType.UNDEF::equals));
    }

    // ------------------------------------------------------------------ workouts

    @Test
    void workoutsLatestAndTriggerOncePerNewWorkout() throws Exception {
        for (String fixture : List.of("home-assistant/workouts.json", "aiowithings/workouts.json")) {
            List<Workout> workouts = Fixtures.list(fixture, "series", Workout.class);
            WorkoutMapper.Result first = WorkoutMapper.map(null, workouts, null, null, USER_ZONE);
            Workout latest = first.latest();
            assertNotNull(latest);
            assertEquals(3752609178L, latest.id);
            ChannelData data = first.data();
            assertEquals(new StringType("1"), data.get("workout#category"), fixture);
            assertEquals(new QuantityType<>(BigDecimal.valueOf(24), Units.KILO_CALORIE), data.get("workout#calories"));
            assertEquals(new QuantityType<>(BigDecimal.valueOf(232), SIUnits.METRE), data.get("workout#distance"));
            assertEquals(new DecimalType(267), data.get("workout#steps"));
            assertEquals(seconds(1696844638L - 1696844383L), data.get("workout#duration"));
            assertEquals(new DateTimeType(Instant.ofEpochSecond(1696844383L).atZone(AMSTERDAM)),
                    data.get("workout#start"));
            // heart rate 0 = not measured
            assertEquals(UnDefType.UNDEF, data.get("workout#heart-rate-average"));
            assertEquals(UnDefType.UNDEF, data.get("workout#pool-laps"));
            // the first sync does not fire for back-filled workouts
            assertTrue(first.newWorkouts().isEmpty());
            // 10 distinct workouts (one id repeats) in the history
            TimeSeries calories = data.seriesOf("workout#duration");
            assertNotNull(calories);
            assertEquals(10, calories.size());

            // after firing for 3752609174, only the later one is new, and only once
            WorkoutMapper.Result second = WorkoutMapper.map(null, workouts, 1696843032L, 3752609174L, USER_ZONE);
            assertEquals(List.of(3752609178L), second.newWorkouts().stream().map(w -> w.id).toList());
            WorkoutMapper.Result third = WorkoutMapper.map(latest, workouts, 1696844638L, 3752609178L, USER_ZONE);
            assertTrue(third.newWorkouts().isEmpty());
        }
    }

    @Test
    void workoutWithoutDataIsUndefinedNotZero() throws Exception {
        Workout empty = Fixtures.list("home-assistant/workouts.json", "series", Workout.class).stream()
                .filter(w -> w.id == 3661300290L).findFirst().orElseThrow();
        ChannelData data = WorkoutMapper.values(empty, USER_ZONE);
        assertEquals(UnDefType.UNDEF, data.get("workout#calories"));
        assertEquals(UnDefType.UNDEF, data.get("workout#intensity"));
        assertEquals(UnDefType.UNDEF, data.get("workout#spo2-average"));
        assertEquals(new StringType("1"), data.get("workout#category"));
    }

    @Test
    void unknownWorkoutCategoryAndModelAreToleratedAsTheirCodes() throws Exception {
        Workout odd = Fixtures.object(JsonParser.parseString(
                "{\"id\":1,\"category\":9999,\"model\":12345,\"startdate\":1700000000,\"enddate\":1700000600,"
                        + "\"date\":\"2023-11-14\",\"data\":{\"calories\":12}}"),
                Workout.class);
        ChannelData data = WorkoutMapper.values(odd, USER_ZONE);
        assertEquals(new StringType("9999"), data.get("workout#category"));
        assertEquals(UnDefType.UNDEF, data.get("workout#intensity"));
    }

    // ------------------------------------------------------------------ goals

    @Test
    void goals() throws Exception {
        for (String fixture : List.of("home-assistant/goals.json", "aiowithings/goals.json")) {
            JsonElement body = Fixtures.body(fixture);
            JsonElement goals = body.getAsJsonObject().has("goals") ? body.getAsJsonObject().get("goals") : body;
            ChannelData data = GoalsMapper.map(Optional.of(Fixtures.object(goals, Goals.class)));
            assertEquals(new DecimalType(10000), data.get(GoalsMapper.STEPS), fixture);
            assertEquals(seconds(28800), data.get(GoalsMapper.SLEEP));
            assertEquals(new QuantityType<>(new BigDecimal("70.500"), SIUnits.KILOGRAM), data.get(GoalsMapper.WEIGHT));
        }
        for (String fixture : List.of("home-assistant/goals_1.json", "aiowithings/goals_1.json")) {
            JsonElement body = Fixtures.body(fixture);
            JsonElement goals = body.getAsJsonObject().has("goals") ? body.getAsJsonObject().get("goals") : body;
            ChannelData data = GoalsMapper.map(Optional.of(Fixtures.object(goals, Goals.class)));
            assertEquals(UnDefType.UNDEF, data.get(GoalsMapper.STEPS), fixture);
            assertEquals(UnDefType.UNDEF, data.get(GoalsMapper.SLEEP));
            assertEquals(new QuantityType<>(new BigDecimal("70.5"), SIUnits.KILOGRAM), data.get(GoalsMapper.WEIGHT));
        }
        // "goals": [] when none are set
        assertTrue(Fixtures.body("aiowithings/no_goals.json").getAsJsonObject().get("goals").isJsonArray());
        ChannelData none = GoalsMapper.map(Optional.empty());
        assertEquals(UnDefType.UNDEF, none.get(GoalsMapper.STEPS));
        assertEquals(UnDefType.UNDEF, none.get(GoalsMapper.SLEEP));
        assertEquals(UnDefType.UNDEF, none.get(GoalsMapper.WEIGHT));
    }

    // ------------------------------------------------------------------ devices

    @Test
    void devicesBatteryAndDates() throws Exception {
        for (String fixture : List.of("home-assistant/devices.json", "home-assistant/legacy/get_device.json",
                "home-assistant/legacy/person0_get_device.json")) {
            Device scale = Fixtures.list(fixture, "devices", Device.class).get(0);
            ChannelData data = DeviceMapper.map(scale, USER_ZONE);
            assertEquals(DeviceMapper.CHANNELS, List.copyOf(data.states().keySet()), fixture);
            assertEquals(new StringType("high"), data.get(DeviceMapper.BATTERY_STATE), fixture);
            assertEquals(OnOffType.OFF, data.get(DeviceMapper.LOW_BATTERY));
            assertEquals(new DateTimeType(Instant.ofEpochSecond(1693867179).atZone(AMSTERDAM)),
                    data.get(DeviceMapper.LAST_SYNC));
            // model and type are Thing properties; no fw without advanced partnership: no firmwareVersion
            assertEquals(Map.of("vendor", "Withings", "modelId", "Body+", "deviceType", "Scale"),
                    DeviceMapper.properties(scale), fixture);
        }
        List<Device> devices = Fixtures.list("aiowithings/device.json", "devices", Device.class);
        assertEquals(5, devices.size());
        // no last session date
        assertEquals(UnDefType.UNDEF, DeviceMapper.map(devices.get(1), USER_ZONE).get(DeviceMapper.LAST_SYNC));
        // battery "unknown": both battery channels UNDEF
        ChannelData unknown = DeviceMapper.map(devices.get(2), USER_ZONE);
        assertEquals(UnDefType.UNDEF, unknown.get(DeviceMapper.BATTERY_STATE));
        assertEquals(UnDefType.UNDEF, unknown.get(DeviceMapper.LOW_BATTERY));
        // the sleep monitor with an empty model: its numeric model id names the model
        Device sleepMonitor = devices.get(4);
        assertEquals(new StringType("high"), DeviceMapper.map(sleepMonitor, USER_ZONE).get(DeviceMapper.BATTERY_STATE));
        Map<String, String> properties = DeviceMapper.properties(sleepMonitor);
        assertEquals("Sleep Monitor", properties.get(DeviceMapper.PROPERTY_DEVICE_TYPE));
        assertEquals(String.valueOf(sleepMonitor.modelId), properties.get("modelId"));
        assertEquals("Withings", properties.get("vendor"));

        Device low = new Device();
        low.battery = "low";
        low.fw = "2.4.1";
        ChannelData lowData = DeviceMapper.map(low, USER_ZONE);
        assertEquals(new StringType("low"), lowData.get(DeviceMapper.BATTERY_STATE));
        assertEquals(OnOffType.ON, lowData.get(DeviceMapper.LOW_BATTERY));
        // no percentage is ever made up from the three levels
        assertFalse(lowData.states().values().stream().anyMatch(s -> s instanceof DecimalType));
        assertEquals(Map.of("vendor", "Withings", "firmwareVersion", "2.4.1"), DeviceMapper.properties(low));
        Device medium = new Device();
        medium.battery = "Medium";
        assertEquals(new StringType("medium"), DeviceMapper.map(medium, USER_ZONE).get(DeviceMapper.BATTERY_STATE));
        assertEquals(OnOffType.OFF, DeviceMapper.map(medium, USER_ZONE).get(DeviceMapper.LOW_BATTERY));
    }
}
