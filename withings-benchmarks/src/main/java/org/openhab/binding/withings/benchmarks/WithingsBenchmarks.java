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
import java.net.URLEncoder;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.withings.internal.api.DateQuery;
import org.openhab.binding.withings.internal.api.MeasureQuery;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiConfig;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.api.WithingsHttpTransport;
import org.openhab.binding.withings.internal.api.WithingsRateLimiter;
import org.openhab.binding.withings.internal.config.WithingsAccountConfiguration;
import org.openhab.binding.withings.internal.handler.HandlerDayBenchmark;
import org.openhab.binding.withings.internal.handler.HandlerDayBenchmark.DayResult;
import org.openhab.binding.withings.simulator.SimUser;
import org.openhab.binding.withings.simulator.SimulatorOptions;
import org.openhab.binding.withings.simulator.WithingsCloudSimulator;

import com.google.gson.JsonParser;

/**
 * Runs the benchmark sections against the cloud simulator over real loopback HTTP (API economy per user and day and
 * per first sync, push latency, scale, parse cost with JMH, footprint, client latency) and writes the Markdown
 * report. Timings are reported, never asserted.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class WithingsBenchmarks {

    private static final String REDIRECT = "http://localhost/withings/connect/bench";

    private final WithingsCloudSimulator sim;
    private final WithingsClient client;
    private final HttpClient http;
    private final StringBuilder report = new StringBuilder();

    private WithingsBenchmarks(WithingsCloudSimulator sim, HttpClient http) {
        this.sim = sim;
        this.http = http;
        WithingsApiConfig config = new WithingsApiConfig(sim.baseUri(), sim.baseUri(), Duration.ofSeconds(15),
                WithingsApiConfig.DEFAULT_MAX_PAGES);
        // a limit high enough not to shape the measurement: request counts are what matters here
        this.client = new WithingsClient(new WithingsHttpTransport(http), config,
                new WithingsRateLimiter(100_000, Duration.ofMinutes(5), Clock.systemUTC()));
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/benchmark-report.md");
        Path fixtures = Path.of(args.length > 1 ? args[1] : "../org.openhab.binding.withings/src/test/resources/fixtures");
        Path jar = Path.of(args.length > 2 ? args[2] : "../org.openhab.binding.withings/target/org.openhab.binding.withings-5.2.0.jar");
        HttpClient http = new HttpClient();
        http.start();
        try (WithingsCloudSimulator sim = WithingsCloudSimulator.start(SimulatorOptions.defaults().port(0).seed(42))) {
            WithingsBenchmarks bench = new WithingsBenchmarks(sim, http);
            bench.run(fixtures, jar);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, bench.report.toString(), StandardCharsets.UTF_8);
            System.out.println(bench.report);
            System.out.println("Report written to " + out);
        } finally {
            http.stop();
        }
        // the binding's shared pools (openHAB's ThreadPoolManager stand-in) are not daemon threads
        System.exit(0);
    }

    /** Whether the section is to run: all unless {@code -Dbenchmarks.only=a,b} names others. */
    private static boolean selected(String section) {
        String only = System.getProperty("benchmarks.only", "");
        return only.isBlank() || List.of(only.split(",")).contains(section);
    }

    private static int property(String name, int fallback) {
        return Integer.getInteger(name, fallback);
    }

    private void run(Path fixtures, Path jar) throws Exception {
        report.append("# Withings binding benchmarks\n\n");
        report.append(Machine.describe(Instant.now().truncatedTo(ChronoUnit.SECONDS)));

        if (selected("day")) {
            handlerDay();
        }
        if (selected("backfill")) {
            report.append("## API economy: first sync (back-fill), 30 days and 10 years\n\n");
            report.append(Backfill.run(http));
            report.append("\n");
        }
        PushLatency.Outcome push = null;
        if (selected("push")) {
            report.append("## Push latency on loopback: webhook servlet → channel state\n\n");
            push = new PushLatency(property("benchmarks.push.notifications", 10_000),
                    property("benchmarks.push.weighingRounds", 12)).run();
            report.append(push.section());
        }
        if (selected("scale")) {
            int users = property("benchmarks.scale.users", 100);
            report.append("## Scale: ").append(users).append(" users on one bridge starting at once\n\n");
            report.append(new Scale(users, property("benchmarks.scale.limit", 120)).run());
        }
        if (selected("parse")) {
            report.append("## Parse cost per page (JMH, GC profiler)\n\n");
            report.append(ParseCost.run(fixtures));
            report.append("""

                    JMH 1.37, average time, 1 fork, 3 warm-up and 5 measured iterations of 1 s; bytes allocated per
                    page from the GC profiler (`gc.alloc.rate.norm`). The binding's figure is its whole client path:
                    envelope check, status, typed DTOs and paging (one page), with a transport that answers without
                    HTTP; the naive baseline parses a `JsonParser` tree and reads every value by hand.

                    """);
        }
        if (selected("footprint") && push != null) {
            report.append("## Footprint\n\n");
            report.append(Footprint.run(jar, push));
        }
        if (selected("latency")) {
            clientLatency();
        }
    }

    private void clientLatency() throws Exception {
        Map<SimUser, TokenProvider> tokens = new LinkedHashMap<>();
        for (SimUser user : sim.users()) {
            tokens.put(user, link(user.userid()));
        }
        report.append("## Client latency per call over loopback\n\n");
        report.append("| Call | Calls | Median (ms) | p90 (ms) |\n|---|---|---|---|\n");
        TokenProvider scale = tokens.get(sim.user(SimUser.Kind.SCALE));
        TokenProvider watch = tokens.get(sim.user(SimUser.Kind.WATCH));
        if (scale != null && watch != null) {
            Instant now = Instant.now();
            latency("getmeas (lastupdate, nothing new)", 200,
                    () -> client.getMeasures(scale, MeasureQuery.since(now.plusSeconds(3600))));
            latency("getmeas (7 days)", 100,
                    () -> client.getMeasures(scale, MeasureQuery.between(now.minus(7, ChronoUnit.DAYS), now)));
            latency("getactivity (today)", 200,
                    () -> client.getActivity(watch, DateQuery.days(LocalDate.now(), LocalDate.now())));
            latency("getdevice", 200, () -> client.getDevices(watch));
        }
        report.append("\n");
    }

    /** The real user and device handlers over one virtual day, polling vs push, and the integrations to beat. */
    private void handlerDay() throws Exception {
        long start = System.nanoTime();
        List<DayResult> results = HandlerDayBenchmark.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        WithingsAccountConfiguration c = HandlerDayBenchmark.defaults();
        int budget = WithingsRateLimiter.DEFAULT_MAX_PER_MINUTE;

        report.append("## API economy of the user handler per user and day: polling vs push\n\n");
        report.append(String.format(Locale.ROOT, """
                The real `WithingsUserHandler` and one `WithingsDeviceHandler` per user, for each of the simulator's
                %d users, run for 24 simulated hours (from local midnight) on a virtual-time scheduler against the
                cloud simulator over loopback HTTP; the simulator shares the virtual clock and its request log is
                counted. Default intervals of the account configuration: body %d s, activity %d s, sleep %d s, goals
                %d s, devices %d s, push safety poll %d s. The bridge's limiter at its default (%d requests/min). The
                same day of data happens in both modes: %s. In push mode each event reaches the handler as a
                notification (bed events included); in polling mode no notification arrives. The first sync
                (back-fill of %d days) and the one getdevice per user made to find a device id are not part of the
                day. The run checks that each handler ends the day showing the last weighing (and, in push mode,
                the user in bed). Wall time of both runs: %d ms.

                """, results.get(0).users(), c.bodyInterval, c.activityInterval, c.sleepInterval, c.goalsInterval,
                c.devicesInterval, c.pushSafetyInterval, budget, HandlerDayBenchmark.eventSummary(), c.backfillDays, millis));
        List<String> endpoints = HandlerDayBenchmark.endpoints(results);
        report.append("| Mode | Requests/day per user | Per endpoint, per user and day |");
        report.append(" Requests/day for 4 users | Peak requests in one minute (4 users) vs the ").append(budget)
                .append("/min bridge budget | Share of the daily budget (").append(budget * 1440)
                .append(") | Token refreshes/day (4 users) | First sync per user |\n");
        report.append("|---|---|---|---|---|---|---|---|\n");
        for (DayResult r : results) {
            List<String> parts = new ArrayList<>();
            for (String endpoint : endpoints) {
                long n = r.perEndpoint().getOrDefault(endpoint, 0L);
                if (n > 0) {
                    parts.add(String.format(Locale.ROOT, "%s %s", endpoint, per(n, r.users())));
                }
            }
            long min = r.perUser().values().stream().mapToLong(Long::longValue).min().orElse(0);
            long max = r.perUser().values().stream().mapToLong(Long::longValue).max().orElse(0);
            String perUser = min == max ? Long.toString(min) : min + "–" + max;
            report.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d / %d | %s | %d | %s |%n", r.mode(),
                    perUser, String.join("<br>", parts), r.dataRequests(), r.peakPerMinute(), budget,
                    HandlerDayBenchmark.share(r.dataRequests(), budget), r.tokenRequests(),
                    per(r.firstSyncRequests(), r.users())));
        }
        for (DayResult r : results) {
            if (!r.failures().isEmpty()) {
                report.append("\nFailures in ").append(r.mode()).append(": ").append(String.join("; ", r.failures()))
                        .append("\n");
            }
        }
        report.append(String.format(Locale.ROOT, """

                Push mode delivered %d notifications (4 users). Time to update in push mode: a notification starts
                one fetch of its data type after the coalescing debounce of %d s (notifications of the same type
                within it share the fetch), plus one request round trip; bed events update the presence channels at
                once with no request. Goals (no notification exists for them) are read every %d h, the devices every
                %d h and, at most hourly, after a data notification (a device that synced has a new battery and last
                sync); an activity notification naming a whole day reads no workouts. In polling
                mode the delay is up to the poll interval of the type (body %d min, activity %d min, sleep %d min)
                and bed events are not seen at all. Token refreshes are counted separately (access tokens live 3 h;
                refreshed when expired, as openHAB's OAuth client does).

                """, results.get(1).notifications(), HandlerDayBenchmark.debounce().toSeconds(),
                c.goalsInterval / 3600, c.devicesInterval / 3600, c.bodyInterval / 60, c.activityInterval / 60, c.sleepInterval / 60));

        report.append("## Compared with the integrations to beat (their documented behaviour, not measured here)\n\n");
        report.append("""
                **Home Assistant's Withings integration** (read in `homeassistant/components/withings/coordinator.py`
                of home-assistant/core, commit 45c029d971674ab230df8c90a0dcbe1aeb54da7f): one data coordinator per
                data type (measurements, sleep, activity, workouts) polled every `UPDATE_INTERVAL = 10 minutes`
                while webhooks are not connected, goals every hour always (no webhook exists for goals), bed presence
                from webhooks only; the first update of measurements, activity and workouts fetches 14 days of
                history. As the project reads the integration, results are not paged and there is no rate limiter
                shared by the users of one Withings application.
                When webhooks are connected the four coordinators stop polling and refresh once per notification
                of their categories (activity notifications refresh both the activity and the workout coordinator).

                The following is a **calculation from those documented intervals**, assuming one request per
                coordinator update (not a measurement of Home Assistant):

                | Mode | Requests/day per user (calculated) | Requests/day for 4 users (calculated) |
                |---|---|---|
                | polling (webhooks not connected) | 4 coordinators × 144 + goals 24 = 600 | 2400 |
                | push (webhooks connected), the day above | goals 24 + at most 3 (weighings, BP) + 1 (sleep) + 2 × 13 (activity and workout per activity notification) = at most 54 | at most 216 |

                **The Prinsessen openHAB marketplace binding**: polling only, no webhooks (no bed presence, no
                push); its request count is not calculated here.

                """);
    }

    private static String per(long total, int users) {
        return total % users == 0 ? Long.toString(total / users)
                : String.format(Locale.ROOT, "%.2f", (double) total / users);
    }

    private interface Call {
        Object run() throws WithingsApiException;
    }

    private void latency(String name, int calls, Call call) throws WithingsApiException {
        for (int i = 0; i < 20; i++) {
            call.run();
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.run();
            micros.add((System.nanoTime() - start) / 1000);
        }
        micros.sort(null);
        report.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f |%n", name, calls,
                micros.get(calls / 2) / 1000.0, micros.get(calls * 9 / 10) / 1000.0));
    }

    /** Links a simulated user through the OAuth code flow, as the account-linking page does. */
    private TokenProvider link(long userid) throws IOException, InterruptedException {
        String authorize = sim.baseUri() + "/oauth2_user/authorize2?response_type=code&client_id="
                + enc(sim.clientId()) + "&state=bench&scope=" + enc("user.info,user.metrics,user.activity,user.sleepevents")
                + "&redirect_uri=" + enc(REDIRECT);
        String location = sim.authorize(authorize, userid);
        String code = URI.create(location).getQuery().replaceAll("(^|.*&)code=([^&]*).*", "$2");
        String form = "action=requesttoken&grant_type=authorization_code&client_id=" + enc(sim.clientId())
                + "&client_secret=" + enc(sim.clientSecret()) + "&code=" + enc(code) + "&redirect_uri="
                + enc(REDIRECT);
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().followRedirects(Redirect.NEVER).build();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(sim.baseUri().resolve("/v2/oauth2"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        String token = JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonObject("body")
                .get("access_token").getAsString();
        return new TokenProvider() {
            @Override
            public String accessToken() {
                return token;
            }

            @Override
            public String refreshedAccessToken() {
                return token;
            }
        };
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
