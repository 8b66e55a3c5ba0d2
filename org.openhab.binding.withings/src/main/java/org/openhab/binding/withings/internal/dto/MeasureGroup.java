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

import java.util.List;

import com.google.gson.annotations.SerializedName;

/**
 * A measure group of {@code measure getmeas}: measures taken together, with attribution and times.
 *
 * @author Withings binding contributors - Initial contribution
 */
public class MeasureGroup {
    /** Group id (edits keep it). */
    @SerializedName("grpid")
    public Long grpid;
    /** Attribution (0, 8 device, 1 ambiguous, 2 manual, ...). */
    @SerializedName("attrib")
    public Integer attrib;
    /** When measured (unix seconds). */
    @SerializedName("date")
    public Long date;
    /** When stored (unix seconds). */
    @SerializedName("created")
    public Long created;
    /** Last edit (unix seconds). */
    @SerializedName("modified")
    public Long modified;
    /** 1 real measure, 2 objective. */
    @SerializedName("category")
    public Integer category;
    @SerializedName("deviceid")
    public String deviceid;
    @SerializedName("hash_deviceid")
    public String hashDeviceid;
    /** Device model name. */
    @SerializedName("model")
    public String model;
    @SerializedName("modelid")
    public Integer modelid;
    /** Deprecated, may be null. */
    @SerializedName("comment")
    public String comment;
    /** IANA zone, when sent per group. */
    @SerializedName("timezone")
    public String timezone;
    @SerializedName("measures")
    public List<Measure> measures;

    /**
     * @return true for real measures (category 1 or missing), false for objectives (category 2)
     */
    public boolean isRealMeasure() {
        Integer c = category;
        return c == null || c == 1;
    }
}
