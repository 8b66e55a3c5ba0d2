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
package org.openhab.binding.withings.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.withings.internal.api.DateQuery;
import org.openhab.binding.withings.internal.api.HttpResult;
import org.openhab.binding.withings.internal.api.MeasureQuery;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiConfig;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.api.WithingsHttpTransport;
import org.openhab.binding.withings.internal.api.WithingsRateLimiter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * JMH: the cost of decoding one answer page, the binding's way (its {@link WithingsClient} with a transport that
 * hands back the page without HTTP, so envelope check, status, DTO mapping and paging are all counted) beside a naive
 * baseline (Gson's {@link JsonParser} tree, walked by hand to read every value, as many integrations do). Two pages:
 * 2,000 measure groups of getmeas (the real groups of the aiowithings fixtures, repeated with new ids and dates) and
 * the real 300-night sleep getsummary answer of aiowithings ({@code more} set to false so that one page is read).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParseBenchmark {

    /** System property naming the fixtures folder (the forked JVM gets it from the runner). */
    public static final String FIXTURES = "withings.fixtures";
    public static final int GROUPS = 2000;

    private String getmeas = "";
    private String sleep = "";
    private @Nullable WithingsClient measureClient;
    private @Nullable WithingsClient sleepClient;
    private final TokenProvider tokens = new TokenProvider() {
        @Override
        public String accessToken() {
            return "bench";
        }

        @Override
        public String refreshedAccessToken() {
            return "bench";
        }
    };

    @Setup
    public void load() throws IOException {
        Path fixtures = Path.of(System.getProperty(FIXTURES, "../org.openhab.binding.withings/src/test/resources/fixtures"));
        getmeas = getmeasPage(fixtures, GROUPS);
        sleep = sleepPage(fixtures);
        measureClient = client(getmeas);
        sleepClient = client(sleep);
    }

    @Benchmark
    public Object getmeasBinding() throws WithingsApiException {
        return require(measureClient).getMeasures(tokens, MeasureQuery.all());
    }

    @Benchmark
    public Object getmeasNaiveTree() {
        JsonObject body = JsonParser.parseString(getmeas).getAsJsonObject().getAsJsonObject("body");
        List<double[]> values = new ArrayList<>();
        for (JsonElement g : body.getAsJsonArray("measuregrps")) {
            JsonObject group = g.getAsJsonObject();
            long date = group.get("date").getAsLong();
            for (JsonElement m : group.getAsJsonArray("measures")) {
                JsonObject measure = m.getAsJsonObject();
                values.add(new double[] { date, measure.get("type").getAsInt(),
                        measure.get("value").getAsLong() * Math.pow(10, measure.get("unit").getAsInt()) });
            }
        }
        return values;
    }

    @Benchmark
    public Object sleepBinding() throws WithingsApiException {
        return require(sleepClient).getSleepSummaries(tokens, DateQuery.since(Instant.EPOCH));
    }

    @Benchmark
    public Object sleepNaiveTree() {
        JsonObject body = JsonParser.parseString(sleep).getAsJsonObject().getAsJsonObject("body");
        List<double[]> nights = new ArrayList<>();
        for (JsonElement s : body.getAsJsonArray("series")) {
            JsonObject night = s.getAsJsonObject();
            JsonObject data = night.getAsJsonObject("data");
            double[] values = new double[data.size() + 2];
            values[0] = night.get("startdate").getAsLong();
            values[1] = night.get("enddate").getAsLong();
            int i = 2;
            for (Map.Entry<String, JsonElement> field : data.entrySet()) {
                JsonElement v = field.getValue();
                values[i++] = v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber() ? v.getAsDouble() : 0;
            }
            nights.add(values);
        }
        return nights;
    }

    private static WithingsClient require(@Nullable WithingsClient client) {
        if (client == null) {
            throw new IllegalStateException("not set up");
        }
        return client;
    }

    /** A client whose every request is answered with the page, without HTTP and without a rate limit. */
    private static WithingsClient client(String page) {
        HttpResult answer = new HttpResult(200, "application/json", page);
        WithingsHttpTransport transport = new WithingsHttpTransport(new HttpClient()) {
            @Override
            public HttpResult post(URI uri, Map<String, String> form, @Nullable String bearerToken,
                    Duration timeout) {
                return answer;
            }
        };
        URI base = URI.create("http://127.0.0.1:9");
        return new WithingsClient(transport, new WithingsApiConfig(base, base, Duration.ofSeconds(15), 1),
                new WithingsRateLimiter(Integer.MAX_VALUE, Duration.ofMinutes(5), Clock.systemUTC()));
    }

    /** A getmeas answer of {@code groups} groups: the real fixture groups repeated with new grpid and dates. */
    public static String getmeasPage(Path fixtures, int groups) throws IOException {
        JsonArray real = JsonParser
                .parseString(Files.readString(fixtures.resolve("aiowithings/measurement_list_2.json"),
                        StandardCharsets.UTF_8))
                .getAsJsonArray();
        JsonObject envelope = JsonParser.parseString(
                Files.readString(fixtures.resolve("aiowithings/measurement.json"), StandardCharsets.UTF_8))
                .getAsJsonObject();
        JsonObject body = envelope.getAsJsonObject("body");
        real.addAll(body.getAsJsonArray("measuregrps"));
        JsonArray all = new JsonArray();
        for (int i = 0; i < groups; i++) {
            JsonObject g = real.get(i % real.size()).getAsJsonObject().deepCopy();
            g.addProperty("grpid", 6_000_000_000L + i);
            g.addProperty("date", 1_700_000_000L - i * 43_200L);
            all.add(g);
        }
        body.add("measuregrps", all);
        body.addProperty("more", 0);
        body.addProperty("offset", 0);
        return envelope.toString();
    }

    /** The real 300-night getsummary answer, marked as the last page. */
    public static String sleepPage(Path fixtures) throws IOException {
        JsonObject envelope = JsonParser
                .parseString(Files.readString(fixtures.resolve("aiowithings/sleep_summary.json"), StandardCharsets.UTF_8))
                .getAsJsonObject();
        envelope.getAsJsonObject("body").addProperty("more", false);
        return envelope.toString();
    }
}
