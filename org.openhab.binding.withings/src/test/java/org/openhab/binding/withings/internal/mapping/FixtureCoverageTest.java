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
package org.openhab.binding.withings.internal.mapping;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.dto.NotifyProfile;

/**
 * Every fixture file is used by a mapping test of this package, except the notify captures, which carry no channel
 * data (they are checked here to parse, and by the client and webhook tests).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class FixtureCoverageTest {

    static final Set<String> MAPPED = Set.of("aiowithings/activity.json", "aiowithings/device.json",
            "aiowithings/goals.json", "aiowithings/goals_1.json", "aiowithings/measurement.json",
            "aiowithings/measurement_list_2.json", "aiowithings/no_goals.json", "aiowithings/sleep_summary.json",
            "aiowithings/workouts.json", "home-assistant/activity.json", "home-assistant/devices.json",
            "home-assistant/goals.json", "home-assistant/goals_1.json", "home-assistant/measurements.json",
            "home-assistant/measurements_1.json", "home-assistant/sleep_summaries.json",
            "home-assistant/workouts.json", "home-assistant/legacy/get_device.json",
            "home-assistant/legacy/get_meas.json", "home-assistant/legacy/get_meas_1.json",
            "home-assistant/legacy/get_sleep.json", "home-assistant/legacy/person0_get_device.json",
            "constructed/scanwatch2_sleep_summary.json", "constructed/swim_workouts.json",
            "constructed/sleep_get_night.json", "constructed/intraday_activity.json");

    static final Set<String> NOTIFY = Set.of("aiowithings/notify_list.json", "aiowithings/notify_revoke.json",
            "aiowithings/notify_subscribe.json", "home-assistant/notifications.json",
            "home-assistant/legacy/notify_list.json", "home-assistant/legacy/person0_notify_list.json");

    @Test
    void everyFixtureIsMappedOrIsANotifyCapture() throws Exception {
        Set<String> files;
        try (Stream<Path> walk = Files.walk(Fixtures.ROOT)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".json"))
                    .map(p -> Fixtures.ROOT.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> known = new TreeSet<>(MAPPED);
        known.addAll(NOTIFY);
        assertEquals(known, files);
    }

    @Test
    void notifyCapturesCarryNoChannelData() throws Exception {
        assertEquals(3, Fixtures.list("home-assistant/notifications.json", "profiles", NotifyProfile.class).size());
        assertEquals(3,
                Fixtures.list("home-assistant/legacy/notify_list.json", "profiles", NotifyProfile.class).size());
        assertTrue(Fixtures.list("home-assistant/legacy/person0_notify_list.json", "profiles", NotifyProfile.class)
                .isEmpty());
        assertFalse(Fixtures.list("aiowithings/notify_list.json", "profiles", NotifyProfile.class).isEmpty());
        assertTrue(Fixtures.body("aiowithings/notify_revoke.json").isJsonObject());
        assertTrue(Fixtures.body("aiowithings/notify_subscribe.json").isJsonObject());
    }
}
