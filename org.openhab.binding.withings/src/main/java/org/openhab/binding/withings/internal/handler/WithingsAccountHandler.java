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
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.WithingsBindingConstants;
import org.openhab.binding.withings.internal.WithingsServices;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiConfig;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.api.WithingsHttpTransport;
import org.openhab.binding.withings.internal.api.WithingsRateLimiter;
import org.openhab.binding.withings.internal.auth.WithingsOAuth;
import org.openhab.binding.withings.internal.config.WithingsAccountConfiguration;
import org.openhab.binding.withings.internal.discovery.WithingsDiscoveryService;
import org.openhab.binding.withings.internal.servlet.AccountLinking;
import org.openhab.binding.withings.internal.servlet.LinkException;
import org.openhab.binding.withings.internal.servlet.PendingLink;
import org.openhab.binding.withings.internal.servlet.WebhookDispatcher;
import org.openhab.binding.withings.internal.servlet.WithingsConnectServlet;
import org.openhab.core.auth.client.oauth2.OAuthClientService;
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
 * <li>owns the lifecycle and the status of the bridge, derived from the token checks of its users (a refused token
 * concerns only that user, never the whole bridge);</li>
 * <li>coordinates its parts: {@link LinkedUsers} (the linked users, one {@link OAuthClientService} per user created
 * with {@link WithingsOAuth}, token checks, the user Things listening), {@link LinkingFlow} (the OAuth code flow
 * behind the account-linking page {@link WithingsConnectServlet}) and {@link AccountWebhooks} (callback URL,
 * webhook servlet, subscriptions); tokens live only in core's OAuth store, survive restarts and are deleted on
 * unlink, bridge removal or a change of the application credentials;</li>
 * <li>implements what the user Things ({@link WithingsAccountAccess}), the linking page ({@link AccountLinking}) and
 * the webhook servlet ({@link WebhookDispatcher}) need, and feeds the {@link WithingsDiscoveryService}.</li>
 * </ul>
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class WithingsAccountHandler extends BaseBridgeHandler
        implements WithingsAccountAccess, AccountLinking, WebhookDispatcher {

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

    private final Logger logger = LoggerFactory.getLogger(WithingsAccountHandler.class);
    private final WithingsServices services;
    private final WithingsAccountTracker tracker;
    private final Clock clock;

    private volatile WithingsAccountConfiguration config = new WithingsAccountConfiguration();
    private volatile @Nullable WithingsApiConfig apiConfig;
    private volatile @Nullable WithingsClient client;
    private volatile @Nullable WithingsConnectServlet connectServlet;
    private volatile @Nullable WithingsDiscoveryService discovery;
    private volatile boolean started;
    private volatile boolean usersLoaded;

    private final LinkedUsers users;
    private final LinkingFlow linking;
    private final AccountWebhooks webhooks;
    private volatile int refusedUsers;
    /** Serialises status checks, so the last check decides the status. */
    private final Object checkLock = new Object();
    /** Keeps the loading in start() and dispose() apart (package-private for tests). */
    final Object lifecycleLock = new Object();

    /** Counts the initialisations: the start work of an earlier one (still queued) must not run. */
    private volatile long generation;
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
        String bridgeId = bridge.getUID().getId();
        this.users = new LinkedUsers(bridgeId, services.oAuthFactory(), clock, scheduler);
        this.linking = new LinkingFlow(bridgeId, services.oAuthFactory(), users, new LinkingFlow.Application() {
            @Override
            public WithingsApiConfig apiConfig() {
                return apiConfigOrDefault();
            }

            @Override
            public String clientId() {
                return config.clientId;
            }

            @Override
            public String clientSecret() {
                return config.clientSecret;
            }
        }, clock);
        this.webhooks = new AccountWebhooks(bridgeId, services.httpService(), scheduler, clock, this::updateProperty,
                new AccountWebhooks.HealthListener() {
                    @Override
                    public void healthChanged(String userId, boolean healthy) {
                        WithingsUserListener listener = users.listener(userId);
                        if (listener != null) {
                            listener.onWebhookHealth(healthy);
                        }
                    }

                    @Override
                    public void statusReported() {
                        // a subscription step still running during dispose must not report on a disposed bridge
                        if (started && getThing().getStatus() == ThingStatus.ONLINE) {
                            publishOnline();
                        }
                    }
                });
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
        users.setStore(new LinkedUserStore(services.storageService().getStorage(storageName())));
        WithingsConnectServlet servlet = new WithingsConnectServlet(services.httpService(), this, clock);
        connectServlet = servlet;
        servlet.register();
        tracker.register(this);
        long gen;
        synchronized (lifecycleLock) {
            gen = ++generation;
            started = true;
        }
        updateStatus(ThingStatus.UNKNOWN);
        scheduler.execute(() -> start(gen));
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
        return webhooks.validate(cfg.webhookUrl);
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

    /**
     * Work after initialize(), on the scheduler.
     *
     * @param gen the initialisation that scheduled it: after a dispose and a new initialize(), only the newest runs
     *            (two would register the webhook servlet twice and lose one, and start two periodic checks)
     */
    private void start(long gen) {
        synchronized (lifecycleLock) {
            if (gen != generation || !load()) {
                return;
            }
        }
        checkUsers();
        WithingsDiscoveryService d = discovery;
        if (d != null) {
            d.publishLinkedUsers();
        }
        synchronized (this) {
            if (started && gen == generation) {
                cancel(checkJob);
                checkJob = scheduler.scheduleWithFixedDelay(this::checkUsers, CHECK_INTERVAL.toSeconds(),
                        CHECK_INTERVAL.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    /** Loads the linked users and starts the webhook; false if the handler was disposed meanwhile. */
    private boolean load() {
        LinkedUserStore st = users.store();
        if (!started || st == null) {
            return false;
        }
        WithingsAccountConfiguration cfg = config;
        if (st.credentialsChanged(getThing().getUID().getAsString(), cfg.clientId, cfg.clientSecret)) {
            logger.debug("Bridge {}: application credentials changed, the tokens of {} user(s) are deleted",
                    bridgeId(), st.users().size());
            for (LinkedUser user : st.users()) {
                users.deleteTokens(user.userId());
                st.remove(user.userId());
                webhooks.forget(user.userId());
                users.tellLostIfListening(user.userId());
            }
        }
        for (LinkedUser user : st.users()) {
            users.open(user, apiConfigOrDefault(), cfg.clientId, cfg.clientSecret);
        }
        usersLoaded = true;
        // user Things that registered before the users were loaded and are not linked
        users.listenersWithoutSession().forEach(users::tellLost);
        updateLinkedUsersProperty();
        startWebhooks();
        return true;
    }

    private void updateLinkedUsersProperty() {
        updateProperty(PROPERTY_LINKED_USERS, Integer.toString(users.size()));
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
            webhooks.stop();
            users.closeAll();
        }
        // the client stays: a user Thing's job still running during the dispose must not meet a missing client
        users.setStore(null);
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
        Set<String> userIds = new LinkedHashSet<>(users.sessionUserIds());
        LinkedUserStore st = users.store();
        LinkedUserStore storage = st != null ? st
                : new LinkedUserStore(services.storageService().getStorage(storageName()));
        storage.users().forEach(u -> userIds.add(u.userId()));
        webhooks.revokeThen(users.sessions(), () -> {
            for (String userId : userIds) {
                users.deleteTokens(userId);
                users.close(userId);
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
            try {
                checkUsersLocked();
            } catch (RuntimeException e) {
                // the body of the periodic check: an exception escaping it would cancel every later check
                logger.debug("Bridge {}: the token check failed unexpectedly: {}", bridgeId(), e.toString());
            }
        }
    }

    private void checkUsersLocked() {
        if (!started) {
            return;
        }
        WithingsConnectServlet servlet = connectServlet;
        if (servlet != null) {
            servlet.purgeExpired();
        }
        if (users.isEmpty()) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, authorizationNeededBridge());
            return;
        }
        LinkedUsers.TokenCheck check = users.checkTokens();
        if (!started) {
            return;
        }
        if (check.working() == 0 && check.unreachable() > 0) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                    "@text/offline.comm-error.token-check");
            scheduleRetry();
            return;
        }
        failedChecks = 0;
        refusedUsers = check.refused();
        publishOnline();
        for (UserSession session : users.sessions()) {
            if (session.tokenState == TokenState.VALID) {
                ensureSubscriptions(session);
            }
        }
    }

    /** ONLINE, with a description when webhooks cannot be reached or users need re-authorisation. */
    private void publishOnline() {
        int refused = refusedUsers;
        if (webhooks.anyUnreachable()) {
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

    /** The bridge's own status text while no user is linked. */
    String authorizationNeededBridge() {
        return TEXT_AUTHORIZATION_NEEDED + " [\"" + bridgeId() + "\"]";
    }

    // ------------------------------------------------------------------ WithingsAccountAccess

    @Override
    public boolean isRunning() {
        return started;
    }

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
        return users.tokenProvider(userId);
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
        users.addListener(listener);
        scheduler.execute(() -> {
            if (users.listener(userId) != listener) {
                return;
            }
            UserSession session = users.session(userId);
            if (started && usersLoaded
                    && (session == null || session.tokenState == TokenState.REAUTHORIZATION_NEEDED)) {
                users.tellLost(listener);
            }
            listener.onWebhookHealth(webhooksHealthy(userId));
        });
    }

    @Override
    public void unregisterUserListener(WithingsUserListener listener) {
        users.removeListener(listener);
    }

    // ------------------------------------------------------------------ notifications, sync

    /** Whether the userid is a linked user of this bridge (the webhook accepts only those). */
    @Override
    public boolean knowsUser(String userId) {
        return users.isLinked(userId);
    }

    /** Hands a notification to the listener of its user, on the scheduler; ignored for users not linked. */
    @Override
    public void dispatch(WithingsNotification notification) {
        UserSession session = users.session(notification.userId());
        if (session == null) {
            return;
        }
        session.lastData = notification.received();
        scheduler.execute(() -> {
            if (!started) {
                return; // the bridge was disposed after the servlet accepted the notification
            }
            WithingsUserListener listener = users.listener(notification.userId());
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
        WithingsUserListener listener = users.listener(userId);
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
        webhooks.overrideBase(base);
    }

    /** For tests only: spacing and back-off of the subscription manager. Set before {@link #initialize()}. */
    void overrideSubscriptionTimingForTests(SubscriptionManager.@Nullable Timing timing) {
        webhooks.overrideTiming(timing);
    }

    /** Creates the subscription manager and registers the webhook servlet when a webhook URL is configured. */
    void startWebhooks() {
        WithingsClient c = client;
        LinkedUserStore st = users.store();
        if (c == null || st == null) {
            return;
        }
        webhooks.start(config.webhookUrl, c, st.storage(), this);
    }

    void ensureSubscriptions(UserSession session) {
        if (started) {
            webhooks.ensure(session);
        }
    }

    @Override
    public boolean webhooksHealthy(String userId) {
        return webhooks.healthy(userId);
    }

    /** The webhook status of a user, for the console and the page; disabled without webhook. */
    public SubscriptionStatus subscriptionStatus(String userId) {
        return webhooks.status(userId);
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
        return users.views(webhooks::text);
    }

    /** Last outcome of a token request of a user, for the console. */
    public String lastApiStatus(String userId) {
        return users.lastApiStatus(userId);
    }

    @Override
    public PendingLink beginLink(String redirectUri, String state) throws LinkException {
        if (!started) {
            throw new LinkException(LinkException.Reason.NOT_RUNNING);
        }
        return linking.begin(redirectUri, state);
    }

    @Override
    public String completeLink(PendingLink pending, String code) throws LinkException {
        if (!started) {
            // a callback still under way when the bridge was disposed: its sessions are closed, open none
            linking.abandon(pending);
            throw new LinkException(LinkException.Reason.NOT_RUNNING);
        }
        LinkingFlow.Linked linked = linking.complete(pending, code);
        UserSession session = linked.session();
        String userId = session.userId;
        if (!started) {
            // disposed during the code exchange: dispose() did not see this session, release its OAuth service
            if (users.close(userId) == session) {
                services.oAuthFactory().ungetOAuthService(session.handle);
            }
            throw new LinkException(LinkException.Reason.STOPPED);
        }
        TokenState before = linked.before();
        updateLinkedUsersProperty();
        WithingsDiscoveryService d = discovery;
        if (d != null) {
            d.userLinked(userId);
        }
        scheduler.execute(() -> {
            WithingsUserListener listener = users.listener(userId);
            if (listener != null) {
                users.tellAuthorized(listener);
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
        linking.abandon(pending);
    }

    @Override
    public boolean unlink(String userId) {
        LinkedUserStore st = users.store();
        boolean known = users.isLinked(userId) || (st != null && st.user(userId).isPresent());
        if (!known) {
            return false;
        }
        UserSession session = users.close(userId);
        if (st != null) {
            st.remove(userId);
        }
        webhooks.revokeThen(session == null ? List.of() : List.of(session), () -> {
            users.deleteTokens(userId);
            webhooks.forgetHealth(userId);
        });
        logger.debug("Bridge {}: Withings user {} unlinked", bridgeId(), userId);
        updateLinkedUsersProperty();
        WithingsDiscoveryService d = discovery;
        if (d != null) {
            d.userUnlinked(userId);
        }
        WithingsUserListener listener = users.listener(userId);
        scheduler.execute(() -> {
            if (listener != null) {
                users.tellLost(listener);
            }
            if (users.isEmpty()) {
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
        return users.persisted().stream().map(LinkedUser::userId).toList();
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
