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

import org.openhab.binding.withings.internal.api.NotifyAppli;
import org.openhab.binding.withings.internal.api.WithingsNotification;
import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.Mockito.*;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhab.binding.withings.internal.WithingsBindingConstants;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsAuthException;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.auth.WithingsOAuth;
import org.openhab.binding.withings.internal.servlet.AccountLinking.LinkedUserView;
import org.openhab.binding.withings.internal.servlet.AccountLinking.TokenState;
import org.openhab.binding.withings.internal.servlet.LinkException;
import org.openhab.binding.withings.internal.servlet.PendingLink;
import org.openhab.core.auth.client.oauth2.AccessTokenResponse;
import org.openhab.core.storage.Storage;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;

/**
 * Tests the status transitions and token lifecycle of {@link WithingsAccountHandler} with a mocked
 * {@link org.openhab.core.thing.binding.ThingHandlerCallback}, core's OAuth client as a test double and the cloud
 * simulator behind real HTTP.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsAccountHandlerTest extends AccountTestBase {

    private static final long SCALE = 30000001L;
    private static final long BPM = 30000002L;
    private static final String AUTH_NEEDED = "@text/offline.conf-error.authorization-needed [\"home\"]";

    static Stream<Arguments> badConfigurations() {
        return Stream.of(Arguments.of("clientId", "", "@text/offline.conf-error.client-id-missing"),
                Arguments.of("clientId", "  ", "@text/offline.conf-error.client-id-missing"),
                Arguments.of("clientSecret", "", "@text/offline.conf-error.client-secret-missing"),
                Arguments.of("apiBaseUrl", "not a url", "@text/offline.conf-error.api-base-url-invalid"),
                Arguments.of("apiBaseUrl", "ftp://wbsapi.withings.net",
                        "@text/offline.conf-error.api-base-url-invalid"),
                Arguments.of("accountBaseUrl", "account.withings.com",
                        "@text/offline.conf-error.account-base-url-invalid"),
                Arguments.of("redirectUri", "/withings/connect/home", "@text/offline.conf-error.redirect-uri-invalid"),
                Arguments.of("webhookUrl", "http://openhab.example.org", "@text/offline.conf-error.webhook-not-https"),
                Arguments.of("webhookUrl", "https://192.168.1.20", "@text/offline.conf-error.webhook-no-domain"),
                Arguments.of("webhookUrl", "https://openhab.example.org:8443",
                        "@text/offline.conf-error.webhook-bad-port"),
                Arguments.of("webhookUrl", "https://exa mple.org", "@text/offline.conf-error.webhook-url-invalid"),
                Arguments.of("rateLimit", 0, "@text/offline.conf-error.connection-limits-invalid"),
                Arguments.of("requestTimeout", 0, "@text/offline.conf-error.connection-limits-invalid"));
    }

    @ParameterizedTest
    @MethodSource("badConfigurations")
    void invalidConfigurationIsAConfigurationErrorSayingWhatToFix(String parameter, Object value, String text)
            throws Exception {
        Map<String, Object> config = validConfig();
        if ("webhookUrl".equals(parameter)) {
            // Withings' callback rules apply against Withings' cloud, not against the simulator
            config.put("apiBaseUrl", "https://wbsapi.withings.net");
        }
        config.put(parameter, value);
        WithingsAccountHandler handler = handler(bridge(config));
        handler.initialize();

        assertEquals(1, statuses().size());
        assertTrue(is(lastStatus(), ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, text),
                lastStatus().toString());
        String key = text.substring("@text/".length());
        assertNotNull(english().getProperty(key), "no English text for " + key);
        assertTrue(httpService.aliases().isEmpty(), "no servlet for an unusable bridge");
        assertTrue(tracker.accounts().isEmpty());
    }

    @Test
    void connectionSettingsOfTheBridgeReachTheClientAndItsRateLimiter() throws Exception {
        Map<String, Object> config = validConfig();
        config.put("rateLimit", 30);
        config.put("rateLimitPause", 600);
        config.put("requestTimeout", 7);
        WithingsAccountHandler handler = started(config);
        WithingsClient client = handler.client();
        assertEquals(30, client.getRateLimiter().getMaxPerMinute());
        assertEquals(Duration.ofMinutes(10), client.getRateLimiter().getCoolDown());
        assertEquals(Duration.ofSeconds(7), client.getConfig().requestTimeout());
        assertEquals(sim.baseUri().toString(), client.getConfig().apiBaseUri().toString());
        assertEquals(sim.baseUri().toString(), client.getConfig().accountBaseUri().toString());
    }

    @Test
    void withoutLinkedUserTheStatusLinksToTheLinkingPage() throws Exception {
        WithingsAccountHandler handler = handler(bridge(validConfig()));
        handler.initialize();
        assertEquals(ThingStatus.UNKNOWN, statuses().get(0).getStatus());

        awaitStatus(s -> s.getStatus() == ThingStatus.OFFLINE);
        assertTrue(is(lastStatus(), ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, AUTH_NEEDED));
        assertTrue(english().getProperty("offline.conf-error.authorization-needed")
                .startsWith("http(s)://<YOUROPENHAB>:<YOURPORT>/withings/connect/{0}"));
        assertTrue(httpService.isRegistered("/withings/connect/home"));
        assertEquals(List.of(handler), tracker.accounts());
        assertTrue(handler.tokenProvider("30000001").isEmpty());
        assertEquals("@text/offline.conf-error.reauthorization-needed [\"home\"]",
                handler.authorizationNeededStatus());
        assertTrue(english().getProperty("offline.conf-error.reauthorization-needed")
                .startsWith("http(s)://<YOUROPENHAB>:<YOURPORT>/withings/connect/{0}"));
    }

    @Test
    void linkingAUserMakesTheBridgeOnlineAndStoresTheTokenOnlyInCoresStore() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        assertEquals("30000001", link(handler, SCALE));

        awaitStatus(s -> s.getStatus() == ThingStatus.ONLINE);
        String handle = WithingsOAuth.handle(BRIDGE_ID, "30000001");
        AccessTokenResponse token = oauth.tokens.get(handle);
        assertNotNull(token);
        String accessToken = token.getAccessToken();
        assertNotNull(accessToken);
        // the temporary service of the link request is gone, nothing else is stored
        assertEquals(java.util.Set.of(handle), oauth.storedHandles());
        assertTrue(oauth.deleted.stream().anyMatch(h -> h.startsWith("withings:pending:home:")));
        // one withGsonBuilder instance with action=requesttoken; the factory's cache is never used
        assertTrue(oauth.gotFromCache.isEmpty());
        List<TestOAuthFactory.Service> userServices = oauth.instances.stream()
                .filter(s -> s.handle().equals(handle) && s.withGson).toList();
        assertEquals(1, userServices.size());
        assertEquals("requesttoken", userServices.get(0).extraAuthFields.get("action"));
        // the token provider hands out that token
        TokenProvider tp = handler.tokenProvider("30000001").orElseThrow();
        assertEquals(accessToken, tp.accessToken());
        // the bridge storage holds the user but no token
        Storage<String> storage = storageService.getStorage(handler.storageName());
        assertTrue(storage.containsKey("user:30000001"));
        for (Object value : storage.getValues()) {
            assertFalse(String.valueOf(value).contains(accessToken));
            assertFalse(String.valueOf(value).contains(String.valueOf(token.getRefreshToken())));
            assertFalse(String.valueOf(value).contains(sim.clientSecret()));
        }
        LinkedUserView view = handler.linking().linkedUsers().get(0);
        assertEquals("30000001", view.userId());
        assertEquals(TokenState.VALID, view.tokenState());
        assertNotNull(view.tokenExpires());
        assertEquals("1", handler.getThing().getProperties().get(WithingsBindingConstants.PROPERTY_LINKED_USERS));
    }

    @Test
    void aRestartKeepsTheTokensAndTheLinkedUsers() throws Exception {
        Bridge bridge = bridge(validConfig());
        WithingsAccountHandler first = handler(bridge);
        first.initialize();
        awaitStatus(s -> s.getStatus() == ThingStatus.OFFLINE);
        link(first, SCALE);
        awaitStatus(s -> s.getStatus() == ThingStatus.ONLINE);
        String handle = WithingsOAuth.handle(BRIDGE_ID, "30000001");
        String accessToken = oauth.tokens.get(handle).getAccessToken();
        assertTrue(first.isRunning());

        dispose(first);
        // a stopped bridge tells its user Things it is not running: no token, yet no re-authorisation needed
        assertFalse(first.isRunning());
        assertTrue(first.tokenProvider("30000001").isEmpty());
        assertTrue(oauth.ungot.contains(handle));
        assertFalse(oauth.deleted.contains(handle));
        assertTrue(oauth.tokens.containsKey(handle));
        assertFalse(httpService.isRegistered("/withings/connect/home"));
        assertTrue(tracker.accounts().isEmpty());

        clearStatuses();
        WithingsAccountHandler second = handler(bridge);
        second.initialize();
        awaitStatus(s -> s.getStatus() == ThingStatus.ONLINE);
        assertTrue(is(lastStatus(), ThingStatus.ONLINE, ThingStatusDetail.NONE, null));
        assertTrue(second.isRunning());
        assertEquals(accessToken, second.tokenProvider("30000001").orElseThrow().accessToken());
        assertFalse(oauth.deleted.contains(handle));
    }

    @Test
    void aRefusedTokenTellsOnlyThatUsersThingAndTheBridgeStaysOnline() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        link(handler, SCALE);
        link(handler, BPM);
        awaitStatus(s -> s.getStatus() == ThingStatus.ONLINE);
        WithingsUserHandler scale = userThing(handler, "30000001");
        WithingsUserHandler bpm = userThing(handler, "30000002");

        sim.control().revokeTokens(SCALE);
        TokenProvider tp = handler.tokenProvider("30000001").orElseThrow();
        assertThrows(WithingsAuthException.class, tp::refreshedAccessToken);

        verify(scale, timeout(TIMEOUT.toMillis())).onAuthorizationLost();
        handler.checkUsers();
        assertTrue(is(lastStatus(), ThingStatus.ONLINE, ThingStatusDetail.NONE,
                "@text/online.users-need-reauthorization [\"1\", \"home\"]"), lastStatus().toString());
        verify(bpm, never()).onAuthorizationLost();
        assertTrue(statuses().stream().noneMatch(s -> s.getStatus() == ThingStatus.OFFLINE
                && s.getStatusDetail() != ThingStatusDetail.CONFIGURATION_ERROR));
        assertEquals(TokenState.REAUTHORIZATION_NEEDED, handler.linking().linkedUsers().stream()
                .filter(v -> v.userId().equals("30000001")).findFirst().orElseThrow().tokenState());

        // linking again restores the user
        link(handler, SCALE);
        verify(scale, timeout(TIMEOUT.toMillis())).onAuthorized();
        handler.checkUsers();
        assertTrue(is(lastStatus(), ThingStatus.ONLINE, ThingStatusDetail.NONE, null), lastStatus().toString());
    }

    @Test
    void anUnexpectedExceptionDoesNotEndTheHourlyTokenCheck() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        link(handler, SCALE);
        awaitStatus(s -> s.getStatus() == ThingStatus.ONLINE);

        // e.g. core refuses a status while the bridge is being removed: an exception escaping the body of a
        // scheduleWithFixedDelay job would silently cancel every later check
        doThrow(new IllegalArgumentException("refused by core")).when(callback).statusUpdated(any(), any());
        assertDoesNotThrow(handler::checkUsers);
    }

    @Test
    void aReinitialiseBeforeTheFirstStartRanStartsOnceAndDisposeReleasesTheWebhookServlet() throws Exception {
        WithingsAccountHandler handler = handler(bridge(webhookConfig()));
        synchronized (handler.lifecycleLock) {
            // core's thingUpdated: dispose() and initialize() at once, before the start work of the first
            // initialize() ran on the scheduler
            handler.initialize();
            handler.dispose();
            handler.initialize();
            // both start works wait for the lock
            await(() -> threadsIn("start") == 2, "both start works queued");
        }
        await(() -> threadsIn("start") == 0, "both start works done");
        assertEquals(2, httpService.aliases().size(), "the linking page and one webhook servlet");

        dispose(handler);
        assertTrue(httpService.aliases().isEmpty(), "left registered: " + httpService.aliases());
    }

    /** Number of threads running (or waiting to run) the method of WithingsAccountHandler. */
    private static long threadsIn(String method) {
        return Thread.getAllStackTraces().values().stream().filter(stack -> java.util.Arrays.stream(stack)
                .anyMatch(frame -> frame.getClassName().equals(WithingsAccountHandler.class.getName())
                        && frame.getMethodName().equals(method)))
                .count();
    }

    @Test
    void aLinkCompletedAfterDisposeOpensNoOAuthServiceThatIsNeverReleased() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        String redirectUri = httpService.baseUri() + WithingsBindingConstants.CONNECT_PATH + BRIDGE_ID;
        PendingLink pending = handler.linking().beginLink(redirectUri, "state");
        String code = query(URI.create(sim.authorize(pending.authorizeUrl(), SCALE))).get("code");
        assertNotNull(code);

        // the bridge stops while the user's browser comes back from Withings' consent page
        dispose(handler);
        assertThrows(LinkException.class, () -> handler.linking().completeLink(pending, code));

        String handle = WithingsOAuth.handle(BRIDGE_ID, Long.toString(SCALE));
        assertFalse(oauth.created.contains(handle) && !oauth.ungot.contains(handle)
                && !oauth.deleted.contains(handle), "the OAuth service of the user stays open: " + oauth.created);
        assertTrue(oauth.deleted.contains(pending.temporaryHandle()));
        assertTrue(handler.linking().linkedUsers().isEmpty());
    }

    @Test
    void changedApplicationCredentialsDeleteTheTokensAndAskForLinkingAgain() throws Exception {
        Map<String, Object> config = validConfig();
        WithingsAccountHandler first = handler(bridge(config));
        first.initialize();
        awaitStatus(s -> s.getStatus() == ThingStatus.OFFLINE);
        link(first, SCALE);
        awaitStatus(s -> s.getStatus() == ThingStatus.ONLINE);
        String handle = WithingsOAuth.handle(BRIDGE_ID, "30000001");
        dispose(first);

        config.put("clientSecret", "a-new-secret");
        clearStatuses();
        WithingsAccountHandler second = handler(bridge(config));
        second.initialize();
        awaitStatus(s -> s.getStatus() == ThingStatus.OFFLINE);

        assertTrue(is(lastStatus(), ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, AUTH_NEEDED));
        assertTrue(oauth.deleted.contains(handle));
        assertFalse(oauth.tokens.containsKey(handle));
        assertTrue(second.linking().linkedUsers().isEmpty());
        assertTrue(second.tokenProvider("30000001").isEmpty());
        // only a fingerprint is stored, never the secret
        Storage<String> storage = storageService.getStorage(second.storageName());
        for (Object value : storage.getValues()) {
            assertFalse(String.valueOf(value).contains("a-new-secret"));
        }
    }

    @Test
    void unlinkingDeletesTheTokensAndTellsTheUserThing() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        link(handler, SCALE);
        awaitStatus(s -> s.getStatus() == ThingStatus.ONLINE);
        WithingsUserHandler scale = userThing(handler, "30000001");
        String handle = WithingsOAuth.handle(BRIDGE_ID, "30000001");

        assertTrue(handler.linking().unlink("30000001"));
        assertFalse(handler.linking().unlink("30000001"));

        verify(scale, timeout(TIMEOUT.toMillis()).atLeastOnce()).onAuthorizationLost();
        await(() -> oauth.deleted.contains(handle), "token deletion");
        assertFalse(oauth.tokens.containsKey(handle));
        assertTrue(handler.linking().linkedUsers().isEmpty());
        await(() -> is(lastStatus(), ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, AUTH_NEEDED),
                "authorization-needed status");
    }

    @Test
    void removalDeletesTokensAndStorageThenReportsRemoved() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        link(handler, SCALE);
        link(handler, BPM);
        awaitStatus(s -> s.getStatus() == ThingStatus.ONLINE);

        handler.handleRemoval();

        awaitStatus(s -> s.getStatus() == ThingStatus.REMOVED);
        assertTrue(oauth.deleted.contains(WithingsOAuth.handle(BRIDGE_ID, "30000001")));
        assertTrue(oauth.deleted.contains(WithingsOAuth.handle(BRIDGE_ID, "30000002")));
        assertTrue(oauth.tokens.isEmpty());
        assertTrue(storageService.getStorage(handler.storageName()).getKeys().isEmpty());
    }

    @Test
    void userThingsGetNotificationsOnTheSchedulerAndForcedSyncs() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        link(handler, SCALE);
        WithingsUserHandler scale = userThing(handler, "30000001");

        assertTrue(handler.knowsUser("30000001"));
        assertFalse(handler.knowsUser("30000002"));
        WithingsNotification n = new WithingsNotification("30000001", 50, null, null, null, null, null,
                Instant.now());
        handler.dispatch(n);
        verify(scale, timeout(TIMEOUT.toMillis())).onNotification(n);

        assertTrue(handler.requestSync("30000001"));
        assertFalse(handler.requestSync("30000002"));
        for (NotifyAppli appli : AccountChildren.SYNC_APPLIS) {
            verify(scale, timeout(TIMEOUT.toMillis()))
                    .onNotification(argThat(x -> x != null && x.appli() == appli.code() && x.startDate() == null));
        }

        removeUserThing(handler, scale);
        WithingsNotification late = new WithingsNotification("30000001", 1, null, null, null, null, null,
                Instant.now());
        try (OutputCapture output = new OutputCapture(WithingsAccountHandler.class)) {
            handler.dispatch(late);
            if (output.debugEnabled()) {
                // the bridge found no user Thing among its children
                await(() -> output.text().contains("notification 1 for user 30000001 without a user Thing"),
                        "the dropped notification");
            }
        }
        verify(scale, never()).onNotification(late);
    }

    @Test
    void aUserThingOfAnUnlinkedUserIsToldAuthorizationIsNeeded() throws Exception {
        WithingsAccountHandler handler = handler(bridge(validConfig()));
        WithingsUserHandler listener = userThing(handler, "30000009");
        handler.initialize();
        verify(listener, timeout(TIMEOUT.toMillis())).onAuthorizationLost();
        verify(listener, never()).onAuthorized();
    }

    static Properties english() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = WithingsAccountHandlerTest.class
                .getResourceAsStream("/OH-INF/i18n/withings.properties")) {
            assertNotNull(in);
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
