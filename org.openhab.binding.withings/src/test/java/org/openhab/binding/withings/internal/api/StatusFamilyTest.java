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

import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.withings.internal.api.StatusFamily.*;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Every code range of the Withings status table (withings-api.md section 3) maps to its family, with the first
 * and last code of each range checked, and the policy of each family.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class StatusFamilyTest {

    /** The documented table: ranges "a-b" or single codes. */
    private static final Map<StatusFamily, String> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put(SUCCESS, "0");
        TABLE.put(AUTH_FAILED, "100-102, 200, 401");
        TABLE.put(INVALID_PARAMS, "201-213, 216-218, 220-221, 223, 225, 227-230, 234-236, 238, 240-252, 254, "
                + "260-267, 271-272, 275-276, 283-288, 290, 293-295, 297, 300-304, 321, 323-353, 380-382, 400, "
                + "501-511, 523, 532, 3017-3019");
        TABLE.put(UNAUTHORIZED, "214, 277, 2553, 2555");
        TABLE.put(NOT_IMPLEMENTED, "2554");
        TABLE.put(TRANSIENT, "215, 219, 222, 224, 226, 231-233, 237, 253, 255-259, 268-270, 273-274, 278-282, "
                + "289, 291-292, 296, 298, 305-320, 322, 370-375, 383, 391, 402, 516-521, 525-531, 533, 602, 700, "
                + "1051-1054, 2551-2552, 2556-2559, 3000-3016, 3020-3024, 5000-5006, 6000, 6010-6011, 9000, 10000");
        TABLE.put(TIMEOUT, "522");
        TABLE.put(BAD_STATE, "524");
        TABLE.put(TOO_MANY_REQUESTS, "601");
    }

    @Test
    void everyDocumentedCodeMapsToItsFamily() {
        int checked = 0;
        for (Map.Entry<StatusFamily, String> entry : TABLE.entrySet()) {
            for (String part : entry.getValue().split(",\\s*")) {
                String[] bounds = part.split("-");
                int from = Integer.parseInt(bounds[0].trim());
                int to = bounds.length > 1 ? Integer.parseInt(bounds[1].trim()) : from;
                for (int code = from; code <= to; code++) {
                    assertEquals(entry.getKey(), StatusFamily.of(code), "status " + code);
                    checked++;
                }
            }
        }
        assertTrue(checked > 250, "checked " + checked);
    }

    @Test
    void undocumentedCodesAreUnknown() {
        for (int code : new int[] { -1, 1, 99, 103, 199, 239, 299, 354, 369, 376, 379, 384, 390, 392, 399,
                403, 500, 512, 515, 534, 600, 603, 701, 1050, 1055, 2550, 2560, 2999, 3025, 4999, 5007, 6001, 6012,
                9001, 10001 }) {
            assertEquals(UNKNOWN, StatusFamily.of(code), "status " + code);
        }
    }

    @Test
    void policyIsEncodedOnce() {
        assertFalse(SUCCESS.isRetryable());
        assertTrue(AUTH_FAILED.needsReauthorization());
        assertFalse(AUTH_FAILED.isRetryable());
        for (StatusFamily stop : new StatusFamily[] { INVALID_PARAMS, UNAUTHORIZED, NOT_IMPLEMENTED }) {
            assertTrue(stop.isPermanent(), stop.name());
            assertFalse(stop.isRetryable(), stop.name());
            assertEquals(Duration.ZERO, stop.initialRetryDelay());
        }
        for (StatusFamily retry : new StatusFamily[] { TRANSIENT, TIMEOUT, BAD_STATE, UNKNOWN }) {
            assertTrue(retry.isRetryable(), retry.name());
            assertEquals(Action.BACK_OFF, retry.action());
            assertTrue(retry.initialRetryDelay().compareTo(Duration.ZERO) > 0);
        }
        assertTrue(TIMEOUT.initialRetryDelay().compareTo(BAD_STATE.initialRetryDelay()) < 0);
        assertTrue(BAD_STATE.initialRetryDelay().compareTo(Duration.ofMinutes(1)) >= 0);
        assertTrue(TOO_MANY_REQUESTS.pausesApplication());
        assertTrue(TOO_MANY_REQUESTS.initialRetryDelay().compareTo(Duration.ofMinutes(1)) >= 0);
        assertEquals(1, Arrays.stream(values()).filter(StatusFamily::pausesApplication).count());
    }

    @Test
    void forStatusBuildsTheCaughtTypesAndCarriesTheFamilyWithoutSecrets() {
        assertInstanceOf(WithingsAuthException.class, WithingsApiException.forStatus(401, "x"));
        assertEquals(INVALID_PARAMS, WithingsApiException.forStatus(294, "x").getFamily());
        assertInstanceOf(WithingsUnauthorizedException.class, WithingsApiException.forStatus(2553, "x"));
        assertEquals(NOT_IMPLEMENTED, WithingsApiException.forStatus(2554, "x").getFamily());
        assertEquals(TIMEOUT, WithingsApiException.forStatus(522, "x").getFamily());
        assertEquals(BAD_STATE, WithingsApiException.forStatus(524, "x").getFamily());
        assertInstanceOf(WithingsRateLimitException.class, WithingsApiException.forStatus(601, "x"));
        WithingsApiException transientError = WithingsApiException.forStatus(5000, "/v2/sleep getsummary");
        assertEquals(WithingsApiException.class, transientError.getClass(), "a family no caller catches apart");
        assertEquals(TRANSIENT, transientError.getFamily());
        assertEquals("/v2/sleep getsummary: Withings status 5000 (error)", transientError.getMessage());
        assertEquals(UNKNOWN, WithingsApiException.forStatus(42, "x").getFamily());
    }
}
