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

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.types.Command;
import org.openhab.core.types.PrimitiveType;
import org.openhab.core.types.State;

/**
 * Compile-time stand-in mirroring org.openhab.core.library.types.DateTimeType of openHAB core 5.2.1; never shipped.
 * Holds an {@link Instant}; zoned views use the given zone or the system default zone. Equal when the instants are.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class DateTimeType implements PrimitiveType, State, Command, Comparable<DateTimeType> {

    public static final String DATE_PATTERN = "yyyy-MM-dd'T'HH:mm:ss";
    public static final String DATE_PATTERN_WITH_TZ = "yyyy-MM-dd'T'HH:mm:ssz";
    public static final String DATE_PATTERN_WITH_TZ_AND_MS = "yyyy-MM-dd'T'HH:mm:ss.SSSZ";
    public static final String DATE_PATTERN_WITH_TZ_AND_MS_GENERAL = "yyyy-MM-dd'T'HH:mm:ss.SSSz";
    public static final String DATE_PATTERN_WITH_TZ_AND_MS_ISO = "yyyy-MM-dd'T'HH:mm:ss.SSSX";
    public static final String DATE_PATTERN_JSON_COMPAT = "MMM d, yyyy, h:mm:ss aaa";

    private static final String LOCAL_PATTERN = "yyyy-MM-dd'T'HH:mm[:ss[.SSSSSSSSS][.SSSSSS][.SSS][.SS][.S]]";
    private static final DateTimeFormatter LOCAL_PARSER = DateTimeFormatter.ofPattern(LOCAL_PATTERN);
    private static final List<DateTimeFormatter> ZONED_PARSERS = List.of(
            DateTimeFormatter.ofPattern(LOCAL_PATTERN + "Z"), DateTimeFormatter.ofPattern(LOCAL_PATTERN + "X"),
            DateTimeFormatter.ofPattern(LOCAL_PATTERN + "z"));
    private static final DateTimeFormatter FULL_FORMATTER = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm[:ss[.SSSSSSSSS]]Z");

    private final Instant instant;

    public DateTimeType() {
        this(Instant.now());
    }

    public DateTimeType(Instant instant) {
        this.instant = instant;
    }

    public DateTimeType(ZonedDateTime zoned) {
        this(zoned.toInstant());
    }

    public DateTimeType(String zonedValue) {
        this(parse(zonedValue.trim()));
    }

    private static Instant parse(String value) {
        try {
            return parseDateTime(value);
        } catch (DateTimeParseException dateTime) {
            try {
                return parseDateTime("1970-01-01T" + value);
            } catch (DateTimeParseException timeOnly) {
                try {
                    long epoch = Double.valueOf(value).longValue();
                    return Long.toString(Math.abs(epoch)).length() < 12 ? Instant.ofEpochSecond(epoch)
                            : Instant.ofEpochMilli(epoch);
                } catch (NumberFormatException notANumber) {
                    try {
                        return value.length() == 10 ? parseDateTime(value + "T00:00:00")
                                : parseDateTime(value.substring(0, 10) + "T00:00:00" + value.substring(10));
                    } catch (DateTimeParseException | IndexOutOfBoundsException e) {
                        throw new IllegalArgumentException(value + " is not in a valid format.", e);
                    }
                }
            }
        }
    }

    private static Instant parseDateTime(String value) throws DateTimeParseException {
        for (DateTimeFormatter parser : ZONED_PARSERS) {
            try {
                return ZonedDateTime.parse(value, parser).toInstant();
            } catch (DateTimeParseException e) {
                // try the next pattern
            }
        }
        return LocalDateTime.parse(value, LOCAL_PARSER).atZone(ZoneId.systemDefault()).toInstant();
    }

    /**
     * @return the instant in the system default time zone
     */
    public ZonedDateTime getZonedDateTime() {
        return getZonedDateTime(ZoneId.systemDefault());
    }

    public ZonedDateTime getZonedDateTime(ZoneId zoneId) {
        return instant.atZone(zoneId);
    }

    public Instant getInstant() {
        return instant;
    }

    public static DateTimeType valueOf(String value) {
        return new DateTimeType(value);
    }

    @Override
    public String format(@Nullable String pattern) {
        return format(pattern, ZoneId.systemDefault());
    }

    public String format(@Nullable String pattern, ZoneId zoneId) {
        ZonedDateTime zoned = getZonedDateTime(zoneId);
        if (pattern == null) {
            return DateTimeFormatter.ofPattern(DATE_PATTERN).format(zoned);
        }
        return String.format(pattern, zoned);
    }

    public String format(Locale locale, String pattern) {
        return String.format(locale, pattern, getZonedDateTime());
    }

    @Override
    public String toString() {
        return toFullString();
    }

    @Override
    public String toFullString() {
        return toFullString(ZoneId.systemDefault());
    }

    public String toFullString(ZoneId zoneId) {
        String formatted = getZonedDateTime(zoneId).format(FULL_FORMATTER);
        if (formatted.contains(".")) {
            String sign = formatted.contains("+") ? "+" : formatted.lastIndexOf('-') > 10 ? "-" : "";
            if (!sign.isEmpty()) {
                // nine fraction digits: drop up to two trailing groups of zeros
                return formatted.replace("000" + sign, sign).replace("000" + sign, sign);
            }
        }
        return formatted;
    }

    @Override
    public int hashCode() {
        return 31 + instant.hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        if (this == obj) {
            return true;
        }
        if (obj == null || getClass() != obj.getClass()) {
            return false;
        }
        return instant.equals(((DateTimeType) obj).instant);
    }

    @Override
    public int compareTo(DateTimeType o) {
        return instant.compareTo(o.instant);
    }
}
