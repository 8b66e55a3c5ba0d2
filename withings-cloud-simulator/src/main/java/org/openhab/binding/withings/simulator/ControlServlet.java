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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The HTTP control API under {@code /_sim/}: JSON in and out, loopback clients only (403 otherwise). Every route is
 * documented in the module README.
 *
 * @author Withings binding contributors - Initial contribution
 */
final class ControlServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String AFTER = ControlServlet.class.getName() + ".refuse";

    private final transient SimCore core;
    private final transient Controls controls;
    private final transient WithingsCloudSimulator simulator;

    /** A bad control request. */
    private static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;

        BadRequest(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    ControlServlet(SimCore core, Controls controls, WithingsCloudSimulator simulator) {
        this.core = core;
        this.controls = controls;
        this.simulator = simulator;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!Notifier.isLoopback(req.getRemoteAddr())) {
            write(resp, 403, error("the control API answers loopback clients only"));
            return;
        }
        String info = req.getPathInfo() == null ? "/" : req.getPathInfo();
        String[] parts = info.replaceAll("^/+|/+$", "").split("/");
        try {
            JsonElement result = route(req.getMethod(), parts, req);
            write(resp, 200, result);
            if (req.getAttribute(AFTER) instanceof Duration refuse) {
                resp.flushBuffer();
                simulator.refuseLater(refuse);
            }
        } catch (BadRequest e) {
            write(resp, e.code, error(e.getMessage()));
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException
                | UnsupportedOperationException e) {
            write(resp, 400, error(String.valueOf(e.getMessage())));
        }
    }

    private static JsonObject error(String message) {
        JsonObject o = new JsonObject();
        o.addProperty("error", message);
        return o;
    }

    private static void write(HttpServletResponse resp, int code, JsonElement body) throws IOException {
        byte[] bytes = ApiServlet.GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
        resp.setStatus(code);
        resp.setContentType("application/json;charset=utf-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    private static JsonObject body(HttpServletRequest req) throws IOException, BadRequest {
        String text = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return new JsonObject();
        }
        try {
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject()) {
                throw new BadRequest(400, "the body must be a JSON object");
            }
            return e.getAsJsonObject();
        } catch (RuntimeException e) {
            throw new BadRequest(400, "the body is not JSON");
        }
    }

    private Instant instant(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            return core.clock.instant();
        }
        if (e.getAsJsonPrimitive().isNumber()) {
            return Instant.ofEpochSecond(e.getAsLong());
        }
        return Instant.parse(e.getAsString());
    }

    private static JsonObject ok() {
        JsonObject o = new JsonObject();
        o.addProperty("ok", true);
        return o;
    }

    private static JsonElement deliveries(List<Delivery> list) {
        return ApiServlet.GSON.toJsonTree(list.stream().map(ControlServlet::delivery).toList());
    }

    private static Map<String, Object> delivery(Delivery d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("userid", d.userid());
        m.put("appli", d.appli());
        m.put("callbackurl", d.callbackUrl());
        m.put("form", d.form());
        m.put("answerCode", d.answerCode());
        m.put("time", d.time().toString());
        m.put("dropped", d.dropped());
        return m;
    }

    private static JsonElement queued() {
        JsonObject o = ok();
        o.addProperty("note", "notifications are delivered asynchronously; see GET /_sim/deliveries");
        return o;
    }

    private JsonElement route(String method, String[] p, HttpServletRequest req) throws IOException, BadRequest {
        String first = p.length > 0 ? p[0] : "";
        boolean get = "GET".equals(method);
        boolean post = "POST".equals(method);
        switch (first) {
            case "", "info":
                if (get) {
                    return simulator.describe();
                }
                break;
            case "users":
                if (p.length == 1 && get) {
                    return simulator.describe().get("users");
                }
                if (p.length == 3) {
                    return user(method, Long.parseLong(p[1]), p[2], req);
                }
                break;
            case "requests":
                if (get) {
                    return requests(req);
                }
                if ("DELETE".equals(method)) {
                    core.log.clear();
                    return ok();
                }
                break;
            case "deliveries":
                if (get) {
                    return deliveries(controls.notificationsDelivered());
                }
                break;
            case "faults":
                if (get) {
                    return ApiServlet.GSON.toJsonTree(controls.faults().stream().map(FaultSpec::toString).toList());
                }
                if (post) {
                    FaultSpec fault = fault(body(req));
                    if (fault.kind() == FaultSpec.Kind.REFUSE) {
                        req.setAttribute(AFTER, fault.delay()); // after this answer is sent
                    } else {
                        controls.injectFault(fault);
                    }
                    JsonObject o = ok();
                    o.addProperty("fault", fault.toString());
                    return o;
                }
                if ("DELETE".equals(method)) {
                    controls.clearFaults();
                    return ok();
                }
                break;
            case "reset":
                if (post) {
                    controls.reset();
                    return ok();
                }
                break;
            default:
                throw new BadRequest(404, "unknown control path /_sim/" + String.join("/", p));
        }
        throw new BadRequest(405, method + " not allowed on /_sim/" + String.join("/", p));
    }

    private JsonElement user(String method, long userid, String what, HttpServletRequest req)
            throws IOException, BadRequest {
        if (!core.data.hasUser(userid)) {
            throw new BadRequest(404, "no simulated user " + userid);
        }
        if ("GET".equals(method) && "subscriptions".equals(what)) {
            return ApiServlet.GSON.toJsonTree(controls.subscriptions(userid));
        }
        if (!"POST".equals(method)) {
            throw new BadRequest(405, method + " not allowed");
        }
        JsonObject b = body(req);
        switch (what) {
            case "weighing":
                controls.addWeighing(userid, b.get("kg").getAsDouble(), instant(b, "date"));
                return queued();
            case "measures": {
                List<SimMeasure> measures = new ArrayList<>();
                for (JsonElement e : b.getAsJsonArray("measures")) {
                    JsonObject m = e.getAsJsonObject();
                    measures.add(new SimMeasure(m.get("type").getAsInt(), m.get("value").getAsLong(),
                            m.has("unit") ? m.get("unit").getAsInt() : 0,
                            m.has("position") ? m.get("position").getAsInt() : null));
                }
                controls.addMeasures(userid, instant(b, "date"), b.has("attrib") ? b.get("attrib").getAsInt() : 0,
                        measures);
                return queued();
            }
            case "sleep": {
                Instant end = instant(b, "end");
                Instant start = b.has("start") ? instant(b, "start") : end.minus(Duration.ofHours(8));
                controls.addSleep(userid, start, end);
                return queued();
            }
            case "activity": {
                LocalDate day = b.has("date") ? LocalDate.parse(b.get("date").getAsString())
                        : LocalDate.ofInstant(core.clock.instant(), SimData.ZONE);
                controls.addActivity(userid, day, b.has("steps") ? b.get("steps").getAsInt() : 8000);
                return queued();
            }
            case "workouts": {
                Instant end = instant(b, "end");
                Instant start = b.has("start") ? instant(b, "start") : end.minus(Duration.ofMinutes(45));
                controls.addWorkout(userid, b.has("category") ? b.get("category").getAsInt() : 2, start, end);
                return queued();
            }
            case "inbed":
                controls.setInBed(userid, !b.has("inBed") || b.get("inBed").getAsBoolean());
                return queued();
            case "notify": {
                Map<String, String> extra = new LinkedHashMap<>();
                if (b.has("form")) {
                    b.getAsJsonObject("form").entrySet().forEach(e -> extra.put(e.getKey(), e.getValue().getAsString()));
                }
                controls.sendNotification(userid, b.get("appli").getAsInt(), extra);
                return queued();
            }
            case "revoke":
                controls.revokeTokens(userid);
                return ok();
            default:
                throw new BadRequest(404, "unknown user control " + what);
        }
    }

    private JsonElement requests(HttpServletRequest req) {
        String path = req.getParameter("path");
        String action = req.getParameter("action");
        String user = req.getParameter("userid");
        long userid = user == null ? 0 : Long.parseLong(user);
        JsonArray list = new JsonArray();
        Map<String, Integer> counts = new TreeMap<>();
        for (RecordedRequest r : controls.requests()) {
            if ((path != null && !path.equals(r.path())) || (action != null && !action.equals(r.action()))
                    || (userid > 0 && r.userid() != userid)) {
                continue;
            }
            JsonObject o = new JsonObject();
            o.addProperty("path", r.path());
            o.addProperty("action", r.action());
            o.addProperty("userid", r.userid());
            o.addProperty("status", r.status());
            o.addProperty("httpStatus", r.httpStatus());
            o.addProperty("fault", r.fault());
            o.addProperty("start", r.start().toString());
            o.addProperty("durationMs", r.durationMs());
            list.add(o);
            counts.merge(r.path() + (r.action() == null ? "" : " " + r.action()) + " user " + r.userid(), 1,
                    Integer::sum);
        }
        JsonObject o = new JsonObject();
        o.add("counts", ApiServlet.GSON.toJsonTree(counts));
        o.add("requests", list);
        return o;
    }

    private static FaultSpec fault(JsonObject b) throws BadRequest {
        if (b.has("spec")) {
            return FaultSpec.parse(b.get("spec").getAsString());
        }
        if (!b.has("kind")) {
            throw new BadRequest(400, "give \"spec\" (e.g. \"measure:601:3\") or \"kind\"");
        }
        FaultSpec.Kind kind = FaultSpec.Kind.valueOf(b.get("kind").getAsString());
        Duration delay = Duration.ofMillis(b.has("delayMs") ? b.get("delayMs").getAsLong() : 0);
        int status = b.has("status") ? b.get("status").getAsInt() : 0;
        FaultSpec f = switch (kind) {
            case STATUS -> FaultSpec.status(status);
            case HTTP_ERROR -> FaultSpec.httpError(status == 0 ? 503 : status);
            case TRUNCATED -> FaultSpec.truncated();
            case DELAY -> FaultSpec.delay(delay);
            case REFUSE -> FaultSpec.refuse(delay);
            case INVALID_TOKEN -> FaultSpec.invalidToken();
            case DROP -> FaultSpec.dropAnswer();
        };
        f = f.on(b.has("path") ? b.get("path").getAsString() : null,
                b.has("action") ? b.get("action").getAsString() : null);
        if (b.has("durationMs")) {
            f = f.during(Duration.ofMillis(b.get("durationMs").getAsLong()));
        } else if (b.has("count")) {
            f = f.times(b.get("count").getAsInt());
        }
        return f;
    }
}
