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

import com.google.gson.annotations.SerializedName;

/**
 * A notification subscription ({@code notify list} / {@code notify get}).
 *
 * @author Withings binding contributors - Initial contribution
 */
public class NotifyProfile {
    /** Notification category. */
    @SerializedName("appli")
    public Integer appli;
    @SerializedName("callbackurl")
    public String callbackurl;
    @SerializedName("comment")
    public String comment;
    /** Unix seconds; 2147483647 = never. */
    @SerializedName("expires")
    public Long expires;
}
