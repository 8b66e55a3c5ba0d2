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

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.types.State;
import org.openhab.core.types.TimeSeries;
import org.openhab.core.types.TimeSeries.Policy;

/**
 * The outcome of mapping Withings data: the current state per channel and, per channel, the values with the time
 * each was measured (for {@code sendTimeSeries}). Channel keys are {@code group#channel}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class ChannelData {

    private final Map<String, State> states = new LinkedHashMap<>();
    private final Map<String, TimeSeries> series = new LinkedHashMap<>();

    /** Sets the current state of a channel. */
    public void state(String channel, State state) {
        states.put(channel, state);
    }

    /** Adds a value measured at the given time to the channel's time series (ADD policy). */
    public void measured(String channel, Instant time, State state) {
        series.computeIfAbsent(channel, c -> new TimeSeries(Policy.ADD)).add(time, state);
    }

    /** Copies everything of another result into this one (the other's states win). */
    public void merge(ChannelData other) {
        states.putAll(other.states);
        other.series.forEach((channel, ts) -> ts.getStates()
                .forEach(entry -> measured(channel, entry.timestamp(), entry.state())));
    }

    public Map<String, State> states() {
        return Collections.unmodifiableMap(states);
    }

    public Map<String, TimeSeries> series() {
        return Collections.unmodifiableMap(series);
    }

    public @Nullable State get(String channel) {
        return states.get(channel);
    }

    public @Nullable TimeSeries seriesOf(String channel) {
        return series.get(channel);
    }

    public boolean isEmpty() {
        return states.isEmpty() && series.isEmpty();
    }
}
