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
package org.openhab.binding.withings.internal.handler;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.withings.internal.WithingsServices;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.binding.BaseThingHandler;
import org.openhab.core.types.Command;

/**
 * Handler of the Withings device Thing. Not implemented yet: the Thing stays OFFLINE and says so.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class WithingsDeviceHandler extends BaseThingHandler {

    private final WithingsServices services;

    public WithingsDeviceHandler(Thing thing, WithingsServices services) {
        super(thing);
        this.services = services;
    }

    WithingsServices services() {
        return services;
    }

    @Override
    public void initialize() {
        updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, "@text/offline.not-implemented");
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
    }
}
