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
 * A transient communication error without a usable Withings envelope: connection refused, timeout, HTTP error
 * page, HTML, empty, truncated or non-JSON body. The message is short and never holds the request's token or the
 * raw body.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class WithingsCommunicationException extends WithingsApiException {

    private static final long serialVersionUID = 1L;

    public WithingsCommunicationException(String message) {
        super(StatusFamily.TRANSIENT, NO_STATUS, message);
    }
}
