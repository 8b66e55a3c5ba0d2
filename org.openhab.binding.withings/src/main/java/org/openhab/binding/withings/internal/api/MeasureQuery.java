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
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Parameters of {@code measure getmeas}: either {@code lastupdate} (incremental sync) or a
 * {@code startdate}/{@code enddate} window (never both), optional measure types and category.
 *
 * @param types the meastypes to ask for; null or empty for all
 * @param category 1 real measures, 2 objectives; null for Withings' default
 * @param startDate window start, or null
 * @param endDate window end, or null
 * @param lastUpdate data created or modified since, or null
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public record MeasureQuery(@Nullable Set<Integer> types, @Nullable Integer category, @Nullable Instant startDate,
        @Nullable Instant endDate, @Nullable Instant lastUpdate) {

    public MeasureQuery {
        if (lastUpdate != null && (startDate != null || endDate != null)) {
            throw new IllegalArgumentException("lastupdate and a date window must not be mixed");
        }
        types = types == null ? null : Set.copyOf(types);
    }

    /**
     * @return every measure changed since the given time (incremental sync with the server's updatetime)
     */
    public static MeasureQuery since(Instant lastUpdate) {
        return new MeasureQuery(null, null, null, null, lastUpdate);
    }

    /**
     * @return every measure taken in the window
     */
    public static MeasureQuery between(Instant startDate, Instant endDate) {
        return new MeasureQuery(null, null, startDate, endDate, null);
    }

    /**
     * @return no date restriction (Withings' default)
     */
    public static MeasureQuery all() {
        return new MeasureQuery(null, null, null, null, null);
    }

    /**
     * @return a copy restricted to these meastypes
     */
    public MeasureQuery withTypes(Collection<Integer> measTypes) {
        return new MeasureQuery(Set.copyOf(measTypes), category, startDate, endDate, lastUpdate);
    }

    /**
     * @return a copy restricted to this category (1 real, 2 objectives)
     */
    public MeasureQuery withCategory(int cat) {
        return new MeasureQuery(types, cat, startDate, endDate, lastUpdate);
    }

    /**
     * @return the types as the comma list Withings expects, sorted, or null for all
     */
    public @Nullable String typesParameter() {
        Set<Integer> t = types;
        if (t == null || t.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Integer type : new TreeSet<>(t)) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(type);
        }
        return sb.toString();
    }
}
