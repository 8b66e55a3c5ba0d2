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

import java.time.ZoneId;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.dto.Device;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;

/**
 * Maps a getdevice entry to the device Thing's channels. Withings reports the battery only as high (above 75 %),
 * medium (above 30 %) or low; the level channel approximates these as 80, 50 and 20 %.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class DeviceMapper {

    public static final String MODEL = "model";
    public static final String DEVICE_TYPE = "device-type";
    public static final String BATTERY_LEVEL = "battery-level";
    public static final String BATTERY_STATE = "battery-state";
    public static final String LOW_BATTERY = "low-battery";
    public static final String LAST_SYNC = "last-sync";
    public static final String FIRMWARE = "firmware";

    private DeviceMapper() {
    }

    /** The approximate battery level of a Withings battery state, or null when unknown. */
    public static @Nullable Integer batteryLevel(@Nullable String battery) {
        if (battery == null) {
            return null;
        }
        return switch (battery.toLowerCase(Locale.ROOT)) {
            case "high" -> 80;
            case "medium" -> 50;
            case "low" -> 20;
            default -> null;
        };
    }

    /**
     * The semantic equipment tag that fits the device type better than the Thing type's {@code Sensor}, or null.
     * Sleep monitors (Sleep Analyzer, Aura) lie under the mattress: {@code Bed}.
     */
    public static @Nullable String equipmentTag(@Nullable String deviceType) {
        return deviceType != null && deviceType.toLowerCase(Locale.ROOT).startsWith("sleep") ? "Bed" : null;
    }

    public static ChannelData map(Device device, ZoneId fallbackZone) {
        ZoneId zone = States.zone(device.timezone, fallbackZone);
        ChannelData data = new ChannelData();
        data.state(MODEL, text(device.model));
        data.state(DEVICE_TYPE, text(device.type));
        String battery = device.battery;
        Integer level = batteryLevel(battery);
        if (level == null || battery == null) {
            data.state(BATTERY_LEVEL, UnDefType.UNDEF);
            data.state(BATTERY_STATE, UnDefType.UNDEF);
            data.state(LOW_BATTERY, UnDefType.UNDEF);
        } else {
            data.state(BATTERY_LEVEL, new DecimalType(level));
            data.state(BATTERY_STATE, new StringType(battery.toLowerCase(Locale.ROOT)));
            data.state(LOW_BATTERY, OnOffType.from(level <= 20));
        }
        data.state(LAST_SYNC, States.dateTime(device.lastSessionDate, zone));
        data.state(FIRMWARE, text(device.fw));
        return data;
    }

    private static State text(@Nullable String value) {
        return value == null || value.isBlank() ? UnDefType.UNDEF : new StringType(value);
    }
}
