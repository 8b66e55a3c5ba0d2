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
package org.openhab.core.auth.client.oauth2;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Compile-time stand-in mirroring org.openhab.core.auth.client.oauth2.OAuthException of openHAB core 5.2.1; never
 * shipped.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class OAuthException extends Exception {

    private static final long serialVersionUID = 1L;

    public OAuthException() {
        super();
    }

    public OAuthException(String message) {
        super(message);
    }

    public OAuthException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    public OAuthException(@Nullable Throwable cause) {
        super(cause);
    }
}
