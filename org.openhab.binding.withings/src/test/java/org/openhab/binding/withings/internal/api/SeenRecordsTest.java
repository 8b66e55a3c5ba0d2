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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.dto.Activity;
import org.openhab.binding.withings.internal.dto.Workout;

/**
 * The keys kept with a cursor: only records from the cursor's second on, a modified record comes through, bounded.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class SeenRecordsTest {

    private static Workout workout(long id, long modified) {
        Workout w = new Workout();
        w.id = id;
        w.modified = modified;
        return w;
    }

    @Test
    void keepsOnlyWhatTheNextAnswerRepeatsAndSkipsOnlyThat() {
        Workout older = workout(1, 99);
        Workout sameSecond = workout(2, 100);
        String kept = SeenRecords.remember(List.of(older, sameSecond), Instant.ofEpochSecond(100));
        assertEquals("2@100", kept);

        Workout modifiedAgain = workout(2, 101);
        Workout created = workout(3, 100); // created later in the same second: not sent yet
        assertEquals(List.of(modifiedAgain, created),
                SeenRecords.unsent(kept, List.of(sameSecond, modifiedAgain, created)));
        assertEquals(List.of(sameSecond), SeenRecords.unsent(null, List.of(sameSecond)));
    }

    @Test
    void daysOfActivityAreKeyedByDateAndDevice() {
        Activity a = new Activity();
        a.date = "2026-12-01";
        a.deviceid = "d1";
        a.modified = 100L;
        Activity b = new Activity();
        b.date = "2026-12-01";
        b.deviceid = "d2";
        b.modified = 100L;
        assertEquals(List.of(b), SeenRecords.unsent(SeenRecords.remember(List.of(a), Instant.ofEpochSecond(100)),
                List.of(a, b)));
    }

    @Test
    void isBounded() {
        List<Workout> many = new ArrayList<>();
        for (int i = 0; i < SeenRecords.MAX_KEYS + 50; i++) {
            many.add(workout(i, 100));
        }
        assertEquals(SeenRecords.MAX_KEYS, SeenRecords.remember(many, Instant.ofEpochSecond(100)).split(",").length);
    }
}
