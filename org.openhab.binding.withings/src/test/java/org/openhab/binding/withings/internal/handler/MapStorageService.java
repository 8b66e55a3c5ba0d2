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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.storage.Storage;
import org.openhab.core.storage.StorageService;

/**
 * An in-memory {@link StorageService} for tests: storages survive handler restarts as long as the service lives
 * (like openHAB's JSON storage across a bridge restart).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class MapStorageService implements StorageService {

    private final Map<String, MapStorage<?>> storages = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <T> Storage<T> getStorage(String name) {
        return (Storage<T>) storages.computeIfAbsent(name, n -> new MapStorage<T>());
    }

    @Override
    public <T> Storage<T> getStorage(String name, @Nullable ClassLoader classLoader) {
        return getStorage(name);
    }

    /** A map-backed storage. */
    public static class MapStorage<T> implements Storage<T> {
        private final Map<String, T> map = new ConcurrentHashMap<>();

        @Override
        public @Nullable T put(String key, @Nullable T value) {
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
}
