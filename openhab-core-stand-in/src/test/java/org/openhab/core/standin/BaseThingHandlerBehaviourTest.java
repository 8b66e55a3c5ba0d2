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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.openhab.core.config.core.ConfigDescription;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.ChannelGroupUID;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.BaseThingHandler;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.thing.binding.builder.BridgeBuilder;
import org.openhab.core.thing.binding.builder.ChannelBuilder;
import org.openhab.core.thing.binding.builder.ThingBuilder;
import org.openhab.core.thing.type.ChannelGroupTypeUID;
import org.openhab.core.thing.type.ChannelTypeUID;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;
import org.openhab.core.types.TimeSeries;

/**
 * Behaviour of the stand-in's {@link BaseThingHandler}: everything reaches the framework through the callback.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class BaseThingHandlerBehaviourTest {

    private static final ThingTypeUID ACCOUNT_TYPE = new ThingTypeUID("withings", "account");
    private static final ThingTypeUID USER_TYPE = new ThingTypeUID("withings", "user");

    /**
     * A handler exposing the protected helpers.
     */
    private static class SampleHandler extends BaseThingHandler {
        SampleHandler(Thing thing) {
            super(thing);
        }

        @Override
        public void initialize() {
            updateStatus(ThingStatus.UNKNOWN);
        }

        @Override
        public void handleCommand(ChannelUID channelUID, Command command) {
        }

        void offline(String description) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, description);
        }

        void publish(String channelId, State state) {
            updateState(channelId, state);
        }

        void property(String name, @Nullable String value) {
            updateProperty(name, value);
        }

        @Nullable
        Bridge bridge() {
            return getBridge();
        }

        <T> T config(Class<T> type) {
            return getConfigAs(type);
        }
    }

    /**
     * Records what the handler reports, standing in for openHAB's thing manager.
     */
    private static class RecordingCallback implements ThingHandlerCallback {
        final List<ThingStatusInfo> statuses = new ArrayList<>();
        final List<String> states = new ArrayList<>();
        final List<Thing> updatedThings = new ArrayList<>();
        @Nullable
        Bridge bridge;

        @Override
        public void statusUpdated(Thing thing, ThingStatusInfo thingStatus) {
            statuses.add(thingStatus);
            thing.setStatusInfo(thingStatus);
        }

        @Override
        public void stateUpdated(ChannelUID channelUID, State state) {
            states.add(channelUID + "=" + state);
        }

        @Override
        public void thingUpdated(Thing thing) {
            updatedThings.add(thing);
        }

        @Override
        public @Nullable Bridge getBridge(ThingUID bridgeUID) {
            Bridge current = bridge;
            return current != null && current.getUID().equals(bridgeUID) ? current : null;
        }

        @Override
        public void postCommand(ChannelUID channelUID, Command command) {
        }

        @Override
        public void sendTimeSeries(ChannelUID channelUID, TimeSeries timeSeries) {
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
    }

    /**
     * Configuration class read by the handler.
     */
    public static class UserConfig {
        public String userId = "";
    }

    private final Bridge bridge = BridgeBuilder.create(ACCOUNT_TYPE, "acc1").withLabel("Account").build();
    private final ThingUID userUID = new ThingUID(USER_TYPE, bridge.getUID(), "42");
    private final Thing thing = ThingBuilder.create(USER_TYPE, userUID).withBridge(bridge.getUID())
            .withConfiguration(new Configuration(Map.of("userId", "42")))
            .withChannel(ChannelBuilder.create(new ChannelUID(userUID, "body", "weight"), "Number:Mass").build())
            .build();
    private final SampleHandler handler = new SampleHandler(thing);
    private final RecordingCallback callback = new RecordingCallback();

    @Test
    void updateStatusReachesTheCallback() {
        handler.setCallback(callback);

        handler.initialize();
        handler.offline("cloud unreachable");

        assertEquals(List.of(new ThingStatusInfo(ThingStatus.UNKNOWN, ThingStatusDetail.NONE, null),
                new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, "cloud unreachable")),
                callback.statuses);
        assertEquals(ThingStatus.OFFLINE, thing.getStatus());
    }

    @Test
    void withoutCallbackNothingIsReported() {
        handler.offline("ignored");

        assertTrue(callback.statuses.isEmpty());
        assertEquals(ThingStatus.UNINITIALIZED, thing.getStatus());
    }

    @Test
    void statesPropertiesBridgeAndConfiguration() {
        handler.setCallback(callback);
        callback.bridge = bridge;

        handler.publish("body#weight", new DecimalType(70));
        handler.property("model", "Body+");
        handler.property("model", "Body+");

        assertEquals(List.of("withings:user:acc1:42:body#weight=70"), callback.states);
        assertEquals("Body+", thing.getProperties().get("model"));
        assertEquals(1, callback.updatedThings.size());
        assertSame(bridge, handler.bridge());
        assertEquals("42", handler.config(UserConfig.class).userId);
        assertEquals(1, thing.getChannelsOfGroup("body").size());
    }

    @Test
    void bridgeStatusChangesFollowOpenHab() {
        handler.setCallback(callback);

        handler.bridgeStatusChanged(new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.NONE, null));
        handler.bridgeStatusChanged(new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null));

        assertEquals(List.of(ThingStatusDetail.BRIDGE_OFFLINE, ThingStatusDetail.NONE),
                callback.statuses.stream().map(ThingStatusInfo::getStatusDetail).toList());
        assertEquals(ThingStatus.ONLINE, thing.getStatus());
        assertFalse(callback.statuses.isEmpty());
    }
}
