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

import static org.junit.jupiter.api.Assertions.*;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhab.binding.withings.internal.handler.OutputCapture;
import org.openhab.binding.withings.simulator.SimulatorOptions;
import org.openhab.binding.withings.simulator.WithingsCloudSimulator;

/**
 * Found by the hostile-input suite, in the linking page's area: the page used to decode posted forms with Jetty's
 * {@code getParameter}, so a body that is not valid UTF-8, an unknown or broken charset or a bad %-escape made Jetty
 * throw (answered 500) and log WARN lines. The page reads its form itself (as the webhook does, both through
 * {@code FormFields}) and answers its own 400 with its explanation, logging at debug only.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class LinkingPageFormEncodingTest {

    @ParameterizedTest
    @ValueSource(strings = { "application/x-www-form-urlencoded|%E2%28%A1", "application/x-www-form-urlencoded; "
            + "charset=nope|action=link", "application/x-www-form-urlencoded|action=%zz&formToken=x" })
    void aBrokenFormIsTheLinkingPagesOwn400WithoutWarning(String spec) throws Exception {
        String[] parts = spec.split("\\|", 2);
        byte[] body = parts[1].startsWith("%E2") ? new byte[] { (byte) 0xE2, 0x28, (byte) 0xA1 }
                : parts[1].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        try (WithingsCloudSimulator sim = WithingsCloudSimulator.start(SimulatorOptions.defaults().port(0));
                ReliabilityRig rig = new ReliabilityRig(sim, 1); OutputCapture output = new OutputCapture()) {
            rig.startBridge();
            HttpResponse<String> r = rig.browser().send(HttpRequest.newBuilder(rig.connectPage())
                    .header("Content-Type", parts[0]).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode());
            assertFalse(r.body().contains("Unable to parse form content"), "the page's own answer");
            assertEquals(List.of(), output.text().lines().filter(l -> l.contains(" WARN ")).toList());
        }
    }
}
