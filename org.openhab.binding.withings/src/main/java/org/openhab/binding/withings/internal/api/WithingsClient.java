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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.dto.Activity;
import org.openhab.binding.withings.internal.dto.ActivityBody;
import org.openhab.binding.withings.internal.dto.Device;
import org.openhab.binding.withings.internal.dto.DeviceBody;
import org.openhab.binding.withings.internal.dto.Goals;
import org.openhab.binding.withings.internal.dto.HeartBody;
import org.openhab.binding.withings.internal.dto.HeartSeries;
import org.openhab.binding.withings.internal.dto.IntradayBody;
import org.openhab.binding.withings.internal.dto.IntradayData;
import org.openhab.binding.withings.internal.dto.MeasureBody;
import org.openhab.binding.withings.internal.dto.MeasureGroup;
import org.openhab.binding.withings.internal.dto.NotifyListBody;
import org.openhab.binding.withings.internal.dto.NotifyProfile;
import org.openhab.binding.withings.internal.dto.SleepBody;
import org.openhab.binding.withings.internal.dto.SleepSeries;
import org.openhab.binding.withings.internal.dto.SleepSummary;
import org.openhab.binding.withings.internal.dto.SleepSummaryBody;
import org.openhab.binding.withings.internal.dto.Workout;
import org.openhab.binding.withings.internal.dto.WorkoutBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonElement;

/**
 * The Withings public API client of one bridge, shared by all its users: every data endpoint as a typed method
 * taking the user's {@link TokenProvider} first. Every request goes through the bridge's
 * {@link WithingsRateLimiter} and the {@link WithingsHttpTransport}; answers are decided on the JSON
 * {@code status} only; paging is followed to the end (bounded by {@link WithingsApiConfig#maxPages()}); date
 * windows longer than an endpoint allows are split. A status of the auth family triggers one forced token
 * refresh and one retry. The client has no thread of its own: callers schedule.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class WithingsClient {

    public static final String PATH_MEASURE = "/measure";
    public static final String PATH_MEASURE_V2 = "/v2/measure";
    public static final String PATH_SLEEP_V2 = "/v2/sleep";
    public static final String PATH_USER_V2 = "/v2/user";
    public static final String PATH_HEART_V2 = "/v2/heart";
    public static final String PATH_NOTIFY = "/notify";

    /** data_fields of getactivity: every documented field. */
    public static final String ACTIVITY_FIELDS = "steps,distance,elevation,soft,moderate,intense,active,calories,"
            + "totalcalories,hr_average,hr_min,hr_max,hr_zone_0,hr_zone_1,hr_zone_2,hr_zone_3";
    /** data_fields of getworkouts: every documented field. */
    public static final String WORKOUT_FIELDS = "calories,intensity,manual_distance,manual_calories,"
            + "manual_intensity,hr_average,hr_min,hr_max,hr_zone_0,hr_zone_1,hr_zone_2,hr_zone_3,pause_duration,"
            + "algo_pause_duration,spo2_average,steps,distance,elevation,pool_laps,strokes,pool_length";
    /** data_fields of sleep getsummary: every documented field (without it, HR, RR, score and snoring are missing). */
    public static final String SLEEP_SUMMARY_FIELDS = "total_timeinbed,total_sleep_time,asleepduration,"
            + "lightsleepduration,deepsleepduration,remsleepduration,sleep_latency,wakeup_latency,wakeupduration,"
            + "waso,snoring,mvt_active_duration,breathing_sounds,wakeupcount,nb_rem_episodes,out_of_bed_count,"
            + "snoringepisodecount,breathing_sounds_episode_count,hr_average,hr_min,hr_max,rr_average,rr_min,"
            + "rr_max,sleep_efficiency,sleep_score,breathing_disturbances_intensity,withings_index,"
            + "apnea_hypopnea_index,core_body_temperature_min,core_body_temperature_max,"
            + "core_body_temperature_avg,core_body_temperature_status,night_events,mvt_score_avg,rmssd,sdnn_1,"
            + "hrv_quality,skin_temperature";
    /** data_fields of getintradayactivity. */
    public static final String INTRADAY_FIELDS = "steps,elevation,calories,distance,stroke,pool_lap,duration,"
            + "heart_rate,spo2_auto";
    /** data_fields of sleep get. */
    public static final String SLEEP_FIELDS = "hr,rr,snoring,sdnn_1,rmssd,mvt_score";

    /** Longest window of getintradayactivity and sleep get. */
    public static final Duration MAX_INTRADAY_WINDOW = Duration.ofHours(24);
    /** Longest window (local days, inclusive) of sleep getsummary. */
    public static final int MAX_SUMMARY_DAYS = 7;

    private static final DateTimeFormatter YMD = DateTimeFormatter.ISO_LOCAL_DATE;

    private final Logger logger = LoggerFactory.getLogger(WithingsClient.class);
    private final WithingsCalls calls;
    private final WithingsApiConfig config;
    private final WithingsRateLimiter rateLimiter;

    public WithingsClient(WithingsHttpTransport transport, WithingsApiConfig config, WithingsRateLimiter rateLimiter) {
        this.calls = new WithingsCalls(transport, config, rateLimiter);
        this.config = config;
        this.rateLimiter = rateLimiter;
    }

    /** @return the configuration of this client */
    public WithingsApiConfig getConfig() {
        return config;
    }

    /** @return the bridge's rate limiter */
    public WithingsRateLimiter getRateLimiter() {
        return rateLimiter;
    }

    /**
     * {@code measure getmeas}, following {@code more}/{@code offset} to the end.
     */
    public MeasureResult getMeasures(TokenProvider tp, MeasureQuery query) throws WithingsApiException {
        Map<String, String> params = new LinkedHashMap<>();
        String types = query.typesParameter();
        if (types != null) {
            params.put("meastypes", types);
        }
        Integer category = query.category();
        if (category != null) {
            params.put("category", category.toString());
        }
        putEpoch(params, "startdate", query.startDate());
        putEpoch(params, "enddate", query.endDate());
        putEpoch(params, "lastupdate", query.lastUpdate());
        WithingsCalls.Pages<MeasureBody> pages = calls.paged(tp, PATH_MEASURE, "getmeas", params, MeasureBody.class, b -> b.more,
                b -> b.offset);
        List<MeasureGroup> groups = new ArrayList<>();
        Long updateTime = null;
        String timezone = null;
        for (MeasureBody body : pages.bodies()) {
            if (updateTime == null) {
                updateTime = body.updatetime;
            }
            if (timezone == null) {
                timezone = body.timezone;
            }
            addAll(groups, body.measuregrps);
        }
        return new MeasureResult(groups, updateTime, timezone, pages.complete());
    }

    /**
     * {@code v2/measure getactivity} with every data field, following paging to the end.
     */
    public List<Activity> getActivity(TokenProvider tp, DateQuery query) throws WithingsApiException {
        Map<String, String> params = dateParams(query.startDate(), query.endDate(), query.lastUpdate());
        params.put("data_fields", ACTIVITY_FIELDS);
        List<Activity> result = new ArrayList<>();
        for (ActivityBody body : calls.paged(tp, PATH_MEASURE_V2, "getactivity", params, ActivityBody.class, b -> b.more,
                b -> b.offset).bodies()) {
            addAll(result, body.activities);
        }
        return result;
    }

    /**
     * {@code v2/measure getworkouts} with every data field, following paging to the end.
     */
    public List<Workout> getWorkouts(TokenProvider tp, DateQuery query) throws WithingsApiException {
        Map<String, String> params = dateParams(query.startDate(), query.endDate(), query.lastUpdate());
        params.put("data_fields", WORKOUT_FIELDS);
        List<Workout> result = new ArrayList<>();
        for (WorkoutBody body : calls.paged(tp, PATH_MEASURE_V2, "getworkouts", params, WorkoutBody.class, b -> b.more,
                b -> b.offset).bodies()) {
            addAll(result, body.series);
        }
        return result;
    }

    /**
     * {@code v2/measure getintradayactivity} over [start, end), split into calls of at most 24 h.
     *
     * @return epoch (unix seconds) to values, merged over all calls
     */
    public SortedMap<Long, IntradayData> getIntradayActivity(TokenProvider tp, Instant start, Instant end)
            throws WithingsApiException {
        SortedMap<Long, IntradayData> result = new TreeMap<>();
        for (Instant[] window : splitWindow(start, end, MAX_INTRADAY_WINDOW)) {
            Map<String, String> params = new LinkedHashMap<>();
            putEpoch(params, "startdate", window[0]);
            putEpoch(params, "enddate", window[1]);
            params.put("data_fields", INTRADAY_FIELDS);
            IntradayBody body = calls.parse(calls.call(tp, PATH_MEASURE_V2, "getintradayactivity", params), IntradayBody.class,
                    "getintradayactivity");
            Map<String, IntradayData> series = body.series;
            if (series != null) {
                series.forEach((epoch, data) -> {
                    try {
                        result.put(Long.parseLong(epoch), data);
                    } catch (NumberFormatException e) {
                        logger.debug("Skipping intraday entry with a non-numeric time");
                    }
                });
            }
        }
        return result;
    }

    /**
     * {@code v2/sleep getsummary} with every data field; a day range longer than 7 days is split into windows of
     * at most 7 days; paging is followed in each.
     */
    public List<SleepSummary> getSleepSummaries(TokenProvider tp, DateQuery query) throws WithingsApiException {
        List<SleepSummary> result = new ArrayList<>();
        LocalDate start = query.startDate();
        LocalDate end = query.endDate();
        if (start == null || end == null) {
            Map<String, String> params = dateParams(null, null, query.lastUpdate());
            params.put("data_fields", SLEEP_SUMMARY_FIELDS);
            collectSummaries(tp, params, result);
            return result;
        }
        LocalDate from = start;
        while (!from.isAfter(end)) {
            LocalDate to = from.plusDays(MAX_SUMMARY_DAYS - 1);
            if (to.isAfter(end)) {
                to = end;
            }
            Map<String, String> params = dateParams(from, to, null);
            params.put("data_fields", SLEEP_SUMMARY_FIELDS);
            collectSummaries(tp, params, result);
            from = to.plusDays(1);
        }
        return result;
    }

    private void collectSummaries(TokenProvider tp, Map<String, String> params, List<SleepSummary> result)
            throws WithingsApiException {
        for (SleepSummaryBody body : calls.paged(tp, PATH_SLEEP_V2, "getsummary", params, SleepSummaryBody.class,
                b -> b.more, b -> b.offset).bodies()) {
            addAll(result, body.series);
        }
    }

    /**
     * {@code v2/sleep get} over [start, end), split into calls of at most 24 h.
     */
    public List<SleepSeries> getSleep(TokenProvider tp, Instant start, Instant end) throws WithingsApiException {
        List<SleepSeries> result = new ArrayList<>();
        for (Instant[] window : splitWindow(start, end, MAX_INTRADAY_WINDOW)) {
            Map<String, String> params = new LinkedHashMap<>();
            putEpoch(params, "startdate", window[0]);
            putEpoch(params, "enddate", window[1]);
            params.put("data_fields", SLEEP_FIELDS);
            SleepBody body = calls.parse(calls.call(tp, PATH_SLEEP_V2, "get", params), SleepBody.class, "sleep get");
            addAll(result, body.series);
        }
        return result;
    }

    /** {@code v2/user getdevice}. */
    public List<Device> getDevices(TokenProvider tp) throws WithingsApiException {
        DeviceBody body = calls.parse(calls.call(tp, PATH_USER_V2, "getdevice", Map.of()), DeviceBody.class, "getdevice");
        List<Device> result = new ArrayList<>();
        addAll(result, body.devices);
        return result;
    }

    /**
     * {@code v2/user getgoals}.
     *
     * @return the goals, or empty when none are set ({@code "goals": []})
     */
    public Optional<Goals> getGoals(TokenProvider tp) throws WithingsApiException {
        JsonElement body = calls.call(tp, PATH_USER_V2, "getgoals", Map.of());
        if (!body.isJsonObject()) {
            return Optional.empty();
        }
        JsonElement goals = body.getAsJsonObject().get("goals");
        if (goals == null || !goals.isJsonObject()) {
            return Optional.empty();
        }
        return Optional.of(calls.parse(goals, Goals.class, "getgoals"));
    }

    /**
     * {@code v2/heart list}, following paging to the end.
     *
     * @param start window start or null
     * @param end window end or null
     */
    public List<HeartSeries> getHeartList(TokenProvider tp, @Nullable Instant start, @Nullable Instant end)
            throws WithingsApiException {
        Map<String, String> params = new LinkedHashMap<>();
        putEpoch(params, "startdate", start);
        putEpoch(params, "enddate", end);
        List<HeartSeries> result = new ArrayList<>();
        for (HeartBody body : calls.paged(tp, PATH_HEART_V2, "list", params, HeartBody.class, b -> b.more, b -> b.offset)
                .bodies()) {
            addAll(result, body.series);
        }
        return result;
    }

    /**
     * {@code notify subscribe}. Withings probes the URL with HEAD first; 293/294 (a
     * invalid parameters family) mean that it could not validate it.
     */
    public void notifySubscribe(TokenProvider tp, String callbackUrl, int appli, @Nullable String comment)
            throws WithingsApiException {
        Map<String, String> params = notifyParams(callbackUrl, appli);
        if (comment != null) {
            params.put("comment", comment);
        }
        calls.call(tp, PATH_NOTIFY, "subscribe", params);
    }

    /**
     * {@code notify list}.
     *
     * @param appli restrict to this appli, or null for all
     */
    public List<NotifyProfile> notifyList(TokenProvider tp, @Nullable Integer appli) throws WithingsApiException {
        Map<String, String> params = new LinkedHashMap<>();
        if (appli != null) {
            params.put("appli", appli.toString());
        }
        NotifyListBody body = calls.parse(calls.call(tp, PATH_NOTIFY, "list", params), NotifyListBody.class, "notify list");
        List<NotifyProfile> result = new ArrayList<>();
        addAll(result, body.profiles);
        return result;
    }

    /**
     * {@code notify revoke}.
     */
    public void notifyRevoke(TokenProvider tp, String callbackUrl, int appli) throws WithingsApiException {
        calls.call(tp, PATH_NOTIFY, "revoke", notifyParams(callbackUrl, appli));
    }

    /**
     * Splits [start, end) into consecutive windows of at most {@code max}.
     *
     * @return the windows as {start, end} pairs; empty if end is not after start
     */
    static List<Instant[]> splitWindow(Instant start, Instant end, Duration max) {
        List<Instant[]> windows = new ArrayList<>();
        Instant from = start;
        while (from.isBefore(end)) {
            Instant to = from.plus(max);
            if (to.isAfter(end)) {
                to = end;
            }
            windows.add(new Instant[] { from, to });
            from = to;
        }
        return windows;
    }

    private static Map<String, String> dateParams(@Nullable LocalDate start, @Nullable LocalDate end,
            @Nullable Instant lastUpdate) {
        Map<String, String> params = new LinkedHashMap<>();
        if (start != null) {
            params.put("startdateymd", YMD.format(start));
        }
        if (end != null) {
            params.put("enddateymd", YMD.format(end));
        }
        putEpoch(params, "lastupdate", lastUpdate);
        return params;
    }

    private static Map<String, String> notifyParams(String callbackUrl, int appli) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("callbackurl", callbackUrl);
        params.put("appli", Integer.toString(appli));
        return params;
    }

    private static void putEpoch(Map<String, String> params, String name, @Nullable Instant instant) {
        if (instant != null) {
            params.put(name, Long.toString(instant.getEpochSecond()));
        }
    }

    private static <T> void addAll(List<T> target, @Nullable List<T> source) {
        if (source != null) {
            for (T item : source) {
                if (item != null) {
                    target.add(item);
                }
            }
        }
    }
}
