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
import static org.openhab.binding.withings.internal.WithingsBindingConstants.THING_TYPE_USER;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.WithingsServices;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsAuthException;
import org.openhab.binding.withings.internal.api.WithingsRateLimitException;
import org.openhab.binding.withings.internal.config.WithingsDeviceConfiguration;
import org.openhab.binding.withings.internal.dto.Device;
import org.openhab.binding.withings.internal.mapping.ChannelData;
import org.openhab.binding.withings.internal.mapping.DeviceMapper;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.binding.BaseThingHandler;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.types.Command;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler of one Withings device ({@code withings:device}): model, type, battery and last sync, polled at the
 * goals interval through its owner's user handler (which fetches getdevice once per interval for all the user's
 * devices).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class WithingsDeviceHandler extends BaseThingHandler {

    static final long RETRY_SECONDS = 60;
    static final Duration REFRESH_MIN_SPACING = Duration.ofMinutes(1);

    private final Logger logger = LoggerFactory.getLogger(WithingsDeviceHandler.class);
    private final WithingsServices services;
    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final Map<String, State> published = new ConcurrentHashMap<>();

    private String deviceId = "";
    private String userId = "";
    private @Nullable ScheduledFuture<?> pollJob;
    private @Nullable Instant lastRefresh;
    private volatile boolean disposed;
    /** Polling while the bridge is ONLINE; a new status of the ONLINE bridge must not restart it. */
    private volatile boolean running;

    public WithingsDeviceHandler(Thing thing, WithingsServices services) {
        this(thing, services, null, Clock.systemUTC());
    }

    /** For tests: the executor and clock. */
    WithingsDeviceHandler(Thing thing, WithingsServices services, @Nullable ScheduledExecutorService executor,
            Clock clock) {
        super(thing);
        this.services = services;
        this.executor = executor != null ? executor : scheduler;
        this.clock = clock;
    }

    WithingsServices services() {
        return services;
    }

    @Override
    public void initialize() {
        disposed = false;
        running = false;
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
        for (String channel : DeviceMapper.CHANNELS) {
            publish(channel, UnDefType.UNDEF);
        }
        Bridge bridge = getBridge();
        if (bridge == null || bridge.getStatus() != ThingStatus.ONLINE) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
            return;
        }
        running = true;
        updateStatus(ThingStatus.UNKNOWN);
        schedulePoll(0);
    }

    @Override
    public void bridgeStatusChanged(ThingStatusInfo bridgeStatusInfo) {
        if (deviceId.isEmpty() || disposed) {
            return;
        }
        if (bridgeStatusInfo.getStatus() == ThingStatus.ONLINE) {
            if (!running) {
                running = true;
                updateStatus(ThingStatus.UNKNOWN);
                schedulePoll(0);
            }
        } else {
            running = false;
            cancelPoll();
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        }
    }

    @Override
    public void dispose() {
        disposed = true;
        cancelPoll();
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        if (!(command instanceof RefreshType)) {
            return;
        }
        State state = published.get(channelUID.getId());
        if (state != null) {
            updateState(channelUID, state);
        }
        Instant now = clock.instant();
        Instant last = lastRefresh;
        if (last == null || !last.plus(REFRESH_MIN_SPACING).isAfter(now)) {
            lastRefresh = now;
            schedulePoll(0);
        }
    }

    private synchronized void schedulePoll(long delaySeconds) {
        if (disposed || !running) {
            return;
        }
        cancelPoll();
        pollJob = executor.schedule(this::poll, delaySeconds, TimeUnit.SECONDS);
    }

    private synchronized void cancelPoll() {
        ScheduledFuture<?> job = pollJob;
        if (job != null) {
            job.cancel(false);
        }
        pollJob = null;
    }

    /** Finds the owner, reads the device list (cached by the owner) and publishes this device's channels. */
    void poll() {
        long next = RETRY_SECONDS;
        try {
            WithingsUserHandler owner = findOwner();
            if (owner == null) {
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                        "@text/offline.device.no-owner [\"" + deviceId + "\"]");
                return;
            }
            next = owner.devicesInterval();
            Device device = find(owner.devices(Duration.ofSeconds(next).minusSeconds(5)));
            if (disposed) {
                return; // disposed while Withings answered: the Thing is no longer ours
            }
            if (device == null) {
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.GONE, "@text/offline.device.not-listed");
                return;
            }
            ChannelData data = DeviceMapper.map(device, services.timeZoneProvider().getTimeZone());
            data.states().forEach(this::publish);
            updateProperties(DeviceMapper.properties(device));
            updateStatus(ThingStatus.ONLINE);
            String tag = DeviceMapper.equipmentTag(device.type);
            if (tag != null && !tag.equals(getThing().getSemanticEquipmentTag())) {
                updateThing(editThing().withSemanticEquipmentTag(tag).build());
            }
        } catch (WithingsAuthException e) {
            logger.debug("Owner of Withings device {} is not authorised: {}", deviceId, e.getMessage());
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    "@text/offline.device.owner-unavailable");
        } catch (WithingsRateLimitException e) {
            logger.debug("Withings rate limit reached while reading device {}", deviceId);
        } catch (WithingsApiException e) {
            logger.debug("Reading Withings device {} failed: {}", deviceId, e.getMessage());
            next = RETRY_SECONDS * 5;
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                    "@text/offline.device.communication-error");
        } finally {
            schedulePoll(next);
        }
    }

    private @Nullable Device find(List<Device> devices) {
        for (Device device : devices) {
            if (deviceId.equals(device.deviceid) || deviceId.equals(device.hashDeviceid)) {
                return device;
            }
        }
        return null;
    }

    /** The user handler under the same bridge that owns this device: by the configured userid, else by asking. */
    private @Nullable WithingsUserHandler findOwner() throws WithingsApiException {
        Bridge bridge = getBridge();
        if (bridge == null) {
            return null;
        }
        WithingsUserHandler candidate = null;
        for (Thing thing : bridge.getThings()) {
            if (!THING_TYPE_USER.equals(thing.getThingTypeUID())) {
                continue;
            }
            ThingHandler handler = thing.getHandler();
            if (!(handler instanceof WithingsUserHandler user) || user.userId().isEmpty()) {
                continue;
            }
            if (!userId.isEmpty()) {
                if (userId.equals(user.userId())) {
                    return user;
                }
                continue;
            }
            try {
                if (find(user.devices(Duration.ofSeconds(user.devicesInterval()).minusSeconds(5))) != null) {
                    candidate = user;
                    break;
                }
            } catch (WithingsAuthException e) {
                logger.debug("User {} cannot tell about device {}", user.userId(), deviceId);
            }
        }
        return candidate;
    }

    private void publish(String channel, State state) {
        published.put(channel, state);
        if (!disposed) {
            updateState(channel, state);
        }
    }

    /** After dispose, a poll still under way reports nothing. */
    @Override
    protected void updateStatus(ThingStatus status, ThingStatusDetail statusDetail, @Nullable String description) {
        if (!disposed) {
            super.updateStatus(status, statusDetail, description);
        }
    }
}
