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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.types.Command;
import org.openhab.core.types.PrimitiveType;
import org.openhab.core.types.State;

/**
 * Compile-time stand-in mirroring org.openhab.core.library.types.OnOffType of openHAB core 5.2.1; never shipped.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public enum OnOffType implements PrimitiveType, State, Command {
    ON,
    OFF;

    /**
     * @param state "ON"/"1"/"true" (any case) for {@link #ON}, "OFF"/"0"/"false" for {@link #OFF}
     * @return the matching value
     */
    public static OnOffType from(String state) {
        String normalised = state.trim().toUpperCase();
        return switch (normalised) {
            case "ON", "1", "TRUE" -> ON;
            case "OFF", "0", "FALSE" -> OFF;
            default -> throw new IllegalArgumentException("Unknown OnOffType value '" + state + "'");
        };
    }

    public static OnOffType from(boolean state) {
        return state ? ON : OFF;
    }

    @Override
    public String format(String pattern) {
        return String.format(pattern, toString());
    }

    @Override
    public String toString() {
        return toFullString();
    }

    @Override
    public String toFullString() {
        return name();
    }

    @Override
    public <T extends State> @Nullable T as(@Nullable Class<T> target) {
        if (target == DecimalType.class) {
            return target.cast(this == ON ? new DecimalType(1) : DecimalType.ZERO);
        } else if (target == PercentType.class) {
            return target.cast(this == ON ? PercentType.HUNDRED : PercentType.ZERO);
        } else if (target == OpenClosedType.class) {
            return target.cast(this == ON ? OpenClosedType.OPEN : OpenClosedType.CLOSED);
        }
        return State.super.as(target);
    }
}
