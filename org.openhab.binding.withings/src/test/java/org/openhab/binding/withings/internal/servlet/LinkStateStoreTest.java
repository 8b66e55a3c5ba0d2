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
package org.openhab.binding.withings.internal.servlet;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.handler.MutableClock;

/**
 * Tests {@link LinkStateStore}: random, single-use, expiring keys whose dropped values are handed back.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class LinkStateStoreTest {

    private static final int CAPACITY = 64;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final List<String> dropped = new ArrayList<>();
    private final LinkStateStore<String> store = new LinkStateStore<>(clock, Duration.ofMinutes(10), CAPACITY,
            dropped::add);

    @Test
    void keysAreRandomUrlSafeAndAtLeast256Bits() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String key = store.newKey();
            assertTrue(key.matches("[A-Za-z0-9_-]{43}"), key);
            keys.add(key);
        }
        assertEquals(200, keys.size());
    }

    @Test
    void aKeyIsConsumedOnce() {
        String key = store.issue("a");
        assertEquals(Optional.of("a"), store.consume(key));
        assertEquals(Optional.empty(), store.consume(key));
        assertEquals(Optional.empty(), store.consume("unknown"));
        assertTrue(dropped.isEmpty());
    }

    @Test
    void anExpiredKeyIsUnknownAndItsValueDropped() {
        String key = store.issue("a");
        clock.advance(Duration.ofMinutes(9));
        String young = store.issue("b");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Optional.empty(), store.consume(key));
        assertEquals(List.of("a"), dropped);
        assertEquals(Optional.of("b"), store.consume(young));
    }

    @Test
    void clearDropsEverythingAndTheStoreIsBounded() {
        for (int i = 0; i < CAPACITY + 5; i++) {
            store.issue("v" + i);
        }
        assertEquals(CAPACITY, store.size());
        assertEquals(List.of("v0", "v1", "v2", "v3", "v4"), dropped);
        store.clear();
        assertEquals(0, store.size());
        assertEquals(CAPACITY + 5, dropped.size());
    }

    @Test
    void offerRefusesWhenFullInsteadOfDroppingALiveEntry() {
        String first = store.newKey();
        assertTrue(store.offer(first, "admin", v -> v.equals("admin"), 3));
        for (int i = 1; i < CAPACITY; i++) {
            assertTrue(store.offer(store.newKey(), "flood" + i, v -> false, 3));
        }
        assertFalse(store.offer(store.newKey(), "flood-more", v -> false, 3), "full: refused");
        assertTrue(dropped.isEmpty(), dropped.toString());
        assertTrue(store.contains(first));
        assertEquals(Optional.of("admin"), store.consume(first));
    }

    @Test
    void offerBeyondTheGroupLimitDropsTheGroupsOldestOnly() {
        String other = store.newKey();
        store.offer(other, "b-0", v -> v.startsWith("b-"), 2);
        for (int i = 0; i < 4; i++) {
            assertTrue(store.offer(store.newKey(), "a-" + i, v -> v.startsWith("a-"), 2));
        }
        assertEquals(List.of("a-0", "a-1"), dropped);
        assertEquals(3, store.size());
        assertTrue(store.contains(other));
    }
}
