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
import java.time.LocalDate;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Parameters of the day-based services (activity, workouts, sleep summary): either a range of local days
 * ({@code startdateymd}/{@code enddateymd}, both inclusive) or {@code lastupdate}, never both.
 *
 * @param startDate first local day, or null
 * @param endDate last local day (inclusive), or null
 * @param lastUpdate data created or modified since, or null
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public record DateQuery(@Nullable LocalDate startDate, @Nullable LocalDate endDate, @Nullable Instant lastUpdate) {

    public DateQuery {
        if (lastUpdate != null && (startDate != null || endDate != null)) {
            throw new IllegalArgumentException("lastupdate and a date range must not be mixed");
        }
        if ((startDate == null) != (endDate == null)) {
            throw new IllegalArgumentException("startDate and endDate go together");
        }
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("endDate is before startDate");
        }
    }

    /**
     * @return the local days from start to end, both inclusive
     */
    public static DateQuery days(LocalDate startDate, LocalDate endDate) {
        return new DateQuery(startDate, endDate, null);
    }

    /**
     * @return everything created or modified since the given time
     */
    public static DateQuery since(Instant lastUpdate) {
        return new DateQuery(null, null, lastUpdate);
    }
}
