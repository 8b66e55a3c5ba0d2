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
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.measure.Unit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.api.AttribPolicy;
import org.openhab.binding.withings.internal.api.MeasureType;
import org.openhab.binding.withings.internal.dto.Measure;
import org.openhab.binding.withings.internal.dto.MeasureGroup;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;

/**
 * Maps getmeas measure groups to the {@code body} and {@code heart} channels: every accepted measurement goes to
 * the channel's time series at the time it was measured, the newest value of each channel becomes its state.
 * Values known from earlier syncs are passed in as {@code retained} groups so that an incremental batch only
 * replaces what it makes newer (and BMI can combine a new weight with an older height).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class MeasureMapper {

    public static final String LAST_MEASURED = "last-measured";
    public static final String BMI = MeasureType.GROUP_BODY + "#bmi";

    private final AttribPolicy policy;
    private final ZoneId zone;

    /**
     * @param policy which attributions are used
     * @param zone the user's zone for {@code last-measured}
     */
    public MeasureMapper(AttribPolicy policy, ZoneId zone) {
        this.policy = policy;
        this.zone = zone;
    }

    /**
     * The outcome of one mapping.
     *
     * @param data the states (newest value per channel that has one) and the time series of the fresh groups
     * @param retained the groups that hold the newest value of at least one channel: keep them for the next call
     */
    public record Result(ChannelData data, List<MeasureGroup> retained) {
    }

    private record Value(long date, State state, BigDecimal raw, MeasureGroup group) {
    }

    /**
     * @param retained groups kept from earlier calls (already accepted)
     * @param fresh the groups just fetched (normalised or not)
     */
    public Result map(Collection<MeasureGroup> retained, List<MeasureGroup> fresh) {
        ChannelData data = new ChannelData();
        List<MeasureGroup> accepted = accepted(fresh);

        // time series of what was fetched now
        for (MeasureGroup group : accepted) {
            Instant time = Instant.ofEpochSecond(dateOf(group));
            forEachValue(group, (channel, state, raw) -> data.measured(channel, time, state));
        }

        // newest value per channel over everything known
        List<MeasureGroup> all = new ArrayList<>(accepted(new ArrayList<>(retained)));
        all.addAll(accepted);
        all.sort(Comparator.comparingLong(MeasureMapper::dateOf)); // stable: fresh after retained on equal dates
        Map<String, Value> newest = new HashMap<>();
        for (MeasureGroup group : all) {
            long date = dateOf(group);
            forEachValue(group, (channel, state, raw) -> {
                Value previous = newest.get(channel);
                if (previous == null || date >= previous.date()) {
                    newest.put(channel, new Value(date, state, raw, group));
                }
            });
        }

        Map<String, Long> lastMeasured = new HashMap<>();
        Set<MeasureGroup> keep = new LinkedHashSet<>();
        newest.forEach((channel, value) -> {
            data.state(channel, value.state());
            String groupId = channel.substring(0, channel.indexOf('#'));
            lastMeasured.merge(groupId, value.date(), Math::max);
            keep.add(value.group());
        });
        lastMeasured.forEach((groupId, date) -> data.state(groupId + "#" + LAST_MEASURED,
                States.dateTime(Instant.ofEpochSecond(date), zone)));

        // BMI from the newest weight and the newest height
        Value weight = newest.get(channelOf(MeasureType.WEIGHT));
        Value height = newest.get(channelOf(MeasureType.HEIGHT));
        if (weight != null && height != null) {
            data.state(BMI, bmi(weight.raw(), height.raw()));
            for (MeasureGroup group : accepted) {
                BigDecimal kg = rawValue(group, MeasureType.WEIGHT);
                if (kg != null) {
                    data.measured(BMI, Instant.ofEpochSecond(dateOf(group)), bmi(kg, height.raw()));
                }
            }
        } else if (weight != null) {
            data.state(BMI, UnDefType.UNDEF);
        }
        List<MeasureGroup> retainedOut = new ArrayList<>(keep);
        retainedOut.sort(Comparator.comparingLong(MeasureMapper::dateOf));
        return new Result(data, retainedOut);
    }

    /** BMI = kg / m², one decimal; UNDEF when the height is not positive. */
    static State bmi(BigDecimal kg, BigDecimal metres) {
        if (metres.signum() <= 0 || kg.signum() <= 0) {
            return UnDefType.UNDEF;
        }
        return new DecimalType(kg.divide(metres.multiply(metres), 1, RoundingMode.HALF_UP));
    }

    /** The channel (group#id) of a non-segmental measure type. */
    public static String channelOf(MeasureType type) {
        return type.group() + "#" + type.channelId();
    }

    /** The state of one decoded value of the given type. */
    public static State toState(MeasureType type, BigDecimal value) {
        if (type.isClassification()) {
            return new StringType(value.setScale(0, RoundingMode.HALF_UP).toPlainString());
        }
        Unit<?> unit = type.unit();
        return unit == null ? new DecimalType(value) : new QuantityType<>(value, unit);
    }

    private List<MeasureGroup> accepted(List<MeasureGroup> groups) {
        List<MeasureGroup> result = new ArrayList<>();
        for (MeasureGroup group : groups) {
            if (group.date != null && group.measures != null && policy.accepts(group)) {
                result.add(group);
            }
        }
        result.sort(Comparator.comparingLong(MeasureMapper::dateOf));
        return result;
    }

    private static long dateOf(MeasureGroup group) {
        Long date = group.date;
        return date == null ? Long.MIN_VALUE : date;
    }

    private static @Nullable BigDecimal rawValue(MeasureGroup group, MeasureType type) {
        List<Measure> measures = group.measures;
        if (measures == null) {
            return null;
        }
        for (Measure measure : measures) {
            Integer code = measure.type;
            if (code != null && code == type.code()) {
                return measure.decodedValue();
            }
        }
        return null;
    }

    @FunctionalInterface
    private interface ValueConsumer {
        void accept(String channel, State state, BigDecimal raw);
    }

    private static void forEachValue(MeasureGroup group, ValueConsumer consumer) {
        List<Measure> measures = group.measures;
        if (measures == null) {
            return;
        }
        for (Measure measure : measures) {
            Integer code = measure.type;
            BigDecimal value = measure.decodedValue();
            if (code == null || value == null) {
                continue;
            }
            Optional<MeasureType> type = MeasureType.byCode(code);
            if (type.isEmpty()) {
                continue; // unknown types are tolerated (logged once by MeasureType)
            }
            Optional<String> channelId = type.get().channelId(measure.position);
            if (channelId.isEmpty()) {
                continue;
            }
            consumer.accept(type.get().group() + "#" + channelId.get(), toState(type.get(), value), value);
        }
    }
}
