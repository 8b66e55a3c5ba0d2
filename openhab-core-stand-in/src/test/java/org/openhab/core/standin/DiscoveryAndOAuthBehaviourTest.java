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
package org.openhab.core.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.openhab.core.auth.client.oauth2.AccessTokenResponse;
import org.openhab.core.config.discovery.AbstractThingHandlerDiscoveryService;
import org.openhab.core.config.discovery.DiscoveryListener;
import org.openhab.core.config.discovery.DiscoveryResult;
import org.openhab.core.config.discovery.DiscoveryResultBuilder;
import org.openhab.core.config.discovery.DiscoveryResultFlag;
import org.openhab.core.config.discovery.DiscoveryService;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.BaseBridgeHandler;
import org.openhab.core.thing.binding.builder.BridgeBuilder;
import org.openhab.core.types.Command;

/**
 * Behaviour of the stand-in's discovery base classes and OAuth token bean.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class DiscoveryAndOAuthBehaviourTest {

    private static final ThingTypeUID ACCOUNT_TYPE = new ThingTypeUID("withings", "account");
    private static final ThingTypeUID USER_TYPE = new ThingTypeUID("withings", "user");

    /**
     * A bridge handler owning a discovery service.
     */
    private static class AccountHandler extends BaseBridgeHandler {
        AccountHandler(Bridge bridge) {
            super(bridge);
        }

        @Override
        public void initialize() {
        }

        @Override
        public void handleCommand(ChannelUID channelUID, Command command) {
        }
    }

    /**
     * Reports one user below the handler's bridge on every scan.
     */
    private static class UserDiscovery extends AbstractThingHandlerDiscoveryService<AccountHandler> {
        UserDiscovery() {
            super(AccountHandler.class, Set.of(USER_TYPE), 5, false);
        }

        @Override
        protected void startScan() {
            ThingUID bridgeUID = thingHandler.getThing().getUID();
            thingDiscovered(DiscoveryResultBuilder.create(new ThingUID(USER_TYPE, bridgeUID, "42"))
                    .withBridge(bridgeUID).withLabel("Withings user 42").withProperty("userId", "42")
                    .withRepresentationProperty("userId").build());
        }
    }

    /**
     * Collects discovered results.
     */
    private static class CollectingListener implements DiscoveryListener {
        final List<DiscoveryResult> results = new ArrayList<>();

        @Override
        public void thingDiscovered(DiscoveryService source, DiscoveryResult result) {
            results.add(result);
        }

        @Override
        public void thingRemoved(DiscoveryService source, ThingUID thingUID) {
        }

        @Override
        public @Nullable Collection<ThingUID> removeOlderResults(DiscoveryService source, Instant timestamp,
                @Nullable Collection<ThingTypeUID> thingTypeUIDs, @Nullable ThingUID bridgeUID) {
            return null;
        }
    }

    @Test
    void discoveredResultsReachListeners() {
        AccountHandler handler = new AccountHandler(BridgeBuilder.create(ACCOUNT_TYPE, "acc1").build());
        UserDiscovery discovery = new UserDiscovery();
        discovery.setThingHandler(handler);
        CollectingListener early = new CollectingListener();
        discovery.addDiscoveryListener(early);

        discovery.startScan(null);
        CollectingListener late = new CollectingListener();
        discovery.addDiscoveryListener(late);

        assertSame(handler, discovery.getThingHandler());
        assertEquals(1, early.results.size());
        assertEquals(early.results, late.results);
        DiscoveryResult result = early.results.get(0);
        assertEquals(new ThingUID("withings:user:acc1:42"), result.getThingUID());
        assertEquals(USER_TYPE, result.getThingTypeUID());
        assertEquals(handler.getThing().getUID(), result.getBridgeUID());
        assertEquals(Map.of("userId", "42"), result.getProperties());
        assertEquals("userId", result.getRepresentationProperty());
        assertEquals(DiscoveryResultFlag.NEW, result.getFlag());
        assertEquals(DiscoveryResult.TTL_UNLIMITED, result.getTimeToLive());
        assertFalse(discovery.isBackgroundDiscoveryEnabled());
        discovery.abortScan();
    }

    @Test
    void bridgeIsNotValidatedAgainstTheThingUidAsInOpenHab() {
        ThingUID bridgeUID = new ThingUID(ACCOUNT_TYPE, "acc1");
        DiscoveryResultBuilder builder = DiscoveryResultBuilder.create(new ThingUID(USER_TYPE, "42"));

        assertEquals(bridgeUID, builder.withBridge(bridgeUID).build().getBridgeUID());
    }

    @Test
    void wrongHandlerClassIsRejected() {
        UserDiscovery discovery = new UserDiscovery();
        AccountHandler handler = new AccountHandler(BridgeBuilder.create(ACCOUNT_TYPE, "acc1").build()) {
        };
        discovery.setThingHandler(handler);
        assertThrows(IllegalArgumentException.class,
                () -> discovery.setThingHandler(new org.openhab.core.thing.binding.BaseThingHandler(
                        BridgeBuilder.create(USER_TYPE, "x").build()) {
                    @Override
                    public void initialize() {
                    }

                    @Override
                    public void handleCommand(ChannelUID channelUID, Command command) {
                    }
                }));
    }

    @Test
    void accessTokenResponseShowsTokensLikeOpenHabAndKnowsExpiry() {
        AccessTokenResponse token = new AccessTokenResponse();
        token.setAccessToken("secret-access");
        token.setRefreshToken("secret-refresh");
        token.setExpiresIn(10800);
        token.setCreatedOn(Instant.parse("2024-05-01T00:00:00Z"));
        token.setExtraFields(Map.of("userid", "42"));

        // openHAB's toString shows the tokens and extra fields: the binding must never log the object
        String text = token.toString();
        assertTrue(text.contains("secret-access") && text.contains("secret-refresh") && text.contains("42"));
        assertFalse(token.isExpired(Instant.parse("2024-05-01T02:00:00Z"), 60));
        assertTrue(token.isExpired(Instant.parse("2024-05-01T02:59:30Z"), 60));
        assertEquals(token, token.clone());
        assertEquals("42", token.getExtraFields().get("userid"));
    }

    @Test
    void aFailingListenerDoesNotStopTheOthersAsInOpenHab() {
        AccountHandler handler = new AccountHandler(BridgeBuilder.create(ACCOUNT_TYPE, "acc1").build());
        UserDiscovery discovery = new UserDiscovery();
        discovery.setThingHandler(handler);
        discovery.addDiscoveryListener(new CollectingListener() {
            @Override
            public void thingDiscovered(DiscoveryService source, DiscoveryResult result) {
                throw new IllegalStateException("inbox failure");
            }
        });
        CollectingListener healthy = new CollectingListener();
        discovery.addDiscoveryListener(healthy);

        discovery.startScan(null);

        assertEquals(1, healthy.results.size());
        discovery.abortScan();
    }
}
