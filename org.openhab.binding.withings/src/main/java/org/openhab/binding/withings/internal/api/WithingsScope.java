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

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The OAuth scopes of the Withings API the binding uses.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class WithingsScope {

    /** Profile and goals. */
    public static final String INFO = "user.info";
    /** Measures (body, heart, ECG, glucose). */
    public static final String METRICS = "user.metrics";
    /** Activity, workouts and sleep. */
    public static final String ACTIVITY = "user.activity";
    /** Bed in/out events of sleep monitors. */
    public static final String SLEEP_EVENTS = "user.sleepevents";

    private WithingsScope() {
    }
}
