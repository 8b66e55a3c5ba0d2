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
 * An ECG/heart recording of {@code v2/heart list}.
 *
 * @author Withings binding contributors - Initial contribution
 */
public class HeartSeries {
    @SerializedName("deviceid")
    public String deviceid;
    @SerializedName("model")
    public Integer model;
    @SerializedName("ecg")
    public Ecg ecg;
    @SerializedName("bloodpressure")
    public BloodPressure bloodpressure;
    /** bpm. */
    @SerializedName("heart_rate")
    public Integer heartRate;
    /** Unix seconds. */
    @SerializedName("timestamp")
    public Long timestamp;
    @SerializedName("timezone")
    public String timezone;
    @SerializedName("modified")
    public Long modified;
}
