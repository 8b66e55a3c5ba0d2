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

/**
 * A simulated Withings user and the kind of devices (and therefore data) the user has.
 *
 * @param userid the Withings user id (as returned with the tokens)
 * @param name the display name shown on the consent page
 * @param kind the kind of data the user produces
 *
 * @author Withings binding contributors - Initial contribution
 */
public record SimUser(long userid, String name, Kind kind) {

    /**
     * The kind of simulated user.
     */
    public enum Kind {
        /** Body Scan scale: weight, body composition incl. segmental values, height. */
        SCALE,
        /** Blood pressure monitor with ECG and a thermometer: BP, pulse, SpO2, ECG, body temperature. */
        BPM,
        /** Sleep Analyzer under the mattress: nightly sleep summaries and in-bed events. */
        SLEEP,
        /** ScanWatch: daily activity with heart-rate zones, workouts, SpO2. */
        WATCH
    }
}
