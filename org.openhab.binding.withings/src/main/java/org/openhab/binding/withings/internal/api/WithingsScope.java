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

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The Withings OAuth scopes the binding asks for, and the one parser of a granted {@code scope} answer.
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

    /** The scopes the binding asks for, in order. */
    public static final List<String> REQUESTED = List.of(INFO, METRICS, ACTIVITY, SLEEP_EVENTS);
    /** {@link #REQUESTED} in Withings' comma-separated form. */
    public static final String REQUESTED_TEXT = String.join(",", REQUESTED);

    private WithingsScope() {
    }

    /**
     * @param scope a {@code scope} as Withings answers it (comma or space separated), or null
     * @return the scopes named in it, in order
     */
    public static Set<String> parse(@Nullable String scope) {
        Set<String> set = new LinkedHashSet<>();
        if (scope != null) {
            for (String s : scope.split("[,\\s]+")) {
                if (!s.isBlank()) {
                    set.add(s.trim());
                }
            }
        }
        return set;
    }

    /**
     * @return the granted scopes; all requested ones when Withings did not say
     */
    public static Set<String> granted(@Nullable String scope) {
        Set<String> set = parse(scope);
        return set.isEmpty() ? new LinkedHashSet<>(REQUESTED) : set;
    }

    /**
     * @return the requested scopes that were not granted, in the order of {@link #REQUESTED}
     */
    public static Set<String> missing(@Nullable String scope) {
        Set<String> granted = parse(scope);
        Set<String> missing = new LinkedHashSet<>();
        for (String s : REQUESTED) {
            if (!granted.contains(s)) {
                missing.add(s);
            }
        }
        return missing;
    }
}
