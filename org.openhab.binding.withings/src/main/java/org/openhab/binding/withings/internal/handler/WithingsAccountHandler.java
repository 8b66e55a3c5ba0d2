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

import static org.openhab.binding.withings.internal.WithingsBindingConstants.*;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.WithingsServices;
import org.openhab.binding.withings.internal.account.AccountSettings;
import org.openhab.binding.withings.internal.account.AccountWebhooks;
import org.openhab.binding.withings.internal.account.LinkedUser;
import org.openhab.binding.withings.internal.account.LinkedUserStore;
import org.openhab.binding.withings.internal.account.LinkedUsers;
import org.openhab.binding.withings.internal.account.LinkingFlow;
import org.openhab.binding.withings.internal.account.SubscriptionReconciler;
import org.openhab.binding.withings.internal.account.SubscriptionStatus;
import org.openhab.binding.withings.internal.account.UserSession;
import org.openhab.binding.withings.internal.api.Backoff;
import org.openhab.binding.withings.internal.api.NotifyAppli;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiConfig;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.api.WithingsNotification;
import org.openhab.binding.withings.internal.config.WithingsAccountConfiguration;
import org.openhab.binding.withings.internal.discovery.WithingsDiscoveryService;
import org.openhab.binding.withings.internal.dto.Device;
import org.openhab.binding.withings.internal.servlet.AccountLinking;
import org.openhab.binding.withings.internal.servlet.AccountLinking.TokenState;
import org.openhab.binding.withings.internal.servlet.WebhookDispatcher;
import org.openhab.binding.withings.internal.servlet.WithingsConnectServlet;
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
 * Handler of the {@code withings:account} bridge: one Withings developer application with its linked users. It owns
 * the client (one request budget for all users), the linked users and their tokens ({@link LinkedUsers}), the
 * linking flow behind the {@link WithingsConnectServlet} page, the webhook and its subscriptions
 * ({@link AccountWebhooks}) and the users' device lists, and derives its status from the token checks. A webhook
 * notification goes to the user Thing among its children.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class WithingsAccountHandler extends BaseBridgeHandler
        implements WithingsAccountAccess, WebhookDispatcher, LinkedUsers.Events {

    /** How often the tokens of all users are checked (and refreshed when expired). */
    static final Duration CHECK_INTERVAL = Duration.ofHours(1);
    /** What a forced sync asks of a user Thing: measures, activity, sleep, heart. */
    static final List<NotifyAppli> SYNC_APPLIS = List.of(NotifyAppli.WEIGHT, NotifyAppli.PRESSURE,
            NotifyAppli.ACTIVITY, NotifyAppli.SLEEP, NotifyAppli.ECG);

    private final Logger logger = LoggerFactory.getLogger(WithingsAccountHandler.class);
    private final WithingsServices services;
    private final WithingsAccountTracker tracker;
    private final Clock clock;
    private final LinkedUsers users;
    private final LinkingFlow linking;
    private final AccountWebhooks webhooks;
    /** The last device list of each user (one source of truth for the device Things). */
    private final Map<String, List<Device>> devices = new ConcurrentHashMap<>();

    private volatile WithingsAccountConfiguration config = new WithingsAccountConfiguration();
    private volatile WithingsApiConfig apiConfig = WithingsApiConfig.defaults();
    private volatile @Nullable WithingsClient client;
    private volatile @Nullable WithingsConnectServlet connectServlet;
    private volatile @Nullable WithingsDiscoveryService discovery;
    private volatile boolean started;
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
        this.users = new LinkedUsers(bridgeId, services.oAuthFactory(), clock, this);
        this.webhooks = new AccountWebhooks(bridgeId, services.httpService(), scheduler, clock, this::updateProperty,
                new AccountWebhooks.HealthListener() {
                    @Override
                    public void healthChanged(String userId, boolean healthy) {
                        toUser(userId, user -> user.onWebhookHealth(healthy));
                    }

                    @Override
                    public void statusReported() {
                        if (started && getThing().getStatus() == ThingStatus.ONLINE) {
                            publishOnline();
                        }
                    }
                });
        this.linking = new LinkingFlow(bridgeId, services.oAuthFactory(), users, webhooks, new Linking(), clock);
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void initialize() {
        WithingsAccountConfiguration cfg = getConfigAs(WithingsAccountConfiguration.class);
        config = cfg;
        String problem = AccountSettings.problem(cfg, webhooks);
        if (problem != null) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, problem);
            return;
        }
        apiConfig = AccountSettings.apiConfig(cfg);
        client = AccountSettings.client(cfg, apiConfig, services.httpClient(), clock);
        users.setStore(new LinkedUserStore(services.storageService().getStorage(storageName())));
        WithingsConnectServlet servlet = new WithingsConnectServlet(services.httpService(), linking, clock);
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

    /** Name of the bridge's storage (linked users, credentials fingerprint, webhook secret): no colons. */
    String storageName() {
        return "withings." + getThing().getUID().getAsString().replace(':', '_');
    }

    /** Work after initialize(), on the scheduler; only the newest initialisation's runs. */
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
            }
        }
        for (LinkedUser user : st.users()) {
            users.open(user, apiConfig, cfg.clientId, cfg.clientSecret);
        }
        // user Things that started before the users were loaded and are not linked
        for (Thing child : getThing().getThings()) {
            if (child.getHandler() instanceof WithingsUserHandler user && !users.isLinked(user.userId())) {
                scheduler.execute(user::onAuthorizationLost);
            }
        }
        updateProperty(PROPERTY_LINKED_USERS, Integer.toString(users.size()));
        WithingsClient c = client;
        if (c != null) {
            webhooks.start(cfg.webhookUrl, c, st.storage(), this);
        }
        return true;
    }

    @Override
    public void dispose() {
        synchronized (this) {
            started = false;
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
        // the client stays: a child's fetch still running during the dispose must not meet a missing client
        users.setStore(null);
        devices.clear();
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
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    "@text/offline.conf-error.authorization-needed [\"" + bridgeId() + "\"]");
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
            if (session.tokenState() == TokenState.VALID) {
                webhooks.ensure(session);
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
        if (started) {
            cancel(retryJob);
            failedChecks++;
            retryJob = scheduler.schedule(this::checkUsers, Backoff.MINUTES.delay(failedChecks).toSeconds(),
                    TimeUnit.SECONDS);
        }
    }

    // ------------------------------------------------------------------ children

    /** Runs the action on the scheduler with the handler of the user's Thing, if the bridge has one. */
    private void toUser(String userId, Consumer<WithingsUserHandler> action) {
        for (Thing child : getThing().getThings()) {
            if (child.getHandler() instanceof WithingsUserHandler user && user.userId().equals(userId)) {
                scheduler.execute(() -> action.accept(user));
                return;
            }
        }
        logger.debug("Bridge {}: no user Thing for Withings user {}", bridgeId(), userId);
    }

    @Override
    public void authorizationLost(String userId) {
        toUser(userId, WithingsUserHandler::onAuthorizationLost);
    }

    @Override
    public void authorized(String userId) {
        toUser(userId, WithingsUserHandler::onAuthorized);
    }

    @Override
    public boolean hasUserThing(String userId) {
        return getThing().getThings().stream()
                .anyMatch(t -> t.getHandler() instanceof WithingsUserHandler user && user.userId().equals(userId));
    }

    /** The one {@code getdevice} call; the device Things are told on the scheduler. */
    @Override
    public List<Device> listDevices(String userId, TokenProvider tp) throws WithingsApiException {
        List<Device> list = List.copyOf(client().getDevices(tp));
        devices.put(userId, list);
        for (Thing child : getThing().getThings()) {
            if (child.getHandler() instanceof WithingsDeviceHandler device) {
                scheduler.execute(device::deviceListed);
            }
        }
        return list;
    }

    @Override
    public Optional<Device> device(String deviceId) {
        return devices.values().stream().flatMap(List::stream)
                .filter(d -> deviceId.equals(d.deviceid) || deviceId.equals(d.hashDeviceid)).findFirst();
    }

    @Override
    public boolean devicesListed(String userId) {
        return userId.isEmpty() ? !devices.isEmpty() : devices.containsKey(userId);
    }

    // ------------------------------------------------------------------ WithingsAccountAccess

    @Override
    public boolean isRunning() {
        return started;
    }

    /** @throws IllegalStateException if the bridge never started (invalid configuration) */
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
        return "@text/offline.conf-error.reauthorization-needed [\"" + bridgeId() + "\"]";
    }

    @Override
    public boolean webhooksHealthy(String userId) {
        return webhooks.healthy(userId);
    }

    // ------------------------------------------------------------------ webhook (WebhookDispatcher)

    @Override
    public boolean knowsUser(String userId) {
        return users.isLinked(userId);
    }

    /** Hands a notification to the user Thing of its user, on the scheduler; ignored for users not linked. */
    @Override
    public void dispatch(WithingsNotification notification) {
        UserSession session = users.session(notification.userId());
        if (session != null && started) {
            session.dataArrived(notification.received());
            toUser(notification.userId(), user -> user.onNotification(notification));
        }
    }

    /**
     * Asks the user Thing of a user to fetch everything now, by synthetic notifications without date range.
     *
     * @return false if the user has no user Thing
     */
    public boolean requestSync(String userId) {
        if (!hasUserThing(userId)) {
            return false;
        }
        for (NotifyAppli appli : SYNC_APPLIS) {
            WithingsNotification n = new WithingsNotification(userId, appli.code(), null, null, null, null, null,
                    clock.instant());
            toUser(userId, user -> user.onNotification(n));
        }
        return true;
    }

    /** For tests only: the webhook callback's base without Withings' URL rules; set before initialize(). */
    void overrideWebhookBaseForTests(@Nullable String base) {
        webhooks.overrideBase(base);
    }

    /** For tests only: the subscription timing; set before initialize(). */
    void overrideSubscriptionTimingForTests(SubscriptionReconciler.@Nullable Timing timing) {
        webhooks.overrideTiming(timing);
    }

    /** The webhook status of a user, for the console. */
    public SubscriptionStatus subscriptionStatus(String userId) {
        return webhooks.status(userId);
    }

    // ------------------------------------------------------------------ linking

    /** The linking side of the bridge, behind its linking page. */
    public AccountLinking linking() {
        return linking;
    }

    private final class Linking implements LinkingFlow.Application {
        @Override
        public boolean running() {
            return started;
        }

        @Override
        public String label() {
            String label = getThing().getLabel();
            return label == null || label.isBlank() ? getThing().getUID().getAsString() : label;
        }

        @Override
        public WithingsAccountConfiguration config() {
            return config;
        }

        @Override
        public WithingsApiConfig apiConfig() {
            return apiConfig;
        }

        @Override
        public void linked(UserSession session, TokenState before) {
            updateProperty(PROPERTY_LINKED_USERS, Integer.toString(users.size()));
            WithingsDiscoveryService d = discovery;
            if (d != null) {
                d.userLinked(session.userId());
            }
            authorized(session.userId());
            scheduler.execute(() -> {
                if (before != TokenState.VALID || getThing().getStatus() != ThingStatus.ONLINE) {
                    checkUsers();
                } else if (started) {
                    webhooks.ensure(session);
                }
            });
        }

        @Override
        public void unlinked(String userId) {
            updateProperty(PROPERTY_LINKED_USERS, Integer.toString(users.size()));
            devices.remove(userId);
            WithingsDiscoveryService d = discovery;
            if (d != null) {
                d.userUnlinked(userId);
            }
            authorizationLost(userId);
            if (users.isEmpty()) {
                scheduler.execute(WithingsAccountHandler.this::checkUsers);
            }
        }
    }

    /** Last outcome of a token request of a user, for the console. */
    public String lastApiStatus(String userId) {
        return users.lastApiStatus(userId);
    }

    public String bridgeId() {
        return getThing().getUID().getId();
    }

    // ------------------------------------------------------------------ discovery and console

    /** Called by the discovery service when it starts (with itself) and stops (with null). */
    public void setDiscoveryService(@Nullable WithingsDiscoveryService discovery) {
        this.discovery = discovery;
    }

    /** The linked users' ids. */
    public List<String> linkedUserIds() {
        return users.persisted().stream().map(LinkedUser::userId).toList();
    }

    /** Whether a child Thing already carries this value in its configuration or properties. */
    public boolean hasChildWith(String property, String value) {
        return getThing().getThings().stream()
                .anyMatch(child -> value.equals(String.valueOf(child.getConfiguration().get(property)))
                        || value.equals(child.getProperties().get(property)));
    }

    /** The scheduler of this handler (for the discovery service's background work). */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** The console's path of this bridge's linking page. */
    public String connectPath() {
        return CONNECT_PATH + bridgeId();
    }
}
