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

import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.withings.simulator.SimTestSupport.*;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/**
 * OAuth like Withings: consent page, headless consent, code lifetime and single use, client and redirect checks,
 * refresh rotation, token expiry and revocation, scopes.
 *
 * @author Withings binding contributors - Initial contribution
 */
class OAuthTest {

    private final SimClock clock = new SimClock(Instant.parse("2026-03-10T09:00:00Z"));
    private WithingsCloudSimulator sim;
    private long scaleUser;

    @BeforeEach
    void start() throws Exception {
        sim = WithingsCloudSimulator.start(SimulatorOptions.defaults().port(0).seed(42).clock(clock));
        scaleUser = sim.user(SimUser.Kind.SCALE).userid();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void consentPageListsUsersAndKeepsParameters() throws Exception {
        HttpResponse<String> page = get(java.net.URI.create(authorizeUrl(sim, ALL_SCOPES, "abc<&>")));
        assertEquals(200, page.statusCode());
        for (SimUser u : sim.users()) {
            assertTrue(page.body().contains(Long.toString(u.userid())), u.name());
        }
        assertTrue(page.body().contains("value=\"abc&lt;&amp;&gt;\""), "state kept escaped in a hidden field");
        assertTrue(page.body().contains("value=\"allow\"") && page.body().contains("value=\"deny\""));
    }

    @Test
    void unknownClientIdIsRefusedOnTheConsentPage() throws Exception {
        String url = authorizeUrl(sim, ALL_SCOPES, "x").replace("client_id=sim-client-id", "client_id=other");
        assertEquals(400, get(java.net.URI.create(url)).statusCode());
    }

    @Test
    void codeFlowPassesStateAndReturnsWrappedTokens() throws Exception {
        String state = "st/ate+with spaces&=";
        String location = sim.authorize(authorizeUrl(sim, ALL_SCOPES, state), scaleUser);
        assertTrue(location.startsWith(REDIRECT + "?code="), location);
        Map<String, String> q = query(location);
        assertEquals(state, q.get("state"));
        JsonObject env = exchange(sim, q.get("code"));
        assertEquals(0, status(env));
        JsonObject body = env.getAsJsonObject("body");
        assertEquals(Long.toString(scaleUser), body.get("userid").getAsString());
        assertEquals(10800, body.get("expires_in").getAsInt());
        assertEquals(ALL_SCOPES, body.get("scope").getAsString());
        assertEquals("Bearer", body.get("token_type").getAsString());
        assertFalse(body.get("access_token").getAsString().isEmpty());
        assertFalse(body.get("refresh_token").getAsString().isEmpty());
        assertEquals(1, sim.control().requestCount("/v2/oauth2", "requesttoken", scaleUser));
    }

    @Test
    void denyRedirectsWithAccessDenied() {
        String location = sim.authorize(authorizeUrl(sim, ALL_SCOPES, "s1"), scaleUser, false);
        Map<String, String> q = query(location);
        assertEquals("access_denied", q.get("error"));
        assertEquals("s1", q.get("state"));
        assertFalse(q.containsKey("code"));
    }

    @Test
    void codeExpiresAfter30Seconds() throws Exception {
        String code = code(sim, scaleUser, ALL_SCOPES);
        clock.advance(Duration.ofSeconds(31));
        JsonObject env = exchange(sim, code);
        assertEquals(503, status(env));
        assertTrue(env.get("error").getAsString().contains("invalid code"));
    }

    @Test
    void codeWithin30SecondsWorks() throws Exception {
        String code = code(sim, scaleUser, ALL_SCOPES);
        clock.advance(Duration.ofSeconds(29));
        assertEquals(0, status(exchange(sim, code)));
    }

    @Test
    void codeIsSingleUse() throws Exception {
        String code = code(sim, scaleUser, ALL_SCOPES);
        assertEquals(0, status(exchange(sim, code)));
        assertEquals(503, status(exchange(sim, code)));
    }

    @Test
    void wrongSecretAndWrongRedirectAreInvalidParams() throws Exception {
        String code = code(sim, scaleUser, ALL_SCOPES);
        JsonObject wrongSecret = post(sim.baseUri(), "/v2/oauth2", null, "action", "requesttoken", "grant_type",
                "authorization_code", "client_id", sim.clientId(), "client_secret", "nope", "code", code,
                "redirect_uri", REDIRECT);
        assertEquals(503, status(wrongSecret));
        JsonObject wrongRedirect = post(sim.baseUri(), "/v2/oauth2", null, "action", "requesttoken", "grant_type",
                "authorization_code", "client_id", sim.clientId(), "client_secret", sim.clientSecret(), "code",
                code(sim, scaleUser, ALL_SCOPES), "redirect_uri", REDIRECT + "/");
        assertEquals(503, status(wrongRedirect));
        assertTrue(wrongRedirect.get("error").getAsString().contains("redirect_uri"));
        assertFalse(wrongSecret.toString().contains(sim.clientSecret()));
    }

    @Test
    void refreshRotatesAndOldRefreshTokenDiesOnFirstUseOfNewAccessToken() throws Exception {
        JsonObject first = exchange(sim, code(sim, scaleUser, ALL_SCOPES)).getAsJsonObject("body");
        String r1 = first.get("refresh_token").getAsString();

        JsonObject second = refresh(sim, r1);
        assertEquals(0, status(second));
        String a2 = second.getAsJsonObject("body").get("access_token").getAsString();
        String r2 = second.getAsJsonObject("body").get("refresh_token").getAsString();
        assertNotEquals(r1, r2);
        assertEquals(Long.toString(scaleUser), second.getAsJsonObject("body").get("userid").getAsString());

        // until a2 is used, r1 still works (a lost answer can be retried)
        JsonObject retry = refresh(sim, r1);
        assertEquals(0, status(retry));
        String a3 = retry.getAsJsonObject("body").get("access_token").getAsString();

        assertEquals(0, status(post(sim.baseUri(), "/v2/user", a3, "action", "getdevice")));
        JsonObject dead = refresh(sim, r1);
        assertEquals(401, status(dead));
        // the other rotated refresh token is still fine, and a2 still works until it expires
        assertEquals(0, status(refresh(sim, r2)));
        assertEquals(0, status(post(sim.baseUri(), "/v2/user", a2, "action", "getdevice")));
    }

    @Test
    void oldRefreshTokenDiesAfterGraceEvenIfNewAccessTokenIsNeverUsed() throws Exception {
        String r1 = exchange(sim, code(sim, scaleUser, ALL_SCOPES)).getAsJsonObject("body").get("refresh_token")
                .getAsString();
        assertEquals(0, status(refresh(sim, r1)));
        clock.advance(Duration.ofHours(9));
        assertEquals(401, status(refresh(sim, r1)));
    }

    @Test
    void clientCredentialsMayComeAsBasicAuth() throws Exception {
        String code = code(sim, scaleUser, ALL_SCOPES);
        String basic = java.util.Base64.getEncoder()
                .encodeToString((sim.clientId() + ":" + sim.clientSecret()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(sim.baseUri().resolve("/v2/oauth2"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + basic)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form(params("action", "requesttoken",
                        "grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT))))
                .build();
        String body = CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body();
        assertEquals(0, com.google.gson.JsonParser.parseString(body).getAsJsonObject().get("status").getAsInt(), body);
    }

    @Test
    void unknownRefreshTokenIs401() throws Exception {
        assertEquals(401, status(refresh(sim, "0123456789abcdef")));
    }

    @Test
    void expiredAccessTokenIs401AndRefreshHelps() throws Exception {
        JsonObject body = exchange(sim, code(sim, scaleUser, ALL_SCOPES)).getAsJsonObject("body");
        String access = body.get("access_token").getAsString();
        assertEquals(0, status(post(sim.baseUri(), "/measure", access, "action", "getmeas", "meastype", "1")));
        clock.advance(Duration.ofSeconds(10800));
        assertEquals(401, status(post(sim.baseUri(), "/measure", access, "action", "getmeas")));
        String fresh = refresh(sim, body.get("refresh_token").getAsString()).getAsJsonObject("body")
                .get("access_token").getAsString();
        assertEquals(0, status(post(sim.baseUri(), "/measure", fresh, "action", "getmeas", "meastype", "1")));
    }

    @Test
    void configurableLifetime() throws Exception {
        try (WithingsCloudSimulator short1 = WithingsCloudSimulator.start(SimulatorOptions.defaults()
                .accessTokenLifetime(Duration.ofSeconds(60)).clientId("id2").clientSecret("secret2"))) {
            assertEquals("id2", short1.clientId());
            JsonObject env = exchange(short1, code(short1, short1.users().get(0).userid(), ALL_SCOPES));
            assertEquals(60, env.getAsJsonObject("body").get("expires_in").getAsInt());
        }
    }

    @Test
    void revokedTokensAre401() throws Exception {
        JsonObject body = exchange(sim, code(sim, scaleUser, ALL_SCOPES)).getAsJsonObject("body");
        sim.control().revokeTokens(scaleUser);
        assertEquals(401, status(post(sim.baseUri(), "/v2/user", body.get("access_token").getAsString(), "action",
                "getgoals")));
        assertEquals(401, status(refresh(sim, body.get("refresh_token").getAsString())));
        assertTrue(sim.control().grantedScopes(scaleUser).isEmpty());
    }

    @Test
    void missingTokenIs401InHttp200() throws Exception {
        JsonObject env = post(sim.baseUri(), "/measure", null, "action", "getmeas");
        assertEquals(401, status(env));
    }

    @Test
    void scopesAreEnforcedPerToken() throws Exception {
        String metricsOnly = accessToken(sim, scaleUser, "user.metrics");
        assertEquals(0, status(post(sim.baseUri(), "/measure", metricsOnly, "action", "getmeas")));
        assertEquals(0, status(post(sim.baseUri(), "/v2/heart", metricsOnly, "action", "list")));
        assertEquals(277, status(post(sim.baseUri(), "/v2/measure", metricsOnly, "action", "getactivity")));
        assertEquals(277, status(post(sim.baseUri(), "/v2/sleep", metricsOnly, "action", "getsummary")));
        assertEquals(277, status(post(sim.baseUri(), "/v2/user", metricsOnly, "action", "getdevice")));

        String activityAndInfo = accessToken(sim, scaleUser, "user.activity,user.info");
        assertEquals(277, status(post(sim.baseUri(), "/measure", activityAndInfo, "action", "getmeas")));
        assertEquals(0, status(post(sim.baseUri(), "/v2/sleep", activityAndInfo, "action", "getsummary")));
        assertEquals(0, status(post(sim.baseUri(), "/v2/user", activityAndInfo, "action", "getgoals")));
    }
}
