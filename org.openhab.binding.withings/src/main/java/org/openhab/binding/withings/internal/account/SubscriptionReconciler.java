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

import static org.openhab.binding.withings.internal.WithingsBindingConstants.WEBHOOK_PATH;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.api.Backoff;
import org.openhab.binding.withings.internal.api.NotifyAppli;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsAuthException;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.api.WithingsRateLimitException;
import org.openhab.binding.withings.internal.api.WithingsUnauthorizedException;
import org.openhab.binding.withings.internal.dto.NotifyProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Withings notification subscriptions of the linked users pointing at the bridge's callback URL: one
 * reconcile job per user on the bridge's scheduler lists the user's subscriptions, revokes our stale ones (another
 * secret or host of our webhook path) and subscribes the missing categories its scopes allow. The shared rate
 * limiter spaces the calls: without budget the job is rescheduled. A watchdog repeats the job every few hours,
 * failures are retried with the binding's {@link Backoff}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class SubscriptionReconciler {

    /** The comment stored with our subscriptions (shown in Withings' developer dashboard). */
    public static final String COMMENT = "openHAB Withings binding";

    /** The categories subscribed, in subscription order. */
    public static final List<NotifyAppli> SUBSCRIBED = List.of(NotifyAppli.WEIGHT, NotifyAppli.TEMPERATURE,
            NotifyAppli.PRESSURE, NotifyAppli.ACTIVITY, NotifyAppli.SLEEP, NotifyAppli.BED_IN, NotifyAppli.BED_OUT,
            NotifyAppli.ECG);

    /**
     * Categories whose permanent refusal (a feature not enabled for the application) keeps the webhook healthy.
     * Glucose (58) is not subscribed: Withings documents no glucose measure type to show.
     */
    public static final Set<NotifyAppli> OPTIONAL = Set.of(NotifyAppli.ECG);

    /**
     * The technical text of {@link SubscriptionStatus#lastError()} after a 293/294 answer; what it means for the
     * user is the translated text of {@link WebhookHealth#UNREACHABLE}.
     */
    public static final String UNREACHABLE_TEXT = "notify subscribe: Withings status %d";

    /** Told when the status of a user changed; called on the scheduler. */
    public interface Listener {
        void statusChanged(SubscriptionStatus status);
    }

    /** How often the subscriptions of a user are listed again, and the back-off after failures. */
    public record Timing(Duration watchdog, Backoff retry) {
        /** @return 6 h, 1 min doubling up to 1 h */
        public static Timing defaults() {
            return new Timing(Duration.ofHours(6), new Backoff(Duration.ofMinutes(1), Duration.ofHours(1)));
        }
    }

    /** A managed user; guarded by the reconciler. */
    private static final class User {
        TokenProvider tp;
        Set<String> scopes;
        String callbackUrl;
        SubscriptionStatus status;
        int failures;
        @Nullable ScheduledFuture<?> job;
        boolean running;
        boolean rerun;
        @Nullable SubscriptionStatus reported;

        User(String userId, TokenProvider tp, Set<String> scopes, String callbackUrl) {
            this.tp = tp;
            this.scopes = scopes;
            this.callbackUrl = callbackUrl;
            this.status = SubscriptionStatus.disabled(userId).with(WebhookHealth.PENDING, null);
        }
    }

    private final Logger logger = LoggerFactory.getLogger(SubscriptionReconciler.class);
    private final WithingsClient client;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Listener listener;
    private final SubscriptionCalls calls;
    private final Timing timing;
    private final Map<String, User> users = new LinkedHashMap<>();
    private boolean disposed;

    public SubscriptionReconciler(WithingsClient client, ScheduledExecutorService scheduler, Clock clock,
            Listener listener, Timing timing) {
        this.client = client;
        this.scheduler = scheduler;
        this.clock = clock;
        this.listener = listener;
        this.timing = timing;
        this.calls = new SubscriptionCalls(client);
    }

    /** (Re)starts the user's reconcile job at once; later runs (watchdog, retries) use these values. */
    public synchronized void ensure(String userId, TokenProvider tp, Set<String> grantedScopes, String callbackUrl) {
        if (disposed) {
            return;
        }
        User user = users.get(userId);
        if (user == null) {
            user = new User(userId, tp, Set.copyOf(grantedScopes), callbackUrl);
            users.put(userId, user);
        } else {
            user.tp = tp;
            user.scopes = Set.copyOf(grantedScopes);
            user.callbackUrl = callbackUrl;
            WebhookHealth health = user.status.health();
            if (health != WebhookHealth.HEALTHY && health != WebhookHealth.DEGRADED) {
                user.status = user.status.with(WebhookHealth.PENDING, user.status.nextCheck());
            }
        }
        user.failures = 0;
        schedule(user, Duration.ZERO);
    }

    /**
     * Stops watching the user and revokes our subscriptions (unlink, removal; not restarts) on {@code callbackUrl}'s
     * webhook path, or the last {@link #ensure}'s. Completes with true if every one of ours is gone.
     */
    public CompletableFuture<Boolean> remove(String userId, TokenProvider tp, @Nullable String callbackUrl) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        String url;
        synchronized (this) {
            User user = drop(userId);
            url = callbackUrl != null ? callbackUrl : user != null ? user.callbackUrl : null;
            if (disposed || url == null) {
                done.complete(url == null);
                return done;
            }
        }
        String revokeUrl = url;
        scheduler.execute(() -> done.complete(!isDisposed() && calls.revokeAll(userId, tp, revokeUrl)));
        return done;
    }

    /** Stops watching the user without revoking anything. */
    public synchronized void forget(String userId) {
        drop(userId);
    }

    /** @return the user's status; a disabled one for a user not managed */
    public synchronized SubscriptionStatus status(String userId) {
        User user = users.get(userId);
        return user == null ? SubscriptionStatus.disabled(userId) : user.status;
    }

    /** @return the status of every managed user, by userid */
    public synchronized Map<String, SubscriptionStatus> statuses() {
        Map<String, SubscriptionStatus> result = new LinkedHashMap<>();
        users.forEach((id, user) -> result.put(id, user.status));
        return result;
    }

    /** Cancels every scheduled run and forgets every user. */
    public synchronized void dispose() {
        disposed = true;
        users.values().forEach(SubscriptionReconciler::cancel);
        users.clear();
    }

    private synchronized boolean isDisposed() {
        return disposed;
    }
    private @Nullable User drop(String userId) {
        User user = users.remove(userId);
        if (user != null) {
            cancel(user);
        }
        return user;
    }

    private static void cancel(User user) {
        ScheduledFuture<?> job = user.job;
        if (job != null) {
            job.cancel(false);
        }
        user.job = null;
        user.status = user.status.with(user.status.health(), null);
    }

    private void schedule(User user, Duration delay) {
        if (user.running) {
            user.rerun = true;
            return;
        }
        cancel(user);
        user.status = user.status.with(user.status.health(), delay.isZero() ? null : clock.instant().plus(delay));
        String userId = user.status.userId();
        user.job = scheduler.schedule(() -> reconcile(userId), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The reconcile job of one user. */
    private void reconcile(String userId) {
        User user;
        TokenProvider tp;
        Set<String> scopes;
        String url;
        synchronized (this) {
            user = users.get(userId);
            if (user == null || disposed || user.running) {
                return;
            }
            user.running = true;
            user.job = null;
            tp = user.tp;
            scopes = user.scopes;
            url = user.callbackUrl;
        }
        SubscriptionCalls.Run run;
        try {
            run = calls.reconcile(userId, tp, scopes, url);
        } catch (RuntimeException e) {
            logger.debug("Subscription check of user {} failed unexpectedly: {}", userId, e.toString());
            run = new SubscriptionCalls.Run();
            run.health = WebhookHealth.DEGRADED;
            run.error = "unexpected " + e.getClass().getSimpleName();
            run.retry = Duration.ZERO;
        }
        SubscriptionStatus changed = null;
        synchronized (this) {
            user.running = false;
            if (users.get(userId) != user || disposed) {
                return;
            }
            apply(user, run);
            if (user.rerun) {
                user.rerun = false;
                schedule(user, Duration.ZERO);
            }
            SubscriptionStatus status = user.status;
            if (!status.equals(user.reported)) {
                user.reported = status;
                changed = status;
            }
        }
        if (changed != null) {
            listener.statusChanged(changed);
        }
    }

    private void apply(User user, SubscriptionCalls.Run run) {
        Duration retry = run.retry;
        if (run.deferred && retry != null) {
            schedule(user, retry); // no budget left: nothing learnt, the same job runs again later
            return;
        }
        user.status = new SubscriptionStatus(user.status.userId(), run.health, Set.copyOf(run.subscribed),
                Set.copyOf(run.skipped), Set.copyOf(run.missingScopes), clock.instant(), run.error, null,
                Set.copyOf(run.failed));
        if (run.stop) {
            return; // unreachable callback or refused authorisation: no retry until the next ensure
        }
        if (retry == null) {
            user.failures = 0;
            schedule(user, timing.watchdog());
        } else {
            user.failures++;
            Duration backOff = timing.retry().delay(user.failures);
            schedule(user, retry.compareTo(backOff) > 0 ? retry : backOff);
        }
    }

    /** @return our callback URL up to and including {@code /withings/webhook/}, or null if it has none */
    static @Nullable String ownPrefix(String callbackUrl) {
        int index = callbackUrl.lastIndexOf(WEBHOOK_PATH);
        return index < 0 ? null : callbackUrl.substring(0, index + WEBHOOK_PATH.length());
    }
}
