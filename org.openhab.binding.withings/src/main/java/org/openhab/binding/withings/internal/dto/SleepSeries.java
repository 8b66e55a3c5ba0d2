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

import java.util.Map;

import com.google.gson.annotations.SerializedName;

/**
 * One sleep state period of {@code v2/sleep get} with its high-frequency series ({@code "<epoch>": value}).
 *
 * @author Withings binding contributors - Initial contribution
 */
public class SleepSeries {
    @SerializedName("startdate")
    public Long startdate;
    @SerializedName("enddate")
    public Long enddate;
    /** 0 awake, 1 light, 2 deep, 3 REM, 4 manual, 5 unspecified, 15 out of bed. */
    @SerializedName("state")
    public Integer state;
    @SerializedName("model")
    public String model;
    @SerializedName("model_id")
    public Integer modelId;
    @SerializedName("hash_deviceid")
    public String hashDeviceid;
    /** Heart rate per epoch. */
    @SerializedName("hr")
    public Map<String, Double> hr;
    /** Respiration rate per epoch. */
    @SerializedName("rr")
    public Map<String, Double> rr;
    /** Snoring per epoch. */
    @SerializedName("snoring")
    public Map<String, Double> snoring;
    @SerializedName("sdnn_1")
    public Map<String, Double> sdnn1;
    @SerializedName("rmssd")
    public Map<String, Double> rmssd;
    @SerializedName("mvt_score")
    public Map<String, Double> mvtScore;
    @SerializedName("chest_movement_rate")
    public Map<String, Double> chestMovementRate;
    @SerializedName("withings_index")
    public Map<String, Double> withingsIndex;
}
