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
package org.openhab.binding.withings.internal.auth;

import java.io.IOException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.api.StatusFamily;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsAuthException;
import org.openhab.binding.withings.internal.api.WithingsCommunicationException;
import org.openhab.core.auth.client.oauth2.AccessTokenResponse;
import org.openhab.core.auth.client.oauth2.OAuthClientService;
import org.openhab.core.auth.client.oauth2.OAuthException;
import org.openhab.core.auth.client.oauth2.OAuthResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link TokenProvider}: tokens from core's {@link OAuthClientService} of one user (which
 * refreshes after expiry under its own lock and stores the rotated pair before returning). Core's exceptions are
 * mapped without their messages, which can hold raw token answers: a refused token or refresh becomes a
 * {@link WithingsAuthException}, a network failure or a transient Withings status a
 * {@link WithingsCommunicationException}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class OAuthTokenProvider implements TokenProvider {

    private final Logger logger = LoggerFactory.getLogger(OAuthTokenProvider.class);
    private final OAuthClientService service;
    private final @Nullable WithingsAccessTokenDeserializer deserializer;

    /**
     * @param service the {@code withGsonBuilder} instance of the user (see {@link WithingsOAuth})
     * @param deserializer its deserializer (to classify failures by the last Withings status), or null
     */
    public OAuthTokenProvider(OAuthClientService service, @Nullable WithingsAccessTokenDeserializer deserializer) {
        this.service = service;
        this.deserializer = deserializer;
    }

    public OAuthTokenProvider(WithingsOAuth.Service service) {
        this(service.service(), service.deserializer());
    }

    @Override
    public String accessToken() throws WithingsApiException {
        return fetch(false);
    }

    @Override
    public String refreshedAccessToken() throws WithingsApiException {
        return fetch(true);
    }

    private String fetch(boolean forceRefresh) throws WithingsApiException {
        String what = forceRefresh ? "Token refresh" : "Access token";
        WithingsAccessTokenDeserializer d = deserializer;
        if (d != null) {
            d.resetLastStatus();
        }
        AccessTokenResponse response;
        try {
            response = forceRefresh ? service.refreshToken() : service.getAccessTokenResponse();
        } catch (OAuthResponseException e) {
            logger.debug("{} refused by the token endpoint", what);
            throw new WithingsAuthException(WithingsApiException.NO_STATUS, what + " refused by Withings");
        } catch (OAuthException e) {
            int status = d == null ? WithingsAccessTokenDeserializer.NO_STATUS : d.getLastStatus();
            logger.debug("{} failed, Withings status {}", what, status);
            if (status == WithingsAccessTokenDeserializer.NO_STATUS) {
                throw new WithingsAuthException(WithingsApiException.NO_STATUS, what + " failed");
            }
            StatusFamily family = StatusFamily.of(status);
            if (family.isRetryable()) {
                throw new WithingsCommunicationException(what + " failed: Withings status " + status);
            }
            throw new WithingsAuthException(status, what + " refused: Withings status " + status);
        } catch (IOException e) {
            logger.debug("{} failed: {}", what, e.getClass().getSimpleName());
            throw new WithingsCommunicationException(what + " failed (" + e.getClass().getSimpleName() + ")");
        } catch (RuntimeException e) {
            // e.g. a JsonParseException core did not convert, or a closed service
            logger.debug("{} failed: {}", what, e.getClass().getSimpleName());
            throw new WithingsCommunicationException(what + " failed (" + e.getClass().getSimpleName() + ")");
        }
        if (response == null) {
            throw new WithingsAuthException(WithingsApiException.NO_STATUS, "Not authorised: no token stored");
        }
        String token = response.getAccessToken();
        if (token == null || token.isEmpty()) {
            throw new WithingsAuthException(WithingsApiException.NO_STATUS, "Not authorised: no access token");
        }
        return token;
    }
}
