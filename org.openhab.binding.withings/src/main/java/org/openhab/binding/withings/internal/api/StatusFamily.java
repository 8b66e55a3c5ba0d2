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

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The families of Withings API {@code status} codes and, encoded once, what a caller does about each of them.
 * Withings documents families only; {@link #of(int)} maps every documented code range, anything else is
 * {@link #UNKNOWN} (treated as a transient error).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public enum StatusFamily {
    /** Status 0. */
    SUCCESS(Action.NONE, Duration.ZERO),
    /** Authentication failed (expired/revoked token): refresh once and retry once, then re-authorise. */
    AUTH_FAILED(Action.REAUTHORIZE, Duration.ZERO),
    /** Invalid parameters: a bug or a configuration error; never retried. */
    INVALID_PARAMS(Action.STOP, Duration.ZERO),
    /** Missing permission or scope: configuration error, never retried. */
    UNAUTHORIZED(Action.STOP, Duration.ZERO),
    /** Feature not available: disable it, never retried. */
    NOT_IMPLEMENTED(Action.STOP, Duration.ZERO),
    /** "An error occurred": transient, retried with exponential back-off. */
    TRANSIENT(Action.BACK_OFF, Duration.ofSeconds(30)),
    /** Timeout: retried soon. */
    TIMEOUT(Action.BACK_OFF, Duration.ofSeconds(10)),
    /** Bad state: retried in minutes. */
    BAD_STATE(Action.BACK_OFF, Duration.ofMinutes(5)),
    /** Too many requests (601): the whole application (bridge) pauses for minutes. */
    TOO_MANY_REQUESTS(Action.PAUSE_APPLICATION, Duration.ofMinutes(5)),
    /** A status outside every documented family (or missing): an unknown transient error. */
    UNKNOWN(Action.BACK_OFF, Duration.ofSeconds(30));

    /**
     * What a caller does after an answer of a family.
     */
    public enum Action {
        /** Nothing to do: success. */
        NONE,
        /** Refresh the token once and retry once; if that fails too, the user must re-authorise. */
        REAUTHORIZE,
        /** Do not retry: a bug, a configuration error or a missing feature. */
        STOP,
        /** Retry later with exponential back-off starting at {@link StatusFamily#initialRetryDelay()}. */
        BACK_OFF,
        /** Pause every request of the application (bridge) for the cool-down, then retry. */
        PAUSE_APPLICATION
    }

    private static final int[][] AUTH_FAILED_CODES = { { 100, 102 }, { 200, 200 }, { 401, 401 } };
    private static final int[][] INVALID_PARAMS_CODES = { { 201, 213 }, { 216, 218 }, { 220, 221 }, { 223, 223 },
            { 225, 225 }, { 227, 230 }, { 234, 236 }, { 238, 238 }, { 240, 252 }, { 254, 254 }, { 260, 267 },
            { 271, 272 }, { 275, 276 }, { 283, 288 }, { 290, 290 }, { 293, 295 }, { 297, 297 }, { 300, 304 },
            { 321, 321 }, { 323, 353 }, { 380, 382 }, { 400, 400 }, { 501, 511 }, { 523, 523 }, { 532, 532 },
            { 3017, 3019 } };
    private static final int[][] UNAUTHORIZED_CODES = { { 214, 214 }, { 277, 277 }, { 2553, 2553 }, { 2555, 2555 } };
    private static final int[][] NOT_IMPLEMENTED_CODES = { { 2554, 2554 } };
    private static final int[][] TRANSIENT_CODES = { { 215, 215 }, { 219, 219 }, { 222, 222 }, { 224, 224 },
            { 226, 226 }, { 231, 233 }, { 237, 237 }, { 253, 253 }, { 255, 259 }, { 268, 270 }, { 273, 274 },
            { 278, 282 }, { 289, 289 }, { 291, 292 }, { 296, 296 }, { 298, 298 }, { 305, 320 }, { 322, 322 },
            { 370, 375 }, { 383, 383 }, { 391, 391 }, { 402, 402 }, { 516, 521 }, { 525, 531 }, { 533, 533 },
            { 602, 602 }, { 700, 700 }, { 1051, 1054 }, { 2551, 2552 }, { 2556, 2559 }, { 3000, 3016 },
            { 3020, 3024 }, { 5000, 5006 }, { 6000, 6000 }, { 6010, 6011 }, { 9000, 9000 }, { 10000, 10000 } };

    private final Action action;
    private final Duration initialRetryDelay;

    StatusFamily(Action action, Duration initialRetryDelay) {
        this.action = action;
        this.initialRetryDelay = initialRetryDelay;
    }

    /**
     * Maps a Withings {@code status} code to its family.
     *
     * @param status the JSON {@code status} of an answer
     * @return the family; {@link #UNKNOWN} for codes outside every documented range
     */
    public static StatusFamily of(int status) {
        if (status == 0) {
            return SUCCESS;
        }
        if (status == 601) {
            return TOO_MANY_REQUESTS;
        }
        if (status == 522) {
            return TIMEOUT;
        }
        if (status == 524) {
            return BAD_STATE;
        }
        if (in(status, AUTH_FAILED_CODES)) {
            return AUTH_FAILED;
        }
        if (in(status, INVALID_PARAMS_CODES)) {
            return INVALID_PARAMS;
        }
        if (in(status, UNAUTHORIZED_CODES)) {
            return UNAUTHORIZED;
        }
        if (in(status, NOT_IMPLEMENTED_CODES)) {
            return NOT_IMPLEMENTED;
        }
        if (in(status, TRANSIENT_CODES)) {
            return TRANSIENT;
        }
        return UNKNOWN;
    }

    private static boolean in(int status, int[][] ranges) {
        for (int[] range : ranges) {
            if (status >= range[0] && status <= range[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return what a caller does after an answer of this family
     */
    public Action action() {
        return action;
    }

    /**
     * @return true if the same request may succeed later without any change (back-off or application pause)
     */
    public boolean isRetryable() {
        return action == Action.BACK_OFF || action == Action.PAUSE_APPLICATION;
    }

    /**
     * @return true if the token is refreshed once and the request retried once; if that fails, re-authorise
     */
    public boolean needsReauthorization() {
        return action == Action.REAUTHORIZE;
    }

    /**
     * @return true if retrying cannot help (configuration error, bug, missing scope or feature)
     */
    public boolean isPermanent() {
        return action == Action.STOP;
    }

    /**
     * @return true if the whole application (all users of the bridge) pauses
     */
    public boolean pausesApplication() {
        return action == Action.PAUSE_APPLICATION;
    }

    /**
     * @return the first retry delay of a retryable family (doubled by the caller on each further failure);
     *         {@link Duration#ZERO} for families that are not retried
     */
    public Duration initialRetryDelay() {
        return initialRetryDelay;
    }
}
