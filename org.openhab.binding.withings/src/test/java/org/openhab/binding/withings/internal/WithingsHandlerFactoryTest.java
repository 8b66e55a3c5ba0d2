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
package org.openhab.binding.withings.internal;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.Mockito.*;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.handler.WithingsAccountHandler;
import org.openhab.binding.withings.internal.handler.WithingsDeviceHandler;
import org.openhab.binding.withings.internal.handler.WithingsUserHandler;
import org.openhab.core.auth.client.oauth2.OAuthFactory;
import org.openhab.core.i18n.LocaleProvider;
import org.openhab.core.i18n.TimeZoneProvider;
import org.openhab.core.i18n.TranslationProvider;
import org.openhab.core.io.net.http.HttpClientFactory;
import org.openhab.core.storage.StorageService;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandler;
import org.osgi.service.http.HttpService;

/**
 * Tests {@link WithingsHandlerFactory}: the right handler for each Thing type, nothing for foreign types.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsHandlerFactoryTest {

    private @NonNullByDefault({}) WithingsHandlerFactory factory;
    private @NonNullByDefault({}) HttpClient commonClient;

    @BeforeEach
    void setUp() {
        HttpClientFactory httpClientFactory = mock(HttpClientFactory.class);
        commonClient = new HttpClient();
        when(httpClientFactory.getCommonHttpClient()).thenReturn(commonClient);
        factory = new WithingsHandlerFactory(httpClientFactory, mock(OAuthFactory.class), mock(HttpService.class),
                mock(StorageService.class), mock(TimeZoneProvider.class), new WithingsAccountTracker(),
                mock(TranslationProvider.class), mock(LocaleProvider.class));
    }

    @Test
    void supportsExactlyTheBindingsThingTypes() {
        assertTrue(factory.supportsThingType(WithingsBindingConstants.THING_TYPE_ACCOUNT));
        assertTrue(factory.supportsThingType(WithingsBindingConstants.THING_TYPE_USER));
        assertTrue(factory.supportsThingType(WithingsBindingConstants.THING_TYPE_DEVICE));
        assertFalse(factory.supportsThingType(new ThingTypeUID("withings", "scale")));
        assertFalse(factory.supportsThingType(new ThingTypeUID("netatmo", "account")));
    }

    @Test
    void createsAccountHandlerForBridge() {
        Bridge bridge = mock(Bridge.class);
        when(bridge.getThingTypeUID()).thenReturn(WithingsBindingConstants.THING_TYPE_ACCOUNT);
        when(bridge.getUID()).thenReturn(new ThingUID(WithingsBindingConstants.THING_TYPE_ACCOUNT, "home"));
        ThingHandler handler = factory.createHandler(bridge);
        assertInstanceOf(WithingsAccountHandler.class, handler);
        assertSame(bridge, handler.getThing());
    }

    @Test
    void createsUserHandler() {
        Thing thing = mock(Thing.class);
        when(thing.getThingTypeUID()).thenReturn(WithingsBindingConstants.THING_TYPE_USER);
        when(thing.getUID()).thenReturn(new ThingUID(WithingsBindingConstants.THING_TYPE_USER, "home", "anna"));
        ThingHandler handler = factory.createHandler(thing);
        assertInstanceOf(WithingsUserHandler.class, handler);
        assertSame(thing, handler.getThing());
    }

    @Test
    void createsDeviceHandler() {
        Thing thing = mock(Thing.class);
        when(thing.getThingTypeUID()).thenReturn(WithingsBindingConstants.THING_TYPE_DEVICE);
        assertInstanceOf(WithingsDeviceHandler.class, factory.createHandler(thing));
    }

    @Test
    void accountTypeOnAPlainThingGetsNoHandler() {
        Thing thing = mock(Thing.class);
        when(thing.getThingTypeUID()).thenReturn(WithingsBindingConstants.THING_TYPE_ACCOUNT);
        assertNull(factory.createHandler(thing));
    }

    @Test
    void foreignThingTypeGetsNoHandler() {
        Thing thing = mock(Thing.class);
        when(thing.getThingTypeUID()).thenReturn(new ThingTypeUID("netatmo", "account"));
        assertNull(factory.createHandler(thing));
    }
}
