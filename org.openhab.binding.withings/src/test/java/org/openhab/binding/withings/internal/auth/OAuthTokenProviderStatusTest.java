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

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.Mockito.*;

import java.io.IOException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsAuthException;
import org.openhab.binding.withings.internal.api.WithingsCommunicationException;
import org.openhab.core.auth.client.oauth2.AccessTokenResponse;
import org.openhab.core.auth.client.oauth2.OAuthClientService;
import org.openhab.core.auth.client.oauth2.OAuthException;
import org.openhab.core.auth.client.oauth2.OAuthResponseException;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * How {@link OAuthTokenProvider} classifies each failure of the token endpoint: only a Withings answer of the
 * authentication family, a permanent Withings status or a refused grant (HTTP 400) needs re-authorisation; every
 * failure that is not an answer of Withings (HTML page, network) and every retryable status is transient. Core's
 * exception messages (which hold raw token answers) never reach the binding's exceptions.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class OAuthTokenProviderStatusTest {

    private static final String SECRET = "LEAKED-REFRESH-TOKEN";

    /** A service whose token calls run the deserializer on the answer, then fail as core does. */
    private static OAuthClientService failingWith(WithingsAccessTokenDeserializer deserializer, String answer)
            throws Exception {
        OAuthClientService service = mock(OAuthClientService.class);
        org.mockito.stubbing.Answer<Object> coreLike = invocation -> {
            try {
                new GsonBuilder().registerTypeAdapter(AccessTokenResponse.class, deserializer).create()
                        .fromJson(answer, AccessTokenResponse.class);
            } catch (JsonParseException e) {
                // core wraps it, with the raw body in the message
                throw new OAuthException("Error in processing token: " + answer + " " + SECRET);
            }
            fail("the answer was accepted");
            return null;
        };
        when(service.refreshToken()).thenAnswer(coreLike);
        when(service.getAccessTokenResponse()).thenAnswer(coreLike);
        return service;
    }

    @ParameterizedTest
    @ValueSource(ints = { 100, 101, 102, 200, 401 })
    void authFamilyStatusesNeedReauthorisation(int status) throws Exception {
        WithingsAccessTokenDeserializer deserializer = new WithingsAccessTokenDeserializer();
        OAuthTokenProvider provider = new OAuthTokenProvider(
                failingWith(deserializer, "{\"status\":" + status + ",\"error\":\"invalid_token\"}"), deserializer);
        WithingsApiException e = assertThrows(WithingsApiException.class, provider::refreshedAccessToken);
        assertInstanceOf(WithingsAuthException.class, e);
        assertEquals(status, e.getStatus());
        assertClean(e);
    }

    @ParameterizedTest
    // 503 invalid refresh token / wrong secret / reused code, 293 invalid params, 277 missing scope, 2554 not
    // implemented: permanent for this refresh token and these credentials
    @ValueSource(ints = { 503, 293, 277, 2554 })
    void permanentStatusesAreConfigurationProblemsNeedingANewLink(int status) throws Exception {
        WithingsAccessTokenDeserializer deserializer = new WithingsAccessTokenDeserializer();
        OAuthTokenProvider provider = new OAuthTokenProvider(
                failingWith(deserializer, "{\"status\":" + status + ",\"error\":\"Invalid Params\"}"), deserializer);
        WithingsApiException e = assertThrows(WithingsApiException.class, provider::refreshedAccessToken);
        assertInstanceOf(WithingsAuthException.class, e);
        assertEquals(status, e.getStatus());
        assertClean(e);
    }

    @ParameterizedTest
    // transient, timeout, bad state, too many requests, an undocumented status
    @ValueSource(ints = { 215, 5000, 522, 524, 601, 99999 })
    void retryableStatusesAreTransient(int status) throws Exception {
        WithingsAccessTokenDeserializer deserializer = new WithingsAccessTokenDeserializer();
        OAuthTokenProvider provider = new OAuthTokenProvider(
                failingWith(deserializer, "{\"status\":" + status + "}"), deserializer);
        WithingsApiException e = assertThrows(WithingsApiException.class, provider::accessToken);
        assertInstanceOf(WithingsCommunicationException.class, e);
        assertClean(e);
    }

    @Test
    void aStatusZeroAnswerWithoutTokenIsTransient() throws Exception {
        WithingsAccessTokenDeserializer deserializer = new WithingsAccessTokenDeserializer();
        OAuthTokenProvider provider = new OAuthTokenProvider(failingWith(deserializer, "{\"status\":0,\"body\":{}}"),
                deserializer);
        assertInstanceOf(WithingsCommunicationException.class,
                assertThrows(WithingsApiException.class, provider::refreshedAccessToken));
    }

    @Test
    void anHtmlPageIsTransientForRefreshAndForTheStoredToken() throws Exception {
        WithingsAccessTokenDeserializer deserializer = new WithingsAccessTokenDeserializer();
        OAuthClientService service = mock(OAuthClientService.class);
        // core: a non-200 HTTP answer becomes an OAuthException before any JSON is read
        when(service.refreshToken()).thenThrow(new OAuthException("Bad http response, http code 502 " + SECRET));
        when(service.getAccessTokenResponse())
                .thenThrow(new OAuthException("Bad http response, http code 503 " + SECRET));
        OAuthTokenProvider provider = new OAuthTokenProvider(service, deserializer);

        WithingsApiException refresh = assertThrows(WithingsApiException.class, provider::refreshedAccessToken);
        assertInstanceOf(WithingsCommunicationException.class, refresh);
        assertClean(refresh);
        WithingsApiException stored = assertThrows(WithingsApiException.class, provider::accessToken);
        assertInstanceOf(WithingsCommunicationException.class, stored);
        assertClean(stored);
    }

    @Test
    void anOlderWithingsStatusIsNotBlamedForALaterHtmlPage() throws Exception {
        WithingsAccessTokenDeserializer deserializer = new WithingsAccessTokenDeserializer();
        OAuthClientService service = failingWith(deserializer, "{\"status\":401}");
        OAuthTokenProvider provider = new OAuthTokenProvider(service, deserializer);
        assertInstanceOf(WithingsAuthException.class,
                assertThrows(WithingsApiException.class, provider::refreshedAccessToken));

        doThrow(new OAuthException("Bad http response, http code 502")).when(service).refreshToken();
        assertInstanceOf(WithingsCommunicationException.class,
                assertThrows(WithingsApiException.class, provider::refreshedAccessToken));
    }

    @Test
    void withoutDeserializerEveryOAuthExceptionIsTransient() throws Exception {
        OAuthClientService service = mock(OAuthClientService.class);
        when(service.refreshToken()).thenThrow(new OAuthException(SECRET));
        OAuthTokenProvider provider = new OAuthTokenProvider(service, null);
        WithingsApiException e = assertThrows(WithingsApiException.class, provider::refreshedAccessToken);
        assertInstanceOf(WithingsCommunicationException.class, e);
        assertClean(e);
    }

    @Test
    void networkFailuresAndRuntimeFailuresAreTransient() throws Exception {
        OAuthClientService service = mock(OAuthClientService.class);
        when(service.refreshToken()).thenThrow(new IOException("timeout " + SECRET));
        when(service.getAccessTokenResponse()).thenThrow(new JsonParseException(SECRET));
        OAuthTokenProvider provider = new OAuthTokenProvider(service, new WithingsAccessTokenDeserializer());
        WithingsApiException io = assertThrows(WithingsApiException.class, provider::refreshedAccessToken);
        assertInstanceOf(WithingsCommunicationException.class, io);
        assertClean(io);
        WithingsApiException runtime = assertThrows(WithingsApiException.class, provider::accessToken);
        assertInstanceOf(WithingsCommunicationException.class, runtime);
        assertClean(runtime);
    }

    @Test
    void aRefusedGrantNeedsReauthorisation() throws Exception {
        OAuthClientService service = mock(OAuthClientService.class);
        OAuthResponseException refused = new OAuthResponseException();
        refused.setError("invalid_grant");
        refused.setErrorDescription(SECRET);
        when(service.refreshToken()).thenThrow(refused);
        OAuthTokenProvider provider = new OAuthTokenProvider(service, new WithingsAccessTokenDeserializer());
        WithingsApiException e = assertThrows(WithingsApiException.class, provider::refreshedAccessToken);
        assertInstanceOf(WithingsAuthException.class, e);
        assertClean(e);
    }

    private static void assertClean(WithingsApiException e) {
        String message = String.valueOf(e.getMessage());
        assertFalse(message.contains(SECRET), message);
        assertFalse(message.contains("Bad http response"), message);
        assertFalse(message.contains("Error in processing"), message);
        assertNull(e.getCause());
    }
}
