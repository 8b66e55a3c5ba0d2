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
package org.openhab.core.config.discovery.internal;

import java.time.Instant;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.config.discovery.DiscoveryResult;
import org.openhab.core.config.discovery.DiscoveryResultFlag;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;

/**
 * Compile-time stand-in mirroring org.openhab.core.config.discovery.internal.DiscoveryResultImpl of openHAB core
 * 5.2.1; never shipped. Immutable; made by {@link org.openhab.core.config.discovery.DiscoveryResultBuilder}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class DiscoveryResultImpl implements DiscoveryResult {

    private final ThingUID thingUID;
    private final ThingTypeUID thingTypeUID;
    private final @Nullable ThingUID bridgeUID;
    private final Map<String, Object> properties;
    private final @Nullable String representationProperty;
    private final DiscoveryResultFlag flag;
    private final String label;
    private final Instant creationTime;
    private final long timeToLive;

    public DiscoveryResultImpl(ThingTypeUID thingTypeUID, ThingUID thingUID, @Nullable ThingUID bridgeUID,
            @Nullable Map<String, Object> properties, @Nullable String representationProperty,
            @Nullable String label, long timeToLive) throws IllegalArgumentException {
        if (timeToLive < 1 && timeToLive != TTL_UNLIMITED) {
            throw new IllegalArgumentException("The ttl must not be 0 or negative!");
        }
        this.thingUID = thingUID;
        this.thingTypeUID = thingTypeUID;
        this.bridgeUID = bridgeUID;
        this.properties = properties == null ? Map.of() : Map.copyOf(properties);
        this.representationProperty = representationProperty;
        this.flag = DiscoveryResultFlag.NEW;
        this.label = label == null ? "" : label;
        this.creationTime = Instant.now();
        this.timeToLive = timeToLive;
    }

    @Override
    public ThingUID getThingUID() {
        return thingUID;
    }

    @Override
    public ThingTypeUID getThingTypeUID() {
        return thingTypeUID;
    }

    @Override
    public String getBindingId() {
        return thingUID.getBindingId();
    }

    @Override
    public Map<String, Object> getProperties() {
        return properties;
    }

    @Override
    public @Nullable String getRepresentationProperty() {
        return representationProperty;
    }

    @Override
    public DiscoveryResultFlag getFlag() {
        return flag;
    }

    @Override
    public String getLabel() {
        return label;
    }

    @Override
    public @Nullable ThingUID getBridgeUID() {
        return bridgeUID;
    }

    @Override
    public Instant getCreationTime() {
        return creationTime;
    }

    @Override
    public long getTimeToLive() {
        return timeToLive;
    }

    @Override
    public int hashCode() {
        return thingUID.hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        if (this == obj) {
            return true;
        }
        if (!(obj instanceof DiscoveryResultImpl other)) {
            return false;
        }
        return thingUID.equals(other.thingUID);
    }

    @Override
    public String toString() {
        return "DiscoveryResult [thingUID=" + thingUID + ", thingTypeUID=" + thingTypeUID + ", bridgeUID="
                + bridgeUID + ", properties=" + properties + ", representationProperty=" + representationProperty
                + ", flag=" + flag + ", label=" + label + ", creationTime=" + creationTime + ", timeToLive="
                + timeToLive + "]";
    }
}
