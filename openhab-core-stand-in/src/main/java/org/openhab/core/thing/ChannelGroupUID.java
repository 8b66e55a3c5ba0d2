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
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Compile-time stand-in mirroring org.openhab.core.thing.ChannelGroupUID of openHAB core 5.2.1; never shipped.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class ChannelGroupUID extends UID {

    public ChannelGroupUID(String channelGroupUid) {
        super(channelGroupUid);
    }

    public ChannelGroupUID(ThingUID thingUID, String id) {
        super(append(thingUID, id));
    }

    private static List<String> append(ThingUID thingUID, String id) {
        List<String> result = new ArrayList<>(segmentsOf(thingUID));
        result.add(id);
        return result;
    }

    public String getId() {
        List<String> all = getAllSegments();
        return all.get(all.size() - 1);
    }

    @Override
    protected int getMinimalNumberOfSegments() {
        return 4;
    }

    public ThingUID getThingUID() {
        List<String> all = getAllSegments();
        return new ThingUID(all.subList(0, all.size() - 1).toArray(String[]::new));
    }
}
