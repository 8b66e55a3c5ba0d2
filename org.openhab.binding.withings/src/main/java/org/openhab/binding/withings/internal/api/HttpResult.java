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
import org.eclipse.jdt.annotation.Nullable;

/**
 * The raw answer of one HTTP request.
 *
 * @param httpStatus the HTTP status code
 * @param contentType the Content-Type header, if any
 * @param body the body as text (UTF-8 unless the server says otherwise)
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public record HttpResult(int httpStatus, @Nullable String contentType, String body) {
}
