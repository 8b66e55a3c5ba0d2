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
package org.openhab.core.library.unit;

import static org.openhab.core.library.unit.MetricPrefix.CENTI;
import static org.openhab.core.library.unit.MetricPrefix.GIGA;
import static org.openhab.core.library.unit.MetricPrefix.KILO;
import static org.openhab.core.library.unit.MetricPrefix.MEGA;
import static org.openhab.core.library.unit.MetricPrefix.MICRO;
import static org.openhab.core.library.unit.MetricPrefix.MILLI;
import static org.openhab.core.library.unit.MetricPrefix.NANO;
import static org.openhab.core.library.unit.MetricPrefix.PETA;
import static org.openhab.core.library.unit.MetricPrefix.PICO;
import static org.openhab.core.library.unit.MetricPrefix.TERA;

import javax.measure.BinaryPrefix;
import javax.measure.Quantity;
import javax.measure.Unit;
import javax.measure.quantity.Acceleration;
import javax.measure.quantity.AmountOfSubstance;
import javax.measure.quantity.Angle;
import javax.measure.quantity.Area;
import javax.measure.quantity.CatalyticActivity;
import javax.measure.quantity.Dimensionless;
import javax.measure.quantity.ElectricCapacitance;
import javax.measure.quantity.ElectricCharge;
import javax.measure.quantity.ElectricConductance;
import javax.measure.quantity.ElectricCurrent;
import javax.measure.quantity.ElectricInductance;
import javax.measure.quantity.ElectricPotential;
import javax.measure.quantity.ElectricResistance;
import javax.measure.quantity.Energy;
import javax.measure.quantity.Force;
import javax.measure.quantity.Frequency;
import javax.measure.quantity.Illuminance;
import javax.measure.quantity.LuminousFlux;
import javax.measure.quantity.LuminousIntensity;
import javax.measure.quantity.MagneticFlux;
import javax.measure.quantity.MagneticFluxDensity;
import javax.measure.quantity.Power;
import javax.measure.quantity.Pressure;
import javax.measure.quantity.RadiationDoseAbsorbed;
import javax.measure.quantity.RadiationDoseEffective;
import javax.measure.quantity.Radioactivity;
import javax.measure.quantity.SolidAngle;
import javax.measure.quantity.Speed;
import javax.measure.quantity.Temperature;
import javax.measure.quantity.Time;
import javax.measure.quantity.Volume;
import javax.measure.spi.SystemOfUnits;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.library.dimension.ArealDensity;
import org.openhab.core.library.dimension.CalorificValue;
import org.openhab.core.library.dimension.DataAmount;
import org.openhab.core.library.dimension.DataTransferRate;
import org.openhab.core.library.dimension.Density;
import org.openhab.core.library.dimension.ElectricConductivity;
import org.openhab.core.library.dimension.EmissionIntensity;
import org.openhab.core.library.dimension.Intensity;
import org.openhab.core.library.dimension.RadiantExposure;
import org.openhab.core.library.dimension.RadiationDoseRate;
import org.openhab.core.library.dimension.RadiationSpecificActivity;
import org.openhab.core.library.dimension.VolumetricFlowRate;

import tech.units.indriya.AbstractUnit;
import tech.units.indriya.format.SimpleUnitFormat;
import tech.units.indriya.function.LogConverter;
import tech.units.indriya.function.MultiplyConverter;
import tech.units.indriya.unit.AlternateUnit;
import tech.units.indriya.unit.TransformedUnit;

/**
 * Compile-time stand-in mirroring org.openhab.core.library.unit.Units of openHAB core 5.2.1; never shipped.
 * Units are built from indriya's units with the symbols openHAB uses; a few exotic ones (noted at the field) only
 * approximate openHAB's definition.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Units extends CustomUnits {

    private static final Units INSTANCE = new Units();

    public static final Unit<Acceleration> METRE_PER_SQUARE_SECOND = addUnit(
            tech.units.indriya.unit.Units.METRE_PER_SQUARE_SECOND);
    public static final Unit<Acceleration> STANDARD_GRAVITY = addUnit(
            new TransformedUnit<>("gₙ", METRE_PER_SQUARE_SECOND, MultiplyConverter.of(9.80665)));
    public static final Unit<AmountOfSubstance> MOLE = addUnit(tech.units.indriya.unit.Units.MOLE);
    public static final Unit<Volume> LITRE = addUnit(tech.units.indriya.unit.Units.LITRE);
    // approximation: 1 °dH = 0.1783 mmol/l expressed as a dimensionless factor
    public static final Unit<Dimensionless> DEUTSCHE_HAERTE = addUnit(
            new TransformedUnit<>("°dH", AbstractUnit.ONE, MultiplyConverter.ofRational(1783, 10_000_000)));
    public static final Unit<Angle> DEGREE_ANGLE = addUnit(new TransformedUnit<>("°",
            tech.units.indriya.unit.Units.RADIAN, MultiplyConverter.ofPiExponent(1).concatenate(MultiplyConverter.ofRational(1, 180))));
    public static final Unit<Angle> RADIAN = addUnit(tech.units.indriya.unit.Units.RADIAN);
    public static final Unit<Area> SQUARE_MILLIMETRE = addUnit(cast(MILLI(SIUnits.METRE).multiply(MILLI(SIUnits.METRE))));
    public static final Unit<Area> SQUARE_CENTIMETRE = addUnit(cast(CENTI(SIUnits.METRE).multiply(CENTI(SIUnits.METRE))));
    public static final Unit<Area> SQUARE_KILOMETRE = addUnit(cast(KILO(SIUnits.METRE).multiply(KILO(SIUnits.METRE))));
    // approximation: 1 DU = 0.4462 mmol/m²
    public static final Unit<ArealDensity> DOBSON_UNIT = addUnit(
            cast(MILLI(MOLE).multiply(0.4462).divide(SIUnits.SQUARE_METRE)));
    public static final Unit<ArealDensity> KILOGRAM_PER_SQUARE_METRE = addUnit(
            cast(SIUnits.KILOGRAM.divide(SIUnits.SQUARE_METRE)));
    public static final Unit<CatalyticActivity> KATAL = addUnit(tech.units.indriya.unit.Units.KATAL);
    public static final Unit<Density> KILOGRAM_PER_CUBICMETRE = addUnit(
            cast(SIUnits.KILOGRAM.divide(SIUnits.CUBIC_METRE)));
    public static final Unit<Density> MICROGRAM_PER_CUBICMETRE = addUnit(
            cast(MICRO(SIUnits.GRAM).divide(SIUnits.CUBIC_METRE)));
    public static final Unit<Dimensionless> ONE = addUnit(AbstractUnit.ONE);
    public static final Unit<Dimensionless> PERCENT = addUnit(tech.units.indriya.unit.Units.PERCENT);
    public static final Unit<Dimensionless> PARTS_PER_BILLION = addUnit(
            new TransformedUnit<>("ppb", ONE, MultiplyConverter.ofRational(1, 1_000_000_000)));
    public static final Unit<Dimensionless> PARTS_PER_MILLION = addUnit(
            new TransformedUnit<>("ppm", ONE, MultiplyConverter.ofRational(1, 1_000_000)));
    public static final Unit<Dimensionless> DECIBEL = addUnit(
            ONE.transform(new LogConverter(10).inverse().concatenate(MultiplyConverter.ofRational(1, 10))));
    public static final Unit<ElectricCurrent> AMPERE = addUnit(tech.units.indriya.unit.Units.AMPERE);
    public static final Unit<ElectricCapacitance> FARAD = addUnit(tech.units.indriya.unit.Units.FARAD);
    public static final Unit<ElectricCharge> COULOMB = addUnit(tech.units.indriya.unit.Units.COULOMB);
    public static final Unit<ElectricCharge> AMPERE_HOUR = addUnit(
            new TransformedUnit<>("Ah", COULOMB, MultiplyConverter.of(3600)));
    public static final Unit<ElectricCharge> MILLIAMPERE_HOUR = addUnit(MILLI(AMPERE_HOUR));
    public static final Unit<ElectricConductance> SIEMENS = addUnit(tech.units.indriya.unit.Units.SIEMENS);
    public static final Unit<ElectricConductivity> SIEMENS_PER_METRE = addUnit(
            cast(SIEMENS.divide(SIUnits.METRE)));
    public static final Unit<ElectricInductance> HENRY = addUnit(tech.units.indriya.unit.Units.HENRY);
    public static final Unit<ElectricPotential> VOLT = addUnit(tech.units.indriya.unit.Units.VOLT);
    public static final Unit<ElectricResistance> OHM = addUnit(tech.units.indriya.unit.Units.OHM);
    public static final Unit<Energy> JOULE = addUnit(tech.units.indriya.unit.Units.JOULE);
    public static final Unit<Energy> CALORIE = addUnit(
            new TransformedUnit<>("cal", JOULE, MultiplyConverter.ofRational(4184, 1000)));
    public static final Unit<Energy> KILO_CALORIE = addUnit(KILO(CALORIE));
    public static final Unit<Energy> WATT_SECOND = addUnit(cast(tech.units.indriya.unit.Units.WATT
            .multiply(tech.units.indriya.unit.Units.SECOND)));
    public static final Unit<Energy> WATT_HOUR = addUnit(
            new TransformedUnit<>("Wh", JOULE, MultiplyConverter.of(3600)));
    public static final Unit<Energy> KILOWATT_HOUR = addUnit(KILO(WATT_HOUR));
    public static final Unit<Energy> MEGAWATT_HOUR = addUnit(MEGA(WATT_HOUR));
    public static final Unit<CalorificValue> KILOWATT_HOUR_PER_CUBICMETRE = addUnit(
            cast(KILOWATT_HOUR.divide(SIUnits.CUBIC_METRE)));
    public static final Unit<EmissionIntensity> GRAM_PER_KILOWATT_HOUR = addUnit(
            cast(SIUnits.GRAM.divide(KILOWATT_HOUR)));
    public static final Unit<Power> VAR = addUnit(new AlternateUnit<>(tech.units.indriya.unit.Units.WATT, "var"));
    public static final Unit<Power> KILOVAR = addUnit(KILO(VAR));
    public static final Unit<Energy> VAR_HOUR = addUnit(cast(VAR.multiply(tech.units.indriya.unit.Units.HOUR)));
    public static final Unit<Energy> KILOVAR_HOUR = addUnit(KILO(VAR_HOUR));
    public static final Unit<Power> VOLT_AMPERE = addUnit(new AlternateUnit<>(tech.units.indriya.unit.Units.WATT, "VA"));
    public static final Unit<Power> KILOVOLT_AMPERE = addUnit(KILO(VOLT_AMPERE));
    public static final Unit<Energy> VOLT_AMPERE_HOUR = addUnit(
            cast(VOLT_AMPERE.multiply(tech.units.indriya.unit.Units.HOUR)));
    public static final Unit<Force> NEWTON = addUnit(tech.units.indriya.unit.Units.NEWTON);
    public static final Unit<Frequency> HERTZ = addUnit(tech.units.indriya.unit.Units.HERTZ);
    public static final Unit<Frequency> RPM = addUnit(
            new TransformedUnit<>("rpm", HERTZ, MultiplyConverter.ofRational(1, 60)));
    public static final Unit<Intensity> IRRADIANCE = addUnit(
            cast(tech.units.indriya.unit.Units.WATT.divide(SIUnits.SQUARE_METRE)));
    public static final Unit<Intensity> MICROWATT_PER_SQUARE_CENTIMETRE = addUnit(
            cast(MICRO(tech.units.indriya.unit.Units.WATT).divide(SQUARE_CENTIMETRE)));
    public static final Unit<Illuminance> LUX = addUnit(tech.units.indriya.unit.Units.LUX);
    public static final Unit<LuminousFlux> LUMEN = addUnit(tech.units.indriya.unit.Units.LUMEN);
    public static final Unit<LuminousIntensity> CANDELA = addUnit(tech.units.indriya.unit.Units.CANDELA);
    public static final Unit<MagneticFlux> WEBER = addUnit(tech.units.indriya.unit.Units.WEBER);
    public static final Unit<MagneticFluxDensity> TESLA = addUnit(tech.units.indriya.unit.Units.TESLA);
    public static final Unit<Power> WATT = addUnit(tech.units.indriya.unit.Units.WATT);
    // approximation: logarithmic power ratio referenced to 1 mW
    public static final Unit<Power> DECIBEL_MILLIWATTS = addUnit(new TransformedUnit<>("dBm", MILLI(WATT),
            new LogConverter(10).inverse().concatenate(MultiplyConverter.ofRational(1, 10))));
    public static final Unit<Pressure> MILLIMETRE_OF_MERCURY = addUnit(new TransformedUnit<>("mmHg",
            SIUnits.PASCAL, MultiplyConverter.ofRational(133_322_387_415L, 1_000_000_000L)));
    public static final Unit<Pressure> BAR = addUnit(
            new TransformedUnit<>("bar", SIUnits.PASCAL, MultiplyConverter.ofRational(100_000, 1)));
    public static final Unit<Pressure> MILLIBAR = addUnit(MILLI(BAR));
    public static final Unit<Radioactivity> BECQUEREL = addUnit(tech.units.indriya.unit.Units.BECQUEREL);
    public static final Unit<Radioactivity> CURIE = addUnit(
            new TransformedUnit<>("Ci", BECQUEREL, MultiplyConverter.ofRational(37_000_000_000L, 1)));
    public static final Unit<Radioactivity> MILLI_CURIE = addUnit(MILLI(CURIE));
    public static final Unit<Radioactivity> MICRO_CURIE = addUnit(MICRO(CURIE));
    public static final Unit<Radioactivity> NANO_CURIE = addUnit(NANO(CURIE));
    public static final Unit<Radioactivity> PICO_CURIE = addUnit(PICO(CURIE));
    public static final Unit<RadiationSpecificActivity> BECQUEREL_PER_CUBIC_METRE = addUnit(
            cast(BECQUEREL.divide(SIUnits.CUBIC_METRE)));
    public static final Unit<RadiationDoseAbsorbed> GRAY = addUnit(tech.units.indriya.unit.Units.GRAY);
    public static final Unit<RadiationDoseEffective> SIEVERT = addUnit(tech.units.indriya.unit.Units.SIEVERT);
    public static final Unit<RadiationDoseRate> SIEVERT_PER_HOUR = addUnit(
            cast(SIEVERT.divide(tech.units.indriya.unit.Units.HOUR)));
    public static final Unit<Speed> MILLIMETRE_PER_HOUR = addUnit(
            cast(MILLI(SIUnits.METRE).divide(tech.units.indriya.unit.Units.HOUR)));
    public static final Unit<Speed> INCHES_PER_HOUR = addUnit(cast(new TransformedUnit<>("in", SIUnits.METRE,
            MultiplyConverter.ofRational(254, 10_000)).divide(tech.units.indriya.unit.Units.HOUR)));
    public static final Unit<Speed> METRE_PER_SECOND = addUnit(tech.units.indriya.unit.Units.METRE_PER_SECOND);
    public static final Unit<Speed> KNOT = addUnit(new TransformedUnit<>("kn", METRE_PER_SECOND,
            MultiplyConverter.ofRational(1852, 3600)));
    public static final Unit<SolidAngle> STERADIAN = addUnit(tech.units.indriya.unit.Units.STERADIAN);
    public static final Unit<RadiantExposure> WATT_HOUR_PER_SQUARE_METRE = addUnit(
            cast(WATT_HOUR.divide(SIUnits.SQUARE_METRE)));
    public static final Unit<RadiantExposure> JOULE_PER_SQUARE_METRE = addUnit(
            cast(JOULE.divide(SIUnits.SQUARE_METRE)));
    public static final Unit<Temperature> KELVIN = addUnit(tech.units.indriya.unit.Units.KELVIN);
    // approximation: the reciprocal of a megakelvin
    public static final Unit<?> MIRED = addUnit(MEGA(KELVIN).inverse());
    public static final Unit<Time> SECOND = addUnit(tech.units.indriya.unit.Units.SECOND);
    public static final Unit<Time> MINUTE = addUnit(tech.units.indriya.unit.Units.MINUTE);
    public static final Unit<Time> HOUR = addUnit(tech.units.indriya.unit.Units.HOUR);
    public static final Unit<Time> DAY = addUnit(tech.units.indriya.unit.Units.DAY);
    public static final Unit<Time> WEEK = addUnit(tech.units.indriya.unit.Units.WEEK);
    public static final Unit<Time> MONTH = addUnit(tech.units.indriya.unit.Units.MONTH);
    public static final Unit<Time> YEAR = addUnit(tech.units.indriya.unit.Units.YEAR);
    public static final Unit<Volume> CUBIC_MILLIMETRE = addUnit(
            cast(SQUARE_MILLIMETRE.multiply(MILLI(SIUnits.METRE))));
    public static final Unit<Volume> CUBIC_CENTIMETRE = addUnit(
            cast(SQUARE_CENTIMETRE.multiply(CENTI(SIUnits.METRE))));
    public static final Unit<VolumetricFlowRate> LITRE_PER_MINUTE = addUnit(cast(LITRE.divide(MINUTE)));
    public static final Unit<VolumetricFlowRate> CUBICMETRE_PER_SECOND = addUnit(
            cast(SIUnits.CUBIC_METRE.divide(SECOND)));
    public static final Unit<VolumetricFlowRate> CUBICMETRE_PER_MINUTE = addUnit(
            cast(SIUnits.CUBIC_METRE.divide(MINUTE)));
    public static final Unit<VolumetricFlowRate> CUBICMETRE_PER_HOUR = addUnit(
            cast(SIUnits.CUBIC_METRE.divide(HOUR)));
    public static final Unit<VolumetricFlowRate> CUBICMETRE_PER_DAY = addUnit(
            cast(SIUnits.CUBIC_METRE.divide(DAY)));
    public static final Unit<DataAmount> BIT = addUnit(new AlternateUnit<>(ONE, "bit"));
    public static final Unit<DataAmount> KILOBIT = addUnit(KILO(BIT));
    public static final Unit<DataAmount> MEGABIT = addUnit(MEGA(BIT));
    public static final Unit<DataAmount> GIGABIT = addUnit(GIGA(BIT));
    public static final Unit<DataAmount> TERABIT = addUnit(TERA(BIT));
    public static final Unit<DataAmount> PETABIT = addUnit(PETA(BIT));
    public static final Unit<DataAmount> BYTE = addUnit(
            new TransformedUnit<>("B", BIT, MultiplyConverter.ofRational(8, 1)));
    public static final Unit<DataAmount> OCTET = addUnit(
            new TransformedUnit<>("o", BIT, MultiplyConverter.ofRational(8, 1)));
    public static final Unit<DataAmount> KILOBYTE = addUnit(KILO(BYTE));
    public static final Unit<DataAmount> MEGABYTE = addUnit(MEGA(BYTE));
    public static final Unit<DataAmount> GIGABYTE = addUnit(GIGA(BYTE));
    public static final Unit<DataAmount> TERABYTE = addUnit(TERA(BYTE));
    public static final Unit<DataAmount> PETABYTE = addUnit(PETA(BYTE));
    public static final Unit<DataAmount> KIBIBYTE = addUnit(BYTE.prefix(BinaryPrefix.KIBI));
    public static final Unit<DataAmount> MEBIBYTE = addUnit(BYTE.prefix(BinaryPrefix.MEBI));
    public static final Unit<DataAmount> GIBIBYTE = addUnit(BYTE.prefix(BinaryPrefix.GIBI));
    public static final Unit<DataAmount> TEBIBYTE = addUnit(BYTE.prefix(BinaryPrefix.TEBI));
    public static final Unit<DataAmount> PEBIBYTE = addUnit(BYTE.prefix(BinaryPrefix.PEBI));
    public static final Unit<DataAmount> KIBIOCTET = addUnit(OCTET.prefix(BinaryPrefix.KIBI));
    public static final Unit<DataAmount> MEBIOCTET = addUnit(OCTET.prefix(BinaryPrefix.MEBI));
    public static final Unit<DataAmount> GIBIOCTET = addUnit(OCTET.prefix(BinaryPrefix.GIBI));
    public static final Unit<DataAmount> TEBIOCTET = addUnit(OCTET.prefix(BinaryPrefix.TEBI));
    public static final Unit<DataAmount> PEBIOCTET = addUnit(OCTET.prefix(BinaryPrefix.PEBI));
    public static final Unit<DataTransferRate> BIT_PER_SECOND = addUnit(cast(BIT.divide(SECOND)));
    public static final Unit<DataTransferRate> KILOBIT_PER_SECOND = addUnit(KILO(BIT_PER_SECOND));
    public static final Unit<DataTransferRate> MEGABIT_PER_SECOND = addUnit(MEGA(BIT_PER_SECOND));
    public static final Unit<DataTransferRate> GIGABIT_PER_SECOND = addUnit(GIGA(BIT_PER_SECOND));
    public static final Unit<DataTransferRate> TERABIT_PER_SECOND = addUnit(TERA(BIT_PER_SECOND));

    static {
        SimpleUnitFormat format = SimpleUnitFormat.getInstance();
        format.label(STANDARD_GRAVITY, "gₙ");
        format.label(DEUTSCHE_HAERTE, "°dH");
        format.label(DEGREE_ANGLE, "°");
        format.label(PARTS_PER_BILLION, "ppb");
        format.label(PARTS_PER_MILLION, "ppm");
        format.label(DECIBEL, "dB");
        format.label(AMPERE_HOUR, "Ah");
        format.label(MILLIAMPERE_HOUR, "mAh");
        format.label(CALORIE, "cal");
        format.label(KILO_CALORIE, "kcal");
        format.label(WATT_HOUR, "Wh");
        format.label(KILOWATT_HOUR, "kWh");
        format.label(MEGAWATT_HOUR, "MWh");
        format.label(VAR, "var");
        format.label(VOLT_AMPERE, "VA");
        format.label(RPM, "rpm");
        format.label(DECIBEL_MILLIWATTS, "dBm");
        format.label(MILLIMETRE_OF_MERCURY, "mmHg");
        format.label(BAR, "bar");
        format.label(MILLIBAR, "mbar");
        format.label(CURIE, "Ci");
        format.label(KNOT, "kn");
        format.label(BIT, "bit");
        format.label(BYTE, "B");
        format.label(OCTET, "o");
    }

    private Units() {
        // one instance
    }

    public static SystemOfUnits getInstance() {
        return INSTANCE;
    }

    @Override
    public String getName() {
        return Units.class.getSimpleName();
    }

    @SuppressWarnings("unchecked")
    private static <Q extends Quantity<Q>> Unit<Q> cast(Unit<?> unit) {
        return (Unit<Q>) unit;
    }

    private static <U extends Unit<?>> U addUnit(U unit) {
        INSTANCE.units.add(unit);
        return unit;
    }
}
