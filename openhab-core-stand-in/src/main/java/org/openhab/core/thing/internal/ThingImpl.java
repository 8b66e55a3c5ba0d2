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
package org.openhab.core.thing.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.semantics.SemanticTag;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandler;

/**
 * Compile-time stand-in mirroring org.openhab.core.thing.internal.ThingImpl of openHAB core 5.2.1; never shipped.
 * A plain in-memory {@link Thing}, made by {@link org.openhab.core.thing.binding.builder.ThingBuilder}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class ThingImpl implements Thing {

    private final ThingUID uid;
    private final ThingTypeUID thingTypeUID;
    private @Nullable String label;
    private @Nullable ThingUID bridgeUID;
    private List<Channel> channels = new CopyOnWriteArrayList<>();
    private Configuration configuration = new Configuration();
    private Map<String, String> properties = new HashMap<>();
    private @Nullable String location;
    private @Nullable String semanticEquipmentTag;
    private ThingStatusInfo status = new ThingStatusInfo(ThingStatus.UNINITIALIZED, ThingStatusDetail.NONE, null);
    private @Nullable ThingHandler thingHandler;

    public ThingImpl(ThingTypeUID thingTypeUID, ThingUID thingUID) {
        this.thingTypeUID = thingTypeUID;
        this.uid = thingUID;
    }

    @Override
    public @Nullable String getLabel() {
        return label;
    }

    @Override
    public void setLabel(@Nullable String label) {
        this.label = label;
    }

    @Override
    public List<Channel> getChannels() {
        return List.copyOf(channels);
    }

    @Override
    public List<Channel> getChannelsOfGroup(String channelGroupId) {
        List<Channel> result = new ArrayList<>();
        for (Channel channel : channels) {
            if (channelGroupId.equals(channel.getUID().getGroupId())) {
                result.add(channel);
            }
        }
        return List.copyOf(result);
    }

    @Override
    public @Nullable Channel getChannel(String channelId) {
        for (Channel channel : channels) {
            if (channel.getUID().getId().equals(channelId)) {
                return channel;
            }
        }
        return null;
    }

    @Override
    public @Nullable Channel getChannel(ChannelUID channelUID) {
        for (Channel channel : channels) {
            if (channel.getUID().equals(channelUID)) {
                return channel;
            }
        }
        return null;
    }

    /**
     * @param channels the new channels of this thing
     */
    public void setChannels(List<Channel> channels) {
        this.channels = new CopyOnWriteArrayList<>(channels);
    }

    @Override
    public ThingStatus getStatus() {
        return status.getStatus();
    }

    @Override
    public ThingStatusInfo getStatusInfo() {
        return status;
    }

    @Override
    public void setStatusInfo(ThingStatusInfo status) {
        this.status = status;
    }

    @Override
    public void setHandler(@Nullable ThingHandler thingHandler) {
        this.thingHandler = thingHandler;
    }

    @Override
    public @Nullable ThingHandler getHandler() {
        return thingHandler;
    }

    @Override
    public @Nullable ThingUID getBridgeUID() {
        return bridgeUID;
    }

    @Override
    public void setBridgeUID(@Nullable ThingUID bridgeUID) {
        this.bridgeUID = bridgeUID;
    }

    @Override
    public Configuration getConfiguration() {
        return configuration;
    }

    /**
     * @param configuration the new configuration of this thing
     */
    public void setConfiguration(@Nullable Configuration configuration) {
        this.configuration = configuration == null ? new Configuration() : configuration;
    }

    @Override
    public ThingUID getUID() {
        return uid;
    }

    @Override
    public ThingTypeUID getThingTypeUID() {
        return thingTypeUID;
    }

    @Override
    public Map<String, String> getProperties() {
        synchronized (this) {
            return Map.copyOf(properties);
        }
    }

    @Override
    public @Nullable String setProperty(String name, @Nullable String value) {
        synchronized (this) {
            return value == null ? properties.remove(name) : properties.put(name, value);
        }
    }

    @Override
    public void setProperties(Map<String, String> properties) {
        synchronized (this) {
            this.properties = new HashMap<>(properties);
        }
    }

    @Override
    public @Nullable String getLocation() {
        return location;
    }

    @Override
    public void setLocation(@Nullable String location) {
        this.location = location;
    }

    @Override
    public boolean isEnabled() {
        return status.getStatusDetail() != ThingStatusDetail.DISABLED;
    }

    @Override
    public @Nullable String getSemanticEquipmentTag() {
        return semanticEquipmentTag;
    }

    @Override
    public void setSemanticEquipmentTag(@Nullable String semanticEquipmentTag) {
        this.semanticEquipmentTag = semanticEquipmentTag;
    }

    @Override
    public void setSemanticEquipmentTag(@Nullable SemanticTag semanticEquipmentTag) {
        this.semanticEquipmentTag = semanticEquipmentTag == null ? null : semanticEquipmentTag.getUID();
    }

    @Override
    public int hashCode() {
        return uid.hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        if (this == obj) {
            return true;
        }
        if (obj == null || getClass() != obj.getClass()) {
            return false;
        }
        return uid.equals(((ThingImpl) obj).uid);
    }

    @Override
    public String toString() {
        return getUID().toString();
    }
}
