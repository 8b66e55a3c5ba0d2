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

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.*;
import static org.mockito.Mockito.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.api.CountingTokenProvider;
import org.openhab.binding.withings.internal.api.MeasureResult;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.dto.Device;
import org.openhab.binding.withings.internal.mapping.Fixtures;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.UnDefType;

/**
 * The device handler: owner lookup, one getdevice per interval for all devices of a user, battery states and
 * status.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsDeviceHandlerTest {

    private static final String USER = "12345";
    private static final String SCALE = "f998be4b9ccc9e136fd8cd8e8e344c31ec3b271d";
    private static final String MONITOR = "0aa0bb0cc0dd0ee0ff0aa0bb0cc0dd0ee0ff0aa0";

    private final WithingsClient client = mock(WithingsClient.class);
    private final TestAccount account = new TestAccount(client, new CountingTokenProvider("token"));
    private final FakeScheduler scheduler = new FakeScheduler(Instant.parse("2023-10-20T12:00:00Z"));
    private final MutableClock clock = scheduler.clock();
    private final Harness harness = new Harness(account);

    @BeforeEach
    void setUp() throws Exception {
        List<Device> devices = new ArrayList<>(Fixtures.list("home-assistant/devices.json", "devices", Device.class));
        Device monitor = new Device();
        monitor.deviceid = MONITOR;
        monitor.type = "Sleep Monitor";
        monitor.model = "";
        monitor.battery = "low";
        devices.add(monitor);
        when(client.getDevices(any())).thenReturn(devices);
        when(client.getMeasures(any(), any())).thenReturn(new MeasureResult(List.of(), 1L, null, true));
        when(client.getGoals(any())).thenReturn(Optional.empty());
        // user Thing of the owner
        Thing user = harness.userThing("alice", USER, false);
        harness.user(user, scheduler, clock, Duration.ofSeconds(2)).initialize();
    }

    @Test
    void devicesOfOneUserCostOneRequestPerInterval() throws Exception {
        Thing scale = harness.deviceThing("scale", SCALE, USER);
        Thing monitor = harness.deviceThing("monitor", MONITOR, "");
        harness.device(scale).initialize();
        harness.device(monitor).initialize();
        assertEquals(ThingStatus.UNKNOWN, harness.status(scale).getStatus());
        assertEquals(UnDefType.UNDEF, harness.state(scale, "battery-state"));

        scheduler.runDue();

        verify(client, times(1)).getDevices(any());
        assertEquals(ThingStatus.ONLINE, harness.status(scale).getStatus());
        assertEquals(ThingStatus.ONLINE, harness.status(monitor).getStatus());
        // model, type and vendor are Thing properties, not channels
        assertEquals("Body+", scale.getProperties().get("modelId"));
        assertEquals("Scale", scale.getProperties().get("deviceType"));
        assertEquals("Withings", scale.getProperties().get("vendor"));
        assertNull(scale.getProperties().get("firmwareVersion"));
        assertEquals(new StringType("high"), harness.state(scale, "battery-state"));
        assertEquals(OnOffType.OFF, harness.state(scale, "low-battery"));
        DateTimeType lastSync = (DateTimeType) harness.state(scale, "last-sync");
        assertNotNull(lastSync);
        assertEquals(Instant.ofEpochSecond(1693867179), lastSync.getInstant());
        // the monitor (no owner configured) is found in the lists the bridge keeps
        assertEquals(new StringType("low"), harness.state(monitor, "battery-state"));
        assertEquals(OnOffType.ON, harness.state(monitor, "low-battery"));
        assertEquals(UnDefType.UNDEF, harness.state(monitor, "last-sync"));
        // the sleep monitor is tagged as a bed, the scale keeps the Thing type's tag
        verify(harness.callback).thingUpdated(argThat(
                t -> t.getUID().equals(monitor.getUID()) && "Bed".equals(t.getSemanticEquipmentTag())));
        verify(harness.callback, never()).thingUpdated(
                argThat(t -> t.getUID().equals(scale.getUID()) && "Bed".equals(t.getSemanticEquipmentTag())));

        // the next listing, a devices interval (6 h) later, again costs one request for both
        scheduler.advance(Duration.ofHours(6));
        verify(client, times(2)).getDevices(any());
    }

    @Test
    void unlistedDeviceAndMissingOwner() throws Exception {
        Thing gone = harness.deviceThing("gone", "ffff", USER);
        harness.device(gone).initialize();
        Thing orphan = harness.deviceThing("orphan", SCALE, "99999");
        harness.device(orphan).initialize();
        Thing noId = harness.deviceThing("noid", "", "");
        harness.device(noId).initialize();
        scheduler.runDue();

        assertEquals(ThingStatusDetail.GONE, harness.status(gone).getStatusDetail());
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, harness.status(orphan).getStatusDetail());
        assertEquals("@text/offline.device.no-owner [\"" + SCALE + "\"]", harness.status(orphan).getDescription());
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, harness.status(noId).getStatusDetail());
    }

    @Test
    void refreshRepublishesAndBridgeOffline() throws Exception {
        Thing scale = harness.deviceThing("scale", SCALE, USER);
        WithingsDeviceHandler handler = harness.device(scale);
        handler.initialize();
        scheduler.runDue();
        clearInvocations(harness.callback);
        handler.handleCommand(new ChannelUID(scale.getUID(), "battery-state"), RefreshType.REFRESH);
        verify(harness.callback).stateUpdated(new ChannelUID(scale.getUID(), "battery-state"), new StringType("high"));

        int pending = scheduler.pending();
        handler.bridgeStatusChanged(new org.openhab.core.thing.ThingStatusInfo(ThingStatus.OFFLINE,
                ThingStatusDetail.NONE, null));
        assertEquals(ThingStatusDetail.BRIDGE_OFFLINE, harness.status(scale).getStatusDetail());
        // the device Thing has no job of its own: it makes no request
        assertEquals(pending, scheduler.pending());
    }
    @Test
    void aNewDescriptionOfTheOnlineBridgeDoesNotMakeTheDeviceFlap() throws Exception {
        Thing scale = harness.deviceThing("scale", SCALE, USER);
        WithingsDeviceHandler handler = harness.device(scale);
        handler.initialize();
        scheduler.runDue();
        assertEquals(ThingStatus.ONLINE, harness.status(scale).getStatus());
        List<Duration> polls = scheduler.pendingDelays();
        clearInvocations(harness.callback);

        // the bridge stays ONLINE, only its description changes (webhook unreachable, users to re-authorise)
        handler.bridgeStatusChanged(new org.openhab.core.thing.ThingStatusInfo(ThingStatus.ONLINE,
                ThingStatusDetail.NONE, "@text/webhook.status.unreachable"));
        handler.bridgeStatusChanged(
                new org.openhab.core.thing.ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null));

        verify(harness.callback, never()).statusUpdated(any(), any());
        assertEquals(polls, scheduler.pendingDelays());

        // back from OFFLINE it starts again
        handler.bridgeStatusChanged(new org.openhab.core.thing.ThingStatusInfo(ThingStatus.OFFLINE,
                ThingStatusDetail.COMMUNICATION_ERROR, null));
        handler.bridgeStatusChanged(
                new org.openhab.core.thing.ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null));
        // the bridge kept the owner's list: ONLINE at once, without a request
        assertEquals(ThingStatus.ONLINE, harness.status(scale).getStatus());
    }
    @Test
    void aListingFinishingAfterDisposeReportsNothing() throws Exception {
        List<Device> devices = client.getDevices(any());
        Thing scale = harness.deviceThing("scale", SCALE, USER);
        WithingsDeviceHandler handler = harness.device(scale);
        handler.initialize();
        // the device Thing is disposed while Withings answers its owner's getdevice
        when(client.getDevices(any())).thenAnswer(invocation -> {
            handler.dispose();
            clearInvocations(harness.callback);
            return devices;
        });
        scheduler.runDue(); // the owner's first sync

        verify(harness.callback, never()).statusUpdated(eq(scale), any());
        verify(harness.callback, never()).stateUpdated(argThat(uid -> uid.getThingUID().equals(scale.getUID())),
                any());
        verify(harness.callback, never()).thingUpdated(any());
    }
}
