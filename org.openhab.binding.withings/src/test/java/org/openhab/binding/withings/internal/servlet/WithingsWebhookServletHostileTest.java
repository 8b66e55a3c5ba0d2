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

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhab.binding.withings.internal.handler.JettyHttpService;
import org.openhab.binding.withings.internal.handler.OutputCapture;
import org.openhab.binding.withings.internal.api.WithingsNotification;

/**
 * What a hostile run against a live openHAB found at the webhook servlet, each over a raw loopback socket (so that
 * the bytes arrive exactly as written): a content type of only separators made an exception escape the servlet
 * (HTTP 500 naming the servlet class, Jetty logging the URI with the webhook secret at WARN), and {@code userid} or
 * {@code appli} with control characters around the digits or with leading zeros were accepted. Also: a failure of
 * the dispatcher never escapes either.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsWebhookServletHostileTest {

    private static final String SECRET = "HoStIlEsEcReT0123456789abcdefXYZ";
    private static final String ALIAS = WebhookUrl.alias(SECRET);
    private static final String USER = "30000003";
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private final RecordingDispatcher dispatcher = new RecordingDispatcher(USER);
    private @Nullable JettyHttpService server;

    @BeforeEach
    void start() throws Exception {
        JettyHttpService s = new JettyHttpService();
        server = s;
        assertTrue(new WithingsWebhookServlet(s, ALIAS, dispatcher, Clock.fixed(NOW, ZoneOffset.UTC)).register());
    }

    @AfterEach
    void stop() throws Exception {
        JettyHttpService s = server;
        if (s != null) {
            s.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { ";", ";;", " ; ", ";charset=utf-8", "; ;", "=;=" })
    void aContentTypeOfSeparatorsIsRefusedWithout500AndWithoutTheSecretInTheLog(String contentType)
            throws Exception {
        String answer;
        String log;
        try (OutputCapture output = new OutputCapture(WithingsWebhookServlet.class)) {
            answer = post("Content-Type: " + contentType + "\r\n", "userid=" + USER + "&appli=1");
            log = output.text();
        }
        assertEquals(415, statusOf(answer), answer);
        assertFalse(answer.contains("WithingsWebhookServlet"), answer);
        assertFalse(answer.contains("Exception"), answer);
        assertFalse(log.contains(SECRET), log);
        assertFalse(log.contains("WARN") || log.contains("ERROR") || log.contains("\tat "), log);
        assertTrue(dispatcher.dispatched().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "30000003%00", "%0030000003", "30000003%0D%0A", "%0D%0A30000003", "030000003",
            "0030000003", "%2030000003", "30000003%20", "%0930000003", "+30000003", "30000003%C2%A0",
            "%D9%A330000003", "0" })
    void aUseridWithControlCharactersSpacesOrLeadingZerosIs400(String userid) throws Exception {
        String answer = post("Content-Type: application/x-www-form-urlencoded\r\n",
                "userid=" + userid + "&appli=1");
        assertEquals(400, statusOf(answer), answer);
        assertTrue(dispatcher.dispatched().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "1%00", "%001", "1%0D%0A", "01", "00", "0", "%201", "1%20", "+1", "-1", "1.0" })
    void anAppliWithControlCharactersSpacesOrLeadingZerosIs400(String appli) throws Exception {
        String answer = post("Content-Type: application/x-www-form-urlencoded\r\n",
                "userid=" + USER + "&appli=" + appli);
        assertEquals(400, statusOf(answer), answer);
        assertTrue(dispatcher.dispatched().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "userid=30000003&appli=1&userid=30000004", "userid=30000003&appli=1&appli=44",
            "userid=30000003&userid=30000003&appli=1" })
    void aRepeatedUseridOrAppliIs400(String body) throws Exception {
        String answer = post("Content-Type: application/x-www-form-urlencoded\r\n", body);
        assertEquals(400, statusOf(answer), answer);
        assertTrue(dispatcher.dispatched().isEmpty());
    }

    @Test
    void plainDigitsStillPass() throws Exception {
        String answer = post("Content-Type: application/x-www-form-urlencoded\r\n",
                "userid=" + USER + "&appli=44&startdate=1764000000&enddate=1764003600");
        assertEquals(200, statusOf(answer), answer);
        WithingsNotification n = dispatcher.dispatched().get(0);
        assertEquals(USER, n.userId());
        assertEquals(44, n.appli());
    }

    @Test
    void aFailingDispatcherNeverLetsAnExceptionEscape() throws Exception {
        JettyHttpService s = server;
        assertNotNull(s);
        String alias = WebhookUrl.alias("FaIlInGsEcReT0123456789abcdefXYZ");
        WebhookDispatcher failing = new WebhookDispatcher() {
            @Override
            public boolean knowsUser(String userId) {
                throw new IllegalStateException("broken " + userId);
            }

            @Override
            public void dispatch(WithingsNotification notification) {
            }
        };
        assertTrue(new WithingsWebhookServlet(s, alias, failing, Clock.fixed(NOW, ZoneOffset.UTC)).register());
        String answer;
        String log;
        try (OutputCapture output = new OutputCapture(WithingsWebhookServlet.class)) {
            answer = raw(alias, "POST", "Content-Type: application/x-www-form-urlencoded\r\n",
                    "userid=" + USER + "&appli=1");
            log = output.text();
        }
        assertEquals(503, statusOf(answer), answer);
        assertFalse(answer.contains("IllegalStateException") || answer.contains("WithingsWebhookServlet"), answer);
        assertFalse(log.contains("FaIlInGsEcReT") || log.contains("WARN") || log.contains("\tat "), log);
    }

    private String post(String headers, String body) throws Exception {
        return raw(ALIAS, "POST", headers, body);
    }

    /** Sends one request over a raw socket and returns the whole answer (status line, headers, body). */
    private String raw(String path, String method, String headers, String body) throws Exception {
        JettyHttpService s = server;
        assertNotNull(s);
        URI base = s.baseUri();
        byte[] content = body.getBytes(StandardCharsets.ISO_8859_1);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers
                    + "Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static int statusOf(String answer) {
        assertTrue(answer.startsWith("HTTP/1.1 "), answer);
        return Integer.parseInt(answer.substring(9, 12));
    }
}
