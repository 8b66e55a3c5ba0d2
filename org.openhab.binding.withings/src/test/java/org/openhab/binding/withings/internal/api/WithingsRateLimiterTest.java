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

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.handler.MutableClock;

/**
 * The bridge-wide request budget with an injected clock: rolling window counted from each answer (plus a margin),
 * requests in flight, 601 pause, spaced retry delays and counters. It never waits: a request without budget fails at
 * once with the delay after which it may go, and the caller reschedules.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsRateLimiterTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);

    private WithingsRateLimiter limiter(int perMinute, Duration coolDown) {
        return new WithingsRateLimiter(perMinute, coolDown, clock);
    }

    /** One request answered at once. */
    private static void send(WithingsRateLimiter limiter) throws WithingsRateLimitException {
        limiter.done(limiter.acquire());
    }

    @Test
    void rollingWindowAllowsMaxPerMinuteThenRefusesUntilTheOldestAnswerIsAMinuteAndTheMarginOld() throws Exception {
        WithingsRateLimiter limiter = limiter(3, Duration.ofMinutes(5));
        send(limiter);
        clock.advance(Duration.ofSeconds(10));
        send(limiter);
        send(limiter);
        assertEquals(3, limiter.getCurrentWindowCount());
        assertEquals(Duration.ofSeconds(51), limiter.nextPermitDelay());

        // no budget: refused at once with the delay, nothing counted, the caller's thread is never held
        WithingsRateLimitException refused = assertThrows(WithingsRateLimitException.class, limiter::acquire);
        assertEquals(Duration.ofSeconds(51), refused.retryAfter());
        assertEquals(T0.plusSeconds(10), clock.instant());
        assertEquals(1, limiter.getTotalRefusals());

        clock.advance(Duration.ofSeconds(50));
        assertThrows(WithingsRateLimitException.class, limiter::acquire); // 60 s are not enough: the margin
        clock.advance(Duration.ofSeconds(1));
        send(limiter); // the first answer left the window
        assertEquals(3, limiter.getCurrentWindowCount());
        assertEquals(Duration.ofSeconds(10), limiter.nextPermitDelay());
        clock.advance(Duration.ofSeconds(10));
        send(limiter); // the two at T0+10 s leave at T0+71 s
        assertEquals(5, limiter.getTotalRequests());
    }

    @Test
    void aRequestCountsFromItsAnswerNotFromItsPermit() throws Exception {
        WithingsRateLimiter limiter = limiter(1, Duration.ofMinutes(5));
        WithingsRateLimiter.Permit slow = limiter.acquire();
        clock.advance(Duration.ofSeconds(90)); // still in flight: it may reach the cloud any moment
        WithingsRateLimitException inFlight = assertThrows(WithingsRateLimitException.class, limiter::acquire);
        assertEquals(WithingsRateLimiter.IN_FLIGHT_RETRY, inFlight.retryAfter());
        limiter.done(slow);
        clock.advance(Duration.ofSeconds(60));
        assertEquals(Duration.ofSeconds(1), limiter.nextPermitDelay());
        clock.advance(Duration.ofSeconds(1));
        send(limiter);
        assertEquals(2, limiter.getTotalRequests());
    }

    @Test
    void refusedRequestsAreToldToComeBackOneAfterTheOtherAtTheLimitsPace() throws Exception {
        WithingsRateLimiter limiter = limiter(2, Duration.ofMinutes(5));
        send(limiter);
        send(limiter);
        // the budget is back in 61 s; the refused come back 30 s apart (two per minute), not all at once
        assertEquals(Duration.ofSeconds(61),
                assertThrows(WithingsRateLimitException.class, limiter::acquire).retryAfter());
        assertEquals(Duration.ofSeconds(91),
                assertThrows(WithingsRateLimitException.class, limiter::acquire).retryAfter());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Duration.ofSeconds(120),
                assertThrows(WithingsRateLimitException.class, limiter::acquire).retryAfter());
        assertEquals(3, limiter.getTotalRefusals());
    }

    @Test
    void windowEmptiesAMinuteAndTheMarginAfterTheAnswers() throws Exception {
        WithingsRateLimiter limiter = limiter(2, Duration.ofMinutes(5));
        send(limiter);
        send(limiter);
        assertEquals(2, limiter.getCurrentWindowCount());
        clock.advance(Duration.ofSeconds(60));
        assertEquals(2, limiter.getCurrentWindowCount());
        clock.advance(WithingsRateLimiter.MARGIN);
        assertEquals(0, limiter.getCurrentWindowCount());
        assertEquals(Duration.ZERO, limiter.nextPermitDelay());
        send(limiter);
        assertEquals(0, limiter.getTotalRefusals());
    }

    @Test
    void pauseAfter601RefusesEveryoneForTheCoolDown() throws Exception {
        WithingsRateLimiter limiter = limiter(60, Duration.ofMinutes(5));
        send(limiter);
        limiter.pause();
        assertEquals(T0.plus(Duration.ofMinutes(5)), limiter.getPausedUntil().orElseThrow());
        assertEquals(Duration.ofMinutes(5), limiter.nextPermitDelay());
        assertEquals(1, limiter.getTotalPauses());

        WithingsRateLimitException refused = assertThrows(WithingsRateLimitException.class, limiter::acquire);
        assertEquals(Duration.ofMinutes(5), refused.retryAfter());
        clock.advance(Duration.ofMinutes(5));
        send(limiter);
        assertTrue(limiter.getPausedUntil().isEmpty());
        assertEquals(2, limiter.getTotalRequests());
    }

    @Test
    void pauseIsNeverShortened() {
        WithingsRateLimiter limiter = limiter(60, Duration.ofMinutes(5));
        limiter.pause(Duration.ofMinutes(10));
        limiter.pause();
        assertEquals(T0.plus(Duration.ofMinutes(10)), limiter.getPausedUntil().orElseThrow());
    }

    @Test
    void defaultsLeaveHeadroom() {
        assertEquals(60, WithingsRateLimiter.DEFAULT_MAX_PER_MINUTE);
        assertTrue(WithingsRateLimiter.DEFAULT_COOL_DOWN.compareTo(Duration.ofMinutes(1)) >= 0);
        WithingsRateLimiter limiter = new WithingsRateLimiter(WithingsRateLimiter.DEFAULT_MAX_PER_MINUTE,
                WithingsRateLimiter.DEFAULT_COOL_DOWN, clock);
        assertEquals(60, limiter.getMaxPerMinute());
        assertEquals(Duration.ofMinutes(5), limiter.getCoolDown());
        assertThrows(IllegalArgumentException.class, () -> new WithingsRateLimiter(0, Duration.ZERO, clock));
    }
}
