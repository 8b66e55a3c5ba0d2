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
package org.openhab.binding.withings.internal.mapping;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.dto.Activity;
import org.openhab.core.library.unit.SIUnits;
import org.openhab.core.library.unit.Units;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;

/**
 * Maps daily activity records to the {@code activity} channels: only the record of today (the local calendar day
 * in the record's timezone); without one every channel is UNDEF. Heart rates of 0 mean "no heart rate" (UNDEF).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class ActivityMapper {

    public static final String GROUP = "activity";
    public static final List<String> CHANNELS = List.of("steps", "distance", "elevation", "soft-activity",
            "moderate-activity", "intense-activity", "active-duration", "active-calories", "total-calories",
            "heart-rate-average", "heart-rate-min", "heart-rate-max", "hr-zone-light", "hr-zone-moderate",
            "hr-zone-intense", "hr-zone-peak", "last-measured");

    private ActivityMapper() {
    }

    /** The record of today among the candidates (the most recently modified if several), or null. */
    public static @Nullable Activity today(Collection<Activity> candidates, Clock clock, ZoneId fallbackZone) {
        Activity best = null;
        for (Activity activity : candidates) {
            String date = activity.date;
            if (date == null) {
                continue;
            }
            LocalDate today = LocalDate.ofInstant(clock.instant(), States.zone(activity.timezone, fallbackZone));
            if (!today.toString().equals(date)) {
                continue;
            }
            if (best == null || modifiedOf(activity) >= modifiedOf(best)) {
                best = activity;
            }
        }
        return best;
    }

    /** The channels of today's record, or every channel UNDEF when there is none. */
    public static ChannelData map(@Nullable Activity today, ZoneId fallbackZone) {
        ChannelData data = new ChannelData();
        if (today == null) {
            for (String channel : CHANNELS) {
                data.state(GROUP + "#" + channel, UnDefType.UNDEF);
            }
            return data;
        }
        ZoneId zone = States.zone(today.timezone, fallbackZone);
        put(data, "steps", States.number(today.steps));
        put(data, "distance", States.quantity(today.distance, SIUnits.METRE));
        put(data, "elevation", States.quantity(today.elevation, SIUnits.METRE));
        put(data, "soft-activity", States.quantity(today.soft, Units.SECOND));
        put(data, "moderate-activity", States.quantity(today.moderate, Units.SECOND));
        put(data, "intense-activity", States.quantity(today.intense, Units.SECOND));
        put(data, "active-duration", States.quantity(today.active, Units.SECOND));
        put(data, "active-calories", States.quantity(today.calories, Units.KILO_CALORIE));
        put(data, "total-calories", States.quantity(today.totalcalories, Units.KILO_CALORIE));
        put(data, "heart-rate-average", States.positiveNumber(today.hrAverage));
        put(data, "heart-rate-min", States.positiveNumber(today.hrMin));
        put(data, "heart-rate-max", States.positiveNumber(today.hrMax));
        put(data, "hr-zone-light", States.quantity(today.hrZone0, Units.SECOND));
        put(data, "hr-zone-moderate", States.quantity(today.hrZone1, Units.SECOND));
        put(data, "hr-zone-intense", States.quantity(today.hrZone2, Units.SECOND));
        put(data, "hr-zone-peak", States.quantity(today.hrZone3, Units.SECOND));
        Long modified = today.modified;
        put(data, "last-measured", modified == null ? UnDefType.UNDEF : States.dateTime(modified, zone));
        return data;
    }

    /**
     * The daily totals of the fetched records as time series, each at the start of its day in the record's zone
     * (a later sync of the same day replaces the value at the same time).
     */
    public static ChannelData history(Collection<Activity> fetched, ZoneId fallbackZone) {
        ChannelData history = new ChannelData();
        List<Activity> sorted = new java.util.ArrayList<>();
        for (Activity activity : fetched) {
            if (activity.date != null) {
                sorted.add(activity);
            }
        }
        sorted.sort(java.util.Comparator.comparing((Activity a) -> a.date));
        for (Activity activity : sorted) {
            String date = activity.date;
            ZoneId zone = States.zone(activity.timezone, fallbackZone);
            Instant start;
            try {
                start = LocalDate.parse(date).atStartOfDay(zone).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                continue;
            }
            map(activity, fallbackZone).states().forEach((channel, state) -> {
                if (!(state instanceof UnDefType) && !channel.endsWith("last-measured")
                        && !channel.contains("heart-rate")) {
                    history.measured(channel, start, state);
                }
            });
        }
        return history;
    }

    /** The next local midnight after now in the given zone. */
    public static Instant nextMidnight(Clock clock, ZoneId zone) {
        ZonedDateTime now = clock.instant().atZone(zone);
        return now.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static void put(ChannelData data, String channel, State state) {
        data.state(GROUP + "#" + channel, state);
    }

    private static long modifiedOf(Activity activity) {
        Long modified = activity.modified;
        return modified == null ? Long.MIN_VALUE : modified;
    }
}
