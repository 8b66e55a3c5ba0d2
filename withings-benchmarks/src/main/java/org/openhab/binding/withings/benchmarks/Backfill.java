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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
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
import org.openhab.binding.withings.internal.handler.SimulatorTokens;
import org.openhab.binding.withings.simulator.SimUser;
import org.openhab.binding.withings.simulator.SimulatorOptions;
import org.openhab.binding.withings.simulator.WithingsCloudSimulator;

/**
 * The request cost of a first sync (back-fill) per simulated user, 30 days and 10 years, against a simulator holding
 * ten years of history: the binding's way (every paged endpoint with {@code lastupdate}, followed with
 * {@code more}/{@code offset}, as the user Thing's first sync does) beside date windows (sleep getsummary in the
 * 7-day windows its date range is limited to). The cost is compared with the data pages: for each endpoint the
 * pages its items fill at the simulator's (Withings') page size.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
final class Backfill {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final int YEARS_DAYS = 3650;
    /** As the user Thing: a back-fill longer than this reads the recent days first. */
    private static final int RECENT_AFTER_DAYS = 31;
    private static final int RECENT_DAYS = 7;

    private Backfill() {
    }

    static String run(HttpClient http) throws Exception {
        StringBuilder out = new StringBuilder();
        long fill = System.nanoTime();
        try (WithingsCloudSimulator sim = WithingsCloudSimulator
                .start(SimulatorOptions.defaults().port(0).seed(42).historyDays(YEARS_DAYS))) {
            long fillMs = (System.nanoTime() - fill) / 1_000_000;
            WithingsApiConfig config = new WithingsApiConfig(sim.baseUri(), sim.baseUri(), Duration.ofSeconds(30),
                    WithingsApiConfig.DEFAULT_MAX_PAGES);
            WithingsClient client = new WithingsClient(new WithingsHttpTransport(http), config,
                    new WithingsRateLimiter(1_000_000, Duration.ofMinutes(5), Clock.systemUTC()));
            out.append(String.format(Locale.ROOT, """
                    The simulator generates ten years (%d days) of history of each user's kind (%d ms), stamped
                    `created`/`modified` at each record's time as in a real account.
                    Page sizes as Withings answers (simulator README): getmeas 50 groups, getactivity 200 days,
                    getworkouts 100, sleep getsummary 300 nights. A first sync as the user Thing does it: getmeas,
                    getactivity, getworkouts, sleep getsummary, getgoals, getdevice (the heart list and the ECG types
                    are read on an ECG notification, not in the first sync). "lastupdate" = every paged endpoint
                    queried with `lastupdate` = start of the back-fill and followed with `more`/`offset`; a back-fill
                    of more than %d days first reads the recent %d days of getmeas, getactivity, getworkouts and sleep
                    getsummary (4 requests), so the newest values of every group show before the history.
                    "windows" = the same without the recent week, but sleep getsummary in date windows of 7 days (its
                    documented limit), as the binding did before. Data pages = for each paged endpoint the pages its
                    items fill in the back-fill (none without items); the constant = requests − data pages: the
                    recent week, getgoals, getdevice, one request for each paged endpoint without data, and the
                    windows' extra requests.

                    | User | Back-fill | Strategy | Requests | Data pages | Requests − data pages (target ≤ 10) | Items | vs windows |
                    |---|---|---|---|---|---|---|---|
                    """, YEARS_DAYS, fillMs, RECENT_AFTER_DAYS, RECENT_DAYS));
            for (SimUser user : sim.users()) {
                TokenProvider tp = new SimulatorTokens(sim, http, config, user.userid());
                for (int days : new int[] { 30, YEARS_DAYS }) {
                    Cost windows = firstSync(sim, client, tp, days, false);
                    Cost lastupdate = firstSync(sim, client, tp, days, true);
                    out.append(lastupdate.row(user, days, "lastupdate", windows));
                    out.append(windows.row(user, days, "windows", windows));
                }
            }
        }
        return out.toString();
    }

    /** The requests of one first sync, per endpoint, and the items they brought. */
    private record Cost(Map<String, Long> requests, Map<String, Integer> items) {
        long total() {
            return requests.values().stream().mapToLong(Long::longValue).sum();
        }

        long dataPages() {
            long pages = 0;
            for (Map.Entry<String, Integer> e : items.entrySet()) {
                int size = pageSize(e.getKey());
                pages += size == 0 ? 0 : (e.getValue() + size - 1) / size;
            }
            return pages;
        }

        int itemCount() {
            return items.values().stream().mapToInt(Integer::intValue).sum();
        }

        String row(SimUser user, int days, String strategy, Cost windows) {
            return String.format(Locale.ROOT, "| %s (%s) | %s | %s | %d | %d | %d | %d | %s |%n", user.name(),
                    user.kind(), days == YEARS_DAYS ? "10 years" : days + " days", strategy, total(), dataPages(),
                    total() - dataPages(), itemCount(),
                    this == windows ? "1" : String.format(Locale.ROOT, "%.2f×", (double) total() / windows.total()));
        }
    }

    private static int pageSize(String endpoint) {
        return switch (endpoint) {
            case "getmeas" -> 50;
            case "getactivity" -> 200;
            case "getworkouts" -> 100;
            case "getsummary" -> 300;
            default -> 0;
        };
    }

    private interface Fetch {
        int run() throws WithingsApiException;
    }

    private static Cost firstSync(WithingsCloudSimulator sim, WithingsClient client, TokenProvider tp, int days,
            boolean lastupdate) throws Exception {
        Instant now = Instant.now();
        Instant since = now.minus(days, ChronoUnit.DAYS);
        LocalDate today = LocalDate.now(ZONE);
        DateQuery range = lastupdate ? DateQuery.since(since) : DateQuery.days(today.minusDays(days), today);
        Map<String, Long> requests = new LinkedHashMap<>();
        Map<String, Integer> items = new LinkedHashMap<>();
        if (lastupdate && days > RECENT_AFTER_DAYS) {
            Instant recent = now.minus(RECENT_DAYS, ChronoUnit.DAYS);
            DateQuery week = DateQuery.since(recent);
            measure(sim, requests, items, "recent getmeas",
                    () -> client.getMeasures(tp, MeasureQuery.since(recent)).groups().size());
            measure(sim, requests, items, "recent getactivity", () -> client.getActivity(tp, week).size());
            measure(sim, requests, items, "recent getworkouts", () -> client.getWorkouts(tp, week).size());
            measure(sim, requests, items, "recent getsummary", () -> client.getSleepSummaries(tp, week).size());
        }
        measure(sim, requests, items, "getmeas",
                () -> client.getMeasures(tp, MeasureQuery.since(since)).groups().size());
        measure(sim, requests, items, "getactivity", () -> client.getActivity(tp, range).size());
        measure(sim, requests, items, "getworkouts", () -> client.getWorkouts(tp, range).size());
        measure(sim, requests, items, "getsummary", () -> client.getSleepSummaries(tp, range).size());
        measure(sim, requests, items, "getgoals", () -> client.getGoals(tp).isPresent() ? 1 : 0);
        measure(sim, requests, items, "getdevice", () -> client.getDevices(tp).size());
        return new Cost(requests, items);
    }

    private static void measure(WithingsCloudSimulator sim, Map<String, Long> requests, Map<String, Integer> items,
            String endpoint, Fetch fetch) {
        int before = sim.control().requests().size();
        int n;
        try {
            n = fetch.run();
        } catch (WithingsApiException e) {
            n = 0; // no scope or no data of that kind
        }
        long count = sim.control().requests().subList(before, sim.control().requests().size()).stream()
                .filter(r -> !"/v2/oauth2".equals(r.path())).count();
        requests.put(endpoint, count);
        items.put(endpoint, n);
    }
}
