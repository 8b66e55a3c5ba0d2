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
 * One measure of a measure group as Withings sends it: {@code real value = value × 10^unit}.
 *
 * @param type the Withings meastype (1 weight, 9 diastolic, ...)
 * @param value the integer mantissa
 * @param unit the power of ten
 * @param position the body position for segmental values (173/174/175), or {@code null}
 *
 * @author Withings binding contributors - Initial contribution
 */
public record SimMeasure(int type, long value, int unit, Integer position) {

    /**
     * A whole-body measure (no position).
     */
    public SimMeasure(int type, long value, int unit) {
        this(type, value, unit, null);
    }
}
