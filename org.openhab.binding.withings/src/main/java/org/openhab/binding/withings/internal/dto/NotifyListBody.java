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

import com.google.gson.annotations.SerializedName;

/**
 * Body of {@code notify list}.
 *
 * @author Withings binding contributors - Initial contribution
 */
public class NotifyListBody {
    @SerializedName("profiles")
    public List<NotifyProfile> profiles;
}
