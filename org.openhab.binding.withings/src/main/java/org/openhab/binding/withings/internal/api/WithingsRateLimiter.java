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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request budget of one Withings application (one account bridge): at most {@code maxPerMinute} requests in any
 * rolling minute, and a pause of every request after a 601 answer. It never waits: a request without budget fails at
 * once with a {@link WithingsRateLimitException} that says when to try again, and the caller reschedules its work,
 * so no shared scheduler thread is ever parked here.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class WithingsRateLimiter {

    /** Withings allows 120 requests per minute per application; the default leaves half as headroom. */
    public static final int DEFAULT_MAX_PER_MINUTE = 60;
    public static final Duration DEFAULT_COOL_DOWN = Duration.ofMinutes(5);
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final Logger logger = LoggerFactory.getLogger(WithingsRateLimiter.class);
    private final Deque<Instant> window = new ArrayDeque<>();
    private final Clock clock;
    private final int maxPerMinute;
    private final Duration coolDown;
    private @Nullable Instant pausedUntil;
    private long totalRequests;
    private long totalPauses;
    private long totalRefusals;

    public WithingsRateLimiter(int maxPerMinute, Duration coolDown, Clock clock) {
        if (maxPerMinute < 1) {
            throw new IllegalArgumentException("maxPerMinute must be at least 1");
        }
        this.maxPerMinute = maxPerMinute;
        this.coolDown = coolDown;
        this.clock = clock;
    }

    /**
     * Counts a request if the budget allows it now.
     *
     * @throws WithingsRateLimitException when it does not, with the delay after which it will
     */
    public synchronized void acquire() throws WithingsRateLimitException {
        Instant now = clock.instant();
        Duration delay = nextPermitDelay(now);
        if (!delay.isZero()) {
            totalRefusals++;
            throw new WithingsRateLimitException(WithingsApiException.NO_STATUS,
                    "Request not sent: no request budget for " + delay.toSeconds() + " s", delay);
        }
        window.addLast(now);
        totalRequests++;
    }

    /**
     * @return how long a request has to wait for the budget; zero if it may go now
     */
    public synchronized Duration nextPermitDelay() {
        return nextPermitDelay(clock.instant());
    }

    private Duration nextPermitDelay(Instant now) {
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
    public synchronized void pause(Duration duration) {
        Instant until = clock.instant().plus(duration);
        Instant current = pausedUntil;
        if (current == null || until.isAfter(current)) {
            pausedUntil = until;
        }
        totalPauses++;
        logger.debug("Withings rate limit: all requests paused until {}", pausedUntil);
    }

    /** @return number of requests let through since creation */
    public synchronized long getTotalRequests() {
        return totalRequests;
    }

    /** @return number of 601 pauses since creation */
    public synchronized long getTotalPauses() {
        return totalPauses;
    }

    /** @return number of requests refused for want of budget (and rescheduled by their callers) since creation */
    public synchronized long getTotalRefusals() {
        return totalRefusals;
    }

    /** @return number of requests in the current rolling minute */
    public synchronized int getCurrentWindowCount() {
        nextPermitDelay(clock.instant());
        return window.size();
    }

    /** @return the end of the running 601 pause, if any */
    public synchronized Optional<Instant> getPausedUntil() {
        Instant paused = pausedUntil;
        return paused != null && clock.instant().isBefore(paused) ? Optional.of(paused) : Optional.empty();
    }

    /** @return the configured maximum of requests per rolling minute */
    public int getMaxPerMinute() {
        return maxPerMinute;
    }

    /** @return the configured 601 cool-down */
    public Duration getCoolDown() {
        return coolDown;
    }
}
