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
package org.openhab.binding.withings.internal.dto;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

import com.google.gson.Gson;

/**
 * Tolerant parsing details of the DTOs: the {@code more} flag in all its wire forms, night events, unknown fields.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class DtoParsingTest {

    private final Gson gson = new Gson();

    @Test
    void moreFlagAcceptsIntegersBooleansStringsAndNull() {
        assertEquals(Boolean.TRUE, gson.fromJson("{\"more\":1}", MeasureBody.class).more);
        assertEquals(Boolean.FALSE, gson.fromJson("{\"more\":0}", MeasureBody.class).more);
        assertEquals(Boolean.TRUE, gson.fromJson("{\"more\":true}", MeasureBody.class).more);
        assertEquals(Boolean.FALSE, gson.fromJson("{\"more\":false}", SleepSummaryBody.class).more);
        assertEquals(Boolean.TRUE, gson.fromJson("{\"more\":\"1\"}", ActivityBody.class).more);
        assertEquals(Boolean.FALSE, gson.fromJson("{\"more\":{}}", WorkoutBody.class).more);
        assertNull(gson.fromJson("{\"more\":null}", HeartBody.class).more);
        assertNull(gson.fromJson("{}", HeartBody.class).more);
    }

    @Test
    void nightEventsAreDecodedTolerantly() {
        SleepSummaryData data = gson.fromJson(
                "{\"night_events\":{\"1\":[0],\"2\":[600,7200],\"3\":5,\"x\":[1],\"4\":\"bad\"},\"sleep_score\":81}",
                SleepSummaryData.class);
        Map<Integer, List<Long>> events = data.nightEvents();
        assertEquals(List.of(0L), events.get(1));
        assertEquals(List.of(600L, 7200L), events.get(2));
        assertEquals(List.of(5L), events.get(3));
        assertFalse(events.containsKey(4));
        assertEquals(81, data.sleepScore);
        assertTrue(gson.fromJson("{}", SleepSummaryData.class).nightEvents().isEmpty());
        assertTrue(gson.fromJson("{\"night_events\":[]}", SleepSummaryData.class).nightEvents().isEmpty());
    }

    @Test
    void unknownFieldsAndValuesAreTolerated() {
        MeasureGroup group = gson.fromJson("{\"grpid\":1,\"attrib\":10,\"category\":2,\"model\":\"Future Scale\","
                + "\"new_field\":{\"x\":1},\"measures\":[{\"value\":5,\"type\":999,\"unit\":0,\"extra\":true}]}",
                MeasureGroup.class);
        assertEquals(10, group.attrib);
        assertFalse(group.isRealMeasure());
        assertEquals(999, group.measures.get(0).type);
        SleepSummary summary = gson.fromJson("{\"completed\":1,\"data\":{\"core_body_temperature_status\":3,"
                + "\"core_body_temperature_avg\":36.6}}", SleepSummary.class);
        assertEquals(Boolean.TRUE, summary.completed);
        assertEquals("3", summary.data.coreBodyTemperatureStatus);
        assertEquals(36.6, summary.data.coreBodyTemperatureAvg);
        Device device = gson.fromJson("{\"type\":\"Smart Connected Thermometer\",\"battery\":\"medium\","
                + "\"model_id\":70,\"fw\":\"1234\"}", Device.class);
        assertEquals("medium", device.battery);
        assertEquals("1234", device.fw);
    }
}
