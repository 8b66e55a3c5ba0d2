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
package org.openhab.binding.withings.internal.account;

import org.openhab.binding.withings.internal.api.WithingsNotification;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.api.WithingsApiConfig;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.api.WithingsHttpTransport;
import org.openhab.binding.withings.internal.api.WithingsRateLimiter;
import org.openhab.binding.withings.internal.handler.FakeScheduler;
import org.openhab.binding.withings.internal.handler.JettyHttpService;
import org.openhab.binding.withings.internal.handler.SimulatorTokens;
import org.openhab.binding.withings.internal.servlet.RecordingDispatcher;
import org.openhab.binding.withings.internal.servlet.WebhookUrl;
import org.openhab.binding.withings.internal.servlet.WithingsWebhookServlet;
import org.openhab.binding.withings.simulator.Delivery;
import org.openhab.binding.withings.simulator.FaultSpec;
import org.openhab.binding.withings.simulator.SimUser;
import org.openhab.binding.withings.simulator.SimulatorOptions;
import org.openhab.binding.withings.simulator.Subscription;
import org.openhab.binding.withings.simulator.WithingsCloudSimulator;

/**
 * The subscription reconciler against the cloud simulator: real OAuth tokens, real notify calls, Withings' HEAD probe
 * and notification deliveries reaching the webhook servlet on an embedded Jetty. The reconciler's scheduler is a
 * {@link FakeScheduler}: its tasks (and so the notify calls) run on the test thread when the test moves the virtual
 * time.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class SubscriptionReconcilerTest {

    private static final String ALL_SCOPES = SimulatorTokens.ALL_SCOPES;
    private static final String SECRET = "NewSecretNewSecretNewSecretNew-_";
    private static final String OLD_SECRET = "OldSecretOldSecretOldSecretOld-_";
    private static final String OTHER_APP = "/other-app/withings-hook";
    private static final Set<Integer> ALL_APPLIS = Set.of(1, 2, 4, 16, 44, 50, 51, 54);

    private final FakeScheduler fake = new FakeScheduler(Instant.parse("2026-11-24T10:00:00Z"));
    private final List<SubscriptionStatus> reported = new CopyOnWriteArrayList<>();
    private final RecordingDispatcher dispatcher = new RecordingDispatcher();
    private @Nullable WithingsCloudSimulator simulator;
    private @Nullable JettyHttpService server;
    private @Nullable HttpClient http;
    private @Nullable WithingsClient client;
    private @Nullable WithingsRateLimiter limiter;
    private @Nullable SubscriptionReconciler manager;
    private long userid;
    private String user = "";
    private String callback = "";
    private String oldCallback = "";
    private String otherAppCallback = "";

    @BeforeEach
    void start() throws Exception {
        WithingsCloudSimulator sim = WithingsCloudSimulator.start(SimulatorOptions.defaults().port(0).seed(42));
        simulator = sim;
        userid = sim.user(SimUser.Kind.SLEEP).userid();
        user = Long.toString(userid);
        dispatcher.know(user);
        String alias = WebhookUrl.alias(SECRET);
        String oldAlias = WebhookUrl.alias(OLD_SECRET);
        JettyHttpService s = new JettyHttpService();
        server = s;
        assertTrue(new WithingsWebhookServlet(s, alias, dispatcher, fake.clock()).register());
        assertTrue(new WithingsWebhookServlet(s, oldAlias, dispatcher, fake.clock()).register());
        s.servePlain(OTHER_APP);
        callback = s.baseUri() + alias;
        oldCallback = s.baseUri() + oldAlias;
        otherAppCallback = s.baseUri() + OTHER_APP;
        HttpClient h = new HttpClient();
        h.start();
        http = h;
        WithingsRateLimiter l = new WithingsRateLimiter(1000, Duration.ofMinutes(5), fake.clock());
        limiter = l;
        WithingsApiConfig config = WithingsApiConfig.of(sim.baseUri().toString(), sim.baseUri().toString());
        WithingsClient c = new WithingsClient(new WithingsHttpTransport(h), config, l);
        client = c;
        manager = new SubscriptionReconciler(c, fake, fake.clock(), reported::add, SubscriptionReconciler.Timing.defaults());
    }

    @AfterEach
    void stop() throws Exception {
        SubscriptionReconciler m = manager;
        if (m != null) {
            m.dispose();
        }
        HttpClient h = http;
        if (h != null) {
            h.stop();
        }
        JettyHttpService s = server;
        if (s != null) {
            s.close();
        }
        WithingsCloudSimulator sim = simulator;
        if (sim != null) {
            sim.close();
        }
        assertEquals(List.of(), fake.failures(), "no scheduled task may throw");
    }

    // ------------------------------------------------------------------------------------------- helpers

    private WithingsCloudSimulator sim() {
        WithingsCloudSimulator s = simulator;
        assertNotNull(s);
        return s;
    }

    private SubscriptionReconciler manager() {
        SubscriptionReconciler m = manager;
        assertNotNull(m);
        return m;
    }

    private WithingsClient client() {
        WithingsClient c = client;
        assertNotNull(c);
        return c;
    }

    private JettyHttpService server() {
        JettyHttpService s = server;
        assertNotNull(s);
        return s;
    }

    /** Links the user: authorize (headless consent), then the code is exchanged at once. */
    private SimulatorTokens link(long id, String scope) throws Exception {
        HttpClient h = http;
        assertNotNull(h);
        return SimulatorTokens.link(sim(), h, id, scope);
    }

    private static Set<String> scopes(String list) {
        return Set.of(list.split(","));
    }

    private long count(String action) {
        return sim().control().requestCount("/notify", action, userid);
    }

    /** Applis subscribed at the simulator with this URL. */
    private Set<Integer> applisAt(String url) {
        return sim().control().subscriptions(userid).stream().filter(s -> s.callbackUrl().equals(url))
                .map(Subscription::appli).collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> urls() {
        return sim().control().subscriptions(userid).stream().map(Subscription::callbackUrl)
                .collect(Collectors.toSet());
    }

    private SubscriptionStatus status() {
        return manager().status(user);
    }

    private WebhookHealth health(String id) {
        return manager().status(id).health();
    }

    /** Links the user with every scope and lets the manager subscribe everything. */
    private SimulatorTokens healthy() throws Exception {
        SimulatorTokens tp = link(userid, ALL_SCOPES);
        manager().ensure(user, tp, scopes(ALL_SCOPES), callback);
        fake.advance(Duration.ofMinutes(2));
        assertEquals(WebhookHealth.HEALTHY, health(user));
        assertEquals(ALL_APPLIS, applisAt(callback));
        return tp;
    }

    // ------------------------------------------------------------------------------------------- tests

    @Test
    void ensureSubscribesExactlyTheNeededApplisInOneJobOnTheScheduler() throws Exception {
        SimulatorTokens tp = link(userid, ALL_SCOPES);
        manager().ensure(user, tp, scopes(ALL_SCOPES), callback);
        assertEquals(0, count("list"), "nothing runs on the caller's thread");
        assertEquals(WebhookHealth.PENDING, health(user));

        fake.runDue();
        assertEquals(1, count("list"));
        assertEquals(8, count("subscribe"));
        assertEquals(ALL_APPLIS, applisAt(callback));
        assertEquals(Set.of(callback), urls());
        for (Subscription s : sim().control().subscriptions(userid)) {
            assertEquals(SubscriptionReconciler.COMMENT, s.comment());
        }
        assertEquals(8, server().count("HEAD", WebhookUrl.alias(SECRET)), "Withings probed every subscribe");

        SubscriptionStatus status = status();
        assertEquals(WebhookHealth.HEALTHY, status.health());
        assertEquals(ALL_APPLIS, status.subscribedApplis());
        assertEquals(Set.of(), status.skippedApplis());
        assertEquals(Instant.parse("2026-11-24T10:00:00Z"), status.lastCheck());
        assertNull(status.lastError());
        assertNotNull(status.nextCheck());
        assertEquals(status, reported.get(reported.size() - 1), "the listener saw the final state");
        assertTrue(status.health().isHealthy());
    }

    @Test
    void theSharedRequestBudgetSpacesTheCallsAndDefersTheJob() throws Exception {
        SimulatorTokens tp = link(userid, ALL_SCOPES);
        WithingsRateLimiter small = new WithingsRateLimiter(5, Duration.ofMinutes(5), fake.clock());
        WithingsApiConfig config = WithingsApiConfig.of(sim().baseUri().toString(), sim().baseUri().toString());
        HttpClient h = http;
        assertNotNull(h);
        SubscriptionReconciler budgeted = new SubscriptionReconciler(
                new WithingsClient(new WithingsHttpTransport(h), config, small), fake, fake.clock(), reported::add,
                SubscriptionReconciler.Timing.defaults());
        try {
            budgeted.ensure(user, tp, scopes(ALL_SCOPES), callback);
            fake.runDue();
            // list + 4 subscribes use the budget of the minute; the job is deferred, not parked on the thread
            assertEquals(1, count("list"));
            assertEquals(4, count("subscribe"));
            assertEquals(WebhookHealth.PENDING, budgeted.status(user).health());
            // the budget is back a minute and the limiter's margin after the answers
            assertEquals(fake.now().plus(Duration.ofSeconds(61)), budgeted.status(user).nextCheck());
            fake.advance(Duration.ofSeconds(61));
            assertEquals(8, count("subscribe"));
            fake.advance(Duration.ofMinutes(1));
            assertEquals(8, count("subscribe"), "each category subscribed once");
            assertEquals(WebhookHealth.HEALTHY, budgeted.status(user).health());
            assertEquals(ALL_APPLIS, applisAt(callback));
        } finally {
            budgeted.dispose();
        }
    }

    @Test
    void secondEnsureListsButMakesNoSubscribeCall() throws Exception {
        SimulatorTokens tp = healthy();
        assertEquals(8, count("subscribe"));
        manager().ensure(user, tp, scopes(ALL_SCOPES), callback);
        fake.advance(Duration.ofMinutes(2));
        assertEquals(2, count("list"));
        assertEquals(8, count("subscribe"));
        assertEquals(0, count("revoke"));
        assertEquals(WebhookHealth.HEALTHY, health(user));
    }

    @Test
    void staleOwnUrlIsRevokedAndOtherAppsUrlKept() throws Exception {
        SimulatorTokens tp = link(userid, ALL_SCOPES);
        client().notifySubscribe(tp, oldCallback, 1, "an earlier secret of this binding");
        client().notifySubscribe(tp, oldCallback, 44, "an earlier secret of this binding");
        client().notifySubscribe(tp, otherAppCallback, 1, "another application");
        long subscribesBefore = count("subscribe");

        manager().ensure(user, tp, scopes(ALL_SCOPES), callback);
        fake.advance(Duration.ofMinutes(2));

        assertEquals(2, count("revoke"), "only our two stale subscriptions are revoked");
        assertEquals(Set.of(), applisAt(oldCallback));
        assertEquals(Set.of(1), applisAt(otherAppCallback), "another application's URL is never touched");
        assertEquals(ALL_APPLIS, applisAt(callback));
        assertEquals(8, count("subscribe") - subscribesBefore);
        assertEquals(WebhookHealth.HEALTHY, health(user));
    }

    @Test
    void missingScopeSkipsItsApplisAndReportsIt() throws Exception {
        String granted = "user.info,user.metrics,user.activity";
        SimulatorTokens tp = link(userid, granted);
        manager().ensure(user, tp, scopes(granted), callback);
        fake.advance(Duration.ofMinutes(2));

        assertEquals(Set.of(1, 2, 4, 16, 44, 54), applisAt(callback));
        assertEquals(6, count("subscribe"));
        SubscriptionStatus status = status();
        assertEquals(WebhookHealth.HEALTHY, status.health());
        assertEquals(Set.of(50, 51), status.skippedApplis());
        assertEquals(Set.of("user.sleepevents"), status.missingScopes());
    }

    @Test
    void scopeRefusedByWithingsIsSkippedToo() throws Exception {
        // the bridge believes activity was granted, Withings says 277 for 16 and 44
        String granted = "user.info,user.metrics,user.sleepevents";
        SimulatorTokens tp = link(userid, granted);
        manager().ensure(user, tp, scopes(ALL_SCOPES), callback);
        fake.advance(Duration.ofMinutes(2));

        assertEquals(Set.of(1, 2, 4, 50, 51, 54), applisAt(callback));
        SubscriptionStatus status = status();
        assertEquals(WebhookHealth.HEALTHY, status.health());
        assertEquals(Set.of(16, 44), status.skippedApplis());
        assertEquals(Set.of("user.activity"), status.missingScopes());
    }

    @Test
    void unreachableCallbackStopsWithoutRetryStorm() throws Exception {
        SimulatorTokens tp = link(userid, ALL_SCOPES);
        String deadAlias = WebhookUrl.alias("NobodyAnswersHereNobodyAnswers00");
        manager().ensure(user, tp, scopes(ALL_SCOPES), server().baseUri() + deadAlias);
        fake.runDue();

        assertEquals(1, count("subscribe"));
        assertEquals(1, server().count("HEAD", deadAlias), "Withings probed the URL once");
        SubscriptionStatus status = status();
        assertEquals(WebhookHealth.UNREACHABLE, status.health());
        String error = status.lastError();
        assertNotNull(error);
        assertTrue(error.contains("status 293"), error);
        assertFalse(error.contains("NobodyAnswers"), "no URL (secret) in the status");
        assertEquals(0, fake.pending(), "no retry scheduled");

        fake.advance(Duration.ofDays(3));
        assertEquals(1, count("subscribe"), "no retries at all");
        assertEquals(1, count("list"));
        assertEquals(Set.of(), urls());

        // fixing the URL (a new ensure) starts again
        manager().ensure(user, tp, scopes(ALL_SCOPES), callback);
        fake.advance(Duration.ofMinutes(2));
        assertEquals(WebhookHealth.HEALTHY, health(user));
        assertEquals(ALL_APPLIS, applisAt(callback));
    }

    @Test
    void transientFailureIsRetriedWithExponentialBackOff() throws Exception {
        SimulatorTokens tp = link(userid, ALL_SCOPES);
        sim().control().injectFault(FaultSpec.status(2551).on("/notify", "subscribe").times(2));
        manager().ensure(user, tp, scopes(ALL_SCOPES), callback);
        fake.runDue();

        assertEquals(1, count("subscribe"));
        SubscriptionStatus first = status();
        assertEquals(WebhookHealth.DEGRADED, first.health());
        assertEquals(fake.now().plus(Duration.ofMinutes(1)), first.nextCheck());
        String error = first.lastError();
        assertNotNull(error);
        assertTrue(error.contains("2551"), error);
        assertFalse(first.health().isHealthy());

        fake.advance(Duration.ofSeconds(59));
        assertEquals(1, count("list"), "no retry before the back-off");
        fake.advance(Duration.ofSeconds(1));
        assertEquals(2, count("list"));
        assertEquals(2, count("subscribe"));
        assertEquals(fake.now().plus(Duration.ofMinutes(2)), status().nextCheck(), "the delay doubles");

        fake.advance(Duration.ofMinutes(2));
        assertEquals(3, count("list"));
        fake.advance(Duration.ofMinutes(1));
        assertEquals(WebhookHealth.HEALTHY, health(user));
        assertEquals(ALL_APPLIS, applisAt(callback));
        assertEquals(10, count("subscribe"));
        assertNull(status().lastError());
        Instant next = status().nextCheck();
        assertNotNull(next);
        assertTrue(next.isAfter(fake.now().plus(Duration.ofHours(5))), "next: the watchdog");
    }

    @Test
    void permanentRefusalOfACoreAppliDegradesUntilTheWatchdogRepairsIt() throws Exception {
        SimulatorTokens tp = link(userid, ALL_SCOPES);
        sim().control().injectFault(FaultSpec.status(2554).on("/notify", "subscribe").times(1));
        manager().ensure(user, tp, scopes(ALL_SCOPES), callback);
        fake.advance(Duration.ofMinutes(2));

        assertEquals(8, count("subscribe"), "the other categories are still subscribed");
        assertEquals(Set.of(2, 4, 16, 44, 50, 51, 54), applisAt(callback));
        SubscriptionStatus status = status();
        assertEquals(WebhookHealth.DEGRADED, status.health());
        assertEquals(Set.of(1), status.failedApplis());
        assertEquals(1, fake.pending(), "only the watchdog, no back-off storm");

        Instant watchdog = status.nextCheck();
        assertNotNull(watchdog);
        fake.advance(Duration.between(fake.now(), watchdog).plusMinutes(1));
        assertEquals(WebhookHealth.HEALTHY, health(user));
        assertEquals(ALL_APPLIS, applisAt(callback));
        assertEquals(Set.of(), status().failedApplis());
        assertNull(status().lastError());
    }

    @Test
    void permanentRefusalOfAnOptionalAppliKeepsTheWebhookHealthy() throws Exception {
        SimulatorTokens tp = link(userid, ALL_SCOPES);
        for (int appli : List.of(1, 2, 4, 16, 44, 50, 51)) {
            client().notifySubscribe(tp, callback, appli, SubscriptionReconciler.COMMENT);
        }
        // ECG (54) is the only category left, and Withings refuses it permanently
        sim().control().injectFault(FaultSpec.status(2554).on("/notify", "subscribe").times(1));
        manager().ensure(user, tp, scopes(ALL_SCOPES), callback);
        fake.advance(Duration.ofMinutes(1));

        SubscriptionStatus status = status();
        assertEquals(WebhookHealth.HEALTHY, status.health());
        assertEquals(Set.of(54), status.failedApplis());
        assertFalse(status.subscribedApplis().contains(54));
        String error = status.lastError();
        assertNotNull(error);
        assertTrue(error.contains("appli 54"), error);
    }

    @Test
    void tooManyRequestsWaitsAtLeastTheLimiterPause() throws Exception {
        SimulatorTokens tp = link(userid, ALL_SCOPES);
        sim().control().injectFault(FaultSpec.status(601).on("/notify", "subscribe").times(1));
        manager().ensure(user, tp, scopes(ALL_SCOPES), callback);
        fake.runDue();

        WithingsRateLimiter l = limiter;
        assertNotNull(l);
        assertEquals(fake.now().plus(Duration.ofMinutes(5)), l.getPausedUntil().orElseThrow());
        assertEquals(WebhookHealth.DEGRADED, health(user));
        assertEquals(fake.now().plus(Duration.ofMinutes(5)), status().nextCheck(), "not the 1 min back-off");

        fake.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertEquals(1, count("list"));
        fake.advance(Duration.ofSeconds(1));
        assertEquals(2, count("list"));
        fake.advance(Duration.ofMinutes(1));
        assertEquals(WebhookHealth.HEALTHY, health(user));
        assertEquals(ALL_APPLIS, applisAt(callback));
    }

    @Test
    void watchdogRepairsWhatWithingsDropped() throws Exception {
        SimulatorTokens tp = healthy();
        long lists = count("list");

        // 4 failed deliveries (our servlet refuses the user for a while): Withings drops the subscription
        dispatcher.forget(user);
        for (int i = 0; i < 4; i++) {
            List<Delivery> deliveries = sim().control().setInBed(userid, true).get(10, TimeUnit.SECONDS);
            assertEquals(1, deliveries.size());
            assertEquals(404, deliveries.get(0).answerCode());
        }
        dispatcher.know(user);
        assertFalse(applisAt(callback).contains(50), "Withings dropped appli 50");
        // and one revoked behind our back
        client().notifyRevoke(tp, callback, 16);
        assertFalse(applisAt(callback).contains(16));

        Instant watchdog = status().nextCheck();
        assertNotNull(watchdog);
        fake.advance(Duration.between(fake.now(), watchdog).minusSeconds(1));
        assertEquals(lists, count("list"), "the watchdog waits its period");
        fake.advance(Duration.ofMinutes(1));
        assertEquals(lists + 1, count("list"));
        assertEquals(ALL_APPLIS, applisAt(callback), "the watchdog re-subscribed");
        assertEquals(10, count("subscribe"));
        assertEquals(WebhookHealth.HEALTHY, health(user));
    }

    @Test
    void inBedEventArrivesAtTheServletAsAppli50() throws Exception {
        healthy();
        List<Delivery> deliveries = sim().control().setInBed(userid, true).get(10, TimeUnit.SECONDS);
        assertEquals(1, deliveries.size());
        assertEquals(200, deliveries.get(0).answerCode());
        WithingsNotification n = dispatcher.next(Duration.ofSeconds(10));
        assertNotNull(n);
        assertEquals(user, n.userId());
        assertEquals(50, n.appli());
        assertNotNull(n.date());
        assertEquals(fake.now(), n.received());
        assertEquals(1, dispatcher.dispatched().size());

        List<Delivery> out = sim().control().setInBed(userid, false).get(10, TimeUnit.SECONDS);
        assertEquals(200, out.get(0).answerCode());
        WithingsNotification left = dispatcher.next(Duration.ofSeconds(10));
        assertNotNull(left);
        assertEquals(51, left.appli());
    }

    @Test
    void refusedAuthorizationGivesAuthFailedAndNoRetry() throws Exception {
        SimulatorTokens tp = link(userid, ALL_SCOPES);
        sim().control().revokeTokens(userid);
        manager().ensure(user, tp, scopes(ALL_SCOPES), callback);
        fake.runDue();

        assertEquals(1, tp.refreshes(), "the client tried one refresh");
        assertEquals(WebhookHealth.AUTH_FAILED, health(user));
        assertEquals(0, fake.pending());
        fake.advance(Duration.ofDays(1));
        assertEquals(1, tp.refreshes());
        assertEquals(WebhookHealth.AUTH_FAILED, reported.get(reported.size() - 1).health());
    }

    @Test
    void removeRevokesOurSubscriptionsOnly() throws Exception {
        SimulatorTokens tp = healthy();
        client().notifySubscribe(tp, oldCallback, 4, "stale");
        client().notifySubscribe(tp, otherAppCallback, 1, "another application");

        CompletableFuture<Boolean> done = manager().remove(user, tp, callback);
        assertFalse(done.isDone(), "revocations run on the scheduler");
        assertEquals(WebhookHealth.DISABLED, health(user));
        fake.advance(Duration.ofMinutes(1));

        assertTrue(done.getNow(false));
        assertEquals(9, count("revoke"));
        assertEquals(Set.of(otherAppCallback), urls());
        fake.advance(Duration.ofDays(1));
        assertEquals(0, fake.pending(), "no watchdog for a removed user");
    }

    @Test
    void removeUsesTheLastCallbackWhenNoneIsGiven() throws Exception {
        SimulatorTokens tp = healthy();
        CompletableFuture<Boolean> done = manager().remove(user, tp, null);
        fake.advance(Duration.ofMinutes(1));
        assertTrue(done.getNow(false));
        assertEquals(Set.of(), urls());
    }

    @Test
    void forgetStopsWatchingWithoutRevoking() throws Exception {
        healthy();
        assertEquals(1, fake.pending(), "the watchdog");
        manager().forget(user);
        assertEquals(0, fake.pending());
        assertEquals(WebhookHealth.DISABLED, health(user));
        fake.advance(Duration.ofDays(1));
        assertEquals(ALL_APPLIS, applisAt(callback), "a restart keeps the subscriptions");
        assertEquals(0, count("revoke"));
    }

    @Test
    void eachUserHasItsOwnReconcileJob() throws Exception {
        long other = sim().user(SimUser.Kind.SCALE).userid();
        SimulatorTokens tp1 = link(userid, ALL_SCOPES);
        SimulatorTokens tp2 = link(other, ALL_SCOPES);
        manager().ensure(user, tp1, scopes(ALL_SCOPES), callback);
        manager().ensure(Long.toString(other), tp2, scopes(ALL_SCOPES), callback);
        assertEquals(2, fake.pending(), "one job per user");
        fake.runDue();
        assertEquals(WebhookHealth.HEALTHY, health(user));
        assertEquals(WebhookHealth.HEALTHY, health(Long.toString(other)));
        assertEquals(8, sim().control().requestCount("/notify", "subscribe", other));
        Map<String, SubscriptionStatus> all = manager().statuses();
        assertEquals(Set.of(user, Long.toString(other)), all.keySet());
        assertEquals(16, server().count("HEAD", WebhookUrl.alias(SECRET)));
    }

    @Test
    void aWaitingCheckUsesTheLatestEnsure() throws Exception {
        long other = sim().user(SimUser.Kind.SCALE).userid();
        SimulatorTokens tp1 = link(userid, ALL_SCOPES);
        SimulatorTokens tp2 = link(other, ALL_SCOPES);
        manager().ensure(Long.toString(other), tp2, scopes(ALL_SCOPES), callback);
        manager().ensure(user, tp1, scopes(ALL_SCOPES), oldCallback);
        manager().ensure(user, tp1, scopes("user.metrics"), callback);
        fake.advance(Duration.ofMinutes(3));

        assertEquals(Set.of(1, 2, 4, 54), applisAt(callback));
        assertEquals(Set.of(), applisAt(oldCallback));
        assertEquals(1, count("list"), "one check for the user, with the latest values");
    }

    @Test
    void ensureDuringARunningCheckRunsItAgainAfterwards() throws Exception {
        SimulatorTokens tp = link(userid, ALL_SCOPES);
        AtomicBoolean first = new AtomicBoolean(true);
        // the first token request of the running job brings a new ensure with every scope
        TokenProvider during = new TokenProvider() {
            @Override
            public String accessToken() throws WithingsApiException {
                if (first.getAndSet(false)) {
                    manager().ensure(user, tp, scopes(ALL_SCOPES), callback);
                }
                return tp.accessToken();
            }

            @Override
            public String refreshedAccessToken() throws WithingsApiException {
                return tp.refreshedAccessToken();
            }
        };
        manager().ensure(user, during, scopes("user.metrics"), callback);
        fake.runDue(); // the running job subscribes the metrics categories, then runs again with every scope

        assertEquals(2, count("list"));
        assertEquals(ALL_APPLIS, applisAt(callback));
        assertEquals(8, count("subscribe"));
        assertEquals(WebhookHealth.HEALTHY, health(user));
    }

    @Test
    void disposeCancelsEverything() throws Exception {
        SimulatorTokens tp = link(userid, ALL_SCOPES);
        manager().ensure(user, tp, scopes(ALL_SCOPES), callback);
        manager().dispose();
        assertEquals(0, fake.pending());
        fake.advance(Duration.ofDays(1));
        assertEquals(0, count("list"));
        assertEquals(WebhookHealth.DISABLED, health(user));
        manager().ensure(user, tp, scopes(ALL_SCOPES), callback);
        assertEquals(0, fake.pending(), "a disposed manager does nothing");
    }

    @Test
    void ownSubscriptionsAreRecognisedByTheWebhookPath() {
        assertEquals("https://h.example.org/withings/webhook/",
                SubscriptionReconciler.ownPrefix("https://h.example.org/withings/webhook/abc"));
        assertNull(SubscriptionReconciler.ownPrefix("https://h.example.org/other"));
    }
}
