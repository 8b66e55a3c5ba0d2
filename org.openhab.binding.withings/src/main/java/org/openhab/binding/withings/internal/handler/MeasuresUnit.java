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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.withings.internal.api.MeasureQuery;
import org.openhab.binding.withings.internal.api.MeasureResult;
import org.openhab.binding.withings.internal.api.MeasureType;
import org.openhab.binding.withings.internal.api.NotifyAppli;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.api.WithingsNotification;
import org.openhab.binding.withings.internal.api.WithingsScope;
import org.openhab.binding.withings.internal.config.WithingsAccountConfiguration;
import org.openhab.binding.withings.internal.dto.MeasureGroup;
import org.openhab.binding.withings.internal.mapping.HeartListMapper;
import org.openhab.binding.withings.internal.mapping.MeasureMapper;

import com.google.gson.reflect.TypeToken;

/**
 * Body and heart measures ({@code body}, {@code heart} groups): {@code getmeas} since the {@code measures} cursor,
 * polled and on appli 1, 2, 4 and 58; on appli 54 the heart list and the ECG measure types. The measure groups the
 * mapper retains (e.g. the last height, for the BMI) are kept as a snapshot.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class MeasuresUnit extends DataUnit {

    private static final String HEART = "heart";
    private static final List<String> CHANNELS;
    static {
        List<String> channels = new ArrayList<>();
        for (String group : List.of(MeasureType.GROUP_BODY, MeasureType.GROUP_HEART)) {
            MeasureType.channelIds(group).forEach(id -> channels.add(group + "#" + id));
            channels.add(group + "#" + MeasureMapper.LAST_MEASURED);
        }
        channels.add(MeasureMapper.BMI);
        CHANNELS = List.copyOf(channels);
    }

    private List<MeasureGroup> retained = List.of();
    /** What the next fetch reads: the measures, the heart list (appli 54), or both. */
    private volatile boolean measuresWanted = true;
    private volatile boolean heartWanted;

    MeasuresUnit(WithingsUserHandler handler) {
        super(handler, "measures", WithingsScope.METRICS, Set.of(NotifyAppli.WEIGHT, NotifyAppli.TEMPERATURE,
                NotifyAppli.PRESSURE, NotifyAppli.GLUCOSE, NotifyAppli.ECG));
    }

    @Override
    List<String> channels() {
        return CHANNELS;
    }

    @Override
    long configuredInterval(WithingsAccountConfiguration config, boolean webhooksHealthy) {
        return pushAware(config.bodyInterval, config, webhooksHealthy);
    }

    @Override
    void notified(WithingsNotification notification) {
        if (notification.category().orElse(null) == NotifyAppli.ECG) {
            heartWanted = true;
        } else {
            measuresWanted = true;
        }
        handler.coalesce(this);
    }

    @Override
    synchronized void sync() {
        if (!measuresWanted && !heartWanted) {
            measuresWanted = true; // a poll, a refresh or a retry
        }
        super.sync();
    }

    @Override
    void fetch(WithingsClient client, TokenProvider tp) throws WithingsApiException {
        if (heartWanted) {
            fetchHeart(client, tp);
            heartWanted = false;
        }
        if (measuresWanted) {
            MeasureResult result = client.getMeasures(tp, MeasureQuery.since(since(key())));
            apply(result.normalizedGroups());
            Long updateTime = result.updateTime();
            if (result.complete() && updateTime != null) {
                cursor(key(), Instant.ofEpochSecond(updateTime));
            }
            measuresWanted = false;
        }
    }

    /** The heart list since its cursor and the ECG measure types since the measures cursor. */
    private void fetchHeart(WithingsClient client, TokenProvider tp) throws WithingsApiException {
        Instant requested = handler.clock.instant();
        List<MeasureGroup> groups = new ArrayList<>(
                HeartListMapper.toGroups(client.getHeartList(tp, since(HEART), requested)));
        groups.addAll(client.getMeasures(tp,
                MeasureQuery.since(since(key())).withTypes(HeartListMapper.ECG_MEASURE_TYPES))
                .normalizedGroups());
        apply(groups);
        cursor(HEART, requested);
    }

    private void apply(List<MeasureGroup> groups) {
        MeasureMapper.Result mapped = new MeasureMapper(handler.attribPolicy(), handler.zone()).map(retained,
                groups);
        retained = mapped.retained();
        handler.store.putSnapshot(key(), retained);
        handler.publish(mapped.data());
    }

    @Override
    void restore() {
        List<MeasureGroup> groups = handler.store.snapshot(key(), new TypeToken<List<MeasureGroup>>() {
        }.getType());
        retained = List.of();
        if (groups != null) {
            MeasureMapper.Result mapped = new MeasureMapper(handler.attribPolicy(), handler.zone()).map(List.of(),
                    groups);
            retained = mapped.retained();
            handler.publishStates(mapped.data());
        }
    }
}
