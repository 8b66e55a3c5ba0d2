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

import javax.measure.Unit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;

/**
 * Small helpers turning Withings values into openHAB states; every missing or "not measured" value becomes
 * {@link UnDefType#UNDEF}, never a fake 0.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class States {

    private States() {
    }

    /** A quantity, or UNDEF when absent or negative (Withings uses -1 for "not computed"). */
    public static State quantity(@Nullable Number value, Unit<?> unit) {
        BigDecimal decimal = decimal(value);
        return decimal == null || decimal.signum() < 0 ? UnDefType.UNDEF : new QuantityType<>(decimal, unit);
    }

    /** A quantity, or UNDEF when absent, negative or 0 (fields where 0 means "not measured"). */
    public static State positiveQuantity(@Nullable Number value, Unit<?> unit) {
        BigDecimal decimal = decimal(value);
        return decimal == null || decimal.signum() <= 0 ? UnDefType.UNDEF : new QuantityType<>(decimal, unit);
    }

    /** A plain number, or UNDEF when absent or negative. */
    public static State number(@Nullable Number value) {
        BigDecimal decimal = decimal(value);
        return decimal == null || decimal.signum() < 0 ? UnDefType.UNDEF : new DecimalType(decimal);
    }

    /** A plain number, or UNDEF when absent, negative or 0 (fields where 0 means "not measured"). */
    public static State positiveNumber(@Nullable Number value) {
        BigDecimal decimal = decimal(value);
        return decimal == null || decimal.signum() <= 0 ? UnDefType.UNDEF : new DecimalType(decimal);
    }

    /** A date-time from unix seconds in the given zone, or UNDEF when absent. */
    public static State dateTime(@Nullable Long epochSeconds, ZoneId zone) {
        return epochSeconds == null ? UnDefType.UNDEF : dateTime(Instant.ofEpochSecond(epochSeconds), zone);
    }

    /** A date-time in the given zone. */
    public static State dateTime(Instant instant, ZoneId zone) {
        return new DateTimeType(instant.atZone(zone));
    }

    /** The zone named by Withings, or the fallback when absent or unknown. */
    public static ZoneId zone(@Nullable String timezone, ZoneId fallback) {
        if (timezone == null || timezone.isBlank()) {
            return fallback;
        }
        try {
            return ZoneId.of(timezone);
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    static @Nullable BigDecimal decimal(@Nullable Number value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal bd) {
            return bd;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = value.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        return BigDecimal.valueOf(value.longValue());
    }
}
