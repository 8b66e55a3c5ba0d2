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
package org.openhab.binding.withings.internal.reliability;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.openhab.binding.withings.internal.handler.OutputCapture;
import org.openhab.binding.withings.simulator.SimulatorOptions;
import org.openhab.binding.withings.simulator.WithingsCloudSimulator;
import org.openhab.core.thing.ThingStatus;

/**
 * What the reliability suites share: the simulator, the rig in front of it and the capture of everything printed
 * (the log) for one test, closed after it.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
abstract class ReliabilitySuite {

    protected @NonNullByDefault({}) WithingsCloudSimulator sim;
    protected @NonNullByDefault({}) ReliabilityRig rig;
    protected @NonNullByDefault({}) OutputCapture output;

    /** Starts the capture, the simulator and a rig (bridge not started yet). */
    protected void open(SimulatorOptions options, long compression) throws Exception {
        output = new OutputCapture();
        sim = WithingsCloudSimulator.start(options);
        rig = new ReliabilityRig(sim, compression);
    }

    /** Links the users through the page and waits for the bridge to be ONLINE. */
    protected void linkAll(List<Long> userids) throws Exception {
        for (long userid : userids) {
            rig.linkThroughThePage(userid);
        }
        rig.awaitStatus(ReliabilityRig.BRIDGE_UID, s -> s.getStatus() == ThingStatus.ONLINE, "bridge ONLINE");
    }

    @AfterEach
    void close() {
        try {
            if (rig != null) {
                rig.close();
            }
            if (sim != null) {
                sim.close();
            }
        } finally {
            if (output != null) {
                output.close();
            }
        }
    }

    /** Warning or error lines of the binding, and stack traces through it (at most 5). */
    static List<String> bindingWarnings(String log) {
        return log.lines().filter(l -> (l.contains("org.openhab") && (l.contains(" WARN ") || l.contains(" ERROR ")))
                || l.contains("\tat org.openhab")).limit(5).toList();
    }
}
