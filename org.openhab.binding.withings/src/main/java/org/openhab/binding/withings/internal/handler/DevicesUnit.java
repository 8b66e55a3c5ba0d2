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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.withings.internal.api.NotifyAppli;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.api.WithingsScope;
import org.openhab.binding.withings.internal.config.WithingsAccountConfiguration;

/**
 * The user's devices (battery, last sync): listed through the bridge, which keeps the list and hands each device to
 * its device Thing, at the devices interval and, at most hourly, after a data notification (a device that just
 * synced is when its battery and last sync change). The user Thing itself has no device channels.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class DevicesUnit extends DataUnit {

    /** At most one extra listing per hour after data notifications, a minute after the first of a burst. */
    static final Duration AFTER_DATA_SPACING = Duration.ofHours(1);
    static final Duration AFTER_DATA_DELAY = Duration.ofMinutes(1);

    DevicesUnit(WithingsUserHandler handler) {
        super(handler, "devices", WithingsScope.INFO, Set.of());
    }

    @Override
    List<String> channels() {
        return List.of();
    }

    @Override
    long configuredInterval(WithingsAccountConfiguration config, boolean webhooksHealthy) {
        return config.devicesInterval;
    }

    @Override
    void observed(NotifyAppli appli) {
        if (appli == NotifyAppli.BED_IN || appli == NotifyAppli.BED_OUT || appli == NotifyAppli.USER
                || !handler.isActive()) {
            return; // no device data changed
        }
        Instant now = handler.clock.instant();
        Instant last = lastFetch;
        Instant at = now.plus(AFTER_DATA_DELAY);
        if (last != null && last.plus(AFTER_DATA_SPACING).isAfter(at)) {
            at = last.plus(AFTER_DATA_SPACING);
        }
        Instant next = nextPoll;
        if (next == null || next.isAfter(at)) {
            schedulePoll(Math.max(1, Duration.between(now, at).toSeconds()));
        }
    }

    @Override
    void fetch(WithingsClient client, TokenProvider tp) throws WithingsApiException {
        WithingsAccountAccess account = handler.account();
        if (account != null) {
            account.listDevices(handler.userId(), tp);
        }
    }
}
