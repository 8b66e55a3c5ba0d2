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
package org.openhab.binding.withings.internal.handler;

import org.openhab.binding.withings.internal.api.WithingsNotification;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiConfig;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.api.WithingsHttpTransport;
import org.openhab.binding.withings.internal.api.WithingsRateLimiter;
import org.openhab.binding.withings.internal.config.WithingsAccountConfiguration;
import org.openhab.binding.withings.internal.dto.Device;
import org.openhab.binding.withings.simulator.RecordedRequest;
import org.openhab.binding.withings.simulator.SimMeasure;
import org.openhab.binding.withings.simulator.SimUser;
import org.openhab.binding.withings.simulator.SimulatorOptions;
import org.openhab.binding.withings.simulator.WithingsCloudSimulator;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.thing.Thing;
import org.openhab.core.types.State;

/**
 * The API economy of the real {@link WithingsUserHandler} (and one {@link WithingsDeviceHandler} per user) over one
 * simulated day: the four simulated users, each with their handler, run against the cloud simulator over loopback
 * HTTP on one virtual-time scheduler (the bundle's test doubles), once with webhooks unhealthy (polling at the
 * default intervals) and once with webhooks healthy and the day's events delivered as notifications. The simulator
 * shares the virtual clock, so its request log gives the requests per endpoint and per minute of virtual time.
 * Deterministic: seeded simulator, fixed start, virtual time.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class HandlerDayBenchmark {

    /** Local midnight in the simulator's (and the harness's) zone: the simulated day starts here. */
    private static final ZonedDateTime DAY_START = ZonedDateTime.of(LocalDate.of(2026, 3, 10), LocalTime.MIDNIGHT,
            Harness.ZONE);
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(3);
    private static final String TOKEN_PATH = "/v2/oauth2";
    private static final BigDecimal LAST_WEIGHT = new BigDecimal("80.1");

    /** One mode's measured day. */
    public record DayResult(String mode, int users, int firstSyncRequests, Map<String, Long> perEndpoint,
            long dataRequests, long tokenRequests, int peakPerMinute, Map<Long, Long> perUser, int notifications,
            List<String> failures) {
    }

    private HandlerDayBenchmark() {
    }

    /** Runs the day in polling mode (webhooks unhealthy), then in push mode (webhooks healthy). */
    public static List<DayResult> run() throws Exception {
        return List.of(day(false), day(true));
    }

    /** The coalescing debounce of push-driven fetches (the production default). */
    public static Duration debounce() {
        return WithingsUserHandler.DEFAULT_DEBOUNCE;
    }

    /** The default intervals of the account configuration, for the report. */
    public static WithingsAccountConfiguration defaults() {
        return new WithingsAccountConfiguration();
    }

    private static DayResult day(boolean push) throws Exception {
        FakeScheduler scheduler = new FakeScheduler(DAY_START.toInstant());
        MutableClock clock = scheduler.clock();
        HttpClient http = new HttpClient();
        http.start();
        List<Runnable> disposals = new ArrayList<>();
        try (WithingsCloudSimulator sim = WithingsCloudSimulator.start(
                SimulatorOptions.defaults().port(0).seed(42).clock(clock).accessTokenLifetime(TOKEN_LIFETIME))) {
            WithingsApiConfig config = WithingsApiConfig.of(sim.baseUri().toString(), sim.baseUri().toString());
            // the bridge's limiter at its defaults, on virtual time: a request without budget is rescheduled
            WithingsRateLimiter limiter = new WithingsRateLimiter(WithingsRateLimiter.DEFAULT_MAX_PER_MINUTE,
                    WithingsRateLimiter.DEFAULT_COOL_DOWN, clock);
            WithingsClient client = new WithingsClient(new WithingsHttpTransport(http), config, limiter);

            List<UserRun> runs = new ArrayList<>();
            for (SimUser user : sim.users()) {
                TokenProvider tokens = new ExpiringTokens(
                        new SimulatorTokens(sim, http, config, user.userid()), clock, TOKEN_LIFETIME);
                List<Device> devices = client.getDevices(tokens);
                TestAccount account = new TestAccount(client, tokens);
                account.webhooksHealthy = push;
                Harness harness = new Harness(account);
                String userId = Long.toString(user.userid());
                Thing userThing = harness.userThing("u" + userId, userId, false);
                WithingsUserHandler handler = harness.user(userThing, scheduler, clock,
                        WithingsUserHandler.DEFAULT_DEBOUNCE);
                runs.add(new UserRun(user, handler, devices.isEmpty() ? null : devices.get(0).deviceid, harness));
            }
            int setupEnd = sim.control().requests().size();
            for (UserRun run : runs) {
                run.handler.initialize();
                disposals.add(run.handler::dispose);
                String deviceId = run.deviceId;
                if (deviceId != null) {
                    Thing deviceThing = run.harness.deviceThing("d" + deviceId, deviceId,
                            Long.toString(run.user.userid()));
                    WithingsDeviceHandler device = run.harness.device(deviceThing);
                    device.initialize();
                    disposals.add(device::dispose);
                }
            }
            scheduler.runDue();
            int dayStart = sim.control().requests().size();
            int firstSync = dayStart - setupEnd;

            int notifications = 0;
            for (Event event : events()) {
                scheduler.advance(Duration.between(clock.instant(), event.at()));
                for (UserRun run : runs) {
                    Integer appli = event.apply(sim, run.user.userid(), clock.instant());
                    if (push && appli != null) {
                        Instant now = clock.instant();
                        String date = appli == 50 || appli == 51 ? Long.toString(now.getEpochSecond()) : null;
                        // the range as the simulator (and Withings) sends it: the day of an activity update, the
                        // span of a workout
                        run.handler.onNotification(new WithingsNotification(Long.toString(run.user.userid()), appli,
                                event.start(), event.end(), date, null, null, now));
                        notifications++;
                    }
                }
            }
            scheduler.advance(Duration.between(clock.instant(), DAY_START.plusDays(1).toInstant()));

            // the day's requests did their job: the last weighing is shown, and with push the bed presence
            List<String> failures = new ArrayList<>();
            for (UserRun run : runs) {
                State weight = run.handler.publishedState("body#weight");
                if (!(weight instanceof QuantityType<?> q && q.toBigDecimal().compareTo(LAST_WEIGHT) == 0)) {
                    failures.add("user " + run.user.userid() + " shows weight " + weight);
                }
                State inBed = run.handler.publishedState(PresenceUnit.IN_BED);
                if (push && inBed != OnOffType.ON) {
                    failures.add("user " + run.user.userid() + " shows in-bed " + inBed);
                }
            }

            List<RecordedRequest> day = sim.control().requests().subList(dayStart, sim.control().requests().size());
            Map<String, Long> perEndpoint = new TreeMap<>();
            Map<Long, Long> perUser = new LinkedHashMap<>();
            runs.forEach(r -> perUser.put(r.user.userid(), 0L));
            long tokenRequests = 0;
            for (RecordedRequest r : day) {
                if (TOKEN_PATH.equals(r.path())) {
                    tokenRequests++;
                    continue;
                }
                perEndpoint.merge(r.path() + " " + r.action(), 1L, Long::sum);
                perUser.computeIfPresent(r.userid(), (k, v) -> v + 1);
            }
            long dataRequests = perEndpoint.values().stream().mapToLong(Long::longValue).sum();
            scheduler.failures().forEach(f -> failures.add(f.toString()));
            day.stream().filter(r -> r.status() != 0 && !TOKEN_PATH.equals(r.path()))
                    .forEach(r -> failures.add(r.path() + " " + r.action() + " status " + r.status()));
            return new DayResult(push ? "push (webhooks healthy)" : "polling (webhooks unhealthy)", runs.size(),
                    firstSync, perEndpoint, dataRequests, tokenRequests, peakPerMinute(day), perUser, notifications,
                    failures);
        } finally {
            disposals.forEach(Runnable::run);
            http.stop();
        }
    }

    /** The most data requests in any rolling minute of virtual time. */
    private static int peakPerMinute(List<RecordedRequest> requests) {
        List<Instant> starts = requests.stream().filter(r -> !TOKEN_PATH.equals(r.path())).map(RecordedRequest::start)
                .sorted().toList();
        int peak = 0;
        int from = 0;
        for (int i = 0; i < starts.size(); i++) {
            while (!starts.get(from).plus(Duration.ofMinutes(1)).isAfter(starts.get(i))) {
                from++;
            }
            peak = Math.max(peak, i - from + 1);
        }
        return peak;
    }

    private record UserRun(SimUser user, WithingsUserHandler handler, @Nullable String deviceId, Harness harness) {
    }

    /** What happens in the cloud at a time of the day; returns the notification appli it causes, or null. */
    private interface Action {
        @Nullable
        Integer apply(WithingsCloudSimulator sim, long userid, Instant now) throws Exception;
    }

    private record Event(Instant at, String what, Action action, @Nullable Instant start, @Nullable Instant end) {
        Event(Instant at, String what, Action action) {
            this(at, what, action, null, null);
        }

        @Nullable
        Integer apply(WithingsCloudSimulator sim, long userid, Instant now) throws Exception {
            return action.apply(sim, userid, now);
        }
    }

    /** The day's events, the same for every user. */
    static List<Event> events() {
        List<Event> events = new ArrayList<>();
        LocalDate today = DAY_START.toLocalDate();
        events.add(new Event(at(2, 40), "out of bed", (sim, u, now) -> bed(false)));
        events.add(new Event(at(2, 50), "in bed", (sim, u, now) -> bed(true)));
        events.add(new Event(at(6, 45), "out of bed", (sim, u, now) -> bed(false)));
        events.add(new Event(at(7, 0), "night of sleep", (sim, u, now) -> {
            sim.control().addSleep(u, DAY_START.minusHours(1).minusMinutes(10).toInstant(), at(6, 45)).get();
            return 44;
        }));
        events.add(new Event(at(7, 5), "weighing", (sim, u, now) -> {
            sim.control().addWeighing(u, 80.4, now).get();
            return 1;
        }));
        events.add(new Event(at(7, 10), "blood pressure", (sim, u, now) -> {
            sim.control().addMeasure(u, now, new SimMeasure(10, 121, 0), new SimMeasure(9, 79, 0),
                    new SimMeasure(11, 64, 0)).get();
            return 4;
        }));
        for (int hour = 2; hour <= 22; hour += 2) {
            int steps = hour * 450;
            events.add(new Event(at(hour, 0), "activity update", (sim, u, now) -> {
                sim.control().addActivity(u, today, steps).get();
                return 16;
            }, DAY_START.toInstant(), DAY_START.plusDays(1).toInstant().minusSeconds(1)));
        }
        events.add(new Event(at(23, 59), "activity update", (sim, u, now) -> {
            sim.control().addActivity(u, today, 10_400).get();
            return 16;
        }, DAY_START.toInstant(), DAY_START.plusDays(1).toInstant().minusSeconds(1)));
        events.add(new Event(at(18, 50), "workout", (sim, u, now) -> {
            sim.control().addWorkout(u, 2, at(18, 0), at(18, 45)).get();
            return 16;
        }, at(18, 0), at(18, 45)));
        events.add(new Event(at(19, 30), "weighing", (sim, u, now) -> {
            sim.control().addWeighing(u, LAST_WEIGHT.doubleValue(), now).get();
            return 1;
        }));
        events.add(new Event(at(22, 50), "in bed", (sim, u, now) -> bed(true)));
        events.sort(Comparator.comparing(Event::at));
        return events;
    }

    /** A bed event is a notification only (the simulator sends it; here only the appli matters). */
    private static Integer bed(boolean inBed) {
        return inBed ? 50 : 51;
    }

    private static Instant at(int hour, int minute) {
        return DAY_START.plusHours(hour).plusMinutes(minute).toInstant();
    }

    /** A short description of the day's events, for the report. */
    public static String eventSummary() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Event e : events()) {
            counts.merge(e.what(), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((what, n) -> parts.add(n + " × " + what));
        return String.join(", ", parts);
    }

    /** The distinct endpoints of the results, in order. */
    public static List<String> endpoints(List<DayResult> results) {
        TreeSet<String> all = new TreeSet<>();
        results.forEach(r -> all.addAll(r.perEndpoint().keySet()));
        return List.copyOf(all);
    }

    /** Formats a share of the bridge's daily budget. */
    public static String share(long requests, int perMinute) {
        return String.format(Locale.ROOT, "%.2f %%", 100.0 * requests / (perMinute * 1440.0));
    }

    /**
     * A token source as openHAB's OAuth client service behaves: the access token is refreshed at the token endpoint
     * when it has expired (by the virtual clock), before the request instead of after a refused one.
     */
    private static final class ExpiringTokens implements TokenProvider {
        private final SimulatorTokens tokens;
        private final MutableClock clock;
        private final Duration lifetime;
        private Instant obtained;

        ExpiringTokens(SimulatorTokens tokens, MutableClock clock, Duration lifetime) {
            this.tokens = tokens;
            this.clock = clock;
            this.lifetime = lifetime;
            this.obtained = clock.instant();
        }

        @Override
        public synchronized String accessToken() throws WithingsApiException {
            if (!clock.instant().isBefore(obtained.plus(lifetime).minusSeconds(10))) {
                return refreshedAccessToken();
            }
            return tokens.accessToken();
        }

        @Override
        public synchronized String refreshedAccessToken() throws WithingsApiException {
            String token = tokens.refreshedAccessToken();
            obtained = clock.instant();
            return token;
        }
    }
}
