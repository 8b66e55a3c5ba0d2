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
 * No request budget: Withings answered 601, or the bridge's {@link WithingsRateLimiter} had none left. The caller
 * reschedules its work after {@link #retryAfter()}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class WithingsRateLimitException extends WithingsApiException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public WithingsRateLimitException(int status, String message, Duration retryAfter) {
        super(StatusFamily.TOO_MANY_REQUESTS, status, message);
        this.retryAfter = retryAfter;
    }

    public WithingsRateLimitException(int status, String message) {
        this(status, message, StatusFamily.TOO_MANY_REQUESTS.initialRetryDelay());
    }

    /** @return when the budget is back */
    public Duration retryAfter() {
        return retryAfter;
    }
}
