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
package org.openhab.core.library.types;

import static org.eclipse.jdt.annotation.DefaultLocation.FIELD;
import static org.eclipse.jdt.annotation.DefaultLocation.PARAMETER;
import static org.eclipse.jdt.annotation.DefaultLocation.RETURN_TYPE;
import static org.eclipse.jdt.annotation.DefaultLocation.TYPE_ARGUMENT;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.IllegalFormatConversionException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.measure.Dimension;
import javax.measure.IncommensurableException;
import javax.measure.Quantity;
import javax.measure.UnconvertibleException;
import javax.measure.Unit;
import javax.measure.UnitConverter;
import javax.measure.quantity.Dimensionless;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.library.unit.MetricPrefix;
import org.openhab.core.library.unit.Units;
import org.openhab.core.types.Command;
import org.openhab.core.types.PrimitiveType;
import org.openhab.core.types.State;

import tech.units.indriya.format.SimpleUnitFormat;
import tech.units.indriya.function.RationalNumber;

/**
 * Compile-time stand-in mirroring org.openhab.core.library.types.QuantityType of openHAB core 5.2.1; never shipped.
 * A {@link BigDecimal} value with a javax.measure {@link Unit}; two quantities are equal when their units are
 * compatible and their values compare equal after conversion, as in openHAB.
 *
 * @param <T> the quantity
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault({ PARAMETER, RETURN_TYPE, FIELD, TYPE_ARGUMENT })
public class QuantityType<T extends Quantity<T>> extends Number
        implements PrimitiveType, State, Command, Comparable<QuantityType<T>> {

    private static final long serialVersionUID = 1L;
    private static final String UNIT_PLACEHOLDER = "%unit%";
    private static final Pattern NUMBER_AND_UNIT = Pattern
            .compile("^\\s*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(.*?)\\s*$");

    public static final QuantityType<Dimensionless> ZERO = new QuantityType<>(BigDecimal.ZERO, Units.ONE);
    public static final QuantityType<Dimensionless> ONE = new QuantityType<>(BigDecimal.ONE, Units.ONE);

    private final BigDecimal value;
    private final Unit<T> unit;

    @SuppressWarnings("unchecked")
    public QuantityType() {
        this.value = BigDecimal.ZERO;
        this.unit = (Unit<T>) Units.ONE;
    }

    public QuantityType(String value) {
        this(value, Locale.ENGLISH);
    }

    @SuppressWarnings("unchecked")
    public QuantityType(String value, Locale locale) {
        String text = value.trim();
        Matcher matcher = NUMBER_AND_UNIT.matcher(normalise(text, locale));
        if (!matcher.matches()) {
            throw new NumberFormatException("Invalid quantity '" + value + "'");
        }
        this.value = new BigDecimal(matcher.group(1));
        String symbol = matcher.group(2);
        this.unit = (Unit<T>) (symbol.isEmpty() ? Units.ONE : parseUnit(symbol));
    }

    public QuantityType(Number value, Unit<T> unit) {
        this.value = value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
        this.unit = unit;
    }

    private static String normalise(String text, Locale locale) {
        java.text.DecimalFormatSymbols symbols = java.text.DecimalFormatSymbols.getInstance(locale);
        String grouping = String.valueOf(symbols.getGroupingSeparator());
        String decimal = String.valueOf(symbols.getDecimalSeparator());
        return text.replace(grouping, "").replace(decimal, ".");
    }

    private static Unit<?> parseUnit(String symbol) {
        // make sure openHAB's labels are registered before parsing
        Units.getInstance();
        try {
            return SimpleUnitFormat.getInstance().parse(symbol);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Unknown unit '" + symbol + "'", e);
        }
    }

    private static String symbolOf(Unit<?> unit) {
        Units.getInstance();
        return SimpleUnitFormat.getInstance().format(unit);
    }

    private static BigDecimal toBigDecimalValue(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof RationalNumber rational) {
            return rational.bigDecimalValue();
        }
        return DecimalType.toBigDecimal(number);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static QuantityType<?> of(BigDecimal value, Unit<?> unit) {
        return new QuantityType(value, (Unit) unit);
    }

    public static <T extends Quantity<T>> QuantityType<T> valueOf(double value, Unit<T> unit) {
        return new QuantityType<>(BigDecimal.valueOf(value), unit);
    }

    @Override
    public String toString() {
        return toFullString();
    }

    public static QuantityType<? extends Quantity<?>> valueOf(String value) {
        return new QuantityType<>(value);
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        if (this == obj) {
            return true;
        }
        if (!(obj instanceof QuantityType<?> other)) {
            return false;
        }
        if (!unit.isCompatible(other.unit) && !unit.inverse().isCompatible(other.unit)) {
            return false;
        }
        return compareAny(other) == 0;
    }

    @Override
    public int compareTo(QuantityType<T> o) {
        return compareAny(o);
    }

    /**
     * Compares in system units (through the inverse unit if only that is compatible).
     */
    private int compareAny(QuantityType<?> other) {
        if (unit.isCompatible(other.unit)) {
            QuantityType<T> mine = toUnit(unit.getSystemUnit());
            QuantityType<?> theirs = other.toUnit(other.unit.getSystemUnit());
            if (mine == null || theirs == null) {
                throw new IllegalArgumentException("Unable to convert to system unit during compare.");
            }
            return Double.compare(mine.doubleValue(), theirs.doubleValue());
        } else if (unit.inverse().isCompatible(other.unit)) {
            return inverse().compareAny(other);
        }
        throw new IllegalArgumentException("Can not compare incompatible units.");
    }

    public Unit<T> getUnit() {
        return unit;
    }

    public Dimension getDimension() {
        return unit.getDimension();
    }

    @SuppressWarnings("unchecked")
    public @Nullable QuantityType<T> toUnit(Unit<?> targetUnit) {
        if (targetUnit.equals(unit)) {
            return this;
        }
        try {
            UnitConverter converter = unit.getConverterToAny(targetUnit);
            return new QuantityType<>(toBigDecimalValue(converter.convert(value)), (Unit<T>) targetUnit);
        } catch (UnconvertibleException | IncommensurableException e) {
            return null;
        }
    }

    public @Nullable QuantityType<T> toUnit(String targetUnit) {
        return toUnit(parseUnit(targetUnit));
    }

    public @Nullable QuantityType<?> toInvertibleUnit(Unit<?> targetUnit) {
        if (!targetUnit.equals(unit) && !targetUnit.isCompatible(Units.ONE)
                && unit.inverse().isCompatible(targetUnit)) {
            return inverse().toUnit(targetUnit);
        }
        return toUnit(targetUnit);
    }

    public @Nullable QuantityType<?> toInvertibleUnit(String targetUnit) {
        return toInvertibleUnit(parseUnit(targetUnit));
    }

    public @Nullable QuantityType<T> toUnitRelative(Unit<T> targetUnit) {
        try {
            UnitConverter converter = unit.getConverterToAny(targetUnit);
            BigDecimal converted = toBigDecimalValue(converter.convert(value))
                    .subtract(toBigDecimalValue(converter.convert(BigDecimal.ZERO)));
            return new QuantityType<>(converted, targetUnit);
        } catch (UnconvertibleException | IncommensurableException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    public @Nullable QuantityType<T> toUnitRelative(String targetUnit) {
        return toUnitRelative((Unit<T>) parseUnit(targetUnit));
    }

    public BigDecimal toBigDecimal() {
        return value;
    }

    /**
     * As openHAB's: unit and value (scale-sensitive), so 70.5 kg and 70.50 kg are equal but may hash differently.
     */
    @Override
    public int hashCode() {
        final int prime = 31;
        int tmp = prime * unit.hashCode();
        tmp += prime * value.hashCode();
        return tmp;
    }

    @Override
    public String format(String pattern) {
        boolean unitPlaceholder = pattern.contains(UNIT_PLACEHOLDER);
        String formatPattern = unitPlaceholder
                ? pattern.replace(UNIT_PLACEHOLDER, Units.PERCENT.equals(unit) ? "%%" : symbolOf(unit))
                : pattern;
        if (!unitPlaceholder && unit.isCompatible(Units.SECOND)) {
            QuantityType<T> millis = toUnit(MetricPrefix.MILLI(Units.SECOND));
            if (millis != null) {
                try {
                    return String.format(formatPattern,
                            ZonedDateTime.ofInstant(Instant.ofEpochMilli(millis.longValue()), ZoneOffset.UTC));
                } catch (IllegalFormatConversionException e) {
                    // not a date/time pattern
                }
            }
        }
        try {
            return String.format(formatPattern, value.toBigIntegerExact());
        } catch (ArithmeticException | IllegalFormatConversionException e) {
            return String.format(formatPattern, value);
        }
    }

    @Override
    public int intValue() {
        return value.intValue();
    }

    @Override
    public long longValue() {
        return value.longValue();
    }

    @Override
    public float floatValue() {
        return value.floatValue();
    }

    @Override
    public double doubleValue() {
        return value.doubleValue();
    }

    @Override
    public String toFullString() {
        if (Units.ONE.equals(unit)) {
            return value.toString();
        }
        return value.toString() + " " + symbolOf(unit);
    }

    @Override
    public <U extends State> @Nullable U as(@Nullable Class<U> target) {
        if (target == OnOffType.class) {
            if (intValue() == 0) {
                return target.cast(OnOffType.OFF);
            } else if (Units.PERCENT.equals(unit)) {
                return target.cast(OnOffType.from(value.signum() > 0));
            }
            return value.compareTo(BigDecimal.ONE) == 0 ? target.cast(OnOffType.ON) : null;
        } else if (target == OpenClosedType.class) {
            if (doubleValue() == 0) {
                return target.cast(OpenClosedType.CLOSED);
            }
            return value.compareTo(BigDecimal.ONE) == 0 ? target.cast(OpenClosedType.OPEN) : null;
        } else if (target == PercentType.class) {
            QuantityType<T> percent = toUnit(Units.PERCENT);
            return percent == null ? null : target.cast(new PercentType(percent.value));
        } else if (target == DecimalType.class) {
            return target.cast(new DecimalType(value));
        }
        return State.super.as(target);
    }

    public QuantityType<T> add(QuantityType<T> state) {
        QuantityType<T> other = state.toUnit(unit);
        if (other == null) {
            throw new IllegalArgumentException("Can not add incompatible units " + unit + " and " + state.unit);
        }
        return new QuantityType<>(value.add(other.value), unit);
    }

    public QuantityType<T> negate() {
        return new QuantityType<>(value.negate(), unit);
    }

    public QuantityType<T> subtract(QuantityType<T> state) {
        return add(state.negate());
    }

    public QuantityType<?> multiply(BigDecimal value) {
        return new QuantityType<>(this.value.multiply(value), unit);
    }

    public QuantityType<?> multiply(QuantityType<?> state) {
        return of(value.multiply(state.value), unit.multiply(state.unit));
    }

    public QuantityType<?> divide(BigDecimal value) {
        return new QuantityType<>(this.value.divide(value, MathContext.DECIMAL128), unit);
    }

    public QuantityType<?> divide(QuantityType<?> state) {
        return of(value.divide(state.value, MathContext.DECIMAL128), unit.divide(state.unit));
    }

    public QuantityType<T> offset(QuantityType<T> offset, Unit<T> unit) {
        QuantityType<T> self = toUnit(unit);
        QuantityType<T> other = offset.toUnit(unit);
        if (self == null || other == null) {
            throw new IllegalArgumentException("Can not convert to " + unit);
        }
        return new QuantityType<>(self.value.add(other.value), unit);
    }

    public QuantityType<?> inverse() {
        return of(BigDecimal.ONE.divide(value, MathContext.DECIMAL128), unit.inverse());
    }
}
