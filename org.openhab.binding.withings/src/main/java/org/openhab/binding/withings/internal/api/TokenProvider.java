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
 * Supplies the access token of one linked Withings user to the {@link WithingsClient}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public interface TokenProvider {

    /**
     * @return a valid access token (refreshed by the implementation when it expired)
     * @throws WithingsAuthException when the user is not or no longer authorised
     * @throws WithingsApiException on a (transient) failure to obtain the token
     */
    String accessToken() throws WithingsApiException;

    /**
     * Forces a refresh, after Withings refused the current access token.
     *
     * @return the new access token
     * @throws WithingsAuthException when the refresh was refused (re-authorisation needed)
     * @throws WithingsApiException on a (transient) failure
     */
    String refreshedAccessToken() throws WithingsApiException;
}
