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
package org.openhab.binding.withings.benchmarks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The live threads of the JVM at one moment, to tell the threads the binding started itself from openHAB's shared
 * pools ({@code OH-…}, from {@code ThreadPoolManager}) and the test infrastructure (Jetty, the JDK's HTTP client,
 * the simulator).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
final class Threads {

    /** Thread name prefixes of the infrastructure around the binding (not the binding's). */
    private static final List<String> INFRASTRUCTURE = List.of("qtp", "HttpClient@", "HttpClient-", "Scheduler-",
            "Connector-Scheduler", "withings-sim", "simulator", "Common-Cleaner", "Attach Listener",
            "process reaper", "ForkJoinPool", "Keep-Alive", "InnocuousThread", "Reference Handler", "Finalizer",
            "Signal Dispatcher", "Notification Thread", "DestroyJavaVM", "JMH", "Session-", "SessionTracker",
            "Jetty");

    private final Set<Long> ids = new HashSet<>();
    private final List<Thread> threads = new ArrayList<>();

    private Threads() {
    }

    static Threads snapshot() {
        Threads t = new Threads();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            t.ids.add(thread.threadId());
            t.threads.add(thread);
        }
        return t;
    }

    private List<Thread> newSince(Threads before) {
        return threads.stream().filter(t -> !before.ids.contains(t.threadId())).toList();
    }

    /** Names of threads started since, that are neither openHAB's shared pools nor infrastructure. */
    List<String> ownSince(Threads before) {
        return newSince(before).stream().map(Thread::getName)
                .filter(n -> !n.startsWith("OH-") && INFRASTRUCTURE.stream().noneMatch(n::startsWith)).sorted()
                .toList();
    }

    /** Threads of openHAB's shared pools started since. */
    int sharedSince(Threads before) {
        return (int) newSince(before).stream().filter(t -> t.getName().startsWith("OH-")).count();
    }
}
