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

import org.openhab.binding.withings.internal.account.SubscriptionReconciler;
import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.*;
import static org.openhab.binding.withings.internal.WithingsBindingConstants.*;

import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.api.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.api.AttribPolicy;
import org.openhab.binding.withings.internal.api.MeasureQuery;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.api.WithingsHttpTransport;
import org.openhab.binding.withings.internal.auth.OAuthTokenProvider;
import org.openhab.binding.withings.internal.auth.WithingsOAuth;
import org.openhab.binding.withings.internal.discovery.WithingsDiscoveryService;
import org.openhab.binding.withings.internal.dto.Measure;
import org.openhab.binding.withings.internal.dto.MeasureGroup;
import org.openhab.binding.withings.internal.mapping.DeviceMapper;
import org.openhab.binding.withings.internal.servlet.WebhookSecret;
import org.openhab.binding.withings.internal.servlet.WithingsConnectServlet;
import org.openhab.binding.withings.internal.servlet.WithingsWebhookServlet;
import org.openhab.binding.withings.simulator.Delivery;
import org.openhab.binding.withings.simulator.RecordedRequest;
import org.openhab.binding.withings.simulator.Subscription;
import org.openhab.core.auth.client.oauth2.AccessTokenResponse;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.config.discovery.DiscoveryListener;
import org.openhab.core.config.discovery.DiscoveryResult;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.unit.SIUnits;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.builder.ThingBuilder;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;

/**
 * The whole binding over real HTTP against the cloud simulator, with nothing of the binding replaced: the account
 * bridge with its linking page and webhook servlet served by an embedded Jetty, the discovery service, core-like
 * OAuth, and the user and device handlers created from the discovery results, all wired as openHAB would. Follows
 * one person from the linking page through sync, push, bed presence and device status to a revoked authorisation,
 * and checks that no token, secret, code or webhook secret shows up anywhere on the way.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsFullStackEndToEndTest extends AccountTestBase {

    private static final long SCALE = 30000001L;
    private static final String USER = Long.toString(SCALE);
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

    // keeps the linking page's client cookie, as a browser does
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager()).build();
    private final ScheduledExecutorService discoveryScheduler = Executors.newSingleThreadScheduledExecutor();
    private final ScheduledExecutorService childExecutor = Executors.newSingleThreadScheduledExecutor();
    private final List<Thing> children = new CopyOnWriteArrayList<>();
    private final List<DiscoveryResult> discovered = new CopyOnWriteArrayList<>();
    private final List<String> pages = new CopyOnWriteArrayList<>();
    private final List<ThingHandler> childHandlers = new CopyOnWriteArrayList<>();

    private @NonNullByDefault({}) Bridge bridge;
    private @NonNullByDefault({}) WithingsAccountHandler account;
    private @NonNullByDefault({}) WithingsDiscoveryService discovery;
    private @NonNullByDefault({}) RecordingThingCallback things;
    private @Nullable String authorizationCode;

    @BeforeEach
    void wireTheBridge() {
        when(services.timeZoneProvider().getTimeZone()).thenReturn(ZONE);
        // the webhook callback goes to the embedded Jetty over loopback http (the simulator is no Withings cloud)
        bridge = spy(bridge(webhookConfig()));
        doAnswer(inv -> List.copyOf(children)).when(bridge).getThings();
        account = handler(bridge);
        bridge.setHandler(account);
        discovery = new WithingsDiscoveryService(discoveryScheduler);
        DiscoveryListener inbox = mock(DiscoveryListener.class);
        doAnswer(inv -> {
            discovered.add(inv.getArgument(1));
            return null;
        }).when(inbox).thingDiscovered(any(), any());
        discovery.addDiscoveryListener(inbox);
        discovery.setThingHandler(account);
        things = new RecordingThingCallback(bridge, TIMEOUT);
    }

    @AfterEach
    void stopChildren() throws InterruptedException {
        childHandlers.forEach(ThingHandler::dispose);
        discovery.dispose();
        discoveryScheduler.shutdownNow();
        childExecutor.shutdownNow();
        discoveryScheduler.awaitTermination(5, TimeUnit.SECONDS);
        childExecutor.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void linkSyncPushBedPresenceDeviceAndRevocationWithoutLeakingSecrets() throws Exception {
        try (OutputCapture output = new OutputCapture(WithingsAccountHandler.class, WithingsUserHandler.class,
                WithingsDeviceHandler.class, SubscriptionReconciler.class, WithingsDiscoveryService.class,
                WithingsConnectServlet.class, WithingsWebhookServlet.class, OAuthTokenProvider.class,
                WithingsClient.class, WithingsHttpTransport.class)) {

            // the linking page → Link → consent at the simulator → callback
            account.initialize();
            discovery.initialize();
            awaitStatus(s -> s.getStatus() == ThingStatus.OFFLINE);
            linkThroughThePage();
            awaitStatus(s -> s.getStatus() == ThingStatus.ONLINE);
            pages.add(get(connectPage()));

            // the inbox: the user (label without ids) and the user's devices
            DiscoveryResult userResult = awaitUserResult();
            assertFalse(userResult.getLabel().contains(USER), userResult.getLabel());
            List<DiscoveryResult> deviceResults = awaitDeviceResults();
            for (DiscoveryResult r : deviceResults) {
                assertFalse(r.getLabel().contains(String.valueOf(r.getProperties().get(PROPERTY_DEVICE_ID))),
                        r.getLabel());
            }

            // webhook subscriptions: registered at the simulator (after its HEAD probe) for the embedded Jetty
            String webhookPrefix = httpService.baseUri() + WEBHOOK_PATH;
            await(() -> account.webhooksHealthy(USER), "healthy webhooks");
            List<Subscription> subscriptions = sim.control().subscriptions(SCALE);
            Set<Integer> applis = subscriptions.stream().map(Subscription::appli).collect(Collectors.toSet());
            assertTrue(applis.containsAll(Set.of(1, 2, 4, 16, 44, 50, 51)), applis.toString());
            assertTrue(subscriptions.stream().allMatch(s -> s.callbackUrl().startsWith(webhookPrefix)),
                    subscriptions.toString());
            String webhookUrl = subscriptions.get(0).callbackUrl();
            assertEquals(200, browser.send(HttpRequest.newBuilder(URI.create(webhookUrl))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode(), "the webhook answers Withings' probe");

            // what Withings holds for the user, read before the user Thing exists
            TreeMap<Instant, BigDecimal> weighings = weighings();
            assertFalse(weighings.isEmpty(), "the scale user has weighings");

            // the user Thing from the inbox entry, with the real bridge: first sync
            Thing user = userThing(userResult);
            WithingsUserHandler userHandler = startUser(user);
            things.awaitStatus(user, s -> s.getStatus() == ThingStatus.ONLINE);
            idle();
            assertKg(weighings.lastEntry().getValue(), things.lastState(user, "body#weight"));
            Set<Instant> sent = weightSeriesTimestamps(user);
            Instant windowStart = Instant.now().minus(Duration.ofDays(29));
            assertTrue(weighings.keySet().containsAll(sent), "sent " + sent + ", held " + weighings.keySet());
            assertTrue(sent.containsAll(weighings.tailMap(windowStart).keySet()),
                    "sent " + sent + ", held " + weighings.keySet());

            // a new weighing, pushed by the simulator to the webhook servlet: exactly one more getmeas
            long getmeas = getmeasCount();
            List<Delivery> weighing = sim.control().addWeighing(SCALE, 82.4, Instant.now()).get(TIMEOUT.toSeconds(),
                    TimeUnit.SECONDS);
            assertTrue(!weighing.isEmpty() && weighing.stream().allMatch(Delivery::succeeded), weighing.toString());
            things.awaitState(user, "body#weight", s -> isKg(new BigDecimal("82.4"), s));
            idle();
            assertEquals(getmeas + 1, getmeasCount(), "one getmeas for the pushed weighing");

            // in bed and out of bed: states and triggers, no request at all
            long requests = requestsOf(SCALE);
            int allRequests = sim.control().requests().size();
            deliver(sim.control().setInBed(SCALE, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            things.awaitState(user, PresenceUnit.IN_BED, OnOffType.ON::equals);
            things.awaitTrigger(user, PresenceUnit.EVENT, "IN_BED");
            deliver(sim.control().setInBed(SCALE, false).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            things.awaitState(user, PresenceUnit.IN_BED, OnOffType.OFF::equals);
            things.awaitTrigger(user, PresenceUnit.EVENT, "OUT_BED");
            idle();
            assertEquals(requests, requestsOf(SCALE), "bed events cost no request");
            assertEquals(allRequests, sim.control().requests().size(), "no request of any kind");

            // a discovered device: ONLINE with a battery state
            DiscoveryResult deviceResult = deviceResults.get(0);
            Thing device = deviceThing(deviceResult);
            startDevice(device);
            things.awaitStatus(device, s -> s.getStatus() == ThingStatus.ONLINE);
            State battery = things.awaitState(device, DeviceMapper.BATTERY_STATE, s -> s != UnDefType.UNDEF);
            assertFalse(battery.toString().isBlank());

            // collected now, before the revocation (which deletes nothing in the store, but to be explicit)
            AccessTokenResponse stored = Objects
                    .requireNonNull(oauth.tokens.get(WithingsOAuth.handle(BRIDGE_ID, USER)));

            // Withings revokes the user's tokens; the next notification makes the user Thing ask for re-authorisation
            sim.control().revokeTokens(SCALE);
            HttpResponse<String> pushed = postNotification(webhookUrl, SCALE, 1);
            assertEquals(200, pushed.statusCode());
            things.awaitStatus(user, s -> s.getStatus() == ThingStatus.OFFLINE
                    && s.getStatusDetail() == ThingStatusDetail.CONFIGURATION_ERROR
                    && account.authorizationNeededStatus().equals(s.getDescription()));
            assertEquals(ThingStatus.ONLINE, bridge.getStatus(), "the bridge stays ONLINE");
            account.checkUsers();
            assertTrue(is(lastStatus(), ThingStatus.ONLINE, ThingStatusDetail.NONE,
                    "@text/online.users-need-reauthorization [\"1\", \"" + BRIDGE_ID + "\"]"),
                    lastStatus().toString());
            assertTrue(userHandler.publishedState("body#weight") instanceof QuantityType<?>,
                    "the last values stay");
            pages.add(get(connectPage()));

            // no token, secret, code or webhook secret anywhere
            List<String> secrets = secrets(stored);
            List<String> texts = new ArrayList<>();
            texts.addAll(things.texts());
            texts.addAll(recorder.texts());
            discovered.forEach(r -> texts.add(r.getLabel() + " " + r.getProperties()));
            texts.add(bridge.getProperties().toString());
            children.forEach(c -> texts.add(c.getProperties() + " " + c.getConfiguration().getProperties()));
            texts.addAll(pages);
            texts.add(output.text());
            if (output.debugEnabled()) {
                assertTrue(output.text().contains("Webhook notification appli 50 received"),
                        "the debug log was captured");
            }
            assertNoSecret(secrets, texts);
        }
    }

    @Test
    void aRequestedSyncFetchesFromTheCursors() throws Exception {
        // no webhook here: the new weighing must reach the Thing through the requested sync only
        bridge.getConfiguration().remove("webhookUrl");
        account.initialize();
        discovery.initialize();
        awaitStatus(s -> s.getStatus() == ThingStatus.OFFLINE);
        linkThroughThePage();
        awaitStatus(s -> s.getStatus() == ThingStatus.ONLINE);
        Thing user = userThing(awaitUserResult());
        startUser(user);
        things.awaitStatus(user, s -> s.getStatus() == ThingStatus.ONLINE);
        idle();
        Instant cursor = new SyncCursorStore(storageService.getStorage(SyncCursorStore.STORAGE_NAME),
                user.getUID().getAsString()).cursor("measures");
        assertNotNull(cursor, "the first sync stored the measures cursor");

        // every form the bridge's client sends from now on
        List<String> forms = new CopyOnWriteArrayList<>();
        httpClient.getRequestListeners().add(new Request.Listener.Adapter() {
            @Override
            public void onContent(@Nullable Request request, @Nullable ByteBuffer content) {
                if (request != null && content != null) {
                    forms.add(request.getPath() + "?" + StandardCharsets.UTF_8.decode(content.slice()));
                }
            }
        });
        assertTrue(sim.control().addWeighing(SCALE, 77.7, Instant.now()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .isEmpty(), "no subscription, no push");
        long getmeas = getmeasCount();
        long activity = sim.control().requestCount("/v2/measure", "getactivity", SCALE);
        long sleep = sim.control().requestCount("/v2/sleep", "getsummary", SCALE);

        assertTrue(account.requestSync(USER));

        things.awaitState(user, "body#weight", s -> isKg(new BigDecimal("77.7"), s));
        await(() -> sim.control().requestCount("/v2/sleep", "getsummary", SCALE) > sleep, "sleep fetch");
        await(() -> forms.stream().anyMatch(f -> f.startsWith("/v2/heart?")), "heart list fetch");
        idle();
        List<String> measures = forms.stream().filter(f -> f.startsWith("/measure?") && f.contains("getmeas"))
                .toList();
        List<String> plain = measures.stream().filter(f -> !f.contains("meastype")).toList();
        // appli 1 and 4 coalesce into one getmeas from the cursor; appli 54's ECG read also starts at the cursor
        assertEquals(1, plain.size(), measures.toString());
        assertTrue(plain.get(0).contains("lastupdate=" + cursor.getEpochSecond()), plain.toString());
        assertTrue(measures.stream().allMatch(f -> f.contains("lastupdate=") && !f.contains("startdate=")),
                measures.toString());
        assertEquals(getmeas + measures.size(), getmeasCount());
        assertEquals(activity + 1, sim.control().requestCount("/v2/measure", "getactivity", SCALE));
        assertEquals(sleep + 1, sim.control().requestCount("/v2/sleep", "getsummary", SCALE));
    }

    // ------------------------------------------------------------------ steps

    private URI connectPage() {
        return URI.create(httpService.baseUri() + CONNECT_PATH + BRIDGE_ID);
    }

    private String get(URI uri) throws Exception {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), uri.getPath());
        return response.body();
    }

    /** The linking page, its Link button, consent at the simulator (sim_user shortcut), the callback. */
    private void linkThroughThePage() throws Exception {
        String page = get(connectPage());
        pages.add(page);
        Matcher m = FORM_TOKEN.matcher(page);
        assertTrue(m.find(), page);
        HttpResponse<String> pressed = browser.send(HttpRequest.newBuilder(connectPage())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers
                        .ofString("action=link&formToken=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        pages.add(pressed.body());
        String authorizeUrl = pressed.headers().firstValue("Location").orElseThrow();
        String callback = sim.authorize(authorizeUrl, SCALE);
        authorizationCode = query(URI.create(callback)).get("code");
        assertNotNull(authorizationCode);
        String linked = get(URI.create(callback));
        pages.add(linked);
        assertTrue(linked.contains("Withings user " + USER + " is linked."), linked);
    }

    private DiscoveryResult awaitUserResult() {
        await(() -> discovered.stream().anyMatch(this::isUserResult), "user discovery result");
        return discovered.stream().filter(this::isUserResult).reduce((a, b) -> b).orElseThrow();
    }

    private boolean isUserResult(DiscoveryResult r) {
        return THING_TYPE_USER.equals(r.getThingTypeUID()) && USER.equals(r.getProperties().get(PROPERTY_USER_ID))
                && PROPERTY_USER_ID.equals(r.getRepresentationProperty())
                && bridge.getUID().equals(r.getBridgeUID());
    }

    private List<DiscoveryResult> awaitDeviceResults() {
        await(() -> discovered.stream().anyMatch(this::isDeviceResult), "device discovery results");
        return discovered.stream().filter(this::isDeviceResult).toList();
    }

    private boolean isDeviceResult(DiscoveryResult r) {
        return THING_TYPE_DEVICE.equals(r.getThingTypeUID()) && USER.equals(r.getProperties().get(PROPERTY_USER_ID))
                && r.getProperties().get(PROPERTY_DEVICE_ID) != null
                && PROPERTY_DEVICE_ID.equals(r.getRepresentationProperty());
    }

    /** A Thing as the inbox approves it: configuration parameters from the properties, the rest as properties. */
    private Thing thingFrom(DiscoveryResult result, Set<String> configParameters) {
        Map<String, Object> config = new HashMap<>();
        Map<String, String> properties = new HashMap<>();
        result.getProperties().forEach((k, v) -> {
            if (configParameters.contains(k)) {
                config.put(k, v);
            } else {
                properties.put(k, String.valueOf(v));
            }
        });
        Thing thing = ThingBuilder.create(result.getThingTypeUID(), result.getThingUID())
                .withBridge(result.getBridgeUID()).withLabel(result.getLabel())
                .withConfiguration(new Configuration(config)).withProperties(properties).build();
        children.add(thing);
        return thing;
    }

    private Thing userThing(DiscoveryResult result) {
        return thingFrom(result, Set.of(PROPERTY_USER_ID));
    }

    private Thing deviceThing(DiscoveryResult result) {
        return thingFrom(result, Set.of(PROPERTY_DEVICE_ID, PROPERTY_USER_ID));
    }

    private WithingsUserHandler startUser(Thing thing) {
        WithingsUserHandler handler = new WithingsUserHandler(thing, services, childExecutor, Clock.systemUTC(),
                Duration.ofMillis(50));
        handler.setCallback(things.mock);
        thing.setHandler(handler);
        childHandlers.add(handler);
        handler.initialize();
        return handler;
    }

    private WithingsDeviceHandler startDevice(Thing thing) {
        WithingsDeviceHandler handler = new WithingsDeviceHandler(thing, services);
        handler.setCallback(things.mock);
        thing.setHandler(handler);
        childHandlers.add(handler);
        handler.initialize();
        return handler;
    }

    /** Waits until the child handlers' executor has run everything due now (a sync in progress included). */
    private void idle() throws Exception {
        childExecutor.submit(() -> {
        }).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The user's device weighings of the back-fill window (date → kg), read with the bridge's client. */
    private TreeMap<Instant, BigDecimal> weighings() throws Exception {
        TokenProvider tp = account.tokenProvider(USER).orElseThrow();
        List<MeasureGroup> groups = account.client()
                .getMeasures(tp, MeasureQuery.since(Instant.now().minus(Duration.ofDays(30))).withTypes(List.of(1)))
                .normalizedGroups();
        TreeMap<Instant, BigDecimal> result = new TreeMap<>();
        for (MeasureGroup group : groups) {
            if (!AttribPolicy.DEFAULT.accepts(group)) {
                continue;
            }
            for (Measure measure : group.measures) {
                if (measure.type == 1) {
                    result.put(Instant.ofEpochSecond(group.date), measure.decodedValue());
                }
            }
        }
        return result;
    }

    private Set<Instant> weightSeriesTimestamps(Thing user) {
        ChannelUID weight = new ChannelUID(user.getUID(), "body#weight");
        Set<Instant> timestamps = new TreeSet<>();
        things.series.stream().filter(e -> e.channel().equals(weight))
                .forEach(e -> e.series().getStates().forEach(s -> {
                    timestamps.add(s.timestamp());
                    assertTrue(s.state() instanceof QuantityType<?> q && q.getUnit().equals(SIUnits.KILOGRAM),
                            s.toString());
                }));
        assertFalse(timestamps.isEmpty(), "weight time series sent");
        return timestamps;
    }

    private static boolean isKg(BigDecimal kg, @Nullable State state) {
        return state instanceof QuantityType<?> q && q.getUnit().equals(SIUnits.KILOGRAM)
                && q.toBigDecimal().compareTo(kg) == 0;
    }

    private static void assertKg(BigDecimal kg, @Nullable State state) {
        assertTrue(isKg(kg, state), "expected " + kg + " kg, got " + state);
    }

    private long getmeasCount() {
        return sim.control().requestCount("/measure", "getmeas", SCALE);
    }

    private long requestsOf(long userid) {
        return sim.control().requests().stream().filter((RecordedRequest r) -> r.userid() == userid).count();
    }

    private static void deliver(List<Delivery> deliveries) {
        assertTrue(!deliveries.isEmpty() && deliveries.stream().allMatch(Delivery::succeeded),
                deliveries.toString());
    }

    /** A notification as Withings posts it to the callback URL. */
    private HttpResponse<String> postNotification(String url, long userid, int appli) throws Exception {
        long now = Instant.now().getEpochSecond();
        String form = "userid=" + userid + "&appli=" + appli + "&startdate=" + (now - 60) + "&enddate=" + now;
        return browser.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> secrets(AccessTokenResponse stored) {
        List<String> secrets = new ArrayList<>();
        secrets.add(Objects.requireNonNull(stored.getAccessToken()));
        secrets.add(Objects.requireNonNull(stored.getRefreshToken()));
        secrets.add(sim.clientSecret());
        secrets.add(Objects.requireNonNull(authorizationCode));
        String webhookSecret = storageService.<String> getStorage(account.storageName())
                .get(WebhookSecret.STORAGE_KEY);
        secrets.add(Objects.requireNonNull(webhookSecret, "webhook secret stored"));
        for (String secret : secrets) {
            assertTrue(secret.length() >= 8, "a usable secret to look for");
        }
        return secrets;
    }

    private static void assertNoSecret(List<String> secrets, List<String> texts) {
        for (String text : texts) {
            for (String secret : secrets) {
                if (text.contains(secret)) {
                    int at = text.indexOf(secret);
                    String around = text.substring(Math.max(0, at - 120), at) + "<SECRET>";
                    fail("a secret appears in: ..." + around);
                }
            }
        }
    }
}
