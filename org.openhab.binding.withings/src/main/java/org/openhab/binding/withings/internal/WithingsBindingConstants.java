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
package org.openhab.binding.withings.internal;

import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.OpenHAB;
import org.openhab.core.thing.ThingTypeUID;

/**
 * Ids shared across the Withings binding.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class WithingsBindingConstants {

    public static final String BINDING_ID = "withings";

    public static final ThingTypeUID THING_TYPE_ACCOUNT = new ThingTypeUID(BINDING_ID, "account");
    public static final ThingTypeUID THING_TYPE_USER = new ThingTypeUID(BINDING_ID, "user");
    public static final ThingTypeUID THING_TYPE_DEVICE = new ThingTypeUID(BINDING_ID, "device");

    public static final Set<ThingTypeUID> SUPPORTED_THING_TYPES = Set.of(THING_TYPE_ACCOUNT, THING_TYPE_USER,
            THING_TYPE_DEVICE);
    public static final Set<ThingTypeUID> DISCOVERABLE_THING_TYPES = Set.of(THING_TYPE_USER, THING_TYPE_DEVICE);

    /** Representation property of a user Thing: the Withings userid. */
    public static final String PROPERTY_USER_ID = "userId";
    /** Representation property of a device Thing: the Withings deviceid. */
    public static final String PROPERTY_DEVICE_ID = "deviceId";
    /** Account bridge property with the webhook state. */
    public static final String PROPERTY_WEBHOOK_STATUS = "webhookStatus";
    /** Account bridge property with the number of linked users. */
    public static final String PROPERTY_LINKED_USERS = "linkedUsers";

    /** Path prefix of every servlet the binding registers. */
    public static final String SERVLET_ROOT = "/" + BINDING_ID;
    public static final String CONNECT_PATH = SERVLET_ROOT + "/connect/";
    public static final String WEBHOOK_PATH = SERVLET_ROOT + "/webhook/";

    /**
     * The User-Agent the binding sends to the Withings cloud, naming the openHAB version it runs in.
     *
     * @return e.g. {@code openHAB/5.2.1 withings-binding}
     */
    public static String userAgent() {
        String version;
        try {
            version = OpenHAB.getVersion();
        } catch (RuntimeException e) {
            // outside an OSGi framework (unit tests) openHAB cannot tell its version
            version = "unknown";
        }
        return "openHAB/" + version + " withings-binding";
    }

    private WithingsBindingConstants() {
    }
}
