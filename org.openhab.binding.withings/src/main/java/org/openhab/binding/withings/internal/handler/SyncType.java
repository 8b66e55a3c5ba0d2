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
package org.openhab.binding.withings.internal.handler;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.api.MeasureType;
import org.openhab.binding.withings.internal.api.WithingsScope;
import org.openhab.binding.withings.internal.mapping.ActivityMapper;
import org.openhab.binding.withings.internal.mapping.GoalsMapper;
import org.openhab.binding.withings.internal.mapping.SleepMapper;
import org.openhab.binding.withings.internal.mapping.WorkoutMapper;

/**
 * The data types a user Thing synchronises, each with its own cursor, poll interval, scope and channel groups.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public enum SyncType {
    /** getmeas: body and heart measures. */
    MEASURES("measures", WithingsScope.METRICS, List.of(MeasureType.GROUP_BODY, MeasureType.GROUP_HEART)),
    /** getactivity and getworkouts. */
    ACTIVITY("activity", WithingsScope.ACTIVITY, List.of(ActivityMapper.GROUP, WorkoutMapper.GROUP)),
    /** sleep getsummary. */
    SLEEP("sleep", WithingsScope.ACTIVITY, List.of(SleepMapper.GROUP)),
    /** getgoals (no notification exists: always polled). */
    GOALS("goals", WithingsScope.INFO, List.of(GoalsMapper.GROUP)),
    /** heart list and the ECG measure types (push only; the ECG values also come with getmeas). */
    HEART("heart", WithingsScope.METRICS, List.of());

    private final String key;
    private final String scope;
    private final List<String> groups;

    SyncType(String key, String scope, List<String> groups) {
        this.key = key;
        this.scope = scope;
        this.groups = groups;
    }

    /** The key of the cursor and snapshots in the storage. */
    public String key() {
        return key;
    }

    /** The OAuth scope the type needs. */
    public String scope() {
        return scope;
    }

    /** The channel groups the type fills. */
    public List<String> groups() {
        return groups;
    }

    /** The type that fills a channel group, or null (presence has none). */
    public static @Nullable SyncType ofGroup(String group) {
        for (SyncType type : values()) {
            if (type.groups.contains(group)) {
                return type;
            }
        }
        return null;
    }

    /** The types that are polled. */
    public static List<SyncType> polled() {
        return List.of(MEASURES, ACTIVITY, SLEEP, GOALS);
    }
}
