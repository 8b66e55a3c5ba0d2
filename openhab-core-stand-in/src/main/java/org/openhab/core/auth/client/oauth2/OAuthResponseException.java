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
 * Compile-time stand-in mirroring org.openhab.core.auth.client.oauth2.OAuthResponseException of openHAB core 5.2.1;
 * never shipped. Carries the error fields of an OAuth error response (RFC 6749 section 5.2).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class OAuthResponseException extends Exception {

    private static final long serialVersionUID = 1L;

    private @Nullable String error;
    private @Nullable String errorDescription;
    private @Nullable String errorUri;
    private @Nullable String state;

    public OAuthResponseException() {
        super();
    }

    public @Nullable String getError() {
        return error;
    }

    public void setError(@Nullable String error) {
        this.error = error;
    }

    public @Nullable String getErrorDescription() {
        return errorDescription;
    }

    public void setErrorDescription(@Nullable String errorDescription) {
        this.errorDescription = errorDescription;
    }

    public @Nullable String getErrorUri() {
        return errorUri;
    }

    public void setErrorUri(@Nullable String errorUri) {
        this.errorUri = errorUri;
    }

    public @Nullable String getState() {
        return state;
    }

    public void setState(@Nullable String state) {
        this.state = state;
    }

    @Override
    public String toString() {
        return "OAuthResponseException [error=" + error + ", errorDescription=" + errorDescription + ", errorUri="
                + errorUri + ", state=" + state + "]";
    }
}
