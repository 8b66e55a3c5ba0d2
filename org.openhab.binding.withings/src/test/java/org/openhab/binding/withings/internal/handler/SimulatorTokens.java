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
package org.openhab.binding.withings.internal.handler;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.api.ContentResponse;
import org.eclipse.jetty.client.util.FormContentProvider;
import org.eclipse.jetty.util.Fields;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiConfig;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsAuthException;
import org.openhab.binding.withings.internal.api.WithingsCommunicationException;
import org.openhab.binding.withings.simulator.WithingsCloudSimulator;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The one way tests obtain a simulator token without the account bridge: runs the OAuth authorization-code flow
 * against the cloud simulator over HTTP (headless consent, then {@code requesttoken}) and refreshes the same way.
 * Tokens never leave this class. (Tests of the bridge's own linking go through the bridge instead.)
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class SimulatorTokens implements TokenProvider {

    /** Every scope the binding asks for. */
    public static final String ALL_SCOPES = "user.info,user.metrics,user.activity,user.sleepevents";
    static final String REDIRECT = "http://127.0.0.1:8080/withings/connect/home";

    private final HttpClient http;
    private final WithingsApiConfig config;
    private final String clientId;
    private final String clientSecret;
    private final AtomicInteger refreshes = new AtomicInteger();
    private String accessToken = "";
    private String refreshToken = "";

    /** Links the simulated user with every scope: consent, then the code is exchanged for tokens. */
    public SimulatorTokens(WithingsCloudSimulator simulator, HttpClient http, WithingsApiConfig config, long userid)
            throws WithingsApiException {
        this(simulator, http, config, userid, ALL_SCOPES);
    }

    /** Links the simulated user with the given scopes (comma-separated). */
    public SimulatorTokens(WithingsCloudSimulator simulator, HttpClient http, WithingsApiConfig config, long userid,
            String scopes) throws WithingsApiException {
        this.http = http;
        this.config = config;
        this.clientId = simulator.clientId();
        this.clientSecret = simulator.clientSecret();
        String authorize = config.authorizeUrl() + "?response_type=code&client_id=" + enc(clientId) + "&redirect_uri="
                + enc(REDIRECT) + "&state=test-state&scope=" + enc(scopes);
        String code = query(URI.create(simulator.authorize(authorize, userid))).get("code");
        if (code == null) {
            throw new WithingsAuthException(WithingsApiException.NO_STATUS, "no authorization code");
        }
        Fields form = new Fields();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", REDIRECT);
        request(form);
    }

    /** Links the simulated user with the given scopes at the simulator's own URLs. */
    public static SimulatorTokens link(WithingsCloudSimulator simulator, HttpClient http, long userid, String scopes)
            throws WithingsApiException {
        String base = simulator.baseUri().toString();
        return new SimulatorTokens(simulator, http, WithingsApiConfig.of(base, base), userid, scopes);
    }

    @Override
    public synchronized String accessToken() {
        return accessToken;
    }

    @Override
    public synchronized String refreshedAccessToken() throws WithingsApiException {
        refreshes.incrementAndGet();
        Fields form = new Fields();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        request(form);
        return accessToken;
    }

    /** @return how many refreshes were asked for (refused ones included) */
    public int refreshes() {
        return refreshes.get();
    }

    private synchronized void request(Fields form) throws WithingsApiException {
        form.put("action", "requesttoken");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        ContentResponse response;
        try {
            response = http.POST(config.tokenUrl()).content(new FormContentProvider(form)).timeout(10, TimeUnit.SECONDS)
                    .send();
        } catch (Exception e) {
            throw new WithingsCommunicationException("token endpoint unreachable");
        }
        JsonObject answer = JsonParser.parseString(response.getContentAsString()).getAsJsonObject();
        int status = answer.get("status").getAsInt();
        @Nullable
        JsonObject body = answer.has("body") && answer.get("body").isJsonObject() ? answer.getAsJsonObject("body")
                : null;
        if (status != 0 || body == null || !body.has("access_token")) {
            throw new WithingsAuthException(status, "token request refused with status " + status);
        }
        accessToken = body.get("access_token").getAsString();
        refreshToken = body.get("refresh_token").getAsString();
    }

    /** The decoded query parameters of a URI (e.g. a consent redirect); empty if it has none. */
    public static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
