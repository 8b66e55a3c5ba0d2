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

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.Mockito.*;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openhab.binding.withings.internal.WithingsAccountTracker;
import org.openhab.binding.withings.internal.WithingsBindingConstants;
import org.openhab.binding.withings.internal.WithingsServices;
import org.openhab.binding.withings.internal.servlet.PendingLink;
import org.openhab.binding.withings.simulator.SimulatorOptions;
import org.openhab.binding.withings.simulator.WithingsCloudSimulator;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.i18n.TimeZoneProvider;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.builder.ThingBuilder;
import org.openhab.core.thing.internal.BridgeImpl;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.thing.binding.builder.BridgeBuilder;

/**
 * Shared set-up of the account bridge tests: a cloud simulator, core's OAuth client as a test double talking to it
 * over HTTP, an HTTP service really serving the servlets on loopback, a map storage, and the recording
 * {@link ThingHandlerCallback}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public abstract class AccountTestBase {

    protected static final Duration TIMEOUT = Duration.ofSeconds(20);
    protected static final String BRIDGE_ID = "home";

    protected @NonNullByDefault({}) WithingsCloudSimulator sim;
    protected @NonNullByDefault({}) JettyHttpService httpService;
    protected @NonNullByDefault({}) HttpClient httpClient;
    protected final MapStorageService storageService = new MapStorageService();
    protected final TestOAuthFactory oauth = new TestOAuthFactory();
    protected final WithingsAccountTracker tracker = new WithingsAccountTracker();
    protected final RecordingThingCallback recorder = new RecordingThingCallback(TIMEOUT);
    protected final ThingHandlerCallback callback = recorder.mock;
    protected @NonNullByDefault({}) WithingsServices services;
    protected final List<WithingsAccountHandler> handlers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startInfrastructure() throws Exception {
        sim = WithingsCloudSimulator.start(simulatorOptions());
        httpService = new JettyHttpService();
        httpClient = new HttpClient();
        httpClient.start();
        services = new WithingsServices(httpClient, oauth, httpService, storageService, mock(TimeZoneProvider.class));
    }

    protected SimulatorOptions simulatorOptions() {
        return SimulatorOptions.defaults().port(0).seed(42);
    }

    @AfterEach
    void stopInfrastructure() throws Exception {
        for (WithingsAccountHandler handler : handlers) {
            handler.dispose();
        }
        httpClient.stop();
        httpService.close();
        sim.close();
    }

    protected Map<String, Object> validConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("clientId", sim.clientId());
        config.put("clientSecret", sim.clientSecret());
        config.put("apiBaseUrl", sim.baseUri().toString());
        config.put("accountBaseUrl", sim.baseUri().toString());
        return config;
    }

    /** The valid configuration with the webhook on the embedded Jetty (loopback http: the simulator is no Withings). */
    protected Map<String, Object> webhookConfig() {
        Map<String, Object> config = validConfig();
        config.put("webhookUrl", httpService.baseUri().toString());
        return config;
    }

    protected Bridge bridge(Map<String, Object> config) {
        return BridgeBuilder.create(WithingsBindingConstants.THING_TYPE_ACCOUNT, BRIDGE_ID).withLabel("Home Withings")
                .withConfiguration(new Configuration(config)).build();
    }

    protected WithingsAccountHandler handler(Bridge bridge) {
        return handler(bridge, Clock.systemUTC());
    }

    protected WithingsAccountHandler handler(Bridge bridge, Clock clock) {
        WithingsAccountHandler handler = new WithingsAccountHandler(bridge, services, tracker, clock);
        handler.setCallback(callback);
        handlers.add(handler);
        return handler;
    }

    /** Starts a handler with the config and waits until its start work is done (a status after UNKNOWN). */
    protected WithingsAccountHandler started(Map<String, Object> config) {
        WithingsAccountHandler handler = handler(bridge(config));
        handler.initialize();
        awaitStatus(s -> s.getStatus() != ThingStatus.UNKNOWN);
        return handler;
    }

    protected void dispose(WithingsAccountHandler handler) {
        handler.dispose();
        handlers.remove(handler);
    }

    /** Links a simulated user through the handler's link API and the simulator's consent page. */
    protected String link(WithingsAccountHandler handler, long userid) throws Exception {
        String redirectUri = httpService.baseUri() + WithingsBindingConstants.CONNECT_PATH + BRIDGE_ID;
        String state = "test-state-" + userid;
        PendingLink pending = handler.linking().beginLink(redirectUri, state);
        String location = sim.authorize(pending.authorizeUrl(), userid);
        Map<String, String> query = query(URI.create(location));
        assertEquals(state, query.get("state"));
        String code = query.get("code");
        assertNotNull(code);
        return handler.linking().completeLink(pending, code);
    }

    /** A user Thing of the Withings user under the bridge, with a mocked handler. */
    protected static WithingsUserHandler userThing(WithingsAccountHandler bridge, String userId) {
        WithingsUserHandler user = mock(WithingsUserHandler.class);
        when(user.userId()).thenReturn(userId);
        ThingUID bridgeUID = bridge.getThing().getUID();
        Thing thing = ThingBuilder
                .create(WithingsBindingConstants.THING_TYPE_USER,
                        new ThingUID(WithingsBindingConstants.THING_TYPE_USER, bridgeUID, userId))
                .withBridge(bridgeUID).build();
        thing.setHandler(user);
        ((BridgeImpl) bridge.getThing()).addThing(thing);
        return user;
    }

    /** Removes the user Thing of this handler from the bridge. */
    protected static void removeUserThing(WithingsAccountHandler bridge, WithingsUserHandler user) {
        for (Thing thing : bridge.getThing().getThings()) {
            if (thing.getHandler() == user) {
                ((BridgeImpl) bridge.getThing()).removeThing(thing);
            }
        }
    }

    protected static Map<String, String> query(URI uri) {
        return SimulatorTokens.query(uri);
    }

    /** Every status reported (by any bridge of the test), oldest first. */
    protected List<ThingStatusInfo> statuses() {
        return recorder.statuses();
    }

    /** Forgets the statuses reported so far. */
    protected void clearStatuses() {
        recorder.statuses.clear();
    }

    protected ThingStatusInfo awaitStatus(Predicate<ThingStatusInfo> predicate) {
        await(() -> statuses().stream().anyMatch(predicate), "status");
        return statuses().stream().filter(predicate).findFirst().orElseThrow();
    }

    protected ThingStatusInfo lastStatus() {
        List<ThingStatusInfo> all = statuses();
        assertFalse(all.isEmpty(), "no status was reported");
        return all.get(all.size() - 1);
    }

    protected static boolean is(ThingStatusInfo info, ThingStatus status, ThingStatusDetail detail,
            @Nullable String description) {
        return info.getStatus() == status && info.getStatusDetail() == detail
                && java.util.Objects.equals(info.getDescription(), description);
    }

    /** Polls the condition until it holds or the timeout passes. */
    protected void await(BooleanSupplier condition, String what) {
        recorder.await(condition, what);
    }
}
