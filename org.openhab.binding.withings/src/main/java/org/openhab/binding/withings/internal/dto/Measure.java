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

import com.google.gson.JsonObject;
import com.google.gson.annotations.SerializedName;

/**
 * One measure of a {@link MeasureGroup}: the real value is {@code value × 10^unit} ({@link #decodedValue()}).
 *
 * @author Withings binding contributors - Initial contribution
 */
public class Measure {
    /** Raw integer value. */
    @SerializedName("value")
    public Long value;
    /** Measure type code (see MeasureType). */
    @SerializedName("type")
    public Integer type;
    /** Power of ten of the value. */
    @SerializedName("unit")
    public Integer unit;
    /** Body position (segmental measures); absent for whole-body values. */
    @SerializedName("position")
    public Integer position;
    /** Deprecated. */
    @SerializedName("algo")
    public Long algo;
    /** Deprecated. */
    @SerializedName("fm")
    public Integer fm;
    /** Undocumented algorithm parameters, seen in captures. */
    @SerializedName("algo_params")
    public JsonObject algoParams;

    /**
     * @return {@code value × 10^unit} exactly (e.g. 70500 and -3 give 70.5), or null if the value is missing
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
