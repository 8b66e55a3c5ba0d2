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

import static org.openhab.binding.withings.internal.WithingsBindingConstants.PROPERTY_USER_ID;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.WithingsServices;
import org.openhab.binding.withings.internal.api.AttribPolicy;
import org.openhab.binding.withings.internal.api.NotifyAppli;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsAuthException;
import org.openhab.binding.withings.internal.api.WithingsNotification;
import org.openhab.binding.withings.internal.config.WithingsUserConfiguration;
import org.openhab.binding.withings.internal.mapping.ChannelData;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.binding.BaseThingHandler;
import org.openhab.core.types.Command;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler of a linked person ({@code withings:user}): lifecycle and Thing status only. The data types are its
 * {@link DataUnit}s (measures, activity and workouts, sleep, goals, devices, presence); a notification from the
 * bridge goes to the unit that owns its category, a REFRESH to the unit of the channel's group.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class WithingsUserHandler extends BaseThingHandler {

    static final Duration DEFAULT_DEBOUNCE = Duration.ofSeconds(2);

    private final Logger logger = LoggerFactory.getLogger(WithingsUserHandler.class);
    final WithingsServices services;
    /** Runs the units' fetches and timers. */
    final ScheduledExecutorService executor;
    final Clock clock;
    /** The units' cursors and snapshots. */
    final SyncCursorStore store;
    private final NotificationCoalescer<DataUnit> coalescer;
    private final Map<String, State> published = new ConcurrentHashMap<>();

    private volatile List<DataUnit> units = List.of();
    private String userId = "";
    private AttribPolicy attribPolicy = AttribPolicy.DEFAULT;
    private volatile @Nullable WithingsAccountAccess access;
    private @Nullable ScheduledFuture<?> startJob;
    private volatile boolean disposed;
    private volatile boolean authorizationLost;
    private volatile boolean synced;

    public WithingsUserHandler(Thing thing, WithingsServices services) {
        this(thing, services, null, Clock.systemUTC(), DEFAULT_DEBOUNCE);
    }

    /** For tests: the executor (null: the handler's scheduler), the clock and the notification debounce. */
    WithingsUserHandler(Thing thing, WithingsServices services, @Nullable ScheduledExecutorService executor,
            Clock clock, Duration debounce) {
        super(thing);
        this.services = services;
        this.executor = executor != null ? executor : scheduler;
        this.clock = clock;
        this.coalescer = new NotificationCoalescer<>(this.executor, debounce);
        this.store = new SyncCursorStore(services.storageService().getStorage(SyncCursorStore.STORAGE_NAME,
                WithingsServices.class.getClassLoader()), thing.getUID().getAsString());
    }

    @Override
    public void initialize() {
        disposed = false;
        authorizationLost = false;
        synced = false;
        userId = "";
        WithingsUserConfiguration config = getConfigAs(WithingsUserConfiguration.class);
        String id = config.userId.trim();
        if (id.isEmpty()) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, "@text/offline.user.no-user-id");
            return;
        }
        userId = id;
        attribPolicy = new AttribPolicy(config.includeAmbiguous, AttribPolicy.DEFAULT.includeUnknown());
        if (!id.equals(getThing().getProperties().get(PROPERTY_USER_ID))) {
            updateProperty(PROPERTY_USER_ID, id);
        }
        units = List.of(new MeasuresUnit(this), new ActivityUnit(this), new SleepUnit(this), new GoalsUnit(this),
                new DevicesUnit(this), new PresenceUnit(this));
        // every state channel UNDEF, then what the units kept from the last run
        published.clear();
        units.forEach(unit -> unit.channels().forEach(channel -> publish(channel, UnDefType.UNDEF)));
        units.forEach(DataUnit::restore);

        WithingsAccountAccess account = findAccess();
        if (account == null) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
            return;
        }
        start(account);
    }

    private void start(WithingsAccountAccess account) {
        authorizationLost = false;
        units.forEach(DataUnit::reset);
        access = account;
        updateStatus(ThingStatus.UNKNOWN);
        startJob = executor.schedule(this::initialSync, 0, TimeUnit.SECONDS);
    }

    private @Nullable WithingsAccountAccess findAccess() {
        Bridge bridge = getBridge();
        if (bridge == null || bridge.getStatus() != ThingStatus.ONLINE) {
            return null;
        }
        return bridge.getHandler() instanceof WithingsAccountAccess account ? account : null;
    }

    @Override
    public void bridgeStatusChanged(ThingStatusInfo bridgeStatusInfo) {
        if (userId.isEmpty() || disposed) {
            return;
        }
        if (bridgeStatusInfo.getStatus() == ThingStatus.ONLINE) {
            // a restarted bridge has a new handler; a stopped one that runs again the same
            WithingsAccountAccess account = findAccess();
            if (account != null && account != access) {
                stop();
                start(account);
            }
        } else {
            stop();
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        }
    }

    @Override
    public void dispose() {
        disposed = true;
        stop();
    }

    private void stop() {
        access = null;
        stopJobs();
    }

    private void stopJobs() {
        coalescer.cancelAll();
        ScheduledFuture<?> job = startJob;
        if (job != null) {
            job.cancel(false);
        }
        startJob = null;
        units.forEach(DataUnit::stop);
    }

    @Override
    public void handleRemoval() {
        store.clear();
        super.handleRemoval();
    }

    private void initialSync() {
        for (DataUnit unit : units) {
            if (!isActive()) {
                return;
            }
            if (unit.interval() > 0) {
                unit.sync();
            }
        }
    }

    /** The Withings userid of this Thing (empty while not configured). */
    public String userId() {
        return userId;
    }

    /** A notification for this user, on the bridge's scheduler: the owning unit takes it. */
    public void onNotification(WithingsNotification notification) {
        NotifyAppli appli = notification.category().orElse(null);
        if (disposed || appli == null) {
            return;
        }
        if (appli == NotifyAppli.USER) {
            String action = notification.action();
            if ("unlink".equalsIgnoreCase(action) || "delete".equalsIgnoreCase(action)) {
                onAuthorizationLost();
            } else {
                logger.debug("Withings user {} changed their profile ({})", userId, action);
            }
            return;
        }
        DataUnit owner = units.stream().filter(u -> u.owns(appli)).findFirst().orElse(null);
        if (owner == null) {
            logger.debug("Ignoring Withings notification {} for user {}", appli, userId);
            return;
        }
        owner.notified(notification);
        units.forEach(unit -> unit.observed(appli));
    }

    /** The user's authorisation is gone (refused, revoked, unlinked): re-authorisation needed, no more requests. */
    public void onAuthorizationLost() {
        if (disposed) {
            return;
        }
        authorizationLost = true;
        stopJobs();
        WithingsAccountAccess account = access;
        updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                account != null ? account.authorizationNeededStatus() : "@text/offline.user.authorization");
    }

    /** The user was linked again, or its token works again. */
    public void onAuthorized() {
        WithingsAccountAccess account = access;
        if (disposed || account == null || (!authorizationLost && synced)) {
            return;
        }
        stopJobs();
        start(account);
    }

    /** The webhooks of the user became healthy or unhealthy: the poll intervals adapt. */
    public void onWebhookHealth(boolean healthy) {
        if (isActive()) {
            units.forEach(DataUnit::intervalChanged);
        }
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        if (!(command instanceof RefreshType)) {
            return;
        }
        String group = channelUID.getGroupId();
        String key = group == null ? channelUID.getIdWithoutGroup() : group + "#" + channelUID.getIdWithoutGroup();
        State state = published.get(key);
        if (state != null) {
            updateState(channelUID, state);
        }
        if (group != null && isActive()) {
            units.stream().filter(u -> u.ownsGroup(group)).findFirst().ifPresent(DataUnit::refreshed);
        }
    }

    @Nullable
    WithingsAccountAccess account() {
        return access;
    }

    /** Whether the units may fetch: started, with a bridge, authorised. */
    boolean isActive() {
        return !disposed && access != null && !authorizationLost;
    }

    /** The user's tokens; null (with the status set) when the bridge stopped or the user is not linked. */
    @Nullable
    TokenProvider tokens(WithingsAccountAccess account) {
        Optional<TokenProvider> tokens = account.tokenProvider(userId);
        if (tokens.isEmpty()) {
            authorizationRefused(account, null);
        }
        return tokens.orElse(null);
    }

    /**
     * Withings refused the user's token. If the bridge stopped meanwhile (it released the sessions), the bridge is
     * the problem: OFFLINE/BRIDGE_OFFLINE without polling until {@link #bridgeStatusChanged} reports it ONLINE.
     */
    void authorizationRefused(WithingsAccountAccess account, @Nullable WithingsAuthException e) {
        if (disposed || access != account) {
            return;
        }
        if (!account.isRunning()) {
            logger.debug("The bridge of Withings user {} is not running", userId);
            stop();
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
            return;
        }
        logger.debug("Withings user {} needs re-authorisation{}", userId, e == null ? "" : ": " + e.getMessage());
        onAuthorizationLost();
    }

    /** One fetch of the unit, coalesced with the other requests for it within the debounce. */
    void coalesce(DataUnit unit) {
        if (isActive()) {
            coalescer.submit(unit, unit::sync);
        }
    }

    /** After a fetch without communication failure: ONLINE unless a unit is still failing. */
    void unitWorked() {
        synced = true;
        if (units.stream().anyMatch(DataUnit::isFailing)) {
            return; // stays OFFLINE/COMMUNICATION_ERROR until every unit works again
        }
        Set<String> scopes = new LinkedHashSet<>();
        units.stream().filter(DataUnit::isMissingScope).forEach(u -> scopes.add(u.scope()));
        if (scopes.isEmpty()) {
            updateStatus(ThingStatus.ONLINE);
        } else {
            updateStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE,
                    "@text/online.user.missing-scope [\"" + String.join(", ", scopes) + "\"]");
        }
    }

    /** After a failed fetch: OFFLINE with a communication error until the retry after the given seconds. */
    void unitFailed(long retrySeconds) {
        updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                "@text/offline.user.communication-error [\"" + retrySeconds / 60 + "\"]");
    }

    ZoneId zone() {
        return services.timeZoneProvider().getTimeZone();
    }

    AttribPolicy attribPolicy() {
        return attribPolicy;
    }

    /** The unit of this key (e.g. {@code measures}), for tests and the benchmark. */
    DataUnit unit(String key) {
        return units.stream().filter(u -> u.key().equals(key)).findFirst().orElseThrow();
    }

    void publish(ChannelData data) {
        data.series().entrySet().stream().filter(e -> e.getValue().size() > 0 && !disposed)
                .forEach(e -> sendTimeSeries(e.getKey(), e.getValue()));
        publishStates(data);
    }

    void publishStates(ChannelData data) {
        data.states().forEach(this::publish);
    }

    void publish(String channel, State state) {
        published.put(channel, state);
        if (!disposed) {
            updateState(channel, state);
        }
    }

    /** Whether an item is linked to the channel (group#id): data only it shows is fetched only then. */
    boolean linked(String channel) {
        return isLinked(channel);
    }

    void trigger(String channel, String event) {
        if (!disposed) {
            triggerChannel(channel, event);
        }
    }

    /** After dispose, a fetch still under way reports nothing: the Thing is no longer ours. */
    @Override
    protected void updateStatus(ThingStatus status, ThingStatusDetail statusDetail, @Nullable String description) {
        if (!disposed) {
            super.updateStatus(status, statusDetail, description);
        }
    }

    /** The last state published on a channel (group#id), for tests and the console. */
    public @Nullable State publishedState(String channel) {
        return published.get(channel);
    }
}
