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

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.dto.IntradayBody;
import org.openhab.binding.withings.internal.dto.IntradayData;
import org.openhab.binding.withings.internal.dto.SleepSeries;
import org.openhab.binding.withings.internal.dto.SleepSummary;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.types.State;
import org.openhab.core.types.TimeSeries;

/**
 * The sleep stages (sleep {@code get}) and today's intraday steps and heart rate ({@code getintradayactivity}) as
 * time series, on the constructed payloads of {@code fixtures/constructed/}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class SleepStagesAndIntradayTest {

    private static final long NIGHT_START = 1_764_024_000L;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static SleepSummary night(String device) {
        SleepSummary night = new SleepSummary();
        night.startdate = NIGHT_START;
        night.enddate = NIGHT_START + 23_400;
        night.hashDeviceid = device;
        return night;
    }

    @Test
    void everySegmentOfTheNightsDeviceIsOnePointAtItsStart() throws Exception {
        List<SleepSeries> segments = Fixtures.list("constructed/sleep_get_night.json", "series", SleepSeries.class);
        ChannelData data = SleepStageMapper.map(segments, night("a3f5c2e8d1b94f6e8c7a2b1d0e9f8a7b6c5d4e3f"));

        TimeSeries series = data.seriesOf("sleep#sleep-stage");
        assertNotNull(series);
        List<TimeSeries.Entry> points = series.getStates().toList();
        // 16 segments of the Sleep Analyzer; the watch's segment of the same night is left out
        assertEquals(16, points.size());
        assertEquals(new TimeSeries.Entry(Instant.ofEpochSecond(NIGHT_START), new StringType("awake")), points.get(0));
        assertEquals(new TimeSeries.Entry(Instant.ofEpochSecond(NIGHT_START + 900), new StringType("light")),
                points.get(1));
        assertEquals(new TimeSeries.Entry(Instant.ofEpochSecond(NIGHT_START + 2700), new StringType("deep")),
                points.get(2));
        assertEquals(List.of("awake", "light", "deep", "light", "rem", "light", "deep", "awake", "light", "rem",
                "light", "deep", "light", "rem", "awake", "out-of-bed"),
                points.stream().map(p -> p.state().toString()).toList());
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i - 1).timestamp().isBefore(points.get(i).timestamp()), "ordered by start");
        }
        // the state is the stage of the night's last segment
        assertEquals(new StringType("out-of-bed"), data.get("sleep#sleep-stage"));
    }

    @Test
    void withoutAKnownDeviceEverySegmentCountsAndUnknownCodesStayNumbers() throws Exception {
        List<SleepSeries> segments = Fixtures.list("constructed/sleep_get_night.json", "series", SleepSeries.class);
        SleepSummary night = night("x");
        night.hashDeviceid = null;
        TimeSeries series = SleepStageMapper.map(segments, night).seriesOf("sleep#sleep-stage");
        assertNotNull(series);
        assertEquals(17, series.size());

        assertEquals("manual", SleepStageMapper.stage(4));
        assertEquals("unspecified", SleepStageMapper.stage(5));
        assertEquals("7", SleepStageMapper.stage(7));
        // a night without segments sends nothing and leaves the state alone
        assertTrue(SleepStageMapper.map(List.of(), night).isEmpty());
        assertFalse(SleepStageMapper.hasWindow(null));
        night.enddate = night.startdate;
        assertFalse(SleepStageMapper.hasWindow(night));
    }

    @Test
    void intradayStepsAndHeartRateArePointsAtEachIntervalsStart() throws Exception {
        IntradayBody body = Fixtures.object(Fixtures.body("constructed/intraday_activity.json"), IntradayBody.class);
        SortedMap<Long, IntradayData> points = new TreeMap<>();
        body.series.forEach((epoch, values) -> points.put(Long.parseLong(epoch), values));
        ChannelData data = IntradayMapper.map(points);

        TimeSeries heart = data.seriesOf("activity#intraday-heart-rate");
        TimeSeries steps = data.seriesOf("activity#intraday-steps");
        assertNotNull(heart);
        assertNotNull(steps);
        // 57 intervals, one without a heart-rate reading (0); steps only from 07:00 local
        assertEquals(56, heart.size());
        long firstSteps = points.entrySet().stream().filter(e -> e.getValue().steps != null).findFirst()
                .orElseThrow().getKey();
        assertEquals(points.tailMap(firstSteps).size(), steps.size());
        assertEquals(Instant.ofEpochSecond(firstSteps), steps.getBegin());
        assertTrue(Instant.ofEpochSecond(firstSteps).atZone(PARIS).getHour() >= 7);
        long first = points.firstKey();
        assertEquals(new TimeSeries.Entry(Instant.ofEpochSecond(first), new DecimalType(points.get(first).heartRate)),
                heart.getStates().findFirst().orElseThrow());
        // the states are the newest interval's values
        IntradayData last = points.get(points.lastKey());
        assertEquals(new DecimalType(last.heartRate), data.get("activity#intraday-heart-rate"));
        assertEquals(new DecimalType(last.steps), data.get("activity#intraday-steps"));
        assertEquals(Instant.ofEpochSecond(points.lastKey()), heart.getEnd());
    }

    @Test
    void intradayReadsFromTheLastPointOrLocalMidnight() {
        Instant now = Instant.parse("2025-11-25T08:30:00Z");
        Instant midnight = Instant.parse("2025-11-24T23:00:00Z");
        assertEquals(midnight, IntradayMapper.start(null, now, PARIS));
        // a cursor of yesterday does not reach back before midnight
        assertEquals(midnight, IntradayMapper.start(Instant.parse("2025-11-24T20:00:00Z"), now, PARIS));
        Instant cursor = Instant.parse("2025-11-25T07:10:01Z");
        assertEquals(cursor, IntradayMapper.start(cursor, now, PARIS));
        State none = data(new TreeMap<>()).get("activity#intraday-steps");
        assertNull(none);
    }

    private static ChannelData data(SortedMap<Long, IntradayData> points) {
        return IntradayMapper.map(points);
    }
}
