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
package org.openhab.core.auth.client.oauth2;

import java.io.IOException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.google.gson.GsonBuilder;

/**
 * Compile-time stand-in mirroring org.openhab.core.auth.client.oauth2.OAuthClientService of openHAB core 5.2.1; never
 * shipped.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public interface OAuthClientService extends AutoCloseable {

    String getAuthorizationUrl(@Nullable String redirectURI, @Nullable String scope, @Nullable String state)
            throws OAuthException;

    String extractAuthCodeFromAuthResponse(String redirectURLwithParams) throws OAuthException;

    AccessTokenResponse getAccessTokenResponseByAuthorizationCode(String authorizationCode,
            @Nullable String redirectURI) throws OAuthException, IOException, OAuthResponseException;

    AccessTokenResponse getAccessTokenByResourceOwnerPasswordCredentials(String username, String password,
            @Nullable String scope) throws OAuthException, IOException, OAuthResponseException;

    @Nullable
    AccessTokenResponse refreshToken() throws OAuthException, IOException, OAuthResponseException;

    AccessTokenResponse getAccessTokenByClientCredentials(@Nullable String scope)
            throws OAuthException, IOException, OAuthResponseException;

    AccessTokenResponse getAccessTokenByImplicit(@Nullable String redirectURI, @Nullable String scope,
            @Nullable String state) throws OAuthException, IOException, OAuthResponseException;

    void importAccessTokenResponse(AccessTokenResponse accessTokenResponse) throws OAuthException;

    @Nullable
    AccessTokenResponse getAccessTokenResponse() throws OAuthException, IOException, OAuthResponseException;

    void remove() throws OAuthException;

    @Override
    void close();

    boolean isClosed();

    void addAccessTokenRefreshListener(AccessTokenRefreshListener listener);

    boolean removeAccessTokenRefreshListener(AccessTokenRefreshListener listener);

    void addExtraAuthField(String key, String value);

    OAuthClientService withGsonBuilder(GsonBuilder gsonBuilder);

    @Nullable
    DeviceCodeResponseDTO getDeviceCodeResponse() throws OAuthException;

    void notifyAccessTokenResponse(AccessTokenResponse accessTokenResponse);
}
