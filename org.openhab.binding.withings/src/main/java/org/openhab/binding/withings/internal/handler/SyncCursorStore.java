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

import java.lang.reflect.Type;
import java.time.Instant;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.storage.Storage;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

/**
 * Persists, per user Thing and data type, the {@code lastupdate} cursor of the incremental sync and a small JSON
 * snapshot of the latest data (so channel states survive a restart without a new back-fill). Keys are
 * {@code <thingUID>:<type>} for the cursor and {@code <thingUID>:<type>:<name>} for other values.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class SyncCursorStore {

    /** The name of the storage. */
    public static final String STORAGE_NAME = "withings.sync";

    private static final String SNAPSHOT = "snapshot";

    private final Gson gson = new Gson();
    private final Storage<String> storage;
    private final String prefix;

    /** The values of the user Thing with this UID (as string) in the storage. */
    public SyncCursorStore(Storage<String> storage, String thingUID) {
        this.storage = storage;
        this.prefix = thingUID + ":";
    }

    /** The stored cursor of the type, or null before the first complete sync. */
    public @Nullable Instant cursor(String type) {
        String value = storage.get(prefix + type);
        try {
            return value == null ? null : Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public void setCursor(String type, Instant cursor) {
        storage.put(prefix + type, Long.toString(cursor.getEpochSecond()));
    }

    public @Nullable String get(String type, String name) {
        return storage.get(prefix + type + ":" + name);
    }

    public void put(String type, String name, String value) {
        storage.put(prefix + type + ":" + name, value);
    }

    /** Keeps the latest data of a type as JSON. */
    public void putSnapshot(String type, Object value) {
        put(type, SNAPSHOT, gson.toJson(value));
    }

    /** The latest data of a type as kept by {@link #putSnapshot}, or null if none (or unreadable). */
    public <T> @Nullable T snapshot(String type, Type valueType) {
        String json = get(type, SNAPSHOT);
        try {
            return json == null ? null : gson.fromJson(json, valueType);
        } catch (JsonParseException e) {
            return null;
        }
    }

    /** Forgets everything of this Thing (e.g. when it is removed). */
    public void clear() {
        for (String key : storage.getKeys().toArray(new String[0])) {
            if (key.startsWith(prefix)) {
                storage.remove(key);
            }
        }
    }
}
