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

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * The simulated users and their data: deterministic history generated from a seed, additions made through the
 * control API, and the queries of the data endpoints (filters, data_fields, paging). Payload shapes follow real
 * Withings answers (field names and JSON types as in the recorded fixtures). Thread-safe (all methods synchronized).
 *
 * @author Withings binding contributors - Initial contribution
 */
final class SimData {

    static final String TIMEZONE = "Europe/Berlin";
    static final ZoneId ZONE = ZoneId.of(TIMEZONE);

    /** Sleep summary fields sent without {@code data_fields}: durations and counts only. */
    private static final Set<String> SUMMARY_BASE_FIELDS = Set.of("total_timeinbed", "total_sleep_time",
            "wakeupduration", "wakeupcount", "durationtosleep", "durationtowakeup", "remsleepduration",
            "lightsleepduration", "deepsleepduration", "sleep_efficiency", "sleep_latency", "wakeup_latency", "waso",
            "nb_rem_episodes", "out_of_bed_count");

    static final List<SimUser> USERS = List.of(new SimUser(30000001L, "Sam Scale", SimUser.Kind.SCALE),
            new SimUser(30000002L, "Pat Pressure", SimUser.Kind.BPM),
            new SimUser(30000003L, "Sue Sleeper", SimUser.Kind.SLEEP),
            new SimUser(30000004L, "Walt Walker", SimUser.Kind.WATCH));

    /** One page of a query answer. */
    record Page(List<JsonObject> items, boolean more, int nextOffset) {
    }

    /** A device of a user. */
    record Device(String type, String model, int modelId, String deviceId) {
    }

    /** Everything one user has. */
    static final class UserData {
        final SimUser user;
        final Random random;
        final List<JsonObject> measureGroups = new ArrayList<>();
        final List<JsonObject> activities = new ArrayList<>();
        final List<JsonObject> workouts = new ArrayList<>();
        final List<JsonObject> summaries = new ArrayList<>();
        final List<JsonObject> heart = new ArrayList<>();
        final List<Device> devices = new ArrayList<>();
        JsonElement goals = new JsonArray();
        long lastSessionDate;

        UserData(SimUser user, long seed) {
            this.user = user;
            this.random = new Random(seed * 1_000_003L + user.userid());
        }

        Device device(int index) {
            return devices.get(index);
        }
    }

    private final long seed;
    /** The four standard users, then the extra ones (for scale runs). */
    private final List<SimUser> all;
    /** Days of generated history per user; 0 = the standard (120, sleep 60). */
    private final int historyDays;
    private final Map<Long, UserData> users = new LinkedHashMap<>();
    private long nextGrpId;
    private long nextSummaryId;
    private long nextWorkoutId;
    private long nextSignalId;

    SimData(long seed, Instant now) {
        this(seed, now, 0, 0);
    }

    /**
     * @param extraUsers further users after the four standard ones (userids 30000101…), of the four kinds in turn,
     *            each with the generated history of its kind
     * @param historyDays days of generated history of every user (0: 120 days, sleep 60 nights)
     */
    SimData(long seed, Instant now, int extraUsers, int historyDays) {
        this.seed = seed;
        this.historyDays = historyDays;
        List<SimUser> list = new ArrayList<>(USERS);
        SimUser.Kind[] kinds = SimUser.Kind.values();
        for (int i = 0; i < extraUsers; i++) {
            list.add(new SimUser(30000101L + i, "Extra User " + (i + 1), kinds[i % kinds.length]));
        }
        this.all = List.copyOf(list);
        generate(now);
    }

    synchronized void generate(Instant now) {
        users.clear();
        nextGrpId = 5_100_000_000L;
        nextSummaryId = 2_200_000_000L;
        nextWorkoutId = 3_700_000_000L;
        nextSignalId = 91_000_000L;
        for (SimUser user : all) {
            UserData data = new UserData(user, seed);
            users.put(user.userid(), data);
            switch (user.kind()) {
                case SCALE -> generateScale(data, now);
                case BPM -> generateBpm(data, now);
                case SLEEP -> generateSleep(data, now);
                case WATCH -> generateWatch(data, now);
            }
        }
    }

    List<SimUser> users() {
        return all;
    }

    synchronized boolean hasUser(long userid) {
        return users.containsKey(userid);
    }

    synchronized UserData user(long userid) {
        UserData data = users.get(userid);
        if (data == null) {
            throw new IllegalArgumentException("no simulated user " + userid);
        }
        return data;
    }

    // ---------------------------------------------------------------------------------------------------------
    // generation

    /** The days of history to generate: the standard unless a history length was given. */
    private int days(int standard) {
        return historyDays > 0 ? historyDays : standard;
    }

    private static String hexId(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    private static long at(LocalDate day, int hour, int minute, Random random, int jitterMinutes) {
        return ZonedDateTime.of(day.atTime(hour, minute), ZONE).toEpochSecond()
                + (jitterMinutes > 0 ? random.nextInt(jitterMinutes * 60) : 0);
    }

    private static double gauss(Random random, double mean, double sd) {
        return mean + random.nextGaussian() * sd;
    }

    private static long round(double v) {
        return Math.round(v);
    }

    private void generateScale(UserData d, Instant now) {
        Random r = d.random;
        d.devices.add(new Device("Scale", "Body Scan", 10, hexId(r)));
        Device scale = d.device(0);
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        double weight = gauss(r, 83.0, 1.5);
        for (int back = days(120); back >= 0; back--) {
            LocalDate day = today.minusDays(back);
            weight += gauss(r, -0.03, 0.25);
            weight = Math.max(70.5, Math.min(89.5, weight));
            if (back == 90) {
                JsonObject height = group(ZonedDateTime.of(day.atTime(20, 15), ZONE).toEpochSecond(), 2, null, now);
                addMeasures(height, List.of(new SimMeasure(4, 1780, -3)));
                add(d, height, now);
            }
            if (r.nextDouble() > 0.85) {
                continue;
            }
            long date = at(day, 7, 0, r, 45);
            if (back == 40 || back == 75) {
                // a guest on the scale: ambiguous attribution
                JsonObject guest = group(date + 600, 1, scale, now);
                addMeasures(guest, List.of(new SimMeasure(1, round(gauss(r, 63.0, 1.0) * 1000), -3)));
                add(d, guest, now);
            }
            JsonObject g = group(date, 0, scale, now);
            addMeasures(g, scaleMeasures(r, weight, back % 7 == 0));
            add(d, g, now);
        }
        d.goals = goals(10000, 28800, 78000L);
        d.lastSessionDate = lastDate(d.measureGroups);
    }

    static List<SimMeasure> scaleMeasures(Random r, double weight, boolean weekly) {
        List<SimMeasure> m = new ArrayList<>();
        double fatRatio = Math.max(12.0, Math.min(30.0, gauss(r, 21.5, 0.6)));
        double fat = weight * fatRatio / 100.0;
        double ffm = weight - fat;
        double muscle = ffm * 0.93;
        double bone = gauss(r, 3.2, 0.03);
        double hydration = ffm * 0.72;
        double ecw = hydration * 0.41;
        m.add(new SimMeasure(1, round(weight * 1000), -3));
        m.add(new SimMeasure(6, round(fatRatio * 1000), -3));
        m.add(new SimMeasure(8, round(fat * 1000), -3));
        m.add(new SimMeasure(5, round(ffm * 1000), -3));
        m.add(new SimMeasure(76, round(muscle * 1000), -3));
        m.add(new SimMeasure(88, round(bone * 1000), -3));
        m.add(new SimMeasure(77, round(hydration * 1000), -3));
        m.add(new SimMeasure(168, round(ecw * 1000), -3));
        m.add(new SimMeasure(169, round((hydration - ecw) * 1000), -3));
        m.add(new SimMeasure(170, round(gauss(r, 8.0, 0.3) * 10), -1));
        m.add(new SimMeasure(226, round(gauss(r, 1780, 25)), 0));
        m.add(new SimMeasure(227, 38 + r.nextInt(3), 0));
        m.add(new SimMeasure(11, round(gauss(r, 64, 4)), 0));
        m.add(new SimMeasure(91, round(gauss(r, 7.4, 0.3) * 1000), -3));
        m.add(new SimMeasure(155, 41 + r.nextInt(3), 0));
        // segmental values: positions 12 torso, 3 left arm, 2 right arm, 10 left leg, 11 right leg
        int[] positions = { 12, 3, 2, 10, 11 };
        double[] shares = { 0.50, 0.06, 0.063, 0.187, 0.19 };
        for (int i = 0; i < positions.length; i++) {
            double share = shares[i] * gauss(r, 1.0, 0.01);
            m.add(new SimMeasure(173, round(ffm * share * 1000), -3, positions[i]));
            m.add(new SimMeasure(174, round(fat * share * 1000), -3, positions[i]));
            m.add(new SimMeasure(175, round(muscle * share * 1000), -3, positions[i]));
        }
        if (weekly) {
            m.add(new SimMeasure(167, 70 + r.nextInt(15), 0));
            m.add(new SimMeasure(196, 60 + r.nextInt(30), 0));
        }
        return m;
    }

    private void generateBpm(UserData d, Instant now) {
        Random r = d.random;
        d.devices.add(new Device("Blood Pressure Monitor", "BPM Core", 44, hexId(r)));
        d.devices.add(new Device("Smart Connected Thermometer", "Thermo", 70, hexId(r)));
        Device bpm = d.device(0);
        Device thermo = d.device(1);
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        for (int back = days(120); back >= 0; back--) {
            LocalDate day = today.minusDays(back);
            long date = at(day, 8, 0, r, 30);
            int sys = (int) round(gauss(r, 126, 6));
            int dia = (int) round(gauss(r, 81, 4));
            int pulse = (int) round(gauss(r, 68, 5));
            if (r.nextDouble() < 0.8) {
                JsonObject g = group(date, 0, bpm, now);
                addMeasures(g, List.of(new SimMeasure(9, dia, 0), new SimMeasure(10, sys, 0),
                        new SimMeasure(11, pulse, 0)));
                add(d, g, now);
            }
            if (back % 3 == 0) {
                JsonObject g = group(date + 300, 0, bpm, now);
                addMeasures(g, List.of(new SimMeasure(54, round(gauss(r, 97, 1)), 0)));
                add(d, g, now);
            }
            if (back % 7 == 0) {
                addEcg(d, date + 900, bpm, r.nextDouble() < 0.85 ? 0 : 2, sys, dia, pulse, now);
                JsonObject t = group(at(day, 21, 0, r, 60), 0, thermo, now);
                addMeasures(t, List.of(new SimMeasure(71, round(gauss(r, 36.7, 0.2) * 100), -2)));
                add(d, t, now);
            }
        }
        d.goals = new JsonArray();
        d.lastSessionDate = lastDate(d.measureGroups);
    }

    private void addEcg(UserData d, long date, Device bpm, int afib, int sys, int dia, int pulse, Instant now) {
        Random r = d.random;
        JsonObject g = group(date, 0, bpm, now);
        int qt = (int) round(gauss(r, 385, 12));
        addMeasures(g, List.of(new SimMeasure(130, afib, 0), new SimMeasure(135, round(gauss(r, 94, 5)), 0),
                new SimMeasure(136, round(gauss(r, 162, 10)), 0), new SimMeasure(137, qt, 0),
                new SimMeasure(138, qt + 20 + r.nextInt(10), 0)));
        add(d, g, now);
        JsonObject entry = new JsonObject();
        entry.addProperty("deviceid", bpm.deviceId());
        entry.addProperty("model", bpm.modelId());
        JsonObject ecg = new JsonObject();
        ecg.addProperty("signalid", nextSignalId++);
        ecg.addProperty("afib", afib);
        entry.add("ecg", ecg);
        JsonObject bp = new JsonObject();
        bp.addProperty("diastole", dia);
        bp.addProperty("systole", sys);
        entry.add("bloodpressure", bp);
        entry.addProperty("heart_rate", pulse);
        entry.addProperty("timestamp", date);
        entry.addProperty("timezone", TIMEZONE);
        d.heart.add(entry);
    }

    private void generateSleep(UserData d, Instant now) {
        Random r = d.random;
        d.devices.add(new Device("Sleep Monitor", "Sleep Analyzer", 63, hexId(r)));
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        for (int back = days(60); back >= 0; back--) {
            LocalDate wakeDay = today.minusDays(back);
            long bed = at(wakeDay.minusDays(1), 22, 30, r, 75);
            long rise = at(wakeDay, 6, 30, r, 75);
            if (rise + 3600 > now.getEpochSecond()) {
                continue;
            }
            d.summaries.add(summary(d, bed, rise, rise + 1800 + r.nextInt(1800)));
        }
        d.goals = goals(8000, 27000, null);
        d.lastSessionDate = d.summaries.isEmpty() ? 0 : d.summaries.get(d.summaries.size() - 1).get("enddate")
                .getAsLong();
    }

    JsonObject summary(UserData d, long bed, long rise, long created) {
        Random r = d.random;
        Device dev = d.device(0);
        int inBed = (int) (rise - bed);
        int latency = 300 + r.nextInt(1500);
        int wakeupLatency = 120 + r.nextInt(900);
        int waso = 300 + r.nextInt(2400);
        int sleep = Math.max(3600, inBed - latency - wakeupLatency - waso);
        int deep = (int) (sleep * (0.15 + r.nextDouble() * 0.1));
        int rem = (int) (sleep * (0.18 + r.nextDouble() * 0.07));
        int light = sleep - deep - rem;
        int snoring = r.nextDouble() < 0.4 ? r.nextInt(2400) : 0;
        JsonObject data = new JsonObject();
        data.addProperty("total_timeinbed", inBed);
        data.addProperty("wakeupduration", waso + wakeupLatency);
        data.addProperty("wakeupcount", 1 + r.nextInt(4));
        data.addProperty("durationtosleep", latency);
        data.addProperty("remsleepduration", rem);
        data.addProperty("durationtowakeup", wakeupLatency);
        data.addProperty("total_sleep_time", sleep);
        data.addProperty("sleep_efficiency", Math.round(100.0 * sleep / inBed) / 100.0);
        data.addProperty("sleep_latency", latency);
        data.addProperty("wakeup_latency", wakeupLatency);
        data.addProperty("waso", waso);
        data.addProperty("nb_rem_episodes", 2 + r.nextInt(4));
        data.addProperty("out_of_bed_count", r.nextInt(3));
        data.addProperty("lightsleepduration", light);
        data.addProperty("deepsleepduration", deep);
        int hrMin = 48 + r.nextInt(8);
        data.addProperty("hr_average", hrMin + 8 + r.nextInt(6));
        data.addProperty("hr_min", hrMin);
        data.addProperty("hr_max", hrMin + 25 + r.nextInt(20));
        int rrMin = 10 + r.nextInt(3);
        data.addProperty("rr_average", rrMin + 3 + r.nextInt(2));
        data.addProperty("rr_min", rrMin);
        data.addProperty("rr_max", rrMin + 7 + r.nextInt(4));
        data.addProperty("breathing_disturbances_intensity", r.nextInt(30));
        data.addProperty("snoring", snoring);
        data.addProperty("snoringepisodecount", snoring / 120);
        data.addProperty("sleep_score", 55 + r.nextInt(41));
        data.addProperty("apnea_hypopnea_index", r.nextInt(12));
        // fields of newer devices, from their own generator so the values above do not change
        Random extra = new Random(bed);
        data.addProperty("mvt_active_duration", 600 + extra.nextInt(1800));
        data.addProperty("mvt_score_avg", 5 + extra.nextInt(30));
        JsonObject events = new JsonObject();
        events.add("1", single(0));
        events.add("2", single(latency));
        events.add("3", single(inBed - wakeupLatency));
        events.add("4", single(inBed));
        data.add("night_events", events);
        if (d.user.kind() == SimUser.Kind.WATCH) {
            // a ScanWatch 2 night: heart-rate variability (ms) and skin temperature (°C)
            data.addProperty("rmssd", 25 + extra.nextInt(50));
            data.addProperty("sdnn_1", 35 + extra.nextInt(60));
            data.addProperty("hrv_quality", 1 + extra.nextInt(3));
            data.addProperty("skin_temperature", Math.round((33.0 + extra.nextDouble() * 2.5) * 100) / 100.0);
        }
        JsonObject s = new JsonObject();
        s.addProperty("id", nextSummaryId++);
        s.addProperty("timezone", TIMEZONE);
        s.addProperty("model", d.user.kind() == SimUser.Kind.WATCH ? 16 : 32);
        s.addProperty("model_id", dev.modelId());
        s.addProperty("hash_deviceid", dev.deviceId());
        s.addProperty("startdate", bed);
        s.addProperty("enddate", rise);
        s.addProperty("date", LocalDate.ofInstant(Instant.ofEpochSecond(rise), ZONE).toString());
        s.add("data", data);
        s.addProperty("created", created);
        s.addProperty("modified", created);
        return s;
    }

    private static JsonArray single(int offset) {
        JsonArray array = new JsonArray();
        array.add(offset);
        return array;
    }

    private static final int[] WORKOUT_CATEGORIES = { 1, 2, 3, 6, 7, 16, 28, 272, 306 };

    private void generateWatch(UserData d, Instant now) {
        Random r = d.random;
        d.devices.add(new Device("Activity Tracker", "ScanWatch 2", 93, hexId(r)));
        Device watch = d.device(0);
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        for (int back = days(120); back >= 0; back--) {
            LocalDate day = today.minusDays(back);
            int steps = 3000 + r.nextInt(12000);
            long modified = back == 0 ? now.getEpochSecond() - 600 : at(day.plusDays(1), 0, 30, r, 60);
            d.activities.add(activity(d, day, steps, modified));
            if (back % 3 == 1) {
                int category = WORKOUT_CATEGORIES[r.nextInt(WORKOUT_CATEGORIES.length)];
                long start = at(day, 17, 30, r, 120);
                long end = start + 1200 + r.nextInt(3600);
                d.workouts.add(workout(d, category, start, end, end + 300 + r.nextInt(3000)));
            }
            if (back > 0) {
                JsonObject g = group(at(day, 3, 0, r, 120), 0, watch, now);
                addMeasures(g, List.of(new SimMeasure(54, round(gauss(r, 96, 1.2)), 0)));
                add(d, g, now);
            }
        }
        // the nights of the watch come last so the data above stay as they were before watch nights existed
        for (int back = 30; back >= 1; back--) {
            LocalDate wakeDay = today.minusDays(back);
            long bed = at(wakeDay.minusDays(1), 23, 0, r, 60);
            long rise = at(wakeDay, 7, 0, r, 60);
            d.summaries.add(summary(d, bed, rise, rise + 1800));
        }
        d.goals = goals(10000, 28800, 76000L);
        d.lastSessionDate = now.getEpochSecond() - 600;
    }

    JsonObject activity(UserData d, LocalDate day, int steps, long modified) {
        Random r = d.random;
        Device watch = d.device(0);
        int soft = 1800 + r.nextInt(7200);
        int moderate = 300 + r.nextInt(2400);
        int intense = r.nextInt(1800);
        JsonObject a = new JsonObject();
        a.addProperty("steps", steps);
        a.addProperty("distance", Math.round(steps * 0.74 * 1000) / 1000.0);
        a.addProperty("elevation", r.nextInt(40));
        a.addProperty("soft", soft);
        a.addProperty("moderate", moderate);
        a.addProperty("intense", intense);
        a.addProperty("active", moderate + intense);
        a.addProperty("calories", Math.round((steps * 0.04 + intense / 20.0) * 1000) / 1000.0);
        a.addProperty("totalcalories", Math.round((2100 + steps * 0.04 + intense / 20.0) * 1000) / 1000.0);
        int hrMin = 50 + r.nextInt(8);
        a.addProperty("hr_average", hrMin + 20 + r.nextInt(10));
        a.addProperty("hr_min", hrMin);
        a.addProperty("hr_max", hrMin + 70 + r.nextInt(40));
        a.addProperty("hr_zone_0", 30000 + r.nextInt(20000));
        a.addProperty("hr_zone_1", 1000 + r.nextInt(5000));
        a.addProperty("hr_zone_2", r.nextInt(2000));
        a.addProperty("hr_zone_3", r.nextInt(600));
        a.addProperty("deviceid", watch.deviceId());
        a.addProperty("hash_deviceid", watch.deviceId());
        a.addProperty("timezone", TIMEZONE);
        a.addProperty("date", day.toString());
        a.addProperty("modified", modified);
        a.addProperty("brand", 1);
        a.addProperty("modelid", watch.modelId());
        a.addProperty("model", watch.model());
        a.addProperty("is_tracker", true);
        return a;
    }

    JsonObject workout(UserData d, int category, long start, long end, long modified) {
        Random r = d.random;
        Device watch = d.device(0);
        int duration = (int) (end - start);
        JsonObject data = new JsonObject();
        boolean onFoot = category == 1 || category == 2 || category == 3;
        data.addProperty("calories", 4 + duration / 10 + r.nextInt(50));
        data.addProperty("intensity", 30 + r.nextInt(60));
        data.addProperty("manual_distance", 0);
        data.addProperty("manual_calories", 0);
        int hrAvg = 110 + r.nextInt(40);
        data.addProperty("hr_average", hrAvg);
        data.addProperty("hr_min", hrAvg - 30 - r.nextInt(10));
        data.addProperty("hr_max", hrAvg + 20 + r.nextInt(20));
        data.addProperty("hr_zone_0", duration / 5);
        data.addProperty("hr_zone_1", duration / 3);
        data.addProperty("hr_zone_2", duration / 3);
        data.addProperty("hr_zone_3", duration - duration / 5 - 2 * (duration / 3));
        data.addProperty("pause_duration", r.nextInt(120));
        data.addProperty("steps", onFoot ? duration * (category == 2 ? 3 : 2) : 0);
        data.addProperty("distance", onFoot ? duration * (category == 2 ? 3 : 1) : category == 6 ? duration * 6 : 0);
        data.addProperty("elevation", onFoot || category == 6 ? r.nextInt(120) : 0);
        data.add("algo_pause_duration", JsonNull.INSTANCE);
        data.addProperty("spo2_average", 94 + r.nextInt(5));
        if (category == 7) {
            data.addProperty("pool_laps", duration / 60);
            data.addProperty("strokes", duration / 2);
            data.addProperty("pool_length", 25);
            data.addProperty("algo_pause_duration", duration / 20);
        }
        JsonObject w = new JsonObject();
        w.addProperty("id", nextWorkoutId++);
        w.addProperty("category", category);
        w.addProperty("timezone", TIMEZONE);
        w.addProperty("model", watch.modelId());
        w.addProperty("attrib", 0);
        w.addProperty("startdate", start);
        w.addProperty("enddate", end);
        w.addProperty("date", LocalDate.ofInstant(Instant.ofEpochSecond(start), ZONE).toString());
        w.addProperty("deviceid", watch.deviceId());
        w.add("data", data);
        w.addProperty("modified", modified);
        return w;
    }

    private static JsonObject goals(int steps, int sleep, Long weightGrams) {
        JsonObject goals = new JsonObject();
        goals.addProperty("steps", steps);
        goals.addProperty("sleep", sleep);
        if (weightGrams != null) {
            JsonObject weight = new JsonObject();
            weight.addProperty("value", weightGrams);
            weight.addProperty("unit", -3);
            goals.add("weight", weight);
        }
        return goals;
    }

    private static long lastDate(List<JsonObject> groups) {
        return groups.stream().mapToLong(g -> g.get("date").getAsLong()).max().orElse(0);
    }

    JsonObject group(long date, int attrib, Device device, Instant now) {
        long created = Math.min(date + 40, now.getEpochSecond());
        JsonObject g = new JsonObject();
        g.addProperty("grpid", nextGrpId++);
        g.addProperty("attrib", attrib);
        g.addProperty("date", date);
        g.addProperty("created", created);
        g.addProperty("modified", created);
        g.addProperty("category", 1);
        if (device == null) {
            g.add("deviceid", JsonNull.INSTANCE);
            g.add("hash_deviceid", JsonNull.INSTANCE);
        } else {
            g.addProperty("deviceid", device.deviceId());
            g.addProperty("hash_deviceid", device.deviceId());
        }
        g.add("measures", new JsonArray());
        if (device == null) {
            g.add("modelid", JsonNull.INSTANCE);
            g.add("model", JsonNull.INSTANCE);
        } else {
            g.addProperty("modelid", device.modelId());
            g.addProperty("model", device.model());
        }
        g.add("comment", JsonNull.INSTANCE);
        return g;
    }

    static void addMeasures(JsonObject group, List<SimMeasure> measures) {
        JsonArray array = group.getAsJsonArray("measures");
        for (SimMeasure m : measures) {
            JsonObject o = new JsonObject();
            o.addProperty("value", m.value());
            o.addProperty("type", m.type());
            o.addProperty("unit", m.unit());
            if (m.position() != null) {
                o.addProperty("position", m.position());
            }
            o.addProperty("algo", 3);
            o.addProperty("fm", 3);
            array.add(o);
        }
    }

    private static void add(UserData d, JsonObject group, Instant now) {
        if (group.get("date").getAsLong() <= now.getEpochSecond()) {
            d.measureGroups.add(group);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // additions (control API)

    synchronized JsonObject addMeasureGroup(long userid, Instant date, int attrib, List<SimMeasure> measures,
            Instant now) {
        UserData d = user(userid);
        Device device = d.devices.isEmpty() || attrib == 2 ? null : d.device(0);
        if (device != null && measures.stream().allMatch(m -> m.type() == 71 || m.type() == 73 || m.type() == 12)) {
            device = d.devices.stream().filter(x -> x.type().contains("Thermometer")).findFirst().orElse(device);
        }
        JsonObject g = group(date.getEpochSecond(), attrib, device, now);
        g.addProperty("created", now.getEpochSecond());
        g.addProperty("modified", now.getEpochSecond());
        addMeasures(g, measures);
        d.measureGroups.add(g);
        d.lastSessionDate = Math.max(d.lastSessionDate, now.getEpochSecond());
        SimMeasure afib = measures.stream().filter(m -> m.type() == 130).findFirst().orElse(null);
        if (afib != null && device != null) {
            // an ECG also appears in the heart list
            int sys = (int) valueOf(measures, 10, 120);
            int dia = (int) valueOf(measures, 9, 80);
            int pulse = (int) valueOf(measures, 11, 70);
            JsonObject entry = new JsonObject();
            entry.addProperty("deviceid", device.deviceId());
            entry.addProperty("model", device.modelId());
            JsonObject ecg = new JsonObject();
            ecg.addProperty("signalid", nextSignalId++);
            ecg.addProperty("afib", afib.value());
            entry.add("ecg", ecg);
            JsonObject bp = new JsonObject();
            bp.addProperty("diastole", dia);
            bp.addProperty("systole", sys);
            entry.add("bloodpressure", bp);
            entry.addProperty("heart_rate", pulse);
            entry.addProperty("timestamp", date.getEpochSecond());
            entry.addProperty("timezone", TIMEZONE);
            d.heart.add(entry);
        }
        return g;
    }

    private static long valueOf(List<SimMeasure> measures, int type, long fallback) {
        return measures.stream().filter(m -> m.type() == type).mapToLong(SimMeasure::value).findFirst()
                .orElse(fallback);
    }

    synchronized JsonObject addSleep(long userid, Instant bed, Instant rise, Instant now) {
        UserData d = user(userid);
        if (d.devices.isEmpty()) {
            throw new IllegalArgumentException("user " + userid + " has no device");
        }
        JsonObject s = summary(d, bed.getEpochSecond(), rise.getEpochSecond(), now.getEpochSecond());
        d.summaries.add(s);
        d.lastSessionDate = Math.max(d.lastSessionDate, now.getEpochSecond());
        return s;
    }

    synchronized JsonObject addActivity(long userid, LocalDate day, int steps, Instant now) {
        UserData d = user(userid);
        if (d.devices.isEmpty()) {
            throw new IllegalArgumentException("user " + userid + " has no device");
        }
        String ymd = day.toString();
        d.activities.removeIf(a -> ymd.equals(a.get("date").getAsString()));
        JsonObject a = activity(d, day, steps, now.getEpochSecond());
        d.activities.add(a);
        d.activities.sort(Comparator.comparing(x -> x.get("date").getAsString()));
        d.lastSessionDate = Math.max(d.lastSessionDate, now.getEpochSecond());
        return a;
    }

    synchronized JsonObject addWorkout(long userid, int category, Instant start, Instant end, Instant now) {
        UserData d = user(userid);
        if (d.devices.isEmpty()) {
            throw new IllegalArgumentException("user " + userid + " has no device");
        }
        JsonObject w = workout(d, category, start.getEpochSecond(), end.getEpochSecond(), now.getEpochSecond());
        d.workouts.add(w);
        d.lastSessionDate = Math.max(d.lastSessionDate, now.getEpochSecond());
        return w;
    }

    synchronized String firstDeviceId(long userid) {
        UserData d = user(userid);
        return d.devices.isEmpty() ? null : d.device(0).deviceId();
    }

    // ---------------------------------------------------------------------------------------------------------
    // queries

    private static Page page(List<JsonObject> all, int offset, int pageSize) {
        int from = Math.max(0, Math.min(offset, all.size()));
        int to = Math.min(all.size(), from + Math.max(1, pageSize));
        List<JsonObject> items = new ArrayList<>();
        for (JsonObject o : all.subList(from, to)) {
            items.add(o.deepCopy());
        }
        boolean more = to < all.size();
        return new Page(items, more, more ? to : 0);
    }

    private static Set<String> fields(String dataFields) {
        Set<String> set = new HashSet<>();
        if (dataFields != null) {
            for (String f : dataFields.split(",")) {
                if (!f.isBlank()) {
                    set.add(f.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return set;
    }

    /** getmeas: meastype(s), category, startdate/enddate or lastupdate, offset; newest first. */
    synchronized Page measures(long userid, Set<Integer> types, Integer category, Long start, Long end,
            Long lastupdate, int offset, int pageSize) {
        List<JsonObject> result = new ArrayList<>();
        for (JsonObject g : user(userid).measureGroups) {
            long date = g.get("date").getAsLong();
            if ((category != null && g.get("category").getAsInt() != category)
                    || (lastupdate != null && g.get("modified").getAsLong() < lastupdate)
                    || (start != null && date < start) || (end != null && date > end)) {
                continue;
            }
            JsonObject copy = g.deepCopy();
            if (!types.isEmpty()) {
                JsonArray kept = new JsonArray();
                for (JsonElement m : g.getAsJsonArray("measures")) {
                    if (types.contains(m.getAsJsonObject().get("type").getAsInt())) {
                        kept.add(m.deepCopy());
                    }
                }
                if (kept.isEmpty()) {
                    continue;
                }
                copy.add("measures", kept);
            }
            result.add(copy);
        }
        result.sort(Comparator.<JsonObject> comparingLong(g -> g.get("date").getAsLong()).reversed()
                .thenComparing(g -> g.get("grpid").getAsLong()));
        return page(result, offset, pageSize);
    }

    private static Predicate<JsonObject> window(String startYmd, String endYmd, Long lastupdate) {
        return o -> {
            String date = o.get("date").getAsString();
            if (lastupdate != null) {
                return o.get("modified").getAsLong() >= lastupdate;
            }
            return (startYmd == null || date.compareTo(startYmd) >= 0)
                    && (endYmd == null || date.compareTo(endYmd) <= 0);
        };
    }

    /** getactivity: ymd range or lastupdate, data_fields (all when absent), offset; oldest first. */
    synchronized Page activities(long userid, String startYmd, String endYmd, Long lastupdate, String dataFields,
            int offset, int pageSize) {
        Set<String> wanted = fields(dataFields);
        Set<String> meta = Set.of("deviceid", "hash_deviceid", "timezone", "date", "modified", "brand", "modelid",
                "model", "is_tracker");
        List<JsonObject> result = new ArrayList<>();
        for (JsonObject a : user(userid).activities) {
            if (window(startYmd, endYmd, lastupdate).test(a)) {
                JsonObject copy = new JsonObject();
                for (Map.Entry<String, JsonElement> e : a.entrySet()) {
                    if (wanted.isEmpty() || wanted.contains(e.getKey()) || meta.contains(e.getKey())) {
                        copy.add(e.getKey(), e.getValue().deepCopy());
                    }
                }
                result.add(copy);
            }
        }
        return page(result, offset, pageSize);
    }

    /** getworkouts: ymd range or lastupdate, data_fields inside {@code data} (all when absent), offset. */
    synchronized Page workouts(long userid, String startYmd, String endYmd, Long lastupdate, String dataFields,
            int offset, int pageSize) {
        return filteredPage(user(userid).workouts, Comparator.comparingLong(w -> w.get("startdate").getAsLong()),
                window(startYmd, endYmd, lastupdate), fields(dataFields), Set.of(), offset, pageSize);
    }

    /** sleep getsummary: ymd range or lastupdate, data_fields (durations and counts only when absent), offset. */
    synchronized Page summaries(long userid, String startYmd, String endYmd, Long lastupdate, String dataFields,
            int offset, int pageSize) {
        return filteredPage(user(userid).summaries,
                Comparator.<JsonObject> comparingLong(s -> s.get("enddate").getAsLong()).reversed(),
                window(startYmd, endYmd, lastupdate), fields(dataFields), SUMMARY_BASE_FIELDS, offset, pageSize);
    }

    /** The items in the window, in that order, with their {@code data} filtered; one page of them. */
    private Page filteredPage(List<JsonObject> items, Comparator<JsonObject> order, Predicate<JsonObject> inWindow,
            Set<String> wanted, Set<String> defaults, int offset, int pageSize) {
        List<JsonObject> result = new ArrayList<>();
        List<JsonObject> sorted = new ArrayList<>(items);
        sorted.sort(order);
        for (JsonObject item : sorted) {
            if (inWindow.test(item)) {
                result.add(filterData(item, wanted, defaults));
            }
        }
        return page(result, offset, pageSize);
    }

    private static JsonObject filterData(JsonObject item, Set<String> wanted, Set<String> defaults) {
        JsonObject copy = item.deepCopy();
        JsonObject data = new JsonObject();
        for (Map.Entry<String, JsonElement> e : item.getAsJsonObject("data").entrySet()) {
            boolean keep = wanted.isEmpty() ? defaults.isEmpty() || defaults.contains(e.getKey())
                    : wanted.contains(e.getKey());
            if (keep) {
                data.add(e.getKey(), e.getValue().deepCopy());
            }
        }
        copy.add("data", data);
        return copy;
    }

    /** heart list: startdate/enddate on the timestamp, offset; newest first. */
    synchronized Page heart(long userid, Long start, Long end, int offset, int pageSize) {
        List<JsonObject> result = new ArrayList<>();
        for (JsonObject h : user(userid).heart) {
            long t = h.get("timestamp").getAsLong();
            if ((start == null || t >= start) && (end == null || t <= end)) {
                result.add(h);
            }
        }
        result.sort(Comparator.<JsonObject> comparingLong(h -> h.get("timestamp").getAsLong()).reversed());
        return page(result, offset, pageSize);
    }

    /** sleep get: per-minute-ish states of the nights overlapping the window (≤ 24 h), data_fields hr/rr/snoring. */
    synchronized JsonArray sleepStates(long userid, long start, long end, String dataFields) {
        Set<String> wanted = fields(dataFields);
        JsonArray series = new JsonArray();
        for (JsonObject s : user(userid).summaries) {
            long bed = s.get("startdate").getAsLong();
            long rise = s.get("enddate").getAsLong();
            if (rise < start || bed > end) {
                continue;
            }
            Random r = new Random(seed + s.get("id").getAsLong());
            int[] cycle = { 1, 2, 1, 3, 0 };
            long t = bed;
            int i = 0;
            while (t < rise) {
                long next = Math.min(rise, t + 1200 + r.nextInt(1800));
                JsonObject o = new JsonObject();
                o.addProperty("startdate", t);
                o.addProperty("enddate", next);
                o.addProperty("state", cycle[i++ % cycle.length]);
                o.addProperty("model", "Sleep Analyzer");
                o.addProperty("model_id", 63);
                o.addProperty("hash_deviceid", s.get("hash_deviceid").getAsString());
                for (String field : new String[] { "hr", "rr", "snoring" }) {
                    if (wanted.contains(field)) {
                        JsonObject values = new JsonObject();
                        for (long m = t; m < next; m += 600) {
                            int v = switch (field) {
                                case "hr" -> 50 + r.nextInt(15);
                                case "rr" -> 12 + r.nextInt(5);
                                default -> r.nextInt(3) == 0 ? 60 : 0;
                            };
                            values.addProperty(Long.toString(m), v);
                        }
                        o.add(field, values);
                    }
                }
                series.add(o);
                t = next;
            }
        }
        return series;
    }

    /** getintradayactivity: 10-minute steps/heart rate buckets of the watch user in the window (≤ 24 h). */
    synchronized JsonObject intraday(long userid, long start, long end, String dataFields) {
        UserData d = user(userid);
        JsonObject series = new JsonObject();
        if (d.user.kind() != SimUser.Kind.WATCH) {
            return series;
        }
        Set<String> wanted = fields(dataFields);
        long from = start - Math.floorMod(start, 600);
        for (long t = from; t <= end; t += 600) {
            if (t < start) {
                continue;
            }
            Random r = new Random(seed ^ t);
            JsonObject o = new JsonObject();
            o.addProperty("deviceid", d.device(0).deviceId());
            o.addProperty("model", d.device(0).model());
            o.addProperty("model_id", d.device(0).modelId());
            if (wanted.isEmpty() || wanted.contains("steps")) {
                o.addProperty("steps", r.nextInt(4) == 0 ? r.nextInt(900) : 0);
            }
            if (wanted.isEmpty() || wanted.contains("heart_rate")) {
                o.addProperty("heart_rate", 55 + r.nextInt(40));
            }
            if (wanted.contains("spo2_auto")) {
                o.addProperty("spo2_auto", 94 + r.nextInt(5));
            }
            series.add(Long.toString(t), o);
        }
        return series;
    }

    synchronized JsonArray devices(long userid, long now) {
        UserData d = user(userid);
        JsonArray array = new JsonArray();
        int i = 0;
        for (Device dev : d.devices) {
            JsonObject o = new JsonObject();
            o.addProperty("type", dev.type());
            o.addProperty("battery", i++ == 0 ? "high" : "medium");
            o.addProperty("model", dev.model());
            o.addProperty("model_id", dev.modelId());
            o.addProperty("timezone", TIMEZONE);
            o.addProperty("first_session_date", now - 200L * 86400);
            o.addProperty("last_session_date", d.lastSessionDate);
            o.addProperty("deviceid", dev.deviceId());
            o.addProperty("hash_deviceid", dev.deviceId());
            array.add(o);
        }
        return array;
    }

    synchronized JsonElement goals(long userid) {
        return user(userid).goals.deepCopy();
    }

    /** For the control API: counts per data type. */
    synchronized Map<String, Integer> counts(long userid) {
        UserData d = user(userid);
        Map<String, Integer> map = new HashMap<>();
        map.put("measuregrps", d.measureGroups.size());
        map.put("activities", d.activities.size());
        map.put("workouts", d.workouts.size());
        map.put("sleepSummaries", d.summaries.size());
        map.put("heart", d.heart.size());
        return map;
    }

    static JsonPrimitive str(String s) {
        return new JsonPrimitive(s);
    }
}
