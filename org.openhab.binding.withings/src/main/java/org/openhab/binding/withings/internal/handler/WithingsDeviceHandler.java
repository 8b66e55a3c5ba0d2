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

import static org.openhab.binding.withings.internal.WithingsBindingConstants.PROPERTY_DEVICE_ID;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.WithingsServices;
import org.openhab.binding.withings.internal.config.WithingsDeviceConfiguration;
import org.openhab.binding.withings.internal.dto.Device;
import org.openhab.binding.withings.internal.mapping.DeviceMapper;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.binding.BaseThingHandler;
import org.openhab.core.types.Command;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;

/**
 * The handler of one Withings device ({@code withings:device}): model, type, battery and last sync. It makes no
 * request: the user Things list their devices through the bridge, which keeps the lists and calls
 * {@link #deviceListed()}; one device shared by several users of a household is one Thing.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class WithingsDeviceHandler extends BaseThingHandler {

    private final WithingsServices services;
    private final Map<String, State> published = new ConcurrentHashMap<>();
    private String deviceId = "";
    private String userId = "";
    private volatile boolean disposed;

    public WithingsDeviceHandler(Thing thing, WithingsServices services) {
        super(thing);
        this.services = services;
    }

    @Override
    public void initialize() {
        disposed = false;
        WithingsDeviceConfiguration config = getConfigAs(WithingsDeviceConfiguration.class);
        deviceId = config.deviceId.trim();
        userId = config.userId.trim();
        if (deviceId.isEmpty()) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    "@text/offline.device.no-device-id");
            return;
        }
        if (!deviceId.equals(getThing().getProperties().get(PROPERTY_DEVICE_ID))) {
            updateProperty(PROPERTY_DEVICE_ID, deviceId);
        }
        DeviceMapper.CHANNELS.forEach(channel -> publish(channel, UnDefType.UNDEF));
        updateStatus(ThingStatus.UNKNOWN);
        deviceListed();
    }

    @Override
    public void bridgeStatusChanged(ThingStatusInfo bridgeStatusInfo) {
        if (deviceId.isEmpty() || disposed) {
            return;
        }
        if (bridgeStatusInfo.getStatus() == ThingStatus.ONLINE) {
            if (getThing().getStatusInfo().getStatusDetail() == ThingStatusDetail.BRIDGE_OFFLINE) {
                updateStatus(ThingStatus.UNKNOWN);
                deviceListed();
            }
        } else {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        }
    }

    @Override
    public void dispose() {
        disposed = true;
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        if (command instanceof RefreshType) {
            State state = published.get(channelUID.getId());
            if (state != null) {
                updateState(channelUID, state);
            }
        }
    }

    /** A user's device list arrived at the bridge (or the Thing starts): shows the device as last listed. */
    public void deviceListed() {
        Bridge bridge = getBridge();
        if (disposed || deviceId.isEmpty()) {
            return;
        }
        if (bridge == null || bridge.getStatus() != ThingStatus.ONLINE
                || !(bridge.getHandler() instanceof WithingsAccountAccess account)) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
            return;
        }
        if (!userId.isEmpty() && !account.hasUserThing(userId)) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    "@text/offline.device.no-owner [\"" + deviceId + "\"]");
            return;
        }
        Optional<Device> listed = account.device(deviceId);
        if (listed.isPresent()) {
            Device device = listed.get();
            DeviceMapper.map(device, services.timeZoneProvider().getTimeZone()).states().forEach(this::publish);
            updateProperties(DeviceMapper.properties(device));
            updateStatus(ThingStatus.ONLINE);
            String tag = DeviceMapper.equipmentTag(device.type);
            if (tag != null && !tag.equals(getThing().getSemanticEquipmentTag()) && !disposed) {
                updateThing(editThing().withSemanticEquipmentTag(tag).build());
            }
        } else if (account.devicesListed(userId)) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.GONE, "@text/offline.device.not-listed");
        } // else: UNKNOWN until the owner's devices are listed
    }

    private void publish(String channel, State state) {
        published.put(channel, state);
        if (!disposed) {
            updateState(channel, state);
        }
    }

    /** After dispose nothing is reported: the Thing is no longer ours. */
    @Override
    protected void updateStatus(ThingStatus status, ThingStatusDetail statusDetail, @Nullable String description) {
        if (!disposed) {
            super.updateStatus(status, statusDetail, description);
        }
    }
}
