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

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Suite 5, secrets: every other suite hands over what it captured (every log line, page and answer body, status,
 * channel state and time series, Thing property and configuration, exception message) and this scan asserts that no
 * client secret, access token, refresh token, authorization code or webhook secret appears in any of it. Each scan
 * is one row of the report.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SecretScan {

    static final String SUITE = "secrets";

    private SecretScan() {
    }

    /** Scans everything the rig captured for the suite, records the row and fails on a leak. */
    public static void scan(String suite, ReliabilityRig rig) {
        rig.rememberTokens();
        List<String> secrets = rig.secrets.stream().filter(s -> s.length() >= 8).toList();
        List<String> texts = rig.allTexts();
        List<String> leaks = new ArrayList<>();
        long chars = 0;
        for (String text : texts) {
            chars += text.length();
            for (String secret : secrets) {
                int at = text.indexOf(secret);
                if (at >= 0 && leaks.size() < 5) {
                    leaks.add("..." + text.substring(Math.max(0, at - 80), at) + "<SECRET>");
                }
            }
        }
        ReliabilityReport.put(SUITE, "no secret in what " + suite + " produced (" + secrets.size()
                + " secrets against " + texts.size() + " texts, " + chars + " characters)", texts.size(),
                "no client secret, token, code or webhook secret", leaks.isEmpty() ? "none found" : leaks.size()
                        + " leaks", leaks.isEmpty());
        if (!leaks.isEmpty()) {
            fail("a secret appears in: " + leaks);
        }
    }
}
