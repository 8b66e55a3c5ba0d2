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

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Base of every error of the Withings client: the {@link StatusFamily}, the Withings {@code status} (or
 * {@link #NO_STATUS} when the answer had no envelope) and a short message that never holds a secret.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class WithingsApiException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The status of an error that did not come from a Withings envelope. */
    public static final int NO_STATUS = -1;

    private final StatusFamily family;
    private final int status;

    public WithingsApiException(StatusFamily family, int status, String message) {
        super(message);
        this.family = family;
        this.status = status;
    }

    /**
     * @return the family that decides what the caller does ({@link StatusFamily#action()})
     */
    public StatusFamily getFamily() {
        return family;
    }

    /**
     * @return the Withings status code, or {@link #NO_STATUS}
     */
    public int getStatus() {
        return status;
    }

    /**
     * Creates the typed exception for a non-zero Withings status.
     *
     * @param status the JSON status
     * @param what a short, secret-free description of the call, e.g. {@code "measure getmeas"}
     * @return the exception of the status' family
     */
    public static WithingsApiException forStatus(int status, String what) {
        StatusFamily family = StatusFamily.of(status);
        String message = what + ": Withings status " + status;
        return switch (family) {
            case AUTH_FAILED -> new WithingsAuthException(status, message + " (authentication failed)");
            case UNAUTHORIZED -> new WithingsUnauthorizedException(status, message + " (missing permission)");
            case TOO_MANY_REQUESTS -> new WithingsRateLimitException(status, message + " (too many requests)");
            case INVALID_PARAMS -> new WithingsApiException(family, status, message + " (invalid parameters)");
            case NOT_IMPLEMENTED -> new WithingsApiException(family, status, message + " (not implemented)");
            case TIMEOUT -> new WithingsApiException(family, status, message + " (timeout)");
            case BAD_STATE -> new WithingsApiException(family, status, message + " (bad state)");
            case TRANSIENT -> new WithingsApiException(family, status, message + " (error)");
            case SUCCESS, UNKNOWN -> new WithingsApiException(StatusFamily.UNKNOWN, status, message + " (unknown error)");
        };
    }
}
