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

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.withings.internal.api.NotifyAppli;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.api.WithingsNotification;
import org.openhab.binding.withings.internal.api.WithingsScope;
import org.openhab.binding.withings.internal.config.WithingsAccountConfiguration;
import org.openhab.binding.withings.internal.mapping.States;
import org.openhab.core.library.types.OnOffType;

/**
 * In-bed presence ({@code presence} group) from appli 50 and 51 alone: no request, no poll, nothing restored after a
 * restart (the bed state is not guessed).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class PresenceUnit extends DataUnit {

    static final String IN_BED = "presence#in-bed";
    static final String EVENT = "presence#bed-event";
    static final String LAST = "presence#last-bed-event";

    PresenceUnit(WithingsUserHandler handler) {
        super(handler, "presence", WithingsScope.SLEEP_EVENTS, Set.of(NotifyAppli.BED_IN, NotifyAppli.BED_OUT));
    }

    @Override
    List<String> channels() {
        return List.of(IN_BED, LAST);
    }

    @Override
    long configuredInterval(WithingsAccountConfiguration config, boolean webhooksHealthy) {
        return 0;
    }

    @Override
    void fetch(WithingsClient client, TokenProvider tp) {
        // nothing to fetch: Withings has no request for the bed state
    }

    @Override
    void refreshed() {
        // the states were republished; nothing to fetch
    }

    @Override
    void notified(WithingsNotification notification) {
        boolean inBed = notification.category().orElse(null) == NotifyAppli.BED_IN;
        handler.publish(IN_BED, OnOffType.from(inBed));
        handler.publish(LAST, States.dateTime(eventTime(notification), handler.zone()));
        handler.trigger(EVENT, inBed ? "IN_BED" : "OUT_BED");
    }

    /** The time of an event notification: its unix date, else its start date, else when it was received. */
    static Instant eventTime(WithingsNotification notification) {
        String date = notification.date();
        if (date != null && !date.isBlank() && date.chars().allMatch(Character::isDigit)) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(date));
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        Instant start = notification.startDate();
        return start != null ? start : notification.received();
    }
}
