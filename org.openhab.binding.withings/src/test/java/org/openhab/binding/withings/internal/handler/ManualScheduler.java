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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A scheduler for tests that runs nothing by itself: tasks wait until the test runs them, in order of their delay.
 * Time is virtual: {@link #runDue(Duration)} advances it.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    /** A task waiting to run. */
    public final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
        private final long dueMillis;

        Task(Callable<V> callable, long dueMillis) {
            super(callable);
            this.dueMillis = dueMillis;
        }

        public long delayMillis() {
            return dueMillis - now;
        }

        @Override
        public long getDelay(@Nullable TimeUnit unit) {
            return TimeUnit.MILLISECONDS.convert(dueMillis - now, unit == null ? TimeUnit.MILLISECONDS : unit);
        }

        @Override
        public int compareTo(@Nullable Delayed o) {
            return o instanceof Task<?> t ? Long.compare(dueMillis, t.dueMillis) : 0;
        }
    }

    private final List<Task<?>> tasks = new ArrayList<>();
    private long now;

    private synchronized <V> Task<V> add(Callable<V> callable, long delay, TimeUnit unit) {
        Task<V> task = new Task<>(callable, now + unit.toMillis(Math.max(0, delay)));
        tasks.add(task);
        return task;
    }

    /** Tasks not yet run and not cancelled. */
    public synchronized List<Task<?>> pending() {
        tasks.removeIf(t -> t.isCancelled() || t.isDone());
        List<Task<?>> list = new ArrayList<>(tasks);
        list.sort(Task::compareTo);
        return list;
    }

    /** Runs the tasks due within the given time from now (including those they schedule within it), in order. */
    public int runDue(Duration advance) {
        long until;
        synchronized (this) {
            until = now + advance.toMillis();
        }
        int ran = 0;
        while (true) {
            Task<?> next = null;
            for (Task<?> task : pending()) {
                if (task.dueMillis <= until) {
                    next = task;
                    break;
                }
            }
            if (next == null) {
                break;
            }
            synchronized (this) {
                now = Math.max(now, next.dueMillis);
                tasks.remove(next);
            }
            next.run();
            ran++;
        }
        synchronized (this) {
            now = until;
        }
        return ran;
    }

    /** Runs the tasks that are due now. */
    public int runDueNow() {
        return runDue(Duration.ZERO);
    }

    @Override
    public ScheduledFuture<?> schedule(@Nullable Runnable command, long delay, @Nullable TimeUnit unit) {
        Runnable r = command;
        if (r == null || unit == null) {
            throw new NullPointerException();
        }
        return add(() -> {
            r.run();
            return null;
        }, delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(@Nullable Callable<V> callable, long delay, @Nullable TimeUnit unit) {
        if (callable == null || unit == null) {
            throw new NullPointerException();
        }
        return add(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(@Nullable Runnable command, long initialDelay, long period,
            @Nullable TimeUnit unit) {
        throw new UnsupportedOperationException("the handlers schedule one-shot tasks only");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(@Nullable Runnable command, long initialDelay, long delay,
            @Nullable TimeUnit unit) {
        throw new UnsupportedOperationException("the handlers schedule one-shot tasks only");
    }

    @Override
    public void execute(@Nullable Runnable command) {
        schedule(command, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public void shutdown() {
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, @Nullable TimeUnit unit) {
        return true;
    }
}
