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
package org.openhab.binding.withings.simulator;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The one-command start: the simulator's main method in its own JVM on port 0 prints its base URL, the client
 * credentials and the demo users, serves over HTTP, and stops when the process is ended.
 *
 * @author Withings binding contributors - Initial contribution
 */
class CommandLineTest {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    @Test
    void mainPrintsTheBaseUrlAndTheDemoUsersAndServesUntilStopped() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                WithingsCloudSimulator.class.getName(), "--port", "0", "--seed", "42").redirectErrorStream(true)
                .start();
        try {
            List<String> lines = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> banner = CompletableFuture.runAsync(() -> {
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        lines.add(line);
                        if (line.startsWith("Press Ctrl-C")) {
                            return;
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            banner.get(60, TimeUnit.SECONDS);
            String out = String.join("\n", lines);

            Matcher m = LISTENING.matcher(out);
            assertTrue(m.find(), out);
            URI base = URI.create(m.group(1));
            assertTrue(base.getPort() > 0, out);
            assertTrue(out.contains("client id:     sim-client-id"), out);
            for (SimUser.Kind kind : SimUser.Kind.values()) {
                assertTrue(out.contains(kind.name()), kind + " listed: " + out);
            }

            // it serves: the control API describes the same simulator
            HttpResponse<String> info = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(base.resolve("/_sim/info")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, info.statusCode());
            JsonObject json = JsonParser.parseString(info.body()).getAsJsonObject();
            assertEquals(base.toString(), json.get("baseUrl").getAsString());
            assertEquals(SimUser.Kind.values().length, json.getAsJsonArray("users").size());
        } finally {
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the simulator stops when its process is ended");
        }
    }
}
