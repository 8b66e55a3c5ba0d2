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
 * mapped without their messages (which can hold raw token answers) and without causes:
 * <ul>
 * <li>{@link OAuthResponseException} (token endpoint HTTP 400: the grant was refused) and an answer of Withings
 * with a status of the authentication family ({@link StatusFamily#AUTH_FAILED}) become a
 * {@link WithingsAuthException}: the user must re-authorise;</li>
 * <li>an answer of Withings with a permanent status (invalid parameters, missing permission, not implemented) also
 * becomes a {@link WithingsAuthException}: retrying the same refresh token or credentials cannot help, only a new
 * link (or corrected application credentials) can;</li>
 * <li>an answer of Withings with a retryable status, an {@link OAuthException} that does not come from a Withings
 * answer (an HTML error page, a closed service), an {@link IOException} or a runtime failure become a
 * {@link WithingsCommunicationException}: transient, the tokens are kept and a later call may work;</li>
 * <li>no stored token (never linked, or deleted) is a {@link WithingsAuthException}.</li>
 * </ul>
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
            // HTTP 400 from the token endpoint: the grant (code or refresh token) was refused
            logger.debug("{} refused by the token endpoint", what);
            throw new WithingsAuthException(WithingsApiException.NO_STATUS, what + " refused by Withings");
        } catch (OAuthException e) {
            int status = d == null ? WithingsAccessTokenDeserializer.NO_STATUS : d.getLastStatus();
            logger.debug("{} failed, Withings status {}", what, status);
            if (status == WithingsAccessTokenDeserializer.NO_STATUS) {
                throw notAWithingsAnswer(what);
            }
            throw fromStatus(what, status);
        } catch (IOException e) {
            logger.debug("{} failed: {}", what, e.getClass().getSimpleName());
            throw new WithingsCommunicationException(what + " failed (" + e.getClass().getSimpleName() + ")");
        } catch (RuntimeException e) {
            // e.g. a JsonParseException core did not convert
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

    /**
     * Maps a Withings status of a token answer.
     */
    private static WithingsApiException fromStatus(String what, int status) {
        StatusFamily family = StatusFamily.of(status);
        if (family.isRetryable() || family == StatusFamily.SUCCESS) {
            // transient, timeout, bad state, too many requests, unknown: the tokens stay valid, try again later
            return new WithingsCommunicationException(what + " failed: Withings status " + status);
        }
        // AUTH_FAILED (100-102, 200, 401: e.g. a dead or revoked refresh token) needs re-authorisation.
        // INVALID_PARAMS (e.g. 503 for an unknown refresh token, a reused code or a wrong client secret),
        // UNAUTHORIZED (a missing scope) and NOT_IMPLEMENTED are permanent: retrying the same refresh token with
        // the same application credentials cannot succeed, so they are configuration problems handled like a
        // refused grant (re-link the user, after correcting the client secret if that was wrong).
        return new WithingsAuthException(status, what + " refused: Withings status " + status);
    }

    /**
     * Maps an {@link OAuthException} for which the deserializer read no Withings answer: a non-200 HTML page of the
     * token endpoint or of a proxy, an unparsable body, a closed service. Core also throws it for a forced refresh
     * without a stored token; that case is left transient too (telling it apart would need another token request):
     * the next {@link #accessToken()} finds no stored token and reports the missing authorisation.
     */
    private static WithingsApiException notAWithingsAnswer(String what) {
        return new WithingsCommunicationException(what + " failed: no answer from Withings");
    }
}
