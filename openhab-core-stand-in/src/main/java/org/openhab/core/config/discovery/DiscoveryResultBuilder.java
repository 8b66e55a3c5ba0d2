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
package org.openhab.core.config.discovery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.common.AbstractUID;
import org.openhab.core.config.discovery.internal.DiscoveryResultImpl;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;

/**
 * Compile-time stand-in mirroring org.openhab.core.config.discovery.DiscoveryResultBuilder of openHAB core 5.2.1;
 * never shipped.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class DiscoveryResultBuilder {

    private final ThingUID thingUID;
    private @Nullable ThingUID bridgeUID;
    private final Map<String, Object> properties = new HashMap<>();
    private @Nullable String representationProperty;
    private @Nullable String label;
    private long ttl = DiscoveryResult.TTL_UNLIMITED;
    private @Nullable ThingTypeUID thingTypeUID;

    private DiscoveryResultBuilder(ThingUID thingUID) {
        this.thingUID = thingUID;
    }

    public static DiscoveryResultBuilder create(ThingUID thingUID) {
        return new DiscoveryResultBuilder(thingUID);
    }

    public static DiscoveryResultBuilder create(DiscoveryResult discoveryResult) {
        DiscoveryResultBuilder builder = new DiscoveryResultBuilder(discoveryResult.getThingUID())
                .withThingType(discoveryResult.getThingTypeUID()).withBridge(discoveryResult.getBridgeUID())
                .withProperties(discoveryResult.getProperties())
                .withRepresentationProperty(discoveryResult.getRepresentationProperty())
                .withLabel(discoveryResult.getLabel()).withTTL(discoveryResult.getTimeToLive());
        return builder;
    }

    public DiscoveryResultBuilder withThingType(@Nullable ThingTypeUID thingTypeUID) {
        this.thingTypeUID = thingTypeUID;
        return this;
    }

    public DiscoveryResultBuilder withProperties(@Nullable Map<String, Object> properties) {
        if (properties != null) {
            this.properties.putAll(properties);
        }
        return this;
    }

    public DiscoveryResultBuilder withProperty(String key, Object value) {
        this.properties.put(key, value);
        return this;
    }

    public DiscoveryResultBuilder withRepresentationProperty(@Nullable String representationProperty) {
        this.representationProperty = representationProperty;
        return this;
    }

    /**
     * @throws IllegalArgumentException if the thing UID does not name this bridge (binding and bridge id), as in
     *             openHAB
     */
    /**
     * As openHAB's: not validated against the thing UID.
     */
    public DiscoveryResultBuilder withBridge(@Nullable ThingUID bridgeUID) {
        this.bridgeUID = bridgeUID;
        return this;
    }

    public DiscoveryResultBuilder withLabel(@Nullable String label) {
        this.label = label;
        return this;
    }

    public DiscoveryResultBuilder withTTL(long ttl) {
        this.ttl = ttl;
        return this;
    }

    public DiscoveryResult build() {
        ThingTypeUID type = thingTypeUID;
        if (type == null) {
            List<String> segments = List.of(thingUID.getAsString().split(AbstractUID.SEPARATOR));
            type = new ThingTypeUID(segments.get(0), segments.get(1));
        }
        return new DiscoveryResultImpl(type, thingUID, bridgeUID, properties, representationProperty, label, ttl);
    }
}
