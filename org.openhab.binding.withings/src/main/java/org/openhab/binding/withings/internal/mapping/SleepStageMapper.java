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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.dto.SleepSeries;
import org.openhab.binding.withings.internal.dto.SleepSummary;
import org.openhab.core.library.types.StringType;
import org.openhab.core.types.State;

/**
 * Maps the segments of sleep {@code get} over one night to the {@code sleep#sleep-stage} channel: one time-series
 * point per segment at its start, with the stage as a language-neutral String ({@code awake}, {@code light},
 * {@code deep}, {@code rem}, {@code manual}, {@code unspecified}, {@code out-of-bed}; the channel type's state options
 * translate them), and the stage of the night's last segment as the state. Segments of another device than the
 * night's are left out; an undocumented state code is kept as its number.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SleepStageMapper {

    /** The channel (group#id). */
    public static final String CHANNEL = SleepMapper.GROUP + "#sleep-stage";

    /** Withings' sleep states: 0 awake, 1 light, 2 deep, 3 REM, 4 manual, 5 unspecified, 15 out of bed. */
    private static final Map<Integer, String> STAGES = Map.of(0, "awake", 1, "light", 2, "deep", 3, "rem", 4,
            "manual", 5, "unspecified", 15, "out-of-bed");

    private SleepStageMapper() {
    }

    /** The stage name of a Withings sleep state code. */
    public static String stage(int code) {
        return STAGES.getOrDefault(code, Integer.toString(code));
    }

    /**
     * @param segments what sleep {@code get} answered for the night's start..end
     * @param night the night (its device, if known, selects the segments)
     * @return the series (empty when the night has no segment) and the last stage as the state
     */
    public static ChannelData map(List<SleepSeries> segments, SleepSummary night) {
        String device = night.hashDeviceid;
        Map<Long, Integer> byStart = new TreeMap<>();
        segments.stream().filter(s -> s.startdate != null && s.state != null)
                .filter(s -> device == null || s.hashDeviceid == null || device.equals(s.hashDeviceid))
                .sorted(Comparator.comparingLong(s -> s.startdate)).forEach(s -> byStart.put(s.startdate, s.state));
        ChannelData data = new ChannelData();
        State last = null;
        for (Map.Entry<Long, Integer> segment : byStart.entrySet()) {
            last = new StringType(stage(segment.getValue()));
            data.measured(CHANNEL, Instant.ofEpochSecond(segment.getKey()), last);
        }
        if (last != null) {
            data.state(CHANNEL, last);
        }
        return data;
    }

    /** Whether the stages of this night can be asked for (it has a start and an end). */
    public static boolean hasWindow(@Nullable SleepSummary night) {
        return night != null && night.startdate != null && night.enddate != null && night.enddate > night.startdate;
    }
}
