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
package org.openhab.binding.withings.internal.servlet;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.withings.internal.api.WithingsNotification;

/**
 * Where the {@link WithingsWebhookServlet} hands validated notifications: implemented by the account bridge. Both
 * methods are called on a servlet thread and must return at once.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public interface WebhookDispatcher {

    /**
     * @param userId a Withings userid (decimal digits)
     * @return whether the bridge has this user linked; notifications for other users are refused
     */
    boolean knowsUser(String userId);

    /**
     * Takes a validated notification. Must only enqueue it (the bridge processes it on its scheduler), because the
     * servlet answers Withings only after this returns.
     */
    void dispatch(WithingsNotification notification);
}
