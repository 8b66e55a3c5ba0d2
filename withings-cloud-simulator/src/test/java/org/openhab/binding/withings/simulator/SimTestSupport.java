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

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;

/**
 * Helpers for the simulator's tests: form POSTs as the binding sends them, the OAuth dance, and a callback receiver.
 *
 * @author Withings binding contributors - Initial contribution
 */
final class SimTestSupport {

    static final String ALL_SCOPES = "user.info,user.metrics,user.activity,user.sleepevents";
    static final String REDIRECT = "http://127.0.0.1:9/withings/callback";

    static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private SimTestSupport() {
    }

    static String form(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return sb.toString();
    }

    static Map<String, String> params(String... kv) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return map;
    }

    static HttpResponse<String> postRaw(URI base, String path, String token, Map<String, String> params)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs and parses the envelope (asserting HTTP 200). */
    static JsonObject post(URI base, String path, String token, String... kv)
            throws IOException, InterruptedException {
        HttpResponse<String> r = postRaw(base, path, token, params(kv));
        assertEquals(200, r.statusCode(), r.body());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    static int status(JsonObject envelope) {
        return envelope.get("status").getAsInt();
    }

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String authorizeUrl(WithingsCloudSimulator sim, String scope, String state) {
        return sim.baseUri() + "/oauth2_user/authorize2?response_type=code&client_id="
                + URLEncoder.encode(sim.clientId(), StandardCharsets.UTF_8) + "&state="
                + URLEncoder.encode(state, StandardCharsets.UTF_8) + "&scope="
                + URLEncoder.encode(scope, StandardCharsets.UTF_8) + "&redirect_uri="
                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8);
    }

    static Map<String, String> query(String location) {
        Map<String, String> map = new LinkedHashMap<>();
        String q = URI.create(location).getRawQuery();
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            map.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return map;
    }

    static String code(WithingsCloudSimulator sim, long userid, String scope) {
        return query(sim.authorize(authorizeUrl(sim, scope, "s"), userid)).get("code");
    }

    static JsonObject exchange(WithingsCloudSimulator sim, String code) throws IOException, InterruptedException {
        return post(sim.baseUri(), "/v2/oauth2", null, "action", "requesttoken", "grant_type", "authorization_code",
                "client_id", sim.clientId(), "client_secret", sim.clientSecret(), "code", code, "redirect_uri",
                REDIRECT);
    }

    static JsonObject refresh(WithingsCloudSimulator sim, String refreshToken)
            throws IOException, InterruptedException {
        return post(sim.baseUri(), "/v2/oauth2", null, "action", "requesttoken", "grant_type", "refresh_token",
                "client_id", sim.clientId(), "client_secret", sim.clientSecret(), "refresh_token", refreshToken);
    }

    /** Links a user with the given scopes and returns the access token. */
    static String accessToken(WithingsCloudSimulator sim, long userid, String scope)
            throws IOException, InterruptedException {
        JsonObject env = exchange(sim, code(sim, userid, scope));
        assertEquals(0, status(env), env.toString());
        return env.getAsJsonObject("body").get("access_token").getAsString();
    }

    /** A callback endpoint (JDK HTTP server) that records every request and answers configurable codes. */
    static final class Receiver implements AutoCloseable {
        /** One received request. */
        record Received(String method, Map<String, String> form) {
        }

        final HttpServer server;
        final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        volatile int headCode = 200;
        volatile int postCode = 200;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> form = new LinkedHashMap<>();
                if (!body.isEmpty()) {
                    for (String pair : body.split("&")) {
                        int eq = pair.indexOf('=');
                        form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
                received.add(new Received(exchange.getRequestMethod(), form));
                int code = "HEAD".equals(exchange.getRequestMethod()) ? headCode : postCode;
                exchange.sendResponseHeaders(code, -1);
                exchange.close();
            });
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
