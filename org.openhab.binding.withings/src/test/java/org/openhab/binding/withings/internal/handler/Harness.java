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

import static org.mockito.Mockito.*;
import static org.openhab.binding.withings.internal.WithingsBindingConstants.*;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.withings.internal.WithingsServices;
import org.openhab.core.auth.client.oauth2.OAuthFactory;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.i18n.TimeZoneProvider;
import org.openhab.core.storage.StorageService;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.BridgeHandler;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.thing.binding.builder.ThingBuilder;
import org.openhab.core.types.State;
import org.osgi.service.http.HttpService;

/**
 * Wires user and device handlers for tests: the recording callback, a mocked bridge whose handler is the given
 * {@link WithingsAccountAccess}, an in-memory storage service and a fixed time zone.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
final class Harness {

    static final ThingUID BRIDGE_UID = new ThingUID(THING_TYPE_ACCOUNT, "home");
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    /** Records what the handlers report; its mock is the handlers' callback. */
    final RecordingThingCallback recorder = new RecordingThingCallback(Duration.ofSeconds(20));
    final ThingHandlerCallback callback = recorder.mock;
    final Bridge bridge = mock(Bridge.class);
    final WithingsServices services;
    final List<Thing> things;

    /** With storages that start empty. */
    Harness(WithingsAccountAccess account) {
        this(account, new MapStorageService());
    }

    /** With the storages of the given service (the same service again: a restart keeps what was stored). */
    Harness(WithingsAccountAccess account, StorageService storageService) {
        things = account instanceof TestAccount test ? test.things : new ArrayList<>();
        things.clear(); // a new harness on the same account: a restart
        TimeZoneProvider zones = mock(TimeZoneProvider.class);
        when(zones.getTimeZone()).thenReturn(ZONE);
        services = new WithingsServices(mock(HttpClient.class), mock(OAuthFactory.class), mock(HttpService.class),
                storageService, zones);
        BridgeHandler handler = bridgeHandler(account);
        when(bridge.getUID()).thenReturn(BRIDGE_UID);
        when(bridge.getStatus()).thenReturn(ThingStatus.ONLINE);
        when(bridge.getHandler()).thenReturn(handler);
        when(bridge.getThings()).thenAnswer(i -> List.copyOf(things));
        recorder.answerBridge(bridge);
    }

    /** A bridge handler (a new instance each call) that is the given account for the Things. */
    static BridgeHandler bridgeHandler(WithingsAccountAccess account) {
        return mock(BridgeHandler.class, withSettings().extraInterfaces(WithingsAccountAccess.class)
                .defaultAnswer(invocation -> invocation.getMethod().getDeclaringClass() == WithingsAccountAccess.class
                        ? invocation.getMethod().invoke(account, invocation.getArguments())
                        : RETURNS_DEFAULTS.answer(invocation)));
    }

    Thing userThing(String id, String userId, boolean includeAmbiguous) {
        return thing(THING_TYPE_USER, id, Map.of("userId", userId, "includeAmbiguous", includeAmbiguous));
    }

    Thing deviceThing(String id, String deviceId, String userId) {
        return thing(THING_TYPE_DEVICE, id, Map.of("deviceId", deviceId, "userId", userId));
    }

    private Thing thing(ThingTypeUID type, String id, Map<String, Object> config) {
        Thing thing = ThingBuilder.create(type, new ThingUID(type, BRIDGE_UID, id)).withBridge(BRIDGE_UID)
                .withConfiguration(new Configuration(new HashMap<>(config))).build();
        things.add(thing);
        return thing;
    }

    WithingsUserHandler user(Thing thing, ScheduledExecutorService executor, Clock clock, Duration debounce) {
        WithingsUserHandler handler = new WithingsUserHandler(thing, services, executor, clock, debounce);
        handler.setCallback(callback);
        thing.setHandler(handler);
        return handler;
    }

    WithingsDeviceHandler device(Thing thing) {
        WithingsDeviceHandler handler = new WithingsDeviceHandler(thing, services);
        handler.setCallback(callback);
        thing.setHandler(handler);
        return handler;
    }

    /** The last state sent for a channel (group#id) of the Thing, or null. */
    @Nullable
    State state(Thing thing, String channel) {
        return recorder.lastState(thing, channel);
    }

    /** The last status the handler of the Thing reported. */
    ThingStatusInfo status(Thing thing) {
        return recorder.lastStatus(thing);
    }
}
