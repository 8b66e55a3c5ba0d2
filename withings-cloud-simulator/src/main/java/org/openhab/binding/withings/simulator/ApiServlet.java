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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The Withings API paths: {@code /v2/oauth2}, {@code /measure}, {@code /v2/measure}, {@code /v2/sleep},
 * {@code /v2/user}, {@code /v2/heart}, {@code /notify}. Answers HTTP 200 with a {@code {status, body}} envelope
 * (errors included), records every request and applies injected faults.
 *
 * @author Withings binding contributors - Initial contribution
 */
final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Set<String> PATHS = Set.of("/v2/oauth2", "/measure", "/v2/measure", "/v2/sleep",
            "/v2/user", "/v2/heart", "/notify");

    static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private final transient Logger logger = Logger.getLogger(ApiServlet.class.getName());
    private final transient SimCore core;

    /** An answer before it is written. */
    record Answer(int httpStatus, String contentType, String body, int status, long userid) {

        static Answer ok(JsonObject body, long userid) {
            JsonObject env = new JsonObject();
            env.addProperty("status", 0);
            env.add("body", body);
            return new Answer(200, "application/json;charset=utf-8", GSON.toJson(env), 0, userid);
        }

        static Answer error(int status, String error, boolean withBody, long userid) {
            JsonObject env = new JsonObject();
            env.addProperty("status", status);
            if (withBody) {
                env.add("body", new JsonObject());
            }
            env.addProperty("error", error);
            return new Answer(200, "application/json;charset=utf-8", GSON.toJson(env), status, userid);
        }

        static Answer html(int httpStatus, String title) {
            String page = "<!DOCTYPE html><html><head><title>" + httpStatus + " " + title + "</title></head><body><h1>"
                    + httpStatus + " " + title + "</h1><p>The simulated Withings cloud is unavailable.</p></body></html>";
            return new Answer(httpStatus, "text/html;charset=utf-8", page, -1, 0);
        }
    }

    /** A request refused with a Withings status. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        Refusal(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    ApiServlet(SimCore core) {
        this.core = core;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Instant start = core.clock.instant();
        long t0 = System.nanoTime();
        String path = req.getRequestURI();
        if (!PATHS.contains(path)) {
            resp.sendError(404);
            return;
        }
        String action = req.getParameter("action");
        String token = bearer(req);
        FaultSpec fault = core.faults.take(path, action);
        Answer answer;
        if (fault != null && fault.kind() == FaultSpec.Kind.DELAY) {
            try {
                Thread.sleep(fault.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (fault == null || fault.kind() == FaultSpec.Kind.DELAY || fault.kind() == FaultSpec.Kind.TRUNCATED
                || fault.kind() == FaultSpec.Kind.DROP) {
            answer = answer(req, path, action, token);
        } else {
            long userid = core.tokens.peekUser(token);
            answer = switch (fault.kind()) {
                case STATUS -> Answer.error(fault.status(), "Simulated fault", true, userid);
                case INVALID_TOKEN -> Answer.error(401,
                        "XRequestID: Not provided invalid_token: The access token provided is invalid", true, userid);
                default -> Answer.html(fault.status(), "Service Unavailable");
            };
        }
        String body = answer.body();
        if (fault != null && fault.kind() == FaultSpec.Kind.TRUNCATED) {
            body = body.substring(0, Math.max(1, body.length() / 2));
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // recorded before the answer leaves, so a client that got its answer always finds its request recorded
        long ms = (System.nanoTime() - t0) / 1_000_000;
        core.log.add(new RecordedRequest(path, action, answer.userid(), answer.status(), answer.httpStatus(),
                fault == null ? null : fault.kind().name(), start, ms));
        if (fault != null && fault.kind() == FaultSpec.Kind.DROP) {
            // processed (tokens rotated, data read), but the answer is lost: close the connection instead; Jetty
            // treats the EofException as a quiet failure (debug only)
            org.eclipse.jetty.server.Request.getBaseRequest(req).getHttpChannel().getEndPoint().close();
            throw new org.eclipse.jetty.io.EofException("simulated lost answer");
        }
        resp.setStatus(answer.httpStatus());
        resp.setContentType(answer.contentType());
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    private static String bearer(HttpServletRequest req) {
        String header = req.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return req.getParameter("access_token");
    }

    private Answer answer(HttpServletRequest req, String path, String action, String token) {
        if ("/v2/oauth2".equals(path)) {
            return oauth(req, action);
        }
        if (!core.quota.tryAcquire()) {
            return Answer.error(601, "Too Many Requests: the application's request quota is exceeded", true,
                    core.tokens.peekUser(token));
        }
        TokenStore.Access access = core.tokens.use(token);
        if (access == null) {
            return Answer.error(401, "XRequestID: Not provided invalid_token: The access token provided is invalid",
                    true, core.tokens.peekUser(token));
        }
        long userid = access.userid;
        try {
            JsonObject body = switch (path) {
                case "/measure" -> measure(req, action, access);
                case "/v2/measure" -> v2measure(req, action, access);
                case "/v2/sleep" -> sleep(req, action, access);
                case "/v2/user" -> user(action, access);
                case "/v2/heart" -> heart(req, action, access);
                default -> notify(req, action, access);
            };
            return Answer.ok(body, userid);
        } catch (Refusal r) {
            logger.fine(() -> "refused " + path + " " + action + " with status " + r.status);
            return Answer.error(r.status, r.getMessage(), true, userid);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // OAuth token endpoint

    private Answer oauth(HttpServletRequest req, String action) {
        String clientId = req.getParameter("client_id");
        String clientSecret = req.getParameter("client_secret");
        String header = req.getHeader("Authorization");
        if (clientId == null && header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            // HTTP Basic client authentication, as some OAuth clients send it
            try {
                String decoded = new String(java.util.Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    clientId = java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                    clientSecret = java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException e) {
                logger.fine("unreadable Basic authorization header");
            }
        }
        boolean clientOk = core.options.clientId().equals(clientId) && core.options.clientSecret().equals(clientSecret);
        if ("revoke".equals(action)) {
            long userid = parseLong(req.getParameter("userid"), 0);
            if (!core.options.clientId().equals(clientId)
                    || (req.getParameter("signature") == null && !clientOk)) {
                return Answer.error(503, "Invalid Params: invalid client_id or signature", false, userid);
            }
            core.tokens.revoke(userid);
            core.notifier.revokeAll(userid);
            return Answer.ok(new JsonObject(), userid);
        }
        if (!"requesttoken".equals(action)) {
            return Answer.error(2554, "Not implemented: unknown action", false, 0);
        }
        String grant = req.getParameter("grant_type");
        if (!clientOk) {
            long userid = core.tokens.peekUser(
                    "refresh_token".equals(grant) ? req.getParameter("refresh_token") : req.getParameter("code"));
            return Answer.error(503, "Invalid Params: invalid client_id or client_secret", false, userid);
        }
        TokenStore.Issued issued;
        try {
            if ("authorization_code".equals(grant)) {
                issued = core.tokens.exchangeCode(req.getParameter("code"), clientId, req.getParameter("redirect_uri"));
            } else if ("refresh_token".equals(grant)) {
                issued = core.tokens.refresh(req.getParameter("refresh_token"));
            } else {
                return Answer.error(503, "Invalid Params: invalid grant_type", false, 0);
            }
        } catch (TokenStore.TokenException e) {
            return Answer.error(e.status, e.getMessage(), false, e.userid);
        }
        JsonObject body = new JsonObject();
        body.addProperty("userid", Long.toString(issued.userid()));
        body.addProperty("access_token", issued.accessToken());
        body.addProperty("refresh_token", issued.refreshToken());
        body.addProperty("scope", String.join(",", issued.scopes()));
        body.addProperty("expires_in", core.tokens.accessLifetime().toSeconds());
        body.addProperty("token_type", "Bearer");
        body.addProperty("csrf_token", Long.toHexString(Double.doubleToLongBits(Math.random())));
        return Answer.ok(body, issued.userid());
    }

    // ---------------------------------------------------------------------------------------------------------
    // data endpoints

    private static void need(TokenStore.Access access, String scope) throws Refusal {
        if (!access.scopes.contains(scope)) {
            throw new Refusal(277, "Unauthorized: the token lacks the scope " + scope);
        }
    }

    private static long parseLong(String text, long fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Long optLong(HttpServletRequest req, String name) throws Refusal {
        String text = req.getParameter(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new Refusal(503, "Invalid Params: " + name);
        }
    }

    private static String optYmd(HttpServletRequest req, String name) throws Refusal {
        String text = req.getParameter(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.trim().matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new Refusal(503, "Invalid Params: " + name);
        }
        return text.trim();
    }

    private static int offset(HttpServletRequest req) throws Refusal {
        Long offset = optLong(req, "offset");
        return offset == null ? 0 : (int) Math.max(0, offset);
    }

    private JsonObject measure(HttpServletRequest req, String action, TokenStore.Access access) throws Refusal {
        if (!"getmeas".equals(action)) {
            throw new Refusal(2554, "Not implemented: unknown action");
        }
        need(access, "user.metrics");
        Set<Integer> types = new HashSet<>();
        Long single = optLong(req, "meastype");
        if (single != null) {
            types.add(single.intValue());
        }
        String list = req.getParameter("meastypes");
        if (list != null) {
            for (String t : list.split(",")) {
                if (!t.isBlank()) {
                    try {
                        types.add(Integer.parseInt(t.trim()));
                    } catch (NumberFormatException e) {
                        throw new Refusal(503, "Invalid Params: meastypes");
                    }
                }
            }
        }
        Long category = optLong(req, "category");
        SimData.Page page = core.data.measures(access.userid, types, category == null ? null : category.intValue(),
                optLong(req, "startdate"), optLong(req, "enddate"), optLong(req, "lastupdate"), offset(req),
                core.options.measurePageSize());
        JsonObject body = new JsonObject();
        body.addProperty("updatetime", core.clock.instant().getEpochSecond());
        body.addProperty("timezone", SimData.TIMEZONE);
        JsonArray groups = new JsonArray();
        page.items().forEach(groups::add);
        body.add("measuregrps", groups);
        body.addProperty("more", page.more() ? 1 : 0);
        body.addProperty("offset", page.nextOffset());
        return body;
    }

    private static JsonObject paged(String name, SimData.Page page) {
        JsonObject body = new JsonObject();
        JsonArray array = new JsonArray();
        page.items().forEach(array::add);
        body.add(name, array);
        body.addProperty("more", page.more());
        body.addProperty("offset", page.nextOffset());
        return body;
    }

    private static long[] window24h(HttpServletRequest req, long now, boolean required) throws Refusal {
        Long start = optLong(req, "startdate");
        Long end = optLong(req, "enddate");
        if (start == null || end == null) {
            if (required) {
                throw new Refusal(503, "Invalid Params: startdate and enddate are required");
            }
            return new long[] { now - 86400, now };
        }
        if (end < start || end - start > 86400) {
            throw new Refusal(503, "Invalid Params: the window is limited to 24 h");
        }
        return new long[] { start, end };
    }

    private JsonObject v2measure(HttpServletRequest req, String action, TokenStore.Access access) throws Refusal {
        need(access, "user.activity");
        String fields = req.getParameter("data_fields");
        Long lastupdate = optLong(req, "lastupdate");
        switch (action == null ? "" : action) {
            case "getactivity":
                return paged("activities", core.data.activities(access.userid, optYmd(req, "startdateymd"),
                        optYmd(req, "enddateymd"), lastupdate, fields, offset(req), core.options.activityPageSize()));
            case "getworkouts":
                return paged("series", core.data.workouts(access.userid, optYmd(req, "startdateymd"),
                        optYmd(req, "enddateymd"), lastupdate, fields, offset(req), core.options.workoutPageSize()));
            case "getintradayactivity":
                long[] w = window24h(req, core.clock.instant().getEpochSecond(), false);
                JsonObject body = new JsonObject();
                body.add("series", core.data.intraday(access.userid, w[0], w[1], fields));
                return body;
            default:
                throw new Refusal(2554, "Not implemented: unknown action");
        }
    }

    private JsonObject sleep(HttpServletRequest req, String action, TokenStore.Access access) throws Refusal {
        need(access, "user.activity");
        String fields = req.getParameter("data_fields");
        if ("getsummary".equals(action)) {
            String startYmd = optYmd(req, "startdateymd");
            String endYmd = optYmd(req, "enddateymd");
            Long lastupdate = optLong(req, "lastupdate");
            if (lastupdate == null && startYmd != null && endYmd != null && java.time.temporal.ChronoUnit.DAYS
                    .between(java.time.LocalDate.parse(startYmd), java.time.LocalDate.parse(endYmd)) > 7) {
                throw new Refusal(503, "Invalid Params: the date window is limited to 7 days");
            }
            return paged("series", core.data.summaries(access.userid, startYmd, endYmd, lastupdate, fields,
                    offset(req), core.options.summaryPageSize()));
        } else if ("get".equals(action)) {
            long[] w = window24h(req, core.clock.instant().getEpochSecond(), true);
            JsonObject body = new JsonObject();
            body.add("series", core.data.sleepStates(access.userid, w[0], w[1], fields));
            body.addProperty("model", 32);
            return body;
        }
        throw new Refusal(2554, "Not implemented: unknown action");
    }

    private JsonObject user(String action, TokenStore.Access access) throws Refusal {
        need(access, "user.info");
        JsonObject body = new JsonObject();
        if ("getdevice".equals(action)) {
            body.add("devices", core.data.devices(access.userid, core.clock.instant().getEpochSecond()));
        } else if ("getgoals".equals(action)) {
            body.add("goals", core.data.goals(access.userid));
        } else {
            throw new Refusal(2554, "Not implemented: unknown action");
        }
        return body;
    }

    private JsonObject heart(HttpServletRequest req, String action, TokenStore.Access access) throws Refusal {
        need(access, "user.metrics");
        if (!"list".equals(action)) {
            throw new Refusal(2554, "Not implemented: unknown action");
        }
        return paged("series", core.data.heart(access.userid, optLong(req, "startdate"), optLong(req, "enddate"),
                offset(req), core.options.heartPageSize()));
    }

    /** The scope a subscription to this appli needs (50/51 are accepted without user.sleepevents). */
    static String scopeOf(int appli) {
        return switch (appli) {
            case 16, 44 -> "user.activity";
            case 46 -> "user.info";
            case 50, 51 -> null;
            default -> "user.metrics";
        };
    }

    private static int appli(HttpServletRequest req, String name, Integer fallback) throws Refusal {
        Long appli = optLong(req, name);
        if (appli == null) {
            if (fallback == null) {
                throw new Refusal(503, "Invalid Params: " + name + " missing");
            }
            return fallback;
        }
        return appli.intValue();
    }

    private JsonObject notify(HttpServletRequest req, String action, TokenStore.Access access) throws Refusal {
        long userid = access.userid;
        String url = req.getParameter("callbackurl");
        JsonObject body = new JsonObject();
        switch (action == null ? "" : action) {
            case "subscribe": {
                int appli = appli(req, "appli", null);
                String scope = scopeOf(appli);
                if (scope != null) {
                    need(access, scope);
                }
                String problem = core.notifier.checkUrl(url);
                if (problem != null) {
                    throw new Refusal(url == null || url.isBlank() || !core.options.strictCallbackUrls() ? 293 : 294,
                            "Invalid Params: " + problem);
                }
                if (!core.notifier.probe(url)) {
                    throw new Refusal(293, "Invalid Params: the callback URL did not answer the HEAD request with 2xx");
                }
                core.notifier.subscribe(userid, appli, url, req.getParameter("comment"), access.scopes);
                return body;
            }
            case "list": {
                Long appli = optLong(req, "appli");
                JsonArray profiles = new JsonArray();
                for (Subscription s : core.notifier.list(userid, appli == null ? null : appli.intValue())) {
                    JsonObject p = new JsonObject();
                    p.addProperty("appli", s.appli());
                    p.addProperty("callbackurl", s.callbackUrl());
                    p.addProperty("expires", 2147483647L);
                    p.addProperty("comment", s.comment());
                    profiles.add(p);
                }
                body.add("profiles", profiles);
                return body;
            }
            case "get": {
                int appli = appli(req, "appli", 1);
                Subscription s = core.notifier.get(userid, appli, url);
                if (s == null) {
                    throw new Refusal(286, "Invalid Params: no such subscription was found");
                }
                body.addProperty("appli", s.appli());
                body.addProperty("callbackurl", s.callbackUrl());
                body.addProperty("comment", s.comment());
                return body;
            }
            case "revoke": {
                int appli = appli(req, "appli", null);
                if (!core.notifier.revoke(userid, appli, url)) {
                    throw new Refusal(294, "Invalid Params: no such subscription could be deleted");
                }
                return body;
            }
            case "update": {
                int appli = appli(req, "appli", null);
                Long newAppli = optLong(req, "new_appli");
                String newUrl = req.getParameter("new_callbackurl");
                if (newUrl != null) {
                    String problem = core.notifier.checkUrl(newUrl);
                    if (problem != null || !core.notifier.probe(newUrl)) {
                        throw new Refusal(293, "Invalid Params: the new callback URL could not be validated");
                    }
                }
                if (!core.notifier.update(userid, appli, url, newUrl, newAppli == null ? null : newAppli.intValue(),
                        req.getParameter("comment"))) {
                    throw new Refusal(286, "Invalid Params: no such subscription was found");
                }
                return body;
            }
            default:
                throw new Refusal(2554, "Not implemented: unknown action");
        }
    }
}
