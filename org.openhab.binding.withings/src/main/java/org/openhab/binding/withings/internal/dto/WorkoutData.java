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
 * Data of a {@link Workout}; 0 means "not measured".
 *
 * @author Withings binding contributors - Initial contribution
 */
public class WorkoutData {
    /** kcal. */
    @SerializedName("calories")
    public Double calories;
    /** 0-100; 0 = unset. */
    @SerializedName("intensity")
    public Integer intensity;
    @SerializedName("manual_distance")
    public Double manualDistance;
    @SerializedName("manual_calories")
    public Double manualCalories;
    @SerializedName("manual_intensity")
    public Integer manualIntensity;
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
    /** Seconds. */
    @SerializedName("pause_duration")
    public Integer pauseDuration;
    /** Seconds. */
    @SerializedName("algo_pause_duration")
    public Integer algoPauseDuration;
    /** Percent. */
    @SerializedName("spo2_average")
    public Double spo2Average;
    @SerializedName("steps")
    public Integer steps;
    /** Metres. */
    @SerializedName("distance")
    public Double distance;
    @SerializedName("elevation")
    public Double elevation;
    @SerializedName("pool_laps")
    public Integer poolLaps;
    @SerializedName("strokes")
    public Integer strokes;
    @SerializedName("pool_length")
    public Integer poolLength;
}
