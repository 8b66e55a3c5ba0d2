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

import static org.mockito.Mockito.*;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.withings.internal.WithingsBindingConstants;
import org.openhab.binding.withings.internal.WithingsHandlerFactory;
import org.openhab.binding.withings.internal.handler.JettyHttpService;
import org.openhab.binding.withings.internal.handler.MapStorageService;
import org.openhab.binding.withings.internal.handler.TestOAuthFactory;
import org.openhab.binding.withings.internal.WithingsAccountTracker;
import org.openhab.binding.withings.simulator.WithingsCloudSimulator;
import org.openhab.core.config.core.ConfigDescription;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.i18n.TranslationProvider;
import org.openhab.core.io.net.http.HttpClientFactory;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.ChannelGroupUID;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.thing.binding.builder.BridgeBuilder;
import org.openhab.core.thing.internal.BridgeImpl;
import org.openhab.core.thing.binding.builder.ChannelBuilder;
import org.openhab.core.thing.binding.builder.ThingBuilder;
import org.openhab.core.thing.type.ChannelGroupTypeUID;
import org.openhab.core.thing.type.ChannelTypeUID;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;
import org.openhab.core.types.TimeSeries;

/**
 * The binding as openHAB runs it, reached only through its stable public surfaces: the handler factory
 * ({@link WithingsHandlerFactory}) with openHAB's services (the bundle's test doubles: an embedded Jetty as the HTTP
 * service, core-like OAuth, a map storage), a {@link ThingHandlerCallback} standing for openHAB's Thing manager, and
 * HTTP (the account-linking page, the webhook servlet). The benchmarks use nothing else of the binding's handlers,
 * so this is the one class to re-point when the handlers change.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
final class BindingUnderTest implements AutoCloseable {

    static final String BRIDGE_ID = "bench";
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

    /** Told of every channel state the binding sends, with the time it arrived ({@link System#nanoTime()}). */
    interface StateListener {
        void stateUpdated(ThingUID thing, String channel, State state, long nanos);
    }

    private final WithingsCloudSimulator sim;
    private final HttpClient http = new HttpClient();
    private final JettyHttpService httpService;
    private final WithingsHandlerFactory factory;
    private final Bridge bridge;
    private final Callback callback = new Callback();
    private final java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER).cookieHandler(new java.net.CookieManager()).build();
    private final List<ThingHandler> handlers = new CopyOnWriteArrayList<>();
    final List<StateListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param config bridge parameters beyond client id, secret and the simulator's URLs (e.g. rateLimit)
     */
    BindingUnderTest(WithingsCloudSimulator sim, Map<String, Object> config) throws Exception {
        this.sim = sim;
        http.start();
        httpService = new JettyHttpService();
        HttpClientFactory httpClients = mock(HttpClientFactory.class);
        when(httpClients.getCommonHttpClient()).thenReturn(http);
        factory = new WithingsHandlerFactory(httpClients, new TestOAuthFactory(), httpService, new MapStorageService(),
                () -> ZoneId.of("Europe/Berlin"), new WithingsAccountTracker(), mock(TranslationProvider.class),
                () -> Locale.ENGLISH);
        Map<String, Object> all = new HashMap<>(config);
        all.put("clientId", sim.clientId());
        all.put("clientSecret", sim.clientSecret());
        all.put("apiBaseUrl", sim.baseUri().toString());
        all.put("accountBaseUrl", sim.baseUri().toString());
        bridge = BridgeBuilder.create(WithingsBindingConstants.THING_TYPE_ACCOUNT, BRIDGE_ID)
                .withLabel("Benchmark account").withConfiguration(new Configuration(all)).build();
    }

    /** Creates the bridge's handler through the factory and initialises it, as openHAB's Thing manager does. */
    void startBridge() {
        start(bridge);
    }

    private ThingHandler start(Thing thing) {
        ThingHandler handler = factory.registerHandler(thing);
        handler.setCallback(callback);
        thing.setHandler(handler);
        handlers.add(handler);
        handler.initialize();
        return handler;
    }

    /** Links a simulated person through the bridge's account-linking page and the simulator's consent. */
    void link(long userid) throws Exception {
        URI page = httpService.uri(WithingsBindingConstants.CONNECT_PATH + BRIDGE_ID);
        String html = browser.send(HttpRequest.newBuilder(page).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = FORM_TOKEN.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no link button on the linking page");
        }
        HttpResponse<String> pressed = browser.send(HttpRequest.newBuilder(page)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers
                        .ofString("action=link&formToken=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        String authorize = pressed.headers().firstValue("Location").orElseThrow();
        String back = sim.authorize(authorize, userid);
        HttpResponse<String> linked = browser.send(HttpRequest.newBuilder(URI.create(back)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (linked.statusCode() != 200 || !linked.body().contains(Long.toString(userid))) {
            throw new IllegalStateException("linking " + userid + " failed: HTTP " + linked.statusCode());
        }
    }

    /** Creates and initialises a user Thing of the bridge (as from the inbox) through the factory. */
    Thing startUser(long userid) {
        ThingUID uid = new ThingUID(WithingsBindingConstants.THING_TYPE_USER, bridge.getUID(), Long.toString(userid));
        Thing thing = ThingBuilder.create(WithingsBindingConstants.THING_TYPE_USER, uid).withBridge(bridge.getUID())
                .withLabel("User").withConfiguration(new Configuration(Map.of("userId", Long.toString(userid))))
                .build();
        ((BridgeImpl) bridge).addThing(thing); // as openHAB's Thing manager: the bridge knows its children
        start(thing);
        return thing;
    }

    /** The webhook servlet's URL (with the bridge's secret) on the embedded Jetty. */
    URI webhook() {
        String alias = httpService.aliases().stream().filter(a -> a.startsWith(WithingsBindingConstants.WEBHOOK_PATH))
                .findFirst().orElseThrow(() -> new IllegalStateException("no webhook servlet registered"));
        return httpService.uri(alias);
    }

    Bridge bridge() {
        return bridge;
    }

    ThingStatus status(Thing thing) {
        return thing.getStatus();
    }

    /** The last state sent for the channel ({@code group#id}), or null. */
    @Nullable
    State state(Thing thing, String channel) {
        return callback.last.get(new ChannelUID(thing.getUID(), channel));
    }

    /** Completes with the arrival time (nanoTime) of the first state of the channel matching the predicate. */
    CompletableFuture<Long> expect(Thing thing, String channel, Predicate<State> predicate) {
        ChannelUID uid = new ChannelUID(thing.getUID(), channel);
        CompletableFuture<Long> arrived = new CompletableFuture<>();
        StateListener listener = new StateListener() {
            @Override
            public void stateUpdated(ThingUID t, String c, State state, long nanos) {
                if (!arrived.isDone() && uid.getThingUID().equals(t) && uid.getId().equals(c)
                        && predicate.test(state)) {
                    arrived.complete(nanos);
                }
            }
        };
        listeners.add(listener);
        arrived.whenComplete((n, e) -> listeners.remove(listener));
        return arrived;
    }

    /** Polls (every 20 ms) until the condition holds; false after the timeout. */
    static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() {
        List<ThingHandler> reversed = new ArrayList<>(handlers);
        java.util.Collections.reverse(reversed);
        for (ThingHandler handler : reversed) {
            handler.dispose();
        }
        httpService.close();
        try {
            http.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP client did not stop", e);
        }
    }

    static Duration timeout() {
        return TIMEOUT;
    }

    /** openHAB's Thing manager as far as the handlers see it: statuses, states and the bridge. */
    private final class Callback implements ThingHandlerCallback {
        final Map<ChannelUID, State> last = new ConcurrentHashMap<>();

        @Override
        public void stateUpdated(ChannelUID channelUID, State state) {
            long now = System.nanoTime();
            last.put(channelUID, state);
            for (StateListener l : listeners) {
                l.stateUpdated(channelUID.getThingUID(), channelUID.getId(), state, now);
            }
        }

        @Override
        public void postCommand(ChannelUID channelUID, Command command) {
        }

        @Override
        public void sendTimeSeries(ChannelUID channelUID, TimeSeries timeSeries) {
        }

        @Override
        public void statusUpdated(Thing thing, ThingStatusInfo thingStatus) {
            thing.setStatusInfo(thingStatus);
        }

        @Override
        public void thingUpdated(Thing thing) {
        }

        @Override
        public void validateConfigurationParameters(Thing thing, Map<String, Object> configurationParameters) {
        }

        @Override
        public void validateConfigurationParameters(Channel channel, Map<String, Object> configurationParameters) {
        }

        @Override
        public @Nullable ConfigDescription getConfigDescription(ChannelTypeUID channelTypeUID) {
            return null;
        }

        @Override
        public @Nullable ConfigDescription getConfigDescription(ThingTypeUID thingTypeUID) {
            return null;
        }

        @Override
        public void configurationUpdated(Thing thing) {
        }

        @Override
        public void migrateThingType(Thing thing, ThingTypeUID thingTypeUID, Configuration configuration) {
        }

        @Override
        public void channelTriggered(Thing thing, ChannelUID channelUID, String event) {
        }

        @Override
        public ChannelBuilder createChannelBuilder(ChannelUID channelUID, ChannelTypeUID channelTypeUID) {
            return ChannelBuilder.create(channelUID).withType(channelTypeUID);
        }

        @Override
        public ChannelBuilder editChannel(Thing thing, ChannelUID channelUID) {
            return ChannelBuilder.create(channelUID);
        }

        @Override
        public List<ChannelBuilder> createChannelBuilders(ChannelGroupUID channelGroupUID,
                ChannelGroupTypeUID channelGroupTypeUID) {
            return List.of();
        }

        @Override
        public boolean isChannelLinked(ChannelUID channelUID) {
            return true;
        }

        @Override
        public @Nullable Bridge getBridge(ThingUID bridgeUID) {
            return bridge.getUID().equals(bridgeUID) ? bridge : null;
        }
    }
}
