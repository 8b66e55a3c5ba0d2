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

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import javax.measure.Unit;
import javax.measure.quantity.Time;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.WithingsTexts;
import org.openhab.binding.withings.internal.dto.SleepSummary;
import org.openhab.binding.withings.internal.dto.SleepSummaryData;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.library.unit.MetricPrefix;
import org.openhab.core.library.unit.SIUnits;
import org.openhab.core.library.unit.Units;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;

/**
 * Maps sleep summaries to the {@code sleep} channels: the latest night by {@code enddate} (nights are never
 * summed), durations in seconds, heart-rate variability in ms, temperatures in °C, efficiency as %; -1 and fields a
 * night does not carry are UNDEF; each fetched night also goes to the time series at its wake-up time.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SleepMapper {

    public static final String GROUP = "sleep";
    public static final List<String> CHANNELS = List.of("bed-time", "wake-time", "time-in-bed", "total-sleep",
            "deep-sleep", "light-sleep", "rem-sleep", "awake-duration", "sleep-latency", "wakeup-latency",
            "wakeup-count", "out-of-bed-count", "efficiency", "score", "heart-rate-average", "heart-rate-min",
            "heart-rate-max", "breathing-rate-average", "breathing-rate-min", "breathing-rate-max", "snoring-duration",
            "snoring-episodes", "breathing-disturbances", "apnea-hypopnea-index", "asleep-duration", "waso",
            "rem-episodes", "movement-duration", "movement-score", "breathing-sounds", "breathing-sounds-episodes",
            "withings-index", "hrv-rmssd", "hrv-sdnn", "hrv-quality", "skin-temperature",
            "core-body-temperature-average", "core-body-temperature-min", "core-body-temperature-max",
            "night-events", "night-event-count", "last-measured");

    /** The i18n keys of the night event types (1 in bed, 2 asleep, 3 awake, 4 out of bed, 5/6 manual). */
    private static final Map<Integer, String> NIGHT_EVENT_KEYS = Map.of(1, "night-event.in-bed", 2,
            "night-event.asleep", 3, "night-event.awake", 4, "night-event.out-of-bed", 5, "night-event.asleep-manual",
            6, "night-event.awake-manual");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private static final Unit<Time> MILLISECOND = MetricPrefix.MILLI(Units.SECOND);

    private SleepMapper() {
    }

    /**
     * The outcome: channel data and the latest summary (to keep for the next call).
     */
    public record Result(ChannelData data, @Nullable SleepSummary latest) {
    }

    /**
     * @param previous the latest summary known from before, or null
     * @param fresh the summaries just fetched
     */
    public static Result map(@Nullable SleepSummary previous, List<SleepSummary> fresh, ZoneId zone) {
        return map(previous, fresh, zone, WithingsTexts.english());
    }

    /**
     * @param previous the latest summary known from before, or null
     * @param fresh the summaries just fetched
     * @param texts the language of the night events
     */
    public static Result map(@Nullable SleepSummary previous, List<SleepSummary> fresh, ZoneId zone,
            WithingsTexts texts) {
        ChannelData data = new ChannelData();
        List<SleepSummary> nights = new ArrayList<>();
        for (SleepSummary s : fresh) {
            if (s.enddate != null) {
                nights.add(s);
            }
        }
        nights.sort(Comparator.comparingLong(s -> endOf(s)));
        for (SleepSummary night : nights) {
            ChannelData one = values(night, zone, texts);
            Instant time = Instant.ofEpochSecond(endOf(night));
            one.states().forEach((channel, state) -> {
                if (!(state instanceof UnDefType) && !channel.endsWith("-time") && !channel.endsWith("last-measured")) {
                    data.measured(channel, time, state);
                }
            });
        }
        SleepSummary latest = previous;
        for (SleepSummary night : nights) {
            if (latest == null || endOf(night) >= endOf(latest)) {
                latest = night;
            }
        }
        if (latest != null) {
            data.merge(values(latest, zone, texts));
        }
        return new Result(data, latest);
    }

    /** All sleep channels of one night, the night events in English. */
    public static ChannelData values(SleepSummary night, ZoneId fallbackZone) {
        return values(night, fallbackZone, WithingsTexts.english());
    }

    /** All sleep channels of one night, the night events in the language of the texts. */
    public static ChannelData values(SleepSummary night, ZoneId fallbackZone, WithingsTexts texts) {
        ZoneId zone = States.zone(night.timezone, fallbackZone);
        ChannelData data = new ChannelData();
        SleepSummaryData d = night.data;
        if (d == null) {
            d = new SleepSummaryData();
        }
        put(data, "bed-time", States.dateTime(night.startdate, zone));
        put(data, "wake-time", States.dateTime(night.enddate, zone));
        put(data, "time-in-bed", seconds(d.totalTimeinbed));
        put(data, "total-sleep", seconds(d.totalSleepTime));
        put(data, "deep-sleep", seconds(d.deepsleepduration));
        put(data, "light-sleep", seconds(d.lightsleepduration));
        put(data, "rem-sleep", seconds(d.remsleepduration));
        put(data, "awake-duration", seconds(d.wakeupduration));
        put(data, "sleep-latency", seconds(d.sleepLatency != null ? d.sleepLatency : d.durationtosleep));
        put(data, "wakeup-latency", seconds(d.wakeupLatency != null ? d.wakeupLatency : d.durationtowakeup));
        put(data, "wakeup-count", States.number(d.wakeupcount));
        put(data, "out-of-bed-count", States.number(d.outOfBedCount));
        Double efficiency = d.sleepEfficiency;
        put(data, "efficiency", efficiency == null || efficiency < 0 ? UnDefType.UNDEF
                : States.quantity(BigDecimal.valueOf(efficiency).movePointRight(2), Units.PERCENT));
        put(data, "score", States.number(d.sleepScore));
        put(data, "heart-rate-average", States.positiveNumber(d.hrAverage));
        put(data, "heart-rate-min", States.positiveNumber(d.hrMin));
        put(data, "heart-rate-max", States.positiveNumber(d.hrMax));
        put(data, "breathing-rate-average", States.positiveNumber(d.rrAverage));
        put(data, "breathing-rate-min", States.positiveNumber(d.rrMin));
        put(data, "breathing-rate-max", States.positiveNumber(d.rrMax));
        put(data, "snoring-duration", seconds(d.snoring));
        put(data, "snoring-episodes", States.number(d.snoringepisodecount));
        put(data, "breathing-disturbances", States.number(d.breathingDisturbancesIntensity));
        put(data, "apnea-hypopnea-index", States.number(d.apneaHypopneaIndex));
        put(data, "asleep-duration", seconds(d.asleepduration));
        put(data, "waso", seconds(d.waso));
        put(data, "rem-episodes", States.number(d.nbRemEpisodes));
        put(data, "movement-duration", seconds(d.mvtActiveDuration));
        put(data, "movement-score", States.number(d.mvtScoreAvg));
        put(data, "breathing-sounds", seconds(d.breathingSounds));
        put(data, "breathing-sounds-episodes", States.number(d.breathingSoundsEpisodeCount));
        put(data, "withings-index", States.number(d.withingsIndex));
        put(data, "hrv-rmssd", States.positiveQuantity(d.rmssd, MILLISECOND));
        put(data, "hrv-sdnn", States.positiveQuantity(d.sdnn1, MILLISECOND));
        put(data, "hrv-quality", States.number(d.hrvQuality));
        put(data, "skin-temperature", States.positiveQuantity(d.skinTemperature, SIUnits.CELSIUS));
        put(data, "core-body-temperature-average",
                States.positiveQuantity(d.coreBodyTemperatureAvg, SIUnits.CELSIUS));
        put(data, "core-body-temperature-min", States.positiveQuantity(d.coreBodyTemperatureMin, SIUnits.CELSIUS));
        put(data, "core-body-temperature-max", States.positiveQuantity(d.coreBodyTemperatureMax, SIUnits.CELSIUS));
        nightEvents(data, night, d, zone, texts);
        put(data, "last-measured", States.dateTime(night.enddate, zone));
        return data;
    }

    /**
     * The night events as one readable text in the night's zone, e.g. {@code 23:05 in bed, 23:20 asleep}, ordered
     * by time, and their number; both UNDEF when the night carries no {@code night_events}.
     */
    private static void nightEvents(ChannelData data, SleepSummary night, SleepSummaryData d, ZoneId zone,
            WithingsTexts texts) {
        Long start = night.startdate;
        if (d.nightEvents == null || start == null) {
            put(data, "night-events", UnDefType.UNDEF);
            put(data, "night-event-count", UnDefType.UNDEF);
            return;
        }
        List<NightEvent> events = new ArrayList<>();
        d.nightEvents().forEach((type, offsets) -> offsets.forEach(offset -> events.add(new NightEvent(offset, type))));
        events.sort(Comparator.comparingLong(NightEvent::offset).thenComparingInt(NightEvent::type));
        List<String> entries = new ArrayList<>();
        for (NightEvent event : events) {
            String key = NIGHT_EVENT_KEYS.get(event.type());
            String name = key != null ? texts.text(key) : texts.text("night-event.other", event.type());
            entries.add(CLOCK.format(Instant.ofEpochSecond(start + event.offset()).atZone(zone)) + " " + name);
        }
        put(data, "night-events", entries.isEmpty() ? UnDefType.UNDEF : new StringType(String.join(", ", entries)));
        put(data, "night-event-count", new DecimalType(events.size()));
    }

    /** One night event: seconds after the night's start and its type. */
    private record NightEvent(long offset, int type) {
    }

    private static State seconds(@Nullable Integer value) {
        return States.quantity(value, Units.SECOND);
    }

    private static void put(ChannelData data, String channel, State state) {
        data.state(GROUP + "#" + channel, state);
    }

    private static long endOf(SleepSummary s) {
        Long end = s.enddate;
        return end == null ? Long.MIN_VALUE : end;
    }
}
