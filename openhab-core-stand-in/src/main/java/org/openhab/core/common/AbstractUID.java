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
package org.openhab.core.common;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Compile-time stand-in mirroring org.openhab.core.common.AbstractUID of openHAB core 5.2.1; never shipped.
 * Segments are separated by {@link #SEPARATOR}, validated and compared like openHAB does.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public abstract class AbstractUID {

    private static final Pattern SEGMENT_PATTERN = Pattern.compile("[\\w-]*");
    public static final String SEPARATOR = ":";

    private final List<String> segments;

    protected AbstractUID() {
        this.segments = List.of();
    }

    protected AbstractUID(String uid) {
        this(List.of(uid.split(SEPARATOR)));
    }

    protected AbstractUID(String... segments) {
        this(Arrays.asList(segments));
    }

    @SuppressWarnings("this-escape") // segments are validated by the subclass, as in openHAB
    protected AbstractUID(List<String> segments) {
        int minimum = getMinimalNumberOfSegments();
        int count = segments.size();
        if (count < minimum) {
            throw new IllegalArgumentException(String.format("UID must have at least %d segments.", minimum));
        }
        for (int i = 0; i < count; i++) {
            validateSegment(segments.get(i), i, count);
        }
        this.segments = List.copyOf(segments);
    }

    /**
     * @return the minimal number of segments of this kind of UID
     */
    protected abstract int getMinimalNumberOfSegments();

    protected List<String> getAllSegments() {
        return segments;
    }

    protected String getSegment(int segment) {
        return segments.get(segment);
    }

    /**
     * @param segment a segment candidate
     * @return true if the segment only contains word characters and dashes
     */
    public static boolean isValid(@Nullable String segment) {
        return segment != null && SEGMENT_PATTERN.matcher(segment).matches();
    }

    protected void validateSegment(String segment, int index, int length) {
        if (!isValid(segment)) {
            throw new IllegalArgumentException(String.format(
                    "ID segment '%s' contains invalid characters. Each segment of the ID must match the pattern %s.",
                    segment, SEGMENT_PATTERN.pattern()));
        }
    }

    @Override
    public String toString() {
        return getAsString();
    }

    public String getAsString() {
        return String.join(SEPARATOR, segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        if (this == obj) {
            return true;
        }
        if (obj == null || getClass() != obj.getClass()) {
            return false;
        }
        return segments.equals(((AbstractUID) obj).segments);
    }
}
