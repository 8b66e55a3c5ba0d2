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
package org.openhab.binding.withings.internal.servlet;

import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.WithingsBindingConstants;
import org.openhab.binding.withings.internal.api.WithingsNotification;
import org.osgi.service.http.HttpService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint Withings' notify service calls, registered under {@code /withings/webhook/<secret>}. The unguessable
 * secret in the alias and a known {@code userid} are the only gate (Withings does not sign its requests).
 * <ul>
 * <li>{@code HEAD} (Withings' reachability probe on subscribe) → 200, empty;</li>
 * <li>{@code POST} with an {@code application/x-www-form-urlencoded} body of at most 64 KiB → validated, handed to
 * the {@link WebhookDispatcher} (which only enqueues) and answered 200 at once;</li>
 * <li>a wrong content type → 415, a body over 64 KiB → 413, missing or malformed fields → 400, an unknown user →
 * 404, a path below the alias → 404, any other method → 405.</li>
 * </ul>
 * {@code userid} and {@code appli} must be plain ASCII digits without a leading zero, the dates plain ASCII digits
 * (nothing around them, no control characters). Rejections are logged at debug level without the body and without
 * the path (it holds the secret); nothing escapes {@link #service}: an unexpected failure answers 503.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class WithingsWebhookServlet extends WithingsServlet {

    private static final long serialVersionUID = 1L;

    /** The largest notification body accepted. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** The content type Withings posts with. */
    public static final String FORM_CONTENT_TYPE = FormFields.FORM_CONTENT_TYPE;

    private static final Set<String> SINGLE_FIELDS = Set.of("userid", "appli");
    private static final int MAX_USERID_DIGITS = 18;
    private static final int MAX_APPLI_DIGITS = 9;
    private static final int MAX_EPOCH_DIGITS = 12;

    private final transient Logger logger = LoggerFactory.getLogger(WithingsWebhookServlet.class);
    private final transient WebhookDispatcher dispatcher;
    private final transient Clock clock;

    /**
     * @param httpService openHAB's HTTP service (used by {@link #register()})
     * @param alias {@code /withings/webhook/<secret>}
     * @param dispatcher receives the validated notifications
     */
    public WithingsWebhookServlet(HttpService httpService, String alias, WebhookDispatcher dispatcher) {
        this(httpService, alias, dispatcher, Clock.systemUTC());
    }

    /**
     * @param clock the source of {@link WithingsNotification#received()}
     */
    public WithingsWebhookServlet(HttpService httpService, String alias, WebhookDispatcher dispatcher, Clock clock) {
        super(httpService, alias);
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    protected String loggableAlias() {
        // the last segment is the webhook secret
        return WithingsBindingConstants.WEBHOOK_PATH + "…";
    }

    @Override
    protected void service(@Nullable HttpServletRequest req, @Nullable HttpServletResponse resp) {
        if (req == null || resp == null) {
            return;
        }
        try {
            serve(req, resp);
        } catch (IOException | RuntimeException e) {
            // never let anything escape: Jetty would answer 500 naming this class and log the URI (the secret)
            logger.debug("Webhook {} request from {} failed: {}", req.getMethod(), req.getRemoteAddr(),
                    e.getClass().getSimpleName());
            if (!resp.isCommitted()) {
                resp.reset();
                resp.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                resp.setContentLength(0);
            }
        }
    }

    private void serve(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String pathInfo = req.getPathInfo();
        if (pathInfo != null && !pathInfo.isEmpty() && !"/".equals(pathInfo)) {
            reject(req, resp, HttpServletResponse.SC_NOT_FOUND, "a path below the webhook alias");
            return;
        }
        String method = req.getMethod();
        if ("HEAD".equals(method)) {
            resp.setStatus(HttpServletResponse.SC_OK);
            resp.setContentLength(0);
        } else if ("POST".equals(method)) {
            handlePost(req, resp);
        } else {
            resp.setHeader("Allow", "HEAD, POST");
            reject(req, resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method not allowed");
        }
    }

    private void handlePost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Charset charset = FormFields.formCharset(req.getContentType());
        if (charset == null) {
            reject(req, resp, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "not a form (content type)");
            return;
        }
        if (req.getContentLengthLong() > MAX_BODY_BYTES) {
            reject(req, resp, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body too large (content length)");
            return;
        }
        byte[] body = FormFields.readBounded(req.getInputStream(), MAX_BODY_BYTES);
        if (body == null) {
            reject(req, resp, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body too large");
            return;
        }
        Map<String, String> form;
        try {
            form = FormFields.parse(body, charset, SINGLE_FIELDS);
        } catch (IllegalArgumentException e) {
            reject(req, resp, HttpServletResponse.SC_BAD_REQUEST, "malformed form encoding or repeated field");
            return;
        }
        WithingsNotification notification;
        try {
            notification = toNotification(form, clock.instant());
        } catch (InvalidFieldException e) {
            reject(req, resp, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        if (!dispatcher.knowsUser(notification.userId())) {
            reject(req, resp, HttpServletResponse.SC_NOT_FOUND, "unknown userid");
            return;
        }
        try {
            dispatcher.dispatch(notification);
        } catch (RuntimeException e) {
            logger.debug("Webhook notification (appli {}) could not be handed over: {}", notification.appli(),
                    e.getClass().getSimpleName());
            resp.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            resp.setContentLength(0);
            return;
        }
        logger.debug("Webhook notification appli {} received", notification.appli());
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentLength(0);
    }

    private void reject(HttpServletRequest req, HttpServletResponse resp, int status, @Nullable String reason) {
        logger.debug("Webhook {} request from {} rejected with HTTP {}: {}", req.getMethod(), req.getRemoteAddr(),
                status, reason);
        resp.setStatus(status);
        resp.setContentLength(0);
    }

    /**
     * Validates the fields of a notification form; unknown fields are ignored.
     *
     * @throws InvalidFieldException naming the first missing or malformed field
     */
    static WithingsNotification toNotification(Map<String, String> form, Instant received)
            throws InvalidFieldException {
        String userid = form.get("userid");
        if (userid == null || userid.isEmpty()) {
            throw new InvalidFieldException("userid missing");
        }
        if (!isNumber(userid, MAX_USERID_DIGITS)) {
            throw new InvalidFieldException("userid not numeric");
        }
        String userId = userid;
        String appliText = form.get("appli");
        if (appliText == null || appliText.isEmpty()) {
            throw new InvalidFieldException("appli missing");
        }
        if (!isNumber(appliText, MAX_APPLI_DIGITS)) {
            throw new InvalidFieldException("appli not an integer");
        }
        int appli = Integer.parseInt(appliText);
        Instant start = epoch(form, "startdate");
        Instant end = epoch(form, "enddate");
        return new WithingsNotification(userId, appli, start, end, text(form, "date"), text(form, "deviceid"),
                text(form, "action"), received);
    }

    private static @Nullable Instant epoch(Map<String, String> form, String name) throws InvalidFieldException {
        String value = form.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!isDigits(value, MAX_EPOCH_DIGITS)) {
            throw new InvalidFieldException(name + " not unix seconds");
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(value));
        } catch (DateTimeException e) {
            throw new InvalidFieldException(name + " out of range");
        }
    }

    private static @Nullable String text(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Plain ASCII digits without a leading zero (nothing around them): how Withings writes ids and codes. */
    private static boolean isNumber(String text, int maxDigits) {
        return isDigits(text, maxDigits) && text.charAt(0) != '0';
    }

    private static boolean isDigits(String text, int maxDigits) {
        if (text.isEmpty() || text.length() > maxDigits) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * A notification field is missing or malformed; the message names the field, never its value.
     */
    static final class InvalidFieldException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidFieldException(String message) {
            super(message);
        }
    }
}
