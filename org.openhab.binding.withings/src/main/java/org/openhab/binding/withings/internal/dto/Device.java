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
 * A device of the user ({@code v2/user getdevice}).
 *
 * @author Withings binding contributors - Initial contribution
 */
public class Device {
    /** Scale, Blood Pressure Monitor, Activity Tracker, Sleep Monitor, ... */
    @SerializedName("type")
    public String type;
    /** Model name (may be empty). */
    @SerializedName("model")
    public String model;
    @SerializedName("model_id")
    public Integer modelId;
    /** high (> 75 %), medium (> 30 %) or low; other values tolerated. */
    @SerializedName("battery")
    public String battery;
    @SerializedName("deviceid")
    public String deviceid;
    @SerializedName("hash_deviceid")
    public String hashDeviceid;
    @SerializedName("timezone")
    public String timezone;
    /** Unix seconds, nullable. */
    @SerializedName("first_session_date")
    public Long firstSessionDate;
    /** Unix seconds, nullable. */
    @SerializedName("last_session_date")
    public Long lastSessionDate;
    /** Firmware (advanced partners only). */
    @SerializedName("fw")
    public String fw;
    /** Advanced partners only. */
    @SerializedName("mac_address")
    public String macAddress;
    /** Advanced partners only. */
    @SerializedName("network_status")
    public String networkStatus;
}
