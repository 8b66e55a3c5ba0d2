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
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.WithingsAccountTracker;
import org.openhab.binding.withings.internal.WithingsServices;
import org.openhab.binding.withings.internal.account.AccountSettings;
import org.openhab.binding.withings.internal.account.AccountWebhooks;
import org.openhab.binding.withings.internal.account.LinkedUserStore;
import org.openhab.binding.withings.internal.account.LinkedUsers;
import org.openhab.binding.withings.internal.account.LinkingFlow;
import org.openhab.binding.withings.internal.account.UserSession;
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
import org.openhab.binding.withings.internal.servlet.WebhookUrl;
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
 * Handler of the {@code withings:account} bridge, one Withings developer application: owns the client (one request
 * budget), the linked users and their tokens ({@link LinkedUsers}), the linking flow behind the linking page, the
 * webhook with its subscriptions ({@link AccountWebhooks}) and the status ({@link AccountStatusCheck}); hands
 * notifications and device lists to its child Things ({@link AccountChildren}).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class WithingsAccountHandler extends BaseBridgeHandler
        implements WithingsAccountAccess, WebhookDispatcher, LinkedUsers.Events, LinkingFlow.Application,
        AccountWebhooks.HealthListener {

    private final Logger logger = LoggerFactory.getLogger(WithingsAccountHandler.class);
    private final WithingsServices services;
    private final WithingsAccountTracker tracker;
    private final Clock clock;
    private final LinkedUsers users;
    private final LinkingFlow linking;
    private final AccountWebhooks webhooks;
    private final AccountChildren children;

    private volatile WithingsAccountConfiguration config = new WithingsAccountConfiguration();
    private volatile WithingsApiConfig apiConfig = WithingsApiConfig.defaults();
    private volatile @Nullable WithingsClient client;
    private volatile @Nullable WithingsConnectServlet connectServlet;
    private volatile @Nullable WithingsDiscoveryService discovery;
    private volatile boolean started;
    /** Keeps start() and dispose() apart (package-private for tests); an older initialisation's start is skipped. */
    final Object lifecycleLock = new Object();
    private volatile long generation;
    private final AccountStatusCheck statusCheck;

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
        this.children = new AccountChildren(bridgeId, () -> getThing().getThings(), scheduler);
        this.users = new LinkedUsers(bridgeId, services.oAuthFactory(), clock, this);
        this.webhooks = new AccountWebhooks(bridgeId, services.httpService(), scheduler, clock, this::updateProperty,
                this, services.texts());
        this.statusCheck = new AccountStatusCheck(bridgeId, users, webhooks, scheduler, () -> started, () -> {
            WithingsConnectServlet servlet = connectServlet;
            if (servlet != null) {
                servlet.purgeExpired();
            }
        }, this::updateStatus);
        this.linking = new LinkingFlow(bridgeId, services.oAuthFactory(), users, webhooks, this, clock);
    }

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

    /** Work after initialize(), on the scheduler: only the newest initialisation's runs. */
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
                statusCheck.schedulePeriodic();
            }
        }
    }

    /** Loads the linked users and starts the webhook; false if the handler was disposed meanwhile. */
    private boolean load() {
        LinkedUserStore st = users.store();
        if (!started || st == null) {
            return false;
        }
        linking.load(st, getThing().getUID().getAsString());
        // user Things that started before the users were loaded and are not linked
        children.users().stream().filter(user -> !users.isLinked(user.userId()))
                .forEach(user -> scheduler.execute(user::onAuthorizationLost));
        updateProperty(PROPERTY_LINKED_USERS, Integer.toString(users.size()));
        WithingsClient c = client;
        if (c != null) {
            webhooks.start(config.webhookUrl, WebhookUrl.isWithingsCloud(config.apiBaseUrl), c, st.storage(), this);
        }
        return true;
    }

    @Override
    public void dispose() {
        synchronized (this) {
            started = false;
            statusCheck.stop();
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
        children.forgetDevices(null);
    }

    @Override
    public void handleRemoval() {
        scheduler.execute(this::remove);
    }

    /** Bridge removal: revoke subscriptions, delete every token, clear the storage, then report REMOVED. */
    private void remove() {
        LinkedUserStore st = users.store();
        linking.removeAll(st != null ? st : new LinkedUserStore(services.storageService().getStorage(storageName())),
                super::handleRemoval);
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
    }

    @Override
    public Collection<Class<? extends ThingHandlerService>> getServices() {
        return Set.of(WithingsDiscoveryService.class);
    }

    /** Checks every linked user's token and derives the bridge status. */
    void checkUsers() {
        statusCheck.check();
    }

    @Override
    public void healthChanged(String userId, boolean healthy) {
        children.toUser(userId, user -> user.onWebhookHealth(healthy));
    }

    @Override
    public void statusReported() {
        if (started && getThing().getStatus() == ThingStatus.ONLINE) {
            statusCheck.publishOnline();
        }
    }

    @Override
    public void authorizationLost(String userId) {
        children.toUser(userId, WithingsUserHandler::onAuthorizationLost);
    }

    @Override
    public void authorized(String userId) {
        children.toUser(userId, WithingsUserHandler::onAuthorized);
    }

    @Override
    public boolean hasUserThing(String userId) {
        return children.hasUser(userId);
    }

    @Override
    public List<Device> listDevices(String userId, TokenProvider tp) throws WithingsApiException {
        return children.listDevices(client(), userId, tp);
    }

    @Override
    public Optional<Device> device(String deviceId) {
        return children.device(deviceId);
    }

    @Override
    public boolean devicesListed(String userId) {
        return children.devicesListed(userId);
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    @Override
    public WithingsClient client() {
        WithingsClient c = client;
        if (c == null) { // the bridge never started: invalid configuration
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

    @Override
    public boolean knowsUser(String userId) {
        return users.isLinked(userId);
    }

    /** Hands a notification to the user Thing among the bridge's children, on the scheduler. */
    @Override
    public void dispatch(WithingsNotification notification) {
        String userId = notification.userId();
        UserSession session = users.session(userId);
        if (session == null || !started) {
            return; // not linked, or the bridge was disposed after the servlet accepted the notification
        }
        session.dataArrived(notification.received());
        for (Thing child : getThing().getThings()) {
            if (child.getHandler() instanceof WithingsUserHandler user && user.userId().equals(userId)) {
                scheduler.execute(() -> user.onNotification(notification));
                return;
            }
        }
        logger.debug("Bridge {}: notification {} for user {} without a user Thing", bridgeId(), notification.appli(),
                userId);
    }

    /** Asks the user's Thing to fetch everything now (notifications without date range); false without one. */
    public boolean requestSync(String userId) {
        return children.requestSync(userId, clock.instant());
    }

    /** The linking side of the bridge, behind its linking page. */
    public AccountLinking linking() {
        return linking;
    }

    @Override
    public String label() {
        String label = getThing().getLabel();
        return label == null || label.isBlank() ? getThing().getUID().getAsString() : label;
    }

    @Override
    public WithingsApiConfig apiConfig() {
        return apiConfig;
    }

    @Override
    public void linked(UserSession session, TokenState before) {
        updateProperty(PROPERTY_LINKED_USERS, Integer.toString(users.size()));
        Optional.ofNullable(discovery).ifPresent(d -> d.userLinked(session.userId()));
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
        children.forgetDevices(userId);
        Optional.ofNullable(discovery).ifPresent(d -> d.userUnlinked(userId));
        authorizationLost(userId);
        if (users.isEmpty()) {
            scheduler.execute(this::checkUsers);
        }
    }

    /** Last outcome of a token request of a user, for the console. */
    public String lastApiStatus(String userId) {
        return users.lastApiStatus(userId);
    }

    public String bridgeId() {
        return getThing().getUID().getId();
    }

    /** Called by the discovery service when it starts (with itself) and stops (with null). */
    public void setDiscoveryService(@Nullable WithingsDiscoveryService discovery) {
        this.discovery = discovery;
    }
}
