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

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.storage.Storage;

/**
 * The one in-memory {@link Storage} of the tests, map-backed as openHAB's JSON storage behaves; survives a handler
 * "restart" when the same instance is handed out again (see {@link MapStorageService}). Counts its writes.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class MemoryStorage<T> implements Storage<T> {

    private final Map<String, T> map = new ConcurrentHashMap<>();
    private final AtomicInteger puts = new AtomicInteger();

    /** An empty storage. */
    public MemoryStorage() {
    }

    /** A storage holding a copy of what {@code other} holds (as a storage reopened after a restart). */
    public MemoryStorage(MemoryStorage<T> other) {
        map.putAll(other.map);
    }

    /** @return how many times {@link #put} was called */
    public int puts() {
        return puts.get();
    }

    @Override
    public @Nullable T put(String key, @Nullable T value) {
        puts.incrementAndGet();
        return value == null ? map.remove(key) : map.put(key, value);
    }

    @Override
    public @Nullable T remove(String key) {
        return map.remove(key);
    }

    @Override
    public boolean containsKey(String key) {
        return map.containsKey(key);
    }

    @Override
    public @Nullable T get(String key) {
        return map.get(key);
    }

    @Override
    public Collection<String> getKeys() {
        return new ArrayList<>(map.keySet());
    }

    @Override
    public Collection<@Nullable T> getValues() {
        return new ArrayList<>(map.values());
    }
}
