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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.storage.Storage;
import org.openhab.core.storage.StorageService;

/**
 * The one in-memory {@link StorageService} of the tests: one {@link MemoryStorage} per name, which survives handler
 * restarts as long as the service lives (like openHAB's JSON storage across a bridge restart).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class MapStorageService implements StorageService {

    private final Map<String, MemoryStorage<?>> storages = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <T> Storage<T> getStorage(String name) {
        return (Storage<T>) storages.computeIfAbsent(name, n -> new MemoryStorage<T>());
    }

    @Override
    public <T> Storage<T> getStorage(String name, @Nullable ClassLoader classLoader) {
        return getStorage(name);
    }
}
