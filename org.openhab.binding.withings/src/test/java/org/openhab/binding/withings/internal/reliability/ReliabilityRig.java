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
package org.openhab.binding.withings.internal.reliability;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.*;

import java.lang.reflect.Constructor;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.withings.internal.WithingsBindingConstants;
import org.openhab.binding.withings.internal.WithingsHandlerFactory;
import org.openhab.binding.withings.internal.WithingsServices;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.auth.WithingsOAuth;
import org.openhab.binding.withings.internal.handler.JettyHttpService;
import org.openhab.binding.withings.internal.handler.MapStorageService;
import org.openhab.binding.withings.internal.handler.SimulatorTokens;
import org.openhab.binding.withings.internal.handler.TestOAuthFactory;
import org.openhab.binding.withings.internal.handler.WithingsAccountAccess;
import org.openhab.binding.withings.internal.WithingsAccountTracker;
import org.openhab.binding.withings.simulator.WithingsCloudSimulator;
import org.openhab.core.auth.client.oauth2.AccessTokenResponse;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.i18n.TimeZoneProvider;
import org.openhab.core.i18n.TranslationProvider;
import org.openhab.core.io.net.http.HttpClientFactory;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.thing.binding.builder.BridgeBuilder;
import org.openhab.core.thing.binding.builder.ThingBuilder;
import org.openhab.core.thing.internal.BridgeImpl;
import org.openhab.core.types.State;
import org.openhab.core.types.TimeSeries;

/**
 * The one piece of glue between the reliability suites and the binding: an "openHAB" made of the handler factory,
 * a recording {@link ThingHandlerCallback}, an embedded Jetty as HTTP service, core-like OAuth and storage, in
 * front of the cloud simulator. The suites drive the binding only through it (factory, callback, the servlets over
 * HTTP, the simulator); the two places that reach below those surfaces (the loopback webhook base and the
 * time-compressed executor of the user handler) are marked GLUE, so that they can be re-pointed when the handler
 * internals change. {@link #restartOpenHab()} keeps only what openHAB persists: the storages and the OAuth tokens.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class ReliabilityRig implements AutoCloseable {

    /** How long a wait for the binding may take before a suite fails. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    public static final String BRIDGE_ID = "home";
    public static final ThingUID BRIDGE_UID = new ThingUID(WithingsBindingConstants.THING_TYPE_ACCOUNT, BRIDGE_ID);
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

    public final WithingsCloudSimulator sim;
    /** What openHAB persists across a restart. */
    public final MapStorageService storage = new MapStorageService();
    private final Map<String, AccessTokenResponse> persistedTokens = new ConcurrentHashMap<>();
    /** Everything the binding said through the callback, pages fetched, exception messages: for the secret scan. */
    public final List<StatusEntry> statuses = new CopyOnWriteArrayList<>();
    public final List<StateEntry> states = new CopyOnWriteArrayList<>();
    public final List<SeriesEntry> series = new CopyOnWriteArrayList<>();
    public final List<String> texts = new CopyOnWriteArrayList<>();
    /** Every access token, refresh token and authorization code seen (for the secret scan). */
    public final Set<String> secrets = ConcurrentHashMap.newKeySet();
    /** Every request the binding queued on its HTTP client (refused connections included): path, nanoTime. */
    public final List<SentRequest> sent = new CopyOnWriteArrayList<>();
    /** Exceptions thrown out of tasks the binding ran on the user handlers' executor. */
    public final List<Throwable> escaped = new CopyOnWriteArrayList<>();
    private final long compression;
    private final Map<String, Object> bridgeConfig = new HashMap<>();

    private @Nullable OpenHab openHab;

    /** A status reported for a Thing. */
    public record StatusEntry(ThingUID thing, ThingStatusInfo info) {
    }

    /** A request of the binding. */
    public record SentRequest(String path, long nanos) {
    }

    /** How many requests the binding began since {@code sinceNanos} (System.nanoTime). */
    public long sentSince(long sinceNanos) {
        return sent.stream().filter(r -> r.nanos() >= sinceNanos).count();
    }

    /** A state sent to a channel. */
    public record StateEntry(ChannelUID channel, State state) {
    }

    /** A time series sent to a channel. */
    public record SeriesEntry(ChannelUID channel, TimeSeries series) {
    }

    /**
     * @param sim the simulated cloud (closed by the suite)
     * @param compression how much faster than real time the user handlers' timers run (1 = real time)
     */
    public ReliabilityRig(WithingsCloudSimulator sim, long compression) throws Exception {
        this.sim = sim;
        this.compression = compression;
        secrets.add(sim.clientSecret());
        bridgeConfig.put("clientId", sim.clientId());
        bridgeConfig.put("clientSecret", sim.clientSecret());
        bridgeConfig.put("apiBaseUrl", sim.baseUri().toString());
        bridgeConfig.put("accountBaseUrl", sim.baseUri().toString());
        bridgeConfig.put("rateLimit", 120);
        bridgeConfig.put("requestTimeout", 2);
        openHab = new OpenHab();
    }

    /** Sets a bridge configuration parameter (before {@link #startBridge()}). */
    public ReliabilityRig config(String name, Object value) {
        bridgeConfig.put(name, value);
        return this;
    }

    private OpenHab oh() {
        OpenHab o = openHab;
        if (o == null) {
            throw new AssertionError("openHAB is not running");
        }
        return o;
    }

    public JettyHttpService http() {
        return oh().http;
    }

    public TestOAuthFactory oauth() {
        return oh().oauth;
    }

    public Bridge bridge() {
        return Objects.requireNonNull(oh().bridge, "bridge started");
    }

    // ------------------------------------------------------------------ lifecycle

    /** Creates the account bridge through the factory and initialises it, webhook callbacks on loopback. */
    public Bridge startBridge() throws Exception {
        return oh().startBridge();
    }

    /** Disposes the bridge handler and creates a new one from the factory (a bridge restart). */
    public void restartBridge() throws Exception {
        OpenHab o = oh();
        List<Thing> children = new ArrayList<>(o.children);
        o.stopThings();
        o.startBridge();
        for (Thing child : children) {
            o.startUser(child);
        }
    }

    /** Stops everything of openHAB except what it persists, then starts a new openHAB with the same Things. */
    public void restartOpenHab() throws Exception {
        OpenHab old = oh();
        List<Thing> children = new ArrayList<>(old.children);
        old.close();
        OpenHab fresh = new OpenHab();
        openHab = fresh;
        fresh.startBridge();
        for (Thing child : children) {
            fresh.startUser(ThingBuilder.create(child.getThingTypeUID(), child.getUID()).withBridge(BRIDGE_UID)
                    .withConfiguration(new Configuration(child.getConfiguration().getProperties())).build());
        }
    }

    @Override
    public void close() {
        OpenHab o = openHab;
        if (o != null) {
            o.close();
        }
        openHab = null;
    }

    // ------------------------------------------------------------------ linking page

    /** Links the simulated user through the linking page over HTTP, as an administrator would. */
    public void linkThroughThePage(long userid) throws Exception {
        URI page = connectPage();
        String html = get(page).body();
        Matcher m = FORM_TOKEN.matcher(html);
        check(m.find(), "a form token on the page");
        HttpResponse<String> pressed = browser().send(HttpRequest.newBuilder(page)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers
                        .ofString("action=link&formToken=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        texts.add(pressed.body());
        String authorizeUrl = pressed.headers().firstValue("Location").orElseThrow();
        String callback = sim.authorize(authorizeUrl, userid);
        String code = SimulatorTokens.query(URI.create(callback)).get("code");
        if (code == null) {
            throw new AssertionError("no code in " + callback);
        }
        secrets.add(code);
        HttpResponse<String> linked = get(URI.create(callback));
        check(linked.statusCode() == 200, "the callback answered " + linked.statusCode());
        rememberTokens();
    }

    public URI connectPage() {
        return http().uri(WithingsBindingConstants.CONNECT_PATH + BRIDGE_ID);
    }

    /** A browser with cookies. */
    public java.net.http.HttpClient browser() {
        return oh().browser;
    }

    /** GET with the browser; the body goes to the secret scan. */
    public HttpResponse<String> get(URI uri) throws Exception {
        HttpResponse<String> r = browser().send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        texts.add(r.body());
        return r;
    }

    /** The webhook URL path (with its secret) the bridge registered. */
    public String webhookPath() {
        String alias = http().aliases().stream().filter(a -> a.startsWith(WithingsBindingConstants.WEBHOOK_PATH))
                .findFirst().orElseThrow(() -> new AssertionError("no webhook servlet registered"));
        secrets.add(alias.substring(WithingsBindingConstants.WEBHOOK_PATH.length()));
        return alias;
    }

    /** Adds the current stored tokens and the webhook secret (if registered) to the secrets looked for. */
    public void rememberTokens() {
        OpenHab o = openHab;
        if (o != null) {
            o.http.aliases().stream().filter(a -> a.startsWith(WithingsBindingConstants.WEBHOOK_PATH))
                    .forEach(a -> secrets.add(a.substring(WithingsBindingConstants.WEBHOOK_PATH.length())));
        }
        if (o == null) {
            return;
        }
        for (AccessTokenResponse t : o.oauth.tokens.values()) {
            if (t.getAccessToken() != null) {
                secrets.add(Objects.requireNonNull(t.getAccessToken()));
            }
            if (t.getRefreshToken() != null) {
                secrets.add(Objects.requireNonNull(t.getRefreshToken()));
            }
        }
    }

    /** The stored token of the user. */
    public @Nullable AccessTokenResponse storedToken(long userid) {
        return oauth().tokens.get(WithingsOAuth.handle(BRIDGE_ID, Long.toString(userid)));
    }

    /**
     * One API call for the user as a user Thing makes it (the bridge's client with the user's token provider):
     * {@code getdevice}. GLUE: goes through the bridge handler's account interface.
     *
     * @return the number of devices
     */
    public int apiCall(long userid) throws Exception {
        ThingHandler h = Objects.requireNonNull(bridge().getHandler());
        WithingsAccountAccess account = (WithingsAccountAccess) h;
        TokenProvider tp = account.tokenProvider(Long.toString(userid))
                .orElseThrow(() -> new AssertionError("user " + userid + " not linked"));
        return account.client().getDevices(tp).size();
    }

    // ------------------------------------------------------------------ user Things

    /** A user Thing (as from the inbox) with its handler from the factory, timers compressed. */
    public Thing startUser(long userid) throws Exception {
        Thing thing = ThingBuilder
                .create(WithingsBindingConstants.THING_TYPE_USER,
                        new ThingUID(WithingsBindingConstants.THING_TYPE_USER, BRIDGE_UID, Long.toString(userid)))
                .withBridge(BRIDGE_UID).withLabel("Person")
                .withConfiguration(new Configuration(Map.of(WithingsBindingConstants.PROPERTY_USER_ID,
                        Long.toString(userid))))
                .build();
        oh().startUser(thing);
        return thing;
    }

    public ThingHandler handler(Thing thing) {
        return Objects.requireNonNull(thing.getHandler(), "handler of " + thing.getUID());
    }

    /** The statuses of a Thing, oldest first. */
    public List<ThingStatusInfo> statuses(ThingUID uid) {
        return statuses.stream().filter(s -> s.thing().equals(uid)).map(StatusEntry::info).toList();
    }

    public @Nullable ThingStatusInfo lastStatus(ThingUID uid) {
        List<ThingStatusInfo> all = statuses(uid);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    public void awaitStatus(ThingUID uid, Predicate<ThingStatusInfo> last, String what) {
        await(() -> {
            ThingStatusInfo s = lastStatus(uid);
            return s != null && last.test(s);
        }, what + " (statuses " + statuses(uid) + ")");
    }

    /** Every timestamp sent in a time series of the channel ({@code group#id}) of the Thing, with repeats. */
    public List<java.time.Instant> seriesTimestamps(Thing thing, String channel) {
        ChannelUID uid = new ChannelUID(thing.getUID(), channel);
        List<java.time.Instant> result = new ArrayList<>();
        series.stream().filter(s -> s.channel().equals(uid))
                .forEach(s -> s.series().getStates().forEach(e -> result.add(e.timestamp())));
        return result;
    }

    /** Every text for the secret scan: statuses, states, series, Thing properties and configurations, pages. */
    public List<String> allTexts() {
        List<String> all = new ArrayList<>(texts);
        statuses.forEach(e -> all.add(e.thing() + " " + e.info()));
        states.forEach(e -> all.add(e.channel() + "=" + e.state()));
        series.forEach(e -> e.series().getStates().forEach(s -> all.add(e.channel() + "@" + s.state())));
        OpenHab o = openHab;
        if (o != null) {
            Bridge b = o.bridge;
            if (b != null) {
                all.add(b.getProperties().toString());
            }
            o.children.forEach(c -> all.add(c.getProperties() + " " + c.getConfiguration().getProperties()));
        }
        return all;
    }

    /** Fails with the message unless the condition holds (no JUnit: the benchmark module uses the rig too). */
    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    /** Polls until the condition holds, failing after {@link #TIMEOUT}. */
    public static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10); // the poll interval of this condition wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    /**
     * Drops what the rig recorded so far (channel states, time series, triggers and texts, sent series, and the
     * calls the mocks of openHAB remember): a heap measurement afterwards sees the binding, not the recordings.
     */
    public void forgetRecordings() {
        OpenHab o = oh();
        clearInvocations(o.callback, o.translations);
        states.clear();
        series.clear();
        texts.clear();
        sent.clear();
    }

    /** Waits until the count has stayed the same for {@code stable} (the binding went quiet), within the timeout. */
    public static void awaitQuiet(java.util.function.LongSupplier count, Duration stable, String what) {
        long[] last = { count.getAsLong(), System.nanoTime() };
        await(() -> {
            long now = count.getAsLong();
            if (now != last[0]) {
                last[0] = now;
                last[1] = System.nanoTime();
                return false;
            }
            return System.nanoTime() - last[1] >= stable.toNanos();
        }, what);
    }

    // ------------------------------------------------------------------ one openHAB instance

    /** One run of openHAB: factory, HTTP service, HTTP client, OAuth service (tokens from the persisted store). */
    private final class OpenHab implements AutoCloseable {
        final JettyHttpService http = new JettyHttpService();
        final HttpClient client = new HttpClient();
        final TestOAuthFactory oauth = new TestOAuthFactory();
        final WithingsAccountTracker tracker = new WithingsAccountTracker();
        final ThingHandlerCallback callback = mock(ThingHandlerCallback.class);
        final TranslationProvider translations = mock(TranslationProvider.class);
        final java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
        final CompressedScheduler userScheduler = new CompressedScheduler(compression, escaped);
        final WithingsServices services;
        final WithingsHandlerFactory factory;
        final List<Thing> children = new CopyOnWriteArrayList<>();
        @Nullable
        Bridge bridge;

        OpenHab() throws Exception {
            client.getRequestListeners().add(new org.eclipse.jetty.client.api.Request.Listener.Adapter() {
                @Override
                public void onQueued(org.eclipse.jetty.client.api.@Nullable Request request) {
                    if (request != null) {
                        sent.add(new SentRequest(request.getPath(), System.nanoTime()));
                    }
                }
            });
            client.start();
            oauth.tokens.putAll(persistedTokens);
            TimeZoneProvider zones = mock(TimeZoneProvider.class);
            when(zones.getTimeZone()).thenReturn(ZoneId.of("Europe/Berlin"));
            HttpClientFactory clients = mock(HttpClientFactory.class);
            when(clients.getCommonHttpClient()).thenReturn(client);
            services = new WithingsServices(client, oauth, http, storage, zones);
            factory = new WithingsHandlerFactory(clients, oauth, http, storage, zones, tracker,
                    translations, () -> Locale.ENGLISH);
            doAnswer(inv -> {
                Thing thing = inv.getArgument(0);
                ThingStatusInfo info = inv.getArgument(1);
                ThingStatus before = thing.getStatus();
                thing.setStatusInfo(info);
                statuses.add(new StatusEntry(thing.getUID(), info));
                if (thing instanceof Bridge && before != info.getStatus()) {
                    // as openHAB's thing manager: the children hear of a changed bridge status, asynchronously
                    for (Thing child : children) {
                        ThingHandler h = child.getHandler();
                        if (h != null) {
                            java.util.concurrent.CompletableFuture.runAsync(() -> h.bridgeStatusChanged(info));
                        }
                    }
                }
                return null;
            }).when(callback).statusUpdated(any(), any());
            doAnswer(inv -> {
                states.add(new StateEntry(inv.getArgument(0), inv.getArgument(1)));
                return null;
            }).when(callback).stateUpdated(any(), any());
            doAnswer(inv -> {
                series.add(new SeriesEntry(inv.getArgument(0), inv.getArgument(1)));
                return null;
            }).when(callback).sendTimeSeries(any(), any());
            doAnswer(inv -> {
                texts.add(inv.getArgument(1) + "!" + inv.getArgument(2));
                return null;
            }).when(callback).channelTriggered(any(), any(), any());
            doAnswer(inv -> bridge).when(callback).getBridge(BRIDGE_UID);
        }

        Bridge startBridge() throws Exception {
            Map<String, Object> config = new HashMap<>(bridgeConfig);
            // the webhook callback on the loopback Jetty: the simulator is no Withings cloud, so its rules do not apply
            config.put("webhookUrl", http.baseUri().toString());
            Bridge b = BridgeBuilder.create(WithingsBindingConstants.THING_TYPE_ACCOUNT, BRIDGE_ID)
                    .withLabel("Home Withings").withConfiguration(new Configuration(config)).build();
            children.forEach(c -> ((BridgeImpl) b).addThing(c));
            ThingHandler handler = factory.registerHandler(b);
            b.setHandler(handler);
            handler.setCallback(callback);
            bridge = b;
            handler.initialize();
            return b;
        }

        void startUser(Thing thing) throws Exception {
            Bridge b = Objects.requireNonNull(bridge);
            if (!children.contains(thing)) {
                children.add(thing);
            }
            ((BridgeImpl) b).addThing(thing);
            ThingHandler fromFactory = factory.registerHandler(thing);
            // GLUE: the same handler class as the factory makes, with the compressed executor for its timers
            Constructor<?> ctor = fromFactory.getClass().getDeclaredConstructor(Thing.class, WithingsServices.class,
                    ScheduledExecutorService.class, Clock.class, Duration.class);
            ctor.setAccessible(true);
            ThingHandler handler = (ThingHandler) ctor.newInstance(thing, services, userScheduler, Clock.systemUTC(),
                    Duration.ofMillis(Math.max(50, 2000 / compression)));
            thing.setHandler(handler);
            handler.setCallback(callback);
            handler.initialize();
        }

        void stopThings() {
            for (Thing child : children) {
                ThingHandler h = child.getHandler();
                if (h != null) {
                    h.dispose();
                    child.setHandler(null);
                }
            }
            children.clear();
            Bridge b = bridge;
            if (b != null) {
                ThingHandler h = b.getHandler();
                if (h != null) {
                    h.dispose();
                }
                bridge = null;
            }
        }

        @Override
        public void close() {
            stopThings();
            persistedTokens.clear();
            persistedTokens.putAll(oauth.tokens);
            userScheduler.shutdownNow();
            try {
                client.stop();
                http.close();
            } catch (Exception e) {
                throw new AssertionError("could not stop openHAB: " + e, e);
            }
        }
    }

    /**
     * A scheduled executor whose delays are divided by a factor: back-offs of minutes take a fraction of a second,
     * and their count over a real interval tells whether the binding loops.
     */
    static final class CompressedScheduler extends ScheduledThreadPoolExecutor {
        private final long factor;
        private final List<Throwable> escaped;

        CompressedScheduler(long factor, List<Throwable> escaped) {
            super(2);
            this.factor = Math.max(1, factor);
            this.escaped = escaped;
            setRemoveOnCancelPolicy(true);
        }

        /** Records what a finished one-shot task threw (the executor would swallow it). */
        @Override
        protected void afterExecute(@Nullable Runnable r, @Nullable Throwable t) {
            super.afterExecute(r, t);
            if (t != null) {
                escaped.add(t);
            } else if (r instanceof java.util.concurrent.Future<?> f && f.isDone() && !f.isCancelled()) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    escaped.add(Objects.requireNonNullElse(e.getCause(), e));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (java.util.concurrent.CancellationException e) {
                    // cancelled meanwhile
                }
            }
        }

        private long scaled(long delay, TimeUnit unit) {
            return unit.toNanos(delay) / factor;
        }

        @Override
        public ScheduledFuture<?> schedule(@Nullable Runnable command, long delay, @Nullable TimeUnit unit) {
            return super.schedule(command, scaled(delay, Objects.requireNonNull(unit)), TimeUnit.NANOSECONDS);
        }

        @Override
        public <V> ScheduledFuture<V> schedule(@Nullable Callable<V> callable, long delay,
                @Nullable TimeUnit unit) {
            return super.schedule(callable, scaled(delay, Objects.requireNonNull(unit)), TimeUnit.NANOSECONDS);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(@Nullable Runnable command, long initialDelay, long delay,
                @Nullable TimeUnit unit) {
            TimeUnit u = Objects.requireNonNull(unit);
            return super.scheduleWithFixedDelay(command, scaled(initialDelay, u), Math.max(1, scaled(delay, u)),
                    TimeUnit.NANOSECONDS);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(@Nullable Runnable command, long initialDelay, long period,
                @Nullable TimeUnit unit) {
            TimeUnit u = Objects.requireNonNull(unit);
            return super.scheduleAtFixedRate(command, scaled(initialDelay, u), Math.max(1, scaled(period, u)),
                    TimeUnit.NANOSECONDS);
        }
    }
}
