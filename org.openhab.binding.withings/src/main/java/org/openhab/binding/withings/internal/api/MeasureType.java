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

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.measure.Unit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.library.unit.MetricPrefix;
import org.openhab.core.library.unit.SIUnits;
import org.openhab.core.library.unit.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalogue of Withings measure types ({@code meastype}) the binding maps: code, channel group, channel id
 * (fixed, used by the OH-INF channel types), openHAB unit and item type. Decoding is exact:
 * {@code value × 10^unit} with {@link BigDecimal#scaleByPowerOfTen(int)}. Segmental composition (173/174/175)
 * is addressed by code and position through {@link #channelId(int, Integer)}. Unknown codes are tolerated
 * ({@link #byCode(int)} is empty; logged once per code at debug level).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public enum MeasureType {
    WEIGHT(1, "body", "weight", UnitKind.KILOGRAM, "Number:Mass"),
    HEIGHT(4, "body", "height", UnitKind.METRE, "Number:Length"),
    FAT_FREE_MASS(5, "body", "fat-free-mass", UnitKind.KILOGRAM, "Number:Mass"),
    FAT_RATIO(6, "body", "fat-ratio", UnitKind.PERCENT, "Number:Dimensionless"),
    FAT_MASS(8, "body", "fat-mass", UnitKind.KILOGRAM, "Number:Mass"),
    DIASTOLIC(9, "heart", "diastolic", UnitKind.MMHG, "Number:Pressure"),
    SYSTOLIC(10, "heart", "systolic", UnitKind.MMHG, "Number:Pressure"),
    HEART_PULSE(11, "heart", "heart-pulse", UnitKind.NONE, "Number"),
    TEMPERATURE(12, "heart", "temperature", UnitKind.CELSIUS, "Number:Temperature"),
    SPO2(54, "heart", "spo2", UnitKind.PERCENT, "Number:Dimensionless"),
    BODY_TEMPERATURE(71, "heart", "body-temperature", UnitKind.CELSIUS, "Number:Temperature"),
    SKIN_TEMPERATURE(73, "heart", "skin-temperature", UnitKind.CELSIUS, "Number:Temperature"),
    MUSCLE_MASS(76, "body", "muscle-mass", UnitKind.KILOGRAM, "Number:Mass"),
    /** Body-water mass in kg (not a percentage). */
    HYDRATION(77, "body", "hydration", UnitKind.KILOGRAM, "Number:Mass"),
    BONE_MASS(88, "body", "bone-mass", UnitKind.KILOGRAM, "Number:Mass"),
    PULSE_WAVE_VELOCITY(91, "heart", "pulse-wave-velocity", UnitKind.METRE_PER_SECOND, "Number:Speed"),
    /** ml/min/kg; no core unit. */
    VO2_MAX(123, "heart", "vo2-max", UnitKind.NONE, "Number"),
    /** ECG AFib classification; a String state with {@link #afibLabel(int)}. */
    AFIB_RESULT(130, "heart", "afib-result", UnitKind.NONE, "String"),
    QRS_INTERVAL(135, "heart", "qrs-interval", UnitKind.MILLISECOND, "Number:Time"),
    PR_INTERVAL(136, "heart", "pr-interval", UnitKind.MILLISECOND, "Number:Time"),
    QT_INTERVAL(137, "heart", "qt-interval", UnitKind.MILLISECOND, "Number:Time"),
    QTC_INTERVAL(138, "heart", "qtc-interval", UnitKind.MILLISECOND, "Number:Time"),
    /** PPG AFib classification; a String state with {@link #afibLabel(int)}. */
    AFIB_PPG_RESULT(139, "heart", "afib-ppg-result", UnitKind.NONE, "String"),
    /** Years. */
    VASCULAR_AGE(155, "heart", "vascular-age", UnitKind.NONE, "Number"),
    NERVE_HEALTH_LEFT(158, "heart", "nerve-health-left", UnitKind.NONE, "Number"),
    NERVE_HEALTH_RIGHT(159, "heart", "nerve-health-right", UnitKind.NONE, "Number"),
    NERVE_HEALTH_FEET(167, "heart", "nerve-health-feet", UnitKind.NONE, "Number"),
    EXTRACELLULAR_WATER(168, "body", "extracellular-water", UnitKind.KILOGRAM, "Number:Mass"),
    INTRACELLULAR_WATER(169, "body", "intracellular-water", UnitKind.KILOGRAM, "Number:Mass"),
    /** Index, unit-less. */
    VISCERAL_FAT(170, "body", "visceral-fat", UnitKind.NONE, "Number"),
    /** Segmental: channel id {@code fat-free-mass-<segment>}. */
    SEGMENT_FAT_FREE_MASS(173, "body", "fat-free-mass", UnitKind.KILOGRAM, "Number:Mass"),
    /** Segmental: channel id {@code fat-mass-<segment>}. */
    SEGMENT_FAT_MASS(174, "body", "fat-mass", UnitKind.KILOGRAM, "Number:Mass"),
    /** Segmental: channel id {@code muscle-mass-<segment>}. */
    SEGMENT_MUSCLE_MASS(175, "body", "muscle-mass", UnitKind.KILOGRAM, "Number:Mass"),
    ELECTRODERMAL_ACTIVITY_FEET(196, "heart", "electrodermal-activity-feet", UnitKind.PERCENT,
            "Number:Dimensionless"),
    ELECTRODERMAL_ACTIVITY_LEFT(197, "heart", "electrodermal-activity-left", UnitKind.PERCENT,
            "Number:Dimensionless"),
    ELECTRODERMAL_ACTIVITY_RIGHT(198, "heart", "electrodermal-activity-right", UnitKind.PERCENT,
            "Number:Dimensionless"),
    /** kcal/day; no core unit for a rate of energy per day. */
    BASAL_METABOLIC_RATE(226, "body", "basal-metabolic-rate", UnitKind.NONE, "Number"),
    /** Years. */
    METABOLIC_AGE(227, "body", "metabolic-age", UnitKind.NONE, "Number"),
    /** Electrochemical skin conductance, undocumented scale. */
    SKIN_CONDUCTANCE(229, "heart", "skin-conductance", UnitKind.NONE, "Number");

    /** Channel group of body composition. */
    public static final String GROUP_BODY = "body";
    /** Channel group of cardiovascular and other health measures. */
    public static final String GROUP_HEART = "heart";

    /** The positions of segmental composition and their channel id suffix. */
    public static final Map<Integer, String> SEGMENTS;
    /** AFib classification codes (130, 139 and the heart list's {@code afib}) and their English labels. */
    public static final Map<Integer, String> AFIB_LABELS;

    static {
        Map<Integer, String> segments = new LinkedHashMap<>();
        segments.put(12, "torso");
        segments.put(3, "left-arm");
        segments.put(2, "right-arm");
        segments.put(10, "left-leg");
        segments.put(11, "right-leg");
        SEGMENTS = Collections.unmodifiableMap(segments);
        Map<Integer, String> afib = new LinkedHashMap<>();
        // the same labels as the state options of the afib-result and afib-ppg-result channel types
        afib.put(0, "Negative");
        afib.put(1, "Positive (AFib)");
        afib.put(2, "Inconclusive");
        afib.put(3, "No Signal");
        afib.put(4, "Other");
        afib.put(5, "Noisy Signal");
        afib.put(6, "Low Heart Rate");
        afib.put(7, "High Heart Rate");
        for (int code = 8; code <= 13; code++) {
            afib.put(code, "Result Code " + code); // variants Withings does not describe
        }
        AFIB_LABELS = Collections.unmodifiableMap(afib);
    }

    /**
     * The unit of a type, resolved lazily so the catalogue itself never depends on unit initialisation.
     */
    enum UnitKind {
        NONE,
        KILOGRAM,
        METRE,
        PERCENT,
        MMHG,
        CELSIUS,
        METRE_PER_SECOND,
        MILLISECOND
    }

    private final int code;
    private final String group;
    private final String channelId;
    private final UnitKind unitKind;
    private final String itemType;

    MeasureType(int code, String group, String channelId, UnitKind unitKind, String itemType) {
        this.code = code;
        this.group = group;
        this.channelId = channelId;
        this.unitKind = unitKind;
        this.itemType = itemType;
    }

    /**
     * @return the Withings meastype code
     */
    public int code() {
        return code;
    }

    /**
     * @return the channel group ({@link #GROUP_BODY} or {@link #GROUP_HEART})
     */
    public String group() {
        return group;
    }

    /**
     * @return the channel id; for segmental types the prefix that {@link #channelId(int, Integer)} completes
     */
    public String channelId() {
        return channelId;
    }

    /**
     * @return the openHAB item type, e.g. {@code Number:Mass}
     */
    public String itemType() {
        return itemType;
    }

    /**
     * @return true for the segmental composition types 173, 174 and 175
     */
    public boolean isSegmental() {
        return code == 173 || code == 174 || code == 175;
    }

    /**
     * @return true for the classification types (130, 139) whose state is a mapped String
     */
    public boolean isClassification() {
        return code == 130 || code == 139;
    }

    /**
     * @return the openHAB unit of the decoded value, or null for plain numbers (and classifications)
     */
    public @Nullable Unit<?> unit() {
        return switch (unitKind) {
            case NONE -> null;
            case KILOGRAM -> SIUnits.KILOGRAM;
            case METRE -> SIUnits.METRE;
            case PERCENT -> Units.PERCENT;
            case MMHG -> Units.MILLIMETRE_OF_MERCURY;
            case CELSIUS -> SIUnits.CELSIUS;
            case METRE_PER_SECOND -> Units.METRE_PER_SECOND;
            case MILLISECOND -> MetricPrefix.MILLI(Units.SECOND);
        };
    }

    /**
     * @param position the measure's position, or null
     * @return the channel id of this type at that position: for segmental types only the five segments of
     *         {@link #SEGMENTS} have a channel (empty otherwise, e.g. whole body position 6/7 or none); for the
     *         other types the position does not matter
     */
    public Optional<String> channelId(@Nullable Integer position) {
        if (!isSegmental()) {
            return Optional.of(channelId);
        }
        if (position == null) {
            return Optional.empty();
        }
        String segment = SEGMENTS.get(position);
        return segment == null ? Optional.empty() : Optional.of(channelId + "-" + segment);
    }

    /**
     * @return the channel id of a code at a position, or empty for unknown codes and unmapped positions
     */
    public static Optional<String> channelId(int code, @Nullable Integer position) {
        return byCode(code).flatMap(type -> type.channelId(position));
    }

    /**
     * @return every channel id of the catalogue within one group (segmental types expanded to their 5 segments)
     */
    public static Set<String> channelIds(String group) {
        Set<String> ids = new LinkedHashSet<>();
        for (MeasureType type : values()) {
            if (type.group.equals(group)) {
                if (type.isSegmental()) {
                    for (String segment : SEGMENTS.values()) {
                        ids.add(type.channelId + "-" + segment);
                    }
                } else {
                    ids.add(type.channelId);
                }
            }
        }
        return ids;
    }

    /**
     * @return the type of a code, or empty for unknown/legacy codes (logged once per code at debug level)
     */
    public static Optional<MeasureType> byCode(int code) {
        MeasureType type = Lookup.BY_CODE.get(code);
        if (type == null) {
            if (Lookup.LOGGED_UNKNOWN.add(code)) {
                Lookup.LOGGER.debug("Ignoring unknown Withings measure type {}", code);
            }
            return Optional.empty();
        }
        return Optional.of(type);
    }

    /**
     * Decodes a raw Withings value exactly.
     *
     * @return {@code value × 10^unit}, e.g. 70500 and -3 give 70.5
     */
    public static BigDecimal decode(long value, int unit) {
        return BigDecimal.valueOf(value).scaleByPowerOfTen(unit);
    }

    /**
     * @return the English label of an AFib classification code, or "Unknown (n)"
     */
    public static String afibLabel(int code) {
        String label = AFIB_LABELS.get(code);
        return label != null ? label : "Unknown (" + code + ")";
    }

    /** The types by code, built once; unknown codes are logged once. */
    private static final class Lookup {
        private static final Logger LOGGER = LoggerFactory.getLogger(MeasureType.class);
        private static final Map<Integer, MeasureType> BY_CODE = new HashMap<>();
        private static final Set<Integer> LOGGED_UNKNOWN = ConcurrentHashMap.newKeySet();

        static {
            for (MeasureType type : values()) {
                BY_CODE.put(type.code, type);
            }
        }
    }
}
