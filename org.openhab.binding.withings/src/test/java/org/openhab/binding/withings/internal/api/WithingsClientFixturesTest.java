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
package org.openhab.binding.withings.internal.api;

import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.withings.internal.api.FixtureServer.*;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.dto.Activity;
import org.openhab.binding.withings.internal.dto.Device;
import org.openhab.binding.withings.internal.dto.Goals;
import org.openhab.binding.withings.internal.dto.IntradayData;
import org.openhab.binding.withings.internal.dto.Measure;
import org.openhab.binding.withings.internal.dto.MeasureGroup;
import org.openhab.binding.withings.internal.dto.NotifyProfile;
import org.openhab.binding.withings.internal.dto.SleepSeries;
import org.openhab.binding.withings.internal.dto.SleepSummary;
import org.openhab.binding.withings.internal.dto.Workout;

/**
 * Parses every file of {@code src/test/resources/fixtures} (real Withings payloads collected by Home Assistant and
 * aiowithings) through the client over real HTTP and asserts concrete values.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsClientFixturesTest extends ClientTestBase {

    private static final String MEASURE = WithingsClient.PATH_MEASURE;
    private static final String MEASURE_V2 = WithingsClient.PATH_MEASURE_V2;
    private static final String SLEEP = WithingsClient.PATH_SLEEP_V2;
    private static final String USER = WithingsClient.PATH_USER_V2;
    private static final String NOTIFY = WithingsClient.PATH_NOTIFY;

    /** Every fixture file and the test that parses it. */
    private static final Set<String> COVERED = Set.of("aiowithings/activity.json", "aiowithings/device.json",
            "aiowithings/goals.json", "aiowithings/goals_1.json", "aiowithings/measurement.json",
            "aiowithings/measurement_list_2.json", "aiowithings/no_goals.json", "aiowithings/notify_list.json",
            "aiowithings/notify_revoke.json", "aiowithings/notify_subscribe.json", "aiowithings/sleep_summary.json",
            "aiowithings/workouts.json", "home-assistant/activity.json", "home-assistant/devices.json",
            "home-assistant/goals.json", "home-assistant/goals_1.json", "home-assistant/measurements.json",
            "home-assistant/measurements_1.json", "home-assistant/notifications.json",
            "home-assistant/sleep_summaries.json", "home-assistant/workouts.json",
            "home-assistant/legacy/get_device.json", "home-assistant/legacy/get_meas.json",
            "home-assistant/legacy/get_meas_1.json", "home-assistant/legacy/get_sleep.json",
            "home-assistant/legacy/notify_list.json", "home-assistant/legacy/person0_get_device.json",
            "home-assistant/legacy/person0_notify_list.json", "constructed/scanwatch2_sleep_summary.json",
            "constructed/swim_workouts.json", "constructed/sleep_get_night.json",
            "constructed/intraday_activity.json");

    @Test
    void everyFixtureFileIsCovered() throws IOException {
        Path root = Paths.get("src/test/resources/fixtures");
        Set<String> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".json"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(32, files.size());
        assertEquals(new TreeSet<>(COVERED), files);
    }

    // ------------------------------------------------------------------ getmeas

    @Test
    void aiowithingsMeasurement() throws Exception {
        server().stub(MEASURE, "getmeas", json(fixture("aiowithings/measurement.json")));
        MeasureResult result = client().getMeasures(tokens, MeasureQuery.since(Instant.ofEpochSecond(1693600000)));

        assertEquals(2, result.groups().size());
        assertEquals(1693651185L, result.updateTime());
        assertEquals("Europe/Amsterdam", result.timezone());
        assertTrue(result.complete());
        MeasureGroup group = result.groups().get(0);
        assertEquals(4815757309L, group.grpid);
        assertEquals(0, group.attrib);
        assertEquals(8, result.groups().get(1).attrib);
        assertEquals(1693651151L, group.date);
        assertEquals("Body+", group.model);
        assertEquals(5, group.modelid);
        assertNull(group.comment);
        Measure weight = group.measures.get(0);
        assertEquals(MeasureType.WEIGHT, MeasureType.byCode(weight.type).orElseThrow());
        assertEquals(0, new BigDecimal("118.003").compareTo(weight.decodedValue()));
        assertTrue(AttribPolicy.DEFAULT.accepts(group));
        assertTrue(AttribPolicy.DEFAULT.accepts(result.groups().get(1)));
        // the same grpid twice (attrib 0 and 8): one group after normalisation
        assertEquals(1, result.normalizedGroups().size());

        FixtureServer.Recorded request = server().requests(MEASURE, "getmeas").get(0);
        assertEquals("1693600000", request.param("lastupdate"));
        assertNull(request.param("startdate"));
        assertEquals("Bearer " + TOKEN + "-0", request.authorization());
        assertNotNull(request.contentType());
        assertTrue(request.contentType().startsWith("application/x-www-form-urlencoded"));
    }

    @Test
    void aiowithingsMeasurementList2() throws Exception {
        server().stub(MEASURE, "getmeas", ok("{\"updatetime\":1705000000,\"timezone\":\"Europe/Amsterdam\","
                + "\"more\":0,\"offset\":0,\"measuregrps\":" + fixture("aiowithings/measurement_list_2.json") + "}"));
        MeasureResult result = client().getMeasures(tokens,
                MeasureQuery.between(Instant.ofEpochSecond(1700000000), Instant.ofEpochSecond(1706000000))
                        .withTypes(List.of(1, 173)).withCategory(1));

        assertEquals(34, result.groups().size());
        List<Measure> all = result.groups().stream().flatMap(g -> g.measures.stream()).toList();
        assertEquals(70, all.stream().filter(m -> m.type == 173).count());
        // every segmental measure maps to one of the 15 segment channels
        Set<String> segmentChannels = all.stream().filter(m -> m.type >= 173 && m.type <= 175)
                .map(m -> MeasureType.channelId(m.type, m.position).orElseThrow()).collect(Collectors.toSet());
        assertEquals(15, segmentChannels.size());
        assertTrue(segmentChannels.contains("muscle-mass-left-leg"));
        // the ECG group: heart pulse 113 bpm, AFib class 8
        MeasureGroup ecg = result.groups().stream().filter(g -> g.grpid == 5122267193L).findFirst().orElseThrow();
        assertEquals("Body Scan", ecg.model);
        Measure afib = ecg.measures.stream().filter(m -> m.type == 130).findFirst().orElseThrow();
        assertEquals(0, BigDecimal.valueOf(8).compareTo(afib.decodedValue()));
        assertEquals("Result Code 8", MeasureType.afibLabel(afib.value.intValue()));
        assertNotNull(afib.algoParams);
        // BMR 2252 kcal/day at whole-body position 7
        Measure bmr = result.groups().stream().filter(g -> g.grpid == 5114418400L).flatMap(g -> g.measures.stream())
                .filter(m -> m.type == 226).findFirst().orElseThrow();
        assertEquals(7, bmr.position);
        assertEquals(0, new BigDecimal("2252").compareTo(bmr.decodedValue()));
        assertEquals(Optional.of("basal-metabolic-rate"), MeasureType.channelId(226, 7));
        // electrodermal activity 54.897 %
        Measure eda = result.groups().stream().filter(g -> g.grpid == 5109691089L).flatMap(g -> g.measures.stream())
                .filter(m -> m.type == 196).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("54.897").compareTo(eda.decodedValue()));
        // every type in the capture is in the catalogue
        assertTrue(all.stream().allMatch(m -> MeasureType.byCode(m.type).isPresent()));

        FixtureServer.Recorded request = server().requests(MEASURE, "getmeas").get(0);
        assertEquals("1,173", request.param("meastypes"));
        assertEquals("1", request.param("category"));
        assertEquals("1700000000", request.param("startdate"));
        assertEquals("1706000000", request.param("enddate"));
        assertNull(request.param("lastupdate"));
    }

    @Test
    void homeAssistantMeasurementsThenIncrementalBatch() throws Exception {
        server().stub(MEASURE, "getmeas",
                ok("{\"updatetime\":1564700000,\"timezone\":\"Europe/Amsterdam\",\"more\":0,\"offset\":0,"
                        + "\"measuregrps\":" + fixture("home-assistant/measurements.json") + "}"),
                ok("{\"updatetime\":1618605100,\"more\":0,\"offset\":0,\"measuregrps\":"
                        + fixture("home-assistant/measurements_1.json") + "}"));

        MeasureResult first = client().getMeasures(tokens, MeasureQuery.all());
        assertEquals(3, first.groups().size());
        // Home Assistant reuses grpid 1 for three different measurements: all kept, oldest first
        assertEquals(List.of(1564657200L, 1564660800L, 1564664400L),
                first.normalizedGroups().stream().map(g -> g.date).toList());
        assertEquals(BigDecimal.valueOf(70), newestWeight(first.groups()));
        // the newest group overall is the ambiguous one (attrib 1, 71 kg): left out by default, kept on request
        assertEquals(BigDecimal.valueOf(71), newestWeight(first.groups(), new AttribPolicy(true, true)));
        MeasureGroup full = first.groups().get(0);
        assertTrue(full.measures.stream().allMatch(m -> MeasureType.byCode(m.type).isPresent()));
        Measure fatRatio = full.measures.stream().filter(m -> m.type == 6).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("0.070").compareTo(fatRatio.decodedValue()));
        Measure spo2 = full.measures.stream().filter(m -> m.type == 54).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("0.95").compareTo(spo2.decodedValue()));

        MeasureResult batch = client().getMeasures(tokens, MeasureQuery.since(Instant.ofEpochSecond(1564700000)));
        assertEquals(BigDecimal.valueOf(71), newestWeight(batch.groups()));
        assertEquals("BPM Connect", batch.groups().get(0).model);
        assertEquals(1618605100L, batch.updateTime());
        assertEquals("1564700000", server().requests(MEASURE, "getmeas").get(1).param("lastupdate"));
    }

    @Test
    void homeAssistantLegacyMeasures() throws Exception {
        // get_meas.json is a body with a boolean "more"; get_meas_1.json a bare list
        server().stub(MEASURE, "getmeas", ok(fixture("home-assistant/legacy/get_meas.json")),
                ok("{\"more\":0,\"offset\":0,\"measuregrps\":" + fixture("home-assistant/legacy/get_meas_1.json")
                        + "}"));
        MeasureResult legacy = client().getMeasures(tokens, MeasureQuery.all());
        assertEquals(3, legacy.groups().size());
        assertEquals("UTC", legacy.timezone());
        assertEquals(1564617600L, legacy.updateTime());
        assertEquals("DEV_ID", legacy.groups().get(0).deviceid);
        assertEquals(BigDecimal.valueOf(70), newestWeight(legacy.groups()));

        MeasureResult legacy1 = client().getMeasures(tokens, MeasureQuery.all());
        assertEquals(1, legacy1.groups().size());
        assertEquals(BigDecimal.valueOf(71), newestWeight(legacy1.groups()));
        assertNull(legacy1.updateTime());
    }

    private static BigDecimal newestWeight(List<MeasureGroup> groups) {
        return newestWeight(groups, AttribPolicy.DEFAULT);
    }

    private static BigDecimal newestWeight(List<MeasureGroup> groups, AttribPolicy policy) {
        return groups.stream().filter(policy::accepts)
                .sorted(Comparator.comparing((MeasureGroup g) -> g.date).reversed())
                .flatMap(g -> g.measures.stream()).filter(m -> m.type == 1).findFirst().orElseThrow().decodedValue();
    }

    // ------------------------------------------------------------------ sleep

    @Test
    void aiowithingsSleepSummaryPagingFollowsOffset() throws Exception {
        server().stub(SLEEP, "getsummary", json(fixture("aiowithings/sleep_summary.json")));
        server().stubPage(SLEEP, "getsummary", "300", ok("{\"series\":[{\"id\":1,\"timezone\":\"Europe/Paris\","
                + "\"date\":\"2021-05-01\",\"startdate\":1619820000,\"enddate\":1619850000,"
                + "\"data\":{\"sleep_score\":80}}],\"more\":false,\"offset\":301}"));

        List<SleepSummary> nights = client().getSleepSummaries(tokens,
                DateQuery.since(Instant.ofEpochSecond(1600000000)));

        assertEquals(301, nights.size());
        SleepSummary first = nights.get(0);
        assertEquals(2081804182L, first.id);
        assertEquals("2021-04-18", first.date);
        assertEquals(37, first.data.sleepScore);
        assertEquals(18660, first.data.totalSleepTime);
        assertEquals(0.86, first.data.sleepEfficiency);
        assertEquals(103, first.data.hrAverage);
        assertEquals(9.0, first.data.apneaHypopneaIndex);
        assertEquals(32, first.model);
        assertEquals(63, first.modelId);
        assertEquals(80, nights.get(300).data.sleepScore);

        List<FixtureServer.Recorded> requests = server().requests(SLEEP, "getsummary");
        assertEquals(2, requests.size());
        assertNull(requests.get(0).param("offset"));
        assertEquals("300", requests.get(1).param("offset"));
        assertEquals("1600000000", requests.get(1).param("lastupdate"));
        String fields = requests.get(0).param("data_fields");
        assertNotNull(fields);
        assertTrue(fields.contains("sleep_score") && fields.contains("hr_average") && fields.contains("snoring"));
    }

    @Test
    void scanWatch2NightAsksForAndParsesVariabilityAndSkinTemperature() throws Exception {
        server().stub(SLEEP, "getsummary", json(fixture("constructed/scanwatch2_sleep_summary.json")));
        List<SleepSummary> nights = client().getSleepSummaries(tokens,
                DateQuery.since(Instant.ofEpochSecond(1764900000)));
        assertEquals(1, nights.size());
        SleepSummary night = nights.get(0);
        assertEquals(46.0, night.data.rmssd);
        assertEquals(61.0, night.data.sdnn1);
        assertEquals(3, night.data.hrvQuality);
        assertEquals(34.21, night.data.skinTemperature);
        assertEquals(12.0, night.data.mvtScoreAvg);
        assertEquals(2, night.data.nightEvents().get(2).size());
        String fields = server().requests(SLEEP, "getsummary").get(0).param("data_fields");
        assertNotNull(fields);
        for (String field : List.of("rmssd", "sdnn_1", "hrv_quality", "skin_temperature", "mvt_score_avg",
                "nb_rem_episodes", "night_events", "waso", "asleepduration", "withings_index")) {
            assertTrue(List.of(fields.split(",")).contains(field), field);
        }
    }

    @Test
    void sleepGetOfOneNightParsesEverySegment() throws Exception {
        server().stub(SLEEP, "get", json(fixture("constructed/sleep_get_night.json")));
        Instant bed = Instant.ofEpochSecond(1764024000);
        List<SleepSeries> segments = client().getSleep(tokens, bed, bed.plusSeconds(23400));
        assertEquals(17, segments.size());
        assertEquals(0, segments.get(0).state);
        assertEquals(15, segments.get(segments.size() - 1).state);
        assertEquals(63, segments.get(0).modelId);
        assertNotNull(segments.get(0).hr);
        assertEquals(1, server().requests(SLEEP, "get").size(), "a night of 6.5 h is one request");
        assertEquals("1764024000", server().requests(SLEEP, "get").get(0).param("startdate"));
    }

    @Test
    void intradayActivityParsesEveryInterval() throws Exception {
        server().stub(MEASURE_V2, "getintradayactivity", json(fixture("constructed/intraday_activity.json")));
        Instant midnight = Instant.ofEpochSecond(1764025200);
        SortedMap<Long, IntradayData> points = client().getIntradayActivity(tokens, midnight,
                midnight.plusSeconds(34200));
        assertEquals(57, points.size());
        assertEquals(1764025200L, points.firstKey());
        assertEquals(WithingsClient.INTRADAY_FIELDS,
                server().requests(MEASURE_V2, "getintradayactivity").get(0).param("data_fields"));
    }

    @Test
    void swimWorkoutParsesStrokesAndPoolLength() throws Exception {
        server().stub(MEASURE_V2, "getworkouts", json(fixture("constructed/swim_workouts.json")));
        List<Workout> workouts = client().getWorkouts(tokens, DateQuery.since(Instant.ofEpochSecond(1764800000)));
        assertEquals(2, workouts.size());
        Workout swim = workouts.get(1);
        assertEquals(7, swim.category);
        assertEquals(812, swim.data.strokes);
        assertEquals(25, swim.data.poolLength);
        assertEquals(40, swim.data.poolLaps);
        assertEquals(240, swim.data.algoPauseDuration);
        assertEquals(WithingsClient.WORKOUT_FIELDS,
                server().requests(MEASURE_V2, "getworkouts").get(0).param("data_fields"));
    }

    @Test
    void homeAssistantSleepSummaries() throws Exception {
        server().stub(SLEEP, "getsummary", ok("{\"series\":" + fixture("home-assistant/sleep_summaries.json")
                + ",\"more\":false,\"offset\":0}"));
        List<SleepSummary> nights = client().getSleepSummaries(tokens,
                DateQuery.days(LocalDate.of(2021, 4, 15), LocalDate.of(2021, 4, 21)));
        assertEquals(5, nights.size());
        SleepSummary latest = nights.stream().max(Comparator.comparing((SleepSummary s) -> s.enddate)).orElseThrow();
        assertEquals(37, latest.data.sleepScore);
        assertEquals(1618713173L, latest.enddate);
        assertEquals(90, nights.get(0).data.sleepScore);
        assertEquals(26880, nights.get(0).data.totalSleepTime);
        FixtureServer.Recorded request = server().requests(SLEEP, "getsummary").get(0);
        assertEquals("2021-04-15", request.param("startdateymd"));
        assertEquals("2021-04-21", request.param("enddateymd"));
    }

    @Test
    void homeAssistantLegacySleep() throws Exception {
        server().stub(SLEEP, "getsummary", ok(fixture("home-assistant/legacy/get_sleep.json")));
        List<SleepSummary> nights = client().getSleepSummaries(tokens,
                DateQuery.since(Instant.ofEpochSecond(1500000000)));
        assertEquals(2, nights.size());
        assertEquals(122, nights.get(0).data.sleepScore);
        assertEquals(112, nights.get(0).data.durationtosleep);
        assertEquals(222, nights.get(1).data.sleepScore);
        assertEquals("1548979200", nights.get(0).date);
        assertEquals(32, nights.get(0).model);
    }

    // ------------------------------------------------------------------ activity and workouts

    @Test
    void aiowithingsActivity() throws Exception {
        server().stub(MEASURE_V2, "getactivity", json(fixture("aiowithings/activity.json")));
        List<Activity> days = client().getActivity(tokens,
                DateQuery.days(LocalDate.of(2023, 10, 20), LocalDate.of(2023, 10, 21)));
        assertEquals(2, days.size());
        Activity day = days.get(0);
        assertEquals("2023-10-20", day.date);
        assertEquals(1209, day.steps);
        assertEquals(1028.559, day.distance);
        assertEquals(292, day.active);
        assertEquals(2303.788, day.totalcalories);
        assertEquals(80, day.hrAverage);
        assertEquals(400, day.hrZone3);
        assertEquals(18, day.brand);
        assertEquals(Boolean.FALSE, day.isTracker);
        assertNull(day.deviceid);
        assertNull(days.get(1).hrAverage);
        assertEquals(1155, days.get(1).steps);
        FixtureServer.Recorded request = server().requests(MEASURE_V2, "getactivity").get(0);
        assertEquals("2023-10-20", request.param("startdateymd"));
        assertEquals("2023-10-21", request.param("enddateymd"));
        assertEquals(WithingsClient.ACTIVITY_FIELDS, request.param("data_fields"));
    }

    @Test
    void homeAssistantActivity() throws Exception {
        server().stub(MEASURE_V2, "getactivity",
                ok("{\"activities\":" + fixture("home-assistant/activity.json") + ",\"more\":false,\"offset\":0}"));
        List<Activity> days = client().getActivity(tokens, DateQuery.since(Instant.ofEpochSecond(1696000000)));
        assertEquals(14, days.size());
        assertEquals("2023-10-08", days.get(0).date);
        assertEquals(1892, days.get(0).steps);
        assertEquals(2454.481, days.get(0).totalcalories);
    }

    @Test
    void aiowithingsWorkouts() throws Exception {
        server().stub(MEASURE_V2, "getworkouts", json(fixture("aiowithings/workouts.json")));
        List<Workout> workouts = client().getWorkouts(tokens, DateQuery.since(Instant.ofEpochSecond(1690000000)));
        assertEquals(11, workouts.size());
        Workout first = workouts.get(0);
        assertEquals(3661300277L, first.id);
        assertEquals(1, first.category);
        assertEquals(1693336011L, first.startdate);
        assertEquals(1693336513L, first.enddate);
        assertEquals(1055, first.model);
        assertEquals(47.0, first.data.calories);
        assertEquals(30, first.data.intensity);
        assertEquals(60.0, first.data.manualDistance);
        assertEquals(80, first.data.pauseDuration);
        assertNull(first.data.algoPauseDuration);
        assertEquals(15.0, first.data.spo2Average);
        assertEquals(779, first.data.steps);
        assertEquals(WithingsClient.WORKOUT_FIELDS,
                server().requests(MEASURE_V2, "getworkouts").get(0).param("data_fields"));
    }

    @Test
    void homeAssistantWorkouts() throws Exception {
        String list = fixture("home-assistant/workouts.json");
        server().stub(MEASURE_V2, "getworkouts", ok("{\"series\":" + list + ",\"more\":false,\"offset\":0}"));
        List<Workout> workouts = client().getWorkouts(tokens, DateQuery.since(Instant.ofEpochSecond(1690000000)));
        assertFalse(workouts.isEmpty());
        assertTrue(workouts.stream().allMatch(w -> w.id != null && w.data != null && w.category != null));
        assertEquals(3661300277L, workouts.get(0).id);
        assertEquals(779, workouts.get(0).data.steps);
    }

    // ------------------------------------------------------------------ devices and goals

    @Test
    void aiowithingsDevices() throws Exception {
        server().stub(USER, "getdevice", json(fixture("aiowithings/device.json")));
        List<Device> devices = client().getDevices(tokens);
        assertEquals(5, devices.size());
        Device scale = devices.get(0);
        assertEquals("Scale", scale.type);
        assertEquals("high", scale.battery);
        assertEquals("Body+", scale.model);
        assertEquals(5, scale.modelId);
        assertNull(scale.firstSessionDate);
        assertEquals(1693867179L, scale.lastSessionDate);
        assertEquals("f998be4b9ccc9e136fd8cd8e8e344c31ec3b271d", scale.deviceid);
        assertEquals("unknown", devices.get(2).battery);
        Device noModel = devices.get(4);
        assertEquals("", noModel.model);
        assertEquals("Sleep Monitor", noModel.type);
        assertNull(noModel.lastSessionDate);
    }

    @Test
    void homeAssistantDevices() throws Exception {
        server().stub(USER, "getdevice", ok("{\"devices\":" + fixture("home-assistant/devices.json") + "}"),
                ok(fixture("home-assistant/legacy/get_device.json")),
                json(fixture("home-assistant/legacy/person0_get_device.json")));
        for (int i = 0; i < 3; i++) {
            List<Device> devices = client().getDevices(tokens);
            assertEquals(1, devices.size());
            assertEquals("Body+", devices.get(0).model);
            assertEquals("high", devices.get(0).battery);
            assertEquals(1693867179L, devices.get(0).lastSessionDate);
        }
        assertEquals(3, server().requests(USER, "getdevice").size());
    }

    @Test
    void aiowithingsGoals() throws Exception {
        server().stub(USER, "getgoals", json(fixture("aiowithings/goals.json")),
                json(fixture("aiowithings/goals_1.json")), json(fixture("aiowithings/no_goals.json")));
        Goals goals = client().getGoals(tokens).orElseThrow();
        assertEquals(10000, goals.steps);
        assertEquals(28800, goals.sleep);
        assertEquals(0, new BigDecimal("70.5").compareTo(goals.weight.decodedValue()));

        Goals weightOnly = client().getGoals(tokens).orElseThrow();
        assertNull(weightOnly.steps);
        assertNull(weightOnly.sleep);
        assertEquals(0, new BigDecimal("70.5").compareTo(weightOnly.weight.decodedValue()));

        assertTrue(client().getGoals(tokens).isEmpty());
    }

    @Test
    void homeAssistantGoals() throws Exception {
        server().stub(USER, "getgoals", ok("{\"goals\":" + fixture("home-assistant/goals.json") + "}"),
                ok("{\"goals\":" + fixture("home-assistant/goals_1.json") + "}"));
        Goals goals = client().getGoals(tokens).orElseThrow();
        assertEquals(10000, goals.steps);
        assertEquals(28800, goals.sleep);
        assertEquals(0, new BigDecimal("70.5").compareTo(goals.weight.decodedValue()));
        Goals weightOnly = client().getGoals(tokens).orElseThrow();
        assertNull(weightOnly.steps);
        assertEquals(70500L, weightOnly.weight.value);
        assertEquals(-3, weightOnly.weight.unit);
    }

    // ------------------------------------------------------------------ notify

    @Test
    void aiowithingsNotify() throws Exception {
        server().stub(NOTIFY, "list", json(fixture("aiowithings/notify_list.json")));
        server().stub(NOTIFY, "subscribe", json(fixture("aiowithings/notify_subscribe.json")));
        server().stub(NOTIFY, "revoke", json(fixture("aiowithings/notify_revoke.json")));

        List<NotifyProfile> profiles = client().notifyList(tokens, 1);
        assertEquals(1, profiles.size());
        assertEquals(1, profiles.get(0).appli);
        assertEquals("https://www.withings.com", profiles.get(0).callbackurl);
        assertEquals(2147483647L, profiles.get(0).expires);
        assertEquals("My notification subscription", profiles.get(0).comment);
        assertEquals("1", server().requests(NOTIFY, "list").get(0).param("appli"));

        client().notifySubscribe(tokens, "https://example.org/withings/webhook/abc", 44, "openHAB");
        FixtureServer.Recorded subscribe = server().requests(NOTIFY, "subscribe").get(0);
        assertEquals("https://example.org/withings/webhook/abc", subscribe.param("callbackurl"));
        assertEquals("44", subscribe.param("appli"));
        assertEquals("openHAB", subscribe.param("comment"));

        client().notifyRevoke(tokens, "https://example.org/withings/webhook/old", 50);
        FixtureServer.Recorded revoke = server().requests(NOTIFY, "revoke").get(0);
        assertEquals("https://example.org/withings/webhook/old", revoke.param("callbackurl"));
        assertEquals("50", revoke.param("appli"));
    }

    @Test
    void homeAssistantNotifications() throws Exception {
        server().stub(NOTIFY, "list", ok("{\"profiles\":" + fixture("home-assistant/notifications.json") + "}"),
                ok(fixture("home-assistant/legacy/notify_list.json")),
                ok(fixture("home-assistant/legacy/person0_notify_list.json")));
        List<NotifyProfile> profiles = client().notifyList(tokens, null);
        assertEquals(3, profiles.size());
        assertEquals(50, profiles.get(0).appli);
        assertEquals("https://not.my.callback/url", profiles.get(0).callbackurl);
        assertNull(profiles.get(0).comment);
        assertEquals(51, profiles.get(2).appli);
        assertNull(server().requests(NOTIFY, "list").get(0).param("appli"));

        List<NotifyProfile> legacy = client().notifyList(tokens, null);
        assertEquals(3, legacy.size());
        assertTrue(legacy.get(1).callbackurl.startsWith("http://example.local:8123/"));

        assertTrue(client().notifyList(tokens, null).isEmpty());
    }
}
