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

import static org.junit.jupiter.api.Assertions.fail;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.types.State;
import org.openhab.core.types.TimeSeries;

/**
 * The one recording {@link ThingHandlerCallback} of the handler tests: a Mockito mock (so tests may also verify on
 * it) that applies every status to its Thing, as core does, and records statuses, states, time series and
 * triggers in order, with polling waits that time out. Optionally {@code getBridge} answers a given bridge.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
final class RecordingThingCallback {

    /** A status reported for a Thing. */
    record StatusEntry(ThingUID thing, ThingStatusInfo info) {
    }

    /** A state sent for a channel. */
    record StateEntry(ChannelUID channel, State state) {
    }

    /** A time series sent for a channel. */
    record SeriesEntry(ChannelUID channel, TimeSeries series) {
    }

    /** A trigger fired on a channel. */
    record TriggerEntry(ChannelUID channel, String event) {
    }

    final ThingHandlerCallback mock = mock(ThingHandlerCallback.class);
    final List<StatusEntry> statuses = new CopyOnWriteArrayList<>();
    final List<StateEntry> states = new CopyOnWriteArrayList<>();
    final List<SeriesEntry> series = new CopyOnWriteArrayList<>();
    final List<TriggerEntry> triggers = new CopyOnWriteArrayList<>();
    private final Duration timeout;

    /** A callback for the child Things of the bridge: {@code getBridge} answers it. */
    RecordingThingCallback(Bridge bridge, Duration timeout) {
        this(timeout);
        answerBridge(bridge);
    }

    /** A callback without bridge (for the bridge itself, or stub {@link #answerBridge} later). */
    RecordingThingCallback(Duration timeout) {
        this.timeout = timeout;
        doAnswer(inv -> {
            Thing thing = inv.getArgument(0);
            ThingStatusInfo info = inv.getArgument(1);
            thing.setStatusInfo(info);
            statuses.add(new StatusEntry(thing.getUID(), info));
            return null;
        }).when(mock).statusUpdated(any(), any());
        doAnswer(inv -> {
            states.add(new StateEntry(inv.getArgument(0), inv.getArgument(1)));
            return null;
        }).when(mock).stateUpdated(any(), any());
        doAnswer(inv -> {
            series.add(new SeriesEntry(inv.getArgument(0), inv.getArgument(1)));
            return null;
        }).when(mock).sendTimeSeries(any(), any());
        doAnswer(inv -> {
            triggers.add(new TriggerEntry(inv.getArgument(1), inv.getArgument(2)));
            return null;
        }).when(mock).channelTriggered(any(), any(), any());
    }

    /** Makes {@code getBridge} answer the bridge for its UID. */
    void answerBridge(Bridge bridge) {
        when(mock.getBridge(bridge.getUID())).thenReturn(bridge);
    }

    /** Every status reported, for any Thing, oldest first. */
    List<ThingStatusInfo> statuses() {
        return statuses.stream().map(StatusEntry::info).toList();
    }

    /** The last status reported for the Thing; fails if there is none. */
    ThingStatusInfo lastStatus(Thing thing) {
        List<ThingStatusInfo> all = statuses(thing);
        if (all.isEmpty()) {
            fail("no status was reported for " + thing.getUID());
        }
        return all.get(all.size() - 1);
    }

    /** The statuses reported for the Thing, oldest first. */
    List<ThingStatusInfo> statuses(Thing thing) {
        List<ThingStatusInfo> result = new ArrayList<>();
        statuses.stream().filter(e -> e.thing().equals(thing.getUID())).forEach(e -> result.add(e.info()));
        return result;
    }

    /** The last state sent for the channel ({@code group#id}) of the Thing, or null. */
    @Nullable
    State lastState(Thing thing, String channel) {
        ChannelUID uid = new ChannelUID(thing.getUID(), channel);
        State last = null;
        for (StateEntry e : states) {
            if (e.channel().equals(uid)) {
                last = e.state();
            }
        }
        return last;
    }

    /** Waits for a status of the Thing matching the predicate and returns the first such. */
    ThingStatusInfo awaitStatus(Thing thing, Predicate<ThingStatusInfo> predicate) {
        await(() -> statuses(thing).stream().anyMatch(predicate), "a status of " + thing.getUID());
        return statuses(thing).stream().filter(predicate).findFirst().orElseThrow();
    }

    /** Waits until the last state of the channel matches the predicate. */
    State awaitState(Thing thing, String channel, Predicate<State> predicate) {
        await(() -> {
            State s = lastState(thing, channel);
            return s != null && predicate.test(s);
        }, "state of " + channel);
        return java.util.Objects.requireNonNull(lastState(thing, channel));
    }

    /** Waits for a trigger event on the channel ({@code group#id}) of the Thing. */
    TriggerEntry awaitTrigger(Thing thing, String channel, String event) {
        ChannelUID uid = new ChannelUID(thing.getUID(), channel);
        await(() -> triggers.stream().anyMatch(t -> t.channel().equals(uid) && t.event().equals(event)),
                "trigger " + event + " on " + channel);
        Optional<TriggerEntry> found = triggers.stream()
                .filter(t -> t.channel().equals(uid) && t.event().equals(event)).findFirst();
        return found.orElseThrow();
    }

    /** Every text the callback received: status descriptions, states, time-series states, trigger events. */
    List<String> texts() {
        List<String> texts = new ArrayList<>();
        statuses.forEach(e -> texts.add(e.info().toString()));
        states.forEach(e -> texts.add(e.channel() + "=" + e.state()));
        series.forEach(e -> e.series().getStates().forEach(s -> texts.add(e.channel() + "@" + s.timestamp() + "="
                + s.state())));
        triggers.forEach(e -> texts.add(e.channel() + "!" + e.event()));
        return texts;
    }

    /** Polls the condition until it holds, failing after the timeout. */
    void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what + "; statuses " + statuses);
            }
            try {
                Thread.sleep(10); // the poll interval of this condition wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
