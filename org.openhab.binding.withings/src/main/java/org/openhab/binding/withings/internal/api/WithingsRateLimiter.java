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
package org.openhab.binding.withings.internal.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application-wide request limiter of one bridge (one Withings app), shared by all its users: at most
 * {@code maxPerMinute} requests in any rolling minute, callers queue in arrival order (blocking on a
 * {@link Condition}, no thread of its own, no sleeping) and a 601 answer pauses the whole limiter for the
 * cool-down. Time comes from an injected {@link Clock}; the waiting is delegated to an injectable {@link Waiter}
 * so tests can advance a fake clock instead of waiting.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class WithingsRateLimiter {

    /** Withings allows 120 requests per minute per application; the default leaves half as headroom. */
    public static final int DEFAULT_MAX_PER_MINUTE = 60;
    public static final Duration DEFAULT_COOL_DOWN = Duration.ofMinutes(5);
    /**
     * How long a caller waits in the queue before giving up with a {@link WithingsRateLimitException}. Callers run on
     * openHAB's shared scheduler threads, so the wait is kept short: long enough to smooth a burst over the rolling
     * minute, never the minutes of a 601 pause (a caller that would wait longer fails at once and retries later).
     */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(90);
    static final Duration WINDOW = Duration.ofMinutes(1);

    /**
     * Waits on the limiter's condition (the lock is held by the caller). The default is
     * {@link Condition#awaitNanos(long)}; tests may advance a fake clock instead.
     */
    @FunctionalInterface
    public interface Waiter {
        void await(Condition condition, Duration duration) throws InterruptedException;
    }

    private final Logger logger = LoggerFactory.getLogger(WithingsRateLimiter.class);
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition changed = lock.newCondition();
    private final Deque<Instant> window = new ArrayDeque<>();
    private final Deque<Object> queue = new ArrayDeque<>();
    private final AtomicLong totalRequests = new AtomicLong();
    private final AtomicLong totalPauses = new AtomicLong();
    private final Clock clock;
    private final Waiter waiter;
    private final int maxPerMinute;
    private final Duration coolDown;
    private final Duration maxWait;
    private @Nullable Instant pausedUntil;

    /**
     * Production limiter: defaults for the queue wait, real waiting on the condition.
     */
    public WithingsRateLimiter(int maxPerMinute, Duration coolDown, Clock clock) {
        this(maxPerMinute, coolDown, DEFAULT_MAX_WAIT, clock,
                (condition, duration) -> condition.awaitNanos(Math.max(1, duration.toNanos())));
    }

    public WithingsRateLimiter(int maxPerMinute, Duration coolDown, Duration maxWait, Clock clock, Waiter waiter) {
        if (maxPerMinute < 1) {
            throw new IllegalArgumentException("maxPerMinute must be at least 1");
        }
        this.maxPerMinute = maxPerMinute;
        this.coolDown = coolDown;
        this.maxWait = maxWait;
        this.clock = clock;
        this.waiter = waiter;
    }

    /**
     * Waits (in arrival order) until a request may be sent, then counts it.
     *
     * @throws WithingsRateLimitException when no permit came within the maximum wait
     * @throws WithingsCommunicationException when the waiting thread was interrupted
     */
    public void acquire() throws WithingsApiException {
        Object ticket = new Object();
        lock.lock();
        try {
            queue.addLast(ticket);
            Instant deadline = clock.instant().plus(maxWait);
            try {
                while (true) {
                    Instant now = clock.instant();
                    Duration delay = queue.peekFirst() == ticket ? nextPermitDelayLocked(now) : null;
                    if (delay != null && delay.isZero()) {
                        window.addLast(now);
                        totalRequests.incrementAndGet();
                        return;
                    }
                    if (!now.isBefore(deadline)) {
                        throw new WithingsRateLimitException(WithingsApiException.NO_STATUS,
                                "Request not sent: rate limit queue wait exceeded");
                    }
                    Duration untilDeadline = Duration.between(now, deadline);
                    if (delay != null && delay.compareTo(untilDeadline) > 0) {
                        // waiting could not end in a permit: fail now instead of holding the thread
                        throw new WithingsRateLimitException(WithingsApiException.NO_STATUS,
                                "Request not sent: requests are paused for " + delay.toSeconds() + " s");
                    }
                    Duration wait = delay == null || delay.compareTo(untilDeadline) > 0 ? untilDeadline : delay;
                    waiter.await(changed, wait);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WithingsCommunicationException("Interrupted while waiting for the rate limiter");
            } finally {
                queue.remove(ticket);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * @return how long the next request (the head of the queue) has to wait; zero if it may go now
     */
    public Duration nextPermitDelay() {
        lock.lock();
        try {
            return nextPermitDelayLocked(clock.instant());
        } finally {
            lock.unlock();
        }
    }

    private Duration nextPermitDelayLocked(Instant now) {
        Instant paused = pausedUntil;
        if (paused != null) {
            if (now.isBefore(paused)) {
                return Duration.between(now, paused);
            }
            pausedUntil = null;
        }
        Instant windowStart = now.minus(WINDOW);
        while (!window.isEmpty() && !window.peekFirst().isAfter(windowStart)) {
            window.removeFirst();
        }
        if (window.size() < maxPerMinute) {
            return Duration.ZERO;
        }
        return Duration.between(windowStart, window.peekFirst());
    }

    /**
     * Pauses every request of the bridge for the configured cool-down (after a 601 answer).
     */
    public void pause() {
        pause(coolDown);
    }

    /**
     * Pauses every request of the bridge for the given time (extends, never shortens a running pause).
     */
    public void pause(Duration duration) {
        lock.lock();
        try {
            Instant until = clock.instant().plus(duration);
            Instant current = pausedUntil;
            if (current == null || until.isAfter(current)) {
                pausedUntil = until;
            }
            totalPauses.incrementAndGet();
            logger.debug("Withings rate limit: all requests paused until {}", pausedUntil);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Wakes the waiting callers so they re-check the clock (useful after a clock change in tests; harmless
     * otherwise).
     */
    public void wakeUp() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * @return number of requests let through since creation
     */
    public long getTotalRequests() {
        return totalRequests.get();
    }

    /**
     * @return number of 601 pauses since creation
     */
    public long getTotalPauses() {
        return totalPauses.get();
    }

    /**
     * @return number of requests in the current rolling minute
     */
    public int getCurrentWindowCount() {
        lock.lock();
        try {
            nextPermitDelayLocked(clock.instant());
            return window.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * @return number of callers currently waiting
     */
    public int getQueueLength() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * @return the end of the running 601 pause, if any
     */
    public Optional<Instant> getPausedUntil() {
        lock.lock();
        try {
            Instant paused = pausedUntil;
            return paused != null && clock.instant().isBefore(paused) ? Optional.of(paused) : Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * @return the configured maximum of requests per rolling minute
     */
    public int getMaxPerMinute() {
        return maxPerMinute;
    }

    /**
     * @return the configured 601 cool-down
     */
    public Duration getCoolDown() {
        return coolDown;
    }
}
