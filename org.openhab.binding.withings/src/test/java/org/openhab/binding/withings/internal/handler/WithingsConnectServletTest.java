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

import static org.junit.jupiter.api.Assertions.*;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.WithingsBindingConstants;
import org.openhab.binding.withings.internal.auth.WithingsOAuth;
import org.openhab.binding.withings.simulator.FaultSpec;
import org.openhab.core.auth.client.oauth2.AccessTokenResponse;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.binding.builder.BridgeBuilder;

/**
 * Tests the account-linking page {@link org.openhab.binding.withings.internal.servlet.WithingsConnectServlet} over
 * real HTTP, as registered by a running account handler, with the cloud simulator as Withings.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsConnectServletTest extends AccountTestBase {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");
    private final HttpClient browser = newBrowser();

    /** A browser that keeps cookies (the page's client cookie) and does not follow redirects. */
    private static HttpClient newBrowser() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager())
                .build();
    }

    private URI page() {
        return URI.create(httpService.baseUri() + "/withings/connect/home");
    }

    private HttpResponse<String> get(URI uri, String... headers) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET();
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return browser.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(Map<String, String> form) throws Exception {
        return post(browser, form);
    }

    private HttpResponse<String> post(HttpClient client, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return client.send(HttpRequest.newBuilder(page()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String redirectUriCode(String uri) {
        return "id=\"redirect-uri\" rows=\"2\" readonly spellcheck=\"false\">" + uri + "</textarea>";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String formToken() throws Exception {
        return formToken(browser);
    }

    private String formToken(HttpClient client) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(page()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = FORM_TOKEN.matcher(response.body());
        assertTrue(m.find(), "the page has a form token");
        return m.group(1);
    }

    /** Presses "Link": returns the authorize URL the browser is sent to. */
    private String pressLink() throws Exception {
        HttpResponse<String> response = post(Map.of("formToken", formToken(), "action", "link"));
        assertTrue(response.statusCode() == 302 || response.statusCode() == 303, "redirect: " + response.statusCode());
        return response.headers().firstValue("Location").orElseThrow();
    }

    private void assertNothingStored(WithingsAccountHandler handler) {
        assertTrue(oauth.tokens.isEmpty(), "no token stored");
        assertTrue(handler.linking().linkedUsers().isEmpty(), "no user linked");
        assertTrue(storageService.getStorage(handler.storageName()).getKeys().stream()
                .noneMatch(k -> k.startsWith("user:")));
    }

    @Test
    void thePageShowsTheBridgeTheRedirectUriAndNoSecret() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        HttpResponse<String> response = get(page());

        assertEquals(200, response.statusCode());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String body = response.body();
        assertTrue(body.contains("Home Withings"));
        assertTrue(body.contains("<code>home</code>"));
        assertTrue(body.contains(redirectUriCode(httpService.baseUri() + "/withings/connect/home")), body);
        assertTrue(body.contains("Link a Withings account"));
        assertTrue(body.contains("No Withings account is linked yet"));
        assertFalse(body.contains(sim.clientSecret()));

        link(handler, 30000001L);
        body = get(page()).body();
        AccessTokenResponse token = oauth.tokens.get(WithingsOAuth.handle(BRIDGE_ID, "30000001"));
        assertNotNull(token);
        assertTrue(body.contains("Withings user 30000001</h3>"), body);
        assertTrue(body.contains("valid, expires at "), body);
        assertTrue(body.contains("user.metrics"), body);
        assertTrue(body.contains(">Unlink</button>"));
        assertFalse(body.contains(String.valueOf(token.getAccessToken())));
        assertFalse(body.contains(String.valueOf(token.getRefreshToken())));
        assertFalse(body.contains(sim.clientSecret()));
    }

    @Test
    void forwardedHeadersOfAProxyMakeTheRedirectUri() throws Exception {
        started(validConfig());
        String body = get(page(), "X-Forwarded-Proto", "https", "X-Forwarded-Host", "openhab.example.org").body();
        assertTrue(body.contains(redirectUriCode("https://openhab.example.org/withings/connect/home")), body);
        assertTrue(body.contains("derived from the X-Forwarded-Host header"), body);

        body = get(page(), "X-Forwarded-Proto", "https, http", "X-Forwarded-Host", "proxy.example.org:8443, inner")
                .body();
        assertTrue(body.contains("https://proxy.example.org:8443/withings/connect/home"), body);

        // a forged host is not taken over
        body = get(page(), "X-Forwarded-Host", "evil.example.org\"><script>x</script>").body();
        assertFalse(body.contains("<script>x"));
        assertTrue(body.contains(redirectUriCode(httpService.baseUri() + "/withings/connect/home")));
    }

    @Test
    void aConfiguredRedirectUriIsUsedForPageAndLink() throws Exception {
        Map<String, Object> config = validConfig();
        config.put("redirectUri", "https://my.example.org/withings/connect/home");
        started(config);
        assertTrue(get(page()).body().contains("https://my.example.org/withings/connect/home"));
        Map<String, String> query = query(URI.create(pressLink()));
        assertEquals("https://my.example.org/withings/connect/home", query.get("redirect_uri"));
    }

    @Test
    void linkSendsTheBrowserToWithingsWithARandomState() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        URI authorize = URI.create(pressLink());
        assertTrue(authorize.toString().startsWith(sim.baseUri() + "/oauth2_user/authorize2?"), authorize.toString());
        Map<String, String> query = query(authorize);
        assertEquals(sim.clientId(), query.get("client_id"));
        assertEquals(WithingsOAuth.SCOPES, query.get("scope"));
        assertEquals(httpService.baseUri() + "/withings/connect/home", query.get("redirect_uri"));
        String state = query.get("state");
        assertNotNull(state);
        assertTrue(state.length() >= 43, "at least 256 bits: " + state.length());
        assertNotEquals(state, query(URI.create(pressLink())).get("state"));
        // the temporary services live under pending handles until used
        assertTrue(oauth.created.stream().anyMatch(h -> h.startsWith("withings:pending:home:")));
        assertNothingStored(handler);
    }

    @Test
    void formsWithoutAValidAntiForgeryTokenChangeNothing() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        link(handler, 30000001L);

        HttpResponse<String> noToken = post(Map.of("action", "link"));
        assertEquals(403, noToken.statusCode());
        assertTrue(noToken.headers().firstValue("Location").isEmpty());
        assertEquals(403, post(Map.of("action", "unlink", "userId", "30000001", "formToken", "forged")).statusCode());
        assertEquals(403, post(Map.of("action", "unlink", "userId", "30000001")).statusCode());
        assertEquals(1, handler.linking().linkedUsers().size());

        String token = formToken();
        HttpResponse<String> unlinked = post(Map.of("action", "unlink", "userId", "30000001", "formToken", token));
        assertEquals(200, unlinked.statusCode());
        assertTrue(unlinked.body().contains("Withings user 30000001 was unlinked."));
        assertTrue(handler.linking().linkedUsers().isEmpty());
        await(() -> !oauth.tokens.containsKey(WithingsOAuth.handle(BRIDGE_ID, "30000001")), "token deletion");
        // a form token is single-use
        assertEquals(403, post(Map.of("action", "unlink", "userId", "30000001", "formToken", token)).statusCode());
    }

    @Test
    void theFullFlowLinksOnceAndAReusedStateIsRefused() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        String callback = sim.authorize(pressLink(), 30000003L);
        assertTrue(callback.startsWith(page().toString() + "?"), callback);

        HttpResponse<String> linked = get(URI.create(callback));
        assertEquals(200, linked.statusCode());
        assertEquals("no-store", linked.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(linked.body().contains("Withings user 30000003 is linked."), linked.body());
        String code = query(URI.create(callback)).get("code");
        assertNotNull(code);
        assertFalse(linked.body().contains(code), "the code is not shown");
        awaitStatus(s -> s.getStatus() == ThingStatus.ONLINE);
        assertEquals(1, handler.linking().linkedUsers().size());
        assertTrue(oauth.storedHandles().stream().noneMatch(h -> h.startsWith("withings:pending:")));

        HttpResponse<String> reused = get(URI.create(callback));
        assertEquals(400, reused.statusCode());
        assertEquals(1, handler.linking().linkedUsers().size());
    }

    @Test
    void aMissingOrUnknownStateIsRefusedAndNothingStored() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        String callback = sim.authorize(pressLink(), 30000001L);
        String code = query(URI.create(callback)).get("code");
        assertNotNull(code);

        HttpResponse<String> missing = get(URI.create(page() + "?code=" + enc(code)));
        assertEquals(400, missing.statusCode());
        HttpResponse<String> unknown = get(URI.create(page() + "?code=" + enc(code) + "&state=forged-state"));
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("unknown, was already used or has expired"));
        assertNothingStored(handler);
    }

    @Test
    void aStateIssuedByAnotherBridgeIsRefused() throws Exception {
        WithingsAccountHandler home = started(validConfig());
        WithingsAccountHandler work = handler(BridgeBuilder.create(WithingsBindingConstants.THING_TYPE_ACCOUNT, "work")
                .withLabel("Work Withings").withConfiguration(new Configuration(validConfig())).build());
        work.initialize();
        assertTrue(httpService.isRegistered("/withings/connect/work"));

        // consent for a link started on the page of bridge "home", answered to the page of bridge "work"
        String callback = sim.authorize(pressLink(), 30000001L);
        assertTrue(callback.contains("/withings/connect/home?"), callback);
        HttpResponse<String> refused = get(URI.create(callback.replace("/withings/connect/home?",
                "/withings/connect/work?")));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("unknown, was already used or has expired"), refused.body());
        assertNothingStored(work);
        assertNothingStored(home);

        // the other bridge did not spend the state: the page that issued it still completes the link
        HttpResponse<String> linked = get(URI.create(callback));
        assertEquals(200, linked.statusCode());
        assertEquals(1, home.linking().linkedUsers().size());
        assertTrue(work.linking().linkedUsers().isEmpty());
    }

    @Test
    void anExpiredStateIsRefusedAndItsTemporaryServiceDeleted() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        WithingsAccountHandler handler = handler(bridge(validConfig()), clock);
        handler.initialize();
        awaitStatus(s -> s.getStatus() != ThingStatus.UNKNOWN);

        String callback = sim.authorize(pressLink(), 30000001L);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        HttpResponse<String> expired = get(URI.create(callback));
        assertEquals(400, expired.statusCode());
        assertNothingStored(handler);
        assertTrue(oauth.deleted.stream().anyMatch(h -> h.startsWith("withings:pending:home:")));
        assertTrue(oauth.storedHandles().isEmpty());
    }

    @Test
    void anAbandonedLinkRequestIsDroppedByThePeriodicCheckWithItsTemporaryService() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        WithingsAccountHandler handler = handler(bridge(validConfig()), clock);
        handler.initialize();
        awaitStatus(s -> s.getStatus() != ThingStatus.UNKNOWN);

        // the user presses Link and never comes back from the consent page
        pressLink();
        assertTrue(oauth.created.stream().anyMatch(h -> h.startsWith("withings:pending:home:")),
                oauth.created.toString());
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        handler.checkUsers();
        assertTrue(oauth.deleted.stream().anyMatch(h -> h.startsWith("withings:pending:home:")),
                oauth.deleted.toString());
        assertNothingStored(handler);
    }

    @Test
    void aWithingsErrorIsShownPlainlyAndNothingStored() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        String denied = sim.authorize(pressLink(), 30000001L, false);
        assertTrue(denied.contains("error=access_denied"), denied);

        HttpResponse<String> response = get(URI.create(denied));
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Withings did not grant access (access_denied)"), response.body());
        assertNothingStored(handler);
        assertTrue(oauth.storedHandles().isEmpty());

        String state = query(URI.create(pressLink())).get("state");
        assertNotNull(state);
        HttpResponse<String> hostile = get(
                URI.create(page() + "?error=" + enc("<script>alert(1)</script>") + "&state=" + enc(state)));
        assertFalse(hostile.body().contains("<script>alert"));
        assertTrue(hostile.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void pathsBelowThePageAreNotFound() throws Exception {
        started(validConfig());
        assertEquals(404, get(URI.create(page() + "/other")).statusCode());
        assertEquals(404, get(URI.create(httpService.baseUri() + "/withings/connect/other")).statusCode());
    }

    @Test
    void methodsOtherThanGetHeadAndPostAre405WithAllow() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        for (String method : new String[] { "PATCH", "PUT", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "get" }) {
            HttpResponse<String> response = browser.send(
                    HttpRequest.newBuilder(page()).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, response.statusCode(), method);
            assertEquals("GET, HEAD, POST", response.headers().firstValue("Allow").orElse(""), method);
            assertFalse(response.body().contains("Withings"), method);
        }
        // a HEAD with a callback's parameters does not spend the state
        String callback = sim.authorize(pressLink(), 30000001L);
        HttpResponse<Void> head = browser.send(
                HttpRequest.newBuilder(URI.create(callback)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
        assertEquals(200, get(URI.create(callback)).statusCode());
        assertEquals(1, handler.linking().linkedUsers().size());
    }

    @Test
    void aValidStateWithAForgedCodeIs400WithTheExplanation() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        String state = query(URI.create(pressLink())).get("state");
        assertNotNull(state);

        HttpResponse<String> forged = get(URI.create(page() + "?code=forged-code&state=" + enc(state)));
        assertEquals(400, forged.statusCode(), "Withings refusing the code is the request's problem");
        assertTrue(forged.body().contains("Withings refused the authorization code; check the client id and secret"),
                forged.body());
        assertFalse(forged.body().contains("forged-code"));
        assertNothingStored(handler);
    }

    @Test
    void withingsUnreachableDuringTheExchangeIs502() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        String callback = sim.authorize(pressLink(), 30000001L);
        sim.control().injectFault(FaultSpec.httpError(503).on("/v2/oauth2", "requesttoken").times(1));
        HttpResponse<String> response = get(URI.create(callback));
        assertEquals(502, response.statusCode());
        assertTrue(response.body().contains("Withings could not be reached to complete the link"), response.body());
        assertNothingStored(handler);
    }

    @Test
    void aFloodOfPageLoadsDoesNotExpireAnOpenForm() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        link(handler, 30000001L);
        String adminToken = formToken();
        for (int i = 0; i < 300; i++) {
            // anonymous clients, each with their own cookie jar
            formToken(newBrowser());
        }
        for (int i = 0; i < 100; i++) {
            get(page());
        }
        HttpResponse<String> unlinked = post(Map.of("action", "unlink", "userId", "30000001", "formToken", adminToken));
        assertEquals(200, unlinked.statusCode(), unlinked.body());
        assertTrue(handler.linking().linkedUsers().isEmpty());
    }

    @Test
    void aFormTokenIsBoundToTheBrowserThatLoadedThePage() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        link(handler, 30000001L);
        String token = formToken();
        HttpClient other = newBrowser();
        formToken(other);
        assertEquals(403, post(other, Map.of("action", "unlink", "userId", "30000001", "formToken", token))
                .statusCode());
        assertEquals(1, handler.linking().linkedUsers().size());
    }

    @Test
    void aFloodOfAnonymousLinkStartsDoesNotEvictALinkInProgress() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        String callback = sim.authorize(pressLink(), 30000003L);

        int refused = 0;
        for (int i = 0; i < 300; i++) {
            HttpClient anonymous = newBrowser();
            HttpResponse<String> response = post(anonymous, Map.of("formToken", formToken(anonymous), "action",
                    "link"));
            if (response.statusCode() == 503) {
                refused++;
                assertTrue(response.body().contains("Too many link requests"), response.body());
            }
        }
        assertTrue(refused > 0, "one address cannot fill the store");
        // one browser pressing Link again and again only replaces its own requests
        HttpClient impatient = newBrowser();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = post(impatient, Map.of("formToken", formToken(impatient), "action",
                    "link"));
            assertTrue(response.statusCode() == 302 || response.statusCode() == 503, "" + response.statusCode());
        }

        HttpResponse<String> linked = get(URI.create(callback));
        assertEquals(200, linked.statusCode(), linked.body());
        assertTrue(linked.body().contains("Withings user 30000003 is linked."));
        assertEquals(1, handler.linking().linkedUsers().size());
    }

    @Test
    void thePageSaysWhereTheRedirectUriCameFrom() throws Exception {
        started(validConfig());
        String body = get(page()).body();
        assertTrue(body.contains("derived from the Host header of this request"), body);
        body = get(page(), "X-Forwarded-Proto", "https").body();
        assertTrue(body.contains("came from the X-Forwarded-Proto header"), body);
    }

    @Test
    void aConfiguredRedirectUriIsNamedAsConfigured() throws Exception {
        Map<String, Object> config = validConfig();
        config.put("redirectUri", "https://my.example.org/withings/connect/home");
        started(config);
        String body = get(page(), "X-Forwarded-Host", "evil.example.org").body();
        assertTrue(body.contains(redirectUriCode("https://my.example.org/withings/connect/home")), body);
        assertTrue(body.contains("set in the bridge configuration (redirectUri)"), body);
        assertFalse(body.contains("evil.example.org"));
    }

    @Test
    void markupInjectedIntoEveryParameterIsEscaped() throws Exception {
        String markup = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>";
        Map<String, Object> config = validConfig();
        WithingsAccountHandler handler = handler(BridgeBuilder
                .create(WithingsBindingConstants.THING_TYPE_ACCOUNT, BRIDGE_ID).withLabel("Home " + markup)
                .withConfiguration(new Configuration(config)).build());
        handler.initialize();
        awaitStatus(s -> s.getStatus() != ThingStatus.UNKNOWN);
        String state = query(URI.create(pressLink())).get("state");
        assertNotNull(state);

        String e = enc(markup);
        String[] headers = { "X-Forwarded-Host", markup.replaceAll("[\\r\\n]", ""), "X-Forwarded-Proto", markup,
                "Accept-Language", "de" };
        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(get(URI.create(page() + "?code=" + e + "&state=" + e + "&error=" + e), headers));
        answers.add(get(URI.create(page() + "?state=" + e)));
        answers.add(get(URI.create(page() + "?error=" + e + "&state=" + enc(state))));
        answers.add(get(URI.create(page() + "?code=" + e)));
        answers.add(post(Map.of("formToken", formToken(), "action", markup)));
        answers.add(post(Map.of("formToken", formToken(), "action", "unlink", "userId", markup)));
        answers.add(post(Map.of("formToken", markup, "action", "link")));
        answers.add(post(Map.of("formToken", formToken(), "action", "unlink", "userId", "9999<b>")));
        for (HttpResponse<String> answer : answers) {
            String body = answer.body();
            assertFalse(body.contains("<script"), body);
            assertFalse(body.contains("<img"), body);
            assertFalse(body.contains("\"'>"), body);
            assertTrue(answer.statusCode() < 500, answer.statusCode() + " " + body);
        }
        assertTrue(answers.get(2).body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), answers.get(2).body());
        assertTrue(answers.get(2).body().contains("Home &quot;&#39;&gt;&lt;script&gt;"), answers.get(2).body());
        assertNothingStored(handler);
    }
}
