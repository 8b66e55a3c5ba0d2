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
package org.openhab.binding.withings.internal.dto;

import java.util.List;

import com.google.gson.annotations.JsonAdapter;
import com.google.gson.annotations.SerializedName;

/**
 * Body of {@code v2/heart list}.
 *
 * @author Withings binding contributors - Initial contribution
 */
public class HeartBody {
    /** Recordings. */
    @SerializedName("series")
    public List<HeartSeries> series;
    /** True while more pages follow (int 0/1 or boolean on the wire). */
    @JsonAdapter(BooleanFlagAdapter.class)
    @SerializedName("more")
    public Boolean more;
    /** Offset to send for the next page. */
    @SerializedName("offset")
    public Integer offset;
}
