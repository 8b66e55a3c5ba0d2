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

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Bursts of notifications per key become one run after the debounce.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class NotificationCoalescerTest {

    @Test
    void fiveNotificationsOneFetch() {
        FakeScheduler scheduler = new FakeScheduler(Instant.parse("2026-11-24T10:00:00Z"));
        NotificationCoalescer<String> coalescer = new NotificationCoalescer<>(scheduler, Duration.ofSeconds(2));
        AtomicInteger measures = new AtomicInteger();
        AtomicInteger sleep = new AtomicInteger();

        assertTrue(coalescer.submit("measures", measures::incrementAndGet));
        for (int i = 0; i < 4; i++) {
            assertFalse(coalescer.submit("measures", measures::incrementAndGet));
        }
        assertTrue(coalescer.submit("sleep", sleep::incrementAndGet));
        assertTrue(coalescer.isPending("measures"));
        assertEquals(0, scheduler.advance(Duration.ofSeconds(1)));
        assertEquals(0, measures.get());

        assertEquals(2, scheduler.advance(Duration.ofSeconds(1)));
        assertEquals(1, measures.get());
        assertEquals(1, sleep.get());
        assertFalse(coalescer.isPending("measures"));

        // after the run a new notification schedules again
        assertTrue(coalescer.submit("measures", measures::incrementAndGet));
        coalescer.cancelAll();
        assertEquals(0, scheduler.advance(Duration.ofSeconds(5)));
        assertEquals(1, measures.get());
    }
}
