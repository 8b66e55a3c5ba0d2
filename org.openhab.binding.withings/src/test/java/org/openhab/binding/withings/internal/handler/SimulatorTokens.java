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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

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
 * A token source for tests that runs the OAuth authorization-code flow against the cloud simulator over HTTP
 * (headless consent, then {@code requesttoken}) and refreshes the same way. Tokens never leave this class.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class SimulatorTokens implements TokenProvider {

    static final String REDIRECT = "http://127.0.0.1:8080/withings/connect/home";
    static final String SCOPES = "user.info,user.metrics,user.activity,user.sleepevents";

    private final HttpClient http;
    private final WithingsApiConfig config;
    private final String clientId;
    private final String clientSecret;
    private String accessToken = "";
    private String refreshToken = "";

    /** Links the simulated user: consent, then the code is exchanged for tokens. */
    public SimulatorTokens(WithingsCloudSimulator simulator, HttpClient http, WithingsApiConfig config, long userid)
            throws WithingsApiException {
        this.http = http;
        this.config = config;
        this.clientId = simulator.clientId();
        this.clientSecret = simulator.clientSecret();
        String authorize = config.authorizeUrl() + "?response_type=code&client_id=" + enc(clientId) + "&redirect_uri="
                + enc(REDIRECT) + "&state=test-state&scope=" + enc(SCOPES);
        String location = simulator.authorize(authorize, userid);
        String code = null;
        String query = URI.create(location).getRawQuery();
        for (String part : query.split("&")) {
            if (part.startsWith("code=")) {
                code = java.net.URLDecoder.decode(part.substring(5), StandardCharsets.UTF_8);
            }
        }
        if (code == null) {
            throw new WithingsAuthException(WithingsApiException.NO_STATUS, "no authorization code");
        }
        Fields form = new Fields();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", REDIRECT);
        request(form);
    }

    @Override
    public synchronized String accessToken() {
        return accessToken;
    }

    @Override
    public synchronized String refreshedAccessToken() throws WithingsApiException {
        Fields form = new Fields();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        request(form);
        return accessToken;
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

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
