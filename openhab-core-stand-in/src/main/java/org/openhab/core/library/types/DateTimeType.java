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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.types.Command;
import org.openhab.core.types.PrimitiveType;
import org.openhab.core.types.State;

/**
 * Compile-time stand-in mirroring org.openhab.core.library.types.DateTimeType of openHAB core 5.2.1; never shipped.
 * A point in time (compared and hashed by its instant) with the zone it was created in.
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

    private static final DateTimeFormatter FULL_FORMATTER = DateTimeFormatter.ofPattern(DATE_PATTERN_WITH_TZ_AND_MS);

    private final ZonedDateTime zonedDateTime;

    public DateTimeType() {
        this(ZonedDateTime.now());
    }

    public DateTimeType(Instant instant) {
        this(instant.atZone(ZoneId.systemDefault()));
    }

    public DateTimeType(ZonedDateTime zoned) {
        this.zonedDateTime = zoned;
    }

    public DateTimeType(String zonedValue) {
        this.zonedDateTime = parse(zonedValue);
    }

    private static ZonedDateTime parse(String value) {
        String text = value.trim();
        List<Function<String, ZonedDateTime>> parsers = List.of(ZonedDateTime::parse,
                s -> OffsetDateTime.parse(s).toZonedDateTime(),
                s -> ZonedDateTime.parse(s, DateTimeFormatter.ofPattern(DATE_PATTERN_WITH_TZ_AND_MS)),
                s -> ZonedDateTime.parse(s, DateTimeFormatter.ofPattern(DATE_PATTERN_WITH_TZ_AND_MS_ISO)),
                s -> Instant.parse(s).atZone(ZoneId.systemDefault()),
                s -> LocalDateTime.parse(s).atZone(ZoneId.systemDefault()),
                s -> LocalDate.parse(s).atStartOfDay(ZoneId.systemDefault()),
                s -> Instant.ofEpochMilli(Long.parseLong(s)).atZone(ZoneId.systemDefault()));
        for (Function<String, ZonedDateTime> parser : parsers) {
            try {
                return parser.apply(text);
            } catch (DateTimeParseException | NumberFormatException e) {
                // try the next format
            }
        }
        throw new IllegalArgumentException(value + " is not in a valid format.");
    }

    public ZonedDateTime getZonedDateTime() {
        return zonedDateTime;
    }

    public ZonedDateTime getZonedDateTime(ZoneId zoneId) {
        return zonedDateTime.withZoneSameInstant(zoneId);
    }

    public Instant getInstant() {
        return zonedDateTime.toInstant();
    }

    public static DateTimeType valueOf(String value) {
        return new DateTimeType(value);
    }

    @Override
    public String format(@Nullable String pattern) {
        return pattern == null ? toFullString() : String.format(pattern, zonedDateTime);
    }

    public String format(@Nullable String pattern, ZoneId zoneId) {
        return pattern == null ? toFullString(zoneId) : String.format(pattern, getZonedDateTime(zoneId));
    }

    public String format(Locale locale, String pattern) {
        return String.format(locale, pattern, zonedDateTime);
    }

    @Override
    public String toString() {
        return toFullString();
    }

    @Override
    public String toFullString() {
        return zonedDateTime.format(FULL_FORMATTER);
    }

    public String toFullString(ZoneId zoneId) {
        return getZonedDateTime(zoneId).format(FULL_FORMATTER);
    }

    @Override
    public int hashCode() {
        return getInstant().hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        if (this == obj) {
            return true;
        }
        if (obj == null || getClass() != obj.getClass()) {
            return false;
        }
        return getInstant().equals(((DateTimeType) obj).getInstant());
    }

    @Override
    public int compareTo(DateTimeType o) {
        return getInstant().compareTo(o.getInstant());
    }
}
