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

import java.util.List;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.api.WithingsScope;
import org.openhab.binding.withings.internal.config.WithingsAccountConfiguration;
import org.openhab.binding.withings.internal.mapping.GoalsMapper;

/**
 * The user's goals ({@code goals} group): {@code getgoals} at the goals interval and on REFRESH. Withings sends no
 * notification for goals, so webhooks do not change the interval.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class GoalsUnit extends DataUnit {

    GoalsUnit(WithingsUserHandler handler) {
        super(handler, "goals", WithingsScope.INFO, Set.of());
    }

    @Override
    List<String> channels() {
        return List.of(GoalsMapper.STEPS, GoalsMapper.SLEEP, GoalsMapper.WEIGHT);
    }

    @Override
    long configuredInterval(WithingsAccountConfiguration config, boolean webhooksHealthy) {
        return config.goalsInterval;
    }

    @Override
    void fetch(WithingsClient client, TokenProvider tp) throws WithingsApiException {
        handler.publish(GoalsMapper.map(client.getGoals(tp)));
    }
}
