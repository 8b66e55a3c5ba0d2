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

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.dto.IntradayData;
import org.openhab.core.library.types.DecimalType;

/**
 * Maps {@code getintradayactivity} to the intraday channels of the {@code activity} group: steps and heart rate
 * (bpm) per interval, one time-series point at each interval's start and the newest value as the state. An interval
 * without steps or heart rate adds no point of that channel; a heart rate of 0 means none was measured.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class IntradayMapper {

    public static final String STEPS = ActivityMapper.GROUP + "#intraday-steps";
    public static final String HEART_RATE = ActivityMapper.GROUP + "#intraday-heart-rate";
    /** The channels (group#id). */
    public static final List<String> CHANNELS = List.of(STEPS, HEART_RATE);

    private IntradayMapper() {
    }

    /**
     * Where the next intraday read starts: after the last point read today, else at the local midnight of now.
     *
     * @param cursor just after the last point read, or null
     */
    public static Instant start(@Nullable Instant cursor, Instant now, ZoneId zone) {
        Instant midnight = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        return cursor != null && cursor.isAfter(midnight) ? cursor : midnight;
    }

    /** @param points epoch (s) to values, as the client merges them */
    public static ChannelData map(SortedMap<Long, IntradayData> points) {
        ChannelData data = new ChannelData();
        for (Map.Entry<Long, IntradayData> point : points.entrySet()) {
            Instant time = Instant.ofEpochSecond(point.getKey());
            IntradayData values = point.getValue();
            Integer steps = values.steps;
            if (steps != null && steps >= 0) {
                data.measured(STEPS, time, new DecimalType(steps));
                data.state(STEPS, new DecimalType(steps));
            }
            Integer heartRate = values.heartRate;
            if (heartRate != null && heartRate > 0) {
                data.measured(HEART_RATE, time, new DecimalType(heartRate));
                data.state(HEART_RATE, new DecimalType(heartRate));
            }
        }
        return data;
    }
}
