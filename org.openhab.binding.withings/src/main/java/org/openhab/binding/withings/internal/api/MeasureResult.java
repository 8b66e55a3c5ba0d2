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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.dto.MeasureGroup;

/**
 * The result of {@code getmeas} with every page followed.
 *
 * @param groups every measure group of every page, in the order received (not sorted, not de-duplicated)
 * @param updateTime the server's {@code updatetime} of the first page (unix seconds): store it as the next
 *            {@code lastupdate} when {@code complete}; null if Withings sent none
 * @param timezone the user's IANA zone, if sent
 * @param complete false if the page bound was hit before {@code more} became 0
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public record MeasureResult(List<MeasureGroup> groups, @Nullable Long updateTime, @Nullable String timezone,
        boolean complete) {

    /**
     * @return the groups de-duplicated by {@code grpid} and {@code date} (an edited group keeps its id: the one
     *         with the newest {@code modified} wins, the later one on a tie; groups without id are kept; the date is
     *         part of the key because captures reuse ids for different measurements) and sorted by measurement
     *         {@code date}, oldest first
     */
    public List<MeasureGroup> normalizedGroups() {
        Map<String, MeasureGroup> byId = new LinkedHashMap<>();
        List<MeasureGroup> result = new ArrayList<>();
        for (MeasureGroup group : groups) {
            Long id = group.grpid;
            if (id == null) {
                result.add(group);
                continue;
            }
            String key = id + "@" + date(group);
            MeasureGroup previous = byId.get(key);
            if (previous == null || modified(group) >= modified(previous)) {
                byId.put(key, group);
            }
        }
        result.addAll(byId.values());
        result.sort(Comparator.comparingLong(MeasureResult::date));
        return result;
    }

    private static long modified(MeasureGroup group) {
        Long modified = group.modified;
        return modified == null ? Long.MIN_VALUE : modified;
    }

    private static long date(MeasureGroup group) {
        Long date = group.date;
        return date == null ? Long.MIN_VALUE : date;
    }
}
