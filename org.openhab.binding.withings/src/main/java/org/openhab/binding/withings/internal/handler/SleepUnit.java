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

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.api.DateQuery;
import org.openhab.binding.withings.internal.api.NotifyAppli;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.api.WithingsScope;
import org.openhab.binding.withings.internal.config.WithingsAccountConfiguration;
import org.openhab.binding.withings.internal.dto.SleepSummary;
import org.openhab.binding.withings.internal.mapping.SleepMapper;

/**
 * The last night ({@code sleep} group): sleep {@code getsummary} since the {@code sleep} cursor, polled and on
 * appli 44.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class SleepUnit extends DataUnit {

    private static final List<String> CHANNELS = SleepMapper.CHANNELS.stream().map(c -> SleepMapper.GROUP + "#" + c)
            .toList();

    private @Nullable SleepSummary latest;

    SleepUnit(WithingsUserHandler handler) {
        super(handler, "sleep", WithingsScope.ACTIVITY, Set.of(NotifyAppli.SLEEP));
    }

    @Override
    List<String> channels() {
        return CHANNELS;
    }

    @Override
    long configuredInterval(WithingsAccountConfiguration config, boolean webhooksHealthy) {
        return pushAware(config.sleepInterval, config, webhooksHealthy);
    }

    @Override
    void fetch(WithingsClient client, TokenProvider tp) throws WithingsApiException {
        Instant requested = handler.clock.instant();
        List<SleepSummary> summaries = client.getSleepSummaries(tp, DateQuery.since(since(key())));
        SleepMapper.Result mapped = SleepMapper.map(latest, summaries, handler.zone());
        SleepSummary night = mapped.latest();
        latest = night;
        if (night != null) {
            handler.store.putSnapshot(key(), night);
        }
        handler.publish(mapped.data());
        cursor(key(), requested);
    }

    @Override
    void restore() {
        SleepSummary night = handler.store.snapshot(key(), SleepSummary.class);
        latest = night;
        if (night != null) {
            handler.publishStates(SleepMapper.values(night, handler.zone()));
        }
    }
}
