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
package org.openhab.binding.withings.internal.servlet;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.withings.internal.auth.WithingsAccessTokenDeserializer;
import org.openhab.core.auth.client.oauth2.OAuthClientService;

/**
 * A link request between the "Link" button and Withings' redirect back: the temporary OAuth service (under its own
 * handle, deleted afterwards) that remembers the state and redirect URI.
 *
 * @param temporaryHandle the handle of the temporary service, {@code withings:pending:<bridgeId>:<random>}
 * @param service the temporary service
 * @param deserializer the token answer reader of that service, which knows the last Withings status
 * @param redirectUri the redirect URI sent to Withings (the exchange must use the same)
 * @param authorizeUrl where the browser is sent
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public record PendingLink(String temporaryHandle, OAuthClientService service,
        WithingsAccessTokenDeserializer deserializer, String redirectUri, String authorizeUrl) {

    @Override
    public String toString() {
        return "PendingLink[" + temporaryHandle + "]";
    }
}
