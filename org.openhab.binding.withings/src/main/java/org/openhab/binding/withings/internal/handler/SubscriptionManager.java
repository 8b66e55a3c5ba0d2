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

import static org.openhab.binding.withings.internal.WithingsBindingConstants.WEBHOOK_PATH;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.api.NotifyAppli;
import org.openhab.binding.withings.internal.api.StatusFamily;
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
 * Keeps the Withings notify subscriptions of a bridge's users in order. Per user, {@link #ensure} lists the
 * subscriptions, keeps ours, revokes only our own stale callback URLs (same base and {@code /withings/webhook/} but
 * another secret; other applications' URLs are never touched), and subscribes the missing categories the granted
 * scopes allow. A watchdog lists again every few hours and repairs what Withings dropped (e.g. after 4 failed
 * deliveries).
 * <p>
 * All calls to Withings of one manager run one after the other on the given scheduler (never on the caller's
 * thread), spaced as Withings asks (each subscribe makes Withings probe the URL with HEAD): 5 s after a subscribe,
 * 1 s after a revoke. Transient failures are retried with exponential back-off (1 min doubling to 1 h, at least
 * the rate limiter's pause after a 601); 293/294 on subscribe (Withings could not reach the URL) and refused
 * authorisation stop the retries for that user until the next {@link #ensure}.
 * <p>
 * Callback URLs are never logged: they contain the webhook secret.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class SubscriptionManager {

    /** The comment stored with our subscriptions (shown in Withings' developer dashboard). */
    public static final String COMMENT = "openHAB Withings binding";

    /** The categories subscribed, in subscription order. */
    public static final List<NotifyAppli> SUBSCRIBED = List.of(NotifyAppli.WEIGHT, NotifyAppli.TEMPERATURE,
            NotifyAppli.PRESSURE, NotifyAppli.ACTIVITY, NotifyAppli.SLEEP, NotifyAppli.BED_IN, NotifyAppli.BED_OUT,
            NotifyAppli.ECG);

    /** The categories subscribed, in subscription order, with the scope each needs. */
    public static final Map<Integer, String> APPLI_SCOPES;
    static {
        Map<Integer, String> scopes = new LinkedHashMap<>();
        SUBSCRIBED.forEach(appli -> scopes.put(appli.code(), appli.scope()));
        APPLI_SCOPES = Collections.unmodifiableMap(scopes);
    }

    /**
     * Categories whose permanent refusal (e.g. a feature not enabled for the application) does not make the
     * webhook unhealthy: ECG. (Glucose, appli 58, is not subscribed: Withings documents no glucose measure type.)
     */
    public static final Set<Integer> OPTIONAL_APPLIS = Set.of(NotifyAppli.ECG.code());

    /** The text of {@link SubscriptionStatus#lastError()} after a 293/294 answer. */
    public static final String UNREACHABLE_TEXT = "Withings could not reach the callback URL (status %d): it must be "
            + "public https with a domain name on port 443 or 80 and answer a HEAD request with 200";

    /**
     * The manager's timing.
     *
     * @param subscribeSpacing pause after each subscribe call
     * @param revokeSpacing pause after each revoke call
     * @param watchdogPeriod how often the subscriptions of a user are listed again
     * @param backOffBase first retry delay after a transient failure (doubled on each further failure)
     * @param backOffMax longest retry delay
     */
    public record Timing(Duration subscribeSpacing, Duration revokeSpacing, Duration watchdogPeriod,
            Duration backOffBase, Duration backOffMax) {

        /** @return 5 s, 1 s, 6 h, 1 min, 1 h */
        public static Timing defaults() {
            return new Timing(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofHours(6),
                    Duration.ofMinutes(1), Duration.ofHours(1));
        }
    }

    /** What to do after one notify call. */
    private enum Outcome {
        MORE,
        DONE,
        RETRY,
        STOP
    }

    /** The kind of a notify call. */
    private enum Kind {
        SUBSCRIBE,
        REVOKE
    }

    /** One notify call waiting in a user's queue. */
    private record Call(Kind kind, int appli, String url) {
    }

    /** The state of one managed user; guarded by the manager. */
    private static final class User {
        final String userId;
        TokenProvider tp;
        Set<String> scopes;
        String callbackUrl;
        WebhookHealth health = WebhookHealth.PENDING;
        Set<Integer> subscribed = new TreeSet<>();
        Set<Integer> skipped = new TreeSet<>();
        Set<String> missingScopes = new TreeSet<>();
        Set<Integer> failed = new TreeSet<>();
        @Nullable
        Instant lastCheck;
        @Nullable
        String lastError;
        @Nullable
        Instant nextCheck;
        int failures;
        @Nullable
        ScheduledFuture<?> timer;
        boolean rerun;
        @Nullable
        SubscriptionStatus emitted;

        User(String userId, TokenProvider tp, Set<String> scopes, String callbackUrl) {
            this.userId = userId;
            this.tp = tp;
            this.scopes = scopes;
            this.callbackUrl = callbackUrl;
        }

        SubscriptionStatus snapshot() {
            return new SubscriptionStatus(userId, health, Set.copyOf(subscribed), Set.copyOf(skipped),
                    Set.copyOf(missingScopes), lastCheck, lastError, nextCheck, Set.copyOf(failed));
        }
    }

    /** A series of notify calls for one user; one job runs at a time. */
    private final class Job {
        final String userId;
        final boolean removal;
        /** For a reconcile job: refreshed from the user when it starts (an ensure may change them meanwhile). */
        TokenProvider tp;
        String callbackUrl;
        final @Nullable CompletableFuture<Boolean> done;
        final List<Call> plan = new ArrayList<>();
        boolean listed;
        int next;
        boolean permanentFailure;
        boolean rateLimited;
        boolean removalComplete = true;

        Job(String userId, boolean removal, TokenProvider tp, String callbackUrl,
                @Nullable CompletableFuture<Boolean> done) {
            this.userId = userId;
            this.removal = removal;
            this.tp = tp;
            this.callbackUrl = callbackUrl;
            this.done = done;
        }
    }

    private final Logger logger = LoggerFactory.getLogger(SubscriptionManager.class);
    private final WithingsClient client;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final SubscriptionListener listener;
    private final Timing timing;

    private final Map<String, User> users = new HashMap<>();
    private final Deque<Job> queue = new ArrayDeque<>();
    private @Nullable Job active;
    private @Nullable ScheduledFuture<?> activeFuture;
    /** Earliest time of the next notify call (spacing after a subscribe or revoke). */
    private Instant earliestNextCall = Instant.MIN;
    private boolean disposed;

    public SubscriptionManager(WithingsClient client, ScheduledExecutorService scheduler, Clock clock,
            SubscriptionListener listener) {
        this(client, scheduler, clock, listener, Timing.defaults());
    }

    public SubscriptionManager(WithingsClient client, ScheduledExecutorService scheduler, Clock clock,
            SubscriptionListener listener, Timing timing) {
        this.client = client;
        this.scheduler = scheduler;
        this.clock = clock;
        this.listener = listener;
        this.timing = timing;
    }

    /**
     * @param grantedScopes the scopes the user granted
     * @return the categories to subscribe, in order
     */
    public static Set<Integer> neededApplis(Set<String> grantedScopes) {
        Set<Integer> needed = new TreeSet<>();
        APPLI_SCOPES.forEach((appli, scope) -> {
            if (grantedScopes.contains(scope)) {
                needed.add(appli);
            }
        });
        return needed;
    }

    /**
     * Makes sure the user's subscriptions point at {@code callbackUrl}: starts (or restarts) the check on the
     * scheduler and returns at once. Later checks (watchdog, retries) use the token provider, scopes and URL given
     * here. Calling it again with the same values lists once more and changes nothing that is in order.
     *
     * @param userId the Withings userid
     * @param tp the user's token source
     * @param grantedScopes the scopes the user granted (categories needing others are skipped and reported)
     * @param callbackUrl the full, validated callback URL ({@code <base>/withings/webhook/<secret>})
     */
    public void ensure(String userId, TokenProvider tp, Set<String> grantedScopes, String callbackUrl) {
        synchronized (this) {
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
                if (user.health != WebhookHealth.HEALTHY && user.health != WebhookHealth.DEGRADED) {
                    user.health = WebhookHealth.PENDING;
                }
            }
            user.failures = 0;
            cancelTimer(user);
            Job current = active;
            if (current != null && !current.removal && current.userId.equals(userId)) {
                user.rerun = true;
                return;
            }
            if (!isQueued(userId)) {
                queue.addLast(newReconcile(user));
                startNextLocked();
            }
        }
    }

    /**
     * Stops watching the user and revokes our subscriptions of the user (all callback URLs of this binding's
     * webhook path on the same base, including stale ones). For unlinking and Thing removal, not for restarts.
     *
     * @param userId the Withings userid
     * @param tp the user's token source (still valid)
     * @param callbackUrl our callback URL; null to use the one of the last {@link #ensure} (nothing is revoked if
     *            neither is known)
     * @return completes (never exceptionally) when the revocations are done: true if every one of ours was revoked
     */
    public CompletableFuture<Boolean> remove(String userId, TokenProvider tp, @Nullable String callbackUrl) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        synchronized (this) {
            User user = dropLocked(userId);
            String url = callbackUrl != null ? callbackUrl : user != null ? user.callbackUrl : null;
            if (disposed || url == null) {
                done.complete(url == null);
                return done;
            }
            queue.addFirst(new Job(userId, true, tp, url, done));
            startNextLocked();
        }
        return done;
    }

    /**
     * Stops watching the user without revoking anything (the subscriptions stay at Withings).
     */
    public void forget(String userId) {
        synchronized (this) {
            dropLocked(userId);
        }
    }

    /**
     * @return the user's health; {@link WebhookHealth#DISABLED} for a user not managed
     */
    public WebhookHealth health(String userId) {
        return status(userId).health();
    }

    /**
     * @return the user's status; a disabled one for a user not managed
     */
    public synchronized SubscriptionStatus status(String userId) {
        User user = users.get(userId);
        return user == null ? SubscriptionStatus.disabled(userId) : user.snapshot();
    }

    /**
     * @return the status of every managed user, by userid
     */
    public synchronized Map<String, SubscriptionStatus> statuses() {
        Map<String, SubscriptionStatus> result = new LinkedHashMap<>();
        users.forEach((id, user) -> result.put(id, user.snapshot()));
        return result;
    }

    /**
     * Cancels every scheduled call and forgets every user; pending {@link #remove} futures complete with false.
     */
    public void dispose() {
        List<Job> dropped = new ArrayList<>();
        synchronized (this) {
            disposed = true;
            for (User user : users.values()) {
                cancelTimer(user);
            }
            users.clear();
            dropped.addAll(queue);
            queue.clear();
            Job current = active;
            if (current != null) {
                dropped.add(current);
            }
            cancelActiveLocked();
        }
        for (Job job : dropped) {
            CompletableFuture<Boolean> done = job.done;
            if (done != null) {
                done.complete(false);
            }
        }
    }

    // ------------------------------------------------------------------------------------------- scheduling

    private Job newReconcile(User user) {
        return new Job(user.userId, false, user.tp, user.callbackUrl, null);
    }

    private boolean isQueued(String userId) {
        for (Job job : queue) {
            if (!job.removal && job.userId.equals(userId)) {
                return true;
            }
        }
        return false;
    }

    /** Removes the user and its reconcile jobs (removal jobs stay). */
    private @Nullable User dropLocked(String userId) {
        User user = users.remove(userId);
        if (user != null) {
            cancelTimer(user);
        }
        Iterator<Job> it = queue.iterator();
        while (it.hasNext()) {
            Job job = it.next();
            if (!job.removal && job.userId.equals(userId)) {
                it.remove();
            }
        }
        Job current = active;
        if (current != null && !current.removal && current.userId.equals(userId)) {
            cancelActiveLocked();
            startNextLocked();
        }
        return user;
    }

    private void cancelActiveLocked() {
        ScheduledFuture<?> future = activeFuture;
        if (future != null) {
            future.cancel(false);
        }
        activeFuture = null;
        active = null;
    }

    private void cancelTimer(User user) {
        ScheduledFuture<?> timer = user.timer;
        if (timer != null) {
            timer.cancel(false);
        }
        user.timer = null;
        user.nextCheck = null;
    }

    private void startNextLocked() {
        if (disposed || active != null) {
            return;
        }
        Job job = queue.pollFirst();
        if (job == null) {
            return;
        }
        active = job;
        scheduleStepLocked(job);
    }

    private void scheduleStepLocked(Job job) {
        Instant now = clock.instant();
        long delay = earliestNextCall.isAfter(now) ? Duration.between(now, earliestNextCall).toMillis() : 0;
        activeFuture = scheduler.schedule(() -> runStep(job), delay, TimeUnit.MILLISECONDS);
    }

    private void runStep(Job job) {
        synchronized (this) {
            if (active != job) {
                return;
            }
            activeFuture = null;
        }
        Outcome outcome;
        try {
            outcome = job.listed ? call(job) : list(job);
        } catch (RuntimeException e) {
            logger.debug("Subscription check of user {} failed unexpectedly: {}", job.userId, e.toString());
            synchronized (this) {
                outcome = finish(job, Outcome.RETRY, "unexpected " + e.getClass().getSimpleName(), null);
            }
        }
        List<SubscriptionStatus> changes = new ArrayList<>();
        synchronized (this) {
            if (active != job) {
                return;
            }
            if (outcome == Outcome.MORE) {
                scheduleStepLocked(job);
            } else {
                active = null;
                activeFuture = null;
                completeLocked(job, outcome);
                startNextLocked();
            }
            User user = users.get(job.userId);
            if (user != null && !job.removal) {
                SubscriptionStatus status = user.snapshot();
                if (!status.equals(user.emitted)) {
                    user.emitted = status;
                    changes.add(status);
                }
            }
        }
        if (outcome != Outcome.MORE && job.removal) {
            CompletableFuture<Boolean> done = job.done;
            if (done != null) {
                done.complete(outcome == Outcome.DONE && job.removalComplete);
            }
        }
        for (SubscriptionStatus status : changes) {
            try {
                listener.onStatusChanged(status.userId(), status);
            } catch (RuntimeException e) {
                logger.debug("Subscription listener failed: {}", e.toString());
            }
        }
    }

    /** Sets the user's health and timers after a reconcile job ended. */
    private void completeLocked(Job job, Outcome outcome) {
        if (job.removal) {
            return;
        }
        User user = users.get(job.userId);
        if (user == null || disposed) {
            return;
        }
        cancelTimer(user);
        switch (outcome) {
            case DONE -> {
                user.failures = 0;
                user.health = job.permanentFailure ? WebhookHealth.DEGRADED : WebhookHealth.HEALTHY;
                if (user.failed.isEmpty() && !job.permanentFailure) {
                    user.lastError = null;
                }
                scheduleTimerLocked(user, timing.watchdogPeriod());
            }
            case RETRY -> {
                user.failures++;
                user.health = WebhookHealth.DEGRADED;
                scheduleTimerLocked(user, retryDelay(user.failures, job.rateLimited));
            }
            default -> {
                // STOP: health was set by the failing step; no retry until the next ensure
            }
        }
        if (user.rerun) {
            user.rerun = false;
            cancelTimer(user);
            if (!isQueued(user.userId)) {
                queue.addLast(newReconcile(user));
            }
        }
    }

    private void scheduleTimerLocked(User user, Duration delay) {
        user.nextCheck = clock.instant().plus(delay);
        String userId = user.userId;
        user.timer = scheduler.schedule(() -> timerFired(userId), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void timerFired(String userId) {
        synchronized (this) {
            User user = users.get(userId);
            if (user == null || disposed) {
                return;
            }
            user.timer = null;
            user.nextCheck = null;
            if (!isQueued(userId)) {
                Job current = active;
                if (current != null && !current.removal && current.userId.equals(userId)) {
                    user.rerun = true;
                } else {
                    queue.addLast(newReconcile(user));
                    startNextLocked();
                }
            }
        }
    }

    /**
     * @param failures consecutive failures so far (1 for the first)
     * @param rateLimited the last failure was a 601 (or the limiter's queue): wait at least the limiter's pause
     */
    private Duration retryDelay(int failures, boolean rateLimited) {
        Duration delay = timing.backOffBase();
        for (int i = 1; i < failures && delay.compareTo(timing.backOffMax()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        if (delay.compareTo(timing.backOffMax()) > 0) {
            delay = timing.backOffMax();
        }
        if (rateLimited) {
            Optional<Instant> pausedUntil = client.getRateLimiter().getPausedUntil();
            Duration pause = pausedUntil.map(until -> Duration.between(clock.instant(), until))
                    .orElse(Duration.ZERO);
            long minutes = Math.max(1, (pause.toSeconds() + 59) / 60);
            Duration atLeast = Duration.ofMinutes(minutes);
            if (atLeast.compareTo(delay) > 0) {
                delay = atLeast;
            }
        }
        return delay;
    }

    // ------------------------------------------------------------------------------------------- steps

    /** The first step: list the user's subscriptions and plan the calls. */
    private Outcome list(Job job) {
        if (!job.removal) {
            synchronized (this) {
                User user = users.get(job.userId);
                if (user == null || active != job) {
                    return Outcome.STOP;
                }
                job.tp = user.tp;
                job.callbackUrl = user.callbackUrl;
            }
        }
        List<NotifyProfile> profiles;
        try {
            profiles = client.notifyList(job.tp, null);
        } catch (WithingsApiException e) {
            return failure(job, "notify list", e);
        }
        String prefix = ownPrefix(job.callbackUrl);
        synchronized (this) {
            if (active != job) {
                return Outcome.STOP;
            }
            job.listed = true;
            Set<Integer> present = new TreeSet<>();
            for (NotifyProfile profile : profiles) {
                String url = profile.callbackurl;
                Integer appli = profile.appli;
                if (url == null || appli == null) {
                    continue;
                }
                if (url.equals(job.callbackUrl)) {
                    present.add(appli);
                    if (job.removal) {
                        job.plan.add(new Call(Kind.REVOKE, appli, url));
                    }
                } else if (prefix != null && url.startsWith(prefix)) {
                    job.plan.add(new Call(Kind.REVOKE, appli, url));
                }
            }
            if (!job.removal) {
                User user = users.get(job.userId);
                if (user == null) {
                    return Outcome.STOP;
                }
                user.lastCheck = clock.instant();
                user.subscribed = new TreeSet<>(present);
                user.skipped = new TreeSet<>();
                user.missingScopes = new TreeSet<>();
                user.failed = new TreeSet<>();
                APPLI_SCOPES.forEach((appli, scope) -> {
                    if (!user.scopes.contains(scope)) {
                        user.skipped.add(appli);
                        user.missingScopes.add(scope);
                    } else if (!present.contains(appli)) {
                        job.plan.add(new Call(Kind.SUBSCRIBE, appli, job.callbackUrl));
                    }
                });
            }
            logger.debug("User {}: {} subscriptions listed, {} calls planned", job.userId, profiles.size(),
                    job.plan.size());
            return job.plan.isEmpty() ? finish(job, Outcome.DONE, null, null) : Outcome.MORE;
        }
    }

    /** The next planned call. */
    private Outcome call(Job job) {
        Call call;
        synchronized (this) {
            if (job.next >= job.plan.size()) {
                return Outcome.DONE;
            }
            call = job.plan.get(job.next);
        }
        WithingsApiException failure = null;
        try {
            if (call.kind() == Kind.SUBSCRIBE) {
                client.notifySubscribe(job.tp, call.url(), call.appli(), COMMENT);
            } else {
                client.notifyRevoke(job.tp, call.url(), call.appli());
            }
        } catch (WithingsApiException e) {
            failure = e;
        }
        synchronized (this) {
            if (active != job) {
                return Outcome.STOP;
            }
            Duration spacing = call.kind() == Kind.SUBSCRIBE ? timing.subscribeSpacing() : timing.revokeSpacing();
            earliestNextCall = clock.instant().plus(spacing);
            User user = job.removal ? null : users.get(job.userId);
            if (failure == null) {
                if (user != null && call.kind() == Kind.SUBSCRIBE) {
                    user.subscribed.add(call.appli());
                }
                logger.debug("User {}: {} appli {} done", job.userId, call.kind(), call.appli());
            } else {
                Outcome outcome = callFailure(job, call, user, failure);
                if (outcome != Outcome.MORE) {
                    return outcome;
                }
            }
            job.next++;
            return job.next < job.plan.size() ? Outcome.MORE : finish(job, Outcome.DONE, null, null);
        }
    }

    /** Decides after a failed subscribe or revoke; MORE continues with the next call. */
    private Outcome callFailure(Job job, Call call, @Nullable User user, WithingsApiException e) {
        int status = e.getStatus();
        String what = "notify " + (call.kind() == Kind.SUBSCRIBE ? "subscribe" : "revoke") + " appli " + call.appli();
        if (call.kind() == Kind.REVOKE && (status == 294 || status == 286)) {
            logger.debug("User {}: {} was already gone", job.userId, what);
            return Outcome.MORE;
        }
        if (call.kind() == Kind.SUBSCRIBE && (status == 293 || status == 294)) {
            if (user != null) {
                user.health = WebhookHealth.UNREACHABLE;
                user.lastError = String.format(UNREACHABLE_TEXT, status);
            }
            logger.debug("User {}: Withings could not reach the callback URL (status {}), no retry", job.userId,
                    status);
            return finish(job, Outcome.STOP, null, null);
        }
        if (call.kind() == Kind.SUBSCRIBE && e instanceof WithingsUnauthorizedException) {
            if (user != null) {
                user.skipped.add(call.appli());
                String scope = APPLI_SCOPES.get(call.appli());
                if (scope != null) {
                    user.missingScopes.add(scope);
                }
            }
            logger.debug("User {}: {} refused for a missing permission, skipped", job.userId, what);
            return Outcome.MORE;
        }
        if (e.getFamily().isPermanent()) {
            job.removalComplete = false;
            if (call.kind() == Kind.SUBSCRIBE && !OPTIONAL_APPLIS.contains(call.appli())) {
                job.permanentFailure = true;
            }
            if (user != null) {
                user.lastError = messageOf(what, e);
                if (call.kind() == Kind.SUBSCRIBE) {
                    user.failed.add(call.appli());
                }
            }
            logger.debug("User {}: {} failed permanently (status {}), skipped", job.userId, what, status);
            return Outcome.MORE;
        }
        return failure(job, what, e);
    }

    /** A failure that ends the job: auth → AUTH_FAILED, permanent → DEGRADED until the watchdog, else retry. */
    private Outcome failure(Job job, String what, WithingsApiException e) {
        synchronized (this) {
            User user = job.removal ? null : users.get(job.userId);
            job.removalComplete = false;
            String text = messageOf(what, e);
            logger.debug("User {}: {}", job.userId, text);
            if (e instanceof WithingsAuthException || e.getFamily() == StatusFamily.AUTH_FAILED) {
                if (user != null) {
                    user.health = WebhookHealth.AUTH_FAILED;
                }
                return finish(job, Outcome.STOP, text, user);
            }
            if (e.getFamily().isPermanent()) {
                job.permanentFailure = true;
                return finish(job, Outcome.DONE, text, user);
            }
            job.rateLimited = e instanceof WithingsRateLimitException;
            return finish(job, Outcome.RETRY, text, user);
        }
    }

    private Outcome finish(Job job, Outcome outcome, @Nullable String error, @Nullable User user) {
        if (outcome != Outcome.DONE) {
            job.removalComplete = false;
        }
        if (error != null) {
            User u = user != null ? user : job.removal ? null : users.get(job.userId);
            if (u != null) {
                u.lastError = error;
            }
        }
        return outcome;
    }

    private static String messageOf(String what, WithingsApiException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? what + " failed (status " + e.getStatus() + ")"
                : what + " failed: " + message;
    }

    /**
     * @return the part of our callback URL up to and including {@code /withings/webhook/}, or null if it has none
     */
    static @Nullable String ownPrefix(String callbackUrl) {
        int index = callbackUrl.lastIndexOf(WEBHOOK_PATH);
        return index < 0 ? null : callbackUrl.substring(0, index + WEBHOOK_PATH.length());
    }
}
