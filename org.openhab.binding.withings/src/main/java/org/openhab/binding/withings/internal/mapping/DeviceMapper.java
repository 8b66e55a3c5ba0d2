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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.dto.Device;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.Thing;
import org.openhab.core.types.UnDefType;

/**
 * Maps a getdevice entry to the device Thing: the battery as Withings reports it (the level high, medium or low,
 * and low battery as a switch; Withings sends no percentage) and the last sync as channels; model, device type and
 * firmware as Thing properties.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class DeviceMapper {

    public static final String BATTERY_STATE = "battery-state";
    public static final String LOW_BATTERY = "low-battery";
    public static final String LAST_SYNC = "last-sync";
    /** Every channel of the device Thing. */
    public static final List<String> CHANNELS = List.of(BATTERY_STATE, LOW_BATTERY, LAST_SYNC);

    /** Thing property: the Withings device type, e.g. Scale or Sleep Monitor. */
    public static final String PROPERTY_DEVICE_TYPE = "deviceType";
    /** Thing property value of {@link Thing#PROPERTY_VENDOR}. */
    public static final String VENDOR = "Withings";

    private static final List<String> BATTERY_LEVELS = List.of("high", "medium", "low");

    private DeviceMapper() {
    }

    /**
     * The semantic equipment tag that fits the device type better than the Thing type's {@code Sensor}, or null.
     * Sleep monitors (Sleep Analyzer, Aura) lie under the mattress: {@code Bed}.
     */
    public static @Nullable String equipmentTag(@Nullable String deviceType) {
        return deviceType != null && deviceType.toLowerCase(Locale.ROOT).startsWith("sleep") ? "Bed" : null;
    }

    /** The channel states of a device. */
    public static ChannelData map(Device device, ZoneId fallbackZone) {
        ZoneId zone = States.zone(device.timezone, fallbackZone);
        ChannelData data = new ChannelData();
        String battery = device.battery == null ? null : device.battery.trim().toLowerCase(Locale.ROOT);
        if (battery == null || !BATTERY_LEVELS.contains(battery)) {
            data.state(BATTERY_STATE, UnDefType.UNDEF);
            data.state(LOW_BATTERY, UnDefType.UNDEF);
        } else {
            data.state(BATTERY_STATE, new StringType(battery));
            data.state(LOW_BATTERY, OnOffType.from("low".equals(battery)));
        }
        data.state(LAST_SYNC, States.dateTime(device.lastSessionDate, zone));
        return data;
    }

    /**
     * The Thing properties of a device: {@code vendor}, {@code modelId} (the model name, else Withings' numeric
     * model id), {@code deviceType} and {@code firmwareVersion}; a value Withings does not send is absent.
     */
    public static Map<String, String> properties(Device device) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(Thing.PROPERTY_VENDOR, VENDOR);
        String model = text(device.model);
        Integer modelId = device.modelId;
        if (model == null && modelId != null) {
            model = modelId.toString();
        }
        putIfPresent(properties, Thing.PROPERTY_MODEL_ID, model);
        putIfPresent(properties, PROPERTY_DEVICE_TYPE, text(device.type));
        putIfPresent(properties, Thing.PROPERTY_FIRMWARE_VERSION, text(device.fw));
        return properties;
    }

    private static void putIfPresent(Map<String, String> properties, String name, @Nullable String value) {
        if (value != null) {
            properties.put(name, value);
        }
    }

    private static @Nullable String text(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
