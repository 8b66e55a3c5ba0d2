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
package org.openhab.binding.withings.internal.mapping;

import java.util.Optional;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.withings.internal.dto.GoalWeight;
import org.openhab.binding.withings.internal.dto.Goals;
import org.openhab.core.library.unit.SIUnits;
import org.openhab.core.library.unit.Units;
import org.openhab.core.types.UnDefType;

/**
 * Maps the user's goals to the {@code goals} channels; no goals set ({@code "goals": []}) gives UNDEF.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class GoalsMapper {

    public static final String GROUP = "goals";
    public static final String STEPS = GROUP + "#steps-goal";
    public static final String SLEEP = GROUP + "#sleep-goal";
    public static final String WEIGHT = GROUP + "#weight-goal";

    private GoalsMapper() {
    }

    public static ChannelData map(Optional<Goals> goals) {
        ChannelData data = new ChannelData();
        if (goals.isEmpty()) {
            data.state(STEPS, UnDefType.UNDEF);
            data.state(SLEEP, UnDefType.UNDEF);
            data.state(WEIGHT, UnDefType.UNDEF);
            return data;
        }
        Goals g = goals.get();
        data.state(STEPS, States.positiveNumber(g.steps));
        data.state(SLEEP, States.positiveQuantity(g.sleep, Units.SECOND));
        GoalWeight weight = g.weight;
        data.state(WEIGHT,
                weight == null ? UnDefType.UNDEF : States.positiveQuantity(weight.decodedValue(), SIUnits.KILOGRAM));
        return data;
    }
}
