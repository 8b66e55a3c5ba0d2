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

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The active faults: each one applies to the next N matching requests or to every matching request until its time
 * span is over. Refused connections are handled by the simulator (it stops its connector), not here. Thread-safe.
 *
 * @author Withings binding contributors - Initial contribution
 */
final class FaultInjector {

    /** An active fault. */
    private static final class Active {
        final FaultSpec spec;
        int remaining;
        final Instant until;

        Active(FaultSpec spec, Instant now) {
            this.spec = spec;
            this.remaining = spec.count();
            this.until = spec.duration() == null ? null : now.plus(spec.duration());
        }
    }

    private final Clock clock;
    private final List<Active> faults = new ArrayList<>();

    FaultInjector(Clock clock) {
        this.clock = clock;
    }

    synchronized void add(FaultSpec spec) {
        faults.add(new Active(spec, clock.instant()));
    }

    synchronized void clear() {
        faults.clear();
    }

    synchronized List<FaultSpec> active() {
        expire();
        return faults.stream().map(a -> a.spec).toList();
    }

    private void expire() {
        Instant now = clock.instant();
        faults.removeIf(a -> (a.until != null && now.isAfter(a.until)) || (a.until == null && a.remaining <= 0));
    }

    /**
     * @return the fault to apply to this request (counting it), or null
     */
    synchronized FaultSpec take(String path, String action) {
        expire();
        Iterator<Active> it = faults.iterator();
        while (it.hasNext()) {
            Active a = it.next();
            if (a.spec.kind() != FaultSpec.Kind.REFUSE && a.spec.matches(path, action)) {
                if (a.until == null && --a.remaining <= 0) {
                    it.remove();
                }
                return a.spec;
            }
        }
        return null;
    }
}
