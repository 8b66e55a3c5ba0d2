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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.handler.MutableClock;

/**
 * The bridge-wide rate limiter with an injected clock: rolling window, queueing in arrival order, 601 pause,
 * maximum wait and counters. Waiting is simulated by advancing the fake clock; no test waits for real time.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsRateLimiterTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    /** Waits recorded by the fake waiter. */
    private final List<Duration> waits = new ArrayList<>();

    /** A waiter that "waits" by advancing the clock. */
    private WithingsRateLimiter fakeWaiting(int perMinute, Duration coolDown, Duration maxWait) {
        return new WithingsRateLimiter(perMinute, coolDown, maxWait, clock, (condition, duration) -> {
            waits.add(duration);
            clock.advance(duration);
        });
    }

    @Test
    void rollingWindowAllowsMaxPerMinuteThenWaitsForTheOldestToExpire() throws Exception {
        WithingsRateLimiter limiter = fakeWaiting(3, Duration.ofMinutes(5), Duration.ofMinutes(10));
        limiter.acquire();
        clock.advance(Duration.ofSeconds(10));
        limiter.acquire();
        limiter.acquire();
        assertTrue(waits.isEmpty());
        assertEquals(3, limiter.getCurrentWindowCount());
        assertEquals(Duration.ofSeconds(50), limiter.nextPermitDelay());

        limiter.acquire(); // waits until the first request leaves the window
        assertEquals(List.of(Duration.ofSeconds(50)), waits);
        assertEquals(T0.plusSeconds(60), clock.instant());
        assertEquals(3, limiter.getCurrentWindowCount());

        limiter.acquire(); // the two at T0+10 s leave at T0+70 s
        assertEquals(Duration.ofSeconds(10), waits.get(1));
        assertEquals(5, limiter.getTotalRequests());
        assertEquals(0, limiter.getQueueLength());
    }

    @Test
    void windowEmptiesAfterOneMinute() throws Exception {
        WithingsRateLimiter limiter = fakeWaiting(2, Duration.ofMinutes(5), Duration.ofMinutes(10));
        limiter.acquire();
        limiter.acquire();
        assertEquals(2, limiter.getCurrentWindowCount());
        clock.advance(Duration.ofSeconds(60));
        assertEquals(0, limiter.getCurrentWindowCount());
        assertEquals(Duration.ZERO, limiter.nextPermitDelay());
        limiter.acquire();
        assertTrue(waits.isEmpty());
    }

    @Test
    void pauseAfter601BlocksEveryoneForTheCoolDown() throws Exception {
        WithingsRateLimiter limiter = fakeWaiting(60, Duration.ofMinutes(5), Duration.ofMinutes(10));
        limiter.acquire();
        limiter.pause();
        assertEquals(T0.plus(Duration.ofMinutes(5)), limiter.getPausedUntil().orElseThrow());
        assertEquals(Duration.ofMinutes(5), limiter.nextPermitDelay());
        assertEquals(1, limiter.getTotalPauses());

        limiter.acquire();
        assertEquals(List.of(Duration.ofMinutes(5)), waits);
        assertEquals(T0.plus(Duration.ofMinutes(5)), clock.instant());
        assertTrue(limiter.getPausedUntil().isEmpty());
        assertEquals(2, limiter.getTotalRequests());
    }

    @Test
    void pauseIsNeverShortened() {
        WithingsRateLimiter limiter = fakeWaiting(60, Duration.ofMinutes(5), Duration.ofMinutes(10));
        limiter.pause(Duration.ofMinutes(10));
        limiter.pause();
        assertEquals(T0.plus(Duration.ofMinutes(10)), limiter.getPausedUntil().orElseThrow());
    }

    @Test
    void waitingLongerThanMaxWaitFails() throws Exception {
        WithingsRateLimiter limiter = fakeWaiting(60, Duration.ofMinutes(30), Duration.ofMinutes(10));
        limiter.pause();
        WithingsApiException e = assertThrows(WithingsApiException.class, limiter::acquire);
        assertInstanceOf(WithingsRateLimitException.class, e);
        // a pause longer than the maximum wait fails at once: no thread is held for nothing
        assertEquals(List.of(), waits);
        assertEquals(0, limiter.getTotalRequests());
        assertEquals(0, limiter.getQueueLength());
    }

    @Test
    void aQueuedCallerGivesUpAtTheMaximumWait() throws Exception {
        WithingsRateLimiter limiter = fakeWaiting(1, Duration.ofMinutes(5), Duration.ofSeconds(30));
        limiter.acquire();
        // the next permit is a minute away, longer than the 30 s the caller may wait
        WithingsApiException e = assertThrows(WithingsApiException.class, limiter::acquire);
        assertInstanceOf(WithingsRateLimitException.class, e);
        assertEquals(List.of(), waits);
        assertEquals(1, limiter.getTotalRequests());
    }

    @Test
    void productionDefaultNeverHoldsAThreadForAPause() {
        assertTrue(WithingsRateLimiter.DEFAULT_MAX_WAIT.compareTo(WithingsRateLimiter.DEFAULT_COOL_DOWN) < 0);
        assertTrue(WithingsRateLimiter.DEFAULT_MAX_WAIT.compareTo(Duration.ofMinutes(1)) > 0);
    }

    @Test
    void callersQueueInArrivalOrder() throws Exception {
        // real condition waits, fake clock: the test moves time and wakes the waiters
        WithingsRateLimiter limiter = new WithingsRateLimiter(1, Duration.ofMinutes(5), Duration.ofHours(1), clock,
                (condition, duration) -> condition.await(5, TimeUnit.SECONDS));
        limiter.acquire();
        List<String> order = new CopyOnWriteArrayList<>();
        ExecutorService executor = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<Void>> futures = new ArrayList<>();
            for (String name : List.of("A", "B", "C")) {
                int expectedQueue = futures.size() + 1;
                futures.add(CompletableFuture.runAsync(() -> {
                    try {
                        limiter.acquire();
                        order.add(name);
                    } catch (WithingsApiException e) {
                        order.add(name + "-failed");
                    }
                }, executor));
                waitUntil(() -> limiter.getQueueLength() == expectedQueue);
            }
            assertTrue(order.isEmpty());
            for (int i = 1; i <= 3; i++) {
                clock.advance(Duration.ofSeconds(60));
                limiter.wakeUp();
                int expected = i;
                waitUntil(() -> order.size() == expected);
                assertEquals(expected, order.size());
            }
            for (CompletableFuture<Void> future : futures) {
                future.get(10, TimeUnit.SECONDS);
            }
            assertEquals(List.of("A", "B", "C"), order);
            assertEquals(4, limiter.getTotalRequests());
        } finally {
            executor.shutdownNow();
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("condition not reached in time");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
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
