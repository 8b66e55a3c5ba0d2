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

import static org.openhab.binding.withings.internal.WithingsBindingConstants.*;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
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
import org.openhab.core.thing.binding.BaseThingHandlerFactory;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.HttpService;

/**
 * Creates the handlers of the Withings binding and hands them the openHAB services they share.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
@Component(configurationPid = "binding.withings", service = ThingHandlerFactory.class)
public class WithingsHandlerFactory extends BaseThingHandlerFactory {

    private final WithingsServices services;
    private final WithingsAccountTracker accountTracker;

    @Activate
    public WithingsHandlerFactory(@Reference HttpClientFactory httpClientFactory, @Reference OAuthFactory oAuthFactory,
            @Reference HttpService httpService, @Reference StorageService storageService,
            @Reference TimeZoneProvider timeZoneProvider, @Reference WithingsAccountTracker accountTracker,
            @Reference TranslationProvider i18nProvider, @Reference LocaleProvider localeProvider) {
        this.services = new WithingsServices(httpClientFactory.getCommonHttpClient(), oAuthFactory, httpService,
                storageService, timeZoneProvider, new WithingsTexts(i18nProvider, localeProvider));
        this.accountTracker = accountTracker;
    }

    @Override
    public boolean supportsThingType(ThingTypeUID thingTypeUID) {
        return SUPPORTED_THING_TYPES.contains(thingTypeUID);
    }

    @Override
    protected @Nullable ThingHandler createHandler(Thing thing) {
        ThingTypeUID thingTypeUID = thing.getThingTypeUID();
        if (THING_TYPE_ACCOUNT.equals(thingTypeUID) && thing instanceof Bridge bridge) {
            return new WithingsAccountHandler(bridge, services, accountTracker);
        } else if (THING_TYPE_USER.equals(thingTypeUID)) {
            return new WithingsUserHandler(thing, services);
        } else if (THING_TYPE_DEVICE.equals(thingTypeUID)) {
            return new WithingsDeviceHandler(thing, services);
        }
        return null;
    }
}
