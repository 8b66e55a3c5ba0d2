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
package org.openhab.binding.withings.internal.api;

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The one exponential back-off of the binding: the first delay after one failure, doubled on each further
 * consecutive failure, never longer than the maximum.
 *
 * @param first the delay after the first failure
 * @param max the longest delay
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public record Backoff(Duration first, Duration max) {

    /** 1, 2, 4, 8, 16, 30, 30 … minutes: retries of data fetches and token checks. */
    public static final Backoff MINUTES = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(30));

    /**
     * @param failures consecutive failures so far (1 for the first; smaller values count as 1)
     * @return the delay before the next attempt
     */
    public Duration delay(int failures) {
        Duration delay = first;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
