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
import java.util.Map;

/**
 * One notification POST the simulator sent to a subscribed callback URL.
 *
 * @param userid the user the notification is about
 * @param appli the notification category (1, 2, 4, 16, 44, 50, 51, 54, ...)
 * @param callbackUrl the subscribed URL the form was posted to
 * @param form the form fields sent
 * @param answerCode the HTTP status the callback answered, or -1 when it could not be reached
 * @param time when the answer (or failure) was recorded (simulator clock)
 * @param dropped {@code true} when this failure was the 4th consecutive one and the subscription was removed
 *
 * @author Withings binding contributors - Initial contribution
 */
public record Delivery(long userid, int appli, String callbackUrl, Map<String, String> form, int answerCode,
        Instant time, boolean dropped) {

    /**
     * @return {@code true} when the callback answered with a 2xx status
     */
    public boolean succeeded() {
        return answerCode >= 200 && answerCode < 300;
    }
}
