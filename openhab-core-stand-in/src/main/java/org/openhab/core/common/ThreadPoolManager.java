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
package org.openhab.core.common;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Compile-time stand-in mirroring org.openhab.core.common.ThreadPoolManager of openHAB core 5.2.1; never shipped.
 * Hands out one shared pool per name; its threads are daemon threads so that test JVMs can exit.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class ThreadPoolManager {

    private static final String UNAVAILABLE = "compile-time stand-in of openHAB core: not available at runtime";

    public static final String CONFIGURATION_PID = "org.openhab.threadpool";
    public static final String THREAD_POOL_NAME_COMMON = "common";
    protected static final int DEFAULT_THREAD_POOL_SIZE = 5;
    protected static final long THREAD_TIMEOUT = 65L;
    protected static final long THREAD_MONITOR_SLEEP = 60000;

    protected static Map<String, ExecutorService> pools = new ConcurrentHashMap<>();

    public ThreadPoolManager() {
    }

    protected void activate(Map<String, Object> properties) {
        // no configuration in the stand-in
    }

    protected void modified(Map<String, Object> properties) {
        // no configuration in the stand-in
    }

    public static ScheduledExecutorService getPoolBasedSequentialScheduledExecutorService(String poolName,
            String threadName) {
        throw new UnsupportedOperationException(UNAVAILABLE);
    }

    public static ScheduledExecutorService getScheduledPool(String poolName) {
        ExecutorService pool = pools.computeIfAbsent(poolName, name -> {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(getConfig(name),
                    new NamedThreadFactory(name, true));
            executor.setKeepAliveTime(THREAD_TIMEOUT, TimeUnit.SECONDS);
            executor.allowCoreThreadTimeOut(true);
            executor.setRemoveOnCancelPolicy(true);
            return executor;
        });
        if (pool instanceof ScheduledExecutorService scheduledPool) {
            // as in openHAB: callers get an unstoppable view of the shared pool
            return new SharedScheduledPool(scheduledPool);
        }
        throw new IllegalArgumentException("Pool " + poolName + " is not a scheduled pool");
    }

    public static ExecutorService getPool(String poolName) {
        return pools.computeIfAbsent(poolName, name -> {
            ThreadPoolExecutor executor = new ThreadPoolExecutor(getConfig(name), getConfig(name), THREAD_TIMEOUT,
                    TimeUnit.SECONDS, new LinkedBlockingQueue<>(), new NamedThreadFactory(name, true));
            executor.allowCoreThreadTimeOut(true);
            return executor;
        });
    }

    protected static int getConfig(String poolName) {
        return DEFAULT_THREAD_POOL_SIZE;
    }

    public static Set<String> getPoolNames() {
        return Set.copyOf(pools.keySet());
    }
}
