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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.*;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.openhab.binding.withings.internal.api.WithingsScope;
import org.openhab.binding.withings.internal.api.StatusFamily;
import org.openhab.binding.withings.internal.api.WithingsApiConfig;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsAuthException;
import org.openhab.binding.withings.internal.api.WithingsCommunicationException;
import org.openhab.core.auth.client.oauth2.AccessTokenResponse;
import org.openhab.core.auth.client.oauth2.OAuthClientService;
import org.openhab.core.auth.client.oauth2.OAuthException;
import org.openhab.core.auth.client.oauth2.OAuthFactory;
import org.openhab.core.auth.client.oauth2.OAuthResponseException;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonSyntaxException;

/**
 * The OAuth wiring of openhab-notes section 3 (with Mockito mocks of core's services), the scope check, and the
 * token provider's secret-free mapping of core's exceptions.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsOAuthTest {

    private static final String RAW_TOKEN_BODY = "{\"status\":0,\"body\":{\"access_token\":\"LEAKED-ACCESS\","
            + "\"refresh_token\":\"LEAKED-REFRESH\"}}";

    @Test
    void createWiresTheServiceExactlyAsVerified() {
        OAuthFactory factory = mock(OAuthFactory.class);
        OAuthClientService base = mock(OAuthClientService.class);
        OAuthClientService withGson = mock(OAuthClientService.class);
        when(factory.createOAuthClientService(any(), any(), any(), any(), any(), any(), any())).thenReturn(base);
        when(base.withGsonBuilder(any())).thenReturn(withGson);
        WithingsApiConfig config = WithingsApiConfig.of("http://127.0.0.1:8090/", "http://127.0.0.1:8091");

        OAuthClientService service = WithingsOAuth.create(factory, "withings:user:acc:363", config, "client-id",
                "client-secret").service();

        assertSame(withGson, service);
        verify(factory).createOAuthClientService("withings:user:acc:363", "http://127.0.0.1:8090/v2/oauth2",
                "http://127.0.0.1:8091/oauth2_user/authorize2", "client-id", "client-secret",
                "user.info,user.metrics,user.activity,user.sleepevents", false);
        ArgumentCaptor<GsonBuilder> builder = ArgumentCaptor.forClass(GsonBuilder.class);
        verify(base).withGsonBuilder(builder.capture());
        // the extra field goes on the instance withGsonBuilder returned, never on the factory's cached one
        verify(withGson).addExtraAuthField("action", "requesttoken");
        verify(base, never()).addExtraAuthField(any(), any());
        verify(factory, never()).getOAuthClientService(any());
        // the builder carries the Withings deserializer
        AccessTokenResponse response = builder.getValue().create().fromJson(
                "{\"status\":0,\"body\":{\"userid\":7,\"access_token\":\"a\",\"refresh_token\":\"r\","
                        + "\"expires_in\":10800}}",
                AccessTokenResponse.class);
        assertEquals("a", response.getAccessToken());
        assertThrows(JsonSyntaxException.class,
                () -> builder.getValue().create().fromJson("{\"status\":401}", AccessTokenResponse.class));
    }

    @Test
    void handleOfAUser() {
        assertEquals("withings:user:home:12345678", WithingsOAuth.handle("home", "12345678"));
    }

    @Test
    void defaultUrls() {
        WithingsApiConfig config = WithingsApiConfig.defaults();
        assertEquals("https://wbsapi.withings.net/v2/oauth2", config.tokenUrl());
        assertEquals("https://account.withings.com/oauth2_user/authorize2", config.authorizeUrl());
    }

    @Test
    void missingScopes() {
        assertEquals(Set.of(), WithingsScope.missing("user.info,user.metrics,user.activity,user.sleepevents"));
        assertEquals(List.of("user.sleepevents"),
                List.copyOf(WithingsScope.missing("user.metrics,user.info,user.activity")));
        assertEquals(List.of("user.info", "user.metrics", "user.activity", "user.sleepevents"),
                List.copyOf(WithingsScope.missing(null)));
        assertEquals(Set.of("user.activity"), WithingsScope.missing("user.info user.metrics user.sleepevents"));
        assertEquals(4, WithingsScope.REQUESTED.size());
        assertEquals(Set.of("user.info", "user.metrics"), WithingsScope.granted("user.info, user.metrics"));
        assertEquals(4, WithingsScope.granted("").size());
    }

    // ------------------------------------------------------------------ token provider

    private static AccessTokenResponse token(String value) {
        AccessTokenResponse response = new AccessTokenResponse();
        response.setAccessToken(value);
        return response;
    }

    @Test
    void providerReturnsStoredAndRefreshedTokens() throws Exception {
        OAuthClientService service = mock(OAuthClientService.class);
        when(service.getAccessTokenResponse()).thenReturn(token("stored"));
        when(service.refreshToken()).thenReturn(token("fresh"));
        OAuthTokenProvider provider = new OAuthTokenProvider(service, new WithingsAccessTokenDeserializer());
        assertEquals("stored", provider.accessToken());
        assertEquals("fresh", provider.refreshedAccessToken());
        verify(service, times(1)).refreshToken();
    }

    @Test
    void providerWithoutTokenIsAuthError() throws Exception {
        OAuthClientService service = mock(OAuthClientService.class);
        when(service.getAccessTokenResponse()).thenReturn(null);
        OAuthTokenProvider provider = new OAuthTokenProvider(service, null);
        WithingsApiException e = assertThrows(WithingsApiException.class, provider::accessToken);
        assertInstanceOf(WithingsAuthException.class, e);
    }

    @Test
    void oauthExceptionWithAuthStatusIsAuthErrorWithoutCoreMessage() throws Exception {
        WithingsAccessTokenDeserializer deserializer = new WithingsAccessTokenDeserializer();
        OAuthClientService service = mock(OAuthClientService.class);
        when(service.refreshToken()).thenAnswer(invocation -> {
            // what core does: run the deserializer, then wrap the JsonSyntaxException with the raw body
            assertThrows(JsonSyntaxException.class, () -> new GsonBuilder()
                    .registerTypeAdapter(AccessTokenResponse.class, deserializer).create()
                    .fromJson("{\"status\":503,\"error\":\"invalid refresh_token\"}", AccessTokenResponse.class));
            throw new OAuthException("Error in processing token: " + RAW_TOKEN_BODY);
        });
        OAuthTokenProvider provider = new OAuthTokenProvider(service, deserializer);
        WithingsApiException e = assertThrows(WithingsApiException.class, provider::refreshedAccessToken);
        assertInstanceOf(WithingsAuthException.class, e);
        assertEquals(503, e.getStatus());
        assertSecretFree(e);
    }

    @Test
    void oauthExceptionWithTransientStatusIsCommunicationError() throws Exception {
        WithingsAccessTokenDeserializer deserializer = new WithingsAccessTokenDeserializer();
        OAuthClientService service = mock(OAuthClientService.class);
        when(service.getAccessTokenResponse()).thenAnswer(invocation -> {
            assertThrows(JsonSyntaxException.class, () -> new GsonBuilder()
                    .registerTypeAdapter(AccessTokenResponse.class, deserializer).create()
                    .fromJson("{\"status\":5000}", AccessTokenResponse.class));
            throw new OAuthException(RAW_TOKEN_BODY);
        });
        OAuthTokenProvider provider = new OAuthTokenProvider(service, deserializer);
        WithingsApiException e = assertThrows(WithingsApiException.class, provider::accessToken);
        assertInstanceOf(WithingsCommunicationException.class, e);
        assertEquals(StatusFamily.TRANSIENT, e.getFamily());
        assertSecretFree(e);
    }

    @Test
    void ioExceptionIsCommunicationErrorAndResponseExceptionIsAuthError() throws Exception {
        OAuthClientService service = mock(OAuthClientService.class);
        when(service.getAccessTokenResponse()).thenThrow(new IOException("connect failed " + RAW_TOKEN_BODY));
        OAuthResponseException refused = new OAuthResponseException();
        refused.setError("invalid_grant");
        refused.setErrorDescription(RAW_TOKEN_BODY);
        when(service.refreshToken()).thenThrow(refused);
        OAuthTokenProvider provider = new OAuthTokenProvider(service, new WithingsAccessTokenDeserializer());

        WithingsApiException io = assertThrows(WithingsApiException.class, provider::accessToken);
        assertInstanceOf(WithingsCommunicationException.class, io);
        assertSecretFree(io);
        WithingsApiException response = assertThrows(WithingsApiException.class, provider::refreshedAccessToken);
        assertInstanceOf(WithingsAuthException.class, response);
        assertSecretFree(response);
    }

    @Test
    void oauthExceptionWithoutStatusIsCommunicationError() throws Exception {
        // no Withings answer was read (core's OAuthException for a non-200 HTML page): transient, not re-authorise
        OAuthClientService service = mock(OAuthClientService.class);
        when(service.refreshToken()).thenThrow(new OAuthException(RAW_TOKEN_BODY));
        OAuthTokenProvider provider = new OAuthTokenProvider(service, new WithingsAccessTokenDeserializer());
        WithingsApiException e = assertThrows(WithingsApiException.class, provider::refreshedAccessToken);
        assertInstanceOf(WithingsCommunicationException.class, e);
        assertSecretFree(e);
    }

    private static void assertSecretFree(Exception e) {
        String message = String.valueOf(e.getMessage());
        assertFalse(message.contains("LEAKED"), message);
        assertFalse(message.contains("access_token"), message);
        assertNull(e.getCause());
    }
}
