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

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.dto.Activity;
import org.openhab.binding.withings.internal.dto.MeasureGroup;
import org.openhab.binding.withings.internal.dto.SleepSummary;
import org.openhab.binding.withings.internal.dto.Workout;

/**
 * Makes an incremental sync deliver every record exactly once. Withings' {@code lastupdate} is inclusive and in
 * whole seconds, so the next answer repeats every record modified at or after the cursor, which the previous answer
 * already had. The sync remembers, with its cursor, the keys (identity and {@code modified}) of those records and
 * skips them in the next answer; a record modified again has a new key and comes through. Only the keys from the
 * cursor's second on are kept, so the set stays small; it is stored as one line of text next to the cursor.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SeenRecords {

    /** At most this many keys are kept (far more than records modified within one second). */
    static final int MAX_KEYS = 500;
    private static final String SEPARATOR = ",";

    private SeenRecords() {
    }

    /** The key of a record: its identity and when it was last modified. */
    private record Key(String text, @Nullable Long modified) {
    }

    /** The key of a measure group, a night, a day of activity or a workout. */
    private static Key key(Object record) {
        return switch (record) {
            case MeasureGroup g -> key(g.grpid, g.modified);
            case SleepSummary n -> key(n.id != null ? n.id : n.enddate, n.modified);
            case Activity a -> key(a.date + "/" + a.deviceid, a.modified);
            case Workout w -> key(w.id != null ? w.id : w.startdate, w.modified);
            default -> key(record, null);
        };
    }

    private static Key key(@Nullable Object identity, @Nullable Long modified) {
        return new Key(identity + "@" + modified, modified);
    }

    /**
     * @param stored the keys kept with the cursor the answer was asked with (null: none)
     * @param answer the records Withings answered (measure groups, nights, days of activity or workouts)
     * @return the answer without the records already sent, in its order
     */
    public static <T> List<T> unsent(@Nullable String stored, List<T> answer) {
        if (stored == null || stored.isEmpty()) {
            return answer;
        }
        Set<String> seen = Set.of(stored.split(SEPARATOR));
        List<T> fresh = new ArrayList<>(answer.size());
        for (T record : answer) {
            if (!seen.contains(key(record).text())) {
                fresh.add(record);
            }
        }
        return fresh;
    }

    /**
     * @param answer the complete answer of the sync that moves the cursor (sent and skipped records)
     * @param cursor the new cursor
     * @return the keys to keep with the new cursor: those of the records the next answer will repeat
     */
    public static String remember(List<?> answer, Instant cursor) {
        Set<String> keys = new LinkedHashSet<>();
        long second = cursor.getEpochSecond();
        for (Object record : answer) {
            Key key = key(record);
            Long at = key.modified();
            if (at != null && at >= second && keys.size() < MAX_KEYS) {
                keys.add(key.text());
            }
        }
        return String.join(SEPARATOR, keys);
    }
}
