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

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.AbstractHandler;

/**
 * Test helper: an embedded Jetty 9.4 server on a loopback port that serves canned Withings answers per
 * (path, action, offset) and records every request it receives (path, form fields, Authorization header).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class FixtureServer implements AutoCloseable {

    /**
     * A canned answer.
     *
     * @param httpStatus HTTP status
     * @param contentType Content-Type
     * @param body body text
     * @param block when set, the server waits for this latch before answering (to provoke client timeouts)
     */
    public record Reply(int httpStatus, String contentType, String body, @Nullable CountDownLatch block) {
    }

    /**
     * A received request.
     *
     * @param path the request path
     * @param form the form fields
     * @param authorization the Authorization header or null
     * @param contentType the Content-Type header or null
     */
    public record Recorded(String path, Map<String, String> form, @Nullable String authorization,
            @Nullable String contentType) {
        public @Nullable String param(String name) {
            return form.get(name);
        }
    }

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final Map<String, Deque<Reply>> replies = new HashMap<>();
    private final List<Recorded> recorded = new CopyOnWriteArrayList<>();

    public FixtureServer() throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new AbstractHandler() {
            @Override
            public void handle(@Nullable String target, @Nullable Request baseRequest,
                    @Nullable HttpServletRequest request, @Nullable HttpServletResponse response)
                    throws IOException {
                if (baseRequest == null || request == null || response == null) {
                    return;
                }
                baseRequest.setHandled(true);
                serve(request, response);
            }
        });
        server.start();
    }

    /**
     * @return the base URI, e.g. {@code http://127.0.0.1:12345}
     */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    /**
     * Registers answers for (path, action, offset): served in order, the last one repeats.
     *
     * @param offset the {@code offset} form value to match, or null for requests without a more specific rule
     */
    public synchronized void stubPage(String path, String action, @Nullable String offset, Reply... answers) {
        replies.put(key(path, action, offset), new ArrayDeque<>(List.of(answers)));
    }

    /**
     * Registers answers for (path, action), whatever the offset.
     */
    public void stub(String path, String action, Reply... answers) {
        stubPage(path, action, null, answers);
    }

    /**
     * @return every request received so far
     */
    public List<Recorded> requests() {
        return new ArrayList<>(recorded);
    }

    /**
     * @return the requests received for (path, action)
     */
    public List<Recorded> requests(String path, String action) {
        return recorded.stream().filter(r -> r.path().equals(path) && action.equals(r.form().get("action")))
                .toList();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    // ------------------------------------------------------------- replies

    public static Reply json(String body) {
        return new Reply(200, "application/json;charset=utf-8", body, null);
    }

    public static Reply reply(int httpStatus, String contentType, String body) {
        return new Reply(httpStatus, contentType, body, null);
    }

    /**
     * @return {@code {"status":0,"body":<body>}}
     */
    public static Reply ok(String body) {
        return json(envelope(body));
    }

    /**
     * @return {@code {"status":<status>,"error":"..."}} with HTTP 200
     */
    public static Reply status(int status) {
        return json("{\"status\":" + status + ",\"error\":\"Test error " + status + "\"}");
    }

    public static String envelope(String body) {
        return "{\"status\":0,\"body\":" + body + "}";
    }

    /**
     * @param path a path under {@code src/test/resources/fixtures/}, e.g. {@code aiowithings/device.json}
     * @return the file's text
     */
    public static String fixture(String path) {
        try (InputStream in = FixtureServer.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------- serving

    private void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> form.put(name, values.length > 0 ? values[0] : ""));
        String path = request.getRequestURI();
        recorded.add(new Recorded(path, form, request.getHeader("Authorization"), request.getContentType()));
        Reply answer = next(path, form.getOrDefault("action", ""), form.get("offset"));
        if (answer == null) {
            answer = json("{\"status\":2555,\"error\":\"No stub for " + path + "\"}");
        }
        CountDownLatch block = answer.block();
        if (block != null) {
            try {
                block.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        response.setStatus(answer.httpStatus());
        response.setContentType(answer.contentType());
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private synchronized @Nullable Reply next(String path, String action, @Nullable String offset) {
        Deque<Reply> queue = offset == null ? null : replies.get(key(path, action, offset));
        if (queue == null) {
            queue = replies.get(key(path, action, null));
        }
        if (queue == null || queue.isEmpty()) {
            return null;
        }
        return queue.size() > 1 ? queue.pollFirst() : queue.peekFirst();
    }

    private static String key(String path, String action, @Nullable String offset) {
        return path + "|" + action + "|" + (offset == null ? "" : offset);
    }
}
