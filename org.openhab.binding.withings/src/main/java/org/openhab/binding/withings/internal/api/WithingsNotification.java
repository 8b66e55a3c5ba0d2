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

import java.time.Instant;
import java.util.Optional;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One validated notification from the Withings notify service, as the webhook servlet received it.
 *
 * @param userId the Withings userid it concerns
 * @param appli the notification category (1 weight, 2 temperature, 4 blood pressure, 16 activity, 44 sleep,
 *            46 user, 50 in bed, 51 out of bed, 54 ECG, 58 glucose; others are passed on unchanged)
 * @param startDate start of the changed range, when sent
 * @param endDate end of the changed range, when sent
 * @param date the event date as sent (YYYY-MM-DD or unix seconds), when sent
 * @param deviceId the device, when sent
 * @param action the action of appli 46 (delete, unlink, update), when sent
 * @param received when the servlet received it
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public record WithingsNotification(String userId, int appli, @Nullable Instant startDate, @Nullable Instant endDate,
        @Nullable String date, @Nullable String deviceId, @Nullable String action, Instant received) {

    /** @return the notification category, or empty for an unknown code (logged once at debug level) */
    public Optional<NotifyAppli> category() {
        return NotifyAppli.byCode(appli);
    }
}
