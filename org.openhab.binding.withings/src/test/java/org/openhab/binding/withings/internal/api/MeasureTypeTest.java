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

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openhab.binding.withings.internal.dto.GoalWeight;
import org.openhab.binding.withings.internal.dto.Measure;
import org.openhab.core.library.unit.MetricPrefix;
import org.openhab.core.library.unit.SIUnits;
import org.openhab.core.library.unit.Units;

/**
 * The measure catalogue: channel ids exactly as fixed in the brief, units, segmental mapping, exact decoding,
 * AFib labels, attrib policy, and tolerance of unknown codes.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class MeasureTypeTest {

    @ParameterizedTest
    @CsvSource({ "70500, -3, 70.5", "118003, -3, 118.003", "70, 0, 70", "95, -2, 0.95", "21349, -3, 21.349",
            "5, 2, 500", "-12, -1, -1.2", "0, 0, 0", "1, -9, 0.000000001", "2252, 0, 2252", "54897, -3, 54.897" })
    void decodesExactly(long value, int unit, String expected) {
        BigDecimal decoded = MeasureType.decode(value, unit);
        // scale-independent comparison: 70.500 equals 70.5
        assertEquals(0, new BigDecimal(expected).compareTo(decoded), decoded.toPlainString());
        Measure measure = new Measure();
        measure.value = value;
        measure.unit = unit;
        assertEquals(0, new BigDecimal(expected).compareTo(measure.decodedValue()));
        GoalWeight goal = new GoalWeight();
        goal.value = value;
        goal.unit = unit;
        assertEquals(0, new BigDecimal(expected).compareTo(goal.decodedValue()));
    }

    @Test
    void decodingHasNoFloatRounding() {
        assertEquals("70.5", MeasureType.decode(70500, -3).stripTrailingZeros().toPlainString());
        assertEquals("0.1", MeasureType.decode(1, -1).toPlainString());
        assertEquals(new BigDecimal("0.3"), MeasureType.decode(3, -1));
        assertEquals(new BigDecimal("70.500"), MeasureType.decode(70500, -3));
        Measure missing = new Measure();
        assertNull(missing.decodedValue());
    }

    @Test
    void channelIdsAreExactlyTheFixedOnes() {
        Map<Integer, String> body = new LinkedHashMap<>();
        body.put(1, "weight");
        body.put(4, "height");
        body.put(5, "fat-free-mass");
        body.put(6, "fat-ratio");
        body.put(8, "fat-mass");
        body.put(76, "muscle-mass");
        body.put(77, "hydration");
        body.put(88, "bone-mass");
        body.put(170, "visceral-fat");
        body.put(168, "extracellular-water");
        body.put(169, "intracellular-water");
        body.put(226, "basal-metabolic-rate");
        body.put(227, "metabolic-age");
        Map<Integer, String> heart = new LinkedHashMap<>();
        heart.put(10, "systolic");
        heart.put(9, "diastolic");
        heart.put(11, "heart-pulse");
        heart.put(54, "spo2");
        heart.put(91, "pulse-wave-velocity");
        heart.put(155, "vascular-age");
        heart.put(123, "vo2-max");
        heart.put(71, "body-temperature");
        heart.put(73, "skin-temperature");
        heart.put(12, "temperature");
        heart.put(130, "afib-result");
        heart.put(139, "afib-ppg-result");
        heart.put(135, "qrs-interval");
        heart.put(136, "pr-interval");
        heart.put(137, "qt-interval");
        heart.put(138, "qtc-interval");
        heart.put(158, "nerve-health-left");
        heart.put(159, "nerve-health-right");
        heart.put(167, "nerve-health-feet");
        heart.put(196, "electrodermal-activity-feet");
        heart.put(197, "electrodermal-activity-left");
        heart.put(198, "electrodermal-activity-right");
        heart.put(229, "skin-conductance");
        body.forEach((code, id) -> {
            MeasureType type = MeasureType.byCode(code).orElseThrow();
            assertEquals(id, type.channelId(), "code " + code);
            assertEquals("body", type.group());
            assertEquals(Optional.of(id), MeasureType.channelId(code, null));
        });
        heart.forEach((code, id) -> {
            MeasureType type = MeasureType.byCode(code).orElseThrow();
            assertEquals(id, type.channelId(), "code " + code);
            assertEquals("heart", type.group());
        });
        // the catalogue holds these plus the three segmental types, nothing else
        assertEquals(body.size() + heart.size() + 3, MeasureType.values().length);
        Set<Integer> codes = new HashSet<>();
        for (MeasureType type : MeasureType.values()) {
            assertTrue(codes.add(type.code()), "duplicate code " + type.code());
        }
        Set<String> bodyIds = MeasureType.channelIds("body");
        assertEquals(body.size() + 15, bodyIds.size());
        assertEquals(heart.size(), MeasureType.channelIds("heart").size());
    }

    @ParameterizedTest
    @CsvSource({ "173, 12, fat-free-mass-torso", "173, 3, fat-free-mass-left-arm", "173, 2, fat-free-mass-right-arm",
            "173, 10, fat-free-mass-left-leg", "173, 11, fat-free-mass-right-leg", "174, 12, fat-mass-torso",
            "174, 3, fat-mass-left-arm", "174, 2, fat-mass-right-arm", "174, 10, fat-mass-left-leg",
            "174, 11, fat-mass-right-leg", "175, 12, muscle-mass-torso", "175, 3, muscle-mass-left-arm",
            "175, 2, muscle-mass-right-arm", "175, 10, muscle-mass-left-leg", "175, 11, muscle-mass-right-leg" })
    void segmentalMapping(int code, int position, String channelId) {
        assertEquals(Optional.of(channelId), MeasureType.channelId(code, position));
        MeasureType type = MeasureType.byCode(code).orElseThrow();
        assertTrue(type.isSegmental());
        assertEquals(SIUnits.KILOGRAM, type.unit());
    }

    @Test
    void segmentalWithoutSegmentPositionHasNoChannel() {
        assertEquals(Optional.empty(), MeasureType.channelId(173, null));
        assertEquals(Optional.empty(), MeasureType.channelId(174, 7));
        assertEquals(Optional.empty(), MeasureType.channelId(175, 6));
        assertEquals(Optional.of("fat-mass"), MeasureType.channelId(8, 7));
        assertEquals(Optional.of("extracellular-water"), MeasureType.channelId(168, 6));
    }

    @Test
    void unitsAndItemTypes() {
        assertEquals(SIUnits.KILOGRAM, MeasureType.WEIGHT.unit());
        assertEquals("Number:Mass", MeasureType.WEIGHT.itemType());
        assertEquals(SIUnits.METRE, MeasureType.HEIGHT.unit());
        assertEquals(Units.PERCENT, MeasureType.FAT_RATIO.unit());
        assertEquals(Units.PERCENT, MeasureType.SPO2.unit());
        assertEquals(SIUnits.KILOGRAM, MeasureType.HYDRATION.unit());
        assertEquals(Units.MILLIMETRE_OF_MERCURY, MeasureType.SYSTOLIC.unit());
        assertEquals("Number:Pressure", MeasureType.DIASTOLIC.itemType());
        assertEquals(SIUnits.CELSIUS, MeasureType.BODY_TEMPERATURE.unit());
        assertEquals(Units.METRE_PER_SECOND, MeasureType.PULSE_WAVE_VELOCITY.unit());
        assertEquals(MetricPrefix.MILLI(Units.SECOND), MeasureType.QT_INTERVAL.unit());
        assertEquals("Number:Time", MeasureType.QRS_INTERVAL.itemType());
        assertEquals(Units.PERCENT, MeasureType.ELECTRODERMAL_ACTIVITY_FEET.unit());
        assertNull(MeasureType.HEART_PULSE.unit());
        assertEquals("Number", MeasureType.HEART_PULSE.itemType());
        assertNull(MeasureType.BASAL_METABOLIC_RATE.unit());
        assertNull(MeasureType.VISCERAL_FAT.unit());
        assertEquals("String", MeasureType.AFIB_RESULT.itemType());
        assertTrue(MeasureType.AFIB_PPG_RESULT.isClassification());
        for (MeasureType type : MeasureType.values()) {
            if (type.itemType().startsWith("Number:")) {
                assertNotNull(type.unit(), type.name());
            } else {
                assertNull(type.unit(), type.name());
            }
        }
    }

    @Test
    void unknownCodesAreToleratedRepeatedly() {
        for (int code : new int[] { 7, 13, 22, 35, 57, 93, 94, 95, 121, 0, -5, 100000 }) {
            assertEquals(Optional.empty(), MeasureType.byCode(code));
            assertEquals(Optional.empty(), MeasureType.byCode(code));
            assertEquals(Optional.empty(), MeasureType.channelId(code, null));
        }
    }

    @Test
    void afibLabels() {
        assertEquals("Negative", MeasureType.afibLabel(0));
        assertEquals("Positive (AFib)", MeasureType.afibLabel(1));
        assertEquals("Inconclusive", MeasureType.afibLabel(2));
        for (int code = 0; code <= 13; code++) {
            assertTrue(MeasureType.AFIB_LABELS.containsKey(code));
        }
        assertEquals("Unknown (42)", MeasureType.afibLabel(42));
    }

    @Test
    void attribPolicy() {
        AttribPolicy policy = AttribPolicy.DEFAULT;
        for (int attrib : new int[] { 0, 2, 4, 5, 7, 8, 15, 17 }) {
            assertTrue(policy.accepts(attrib), "attrib " + attrib);
        }
        assertFalse(policy.accepts(1));
        assertTrue(new AttribPolicy(true, true).accepts(1));
        // undocumented attribs are tolerated (used by default, configurable), never thrown
        assertTrue(policy.accepts(3));
        assertTrue(policy.accepts(10));
        assertTrue(policy.accepts(10));
        assertFalse(new AttribPolicy(false, false).accepts(10));
        assertTrue(policy.accepts((Integer) null));
    }

    @Test
    void notifyAppliCatalogue() {
        assertEquals("user.sleepevents", NotifyAppli.byCode(50).orElseThrow().scope());
        assertEquals("user.metrics", NotifyAppli.byCode(1).orElseThrow().scope());
        assertEquals("user.activity", NotifyAppli.byCode(44).orElseThrow().scope());
        assertTrue(NotifyAppli.byCode(77).isEmpty());
        assertTrue(NotifyAppli.byCode(77).isEmpty());
    }
}
