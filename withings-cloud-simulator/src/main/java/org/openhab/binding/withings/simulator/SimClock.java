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
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A settable clock for tests: pass it to {@link SimulatorOptions#clock(Clock)} and advance it to expire codes and
 * tokens without waiting.
 *
 * @author Withings binding contributors - Initial contribution
 */
public final class SimClock extends Clock {

    private volatile Instant now;

    /**
     * @param start the initial instant
     */
    public SimClock(Instant start) {
        this.now = start;
    }

    /**
     * Moves the clock forward.
     *
     * @param duration how far
     */
    public void advance(Duration duration) {
        synchronized (this) {
            now = now.plus(duration);
        }
    }

    /**
     * Sets the clock.
     *
     * @param instant the new time
     */
    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
