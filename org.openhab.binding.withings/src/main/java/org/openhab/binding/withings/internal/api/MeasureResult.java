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

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.dto.MeasureGroup;

/**
 * The result of {@code getmeas} with every page followed.
 *
 * @param groups every measure group of every page, in the order received (not sorted, not de-duplicated)
 * @param updateTime the server's {@code updatetime} of the first page (unix seconds): store it as the next
 *            {@code lastupdate} when {@code complete}; null if Withings sent none
 * @param timezone the user's IANA zone, if sent
 * @param complete false if the page bound was hit before {@code more} became 0
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public record MeasureResult(List<MeasureGroup> groups, @Nullable Long updateTime, @Nullable String timezone,
        boolean complete) {
}
