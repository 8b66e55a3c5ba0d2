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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.handler.JettyHttpService;
import org.openhab.binding.withings.internal.handler.OutputCapture;

/**
 * Tests the base class {@link WithingsServlet} over real HTTP: methods other than GET, HEAD and POST are answered 405
 * with {@code Allow}, and an exception thrown by a servlet never reaches the HTTP service (no 500 page naming the
 * class, no request path in a log line).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsServletTest {

    private static final String SECRET_PATH = "/withings/test/s3cr3t-segment";

    private final HttpClient client = HttpClient.newHttpClient();
    private @Nullable JettyHttpService http;

    /** A servlet whose GET fails with a bug and whose POST answers 204. */
    private static class Failing extends WithingsServlet {
        private static final long serialVersionUID = 1L;

        Failing(JettyHttpService http) {
            super(http, SECRET_PATH);
        }

        @Override
        protected String loggableAlias() {
            return "/withings/test/…";
        }

        @Override
        protected void doGet(@Nullable HttpServletRequest req, @Nullable HttpServletResponse resp) {
            throw new IllegalStateException("bug in " + SECRET_PATH);
        }

        @Override
        protected void doPost(@Nullable HttpServletRequest req, @Nullable HttpServletResponse resp) throws IOException {
            if (resp != null) {
                resp.setStatus(204);
            }
        }
    }

    @AfterEach
    void stop() throws Exception {
        JettyHttpService h = http;
        if (h != null) {
            h.close();
        }
    }

    private HttpResponse<String> send(JettyHttpService h, String method) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(h.baseUri() + SECRET_PATH))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void otherMethodsAre405WithAllowAndExceptionsDoNotEscape() throws Exception {
        JettyHttpService h = new JettyHttpService();
        http = h;
        assertTrue(new Failing(h).register());
        try (OutputCapture log = new OutputCapture(WithingsServlet.class)) {
            for (String method : new String[] { "PATCH", "PUT", "DELETE", "OPTIONS", "TRACE", "FOO" }) {
                HttpResponse<String> response = send(h, method);
                assertEquals(405, response.statusCode(), method);
                assertEquals("GET, HEAD, POST", response.headers().firstValue("Allow").orElse(""), method);
            }
            assertEquals(204, send(h, "POST").statusCode());

            HttpResponse<String> failed = send(h, "GET");
            assertEquals(500, failed.statusCode());
            assertEquals("", failed.body());
            String output = log.text();
            assertTrue(output.contains("the request failed (IllegalStateException)"), output);
            assertTrue(output.contains("method PATCH not allowed"), output);
            assertFalse(output.contains("s3cr3t"), output);
            assertFalse(output.contains("WARN"), output);
            assertFalse(output.contains("ERROR"), output);
        }
    }

    @Test
    void aServletNarrowingItsMethodsGets405ForTheOthers() throws Exception {
        JettyHttpService h = new JettyHttpService();
        http = h;
        WithingsServlet postOnly = new Failing(h) {
            private static final long serialVersionUID = 1L;

            @Override
            protected String allowedMethods() {
                return "HEAD, POST";
            }
        };
        assertTrue(postOnly.register());
        for (String method : new String[] { "GET", "PATCH" }) {
            HttpResponse<String> response = send(h, method);
            assertEquals(405, response.statusCode(), method);
            assertEquals("HEAD, POST", response.headers().firstValue("Allow").orElse(""), method);
        }
        assertEquals(204, send(h, "POST").statusCode());
    }
}
