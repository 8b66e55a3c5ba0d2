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
package org.openhab.binding.withings.internal.discovery;

import static org.junit.jupiter.api.Assertions.*;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.dto.Device;

/**
 * Tests the id and label helpers of {@link WithingsDiscoveryService} (the discovery flow itself is covered by the
 * end-to-end test of the account bridge).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsDiscoveryServiceTest {

    @Test
    void deviceUidSegmentsAreShortStableLowerCaseHex() {
        String hash = WithingsDiscoveryService.hash("1f3c8b4a0e2d6f7a9b8c7d6e5f4a3b2c1d0e9f8a");
        assertTrue(hash.matches("[0-9a-f]{16}"), hash);
        assertEquals(hash, WithingsDiscoveryService.hash("1f3c8b4a0e2d6f7a9b8c7d6e5f4a3b2c1d0e9f8a"));
        assertNotEquals(hash, WithingsDiscoveryService.hash("1f3c8b4a0e2d6f7a9b8c7d6e5f4a3b2c1d0e9f8b"));
    }

    @Test
    void userIdsAreKeptAndOddCharactersReplaced() {
        assertEquals("12345", WithingsDiscoveryService.sanitize("12345"));
        assertEquals("a_b", WithingsDiscoveryService.sanitize("a:b"));
    }

    @Test
    void deviceLabelsComeFromModelThenType() {
        Device device = new Device();
        device.type = "Scale";
        assertEquals("Scale", WithingsDiscoveryService.deviceName(device));
        device.model = "Body Cardio";
        assertEquals("Body Cardio", WithingsDiscoveryService.deviceName(device));
        assertEquals("", WithingsDiscoveryService.deviceName(new Device()), "no name: the label says Withings Device");
    }

    @Test
    void labelsAreTranslatedByCoreWithArgumentsCoreCanSplit() {
        assertTrue(WithingsDiscoveryService.USER_LABEL.startsWith("@text/"));
        assertTrue(WithingsDiscoveryService.DEVICE_LABEL.startsWith("@text/"));
        // core splits the arguments at commas and drops brackets and quotes: a name keeps none of them
        assertEquals(" [\"Body Cardio  2\"]", WithingsDiscoveryService.argument("Body Cardio [2]"));
        assertEquals(" [\"A  B\"]", WithingsDiscoveryService.argument("A, B"));
        assertEquals(" [\"Body+ / ScanWatch 2\"]", WithingsDiscoveryService.argument("Body+ / ScanWatch 2"));
    }
}
