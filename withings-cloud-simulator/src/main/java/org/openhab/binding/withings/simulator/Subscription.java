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

/**
 * A notify subscription of one user (unique per user, appli and callback URL).
 *
 * @param userid the subscribed user
 * @param appli the notification category
 * @param callbackUrl the callback URL
 * @param comment the comment given on subscribe
 * @param consecutiveFailures failed deliveries in a row (the subscription is dropped at 4)
 *
 * @author Withings binding contributors - Initial contribution
 */
public record Subscription(long userid, int appli, String callbackUrl, String comment, int consecutiveFailures) {
}
