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
import java.util.function.Function;
import java.util.regex.Pattern;

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

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

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
            + "core_body_temperature_avg,core_body_temperature_status,night_events";
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
    private static final Pattern WEBHOOK_SECRET_IN_TEXT = Pattern.compile("(/withings/webhook/)[^\\s&?#\"']+");

    private final Logger logger = LoggerFactory.getLogger(WithingsClient.class);
    private final Gson gson = new Gson();
    private final WithingsHttpTransport transport;
    private final WithingsApiConfig config;
    private final WithingsRateLimiter rateLimiter;

    public WithingsClient(WithingsHttpTransport transport, WithingsApiConfig config, WithingsRateLimiter rateLimiter) {
        this.transport = transport;
        this.config = config;
        this.rateLimiter = rateLimiter;
    }

    /**
     * @return the configuration of this client
     */
    public WithingsApiConfig getConfig() {
        return config;
    }

    /**
     * @return the bridge's rate limiter
     */
    public WithingsRateLimiter getRateLimiter() {
        return rateLimiter;
    }

    // ---------------------------------------------------------------- measure

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
        Pages<MeasureBody> pages = paged(tp, PATH_MEASURE, "getmeas", params, MeasureBody.class, b -> b.more,
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
        for (ActivityBody body : paged(tp, PATH_MEASURE_V2, "getactivity", params, ActivityBody.class, b -> b.more,
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
        for (WorkoutBody body : paged(tp, PATH_MEASURE_V2, "getworkouts", params, WorkoutBody.class, b -> b.more,
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
            IntradayBody body = parse(call(tp, PATH_MEASURE_V2, "getintradayactivity", params), IntradayBody.class,
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
        for (SleepSummaryBody body : paged(tp, PATH_SLEEP_V2, "getsummary", params, SleepSummaryBody.class,
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
            SleepBody body = parse(call(tp, PATH_SLEEP_V2, "get", params), SleepBody.class, "sleep get");
            addAll(result, body.series);
        }
        return result;
    }

    // ---------------------------------------------------------------- user

    /**
     * {@code v2/user getdevice}.
     */
    public List<Device> getDevices(TokenProvider tp) throws WithingsApiException {
        DeviceBody body = parse(call(tp, PATH_USER_V2, "getdevice", Map.of()), DeviceBody.class, "getdevice");
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
        JsonElement body = call(tp, PATH_USER_V2, "getgoals", Map.of());
        if (!body.isJsonObject()) {
            return Optional.empty();
        }
        JsonElement goals = body.getAsJsonObject().get("goals");
        if (goals == null || !goals.isJsonObject()) {
            return Optional.empty();
        }
        return Optional.of(parse(goals, Goals.class, "getgoals"));
    }

    // ---------------------------------------------------------------- heart

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
        for (HeartBody body : paged(tp, PATH_HEART_V2, "list", params, HeartBody.class, b -> b.more, b -> b.offset)
                .bodies()) {
            addAll(result, body.series);
        }
        return result;
    }

    // ---------------------------------------------------------------- notify

    /**
     * {@code notify subscribe}. Withings probes the URL with HEAD first; 293/294 (a
     * {@link WithingsInvalidParamsException}) mean that it could not validate it.
     */
    public void notifySubscribe(TokenProvider tp, String callbackUrl, int appli, @Nullable String comment)
            throws WithingsApiException {
        Map<String, String> params = notifyParams(callbackUrl, appli);
        if (comment != null) {
            params.put("comment", comment);
        }
        call(tp, PATH_NOTIFY, "subscribe", params);
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
        NotifyListBody body = parse(call(tp, PATH_NOTIFY, "list", params), NotifyListBody.class, "notify list");
        List<NotifyProfile> result = new ArrayList<>();
        addAll(result, body.profiles);
        return result;
    }


    /**
     * {@code notify revoke}.
     */
    public void notifyRevoke(TokenProvider tp, String callbackUrl, int appli) throws WithingsApiException {
        call(tp, PATH_NOTIFY, "revoke", notifyParams(callbackUrl, appli));
    }


    // ---------------------------------------------------------------- core

    /**
     * Sends one request through the rate limiter and returns the {@code body} of a status-0 answer. A status of
     * the auth family refreshes the token once and retries once; 601 pauses the rate limiter.
     *
     * @param tp the user's tokens
     * @param path the service path, e.g. {@link #PATH_MEASURE}
     * @param action the action
     * @param params further form fields
     * @return the body (an empty object when the answer had none)
     * @throws WithingsApiException typed by status family
     */
    public JsonElement call(TokenProvider tp, String path, String action, Map<String, String> params)
            throws WithingsApiException {
        String what = path + " " + action;
        Map<String, String> form = new LinkedHashMap<>();
        form.put("action", action);
        form.putAll(params);
        String token = tp.accessToken();
        boolean refreshed = false;
        while (true) {
            rateLimiter.acquire();
            HttpResult result = transport.post(config.apiUri(path), form, token, config.requestTimeout());
            JsonObject envelope = envelope(result, what);
            int status = envelope.get("status").getAsInt();
            if (status == 0) {
                JsonElement body = envelope.get("body");
                return body == null || body.isJsonNull() ? new JsonObject() : body;
            }
            StatusFamily family = StatusFamily.of(status);
            if (logger.isDebugEnabled()) {
                logger.debug("{} answered status {} ({}): {}", what, status, family, errorText(envelope, token));
            }
            if (family == StatusFamily.TOO_MANY_REQUESTS) {
                rateLimiter.pause();
                throw new WithingsRateLimitException(status, what + ": Withings status " + status
                        + " (too many requests)", rateLimiter.getCoolDown());
            }
            if (family == StatusFamily.AUTH_FAILED && !refreshed) {
                refreshed = true;
                token = tp.refreshedAccessToken();
                continue;
            }
            throw WithingsApiException.forStatus(status, what);
        }
    }

    private JsonObject envelope(HttpResult result, String what) throws WithingsCommunicationException {
        String body = result.body();
        if (body.isBlank()) {
            throw new WithingsCommunicationException(what + ": empty answer (HTTP " + result.httpStatus() + ")");
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(body);
        } catch (JsonParseException | IllegalStateException e) {
            throw new WithingsCommunicationException(what + ": answer is not JSON (HTTP " + result.httpStatus()
                    + ", " + shortContentType(result.contentType()) + ")");
        }
        if (root.isJsonObject()) {
            JsonElement status = root.getAsJsonObject().get("status");
            if (status instanceof JsonPrimitive primitive && primitive.isNumber()) {
                try {
                    int value = primitive.getAsInt();
                    if (value == primitive.getAsDouble()) {
                        return root.getAsJsonObject();
                    }
                } catch (NumberFormatException e) {
                    // fall through
                }
            }
        }
        throw new WithingsCommunicationException(
                what + ": answer without Withings status (HTTP " + result.httpStatus() + ")");
    }

    private static String shortContentType(@Nullable String contentType) {
        if (contentType == null) {
            return "no content type";
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.length() > 60 ? type.substring(0, 60) : type;
    }

    private static String errorText(JsonObject envelope, String token) {
        JsonElement error = envelope.get("error");
        if (error == null || !error.isJsonPrimitive()) {
            return "-";
        }
        String text = error.getAsString();
        if (!token.isEmpty()) {
            text = text.replace(token, "***");
        }
        // an echoed callback URL would carry the webhook secret
        text = WEBHOOK_SECRET_IN_TEXT.matcher(text).replaceAll("$1***");
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    private <T> T parse(JsonElement element, Class<T> type, String what) throws WithingsCommunicationException {
        try {
            T value = gson.fromJson(element, type);
            if (value == null) {
                throw new WithingsCommunicationException(what + ": empty body");
            }
            return value;
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new WithingsCommunicationException(what + ": unexpected body structure");
        }
    }

    /** The bodies of all pages read, and whether the last page said there is no more. */
    private record Pages<B>(List<B> bodies, boolean complete) {
    }

    private <B> Pages<B> paged(TokenProvider tp, String path, String action, Map<String, String> params,
            Class<B> bodyType, Function<B, @Nullable Boolean> more, Function<B, @Nullable Integer> nextOffset)
            throws WithingsApiException {
        List<B> bodies = new ArrayList<>();
        Map<String, String> pageParams = new LinkedHashMap<>(params);
        int lastOffset = 0;
        for (int page = 1;; page++) {
            B body = parse(call(tp, path, action, pageParams), bodyType, path + " " + action);
            bodies.add(body);
            Boolean hasMore = more.apply(body);
            if (hasMore == null || !hasMore) {
                return new Pages<>(bodies, true);
            }
            Integer offset = nextOffset.apply(body);
            if (offset == null || offset <= lastOffset) {
                logger.debug("{} {}: 'more' without a usable offset, paging stopped after {} pages", path, action,
                        page);
                return new Pages<>(bodies, false);
            }
            if (page >= config.maxPages()) {
                logger.debug("{} {}: page limit of {} reached, the rest is fetched later", path, action,
                        config.maxPages());
                return new Pages<>(bodies, false);
            }
            lastOffset = offset;
            pageParams.put("offset", offset.toString());
        }
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
