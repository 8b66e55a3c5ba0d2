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

import java.math.BigDecimal;
import java.math.MathContext;
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
@NonNullByDefault
public class QuantityType<T extends Quantity<T>> extends Number
        implements PrimitiveType, State, Command, Comparable<QuantityType<T>> {

    private static final long serialVersionUID = 1L;
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
        this(value, Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    public QuantityType(String value, Locale locale) {
        String text = value.trim();
        Matcher matcher = NUMBER_AND_UNIT.matcher(Locale.ROOT.equals(locale) ? text : normalise(text, locale));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Invalid quantity '" + value + "'");
        }
        this.value = new BigDecimal(matcher.group(1));
        String symbol = matcher.group(2);
        this.unit = (Unit<T>) (symbol.isEmpty() ? Units.ONE : parseUnit(symbol));
    }

    public QuantityType(Number value, Unit<T> unit) {
        this.value = DecimalType.toBigDecimal(value);
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
        if (!unit.isCompatible(other.unit)) {
            return false;
        }
        @SuppressWarnings("unchecked")
        QuantityType<T> same = (QuantityType<T>) other;
        return compareTo(same) == 0;
    }

    @Override
    public int compareTo(QuantityType<T> o) {
        if (!unit.isCompatible(o.unit)) {
            throw new IllegalArgumentException("Can not compare incompatible units " + unit + " and " + o.unit);
        }
        QuantityType<T> converted = o.toUnit(unit);
        if (converted == null) {
            throw new IllegalArgumentException("Can not convert " + o + " to " + unit);
        }
        return value.compareTo(converted.value);
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
        if (unit.isCompatible(targetUnit)) {
            return toUnit(targetUnit);
        }
        if (unit.inverse().isCompatible(targetUnit)) {
            return inverse().toUnit(targetUnit);
        }
        return null;
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

    @Override
    public int hashCode() {
        QuantityType<T> system = toUnit(unit.getSystemUnit());
        BigDecimal normalised = (system == null ? value : system.value).stripTrailingZeros();
        return 31 * unit.getSystemUnit().hashCode() + normalised.hashCode();
    }

    @Override
    public String format(String pattern) {
        String withUnit = pattern.replace("%unit%", symbolOf(unit).replace("%", "%%"));
        try {
            return String.format(withUnit, value);
        } catch (IllegalFormatConversionException e) {
            return String.format(withUnit, value.toBigInteger());
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
            return value.toPlainString();
        }
        return value.toPlainString() + " " + symbolOf(unit);
    }

    @Override
    public <U extends State> @Nullable U as(@Nullable Class<U> target) {
        if (target == OnOffType.class) {
            return target.cast(value.signum() == 0 ? OnOffType.OFF : OnOffType.ON);
        } else if (target == OpenClosedType.class) {
            return target.cast(value.signum() == 0 ? OpenClosedType.CLOSED : OpenClosedType.OPEN);
        } else if (target == DecimalType.class) {
            return target.cast(new DecimalType(value));
        } else if (target == PercentType.class) {
            if (Units.PERCENT.equals(unit)) {
                return target.cast(new PercentType(value));
            }
            QuantityType<?> percent = toInvertibleUnit(Units.PERCENT);
            return percent == null ? null : target.cast(new PercentType(percent.value));
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
