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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * One Withings request as {@link WithingsClient} sends it: through the request budget, with the user's token (one
 * refresh and retry after an auth-family status), the {@code {status, body}} envelope unwrapped, a status turned
 * into its typed exception, a body parsed with Gson, and {@code more}/{@code offset} paging followed.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
final class WithingsCalls {

    private static final Pattern WEBHOOK_SECRET_IN_TEXT = Pattern.compile("(/withings/webhook/)[^\\s&?#\"']+");

    private final Logger logger = LoggerFactory.getLogger(WithingsClient.class);
    private final Gson gson = new Gson();
    private final WithingsHttpTransport transport;
    private final WithingsApiConfig config;
    private final WithingsRateLimiter rateLimiter;

    WithingsCalls(WithingsHttpTransport transport, WithingsApiConfig config, WithingsRateLimiter rateLimiter) {
        this.transport = transport;
        this.config = config;
        this.rateLimiter = rateLimiter;
    }

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
    JsonElement call(TokenProvider tp, String path, String action, Map<String, String> params)
            throws WithingsApiException {
        String what = path + " " + action;
        Map<String, String> form = new LinkedHashMap<>();
        form.put("action", action);
        form.putAll(params);
        String token = tp.accessToken();
        boolean refreshed = false;
        while (true) {
            WithingsRateLimiter.Permit permit = rateLimiter.acquire();
            HttpResult result;
            try {
                result = transport.post(config.apiUri(path), form, token, config.requestTimeout());
            } finally {
                rateLimiter.done(permit);
            }
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

    <T> T parse(JsonElement element, Class<T> type, String what) throws WithingsCommunicationException {
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
    record Pages<B>(List<B> bodies, boolean complete) {
    }

    <B> Pages<B> paged(TokenProvider tp, String path, String action, Map<String, String> params,
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
}
