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

import java.time.Duration;
import java.util.Locale;

/**
 * A fault to inject into the simulated Withings API. Immutable; build with the static factories and narrow with
 * {@link #on(String, String)}, {@link #times(int)} or {@link #during(Duration)}. Without {@code times}/{@code during}
 * a fault applies to the next request only.
 *
 * <p>
 * Command line form ({@link #parse(String)}): {@code <target>:<kind>[:<count>|<duration>]} with target {@code all},
 * a path without the leading slash ({@code measure}, {@code v2/sleep}, {@code v2/oauth2}) optionally followed by
 * {@code .action} ({@code v2/sleep.getsummary}); kind a number (status envelope, e.g. {@code 601}),
 * {@code http500}..{@code http599} (HTML error page), {@code truncate}, {@code delay=<duration>}, {@code refuse},
 * {@code token} (invalid-token 401 envelope), {@code drop} (processed, then the connection closed without an answer);
 * count a number of requests or a duration such as {@code 30s},
 * {@code 5m}. Examples: {@code measure:601:3}, {@code all:http503:2}, {@code v2/sleep.getsummary:truncate},
 * {@code all:delay=3s:10}, {@code all:refuse:30s}, {@code measure:token:1}, {@code v2/oauth2.requesttoken:drop}.
 *
 * @param kind the kind of fault
 * @param path the path it applies to ({@code /measure}), or {@code null} for every API path
 * @param action the action it applies to, or {@code null} for every action
 * @param status the envelope status ({@link Kind#STATUS}) or HTTP status ({@link Kind#HTTP_ERROR})
 * @param delay the delay ({@link Kind#DELAY}) or how long connections are refused ({@link Kind#REFUSE})
 * @param count how many requests it applies to; -1 when it applies for {@code duration} instead
 * @param duration how long it applies from its injection, or {@code null} when counted
 *
 * @author Withings binding contributors - Initial contribution
 */
public record FaultSpec(Kind kind, String path, String action, int status, Duration delay, int count,
        Duration duration) {

    /**
     * Kinds of faults.
     */
    public enum Kind {
        /** HTTP 200 with {@code {"status":N,"error":...}}, e.g. 601 too many requests. */
        STATUS,
        /** HTTP 5xx with an HTML page and no envelope. */
        HTTP_ERROR,
        /** HTTP 200 whose JSON body is cut in the middle. */
        TRUNCATED,
        /** the normal answer after a delay. */
        DELAY,
        /** the connector stops listening (connection refused) for {@code delay}, then listens again. */
        REFUSE,
        /** HTTP 200 with the invalid-token envelope {@code {"status":401,...}}. */
        INVALID_TOKEN,
        /**
         * the request is processed as usual (a token refresh rotates the tokens), then the connection is closed
         * without an answer: the client never learns the result (a lost answer).
         */
        DROP
    }

    /** @return a status-N envelope fault (e.g. 601, 522, 2554) */
    public static FaultSpec status(int status) {
        return new FaultSpec(Kind.STATUS, null, null, status, Duration.ZERO, 1, null);
    }

    /** @return an HTTP error (500..599) with an HTML page */
    public static FaultSpec httpError(int httpStatus) {
        return new FaultSpec(Kind.HTTP_ERROR, null, null, httpStatus, Duration.ZERO, 1, null);
    }

    /** @return a truncated JSON body */
    public static FaultSpec truncated() {
        return new FaultSpec(Kind.TRUNCATED, null, null, 0, Duration.ZERO, 1, null);
    }

    /** @return an answer delayed by {@code delay} */
    public static FaultSpec delay(Duration delay) {
        return new FaultSpec(Kind.DELAY, null, null, 0, delay, 1, null);
    }

    /** @return refused connections for {@code period} (the whole server, the path is ignored) */
    public static FaultSpec refuse(Duration period) {
        return new FaultSpec(Kind.REFUSE, null, null, 0, period, 1, null);
    }

    /** @return the invalid-token envelope (status 401) */
    public static FaultSpec invalidToken() {
        return new FaultSpec(Kind.INVALID_TOKEN, null, null, 401, Duration.ZERO, 1, null);
    }

    /** @return a processed request whose answer is lost (the connection is closed instead) */
    public static FaultSpec dropAnswer() {
        return new FaultSpec(Kind.DROP, null, null, 0, Duration.ZERO, 1, null);
    }

    /**
     * @param path the request path ({@code /measure}; a missing leading slash is added), {@code null} for all
     * @param action the action, {@code null} for all
     * @return this fault limited to that endpoint
     */
    public FaultSpec on(String path, String action) {
        String p = path == null || path.isEmpty() || "all".equals(path) ? null
                : path.startsWith("/") ? path : "/" + path;
        return new FaultSpec(kind, p, action, status, delay, count, duration);
    }

    /** @return this fault for the next {@code n} matching requests */
    public FaultSpec times(int n) {
        return new FaultSpec(kind, path, action, status, delay, n, null);
    }

    /** @return this fault for every matching request during {@code period} from its injection */
    public FaultSpec during(Duration period) {
        return new FaultSpec(kind, path, action, status, delay, -1, period);
    }

    /**
     * Parses the command line form described in the class comment.
     *
     * @param spec e.g. {@code measure:601:3}
     * @return the fault
     * @throws IllegalArgumentException when the text is not understood
     */
    public static FaultSpec parse(String spec) {
        String[] parts = spec.trim().split(":");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("fault must be <target>:<kind>[:<count>|<duration>]: " + spec);
        }
        String target = parts[0];
        String kindText = parts[1].toLowerCase(Locale.ROOT);
        FaultSpec fault;
        if (kindText.matches("\\d+")) {
            fault = status(Integer.parseInt(kindText));
        } else if (kindText.matches("http5\\d\\d")) {
            fault = httpError(Integer.parseInt(kindText.substring(4)));
        } else if ("truncate".equals(kindText) || "truncated".equals(kindText)) {
            fault = truncated();
        } else if (kindText.startsWith("delay=")) {
            fault = delay(parseDuration(kindText.substring(6)));
        } else if ("refuse".equals(kindText)) {
            fault = refuse(parts.length == 3 ? parseDuration(parts[2]) : Duration.ofSeconds(10));
        } else if ("drop".equals(kindText)) {
            fault = dropAnswer();
        } else if ("token".equals(kindText) || "401".equals(kindText)) {
            fault = invalidToken();
        } else {
            throw new IllegalArgumentException("unknown fault kind '" + parts[1] + "' in " + spec);
        }
        String path = target;
        String action = null;
        int dot = target.indexOf('.');
        if (dot > 0) {
            path = target.substring(0, dot);
            action = target.substring(dot + 1);
        }
        fault = fault.on(path, action);
        if (parts.length == 3 && fault.kind() != Kind.REFUSE) {
            String amount = parts[2];
            fault = amount.matches("\\d+") ? fault.times(Integer.parseInt(amount)) : fault.during(parseDuration(amount));
        }
        return fault;
    }

    /**
     * @param text {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} or an ISO-8601 duration
     * @return the duration
     */
    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: " + text, e);
        }
    }

    /** @return {@code true} when the fault applies to this request */
    boolean matches(String requestPath, String requestAction) {
        return (path == null || path.equals(requestPath)) && (action == null || action.equals(requestAction));
    }
}
