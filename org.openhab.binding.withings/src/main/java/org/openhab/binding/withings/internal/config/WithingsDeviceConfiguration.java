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
package org.openhab.binding.withings.internal.config;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Configuration of a {@code withings:device} Thing.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class WithingsDeviceConfiguration {

    /** The Withings deviceid. */
    public String deviceId = "";

    /** The Withings userid of the device's owner (filled by discovery; empty: found among the user Things). */
    public String userId = "";
}
