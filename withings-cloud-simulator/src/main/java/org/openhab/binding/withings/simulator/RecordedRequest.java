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
package org.openhab.binding.withings.simulator;

import java.time.Instant;

/**
 * One request the simulator received on its Withings API or OAuth paths (the control API is not recorded).
 *
 * @param path the request path, e.g. {@code /measure}
 * @param action the {@code action} parameter, or {@code null}
 * @param userid the user the bearer token (or authorization code / refresh token) belongs to, 0 when unknown
 * @param status the envelope status answered, or -1 when no envelope was sent (HTML page, redirect, fault)
 * @param httpStatus the HTTP status code answered
 * @param fault the kind of injected fault applied, or {@code null}
 * @param start when the request arrived (simulator clock)
 * @param durationMs how long it took to answer (wall time, including injected delays)
 *
 * @author Withings binding contributors - Initial contribution
 */
public record RecordedRequest(String path, String action, long userid, int status, int httpStatus, String fault,
        Instant start, long durationMs) {
}
