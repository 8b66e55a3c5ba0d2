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
package org.openhab.binding.withings.internal.mapping;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.api.MeasureType;
import org.openhab.binding.withings.internal.dto.BloodPressure;
import org.openhab.binding.withings.internal.dto.Ecg;
import org.openhab.binding.withings.internal.dto.HeartSeries;
import org.openhab.binding.withings.internal.dto.Measure;
import org.openhab.binding.withings.internal.dto.MeasureGroup;

/**
 * Turns heart list recordings (ECG, with heart rate and blood pressure when taken together) into measure groups
 * so that they reach the {@code heart} channels and time series through {@link MeasureMapper}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class HeartListMapper {

    /** The measure types that come with an ECG (AFib classifications and intervals). */
    public static final List<Integer> ECG_MEASURE_TYPES = List.of(MeasureType.AFIB_RESULT.code(),
            MeasureType.QRS_INTERVAL.code(), MeasureType.PR_INTERVAL.code(), MeasureType.QT_INTERVAL.code(),
            MeasureType.QTC_INTERVAL.code(), MeasureType.AFIB_PPG_RESULT.code());

    private HeartListMapper() {
    }

    public static List<MeasureGroup> toGroups(List<HeartSeries> series) {
        List<MeasureGroup> groups = new ArrayList<>();
        for (HeartSeries recording : series) {
            Long timestamp = recording.timestamp;
            if (timestamp == null) {
                continue;
            }
            MeasureGroup group = new MeasureGroup();
            group.date = timestamp;
            group.attrib = 0;
            group.category = 1;
            group.deviceid = recording.deviceid;
            group.timezone = recording.timezone;
            group.measures = new ArrayList<>();
            Ecg ecg = recording.ecg;
            if (ecg != null) {
                add(group, MeasureType.AFIB_RESULT, ecg.afib);
            }
            Integer heartRate = recording.heartRate;
            if (heartRate != null && heartRate > 0) {
                add(group, MeasureType.HEART_PULSE, heartRate);
            }
            BloodPressure bp = recording.bloodpressure;
            if (bp != null) {
                add(group, MeasureType.DIASTOLIC, positive(bp.diastole));
                add(group, MeasureType.SYSTOLIC, positive(bp.systole));
            }
            if (!group.measures.isEmpty()) {
                groups.add(group);
            }
        }
        return groups;
    }

    private static @Nullable Integer positive(@Nullable Integer value) {
        return value != null && value > 0 ? value : null;
    }

    private static void add(MeasureGroup group, MeasureType type, @Nullable Integer value) {
        if (value == null) {
            return;
        }
        Measure measure = new Measure();
        measure.type = type.code();
        measure.value = value.longValue();
        measure.unit = 0;
        group.measures.add(measure);
    }
}
