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
package org.openhab.core.thing.binding.builder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.semantics.SemanticTag;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.internal.ThingImpl;

/**
 * Compile-time stand-in mirroring org.openhab.core.thing.binding.builder.ThingBuilder of openHAB core 5.2.1; never
 * shipped. Builds in-memory {@link ThingImpl}s.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class ThingBuilder {

    protected final ThingUID thingUID;
    protected final ThingTypeUID thingTypeUID;
    private @Nullable String label;
    private final List<Channel> channels = new ArrayList<>();
    private @Nullable Configuration configuration;
    private @Nullable ThingUID bridgeUID;
    private @Nullable Map<String, String> properties;
    private @Nullable String location;
    private @Nullable String semanticEquipmentTag;

    protected ThingBuilder(ThingTypeUID thingTypeUID, ThingUID thingUID) {
        this.thingTypeUID = thingTypeUID;
        this.thingUID = thingUID;
    }

    public static ThingBuilder create(ThingTypeUID thingTypeUID, String thingId) {
        return new ThingBuilder(thingTypeUID, new ThingUID(thingTypeUID, thingId));
    }

    public static ThingBuilder create(ThingTypeUID thingTypeUID, ThingUID thingUID) {
        return new ThingBuilder(thingTypeUID, thingUID);
    }

    public static ThingBuilder create(Thing thing) {
        return copyOf(new ThingBuilder(thing.getThingTypeUID(), thing.getUID()), thing);
    }

    static <B extends ThingBuilder> B copyOf(B builder, Thing thing) {
        builder.withBridge(thing.getBridgeUID()).withChannels(thing.getChannels())
                .withConfiguration(thing.getConfiguration()).withLabel(thing.getLabel())
                .withLocation(thing.getLocation()).withProperties(thing.getProperties())
                .withSemanticEquipmentTag(thing.getSemanticEquipmentTag());
        return builder;
    }

    public Thing build() {
        return populate(new ThingImpl(thingTypeUID, thingUID));
    }

    public ThingBuilder withLabel(@Nullable String label) {
        this.label = label;
        return this;
    }

    public ThingBuilder withChannel(Channel channel) {
        validateChannelUID(channel);
        for (Channel existing : channels) {
            if (existing.getUID().equals(channel.getUID())) {
                throw new IllegalArgumentException(
                        "Channel UIDs must be unique, but the channel UID '" + channel.getUID() + "' is duplicated");
            }
        }
        channels.add(channel);
        return this;
    }

    public ThingBuilder withChannels(Channel... channels) {
        return withChannels(Arrays.asList(channels));
    }

    public ThingBuilder withChannels(List<Channel> channels) {
        // as openHAB: all channels are checked before any replaces the current ones
        Set<ChannelUID> seen = new HashSet<>();
        for (Channel channel : channels) {
            validateChannelUID(channel);
            if (!seen.add(channel.getUID())) {
                throw new IllegalArgumentException(
                        "Channel UIDs must be unique, but the channel UID '" + channel.getUID() + "' is duplicated");
            }
        }
        this.channels.clear();
        this.channels.addAll(channels);
        return this;
    }

    /** As openHAB: a channel must belong to the thing being built. */
    private void validateChannelUID(Channel channel) {
        if (!thingUID.equals(channel.getUID().getThingUID())) {
            throw new IllegalArgumentException(
                    "Channel UID '" + channel.getUID() + "' does not match thing UID '" + thingUID + "'");
        }
    }

    public ThingBuilder withoutChannel(ChannelUID channelUID) {
        channels.removeIf(channel -> channel.getUID().equals(channelUID));
        return this;
    }

    public ThingBuilder withoutChannels(Channel... channels) {
        return withoutChannels(Arrays.asList(channels));
    }

    public ThingBuilder withoutChannels(List<Channel> channels) {
        for (Channel channel : channels) {
            withoutChannel(channel.getUID());
        }
        return this;
    }

    public ThingBuilder withConfiguration(Configuration configuration) {
        this.configuration = configuration;
        return this;
    }

    public ThingBuilder withBridge(@Nullable ThingUID bridgeUID) {
        this.bridgeUID = bridgeUID;
        return this;
    }

    public ThingBuilder withProperty(String key, String value) {
        Map<String, String> current = properties;
        Map<String, String> updated = current == null ? new HashMap<>() : new HashMap<>(current);
        updated.put(key, value);
        this.properties = updated;
        return this;
    }

    public ThingBuilder withProperties(Map<String, String> properties) {
        this.properties = new HashMap<>(properties);
        return this;
    }

    public ThingBuilder withLocation(@Nullable String location) {
        this.location = location;
        return this;
    }

    public ThingBuilder withSemanticEquipmentTag(@Nullable String semanticEquipmentTag) {
        this.semanticEquipmentTag = semanticEquipmentTag;
        return this;
    }

    public ThingBuilder withSemanticEquipmentTag(@Nullable SemanticTag semanticEquipmentTag) {
        return withSemanticEquipmentTag(semanticEquipmentTag == null ? null : semanticEquipmentTag.getUID());
    }

    protected Thing populate(ThingImpl thing) {
        thing.setLabel(label);
        thing.setChannels(channels);
        thing.setConfiguration(configuration);
        thing.setBridgeUID(bridgeUID);
        Map<String, String> props = properties;
        if (props != null) {
            thing.setProperties(props);
        }
        thing.setLocation(location);
        thing.setSemanticEquipmentTag(semanticEquipmentTag);
        return thing;
    }
}
