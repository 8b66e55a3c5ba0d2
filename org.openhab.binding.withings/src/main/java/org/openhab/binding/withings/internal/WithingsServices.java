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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.core.auth.client.oauth2.OAuthFactory;
import org.openhab.core.i18n.TimeZoneProvider;
import org.openhab.core.storage.StorageService;
import org.osgi.service.http.HttpService;

/**
 * The openHAB services the handler factory hands to every handler it creates.
 *
 * @param httpClient openHAB's common Jetty client
 * @param oAuthFactory core's OAuth client factory (token storage)
 * @param httpService where the account-linking and webhook servlets are registered
 * @param storageService persistent binding storage (webhook secret, sync cursors)
 * @param timeZoneProvider the zone DateTime states are shown in
 * @param texts the texts built at run time, in openHAB's language
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public record WithingsServices(HttpClient httpClient, OAuthFactory oAuthFactory, HttpService httpService,
        StorageService storageService, TimeZoneProvider timeZoneProvider, WithingsTexts texts) {

    /** With the English texts of the binding's own file (tests, tools). */
    public WithingsServices(HttpClient httpClient, OAuthFactory oAuthFactory, HttpService httpService,
            StorageService storageService, TimeZoneProvider timeZoneProvider) {
        this(httpClient, oAuthFactory, httpService, storageService, timeZoneProvider, WithingsTexts.english());
    }
}
