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
package org.openhab.binding.withings.internal.handler;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Told by the {@link SubscriptionManager} when a user's subscription status changes. Called on the manager's
 * scheduler, never while the manager holds a lock.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public interface SubscriptionListener {

    /**
     * @param userId the Withings userid
     * @param status the new status
     */
    void onStatusChanged(String userId, SubscriptionStatus status);
}
