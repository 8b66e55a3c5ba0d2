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
package org.openhab.core.thing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Compile-time stand-in mirroring org.openhab.core.thing.ThingUID of openHAB core 5.2.1; never shipped.
 * Segments: binding id, thing type id, bridge ids (if any), thing id.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class ThingUID extends UID {

    private static final String NO_THING_TYPE = "";

    public ThingUID(ThingTypeUID thingTypeUID, String id) {
        super(thingTypeUID.getBindingId(), thingTypeUID.getId(), id);
    }

    public ThingUID(ThingTypeUID thingTypeUID, ThingUID bridgeUID, String id) {
        this(segments(thingTypeUID.getBindingId(), thingTypeUID.getId(), bridgePath(bridgeUID), id));
    }

    public ThingUID(ThingTypeUID thingTypeUID, String id, String... bridgeIds) {
        this(segments(thingTypeUID.getBindingId(), thingTypeUID.getId(), Arrays.asList(bridgeIds), id));
    }

    public ThingUID(String bindingId, String id) {
        super(bindingId, NO_THING_TYPE, id);
    }

    public ThingUID(String bindingId, ThingUID bridgeUID, String id) {
        this(segments(bindingId, NO_THING_TYPE, bridgePath(bridgeUID), id));
    }

    public ThingUID(String bindingId, String thingTypeId, String id) {
        super(bindingId, thingTypeId, id);
    }

    public ThingUID(String thingUID) {
        super(thingUID);
    }

    public ThingUID(String... segments) {
        super(segments);
    }

    ThingUID(List<String> segments) {
        super(segments);
    }

    private static List<String> bridgePath(ThingUID bridgeUID) {
        List<String> path = new ArrayList<>(bridgeUID.getBridgeIds());
        path.add(bridgeUID.getId());
        return path;
    }

    private static List<String> segments(String bindingId, String thingTypeId, List<String> bridgeIds, String id) {
        List<String> result = new ArrayList<>();
        result.add(bindingId);
        result.add(thingTypeId);
        result.addAll(bridgeIds);
        result.add(id);
        return result;
    }

    /**
     * @return the ids of the bridges this thing is (transitively) attached to, outermost first
     */
    public List<String> getBridgeIds() {
        List<String> all = getAllSegments();
        return all.subList(2, all.size() - 1);
    }

    public String getId() {
        List<String> all = getAllSegments();
        return all.get(all.size() - 1);
    }

    @Override
    protected int getMinimalNumberOfSegments() {
        return 3;
    }
}
