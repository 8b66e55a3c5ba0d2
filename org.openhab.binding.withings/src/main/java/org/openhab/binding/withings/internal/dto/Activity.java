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
 * One day of activity ({@code v2/measure getactivity}).
 *
 * @author Withings binding contributors - Initial contribution
 */
public class Activity {
    /** Local day YYYY-MM-DD. */
    @SerializedName("date")
    public String date;
    @SerializedName("timezone")
    public String timezone;
    @SerializedName("deviceid")
    public String deviceid;
    @SerializedName("hash_deviceid")
    public String hashDeviceid;
    /** 1 Withings, 18 external. */
    @SerializedName("brand")
    public Integer brand;
    @SerializedName("is_tracker")
    public Boolean isTracker;
    @SerializedName("modified")
    public Long modified;
    @SerializedName("model")
    public String model;
    @SerializedName("modelid")
    public Integer modelid;
    @SerializedName("steps")
    public Integer steps;
    /** Metres. */
    @SerializedName("distance")
    public Double distance;
    /** Documented as floors, other clients show metres. */
    @SerializedName("elevation")
    public Double elevation;
    /** Seconds of soft activity. */
    @SerializedName("soft")
    public Integer soft;
    /** Seconds. */
    @SerializedName("moderate")
    public Integer moderate;
    /** Seconds. */
    @SerializedName("intense")
    public Integer intense;
    /** Seconds (moderate + intense). */
    @SerializedName("active")
    public Integer active;
    /** Active kcal. */
    @SerializedName("calories")
    public Double calories;
    /** Total kcal. */
    @SerializedName("totalcalories")
    public Double totalcalories;
    /** bpm; 0 = no heart rate. */
    @SerializedName("hr_average")
    public Integer hrAverage;
    @SerializedName("hr_min")
    public Integer hrMin;
    @SerializedName("hr_max")
    public Integer hrMax;
    /** Seconds in light zone. */
    @SerializedName("hr_zone_0")
    public Integer hrZone0;
    /** Seconds in moderate zone. */
    @SerializedName("hr_zone_1")
    public Integer hrZone1;
    /** Seconds in intense zone. */
    @SerializedName("hr_zone_2")
    public Integer hrZone2;
    /** Seconds in maximal zone. */
    @SerializedName("hr_zone_3")
    public Integer hrZone3;
}
