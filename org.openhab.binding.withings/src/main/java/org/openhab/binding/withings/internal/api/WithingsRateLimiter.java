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
 * rolling minute as the cloud counts them, and a pause of every request after a 601 answer. A request is counted
 * from its permit until a {@link #MARGIN} after its answer came back (or the request failed): the cloud counts it on
 * arrival, which lies between the two, so no rolling minute the cloud sees holds more than the limit, however long
 * a request takes to leave or to arrive. It never waits: a request without budget fails at once with a
 * {@link WithingsRateLimitException} that says when to try again, and the caller reschedules its work, so no shared
 * scheduler thread is ever parked here. The delays handed out are spaced by the limit's pace, so the refused callers
 * come back one after the other rather than all at once.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class WithingsRateLimiter {

    /** Withings allows 120 requests per minute per application; the default leaves half as headroom. */
    public static final int DEFAULT_MAX_PER_MINUTE = 60;
    public static final Duration DEFAULT_COOL_DOWN = Duration.ofMinutes(5);
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Added to the window: covers the cloud counting in whole seconds and clock drift. */
    static final Duration MARGIN = Duration.ofSeconds(1);
    /** The retry delay when every counted request is still in flight. */
    static final Duration IN_FLIGHT_RETRY = Duration.ofSeconds(1);

    /** One counted request: in flight until {@link WithingsRateLimiter#done} notes when its answer came. */
    public static final class Permit {
        private @Nullable Instant done;
    }

    private final Logger logger = LoggerFactory.getLogger(WithingsRateLimiter.class);
    /** The counted requests in the order of their permits; one in flight keeps the later ones counted too. */
    private final Deque<Permit> window = new ArrayDeque<>();
    private final Clock clock;
    private final int maxPerMinute;
    private final Duration coolDown;
    private final Duration pace;
    private @Nullable Instant pausedUntil;
    /** The latest time promised to a refused request. */
    private @Nullable Instant lastPromise;
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
        this.pace = WINDOW.dividedBy(maxPerMinute);
    }

    /**
     * Counts a request if the budget allows it now. The caller sends the request at once and reports its end with
     * {@link #done(Permit)}.
     *
     * @return the permit of the request
     * @throws WithingsRateLimitException when there is no budget, with the delay after which to try again
     */
    public synchronized Permit acquire() throws WithingsRateLimitException {
        Instant now = clock.instant();
        Duration delay = nextPermitDelay(now);
        if (!delay.isZero()) {
            totalRefusals++;
            Instant promise = now.plus(delay);
            Instant last = lastPromise;
            if (last != null && !last.plus(pace).isBefore(promise)) {
                promise = last.plus(pace);
            }
            lastPromise = promise;
            Duration retry = Duration.between(now, promise);
            throw new WithingsRateLimitException(WithingsApiException.NO_STATUS,
                    "Request not sent: no request budget for " + retry.toMillis() + " ms", retry);
        }
        Permit permit = new Permit();
        window.addLast(permit);
        totalRequests++;
        return permit;
    }

    /** The request of the permit got its answer or failed: it counts for a window (and margin) from now. */
    public synchronized void done(Permit permit) {
        if (permit.done == null) {
            permit.done = clock.instant();
        }
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
        Instant windowStart = now.minus(WINDOW).minus(MARGIN);
        while (!window.isEmpty() && window.peekFirst().done instanceof Instant done && !done.isAfter(windowStart)) {
            window.removeFirst();
        }
        if (window.size() < maxPerMinute) {
            return Duration.ZERO;
        }
        Instant oldest = window.peekFirst().done;
        return oldest == null ? IN_FLIGHT_RETRY : Duration.between(windowStart, oldest);
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

    /** @return number of requests counted now (in flight, or answered within the last minute and margin) */
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
