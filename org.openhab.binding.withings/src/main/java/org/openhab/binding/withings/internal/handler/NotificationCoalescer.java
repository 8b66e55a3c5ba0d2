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

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Coalesces bursts of notifications: the first notification of a key schedules its task after a short debounce;
 * further notifications of that key before the task starts schedule nothing more. Once the task has started, the
 * next notification schedules a new run (so nothing that changed during a fetch is missed).
 *
 * @param <K> the key type (e.g. the sync type of one user)
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class NotificationCoalescer<K> {

    private final ScheduledExecutorService scheduler;
    private final Duration debounce;
    private final Map<K, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

    public NotificationCoalescer(ScheduledExecutorService scheduler, Duration debounce) {
        this.scheduler = scheduler;
        this.debounce = debounce;
    }

    /**
     * Schedules the task for the key unless a run is already pending.
     *
     * @return true if a run was scheduled, false if the notification was merged into a pending run
     */
    public synchronized boolean submit(K key, Runnable task) {
        if (pending.containsKey(key)) {
            return false;
        }
        ScheduledFuture<?> future = scheduler.schedule(() -> {
            synchronized (this) {
                pending.remove(key);
            }
            task.run();
        }, debounce.toMillis(), TimeUnit.MILLISECONDS);
        pending.put(key, future);
        return true;
    }

    /** Whether a run of the key is waiting. */
    public synchronized boolean isPending(K key) {
        return pending.containsKey(key);
    }

    /** Cancels every pending run. */
    public synchronized void cancelAll() {
        pending.values().forEach(f -> f.cancel(false));
        pending.clear();
    }
}
