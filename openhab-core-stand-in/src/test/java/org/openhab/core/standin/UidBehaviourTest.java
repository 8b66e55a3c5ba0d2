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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.core.thing.ChannelGroupUID;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.type.ChannelTypeUID;

/**
 * Behaviour of the stand-in's UIDs: parsing, group handling, bridges, equality.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class UidBehaviourTest {

    private static final ThingTypeUID USER_TYPE = new ThingTypeUID("withings", "user");
    private static final ThingUID ACCOUNT = new ThingUID(new ThingTypeUID("withings", "account"), "acc1");

    @Test
    void channelInGroupKeepsGroupAndId() {
        ThingUID user = new ThingUID(USER_TYPE, ACCOUNT, "12345");
        ChannelUID channel = new ChannelUID(user, "body", "weight");

        assertEquals("withings:user:acc1:12345:body#weight", channel.getAsString());
        assertEquals("body#weight", channel.getId());
        assertEquals("weight", channel.getIdWithoutGroup());
        assertEquals("body", channel.getGroupId());
        assertTrue(channel.isInGroup());
        assertEquals(user, channel.getThingUID());
        assertEquals(List.of("acc1"), user.getBridgeIds());
        assertEquals("12345", user.getId());
        assertEquals("withings", channel.getBindingId());
    }

    @Test
    void channelFromGroupUidAndFromStringAreEqual() {
        ThingUID user = new ThingUID(USER_TYPE, "12345");
        ChannelUID viaGroup = new ChannelUID(new ChannelGroupUID(user, "heart"), "systolic");
        ChannelUID parsed = new ChannelUID("withings:user:12345:heart#systolic");

        assertEquals(parsed, viaGroup);
        assertEquals(parsed.hashCode(), viaGroup.hashCode());
        assertEquals("withings:user:12345:heart#systolic", viaGroup.toString());
    }

    @Test
    void channelWithoutGroup() {
        ChannelUID channel = new ChannelUID(new ThingUID(USER_TYPE, "u"), "status");

        assertFalse(channel.isInGroup());
        assertNull(channel.getGroupId());
        assertEquals("status", channel.getIdWithoutGroup());
    }

    @Test
    void invalidSegmentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ThingUID(USER_TYPE, "bad id"));
        assertThrows(IllegalArgumentException.class, () -> new ChannelUID("withings:user:u:a#b#c"));
        assertThrows(IllegalArgumentException.class, () -> new ThingTypeUID("withings"));
    }

    @Test
    void differentUidClassesAreNotEqual() {
        assertNotEquals(new ThingTypeUID("withings:user"), new ChannelTypeUID("withings:user"));
        assertEquals("user", new ChannelTypeUID("withings", "user").getId());
    }
}
