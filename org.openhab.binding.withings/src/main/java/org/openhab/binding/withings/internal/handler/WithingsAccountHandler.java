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

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.WithingsBindingConstants;
import org.openhab.binding.withings.internal.WithingsServices;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiConfig;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsAuthException;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.api.WithingsHttpTransport;
import org.openhab.binding.withings.internal.api.WithingsRateLimiter;
import org.openhab.binding.withings.internal.auth.WithingsAccessTokenDeserializer;
import org.openhab.binding.withings.internal.auth.WithingsOAuth;
import org.openhab.binding.withings.internal.config.WithingsAccountConfiguration;
import org.openhab.binding.withings.internal.discovery.WithingsDiscoveryService;
import org.openhab.binding.withings.internal.servlet.AccountLinking;
import org.openhab.binding.withings.internal.servlet.LinkException;
import org.openhab.binding.withings.internal.servlet.PendingLink;
import org.openhab.binding.withings.internal.servlet.WebhookDispatcher;
import org.openhab.binding.withings.internal.servlet.WebhookSecret;
import org.openhab.binding.withings.internal.servlet.WebhookUrl;
import org.openhab.binding.withings.internal.servlet.WithingsConnectServlet;
import org.openhab.binding.withings.internal.servlet.WithingsWebhookServlet;
import org.openhab.core.auth.client.oauth2.AccessTokenRefreshListener;
import org.openhab.core.auth.client.oauth2.AccessTokenResponse;
import org.openhab.core.auth.client.oauth2.OAuthClientService;
import org.openhab.core.auth.client.oauth2.OAuthException;
import org.openhab.core.auth.client.oauth2.OAuthFactory;
import org.openhab.core.auth.client.oauth2.OAuthResponseException;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.binding.BaseBridgeHandler;
import org.openhab.core.thing.binding.ThingHandlerService;
import org.openhab.core.types.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handler of the {@code withings:account} bridge: one Withings developer application with its linked users.
 * <ul>
 * <li>validates the configuration and builds one {@link WithingsClient} (one rate limiter) for all users;</li>
 * <li>keeps the list of linked users (userid, granted scope, link time; never tokens) in a storage of its own and
 * one {@link OAuthClientService} per user (created with {@link WithingsOAuth}, handle
 * {@link WithingsOAuth#handle}); tokens live only in core's OAuth store, survive restarts and are deleted on
 * unlink, bridge removal or a change of the application credentials;</li>
 * <li>serves the account-linking page ({@link WithingsConnectServlet}) and completes the OAuth flow;</li>
 * <li>tells each user Thing ({@link WithingsUserListener}) about notifications, lost or regained authorisation and
 * webhook health; a refused token concerns only that user, never the whole bridge;</li>
 * <li>feeds the {@link WithingsDiscoveryService} with linked users.</li>
 * </ul>
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class WithingsAccountHandler extends BaseBridgeHandler
        implements WithingsAccountAccess, AccountLinking, WebhookDispatcher, UserSession.Outcomes {

    /** Bridge property with the webhook state. */
    public static final String PROPERTY_WEBHOOK_STATUS = "webhookStatus";
    /** Bridge property with the number of linked users. */
    public static final String PROPERTY_LINKED_USERS = "linkedUsers";

    static final String TEXT_AUTHORIZATION_NEEDED = "@text/offline.conf-error.authorization-needed";
    static final String TEXT_REAUTHORIZATION_NEEDED = "@text/offline.conf-error.reauthorization-needed";

    /** How often the tokens of all users are checked (and refreshed when expired). */
    static final Duration CHECK_INTERVAL = Duration.ofHours(1);
    static final Duration RETRY_MIN = Duration.ofMinutes(1);
    static final Duration RETRY_MAX = Duration.ofMinutes(30);
    /** Longest wait for the revocation of subscriptions before tokens are deleted anyway. */
    static final Duration REVOKE_TIMEOUT = Duration.ofSeconds(90);

    private final Logger logger = LoggerFactory.getLogger(WithingsAccountHandler.class);
    private final WithingsServices services;
    private final WithingsAccountTracker tracker;
    private final Clock clock;

    private volatile WithingsAccountConfiguration config = new WithingsAccountConfiguration();
    private volatile @Nullable WithingsApiConfig apiConfig;
    private volatile @Nullable WithingsClient client;
    private volatile @Nullable LinkedUserStore store;
    private volatile @Nullable WithingsConnectServlet connectServlet;
    private volatile @Nullable WithingsDiscoveryService discovery;
    private volatile boolean started;
    private volatile boolean usersLoaded;
    private final SecureRandom random = new SecureRandom();

    private final Map<String, UserSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, WithingsUserListener> listeners = new ConcurrentHashMap<>();
    private final Map<String, Boolean> webhookHealth = new ConcurrentHashMap<>();
    /** Listeners told that their authorisation is gone (and not told otherwise since). */
    private final Set<WithingsUserListener> toldLost = ConcurrentHashMap.newKeySet();

    private volatile @Nullable String webhookBaseOverride;
    private volatile SubscriptionManager.@Nullable Timing subscriptionTiming;
    private volatile @Nullable SubscriptionManager subscriptions;
    private volatile @Nullable WithingsWebhookServlet webhookServlet;
    /** The full callback URL: contains the webhook secret, never logged or shown. */
    private volatile @Nullable String callbackUrl;
    private volatile int refusedUsers;
    /** Serialises status checks, so the last check decides the status. */
    private final Object checkLock = new Object();
    /** Keeps the loading in start() and dispose() apart. */
    private final Object lifecycleLock = new Object();

    private @Nullable ScheduledFuture<?> checkJob;
    private @Nullable ScheduledFuture<?> retryJob;
    private int failedChecks;

    public WithingsAccountHandler(Bridge bridge, WithingsServices services, WithingsAccountTracker tracker) {
        this(bridge, services, tracker, Clock.systemUTC());
    }

    public WithingsAccountHandler(Bridge bridge, WithingsServices services, WithingsAccountTracker tracker,
            Clock clock) {
        super(bridge);
        this.services = services;
        this.tracker = tracker;
        this.clock = clock;
    }

    WithingsServices services() {
        return services;
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void initialize() {
        WithingsAccountConfiguration cfg = getConfigAs(WithingsAccountConfiguration.class);
        config = cfg;
        String problem = validate(cfg);
        if (problem != null) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, problem);
            return;
        }
        WithingsApiConfig api = new WithingsApiConfig(URI.create(cfg.apiBaseUrl.trim()),
                URI.create(cfg.accountBaseUrl.trim()), Duration.ofSeconds(cfg.requestTimeout),
                WithingsApiConfig.DEFAULT_MAX_PAGES);
        apiConfig = api;
        client = new WithingsClient(new WithingsHttpTransport(services.httpClient()), api,
                new WithingsRateLimiter(cfg.rateLimit, Duration.ofSeconds(cfg.rateLimitPause), clock));
        store = new LinkedUserStore(services.storageService().getStorage(storageName()));
        WithingsConnectServlet servlet = new WithingsConnectServlet(services.httpService(), this, clock);
        connectServlet = servlet;
        servlet.register();
        tracker.register(this);
        started = true;
        updateStatus(ThingStatus.UNKNOWN);
        scheduler.execute(this::start);
    }

    /**
     * Name of the storage of this bridge (linked users, credentials fingerprint, webhook secret): the storage is a
     * file named after it, so no colons.
     */
    String storageName() {
        return "withings." + getThing().getUID().getAsString().replace(':', '_');
    }

    /**
     * Checks the configuration.
     *
     * @return a status text naming what to fix, or null if the configuration is usable
     */
    @Nullable
    String validate(WithingsAccountConfiguration cfg) {
        if (cfg.clientId.isBlank()) {
            return "@text/offline.conf-error.client-id-missing";
        }
        if (cfg.clientSecret.isBlank()) {
            return "@text/offline.conf-error.client-secret-missing";
        }
        if (!isHttpUrl(cfg.apiBaseUrl)) {
            return "@text/offline.conf-error.api-base-url-invalid";
        }
        if (!isHttpUrl(cfg.accountBaseUrl)) {
            return "@text/offline.conf-error.account-base-url-invalid";
        }
        String redirect = cfg.redirectUri.trim();
        if (!redirect.isEmpty() && !isHttpUrl(redirect)) {
            return "@text/offline.conf-error.redirect-uri-invalid";
        }
        if (cfg.rateLimit < 1 || cfg.rateLimitPause < 1 || cfg.requestTimeout < 1) {
            return "@text/offline.conf-error.connection-limits-invalid";
        }
        return validateWebhookUrl(cfg);
    }

    static boolean isHttpUrl(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme();
            return uri.isAbsolute() && scheme != null
                    && ("http".equals(scheme.toLowerCase(Locale.ROOT))
                            || "https".equals(scheme.toLowerCase(Locale.ROOT)))
                    && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Work after initialize(), on the scheduler. */
    private void start() {
        synchronized (lifecycleLock) {
            if (!load()) {
                return;
            }
        }
        checkUsers();
        WithingsDiscoveryService d = discovery;
        if (d != null) {
            d.publishLinkedUsers();
        }
        synchronized (this) {
            if (started) {
                checkJob = scheduler.scheduleWithFixedDelay(this::checkUsers, CHECK_INTERVAL.toSeconds(),
                        CHECK_INTERVAL.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    /** Loads the linked users and starts the webhook; false if the handler was disposed meanwhile. */
    private boolean load() {
        LinkedUserStore st = store;
        if (!started || st == null) {
            return false;
        }
        WithingsAccountConfiguration cfg = config;
        if (st.credentialsChanged(getThing().getUID().getAsString(), cfg.clientId, cfg.clientSecret)) {
            logger.debug("Bridge {}: application credentials changed, the tokens of {} user(s) are deleted",
                    bridgeId(), st.users().size());
            for (LinkedUser user : st.users()) {
                services.oAuthFactory().deleteServiceAndAccessToken(WithingsOAuth.handle(bridgeId(), user.userId()));
                st.remove(user.userId());
                forgetSubscriptions(user.userId());
                WithingsUserListener listener = listeners.get(user.userId());
                if (listener != null) {
                    tellLost(listener);
                }
            }
        }
        for (LinkedUser user : st.users()) {
            openSession(user);
        }
        usersLoaded = true;
        // user Things that registered before the users were loaded and are not linked
        listeners.forEach((userId, listener) -> {
            if (!sessions.containsKey(userId)) {
                tellLost(listener);
            }
        });
        updateProperty(PROPERTY_LINKED_USERS, Integer.toString(sessions.size()));
        startWebhooks();
        return true;
    }

    private UserSession openSession(LinkedUser user) {
        UserSession existing = sessions.get(user.userId());
        if (existing != null) {
            existing.scope = user.scope();
            return existing;
        }
        WithingsApiConfig api = apiConfigOrDefault();
        String handle = WithingsOAuth.handle(bridgeId(), user.userId());
        WithingsOAuth.Service oauth = WithingsOAuth.createWithDeserializer(services.oAuthFactory(), handle, api,
                config.clientId, config.clientSecret);
        UserSession session = new UserSession(user.userId(), handle, oauth, user.scope(), this);
        oauth.service().addAccessTokenRefreshListener(new AccessTokenRefreshListener() {
            @Override
            public void onAccessTokenResponse(AccessTokenResponse response) {
                // Withings accepted a refresh: proof the authorisation works (also after a refresh core did itself)
                noteToken(session, response);
                tokenWorked(session, true);
            }
        });
        sessions.put(user.userId(), session);
        return session;
    }

    private WithingsApiConfig apiConfigOrDefault() {
        WithingsApiConfig api = apiConfig;
        return api != null ? api : WithingsApiConfig.defaults();
    }

    @Override
    public void dispose() {
        synchronized (this) {
            started = false;
            usersLoaded = false;
            cancel(checkJob);
            checkJob = null;
            cancel(retryJob);
            retryJob = null;
        }
        tracker.unregister(this);
        WithingsConnectServlet servlet = connectServlet;
        connectServlet = null;
        if (servlet != null) {
            servlet.unregister();
        }
        synchronized (lifecycleLock) {
            stopWebhooks();
            for (UserSession session : sessions.values()) {
                services.oAuthFactory().ungetOAuthService(session.handle);
            }
            sessions.clear();
        }
        // the client stays: a user Thing's job still running during the dispose must not meet a missing client
        store = null;
    }

    private static void cancel(@Nullable ScheduledFuture<?> job) {
        if (job != null) {
            job.cancel(false);
        }
    }

    @Override
    public void handleRemoval() {
        scheduler.execute(this::remove);
    }

    /** Bridge removal: revoke subscriptions, delete every token, clear the storage, then report REMOVED. */
    private void remove() {
        Set<String> userIds = new LinkedHashSet<>(sessions.keySet());
        LinkedUserStore st = store;
        LinkedUserStore storage = st != null ? st
                : new LinkedUserStore(services.storageService().getStorage(storageName()));
        storage.users().forEach(u -> userIds.add(u.userId()));
        revokeThen(List.copyOf(sessions.values()), () -> {
            for (String userId : userIds) {
                services.oAuthFactory().deleteServiceAndAccessToken(WithingsOAuth.handle(bridgeId(), userId));
                sessions.remove(userId);
            }
            storage.clear();
            logger.debug("Bridge {} removed: tokens of {} user(s) deleted", bridgeId(), userIds.size());
            super.handleRemoval();
        });
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        // the bridge has no channels
    }

    @Override
    public Collection<Class<? extends ThingHandlerService>> getServices() {
        return Set.of(WithingsDiscoveryService.class);
    }

    // ------------------------------------------------------------------ status

    /** Checks the token of every linked user (refreshing it when expired) and derives the bridge status. */
    void checkUsers() {
        synchronized (checkLock) {
            checkUsersLocked();
        }
    }

    private void checkUsersLocked() {
        if (!started) {
            return;
        }
        if (sessions.isEmpty()) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, authorizationNeededBridge());
            return;
        }
        int working = 0;
        int unreachable = 0;
        int refused = 0;
        for (UserSession session : List.copyOf(sessions.values())) {
            try {
                session.tokenProvider.accessToken();
                if (session.tokenState == TokenState.REAUTHORIZATION_NEEDED) {
                    refused++;
                } else {
                    readExpiry(session);
                    working++;
                }
            } catch (WithingsAuthException e) {
                refused++;
            } catch (WithingsApiException e) {
                unreachable++;
            }
        }
        if (!started) {
            return;
        }
        if (working == 0 && unreachable > 0) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                    "@text/offline.comm-error.token-check");
            scheduleRetry();
            return;
        }
        failedChecks = 0;
        refusedUsers = refused;
        publishOnline();
        for (UserSession session : List.copyOf(sessions.values())) {
            if (session.tokenState == TokenState.VALID) {
                ensureSubscriptions(session);
            }
        }
    }

    /** ONLINE, with a description when webhooks cannot be reached or users need re-authorisation. */
    private void publishOnline() {
        SubscriptionManager manager = subscriptions;
        boolean unreachable = manager != null && manager.statuses().values().stream()
                .anyMatch(st -> st.health() == WebhookHealth.UNREACHABLE);
        int refused = refusedUsers;
        if (unreachable) {
            updateStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, "@text/webhook.status.unreachable");
        } else if (refused > 0) {
            updateStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE,
                    "@text/online.users-need-reauthorization [\"" + refused + "\", \"" + bridgeId() + "\"]");
        } else {
            updateStatus(ThingStatus.ONLINE);
        }
    }

    private synchronized void scheduleRetry() {
        if (!started) {
            return;
        }
        cancel(retryJob);
        long delay = Math.min(RETRY_MAX.toSeconds(), RETRY_MIN.toSeconds() << Math.min(failedChecks, 10));
        failedChecks++;
        retryJob = scheduler.schedule(this::checkUsers, delay, TimeUnit.SECONDS);
    }

    private void readExpiry(UserSession session) {
        try {
            AccessTokenResponse response = session.oauth.service().getAccessTokenResponse();
            if (response != null) {
                noteToken(session, response);
            }
        } catch (OAuthException | IOException | OAuthResponseException | RuntimeException e) {
            // only informative: the token itself just worked
            logger.debug("Bridge {}: could not read the token expiry of user {}", bridgeId(), session.userId);
        }
    }

    private void noteToken(UserSession session, AccessTokenResponse response) {
        Instant created = response.getCreatedOn();
        if (created != null && response.getExpiresIn() > 0) {
            session.tokenExpires = created.plusSeconds(response.getExpiresIn());
        }
        String scope = response.getScope();
        if (scope != null && !scope.isBlank() && !scope.equals(session.scope)) {
            session.scope = scope;
            LinkedUserStore st = store;
            if (st != null) {
                st.user(session.userId).ifPresent(u -> st.put(new LinkedUser(u.userId(), scope, u.linkedAt())));
            }
        }
    }

    @Override
    public void tokenWorked(UserSession session, boolean refreshed) {
        TokenState before = session.tokenState;
        if (before == TokenState.REAUTHORIZATION_NEEDED && !refreshed) {
            // a stored access token is no proof: Withings refused this user before
            return;
        }
        session.tokenState = TokenState.VALID;
        session.lastApiStatus = "token ok at " + clock.instant();
        if (before == TokenState.REAUTHORIZATION_NEEDED) {
            WithingsUserListener listener = listeners.get(session.userId);
            if (listener != null) {
                scheduler.execute(() -> tellAuthorized(listener));
            }
        }
    }

    @Override
    public void tokenRefused(UserSession session, WithingsAuthException e) {
        TokenState before = session.tokenState;
        session.tokenState = TokenState.REAUTHORIZATION_NEEDED;
        session.lastApiStatus = "token refused (Withings status " + e.getStatus() + ") at " + clock.instant();
        if (before != TokenState.REAUTHORIZATION_NEEDED) {
            logger.debug("Bridge {}: Withings refused the token of user {}: re-authorisation needed", bridgeId(),
                    session.userId);
            WithingsUserListener listener = listeners.get(session.userId);
            if (listener != null) {
                scheduler.execute(() -> tellLost(listener));
            }
        }
    }

    @Override
    public void tokenFailed(UserSession session, WithingsApiException e) {
        if (session.tokenState != TokenState.REAUTHORIZATION_NEEDED) {
            session.tokenState = TokenState.UNREACHABLE;
        }
        session.lastApiStatus = "token request failed (" + e.getFamily() + ") at " + clock.instant();
    }

    /** The bridge's own status text while no user is linked. */
    String authorizationNeededBridge() {
        return TEXT_AUTHORIZATION_NEEDED + " [\"" + bridgeId() + "\"]";
    }

    // ------------------------------------------------------------------ WithingsAccountAccess

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the bridge never started (invalid configuration)
     */
    @Override
    public WithingsClient client() {
        WithingsClient c = client;
        if (c == null) {
            throw new IllegalStateException("The Withings account bridge is not initialised");
        }
        return c;
    }

    @Override
    public Optional<TokenProvider> tokenProvider(String userId) {
        UserSession session = sessions.get(userId);
        return session == null ? Optional.empty() : Optional.of(session.tokenProvider);
    }

    @Override
    public WithingsAccountConfiguration configuration() {
        return config;
    }

    @Override
    public String authorizationNeededStatus() {
        return TEXT_REAUTHORIZATION_NEEDED + " [\"" + bridgeId() + "\"]";
    }

    @Override
    public void registerUserListener(WithingsUserListener listener) {
        String userId = listener.userId();
        listeners.put(userId, listener);
        scheduler.execute(() -> {
            if (listeners.get(userId) != listener) {
                return;
            }
            UserSession session = sessions.get(userId);
            if (started && usersLoaded
                    && (session == null || session.tokenState == TokenState.REAUTHORIZATION_NEEDED)) {
                tellLost(listener);
            }
            listener.onWebhookHealth(webhooksHealthy(userId));
        });
    }

    @Override
    public void unregisterUserListener(WithingsUserListener listener) {
        listeners.remove(listener.userId(), listener);
        toldLost.remove(listener);
    }

    /** Tells a listener its authorisation is gone, once until it is authorised again. */
    private void tellLost(WithingsUserListener listener) {
        if (toldLost.add(listener)) {
            listener.onAuthorizationLost();
        }
    }

    private void tellAuthorized(WithingsUserListener listener) {
        toldLost.remove(listener);
        listener.onAuthorized();
    }

    // ------------------------------------------------------------------ notifications, sync

    /** Whether the userid is a linked user of this bridge (the webhook accepts only those). */
    @Override
    public boolean knowsUser(String userId) {
        return sessions.containsKey(userId);
    }

    /** Hands a notification to the listener of its user, on the scheduler; ignored for users not linked. */
    @Override
    public void dispatch(WithingsNotification notification) {
        UserSession session = sessions.get(notification.userId());
        if (session == null) {
            return;
        }
        session.lastData = notification.received();
        scheduler.execute(() -> {
            WithingsUserListener listener = listeners.get(notification.userId());
            if (listener != null) {
                listener.onNotification(notification);
            } else {
                logger.debug("Bridge {}: notification appli {} for user {} without a user Thing", bridgeId(),
                        notification.appli(), notification.userId());
            }
        });
    }

    /** Notification categories a forced sync sends to the user's listener: measures, activity, sleep, heart. */
    public static final List<Integer> SYNC_APPLIS = List.of(1, 4, 16, 44, 54);

    /**
     * Asks the user Thing of a user to fetch everything now, by synthetic notifications (one per data category,
     * without date range, so the Thing fetches from its cursor).
     *
     * @return false if the user has no registered user Thing
     */
    public boolean requestSync(String userId) {
        WithingsUserListener listener = listeners.get(userId);
        if (listener == null) {
            return false;
        }
        Instant now = clock.instant();
        scheduler.execute(() -> {
            for (int appli : SYNC_APPLIS) {
                listener.onNotification(new WithingsNotification(userId, appli, null, null, null, null, null, now));
            }
        });
        return true;
    }

    // ------------------------------------------------------------------ webhooks

    /**
     * For tests only: use this base URL for the webhook callback without Withings' URL rules (e.g. the loopback
     * http address of an embedded server). Set before {@link #initialize()}.
     */
    void overrideWebhookBaseForTests(@Nullable String base) {
        this.webhookBaseOverride = base;
    }

    /** For tests only: spacing and back-off of the subscription manager. Set before {@link #initialize()}. */
    void overrideSubscriptionTimingForTests(SubscriptionManager.@Nullable Timing timing) {
        this.subscriptionTiming = timing;
    }

    /** The webhook part of the validation: null if empty or usable. */
    @Nullable
    String validateWebhookUrl(WithingsAccountConfiguration cfg) {
        if (webhookBaseOverride != null) {
            return null;
        }
        // the secret is not known yet: check with a placeholder of the same length
        WebhookUrl.Result result = WebhookUrl.validate(cfg.webhookUrl,
                WebhookUrl.alias("x".repeat(WebhookSecret.LENGTH)));
        return result.statusDescription();
    }

    /** Creates the subscription manager and registers the webhook servlet when a webhook URL is configured. */
    void startWebhooks() {
        WithingsClient c = client;
        LinkedUserStore st = store;
        if (c == null || st == null) {
            return;
        }
        String override = webhookBaseOverride;
        String base = override != null ? override : config.webhookUrl;
        if (base.isBlank()) {
            updateProperty(PROPERTY_WEBHOOK_STATUS, "disabled (no webhook URL: data is polled)");
            return;
        }
        String secret = WebhookSecret.getOrCreate(st.storage());
        String alias = WebhookUrl.alias(secret);
        String callback;
        if (override != null) {
            String b = override.trim();
            while (b.endsWith("/")) {
                b = b.substring(0, b.length() - 1);
            }
            callback = b + alias;
        } else {
            callback = WebhookUrl.validate(base, alias).callbackUrl();
        }
        if (callback == null) {
            return;
        }
        SubscriptionManager.Timing timing = subscriptionTiming;
        subscriptions = new SubscriptionManager(c, scheduler, clock, this::onSubscriptionStatus,
                timing != null ? timing : SubscriptionManager.Timing.defaults());
        WithingsWebhookServlet servlet = new WithingsWebhookServlet(services.httpService(), alias, this, clock);
        webhookServlet = servlet;
        if (!servlet.register()) {
            logger.debug("Bridge {}: the webhook servlet could not be registered", bridgeId());
        }
        callbackUrl = callback;
        updateProperty(PROPERTY_WEBHOOK_STATUS, "pending");
    }

    void stopWebhooks() {
        WithingsWebhookServlet servlet = webhookServlet;
        webhookServlet = null;
        if (servlet != null) {
            servlet.unregister();
        }
        SubscriptionManager manager = subscriptions;
        subscriptions = null;
        if (manager != null) {
            manager.dispose();
        }
        callbackUrl = null;
        webhookHealth.clear();
    }

    void ensureSubscriptions(UserSession session) {
        SubscriptionManager manager = subscriptions;
        String callback = callbackUrl;
        if (manager != null && callback != null && started) {
            manager.ensure(session.userId, session.tokenProvider, grantedScopes(session.scope), callback);
        }
    }

    /** The granted scopes; all requested ones when Withings did not say. */
    static Set<String> grantedScopes(@Nullable String scope) {
        if (scope == null || scope.isBlank()) {
            return WithingsOAuth.SCOPE_SET;
        }
        Set<String> set = new LinkedHashSet<>();
        for (String s : scope.split("[,\\s]+")) {
            if (!s.isBlank()) {
                set.add(s.trim());
            }
        }
        return set;
    }

    /**
     * Revokes the user's subscriptions (if webhooks are on) and then runs the action once: when the revocations are
     * done, or after {@link #REVOKE_TIMEOUT} at the latest.
     */
    private void revokeThen(Collection<UserSession> users, Runnable action) {
        SubscriptionManager manager = subscriptions;
        String callback = callbackUrl;
        if (manager == null || users.isEmpty()) {
            action.run();
            return;
        }
        List<CompletableFuture<Boolean>> futures = new ArrayList<>();
        for (UserSession session : users) {
            futures.add(manager.remove(session.userId, session.tokenProvider, callback));
        }
        AtomicBoolean done = new AtomicBoolean();
        Runnable once = () -> {
            if (done.compareAndSet(false, true)) {
                action.run();
            }
        };
        ScheduledFuture<?> fallback = scheduler.schedule(once, REVOKE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).whenComplete((r, t) -> {
            fallback.cancel(false);
            scheduler.execute(once);
        });
    }

    void forgetSubscriptions(String userId) {
        SubscriptionManager manager = subscriptions;
        if (manager != null) {
            manager.forget(userId);
        }
        webhookHealth.remove(userId);
    }

    private void onSubscriptionStatus(String userId, SubscriptionStatus status) {
        Boolean before = webhookHealth.put(userId, status.health().isHealthy());
        boolean healthy = status.health().isHealthy();
        updateWebhookProperty();
        if (before == null || before != healthy) {
            WithingsUserListener listener = listeners.get(userId);
            if (listener != null) {
                listener.onWebhookHealth(healthy);
            }
        }
        if (getThing().getStatus() == ThingStatus.ONLINE) {
            publishOnline();
        }
    }

    private void updateWebhookProperty() {
        SubscriptionManager manager = subscriptions;
        if (manager == null) {
            return;
        }
        Map<String, SubscriptionStatus> statuses = manager.statuses();
        if (statuses.isEmpty()) {
            updateProperty(PROPERTY_WEBHOOK_STATUS, "no user subscribed yet");
            return;
        }
        StringBuilder sb = new StringBuilder();
        statuses.forEach((user, st) -> {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(user).append(": ").append(st.health().name().toLowerCase(Locale.ROOT));
        });
        updateProperty(PROPERTY_WEBHOOK_STATUS, sb.toString());
    }

    @Override
    public boolean webhooksHealthy(String userId) {
        SubscriptionManager manager = subscriptions;
        return manager != null && manager.health(userId).isHealthy();
    }

    /** The webhook status of a user, for the console and the page; disabled without webhook. */
    public SubscriptionStatus subscriptionStatus(String userId) {
        SubscriptionManager manager = subscriptions;
        return manager == null ? SubscriptionStatus.disabled(userId) : manager.status(userId);
    }

    /** Short text on the webhook state of a user, for the page and the console. No URL, no secret. */
    String webhookText(String userId) {
        SubscriptionManager manager = subscriptions;
        if (manager == null) {
            return "off (no webhook URL)";
        }
        SubscriptionStatus status = manager.status(userId);
        StringBuilder sb = new StringBuilder(status.health().name().toLowerCase(Locale.ROOT));
        if (!status.subscribedApplis().isEmpty()) {
            sb.append(", categories ").append(status.subscribedApplis());
        }
        if (!status.missingScopes().isEmpty()) {
            sb.append(", missing scopes ").append(String.join(",", status.missingScopes()));
        }
        String error = status.lastError();
        if (error != null) {
            sb.append(", last error: ").append(error);
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ AccountLinking

    @Override
    public String bridgeId() {
        return getThing().getUID().getId();
    }

    @Override
    public String bridgeLabel() {
        String label = getThing().getLabel();
        return label == null || label.isBlank() ? getThing().getUID().getAsString() : label;
    }

    @Override
    public String configuredRedirectUri() {
        return config.redirectUri.trim();
    }

    @Override
    public List<LinkedUserView> linkedUsers() {
        List<LinkedUserView> views = new ArrayList<>();
        LinkedUserStore st = store;
        List<LinkedUser> users = st == null ? List.of() : st.users();
        for (LinkedUser user : users) {
            UserSession session = sessions.get(user.userId());
            if (session == null) {
                views.add(new LinkedUserView(user.userId(), user.scope(), user.missingScopes(), TokenState.UNCHECKED,
                        null, null, webhookText(user.userId())));
            } else {
                views.add(new LinkedUserView(user.userId(), session.scope, WithingsOAuth.missingScopes(session.scope),
                        session.tokenState, session.tokenExpires, session.lastData, webhookText(user.userId())));
            }
        }
        return views;
    }

    /** Last outcome of a token request of a user, for the console. */
    public String lastApiStatus(String userId) {
        UserSession session = sessions.get(userId);
        return session == null ? "not linked" : session.lastApiStatus;
    }

    /** Handle of the temporary OAuth service of a link request. */
    static String pendingHandle(String bridgeId, String random) {
        return "withings:pending:" + bridgeId + ":" + random;
    }

    @Override
    public PendingLink beginLink(String redirectUri, String state) throws LinkException {
        if (!started) {
            throw new LinkException("The bridge is not running; check its configuration.");
        }
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        String handle = pendingHandle(bridgeId(), HexFormat.of().formatHex(bytes));
        OAuthFactory factory = services.oAuthFactory();
        OAuthClientService service = WithingsOAuth.create(factory, handle, apiConfigOrDefault(), config.clientId,
                config.clientSecret);
        try {
            String url = service.getAuthorizationUrl(redirectUri, null, state);
            return new PendingLink(handle, service, redirectUri, url);
        } catch (OAuthException | RuntimeException e) {
            factory.deleteServiceAndAccessToken(handle);
            logger.debug("Bridge {}: could not build the authorize URL ({})", bridgeId(), e.getClass().getSimpleName());
            throw new LinkException("Could not build the Withings authorization address; check the account base URL.");
        }
    }

    @Override
    public String completeLink(PendingLink pending, String code) throws LinkException {
        OAuthFactory factory = services.oAuthFactory();
        WithingsAccessTokenDeserializer tempDeserializer = null;
        AccessTokenResponse response;
        try {
            response = pending.service().getAccessTokenResponseByAuthorizationCode(code, pending.redirectUri());
        } catch (OAuthException e) {
            // never log or show the message: core puts the raw answer in it
            factory.deleteServiceAndAccessToken(pending.temporaryHandle());
            logger.debug("Bridge {}: Withings refused the authorization code", bridgeId());
            throw new LinkException("Withings refused the authorization code. Check the client id and secret and "
                    + "that the redirect URI is registered exactly as shown, then link again.");
        } catch (OAuthResponseException e) {
            factory.deleteServiceAndAccessToken(pending.temporaryHandle());
            logger.debug("Bridge {}: the token endpoint refused the code exchange", bridgeId());
            throw new LinkException("Withings refused the authorization code; please link again.");
        } catch (IOException | RuntimeException e) {
            factory.deleteServiceAndAccessToken(pending.temporaryHandle());
            logger.debug("Bridge {}: code exchange failed ({})", bridgeId(), e.getClass().getSimpleName());
            throw new LinkException("Withings could not be reached to complete the link; please try again.");
        }
        String userId = response.getExtraFields().get(WithingsAccessTokenDeserializer.USERID);
        if (userId == null || !userId.matches("[0-9A-Za-z_-]{1,64}")) {
            factory.deleteServiceAndAccessToken(pending.temporaryHandle());
            logger.debug("Bridge {}: token answer without a usable userid", bridgeId());
            throw new LinkException("Withings did not say which user was linked; please link again.");
        }
        String scope = response.getScope();
        LinkedUser user = new LinkedUser(userId, scope == null ? "" : scope, clock.instant());
        UserSession session;
        synchronized (sessions) {
            session = openSession(user);
            try {
                session.oauth.service().importAccessTokenResponse(response);
            } catch (OAuthException | RuntimeException e) {
                factory.deleteServiceAndAccessToken(pending.temporaryHandle());
                logger.debug("Bridge {}: could not store the token of user {}", bridgeId(), userId);
                throw new LinkException("The token could not be stored; please link again.");
            }
        }
        factory.deleteServiceAndAccessToken(pending.temporaryHandle());
        LinkedUserStore st = store;
        if (st != null) {
            st.put(user);
        }
        session.scope = user.scope();
        noteToken(session, response);
        TokenState before = session.tokenState;
        session.tokenState = TokenState.VALID;
        session.lastApiStatus = "linked at " + user.linkedAt();
        logger.debug("Bridge {}: Withings user {} linked (scope {})", bridgeId(), userId, user.scope());
        updateProperty(PROPERTY_LINKED_USERS, Integer.toString(sessions.size()));
        WithingsDiscoveryService d = discovery;
        if (d != null) {
            d.userLinked(userId);
        }
        scheduler.execute(() -> {
            WithingsUserListener listener = listeners.get(userId);
            if (listener != null) {
                tellAuthorized(listener);
            }
            if (before != TokenState.VALID || getThing().getStatus() != ThingStatus.ONLINE) {
                checkUsers();
            } else {
                ensureSubscriptions(session);
            }
        });
        return userId;
    }

    @Override
    public void abandonLink(PendingLink pending) {
        services.oAuthFactory().deleteServiceAndAccessToken(pending.temporaryHandle());
    }

    @Override
    public boolean unlink(String userId) {
        LinkedUserStore st = store;
        boolean known = sessions.containsKey(userId) || (st != null && st.user(userId).isPresent());
        if (!known) {
            return false;
        }
        UserSession session = sessions.remove(userId);
        if (st != null) {
            st.remove(userId);
        }
        String handle = WithingsOAuth.handle(bridgeId(), userId);
        revokeThen(session == null ? List.of() : List.of(session), () -> {
            services.oAuthFactory().deleteServiceAndAccessToken(handle);
            webhookHealth.remove(userId);
        });
        logger.debug("Bridge {}: Withings user {} unlinked", bridgeId(), userId);
        updateProperty(PROPERTY_LINKED_USERS, Integer.toString(sessions.size()));
        WithingsDiscoveryService d = discovery;
        if (d != null) {
            d.userUnlinked(userId);
        }
        WithingsUserListener listener = listeners.get(userId);
        scheduler.execute(() -> {
            if (listener != null) {
                tellLost(listener);
            }
            if (sessions.isEmpty()) {
                checkUsers();
            }
        });
        return true;
    }

    // ------------------------------------------------------------------ discovery support

    /** Called by the discovery service when it starts (with itself) and stops (with null). */
    public void setDiscoveryService(@Nullable WithingsDiscoveryService discovery) {
        this.discovery = discovery;
    }

    /** The linked users' ids. */
    public List<String> linkedUserIds() {
        LinkedUserStore st = store;
        return st == null ? List.of() : st.users().stream().map(LinkedUser::userId).toList();
    }

    /** Whether a user or device Thing of this bridge already carries this value in its config or properties. */
    public boolean hasChildWith(String property, String value) {
        for (Thing child : getThing().getThings()) {
            Object configured = child.getConfiguration().get(property);
            if (configured != null && value.equals(configured.toString())) {
                return true;
            }
            if (value.equals(child.getProperties().get(property))) {
                return true;
            }
        }
        return false;
    }

    /** The scheduler of this handler (for the discovery service's background work). */
    public java.util.concurrent.ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Whether the bridge has been initialised with a valid configuration and not disposed. */
    public boolean isStarted() {
        return started;
    }

    /** For the console: the binding constants' connect path of this bridge. */
    public String connectPath() {
        return WithingsBindingConstants.CONNECT_PATH + bridgeId();
    }
}
