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
package org.openhab.binding.withings.internal.api;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.dto.MeasureGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which measure groups are attributed to the user, by {@code attrib}: the documented values 0, 2, 4, 5, 7, 8,
 * 15 and 17 are used; 1 (device measure that could not be attributed to one household member) is left out
 * unless {@code includeAmbiguous}; undocumented values (3, 10, ...) are tolerated, logged once at debug level,
 * and used unless {@code includeUnknown} is false.
 *
 * @param includeAmbiguous use attrib 1 too (Thing option)
 * @param includeUnknown use undocumented attribs
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public record AttribPolicy(boolean includeAmbiguous, boolean includeUnknown) {

    /** Attrib 1 left out, unknown attribs used. */
    public static final AttribPolicy DEFAULT = new AttribPolicy(false, true);

    /** The ambiguous attrib. */
    public static final int AMBIGUOUS = 1;
    /** The documented attribs that belong to the user. */
    public static final Set<Integer> DOCUMENTED_USER_ATTRIBS = Set.of(0, 2, 4, 5, 7, 8, 15, 17);

    private static final Logger LOGGER = LoggerFactory.getLogger(AttribPolicy.class);
    private static final Set<Integer> LOGGED_UNKNOWN = ConcurrentHashMap.newKeySet();

    /**
     * @param attrib the group's attrib (missing is treated as 0)
     * @return true if measures with this attrib are used
     */
    public boolean accepts(@Nullable Integer attrib) {
        int value = attrib == null ? 0 : attrib;
        if (value == AMBIGUOUS) {
            return includeAmbiguous;
        }
        if (DOCUMENTED_USER_ATTRIBS.contains(value)) {
            return true;
        }
        if (LOGGED_UNKNOWN.add(value)) {
            LOGGER.debug("Withings measure group with undocumented attrib {}", value);
        }
        return includeUnknown;
    }

    /**
     * @return true if the group is a real measure (not an objective) with an accepted attrib
     */
    public boolean accepts(MeasureGroup group) {
        return group.isRealMeasure() && accepts(group.attrib);
    }
}
