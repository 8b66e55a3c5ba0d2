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
package org.openhab.core.types;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Compile-time stand-in mirroring org.openhab.core.types.TimeSeries of openHAB core 5.2.1; never shipped.
 * Entries are kept sorted by timestamp; a second entry with the same timestamp is ignored.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class TimeSeries {

    private final TreeSet<Entry> states = new TreeSet<>(Comparator.comparing(Entry::timestamp));
    private final Policy policy;

    public TimeSeries(Policy policy) {
        this.policy = policy;
    }

    public Policy getPolicy() {
        return policy;
    }

    /**
     * @return the timestamp of the first entry, {@link Instant#MAX} if empty
     */
    public Instant getBegin() {
        return states.isEmpty() ? Instant.MAX : states.first().timestamp();
    }

    public Instant getEnd() {
        return states.isEmpty() ? Instant.MIN : states.last().timestamp();
    }

    public int size() {
        return states.size();
    }

    /**
     * As openHAB's: not thread-safe; an entry at a timestamp already present is ignored.
     */
    public void add(Instant instant, State state) {
        states.add(new Entry(instant, state));
    }

    public Stream<Entry> getStates() {
        return List.copyOf(states).stream();
    }

    /**
     * As openHAB's: the entry sets are compared through their timestamp ordering, so two series with the same
     * policy and timestamps are equal even if their states differ.
     */
    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        TimeSeries other = (TimeSeries) o;
        return Objects.equals(states, other.states) && policy == other.policy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(states, policy);
    }

    public enum Policy {
        ADD,
        REPLACE
    }

    /**
     * One state at one point in time.
     *
     * @param timestamp when the state applies
     * @param state the state
     */
    public record Entry(Instant timestamp, State state) {
    }
}
