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

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.*;
import static org.mockito.Mockito.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.client.api.Result;
import org.eclipse.jetty.client.util.BufferingResponseListener;
import org.eclipse.jetty.client.util.BytesContentProvider;
import org.eclipse.jetty.client.util.InputStreamContentProvider;
import org.eclipse.jetty.client.util.StringContentProvider;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhab.binding.withings.internal.handler.JettyHttpService;
import org.openhab.binding.withings.internal.handler.OutputCapture;
import org.openhab.binding.withings.internal.api.WithingsNotification;
import org.osgi.service.http.HttpService;

/**
 * The webhook servlet over real HTTP: an embedded Jetty hosts the servlet class at its alias, a plain Jetty client
 * sends what Withings (or an attacker) would send.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsWebhookServletTest {

    private static final String SECRET = "AbCdEfGhIjKlMnOpQrStUvWxYz012-_9";
    private static final String ALIAS = WebhookUrl.alias(SECRET);
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String USER = "30000003";

    private final RecordingDispatcher dispatcher = new RecordingDispatcher(USER);
    private @Nullable JettyHttpService server;
    private @Nullable HttpClient client;

    @BeforeEach
    void start() throws Exception {
        JettyHttpService s = new JettyHttpService();
        server = s;
        assertTrue(new WithingsWebhookServlet(s, ALIAS, dispatcher, Clock.fixed(NOW, ZoneOffset.UTC)).register());
        HttpClient c = new HttpClient();
        c.start();
        client = c;
    }

    @AfterEach
    void stop() throws Exception {
        HttpClient c = client;
        if (c != null) {
            c.stop();
        }
        JettyHttpService s = server;
        if (s != null) {
            s.close();
        }
    }

    private JettyHttpService server() {
        JettyHttpService s = server;
        assertNotNull(s);
        return s;
    }

    private Request request(HttpMethod method, String path) {
        HttpClient c = client;
        assertNotNull(c);
        return c.newRequest(server().uri(path)).method(method).timeout(10, TimeUnit.SECONDS);
    }

    /**
     * Sends and returns the status, also when the server answered before the whole body was sent (the request
     * side then fails, the response is still complete).
     */
    private static int status(Request request) throws Exception {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        request.send(new BufferingResponseListener() {
            @Override
            public void onComplete(@Nullable Result r) {
                if (r != null && r.getResponse().getStatus() > 0) {
                    result.complete(r.getResponse().getStatus());
                } else {
                    result.completeExceptionally(new AssertionError("no response", r == null ? null : r.getFailure()));
                }
            }
        });
        return result.get(20, TimeUnit.SECONDS);
    }

    private int post(String contentType, String body) throws Exception {
        return status(request(HttpMethod.POST, ALIAS).content(new StringContentProvider(contentType, body,
                StandardCharsets.UTF_8)));
    }

    private void assertNothingDispatched() {
        assertEquals(List.of(), dispatcher.dispatched());
    }

    @Test
    void headAnswers200WithoutDispatch() throws Exception {
        assertEquals(200, status(request(HttpMethod.HEAD, ALIAS)));
        assertNothingDispatched();
    }

    @Test
    void validPostIsDispatchedOnceWithParsedFields() throws Exception {
        assertEquals(200, post(FORM, "userid=" + USER
                + "&appli=50&startdate=1700000000&enddate=1700000100&date=2026-11-24&deviceid=dev%201&action=update"));
        List<WithingsNotification> dispatched = dispatcher.dispatched();
        assertEquals(1, dispatched.size());
        WithingsNotification n = dispatched.get(0);
        assertEquals(new WithingsNotification(USER, 50, Instant.ofEpochSecond(1700000000),
                Instant.ofEpochSecond(1700000100), "2026-11-24", "dev 1", "update", NOW), n);
    }

    @Test
    void optionalFieldsMayBeAbsent() throws Exception {
        assertEquals(200, post(FORM, "userid=" + USER + "&appli=1"));
        assertEquals(List.of(new WithingsNotification(USER, 1, null, null, null, null, null, NOW)),
                dispatcher.dispatched());
    }

    @Test
    void unknownExtraFieldsAreTolerated() throws Exception {
        assertEquals(200, post(FORM + "; charset=UTF-8",
                "foo=bar&userid=" + USER + "&appli=44&startdate=1700000000&novel_field=%C3%A9t%C3%A9&x"));
        List<WithingsNotification> dispatched = dispatcher.dispatched();
        assertEquals(1, dispatched.size());
        assertEquals(44, dispatched.get(0).appli());
        assertEquals(Instant.ofEpochSecond(1700000000), dispatched.get(0).startDate());
    }

    @Test
    void unknownUserIsRefusedWith404() throws Exception {
        assertEquals(404, post(FORM, "userid=12345&appli=1"));
        assertNothingDispatched();
    }

    @ParameterizedTest
    @ValueSource(strings = { "appli=1", "userid=&appli=1", "userid=abc&appli=1", "userid=-30000003&appli=1",
            "userid=3000.0003&appli=1", "userid=" + USER, "userid=" + USER + "&appli=", "userid=" + USER + "&appli=x",
            "userid=" + USER + "&appli=1.5", "userid=" + USER + "&appli=-1",
            "userid=" + USER + "&appli=1&startdate=yesterday", "userid=" + USER + "&appli=1&enddate=1700000000.5",
            "userid=" + USER + "&appli=1&startdate=%ZZ", "" })
    void missingOrMalformedFieldsAre400(String body) throws Exception {
        assertEquals(400, post(FORM, body));
        assertNothingDispatched();
    }

    @ParameterizedTest
    @ValueSource(strings = { "text/plain", "application/json", "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded; charset=no-such-charset" })
    void wrongContentTypeIs415(String contentType) throws Exception {
        assertEquals(415, post(contentType, "userid=" + USER + "&appli=1"));
        assertNothingDispatched();
    }

    @Test
    void missingContentTypeIs415() throws Exception {
        byte[] body = ("userid=" + USER + "&appli=1").getBytes(StandardCharsets.US_ASCII);
        assertEquals(415, status(request(HttpMethod.POST, ALIAS).content(new BytesContentProvider(body))));
        assertNothingDispatched();
    }

    private static byte[] formOfSize(int size) {
        String head = "userid=" + USER + "&appli=1&pad=";
        StringBuilder sb = new StringBuilder(head);
        while (sb.length() < size) {
            sb.append('a');
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void bodyOfExactly64KiBIsAccepted() throws Exception {
        byte[] body = formOfSize(WithingsWebhookServlet.MAX_BODY_BYTES);
        assertEquals(65536, body.length);
        assertEquals(200, status(request(HttpMethod.POST, ALIAS).content(new BytesContentProvider(FORM, body))));
        assertEquals(1, dispatcher.dispatched().size());
    }

    @Test
    void oversizedBodyWithContentLengthIs413() throws Exception {
        byte[] body = formOfSize(WithingsWebhookServlet.MAX_BODY_BYTES + 1);
        Request request = request(HttpMethod.POST, ALIAS).content(new BytesContentProvider(FORM, body));
        assertEquals(413, status(request));
        assertNothingDispatched();
    }

    @Test
    void oversizedChunkedBodyIs413() throws Exception {
        byte[] body = formOfSize(300 * 1024);
        InputStreamContentProvider chunked = new InputStreamContentProvider(new ByteArrayInputStream(body));
        assertEquals(-1, chunked.getLength(), "sent without Content-Length");
        Request request = request(HttpMethod.POST, ALIAS).header("Content-Type", FORM).content(chunked);
        assertEquals(413, status(request));
        assertNothingDispatched();
    }

    @Test
    void getIs405() throws Exception {
        assertEquals(405, status(request(HttpMethod.GET, ALIAS)));
        assertNothingDispatched();
    }

    @ParameterizedTest
    @ValueSource(strings = { "PUT", "DELETE", "PATCH", "OPTIONS" })
    void otherMethodsAre405(String method) throws Exception {
        Request request = request(HttpMethod.fromString(method), ALIAS)
                .content(new StringContentProvider(FORM, "userid=" + USER + "&appli=1", StandardCharsets.UTF_8));
        assertEquals(405, status(request));
        assertNothingDispatched();
    }

    @Test
    void otherPathsAre404() throws Exception {
        String body = "userid=" + USER + "&appli=1";
        assertEquals(404, status(request(HttpMethod.POST, WebhookUrl.alias("WrongSecretWrongSecretWrongSecre"))
                .content(new StringContentProvider(FORM, body, StandardCharsets.UTF_8))));
        assertEquals(404, status(request(HttpMethod.HEAD, WebhookUrl.alias("WrongSecretWrongSecretWrongSecre"))));
        assertEquals(404, status(request(HttpMethod.POST, ALIAS + "/below")
                .content(new StringContentProvider(FORM, body, StandardCharsets.UTF_8))));
        assertEquals(404, status(request(HttpMethod.POST, "/withings/webhook/")
                .content(new StringContentProvider(FORM, body, StandardCharsets.UTF_8))));
        assertNothingDispatched();
    }

    @Test
    void failingHandOverAnswers503() throws Exception {
        WebhookDispatcher failing = new WebhookDispatcher() {
            @Override
            public boolean knowsUser(String userId) {
                return true;
            }

            @Override
            public void dispatch(WithingsNotification notification) {
                throw new IllegalStateException("queue full");
            }
        };
        String alias = WebhookUrl.alias("FailingFailingFailingFailingFail");
        try (JettyHttpService other = new JettyHttpService()) {
            assertTrue(new WithingsWebhookServlet(other, alias, failing).register());
            HttpClient c = client;
            assertNotNull(c);
            Request request = c.newRequest(other.uri(alias)).method(HttpMethod.POST).content(
                    new StringContentProvider(FORM, "userid=1&appli=1", StandardCharsets.UTF_8));
            assertEquals(503, status(request));
        }
    }

    @Test
    void registersUnderItsAliasWithTheHttpService() throws Exception {
        HttpService http = mock(HttpService.class);
        WithingsWebhookServlet servlet = new WithingsWebhookServlet(http, ALIAS, dispatcher);
        assertTrue(servlet.register());
        verify(http).registerServlet(eq(ALIAS), same(servlet), any(), any());
        servlet.unregister();
        verify(http).unregister(ALIAS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "userid=BODYMARK7731&appli=1|userid not numeric",
            "userid=30000003&appli=BODYMARK7731|appli not an integer",
            "userid=30000003&appli=1&startdate=BODYMARK7731|startdate not unix seconds",
            "userid=30000003&appli=1&deviceid=BODYMARK7731%zz|malformed form encoding" })
    void badPostIsLoggedOnceAtDebugWithTheReasonAndWithoutTheBody(String body, String reason) throws Exception {
        String text;
        boolean debug;
        int status;
        try (OutputCapture output = new OutputCapture(WithingsWebhookServlet.class)) {
            debug = output.debugEnabled();
            status = post(FORM, body);
            text = output.text();
        }
        assertEquals(400, status);
        assertNothingDispatched();
        // never the body, at no level, and nothing at warn or error
        assertFalse(text.contains("BODYMARK7731"), text);
        assertEquals(List.of(), text.lines().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).toList());
        List<String> rejected = text.lines().filter(l -> l.contains("rejected with HTTP 400")).toList();
        assertTrue(rejected.size() <= 1, text);
        if (debug) {
            assertEquals(1, rejected.size(), text);
            assertTrue(rejected.get(0).contains("DEBUG"), text);
            assertTrue(rejected.get(0).contains(reason), text);
        }
    }
}
