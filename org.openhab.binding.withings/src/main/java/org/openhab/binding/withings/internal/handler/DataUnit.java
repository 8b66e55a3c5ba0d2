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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.api.Backoff;
import org.openhab.binding.withings.internal.api.NotifyAppli;
import org.openhab.binding.withings.internal.api.SeenRecords;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsAuthException;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.api.WithingsNotification;
import org.openhab.binding.withings.internal.api.WithingsRateLimitException;
import org.openhab.binding.withings.internal.api.WithingsUnauthorizedException;
import org.openhab.binding.withings.internal.config.WithingsAccountConfiguration;
import org.openhab.core.types.UnDefType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One data type of a user Thing (in the spirit of netatmo's capabilities): owns its request, cursor, poll interval,
 * mapper and channel group, the notifications that concern it, and its poll job with back-off. A fetch runs on the
 * handler's scheduler; a burst of notifications or refreshes is coalesced into one fetch.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
abstract class DataUnit {

    static final long MIN_INTERVAL_SECONDS = 60;
    static final Duration REFRESH_MIN_SPACING = Duration.ofMinutes(1);
    private static final String SENT = "sent";
    /** A first back-fill of more than a month reads the recent week first: the newest values come before history. */
    static final Duration RECENT = Duration.ofDays(7);
    static final int LONG_BACKFILL_DAYS = 31;

    private final Logger logger = LoggerFactory.getLogger(WithingsUserHandler.class);
    protected final WithingsUserHandler handler;
    private final String key;
    private final String scope;
    private final Set<NotifyAppli> applis;
    /** Guards the unit's jobs only; never held while calling out, so units can stop each other. */
    protected final Object jobLock = new Object();
    private @Nullable ScheduledFuture<?> pollJob;
    /** When the scheduled poll runs, and when the last fetch succeeded. */
    protected @Nullable Instant nextPoll;
    protected @Nullable Instant lastFetch;
    private @Nullable Instant lastRefresh;
    private volatile int failures;
    private volatile boolean missingScope;
    /** First sync of a long back-fill: whether the recent window was read, and whether this fetch reads it. */
    private boolean recentRead;
    private boolean recentOnly;
    private boolean recentTaken;

    /**
     * @param key the unit's name in the cursor store and the logs
     * @param scope the OAuth scope its requests need
     * @param applis the notification categories it owns
     */
    DataUnit(WithingsUserHandler handler, String key, String scope, Set<NotifyAppli> applis) {
        this.handler = handler;
        this.key = key;
        this.scope = scope;
        this.applis = applis;
    }

    String key() {
        return key;
    }

    String scope() {
        return scope;
    }

    /** Whether the unit owns this notification category. */
    boolean owns(NotifyAppli appli) {
        return applis.contains(appli);
    }

    /** The state channels (group#id) the unit fills. */
    abstract List<String> channels();

    /** Whether the unit fills this channel group. */
    boolean ownsGroup(String group) {
        return channels().stream().anyMatch(c -> c.startsWith(group + "#"));
    }

    /** The poll interval in seconds from the bridge configuration; 0 for a unit that is never polled. */
    abstract long configuredInterval(WithingsAccountConfiguration config, boolean webhooksHealthy);

    /** A data type with notifications: while they are healthy, polled only at the safety interval. */
    static long pushAware(long seconds, WithingsAccountConfiguration config, boolean webhooksHealthy) {
        return webhooksHealthy ? Math.max(seconds, config.pushSafetyInterval) : seconds;
    }

    /** Fetches what is new and publishes it. Not thread-safe: {@link #sync()} serialises the calls. */
    abstract void fetch(WithingsClient client, TokenProvider tp) throws WithingsApiException;

    /** Publishes (states only) what the unit kept from the last run, before any request. */
    void restore() {
    }

    /** A notification the unit owns: by default one coalesced fetch. */
    void notified(WithingsNotification notification) {
        handler.coalesce(this);
    }

    /** Any notification of the user, after its owner took it (devices read their battery after a data sync). */
    void observed(NotifyAppli appli) {
    }

    /** A REFRESH of one of the unit's channels: one coalesced fetch, at most once a minute. */
    void refreshed() {
        Instant now = handler.clock.instant();
        synchronized (jobLock) {
            Instant last = lastRefresh;
            if (last != null && last.plus(REFRESH_MIN_SPACING).isAfter(now)) {
                return;
            }
            lastRefresh = now;
        }
        handler.coalesce(this);
    }

    /**
     * The cursor of a type; before its first complete fetch the start of the back-fill window, or of the
     * {@link #RECENT} window when the unit reads that first (the back-fill then follows at once).
     */
    Instant since(String type) {
        Instant cursor = handler.store.cursor(type);
        recentTaken |= cursor == null && recentOnly;
        return cursor != null ? cursor
                : handler.clock.instant().minus(recentOnly ? RECENT : Duration.ofDays(backfillDays()));
    }

    private int backfillDays() {
        WithingsAccountAccess account = handler.account();
        return Math.max(1, account == null ? 30 : account.configuration().backfillDays);
    }

    /** The answer without the records the sync that set the type's cursor already sent ({@link SeenRecords}). */
    <T> List<T> unsent(String type, List<T> answer) {
        return SeenRecords.unsent(handler.store.get(type, SENT), answer);
    }

    /**
     * Moves the type's cursor and keeps the keys of the answer's records that the next answer repeats. After the
     * recent window of a long first back-fill the cursor stays, and all its records are kept: the history skips them.
     */
    void advance(String type, Instant cursor, List<?> answer) {
        handler.store.put(type, SENT, SeenRecords.remember(answer, recentOnly ? Instant.EPOCH : cursor));
        if (!recentOnly) {
            handler.store.setCursor(type, cursor);
        }
    }

    /** The poll interval in seconds (0: not polled). */
    long interval() {
        WithingsAccountAccess account = handler.account();
        if (account == null) {
            return 3600;
        }
        long seconds = configuredInterval(account.configuration(), account.webhooksHealthy(handler.userId()));
        return seconds <= 0 ? 0 : Math.max(MIN_INTERVAL_SECONDS, seconds);
    }

    boolean isFailing() {
        return failures > 0;
    }

    boolean isMissingScope() {
        return missingScope;
    }

    /** Runs one fetch now (on the calling thread) and schedules the next poll. */
    synchronized void sync() {
        WithingsAccountAccess account = handler.account();
        if (account == null || !handler.isActive()) {
            return;
        }
        long next = interval();
        try {
            TokenProvider tp = handler.tokens(account);
            if (tp == null) {
                return; // the handler has stopped: the bridge is gone or the user needs re-authorisation
            }
            recentOnly = !recentRead && backfillDays() > LONG_BACKFILL_DAYS;
            recentTaken = false;
            fetch(account.client(), tp);
            if (recentTaken) {
                recentRead = true;
                next = 1; // the history follows at once
            }
            lastFetch = handler.clock.instant();
            failures = 0;
            missingScope = false;
            handler.unitWorked();
        } catch (WithingsAuthException e) {
            handler.authorizationRefused(account, e);
            return;
        } catch (WithingsUnauthorizedException e) {
            logger.debug("Withings user {} did not grant {} for {}", handler.userId(), scope, key);
            failures = 0;
            missingScope = true;
            channels().forEach(c -> handler.publish(c, UnDefType.UNDEF));
            handler.unitWorked();
        } catch (WithingsRateLimitException e) {
            // keep the status; come back when the bridge's budget has the turn the limiter gave this unit
            logger.debug("No Withings request budget for the {} of user {}", key, handler.userId());
            next = retrySeconds(e.retryAfter());
        } catch (WithingsApiException e) {
            if (e.getFamily().isPermanent()) {
                // a request the service refuses: retrying will not help; keep the status
                logger.debug("Withings refused the {} of user {}: {}", key, handler.userId(), e.getMessage());
            } else {
                logger.debug("Withings {} of user {} failed: {}", key, handler.userId(), e.getMessage());
                next = failed();
            }
        } catch (RuntimeException e) {
            logger.debug("Unexpected failure of the {} of user {}", key, handler.userId(), e);
            next = failed();
        } finally {
            recentOnly = false;
        }
        schedulePoll(next);
    }

    /** The limiter's delay in whole seconds, rounded up (at least 1), so no unit comes back before its turn. */
    static long retrySeconds(Duration retryAfter) {
        long millis = Math.max(1, retryAfter.toMillis());
        return (millis + 999) / 1000;
    }

    private long failed() {
        failures++;
        long retry = Backoff.MINUTES.delay(failures).toSeconds();
        handler.unitFailed(retry);
        return retry;
    }

    /** Schedules the next poll after the delay (nothing for an unpolled unit that does not need a retry). */
    void schedulePoll(long delaySeconds) {
        boolean schedule = handler.isActive() && delaySeconds > 0 && (interval() > 0 || failures > 0);
        synchronized (jobLock) {
            cancelPoll();
            nextPoll = null;
            if (schedule) {
                nextPoll = handler.clock.instant().plusSeconds(delaySeconds);
                pollJob = handler.executor.schedule(this::sync, delaySeconds, TimeUnit.SECONDS);
            }
        }
    }

    /** Reschedules the poll at the current interval (webhook health changed). */
    void intervalChanged() {
        long seconds = interval();
        if (seconds > 0 && failures == 0) {
            schedulePoll(seconds);
        }
    }

    /** Stops the unit's jobs. */
    void stop() {
        synchronized (jobLock) {
            cancelPoll();
        }
    }

    private void cancelPoll() {
        ScheduledFuture<?> job = pollJob;
        if (job != null) {
            job.cancel(false);
        }
        pollJob = null;
    }

    /** Starts afresh (the Thing starts or is authorised again). */
    void reset() {
        failures = 0;
        recentRead = false;
        missingScope = false;
    }
}
