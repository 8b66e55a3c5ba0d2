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
package org.openhab.binding.withings.internal.api;

import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.withings.internal.api.FixtureServer.*;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Error handling of the client over real HTTP: decisions on the JSON status only, communication errors for
 * answers without an envelope, one refresh and one retry on the auth family, 601 pausing the limiter, and no
 * token in any message.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsClientErrorTest extends ClientTestBase {

    private static final String USER = WithingsClient.PATH_USER_V2;

    private WithingsApiException devicesFail() {
        return assertThrows(WithingsApiException.class, () -> client().getDevices(tokens));
    }

    private static void assertSecretFree(Exception e) {
        String message = e.getMessage();
        assertNotNull(message);
        assertFalse(message.contains(TOKEN), "token in message: " + message);
        assertFalse(message.contains("SECRET"), "token in message: " + message);
        assertTrue(message.length() < 160, "message too long: " + message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { //
            "500|text/html|<html><body><h1>500 Internal Server Error</h1></body></html>", //
            "200|text/html|<!DOCTYPE html><html><head><title>Maintenance</title></head></html>", //
            "200|application/json|{\"status\":0,\"body\":{\"devices\":[{\"type\":\"Sc", //
            "502|application/json|{\"message\":\"bad gateway\"}", //
            "200|application/json|[1,2,3]", //
            "200|application/json|{\"status\":\"ok\"}", //
            "503|text/plain|Service Unavailable" })
    void answersWithoutEnvelopeAreCommunicationErrors(int httpStatus, String contentType, String body) {
        server().stub(USER, "getdevice", reply(httpStatus, contentType, body));
        WithingsApiException e = devicesFail();
        assertInstanceOf(WithingsCommunicationException.class, e);
        assertEquals(StatusFamily.TRANSIENT, e.getFamily());
        assertEquals(WithingsApiException.NO_STATUS, e.getStatus());
        assertTrue(e.getFamily().isRetryable());
        assertFalse(e.getMessage().contains("Maintenance"));
        assertSecretFree(e);
    }

    @Test
    void emptyBodyIsCommunicationError() {
        server().stub(USER, "getdevice", reply(200, "application/json", ""));
        WithingsApiException e = devicesFail();
        assertInstanceOf(WithingsCommunicationException.class, e);
        assertSecretFree(e);
    }

    @Test
    void wrongBodyStructureIsCommunicationError() {
        server().stub(USER, "getdevice", ok("{\"devices\":{\"not\":\"a list\"}}"));
        WithingsApiException e = devicesFail();
        assertInstanceOf(WithingsCommunicationException.class, e);
        assertSecretFree(e);
    }

    @Test
    void decisionOnJsonStatusOnlyRegardlessOfHttpStatus() throws Exception {
        server().stub(USER, "getdevice", reply(500, "application/json", envelope("{\"devices\":[]}")));
        assertTrue(client().getDevices(tokens).isEmpty());

        server().stub(USER, "getdevice", status(503));
        WithingsApiException e = devicesFail();
        assertEquals(StatusFamily.INVALID_PARAMS, e.getFamily());
        assertEquals(503, e.getStatus());
        assertSecretFree(e);
    }

    @ParameterizedTest
    @CsvSource({ "293, WithingsApiException, INVALID_PARAMS", //
            "2554, WithingsApiException, NOT_IMPLEMENTED", //
            "214, WithingsUnauthorizedException, UNAUTHORIZED", //
            "522, WithingsApiException, TIMEOUT", //
            "524, WithingsApiException, BAD_STATE", //
            "1052, WithingsApiException, TRANSIENT", //
            "99999, WithingsApiException, UNKNOWN" })
    void statusesMapToTheirFamilies(int status, String exceptionClass, StatusFamily family) {
        server().stub(USER, "getdevice", status(status));
        WithingsApiException e = devicesFail();
        assertEquals(exceptionClass, e.getClass().getSimpleName());
        assertEquals(family, e.getFamily());
        assertEquals(status, e.getStatus());
        assertSecretFree(e);
        // no retry and no refresh for anything but the auth family
        assertEquals(1, server().requests().size());
        assertEquals(0, tokens.refreshCalls.get());
    }

    @Test
    void status401RefreshesOnceAndRetriesOnce() throws Exception {
        server().stub(USER, "getdevice", status(401), ok("{\"devices\":[]}"));
        assertTrue(client().getDevices(tokens).isEmpty());
        assertEquals(1, tokens.refreshCalls.get());
        List<FixtureServer.Recorded> requests = server().requests();
        assertEquals(2, requests.size());
        assertEquals("Bearer " + TOKEN + "-0", requests.get(0).authorization());
        assertEquals("Bearer " + TOKEN + "-1", requests.get(1).authorization());
    }

    @Test
    void persistentAuthFailureThrowsAuthExceptionAfterOneRetry() {
        server().stub(USER, "getdevice", status(401));
        WithingsApiException e = devicesFail();
        assertInstanceOf(WithingsAuthException.class, e);
        assertEquals(StatusFamily.AUTH_FAILED, e.getFamily());
        assertTrue(e.getFamily().needsReauthorization());
        assertEquals(1, tokens.refreshCalls.get());
        assertEquals(2, server().requests().size());
        assertSecretFree(e);
    }

    @Test
    void otherAuthFamilyCodesAlsoRefreshOnce() throws Exception {
        server().stub(USER, "getdevice", status(100), ok("{\"devices\":[]}"));
        client().getDevices(tokens);
        assertEquals(1, tokens.refreshCalls.get());
    }

    @Test
    void status601PausesTheLimiter() {
        server().stub(USER, "getdevice", status(601));
        WithingsApiException e = devicesFail();
        assertInstanceOf(WithingsRateLimitException.class, e);
        assertTrue(e.getFamily().pausesApplication());
        assertTrue(limiter().getPausedUntil().isPresent());
        assertEquals(1, limiter().getTotalPauses());
        assertSecretFree(e);
    }

    @Test
    void status601OfOneUserPausesEveryUserOfTheBridge() throws Exception {
        CountingTokenProvider otherUser = new CountingTokenProvider("OTHER-USER-TOKEN");
        server().stub(USER, "getdevice", status(601), ok("{\"devices\":[]}"));
        assertInstanceOf(WithingsRateLimitException.class, devicesFail());
        assertEquals(1, server().requests().size());

        // the limiter's pause (minutes) is longer than a caller may wait: the other user fails without a request
        WithingsApiException e = assertThrows(WithingsApiException.class, () -> client().getDevices(otherUser));
        assertInstanceOf(WithingsRateLimitException.class, e);
        assertEquals(1, server().requests().size(), "no request reached Withings during the pause");
        assertEquals(0, otherUser.refreshCalls.get());
        assertSecretFree(e);
    }

    @Test
    void connectionRefusedIsCommunicationError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port);
        WithingsClient refused = new WithingsClient(new WithingsHttpTransport(http()),
                new WithingsApiConfig(closed, closed, Duration.ofSeconds(5), 10),
                new WithingsRateLimiter(10, Duration.ofMinutes(5), Clock.systemUTC()));
        WithingsApiException e = assertThrows(WithingsApiException.class, () -> refused.getDevices(tokens));
        assertInstanceOf(WithingsCommunicationException.class, e);
        assertSecretFree(e);
    }

    @Test
    void requestTimeoutIsCommunicationError() {
        CountDownLatch release = new CountDownLatch(1);
        try {
            server().stub(USER, "getdevice", new Reply(200, "application/json", envelope("{}"), release));
            WithingsClient slow = newClient(10, Duration.ofMillis(300));
            WithingsApiException e = assertThrows(WithingsApiException.class, () -> slow.getDevices(tokens));
            assertInstanceOf(WithingsCommunicationException.class, e);
            assertTrue(e.getMessage().contains("timed out"));
            assertSecretFree(e);
        } finally {
            release.countDown();
        }
    }

    @Test
    void bearerTokenAndFormEncoding() throws Exception {
        server().stub(USER, "getdevice", ok("{\"devices\":[]}"));
        client().getDevices(tokens);
        FixtureServer.Recorded request = server().requests().get(0);
        assertEquals("/v2/user", request.path());
        assertEquals("getdevice", request.param("action"));
        assertEquals("Bearer " + TOKEN + "-0", request.authorization());
        assertNotNull(request.contentType());
        assertTrue(request.contentType().startsWith("application/x-www-form-urlencoded"));
        assertEquals(1, limiter().getTotalRequests());
    }
}
