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

import com.google.gson.annotations.SerializedName;

/**
 * Values of one epoch of {@code v2/measure getintradayactivity}.
 *
 * @author Withings binding contributors - Initial contribution
 */
public class IntradayData {
    @SerializedName("deviceid")
    public String deviceid;
    @SerializedName("model")
    public String model;
    @SerializedName("model_id")
    public Integer modelId;
    @SerializedName("steps")
    public Integer steps;
    @SerializedName("elevation")
    public Double elevation;
    @SerializedName("calories")
    public Double calories;
    @SerializedName("distance")
    public Double distance;
    @SerializedName("stroke")
    public Integer stroke;
    @SerializedName("pool_lap")
    public Integer poolLap;
    /** Seconds. */
    @SerializedName("duration")
    public Integer duration;
    /** bpm. */
    @SerializedName("heart_rate")
    public Integer heartRate;
    /** Percent. */
    @SerializedName("spo2_auto")
    public Double spo2Auto;
    @SerializedName("rmssd")
    public Double rmssd;
    @SerializedName("sdnn_1")
    public Double sdnn1;
    @SerializedName("hrv_quality")
    public Double hrvQuality;
    @SerializedName("chest_movement_rate")
    public Double chestMovementRate;
}
