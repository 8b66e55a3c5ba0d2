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
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.WithingsServices;
import org.openhab.binding.withings.internal.api.AttribPolicy;
import org.openhab.binding.withings.internal.api.MeasureType;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsAuthException;
import org.openhab.binding.withings.internal.api.WithingsCommunicationException;
import org.openhab.binding.withings.internal.api.WithingsInvalidParamsException;
import org.openhab.binding.withings.internal.api.WithingsNotImplementedException;
import org.openhab.binding.withings.internal.api.WithingsRateLimitException;
import org.openhab.binding.withings.internal.api.WithingsUnauthorizedException;
import org.openhab.binding.withings.internal.config.WithingsAccountConfiguration;
import org.openhab.binding.withings.internal.config.WithingsUserConfiguration;
import org.openhab.binding.withings.internal.dto.Activity;
import org.openhab.binding.withings.internal.dto.Device;
import org.openhab.binding.withings.internal.mapping.ActivityMapper;
import org.openhab.binding.withings.internal.mapping.GoalsMapper;
import org.openhab.binding.withings.internal.mapping.MeasureMapper;
import org.openhab.binding.withings.internal.mapping.NotificationCoalescer;
import org.openhab.binding.withings.internal.mapping.SleepMapper;
import org.openhab.binding.withings.internal.mapping.States;
import org.openhab.binding.withings.internal.mapping.SyncCursorStore;
import org.openhab.binding.withings.internal.mapping.WorkoutMapper;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.storage.Storage;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.binding.BaseThingHandler;
import org.openhab.core.thing.binding.BridgeHandler;
import org.openhab.core.types.Command;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.State;
import org.openhab.core.types.TimeSeries;
import org.openhab.core.types.UnDefType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler of a linked person ({@code withings:user}): when each data type is synced (polls at the configured
 * intervals, push-driven fetches coalesced per type, back-off after failures), bed presence from appli 50/51, the
 * devices of the user shared by the device Things, and the Thing status. What a sync fetches, maps and persists
 * (cursors, snapshots, measurements as time series at the time they were taken) is {@link UserSync}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class WithingsUserHandler extends BaseThingHandler implements WithingsUserListener {

    static final Duration DEFAULT_DEBOUNCE = Duration.ofSeconds(2);
    static final Duration REFRESH_MIN_SPACING = Duration.ofMinutes(1);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(30);
    static final long MIN_INTERVAL_SECONDS = 60;

    public static final String PRESENCE_IN_BED = "presence#in-bed";
    public static final String PRESENCE_EVENT = "presence#bed-event";
    public static final String PRESENCE_LAST = "presence#last-bed-event";

    private final Logger logger = LoggerFactory.getLogger(WithingsUserHandler.class);
    private final WithingsServices services;
    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final ReentrantLock syncLock = new ReentrantLock();
    private final Map<SyncType, ScheduledFuture<?>> pollJobs = new EnumMap<>(SyncType.class);
    private final Map<SyncType, Instant> lastRefresh = new ConcurrentHashMap<>();
    private final Map<String, State> published = new ConcurrentHashMap<>();
    private final Set<SyncType> missingScope = ConcurrentHashMap.newKeySet();
    private final Map<SyncType, Integer> failures = new ConcurrentHashMap<>();
    private final NotificationCoalescer<SyncType> coalescer;

    private String userId = "";
    private AttribPolicy attribPolicy = AttribPolicy.DEFAULT;
    private volatile @Nullable SyncCursorStore store;
    /** The data side; guarded by syncLock. */
    private volatile @Nullable UserSync data;
    private volatile @Nullable WithingsAccountAccess access;
    private @Nullable ScheduledFuture<?> midnightJob;
    private @Nullable ScheduledFuture<?> startJob;

    // devices of this user, shared by the device Things
    private final Object devicesLock = new Object();
    private List<Device> devices = List.of();
    private @Nullable Instant devicesFetched;

    private volatile boolean disposed;
    private volatile boolean authorizationLost;
    private volatile boolean synced;

    public WithingsUserHandler(Thing thing, WithingsServices services) {
        this(thing, services, null, Clock.systemUTC(), DEFAULT_DEBOUNCE);
    }

    /**
     * For tests: the executor that runs syncs and timers, the clock and the notification debounce.
     *
     * @param executor the executor, or null for the handler's {@code scheduler}
     */
    WithingsUserHandler(Thing thing, WithingsServices services, @Nullable ScheduledExecutorService executor,
            Clock clock, Duration debounce) {
        super(thing);
        this.services = services;
        this.executor = executor != null ? executor : scheduler;
        this.clock = clock;
        this.coalescer = new NotificationCoalescer<>(this.executor, debounce);
    }

    WithingsServices services() {
        return services;
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void initialize() {
        disposed = false;
        authorizationLost = false;
        synced = false;
        failures.clear();
        missingScope.clear();
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
        Storage<String> storage = services.storageService().getStorage(SyncCursorStore.STORAGE_NAME,
                WithingsServices.class.getClassLoader());
        SyncCursorStore cursors = new SyncCursorStore(storage, getThing().getUID().getAsString());
        store = cursors;
        data = new UserSync(id, cursors, attribPolicy, clock, this::zone, channelSink());

        publishInitialStates();

        WithingsAccountAccess account = findAccess();
        if (account == null) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
            return;
        }
        start(account);
    }

    /** Where the data side's results go: this Thing's channels, and the midnight job for today's activity. */
    private UserSync.Sink channelSink() {
        return new UserSync.Sink() {
            @Override
            public void publish(String channel, State state) {
                WithingsUserHandler.this.publish(channel, state);
            }

            @Override
            public void sendSeries(String channel, TimeSeries series) {
                WithingsUserHandler.this.sendSeries(channel, series);
            }

            @Override
            public void trigger(String channel, String event) {
                if (!disposed) {
                    triggerChannel(channel, event);
                }
            }

            @Override
            public void activityShown(@Nullable Activity today) {
                scheduleMidnight(today);
            }
        };
    }

    private void start(WithingsAccountAccess account) {
        authorizationLost = false;
        failures.clear();
        access = account;
        account.registerUserListener(this);
        updateStatus(ThingStatus.UNKNOWN);
        startJob = executor.schedule(this::initialSync, 0, TimeUnit.SECONDS);
    }

    private @Nullable WithingsAccountAccess findAccess() {
        Bridge bridge = getBridge();
        if (bridge == null || bridge.getStatus() != ThingStatus.ONLINE) {
            return null;
        }
        BridgeHandler handler = bridge.getHandler();
        return handler instanceof WithingsAccountAccess account ? account : null;
    }

    @Override
    public void bridgeStatusChanged(ThingStatusInfo bridgeStatusInfo) {
        if (userId.isEmpty() || disposed) {
            return;
        }
        if (bridgeStatusInfo.getStatus() == ThingStatus.ONLINE) {
            // a restarted bridge has a new handler: the listener must move from the disposed one to it
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
        WithingsAccountAccess account = access;
        access = null;
        if (account != null) {
            account.unregisterUserListener(this);
        }
        coalescer.cancelAll();
        cancel(startJob);
        startJob = null;
        cancel(midnightJob);
        midnightJob = null;
        synchronized (pollJobs) {
            pollJobs.values().forEach(this::cancel);
            pollJobs.clear();
        }
    }

    @Override
    public void handleRemoval() {
        SyncCursorStore s = store;
        if (s != null) {
            s.clear();
        }
        super.handleRemoval();
    }

    private void cancel(@Nullable ScheduledFuture<?> job) {
        if (job != null) {
            job.cancel(false);
        }
    }

    // ------------------------------------------------------------------ commands

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        if (!(command instanceof RefreshType)) {
            return;
        }
        String key = channelKey(channelUID);
        State state = published.get(key);
        if (state != null) {
            updateState(channelUID, state);
        }
        String group = channelUID.getGroupId();
        SyncType type = group == null ? null : SyncType.ofGroup(group);
        if (type == null || access == null || authorizationLost) {
            return;
        }
        Instant now = clock.instant();
        Instant last = lastRefresh.get(type);
        if (last != null && last.plus(REFRESH_MIN_SPACING).isAfter(now)) {
            return; // at most one refresh-triggered sync per type and minute
        }
        lastRefresh.put(type, now);
        coalescer.submit(type, () -> sync(type));
    }

    private static String channelKey(ChannelUID channelUID) {
        String group = channelUID.getGroupId();
        String id = channelUID.getIdWithoutGroup();
        return group == null ? id : group + "#" + id;
    }

    // ------------------------------------------------------------------ listener

    @Override
    public String userId() {
        return userId;
    }

    @Override
    public void onNotification(WithingsNotification notification) {
        if (disposed) {
            return;
        }
        switch (notification.appli()) {
            case 1, 2, 4, 58 -> push(SyncType.MEASURES);
            case 16 -> push(SyncType.ACTIVITY);
            case 44 -> push(SyncType.SLEEP);
            case 54 -> push(SyncType.HEART);
            case 46 -> {
                String action = notification.action();
                if ("unlink".equalsIgnoreCase(action) || "delete".equalsIgnoreCase(action)) {
                    onAuthorizationLost();
                } else {
                    logger.debug("Withings user {} changed their profile ({})", userId, action);
                }
            }
            case 50 -> bedEvent(true, notification);
            case 51 -> bedEvent(false, notification);
            default -> logger.debug("Ignoring Withings notification appli {} for user {}", notification.appli(),
                    userId);
        }
    }

    private void push(SyncType type) {
        if (authorizationLost || access == null) {
            return;
        }
        coalescer.submit(type, () -> sync(type));
    }

    private void bedEvent(boolean inBed, WithingsNotification notification) {
        publish(PRESENCE_IN_BED, OnOffType.from(inBed));
        publish(PRESENCE_LAST, States.dateTime(eventTime(notification),
                zone()));
        triggerChannel(PRESENCE_EVENT, inBed ? "IN_BED" : "OUT_BED");
    }

    /** The time of an event notification: its unix date, else its start date, else when it was received. */
    static Instant eventTime(WithingsNotification notification) {
        String date = notification.date();
        if (date != null && !date.isBlank() && date.chars().allMatch(Character::isDigit)) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(date));
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        Instant start = notification.startDate();
        return start != null ? start : notification.received();
    }

    @Override
    public void onAuthorizationLost() {
        if (disposed) {
            return;
        }
        authorizationLost = true;
        WithingsAccountAccess account = access;
        String text = account != null ? account.authorizationNeededStatus() : "@text/offline.user.authorization";
        updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, text);
    }

    @Override
    public void onAuthorized() {
        if (disposed || access == null) {
            return;
        }
        boolean wasLost = authorizationLost;
        authorizationLost = false;
        if (wasLost || !synced) {
            updateStatus(ThingStatus.UNKNOWN);
            cancel(startJob);
            startJob = executor.schedule(this::initialSync, 0, TimeUnit.SECONDS);
        }
    }

    @Override
    public void onWebhookHealth(boolean healthy) {
        if (disposed || access == null || authorizationLost) {
            return;
        }
        for (SyncType type : SyncType.polled()) {
            // a failing type keeps its back-off retry: replacing it with the (push safety) interval would leave the
            // Thing OFFLINE and the data of an outage unfetched until then
            if (type != SyncType.GOALS && !failures.containsKey(type)) {
                schedulePoll(type, interval(type));
            }
        }
    }

    // ------------------------------------------------------------------ scheduling

    private void initialSync() {
        for (SyncType type : SyncType.polled()) {
            if (disposed || authorizationLost || access == null) {
                return;
            }
            sync(type);
        }
    }

    /** Poll interval of a type: the configured one, or the safety interval while webhooks are healthy. */
    long interval(SyncType type) {
        WithingsAccountAccess account = access;
        if (account == null) {
            return 3600;
        }
        WithingsAccountConfiguration config = account.configuration();
        long seconds = switch (type) {
            case MEASURES, HEART -> config.bodyInterval;
            case ACTIVITY -> config.activityInterval;
            case SLEEP -> config.sleepInterval;
            case GOALS -> config.goalsInterval;
        };
        if (type != SyncType.GOALS && account.webhooksHealthy(userId)) {
            seconds = Math.max(seconds, config.pushSafetyInterval);
        }
        return Math.max(MIN_INTERVAL_SECONDS, seconds);
    }

    private void schedulePoll(SyncType type, long delaySeconds) {
        if (disposed || (type == SyncType.HEART && !failures.containsKey(type))) {
            return; // the heart list is fetched on push only, or retried after a failure
        }
        synchronized (pollJobs) {
            cancel(pollJobs.get(type));
            pollJobs.put(type, executor.schedule(() -> sync(type), delaySeconds, TimeUnit.SECONDS));
        }
    }

    /** 1, 2, 4, 8, 16, 30, 30 ... minutes after 1, 2, 3 ... consecutive failures. */
    static long backoffSeconds(int consecutiveFailures) {
        int n = Math.max(1, consecutiveFailures);
        long minutes = 1L << Math.min(n - 1, 5);
        return Math.min(MAX_BACKOFF.toSeconds(), Duration.ofMinutes(minutes).toSeconds());
    }

    // ------------------------------------------------------------------ sync

    /** Runs one sync of the type now (on the calling thread) and schedules the next poll. */
    void sync(SyncType type) {
        WithingsAccountAccess account = access;
        if (disposed || account == null || authorizationLost) {
            return;
        }
        long next = interval(type);
        syncLock.lock();
        try {
            Optional<TokenProvider> tokens = account.tokenProvider(userId);
            if (tokens.isEmpty() && !account.isRunning()) {
                bridgeStopped(account);
                return;
            }
            if (tokens.isEmpty()) {
                authorizationLost = true;
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                        account.authorizationNeededStatus());
                return;
            }
            requireData().sync(type, account.client(), tokens.get(), account.configuration());
            missingScope.remove(type);
            succeeded(type);
        } catch (WithingsAuthException e) {
            if (!account.isRunning()) {
                bridgeStopped(account); // the bridge released the session during the request
                return;
            }
            logger.debug("Withings user {} needs re-authorisation: {}", userId, e.getMessage());
            authorizationLost = true;
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    account.authorizationNeededStatus());
            return;
        } catch (WithingsUnauthorizedException e) {
            logger.debug("Withings user {} did not grant {} for {}", userId, type.scope(), type.key());
            missingScope.add(type);
            undefGroups(type);
            succeeded(type);
        } catch (WithingsRateLimitException e) {
            // keep the status; the bridge's limiter pauses every user, try again after the pause
            logger.debug("Withings rate limit reached while syncing {} of user {}", type.key(), userId);
            next = Math.max(MIN_INTERVAL_SECONDS, account.configuration().rateLimitPause);
        } catch (WithingsInvalidParamsException | WithingsNotImplementedException e) {
            // a request the service refuses: retrying will not help; keep the status
            logger.debug("Withings refused the {} sync of user {}: {}", type.key(), userId, e.getMessage());
        } catch (WithingsApiException e) {
            logger.debug("Withings {} sync of user {} failed: {}", type.key(), userId, e.getMessage());
            next = failed(type);
        } catch (RuntimeException e) {
            logger.debug("Unexpected failure of the {} sync of user {}", type.key(), userId, e);
            next = failed(type);
        } finally {
            syncLock.unlock();
        }
        if (!authorizationLost) {
            schedulePoll(type, next);
        }
    }

    /**
     * The bridge was stopped (its handler disposed, the user sessions released) before this Thing heard of it: no
     * re-authorisation is needed, only the bridge. OFFLINE/BRIDGE_OFFLINE without polling until
     * {@link #bridgeStatusChanged(ThingStatusInfo)} reports it ONLINE again.
     */
    private void bridgeStopped(WithingsAccountAccess account) {
        if (disposed || access != account) {
            return; // disposed, or already moved to a restarted bridge
        }
        logger.debug("The bridge of Withings user {} is not running", userId);
        stop();
        updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
    }

    /**
     * After a failed sync: OFFLINE with a communication error until the retry.
     *
     * @return the delay of the retry in seconds, growing with the consecutive failures of the type
     */
    private long failed(SyncType type) {
        long retry = backoffSeconds(failures.merge(type, 1, Integer::sum));
        updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                "@text/offline.user.communication-error [\"" + retry / 60 + "\"]");
        return retry;
    }

    /** After a sync without communication failure: ONLINE unless another type is still failing. */
    private void succeeded(SyncType type) {
        failures.remove(type);
        synced = true;
        if (!failures.isEmpty()) {
            return; // stays OFFLINE/COMMUNICATION_ERROR until every type works again
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (SyncType t : SyncType.values()) {
            if (missingScope.contains(t)) {
                scopes.add(t.scope());
            }
        }
        if (scopes.isEmpty()) {
            updateStatus(ThingStatus.ONLINE);
        } else {
            updateStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE,
                    "@text/online.user.missing-scope [\"" + String.join(", ", scopes) + "\"]");
        }
    }

    private void undefGroups(SyncType type) {
        for (String channel : channelsOf(type)) {
            publish(channel, UnDefType.UNDEF);
        }
    }

    private void scheduleMidnight(@Nullable Activity today) {
        if (disposed) {
            return;
        }
        ZoneId zone = today != null
                ? States.zone(today.timezone, zone())
                : zone();
        long delay = Math.max(1,
                Duration.between(clock.instant(), ActivityMapper.nextMidnight(clock, zone)).toSeconds() + 1);
        cancel(midnightJob);
        midnightJob = executor.schedule(this::midnight, delay, TimeUnit.SECONDS);
    }

    /** At local midnight: today's activity is not known yet. */
    void midnight() {
        syncLock.lock();
        try {
            requireData().publishActivity();
        } finally {
            syncLock.unlock();
        }
    }

    // ------------------------------------------------------------------ devices

    /**
     * The devices of this user as Withings lists them, fetched at most once per {@code maxAge} however many device
     * Things ask.
     *
     * @throws WithingsApiException when they cannot be fetched
     */
    public List<Device> devices(Duration maxAge) throws WithingsApiException {
        WithingsAccountAccess account = access;
        if (account == null || authorizationLost) {
            throw new WithingsAuthException(WithingsApiException.NO_STATUS, "user " + userId + " is not available");
        }
        if (!account.isRunning()) {
            throw new WithingsCommunicationException("the bridge of user " + userId + " is not running");
        }
        synchronized (devicesLock) {
            Instant fetched = devicesFetched;
            if (fetched != null && fetched.plus(maxAge).isAfter(clock.instant())) {
                return devices;
            }
            Optional<TokenProvider> tokens = account.tokenProvider(userId);
            if (tokens.isEmpty() && !account.isRunning()) {
                throw new WithingsCommunicationException("the bridge of user " + userId + " is not running");
            }
            TokenProvider tp = tokens.orElseThrow(() -> new WithingsAuthException(WithingsApiException.NO_STATUS,
                    "user " + userId + " is not linked"));
            List<Device> list = List.copyOf(account.client().getDevices(tp));
            devices = list;
            devicesFetched = clock.instant();
            return list;
        }
    }

    /** The bridge's poll interval for goals and devices, in seconds. */
    public long devicesInterval() {
        WithingsAccountAccess account = access;
        return Math.max(MIN_INTERVAL_SECONDS, account == null ? 3600 : account.configuration().goalsInterval);
    }

    // ------------------------------------------------------------------ states

    private ZoneId zone() {
        return services.timeZoneProvider().getTimeZone();
    }

    private UserSync requireData() {
        UserSync d = data;
        if (d == null) {
            throw new IllegalStateException("not initialized");
        }
        return d;
    }

    /** Every state channel UNDEF, then what the snapshots of the last run knew (presence is never restored). */
    private void publishInitialStates() {
        published.clear();
        for (SyncType type : SyncType.values()) {
            for (String channel : channelsOf(type)) {
                publish(channel, UnDefType.UNDEF);
            }
        }
        publish(PRESENCE_IN_BED, UnDefType.UNDEF);
        publish(PRESENCE_LAST, UnDefType.UNDEF);

        UserSync d = requireData();
        syncLock.lock();
        try {
            d.restoreSnapshots();
        } finally {
            syncLock.unlock();
        }
    }

    /** The state channels of a type (group#id). */
    static List<String> channelsOf(SyncType type) {
        List<String> result = new ArrayList<>();
        switch (type) {
            case MEASURES -> {
                for (String group : List.of(MeasureType.GROUP_BODY, MeasureType.GROUP_HEART)) {
                    for (String id : MeasureType.channelIds(group)) {
                        result.add(group + "#" + id);
                    }
                    result.add(group + "#" + MeasureMapper.LAST_MEASURED);
                }
                result.add(MeasureMapper.BMI);
            }
            case ACTIVITY -> {
                ActivityMapper.CHANNELS.forEach(c -> result.add(ActivityMapper.GROUP + "#" + c));
                WorkoutMapper.CHANNELS.forEach(c -> result.add(WorkoutMapper.GROUP + "#" + c));
            }
            case SLEEP -> SleepMapper.CHANNELS.forEach(c -> result.add(SleepMapper.GROUP + "#" + c));
            case GOALS -> result.addAll(List.of(GoalsMapper.STEPS, GoalsMapper.SLEEP, GoalsMapper.WEIGHT));
            case HEART -> {
            }
        }
        return result;
    }

    private void sendSeries(String channel, TimeSeries series) {
        if (series.size() > 0 && !disposed) {
            sendTimeSeries(channel, series);
        }
    }

    private void publish(String channel, State state) {
        published.put(channel, state);
        if (!disposed) {
            updateState(channel, state);
        }
    }

    /** After dispose, a sync or a bridge call still under way reports nothing: the Thing is no longer ours. */
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
