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
package org.openhab.binding.withings.simulator;

import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.withings.simulator.SimTestSupport.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The data endpoints: shapes as in real Withings answers, filters, data_fields and paging.
 *
 * @author Withings binding contributors - Initial contribution
 */
class DataEndpointsTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    private final SimClock clock = new SimClock(NOW);
    private WithingsCloudSimulator sim;

    @BeforeEach
    void start() throws Exception {
        sim = WithingsCloudSimulator.start(
                SimulatorOptions.defaults().port(0).seed(42).clock(clock).summaryPageSize(20).activityPageSize(30));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private String token(SimUser.Kind kind) throws Exception {
        return accessToken(sim, sim.user(kind).userid(), ALL_SCOPES);
    }

    private static List<JsonObject> objects(JsonArray array) {
        List<JsonObject> list = new ArrayList<>();
        array.forEach(e -> list.add(e.getAsJsonObject()));
        return list;
    }

    @Test
    void getmeasPagesWithIntegerMoreAndOffset() throws Exception {
        String token = token(SimUser.Kind.SCALE);
        List<JsonObject> all = new ArrayList<>();
        int offset = 0;
        int pages = 0;
        while (true) {
            JsonObject env = post(sim.baseUri(), "/measure", token, "action", "getmeas", "category", "1", "offset",
                    Integer.toString(offset));
            assertEquals(0, status(env));
            JsonObject body = env.getAsJsonObject("body");
            assertTrue(body.get("more").getAsJsonPrimitive().isNumber(), "getmeas more is an integer");
            assertEquals(NOW.getEpochSecond(), body.get("updatetime").getAsLong());
            assertEquals("Europe/Berlin", body.get("timezone").getAsString());
            all.addAll(objects(body.getAsJsonArray("measuregrps")));
            pages++;
            if (body.get("more").getAsInt() == 0) {
                break;
            }
            offset = body.get("offset").getAsInt();
            assertEquals(pages * 50, offset);
        }
        assertTrue(pages >= 2, "paging happens");
        Set<Long> ids = new HashSet<>();
        all.forEach(g -> assertTrue(ids.add(g.get("grpid").getAsLong()), "no duplicate across pages"));
        assertEquals(pages, sim.control().requestCount("/measure", "getmeas", sim.user(SimUser.Kind.SCALE).userid()));

        // plausible values, segmental positions, height once, guests ambiguous
        int heights = 0;
        int ambiguous = 0;
        Set<String> segments = new HashSet<>();
        for (JsonObject g : all) {
            for (JsonElement e : g.getAsJsonArray("measures")) {
                JsonObject m = e.getAsJsonObject();
                int type = m.get("type").getAsInt();
                double real = m.get("value").getAsLong() * Math.pow(10, m.get("unit").getAsInt());
                if (type == 1 && g.get("attrib").getAsInt() == 0) {
                    assertTrue(real >= 70 && real <= 90, "weight " + real);
                }
                if (type == 4) {
                    heights++;
                    assertEquals(1.78, real, 1e-9);
                    assertEquals(2, g.get("attrib").getAsInt());
                }
                if (type == 173 || type == 174 || type == 175) {
                    segments.add(type + "/" + m.get("position").getAsInt());
                }
            }
            if (g.get("attrib").getAsInt() == 1) {
                ambiguous++;
            }
        }
        assertEquals(1, heights);
        assertTrue(ambiguous >= 1);
        assertEquals(15, segments.size(), segments.toString());
        assertTrue(segments.containsAll(Set.of("173/12", "174/3", "175/2", "173/10", "174/11")));
        JsonObject first = all.get(0);
        for (String field : new String[] { "grpid", "attrib", "date", "created", "modified", "category", "deviceid",
                "hash_deviceid", "measures", "modelid", "model", "comment" }) {
            assertTrue(first.has(field), field);
        }
    }

    @Test
    void getmeasFiltersTypesWindowAndLastupdate() throws Exception {
        String token = token(SimUser.Kind.SCALE);
        long scale = sim.user(SimUser.Kind.SCALE).userid();
        JsonObject heightOnly = post(sim.baseUri(), "/measure", token, "action", "getmeas", "meastype", "4")
                .getAsJsonObject("body");
        assertEquals(1, heightOnly.getAsJsonArray("measuregrps").size());
        assertEquals(0, heightOnly.get("more").getAsInt());

        long start = NOW.minusSeconds(7 * 86400).getEpochSecond();
        JsonObject week = post(sim.baseUri(), "/measure", token, "action", "getmeas", "meastypes", "1,6",
                "startdate", Long.toString(start), "enddate", Long.toString(NOW.getEpochSecond()))
                .getAsJsonObject("body");
        assertFalse(week.getAsJsonArray("measuregrps").isEmpty());
        for (JsonObject g : objects(week.getAsJsonArray("measuregrps"))) {
            assertTrue(g.get("date").getAsLong() >= start);
            for (JsonElement m : g.getAsJsonArray("measures")) {
                assertTrue(Set.of(1, 6).contains(m.getAsJsonObject().get("type").getAsInt()));
            }
        }

        long cursor = week.get("updatetime").getAsLong();
        assertTrue(post(sim.baseUri(), "/measure", token, "action", "getmeas", "lastupdate",
                Long.toString(cursor + 1)).getAsJsonObject("body").getAsJsonArray("measuregrps").isEmpty());
        clock.advance(java.time.Duration.ofMinutes(5));
        sim.control().addWeighing(scale, 79.4, clock.instant().minusSeconds(30));
        JsonObject incremental = post(sim.baseUri(), "/measure", token, "action", "getmeas", "lastupdate",
                Long.toString(cursor + 1)).getAsJsonObject("body");
        JsonArray groups = incremental.getAsJsonArray("measuregrps");
        assertEquals(1, groups.size());
        JsonObject m = groups.get(0).getAsJsonObject().getAsJsonArray("measures").get(0).getAsJsonObject();
        assertEquals(79400, m.get("value").getAsLong());
        assertEquals(-3, m.get("unit").getAsInt());
    }

    @Test
    void bpmUserHasBloodPressureSpo2EcgAndHeartList() throws Exception {
        String token = token(SimUser.Kind.BPM);
        JsonObject body = post(sim.baseUri(), "/measure", token, "action", "getmeas", "meastypes",
                "9,10,11,54,130,135,136,137,138,71").getAsJsonObject("body");
        Set<Integer> types = new HashSet<>();
        int offset = 0;
        while (true) {
            for (JsonObject g : objects(body.getAsJsonArray("measuregrps"))) {
                g.getAsJsonArray("measures").forEach(e -> types.add(e.getAsJsonObject().get("type").getAsInt()));
            }
            if (body.get("more").getAsInt() == 0) {
                break;
            }
            offset = body.get("offset").getAsInt();
            body = post(sim.baseUri(), "/measure", token, "action", "getmeas", "offset", Integer.toString(offset))
                    .getAsJsonObject("body");
        }
        assertTrue(types.containsAll(Set.of(9, 10, 11, 54, 130, 135, 136, 137, 138, 71)), types.toString());

        JsonObject heart = post(sim.baseUri(), "/v2/heart", token, "action", "list").getAsJsonObject("body");
        JsonObject entry = heart.getAsJsonArray("series").get(0).getAsJsonObject();
        assertTrue(entry.getAsJsonObject("ecg").has("signalid"));
        assertTrue(entry.getAsJsonObject("ecg").has("afib"));
        assertTrue(entry.getAsJsonObject("bloodpressure").has("systole"));
        assertTrue(heart.get("more").getAsJsonPrimitive().isBoolean());

        int before = heart.getAsJsonArray("series").size();
        sim.control().addMeasure(sim.user(SimUser.Kind.BPM).userid(), NOW.minusSeconds(60), new SimMeasure(130, 1, 0),
                new SimMeasure(135, 95, 0));
        JsonObject newest = post(sim.baseUri(), "/v2/heart", token, "action", "list", "startdate",
                Long.toString(NOW.minusSeconds(120).getEpochSecond())).getAsJsonObject("body");
        assertEquals(1, newest.getAsJsonArray("series").size());
        assertEquals(1, newest.getAsJsonArray("series").get(0).getAsJsonObject().getAsJsonObject("ecg").get("afib")
                .getAsInt());
        assertTrue(before > 0);

        JsonObject goals = post(sim.baseUri(), "/v2/user", token, "action", "getgoals").getAsJsonObject("body");
        assertTrue(goals.get("goals").isJsonArray(), "no goals set: an empty list");
        assertEquals(0, goals.getAsJsonArray("goals").size());
    }

    @Test
    void sleepSummariesPageAndHonourDataFields() throws Exception {
        String token = token(SimUser.Kind.SLEEP);
        String fields = "hr_average,sleep_score,snoring,apnea_hypopnea_index,rr_min,total_sleep_time";
        List<JsonObject> all = new ArrayList<>();
        int offset = 0;
        int pages = 0;
        while (true) {
            JsonObject body = post(sim.baseUri(), "/v2/sleep", token, "action", "getsummary", "lastupdate", "0",
                    "data_fields", fields, "offset", Integer.toString(offset)).getAsJsonObject("body");
            assertTrue(body.get("more").getAsJsonPrimitive().isBoolean(), "getsummary more is boolean");
            all.addAll(objects(body.getAsJsonArray("series")));
            pages++;
            if (!body.get("more").getAsBoolean()) {
                break;
            }
            offset = body.get("offset").getAsInt();
        }
        assertEquals(4, pages);
        assertTrue(all.size() >= 60, "60 nights: " + all.size());
        JsonObject latest = all.get(0);
        assertEquals("2026-03-10", latest.get("date").getAsString(), "wake-up day");
        JsonObject data = latest.getAsJsonObject("data");
        assertEquals(Set.of("hr_average", "sleep_score", "snoring", "apnea_hypopnea_index", "rr_min",
                "total_sleep_time"), data.keySet());
        int score = data.get("sleep_score").getAsInt();
        assertTrue(score >= 0 && score <= 100);
        for (String f : new String[] { "id", "timezone", "model", "model_id", "hash_deviceid", "startdate", "enddate",
                "date", "created", "modified" }) {
            assertTrue(latest.has(f), f);
        }

        JsonObject plain = post(sim.baseUri(), "/v2/sleep", token, "action", "getsummary", "lastupdate", "0")
                .getAsJsonObject("body").getAsJsonArray("series").get(0).getAsJsonObject().getAsJsonObject("data");
        assertTrue(plain.has("deepsleepduration") && plain.has("wakeupcount"));
        assertFalse(plain.has("hr_average") || plain.has("sleep_score") || plain.has("snoring"),
                "without data_fields only durations and counts");

        JsonArray week = post(sim.baseUri(), "/v2/sleep", token, "action", "getsummary", "startdateymd",
                "2026-03-03", "enddateymd", "2026-03-10").getAsJsonObject("body").getAsJsonArray("series");
        assertEquals(8, week.size(), "wake-up days 3rd to 10th");
        assertEquals(503, status(post(sim.baseUri(), "/v2/sleep", token, "action", "getsummary", "startdateymd",
                "2026-03-01", "enddateymd", "2026-03-10")), "windows are limited to 7 days");

        JsonObject night = post(sim.baseUri(), "/v2/sleep", token, "action", "get", "startdate",
                Long.toString(latest.get("startdate").getAsLong()), "enddate",
                Long.toString(latest.get("enddate").getAsLong()), "data_fields", "hr,rr").getAsJsonObject("body");
        JsonObject state = night.getAsJsonArray("series").get(0).getAsJsonObject();
        assertTrue(state.has("state") && state.has("hr") && state.has("rr"));
        assertEquals(503, status(post(sim.baseUri(), "/v2/sleep", token, "action", "get", "startdate", "0",
                "enddate", "200000")), "more than 24 h");
    }

    @Test
    void watchUserHasActivityWorkoutsAndDevices() throws Exception {
        String token = token(SimUser.Kind.WATCH);
        JsonObject body = post(sim.baseUri(), "/v2/measure", token, "action", "getactivity", "startdateymd",
                "2026-03-01", "enddateymd", "2026-03-10").getAsJsonObject("body");
        List<JsonObject> days = objects(body.getAsJsonArray("activities"));
        assertEquals(10, days.size());
        assertFalse(body.get("more").getAsBoolean());
        JsonObject today = days.get(days.size() - 1);
        assertEquals("2026-03-10", today.get("date").getAsString());
        for (String f : new String[] { "steps", "distance", "elevation", "soft", "moderate", "intense", "active",
                "calories", "totalcalories", "hr_average", "hr_min", "hr_max", "hr_zone_0", "hr_zone_3", "timezone",
                "brand", "is_tracker" }) {
            assertTrue(today.has(f), f);
        }
        JsonObject onlySteps = post(sim.baseUri(), "/v2/measure", token, "action", "getactivity", "startdateymd",
                "2026-03-10", "enddateymd", "2026-03-10", "data_fields", "steps").getAsJsonObject("body")
                .getAsJsonArray("activities").get(0).getAsJsonObject();
        assertTrue(onlySteps.has("steps") && onlySteps.has("date"));
        assertFalse(onlySteps.has("calories"));

        JsonObject paged = post(sim.baseUri(), "/v2/measure", token, "action", "getactivity", "lastupdate", "0")
                .getAsJsonObject("body");
        assertTrue(paged.get("more").getAsBoolean());
        assertEquals(30, paged.get("offset").getAsInt());

        JsonObject workouts = post(sim.baseUri(), "/v2/measure", token, "action", "getworkouts", "startdateymd",
                "2026-01-01", "enddateymd", "2026-03-10").getAsJsonObject("body");
        List<JsonObject> series = objects(workouts.getAsJsonArray("series"));
        assertFalse(series.isEmpty());
        Set<Integer> categories = new HashSet<>();
        series.forEach(w -> categories.add(w.get("category").getAsInt()));
        assertTrue(categories.size() >= 3, categories.toString());
        assertTrue(series.get(0).getAsJsonObject("data").has("spo2_average"));

        JsonArray devices = post(sim.baseUri(), "/v2/user", token, "action", "getdevice").getAsJsonObject("body")
                .getAsJsonArray("devices");
        JsonObject watch = devices.get(0).getAsJsonObject();
        assertEquals("Activity Tracker", watch.get("type").getAsString());
        assertEquals("high", watch.get("battery").getAsString());
        for (String f : new String[] { "model", "model_id", "timezone", "first_session_date", "last_session_date",
                "deviceid", "hash_deviceid" }) {
            assertTrue(watch.has(f), f);
        }
        JsonObject goals = post(sim.baseUri(), "/v2/user", token, "action", "getgoals").getAsJsonObject("body")
                .getAsJsonObject("goals");
        assertEquals(10000, goals.get("steps").getAsInt());
        assertEquals(-3, goals.getAsJsonObject("weight").get("unit").getAsInt());

        JsonObject intraday = post(sim.baseUri(), "/v2/measure", token, "action", "getintradayactivity", "startdate",
                Long.toString(NOW.getEpochSecond() - 3600), "enddate", Long.toString(NOW.getEpochSecond()),
                "data_fields", "steps,heart_rate").getAsJsonObject("body");
        assertEquals(7, intraday.getAsJsonObject("series").size());
    }

    private static final String WITH_NEW_SLEEP_FIELDS = "rmssd,sdnn_1,hrv_quality,skin_temperature,night_events,"
            + "mvt_score_avg,mvt_active_duration,nb_rem_episodes,waso";

    @Test
    void watchNightsCarryHeartRateVariabilityAndSkinTemperature() throws Exception {
        String fields = WITH_NEW_SLEEP_FIELDS;
        JsonObject night = post(sim.baseUri(), "/v2/sleep", token(SimUser.Kind.WATCH), "action", "getsummary",
                "lastupdate", "0", "data_fields", fields).getAsJsonObject("body").getAsJsonArray("series").get(0)
                .getAsJsonObject();
        assertEquals(16, night.get("model").getAsInt(), "a tracker's night");
        JsonObject data = night.getAsJsonObject("data");
        for (String f : fields.split(",")) {
            assertTrue(data.has(f), f);
        }
        double skin = data.get("skin_temperature").getAsDouble();
        assertTrue(skin > 30 && skin < 37, "skin temperature " + skin);
        assertTrue(data.getAsJsonObject("night_events").has("4"), "out of bed event");

        JsonObject analyzer = post(sim.baseUri(), "/v2/sleep", token(SimUser.Kind.SLEEP), "action", "getsummary",
                "lastupdate", "0", "data_fields", fields).getAsJsonObject("body").getAsJsonArray("series").get(0)
                .getAsJsonObject().getAsJsonObject("data");
        assertTrue(analyzer.has("night_events") && analyzer.has("mvt_score_avg"));
        assertFalse(analyzer.has("rmssd") || analyzer.has("skin_temperature"), "a Sleep Analyzer has no HRV");
    }

    @Test
    void addedActivityIsSeenByLastupdate() throws Exception {
        String token = token(SimUser.Kind.WATCH);
        long watch = sim.user(SimUser.Kind.WATCH).userid();
        clock.advance(java.time.Duration.ofMinutes(10));
        long cursor = clock.instant().getEpochSecond();
        sim.control().addActivity(watch, LocalDate.of(2026, 3, 10), 12345);
        sim.control().addWorkout(watch, 7, NOW.minusSeconds(3600), NOW.minusSeconds(1800));
        JsonArray days = post(sim.baseUri(), "/v2/measure", token, "action", "getactivity", "lastupdate",
                Long.toString(cursor)).getAsJsonObject("body").getAsJsonArray("activities");
        assertEquals(1, days.size());
        assertEquals(12345, days.get(0).getAsJsonObject().get("steps").getAsInt());
        JsonArray workouts = post(sim.baseUri(), "/v2/measure", token, "action", "getworkouts", "lastupdate",
                Long.toString(cursor)).getAsJsonObject("body").getAsJsonArray("series");
        assertEquals(1, workouts.size());
        assertEquals(7, workouts.get(0).getAsJsonObject().get("category").getAsInt());
        assertTrue(workouts.get(0).getAsJsonObject().getAsJsonObject("data").has("pool_laps"));
    }

    @Test
    void sameSeedAndClockGiveTheSameData() throws Exception {
        String first = post(sim.baseUri(), "/measure", token(SimUser.Kind.SCALE), "action", "getmeas")
                .getAsJsonObject("body").toString();
        try (WithingsCloudSimulator same = WithingsCloudSimulator
                .start(SimulatorOptions.defaults().seed(42).clock(new SimClock(NOW)));
                WithingsCloudSimulator other = WithingsCloudSimulator
                        .start(SimulatorOptions.defaults().seed(7).clock(new SimClock(NOW)))) {
            long scale = same.user(SimUser.Kind.SCALE).userid();
            String again = post(same.baseUri(), "/measure", accessToken(same, scale, ALL_SCOPES), "action", "getmeas")
                    .getAsJsonObject("body").toString();
            String different = post(other.baseUri(), "/measure", accessToken(other, scale, ALL_SCOPES), "action",
                    "getmeas").getAsJsonObject("body").toString();
            assertEquals(first, again);
            assertNotEquals(first, different);
        }
    }

    @Test
    void unknownActionIsNotImplemented() throws Exception {
        assertEquals(2554, status(post(sim.baseUri(), "/measure", token(SimUser.Kind.SCALE), "action", "nope")));
    }
}
