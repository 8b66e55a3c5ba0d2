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

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notification categories ({@code appli}) of the Notify API and the scope each needs. Unknown codes are
 * tolerated: {@link #byCode(int)} is empty and the code is logged once at debug level.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public enum NotifyAppli {
    /** Weight and body composition. */
    WEIGHT(1, WithingsScope.METRICS),
    /** Temperature. */
    TEMPERATURE(2, WithingsScope.METRICS),
    /** Blood pressure, pulse, SpO2. */
    PRESSURE(4, WithingsScope.METRICS),
    /** Activity and workouts. */
    ACTIVITY(16, WithingsScope.ACTIVITY),
    /** Sleep summary ready. */
    SLEEP(44, WithingsScope.ACTIVITY),
    /** Profile change (action delete / unlink / update). */
    USER(46, WithingsScope.INFO),
    /** In bed. */
    BED_IN(50, WithingsScope.SLEEP_EVENTS),
    /** Out of bed. */
    BED_OUT(51, WithingsScope.SLEEP_EVENTS),
    /** Sleep mat inflated. */
    INFLATE_DONE(52, WithingsScope.SLEEP_EVENTS),
    /** Device without account. */
    NO_ACCOUNT(53, WithingsScope.METRICS),
    /** New ECG. */
    ECG(54, WithingsScope.METRICS),
    /** ECG failed. */
    ECG_FAILED(55, WithingsScope.METRICS),
    /** Glucose. */
    GLUCOSE(58, WithingsScope.METRICS);

    private static final Logger LOGGER = LoggerFactory.getLogger(NotifyAppli.class);
    private static final Set<Integer> LOGGED_UNKNOWN = ConcurrentHashMap.newKeySet();

    private final int code;
    private final String scope;

    NotifyAppli(int code, String scope) {
        this.code = code;
        this.scope = scope;
    }

    /**
     * @return the appli code
     */
    public int code() {
        return code;
    }

    /**
     * @return the OAuth scope the category needs
     */
    public String scope() {
        return scope;
    }

    /**
     * @return the category, or empty for an unknown code (logged once at debug level)
     */
    public static Optional<NotifyAppli> byCode(int code) {
        for (NotifyAppli appli : values()) {
            if (appli.code == code) {
                return Optional.of(appli);
            }
        }
        if (LOGGED_UNKNOWN.add(code)) {
            LOGGER.debug("Ignoring unknown Withings notification category {}", code);
        }
        return Optional.empty();
    }
}
