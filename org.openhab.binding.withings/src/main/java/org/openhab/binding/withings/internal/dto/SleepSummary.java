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

import com.google.gson.annotations.JsonAdapter;
import com.google.gson.annotations.SerializedName;

/**
 * One night ({@code v2/sleep getsummary}); {@code date} is the wake-up day, startdate/enddate bed and rise time.
 *
 * @author Withings binding contributors - Initial contribution
 */
public class SleepSummary {
    @SerializedName("id")
    public Long id;
    @SerializedName("timezone")
    public String timezone;
    /** Wake-up day YYYY-MM-DD (older answers: unix seconds). */
    @SerializedName("date")
    public String date;
    /** Bed time (unix seconds). */
    @SerializedName("startdate")
    public Long startdate;
    /** Rise time (unix seconds). */
    @SerializedName("enddate")
    public Long enddate;
    @SerializedName("created")
    public Long created;
    @SerializedName("modified")
    public Long modified;
    @JsonAdapter(BooleanFlagAdapter.class)
    @SerializedName("completed")
    public Boolean completed;
    /** 16 tracker, 32 sleep monitor. */
    @SerializedName("model")
    public Integer model;
    @SerializedName("model_id")
    public Integer modelId;
    @SerializedName("hash_deviceid")
    public String hashDeviceid;
    @SerializedName("data")
    public SleepSummaryData data;
}
