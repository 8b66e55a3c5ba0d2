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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The one deterministic {@link ScheduledExecutorService} of the tests, with virtual time: tasks wait in a queue
 * ordered by due time (then by submission) and run on the test thread when the test calls {@link #runDue()} or
 * {@link #advance(Duration)}. The virtual time is a {@link MutableClock} ({@link #clock()}), which the code under
 * test may be given as its clock; moving that clock directly runs nothing. Nothing runs by itself and nothing
 * sleeps. What a task throws is collected in {@link #failures()}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class FakeScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final PriorityQueue<Task<?>> tasks = new PriorityQueue<>();
    private final List<Throwable> failures = new ArrayList<>();
    private final MutableClock clock;
    private long sequence;
    private boolean shutdown;

    /** A scheduler with its own clock, starting at {@code start}. */
    public FakeScheduler(Instant start) {
        this(new MutableClock(start));
    }

    /** A scheduler whose virtual time is the given clock. */
    public FakeScheduler(MutableClock clock) {
        this.clock = clock;
    }

    /** @return the clock of the virtual time */
    public MutableClock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Runs every task due now, including tasks that become due while running; returns how many ran. */
    public int runDue() {
        return runUntil(clock.instant());
    }

    /**
     * Moves the virtual time forward by {@code duration}, running every task on its due time, in order (including
     * tasks they schedule within the duration); returns how many ran.
     */
    public int advance(Duration duration) {
        return runUntil(clock.instant().plus(duration));
    }

    /** Runs the tasks one by one without holding the lock, so a task may schedule or cancel others. */
    private int runUntil(Instant target) {
        int ran = 0;
        while (true) {
            Task<?> next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.due.isAfter(target)) {
                    break;
                }
                tasks.poll();
                if (next.due.isAfter(clock.instant())) {
                    clock.set(next.due);
                }
            }
            if (next.run()) {
                ran++;
            }
        }
        synchronized (this) {
            if (target.isAfter(clock.instant())) {
                clock.set(target);
            }
        }
        return ran;
    }

    /** @return what the tasks run so far threw */
    public synchronized List<Throwable> failures() {
        return List.copyOf(failures);
    }

    /** @return the number of tasks waiting (cancelled ones are not counted) */
    public synchronized int pending() {
        return (int) tasks.stream().filter(t -> !t.isCancelled()).count();
    }

    /** @return the due times of the waiting tasks, soonest first */
    public synchronized List<Instant> pendingDueTimes() {
        List<Task<?>> sorted = new ArrayList<>(tasks);
        sorted.sort(null);
        return sorted.stream().filter(t -> !t.isCancelled()).map(t -> t.due).toList();
    }

    /** @return how long from now each waiting task is due, soonest first */
    public synchronized List<Duration> pendingDelays() {
        Instant now = clock.instant();
        return pendingDueTimes().stream().map(due -> Duration.between(now, due)).toList();
    }

    private synchronized <V> Task<V> add(Callable<V> callable, long delay, TimeUnit unit) {
        if (shutdown) {
            throw new RejectedExecutionException("shut down");
        }
        Instant due = clock.instant().plusNanos(Math.max(0, unit.toNanos(delay)));
        Task<V> task = new Task<>(callable, due, sequence++);
        tasks.add(task);
        return task;
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
        throw new UnsupportedOperationException("the binding schedules one-shot tasks only");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(@Nullable Runnable command, long initialDelay, long delay,
            @Nullable TimeUnit unit) {
        throw new UnsupportedOperationException("the binding schedules one-shot tasks only");
    }

    @Override
    public void execute(@Nullable Runnable command) {
        schedule(command, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        tasks.clear();
        return List.of();
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && tasks.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, @Nullable TimeUnit unit) {
        return isTerminated();
    }

    /** One waiting task; it completes only when the test lets the scheduler run it. */
    private final class Task<V> implements ScheduledFuture<V> {
        final Callable<V> callable;
        final Instant due;
        final long seq;
        private volatile boolean cancelled;
        private volatile boolean done;
        private @Nullable V result;
        private @Nullable Throwable failure;

        Task(Callable<V> callable, Instant due, long seq) {
            this.callable = callable;
            this.due = due;
            this.seq = seq;
        }

        /** @return whether it ran (false when it was cancelled) */
        boolean run() {
            if (cancelled) {
                return false;
            }
            try {
                result = callable.call();
            } catch (Exception | Error e) {
                failure = e;
                synchronized (FakeScheduler.this) {
                    failures.add(e);
                }
            } finally {
                done = true;
            }
            return true;
        }

        @Override
        public long getDelay(@Nullable TimeUnit unit) {
            long nanos = Duration.between(clock.instant(), due).toNanos();
            return unit == null ? nanos : unit.convert(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(@Nullable Delayed other) {
            if (other instanceof Task<?> t) {
                int c = due.compareTo(t.due);
                return c != 0 ? c : Long.compare(seq, t.seq);
            }
            return 0;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            synchronized (FakeScheduler.this) {
                if (done) {
                    return false;
                }
                cancelled = true;
                tasks.remove(this);
                return true;
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public @Nullable V get() throws ExecutionException {
            if (cancelled) {
                throw new CancellationException();
            }
            if (!done) {
                throw new IllegalStateException("a fake task only completes when the test runs it");
            }
            Throwable f = failure;
            if (f != null) {
                throw new ExecutionException(f);
            }
            return result;
        }

        @Override
        public @Nullable V get(long timeout, @Nullable TimeUnit unit) throws ExecutionException {
            return get();
        }
    }
}
