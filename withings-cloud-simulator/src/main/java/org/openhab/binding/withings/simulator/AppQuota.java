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
package org.openhab.binding.withings.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Withings' request quota of one partner application: at most N API requests in any 60 seconds, summed over all
 * users (Withings documents 120 per minute); a request above it is answered with status 601 and not counted. Off
 * (unlimited) when N is 0. The window slides on the simulator's clock.
 *
 * @author Withings binding contributors - Initial contribution
 */
final class AppQuota {

    static final Duration WINDOW = Duration.ofSeconds(60);

    private final Clock clock;
    private final int perMinute;
    private final Deque<Instant> accepted = new ArrayDeque<>();
    private long refused;

    AppQuota(Clock clock, int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** @return true if the request may be served (and counts it), false if it gets 601 */
    synchronized boolean tryAcquire() {
        if (perMinute <= 0) {
            return true;
        }
        Instant now = clock.instant();
        while (!accepted.isEmpty() && !accepted.peekFirst().plus(WINDOW).isAfter(now)) {
            accepted.removeFirst();
        }
        if (accepted.size() >= perMinute) {
            refused++;
            return false;
        }
        accepted.addLast(now);
        return true;
    }

    /** @return the requests answered with 601 so far */
    synchronized long refused() {
        return refused;
    }

    int perMinute() {
        return perMinute;
    }
}
