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
package org.openhab.binding.withings.internal.dto;

import java.math.BigDecimal;

import com.google.gson.annotations.SerializedName;

/**
 * Weight goal: {@code value × 10^unit} kg ({@link #decodedValue()}).
 *
 * @author Withings binding contributors - Initial contribution
 */
public class GoalWeight {
    @SerializedName("value")
    public Long value;
    @SerializedName("unit")
    public Integer unit;

    /**
     * @return the goal in kg, exactly, or null if missing
     */
    public BigDecimal decodedValue() {
        Long v = value;
        if (v == null) {
            return null;
        }
        Integer u = unit;
        return BigDecimal.valueOf(v).scaleByPowerOfTen(u == null ? 0 : u);
    }
}
