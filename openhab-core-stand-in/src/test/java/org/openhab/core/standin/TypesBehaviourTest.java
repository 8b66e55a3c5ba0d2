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
package org.openhab.core.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import javax.measure.quantity.Mass;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.library.unit.MetricPrefix;
import org.openhab.core.library.unit.SIUnits;
import org.openhab.core.library.unit.Units;
import org.openhab.core.types.TimeSeries;

/**
 * Behaviour of the stand-in's state types: quantities, decimals, date-times and time series.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class TypesBehaviourTest {

    @Test
    void quantityToStringShowsValueAndUnit() {
        assertEquals("70.5 kg", new QuantityType<>(70.5, SIUnits.KILOGRAM).toString());
        assertEquals("120 mmHg", new QuantityType<>(120, Units.MILLIMETRE_OF_MERCURY).toString());
        assertEquals("21.5 %", new QuantityType<>(new BigDecimal("21.5"), Units.PERCENT).toString());
        assertEquals("2100 kcal", new QuantityType<>(2100, Units.KILO_CALORIE).toString());
        assertEquals("7", new QuantityType<>(7, Units.ONE).toString());
    }

    @Test
    void quantitiesOfCompatibleUnitsAreEqualWhenTheirValuesAre() {
        QuantityType<Mass> kilo = new QuantityType<>(1, SIUnits.KILOGRAM);
        QuantityType<Mass> grams = new QuantityType<>(1000, SIUnits.GRAM);

        assertEquals(kilo, grams);
        // as in openHAB: the hash is of unit and value, so equal quantities need not hash alike
        assertNotEquals(kilo.hashCode(), grams.hashCode());
        assertEquals(new QuantityType<>("70.50 kg"), new QuantityType<>(70.5, SIUnits.KILOGRAM));
        assertNotEquals(kilo, new QuantityType<>(1, SIUnits.METRE));
        assertNotEquals(kilo, new QuantityType<>(2, SIUnits.KILOGRAM));
    }

    @Test
    void quantityConvertsUnits() {
        QuantityType<Mass> grams = new QuantityType<>(70500, SIUnits.GRAM).toUnit(SIUnits.KILOGRAM);

        assertNotNull(grams);
        assertEquals(0, new BigDecimal("70.5").compareTo(grams.toBigDecimal()));
        assertEquals(SIUnits.KILOGRAM, grams.getUnit());
        assertEquals(3, new QuantityType<>(3000, MetricPrefix.MILLI(Units.SECOND)).toUnit(Units.SECOND).intValue());
        assertEquals(new QuantityType<>(2, Units.HOUR), new QuantityType<>(120, Units.MINUTE));
    }

    @Test
    void quantityParsesUnitsOpenHabUses() {
        assertEquals(Units.MILLIMETRE_OF_MERCURY, new QuantityType<>("80 mmHg").getUnit());
        assertEquals(SIUnits.CELSIUS, new QuantityType<>("36.6 °C").getUnit());
        assertEquals(Units.PERCENT, new QuantityType<>("12 %").getUnit());
        assertThrows(IllegalArgumentException.class, () -> new QuantityType<>("12 nonsense"));
    }

    @Test
    void decimalAndStringEquality() {
        assertEquals(new DecimalType("1.50"), new DecimalType(1.5));
        assertEquals("1.50", new DecimalType("1.50").toString());
        assertEquals(new StringType("x"), StringType.valueOf("x"));
    }

    @Test
    void dateTimeKeepsTheInstant() {
        Instant instant = Instant.parse("2024-05-01T06:30:00Z");
        DateTimeType dateTime = new DateTimeType(instant);

        assertEquals(instant, dateTime.getInstant());
        assertEquals(new DateTimeType(instant.atZone(ZoneId.of("Europe/Paris"))), dateTime);
        assertEquals(instant, new DateTimeType("2024-05-01T08:30:00+0200").getInstant());
        assertEquals("2024-05-01T08:30:00.000+0200", dateTime.toFullString(ZoneId.of("Europe/Paris")));
    }

    @Test
    void timeSeriesIsSortedByTimestamp() {
        TimeSeries series = new TimeSeries(TimeSeries.Policy.ADD);
        Instant later = Instant.parse("2024-05-02T00:00:00Z");
        Instant earlier = Instant.parse("2024-05-01T00:00:00Z");
        series.add(later, new DecimalType(2));
        series.add(earlier, new DecimalType(1));

        assertEquals(2, series.size());
        assertEquals(earlier, series.getBegin());
        assertEquals(later, series.getEnd());
        assertEquals(List.of(new TimeSeries.Entry(earlier, new DecimalType(1)),
                new TimeSeries.Entry(later, new DecimalType(2))), series.getStates().toList());
    }
}
