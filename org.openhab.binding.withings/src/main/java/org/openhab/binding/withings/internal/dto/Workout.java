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
 * A workout ({@code v2/measure getworkouts}); ids may repeat.
 *
 * @author Withings binding contributors - Initial contribution
 */
public class Workout {
    @SerializedName("id")
    public Long id;
    /** Sport category (the list grows; tolerate unknown ids). */
    @SerializedName("category")
    public Integer category;
    @SerializedName("attrib")
    public Integer attrib;
    @SerializedName("startdate")
    public Long startdate;
    @SerializedName("enddate")
    public Long enddate;
    /** Local day. */
    @SerializedName("date")
    public String date;
    @SerializedName("timezone")
    public String timezone;
    @SerializedName("model")
    public Integer model;
    @SerializedName("deviceid")
    public String deviceid;
    @SerializedName("modified")
    public Long modified;
    @SerializedName("data")
    public WorkoutData data;
}
