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

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.api.AttribPolicy;
import org.openhab.binding.withings.internal.api.MeasureResult;
import org.openhab.binding.withings.internal.dto.Measure;
import org.openhab.binding.withings.internal.dto.MeasureBody;
import org.openhab.binding.withings.internal.dto.MeasureGroup;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.library.unit.SIUnits;
import org.openhab.core.library.unit.Units;
import org.openhab.core.types.State;
import org.openhab.core.types.TimeSeries;
import org.openhab.core.types.UnDefType;

/**
 * Maps the getmeas fixtures to body and heart channel states, time series and BMI.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class MeasureMapperTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private final MeasureMapper mapper = new MeasureMapper(AttribPolicy.DEFAULT, ZONE);

    private static List<MeasureGroup> normalized(List<MeasureGroup> groups) {
        return new MeasureResult(groups, null, null, true).normalizedGroups();
    }

    private static State kg(String value) {
        return new QuantityType<>(new BigDecimal(value), SIUnits.KILOGRAM);
    }

    @Test
    void homeAssistantWeightThenIncrementalBatch() throws Exception {
        List<MeasureGroup> first = normalized(
                Fixtures.list("home-assistant/measurements.json", "measuregrps", MeasureGroup.class));
        MeasureMapper.Result result = mapper.map(List.of(), first);
        ChannelData data = result.data();

        assertEquals(kg("70"), data.get("body#weight"));
        assertEquals(new QuantityType<>(BigDecimal.valueOf(2), SIUnits.METRE), data.get("body#height"));
        assertEquals(new DecimalType(new BigDecimal("17.5")), data.get("body#bmi"));
        assertEquals(kg("5"), data.get("body#fat-mass"));
        assertEquals(new QuantityType<>(new BigDecimal("0.070"), Units.PERCENT), data.get("body#fat-ratio"));
        assertEquals(new QuantityType<>(BigDecimal.valueOf(100), Units.MILLIMETRE_OF_MERCURY),
                data.get("heart#systolic"));
        assertEquals(new DecimalType(60), data.get("heart#heart-pulse"));
        assertEquals(new QuantityType<>(BigDecimal.valueOf(40), SIUnits.CELSIUS), data.get("heart#temperature"));
        assertEquals(new QuantityType<>(BigDecimal.valueOf(100), Units.METRE_PER_SECOND),
                data.get("heart#pulse-wave-velocity"));
        assertEquals(new DateTimeType(Instant.ofEpochSecond(1564660800).atZone(ZONE)),
                data.get("body#last-measured"));
        // channels never measured get no state here (the handler keeps them UNDEF)
        assertNull(data.get("body#fat-mass-torso"));

        // history: both attributed weighings at the time they were taken, the ambiguous one left out
        TimeSeries weights = data.seriesOf("body#weight");
        assertNotNull(weights);
        assertEquals(TimeSeries.Policy.ADD, weights.getPolicy());
        List<TimeSeries.Entry> entries = weights.getStates().toList();
        assertEquals(2, entries.size());
        assertEquals(Instant.ofEpochSecond(1564657200), entries.get(0).timestamp());
        assertEquals(kg("71"), entries.get(0).state());
        assertEquals(Instant.ofEpochSecond(1564660800), entries.get(1).timestamp());
        assertEquals(kg("70"), entries.get(1).state());

        // incremental batch: 71 kg, BMI from the new weight and the known height
        List<MeasureGroup> batch = normalized(
                Fixtures.list("home-assistant/measurements_1.json", "measuregrps", MeasureGroup.class));
        MeasureMapper.Result second = mapper.map(result.retained(), batch);
        assertEquals(kg("71"), second.data().get("body#weight"));
        assertEquals(new DecimalType(new BigDecimal("17.8")), second.data().get("body#bmi"));
        TimeSeries newWeights = second.data().seriesOf("body#weight");
        assertNotNull(newWeights);
        assertEquals(1, newWeights.size());
        assertEquals(Instant.ofEpochSecond(1618605055), newWeights.getStates().toList().get(0).timestamp());
        assertEquals(new DateTimeType(Instant.ofEpochSecond(1618605055).atZone(ZONE)),
                second.data().get("body#last-measured"));
    }

    @Test
    void ambiguousMeasuresOnlyWhenIncluded() throws Exception {
        List<MeasureGroup> groups = normalized(
                Fixtures.list("home-assistant/measurements.json", "measuregrps", MeasureGroup.class));
        ChannelData excluded = mapper.map(List.of(), groups).data();
        assertEquals(kg("70"), excluded.get("body#weight"));

        ChannelData included = new MeasureMapper(new AttribPolicy(true, true), ZONE).map(List.of(), groups).data();
        assertEquals(kg("71"), included.get("body#weight"));
        TimeSeries weights = included.seriesOf("body#weight");
        assertNotNull(weights);
        assertEquals(3, weights.size());
    }

    @Test
    void legacyHomeAssistantCaptures() throws Exception {
        MeasureBody body = Fixtures.object(Fixtures.body("home-assistant/legacy/get_meas.json"), MeasureBody.class);
        MeasureMapper.Result first = mapper.map(List.of(), normalized(body.measuregrps));
        assertEquals(kg("70"), first.data().get("body#weight"));
        MeasureMapper.Result second = mapper.map(first.retained(),
                normalized(Fixtures.list("home-assistant/legacy/get_meas_1.json", "measuregrps", MeasureGroup.class)));
        assertEquals(kg("71"), second.data().get("body#weight"));
    }

    @Test
    void aiowithingsMeasurement() throws Exception {
        List<MeasureGroup> groups = normalized(
                Fixtures.list("aiowithings/measurement.json", "measuregrps", MeasureGroup.class));
        ChannelData data = mapper.map(List.of(), groups).data();
        assertEquals(kg("118.003"), data.get("body#weight"));
        // no height known: no BMI
        assertEquals(UnDefType.UNDEF, data.get("body#bmi"));
        TimeSeries weights = data.seriesOf("body#weight");
        assertNotNull(weights);
        assertEquals(1, weights.size());
        assertEquals(Instant.ofEpochSecond(1693651151), weights.getStates().toList().get(0).timestamp());
    }

    @Test
    void aiowithingsBodyScanList() throws Exception {
        List<MeasureGroup> groups = normalized(
                Fixtures.list("aiowithings/measurement_list_2.json", "measuregrps", MeasureGroup.class));
        ChannelData data = mapper.map(List.of(), groups).data();

        assertEquals(kg("94.667"), data.get("body#weight"));
        assertEquals(new DecimalType(new BigDecimal("3.1")), data.get("body#visceral-fat"));
        assertEquals(kg("39.76"), data.get("body#fat-free-mass-torso"));
        assertEquals(kg("14.09"), data.get("body#fat-free-mass-right-leg"));
        assertEquals(kg("10.92"), data.get("body#fat-mass-torso"));
        assertEquals(kg("21.25"), data.get("body#extracellular-water"));
        // AFib classification as its code (the channel options carry the label); heart pulse from the ECG
        assertEquals(new StringType("8"), data.get("heart#afib-result"));
        assertEquals(new DecimalType(111), data.get("heart#heart-pulse"));
        assertEquals(new QuantityType<>(new BigDecimal("63.692"), Units.PERCENT),
                data.get("heart#electrodermal-activity-right"));
        assertEquals(new DateTimeType(Instant.ofEpochSecond(1706241995).atZone(ZONE)),
                data.get("body#last-measured"));
        assertEquals(new DateTimeType(Instant.ofEpochSecond(1706145126).atZone(ZONE)),
                data.get("heart#last-measured"));
        // pulse wave velocity and vascular age come with attrib 8 (a documented user attribution)
        assertEquals(new DecimalType(new BigDecimal("46.5")), data.get("heart#vascular-age"));
        assertNotNull(data.get("body#basal-metabolic-rate"));
        assertInstanceOf(DecimalType.class, data.get("body#basal-metabolic-rate"));
        // every weighing is in the history, oldest first
        TimeSeries weights = data.seriesOf("body#weight");
        assertNotNull(weights);
        List<TimeSeries.Entry> entries = weights.getStates().toList();
        assertEquals(Instant.ofEpochSecond(1706241995), entries.get(entries.size() - 1).timestamp());
        for (int i = 1; i < entries.size(); i++) {
            assertFalse(entries.get(i).timestamp().isBefore(entries.get(i - 1).timestamp()));
        }
    }

    @Test
    void unknownMeasureTypeIsTolerated() {
        MeasureGroup group = group(1700000000L, 0, measure(9999, 5, 0), measure(1, 80500, -3));
        ChannelData data = mapper.map(List.of(), List.of(group)).data();
        assertEquals(kg("80.500"), data.get("body#weight"));
        assertEquals(UnDefType.UNDEF, data.get("body#bmi")); // no height known
        assertEquals(3, data.states().size()); // weight, bmi and last-measured only
    }

    @Test
    void objectivesAreNotMeasurements() {
        MeasureGroup objective = group(1700000000L, 0, measure(1, 65, 0));
        objective.category = 2;
        ChannelData data = mapper.map(List.of(), List.of(objective)).data();
        assertNull(data.get("body#weight"));
    }

    @Test
    void olderBatchDoesNotReplaceNewerValue() {
        MeasureMapper.Result first = mapper.map(List.of(), List.of(group(1700000000L, 0, measure(1, 80, 0))));
        MeasureMapper.Result late = mapper.map(first.retained(), List.of(group(1600000000L, 0, measure(1, 90, 0))));
        assertEquals(kg("80"), late.data().get("body#weight"));
        TimeSeries series = late.data().seriesOf("body#weight");
        assertNotNull(series);
        assertEquals(Instant.ofEpochSecond(1600000000L), series.getStates().toList().get(0).timestamp());
    }

    static MeasureGroup group(long date, int attrib, Measure... measures) {
        MeasureGroup group = new MeasureGroup();
        group.grpid = date;
        group.date = date;
        group.attrib = attrib;
        group.category = 1;
        group.measures = new ArrayList<>(List.of(measures));
        return group;
    }

    static Measure measure(int type, long value, int unit) {
        Measure measure = new Measure();
        measure.type = type;
        measure.value = value;
        measure.unit = unit;
        return measure;
    }
}
