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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.annotations.SerializedName;

/**
 * Data of a {@link SleepSummary} (every documented {@code data_fields} entry). Negative values mean "not computed".
 *
 * @author Withings binding contributors - Initial contribution
 */
public class SleepSummaryData {
    /** Seconds. */
    @SerializedName("total_timeinbed")
    public Integer totalTimeinbed;
    /** Seconds. */
    @SerializedName("total_sleep_time")
    public Integer totalSleepTime;
    /** Seconds. */
    @SerializedName("asleepduration")
    public Integer asleepduration;
    /** Seconds. */
    @SerializedName("lightsleepduration")
    public Integer lightsleepduration;
    /** Seconds. */
    @SerializedName("deepsleepduration")
    public Integer deepsleepduration;
    /** Seconds. */
    @SerializedName("remsleepduration")
    public Integer remsleepduration;
    /** Seconds. */
    @SerializedName("sleep_latency")
    public Integer sleepLatency;
    /** Seconds. */
    @SerializedName("wakeup_latency")
    public Integer wakeupLatency;
    /** Seconds. */
    @SerializedName("wakeupduration")
    public Integer wakeupduration;
    /** Seconds. */
    @SerializedName("waso")
    public Integer waso;
    /** Seconds. */
    @SerializedName("snoring")
    public Integer snoring;
    /** Seconds. */
    @SerializedName("mvt_active_duration")
    public Integer mvtActiveDuration;
    /** Seconds. */
    @SerializedName("breathing_sounds")
    public Integer breathingSounds;
    /** Seconds; deprecated, use the *_latency field. */
    @SerializedName("durationtosleep")
    public Integer durationtosleep;
    /** Seconds; deprecated, use the *_latency field. */
    @SerializedName("durationtowakeup")
    public Integer durationtowakeup;
    /** Count. */
    @SerializedName("wakeupcount")
    public Integer wakeupcount;
    /** Count. */
    @SerializedName("nb_rem_episodes")
    public Integer nbRemEpisodes;
    /** Count. */
    @SerializedName("out_of_bed_count")
    public Integer outOfBedCount;
    /** Count. */
    @SerializedName("snoringepisodecount")
    public Integer snoringepisodecount;
    /** Count. */
    @SerializedName("breathing_sounds_episode_count")
    public Integer breathingSoundsEpisodeCount;
    /** bpm. */
    @SerializedName("hr_average")
    public Integer hrAverage;
    /** bpm. */
    @SerializedName("hr_min")
    public Integer hrMin;
    /** bpm. */
    @SerializedName("hr_max")
    public Integer hrMax;
    /** Breaths/min. */
    @SerializedName("rr_average")
    public Integer rrAverage;
    /** Breaths/min. */
    @SerializedName("rr_min")
    public Integer rrMin;
    /** Breaths/min. */
    @SerializedName("rr_max")
    public Integer rrMax;
    /** Ratio 0-1. */
    @SerializedName("sleep_efficiency")
    public Double sleepEfficiency;
    /** 0-100. */
    @SerializedName("sleep_score")
    public Integer sleepScore;
    /** Index. */
    @SerializedName("breathing_disturbances_intensity")
    public Integer breathingDisturbancesIntensity;
    /** Index (US Sleep Rx). */
    @SerializedName("withings_index")
    public Double withingsIndex;
    /** Events per hour. */
    @SerializedName("apnea_hypopnea_index")
    public Double apneaHypopneaIndex;
    /** Celsius. */
    @SerializedName("core_body_temperature_min")
    public Double coreBodyTemperatureMin;
    /** Celsius. */
    @SerializedName("core_body_temperature_max")
    public Double coreBodyTemperatureMax;
    /** Celsius. */
    @SerializedName("core_body_temperature_avg")
    public Double coreBodyTemperatureAvg;
    /** Status of the core body temperature values. */
    @SerializedName("core_body_temperature_status")
    public String coreBodyTemperatureStatus;
    /** Average movement score of the night. */
    @SerializedName("mvt_score_avg")
    public Double mvtScoreAvg;
    /** Heart-rate variability, root mean square of successive differences, ms (ScanWatch 2). */
    @SerializedName("rmssd")
    public Double rmssd;
    /** Heart-rate variability, standard deviation of NN intervals over 1 minute, ms (ScanWatch 2). */
    @SerializedName("sdnn_1")
    public Double sdnn1;
    /** Quality code of the heart-rate variability values (ScanWatch 2). */
    @SerializedName("hrv_quality")
    public Integer hrvQuality;
    /** Skin temperature of the night, Celsius (ScanWatch 2). */
    @SerializedName("skin_temperature")
    public Double skinTemperature;
    /** Event type to offsets (s) from startdate; see {@link #nightEvents()}. */
    @SerializedName("night_events")
    public JsonElement nightEvents;

    /**
     * @return the night events (1 in bed, 2 asleep, 3 awake, 4 out of bed, 5/6 manual) with their offsets in
     *         seconds from the summary's startdate; entries of an unexpected shape are skipped
     */
    public Map<Integer, List<Long>> nightEvents() {
        Map<Integer, List<Long>> result = new TreeMap<>();
        JsonElement events = this.nightEvents;
        if (events == null || !events.isJsonObject()) {
            return result;
        }
        JsonObject object = events.getAsJsonObject();
        for (String key : object.keySet()) {
            try {
                int type = Integer.parseInt(key);
                List<Long> offsets = new ArrayList<>();
                JsonElement value = object.get(key);
                if (value.isJsonArray()) {
                    for (JsonElement e : value.getAsJsonArray()) {
                        offsets.add(e.getAsLong());
                    }
                } else if (value.isJsonPrimitive()) {
                    offsets.add(value.getAsLong());
                }
                result.put(type, offsets);
            } catch (RuntimeException e) {
                // tolerate unexpected shapes
            }
        }
        return result;
    }
}
