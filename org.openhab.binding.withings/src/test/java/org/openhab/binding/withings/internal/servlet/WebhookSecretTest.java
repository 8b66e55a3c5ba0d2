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
package org.openhab.binding.withings.internal.servlet;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.openhab.core.storage.Storage;

/**
 * The webhook secret: random, URL-safe, generated once and kept in the bridge's storage.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WebhookSecretTest {

    /** A map-backed storage as openHAB's JSON storage behaves for strings. */
    static final class MapStorage implements Storage<String> {
        final Map<String, String> map = new ConcurrentHashMap<>();
        int puts;

        @Override
        public @Nullable String put(String key, @Nullable String value) {
            puts++;
            return value == null ? map.remove(key) : map.put(key, value);
        }

        @Override
        public @Nullable String remove(String key) {
            return map.remove(key);
        }

        @Override
        public boolean containsKey(String key) {
            return map.containsKey(key);
        }

        @Override
        public @Nullable String get(String key) {
            return map.get(key);
        }

        @Override
        public Collection<String> getKeys() {
            return new ArrayList<>(map.keySet());
        }

        @Override
        public Collection<@Nullable String> getValues() {
            return new ArrayList<>(map.values());
        }
    }

    @Test
    void generatedOnceAndStable() {
        MapStorage storage = new MapStorage();
        String first = WebhookSecret.getOrCreate(storage);
        assertTrue(first.matches("[A-Za-z0-9_-]{32}"), "32 URL-safe characters");
        assertEquals(first, storage.get(WebhookSecret.STORAGE_KEY));
        assertEquals(first, WebhookSecret.getOrCreate(storage));
        assertEquals(first, WebhookSecret.getOrCreate(storage));
        assertEquals(1, storage.puts, "stored once");
    }

    @Test
    void keptAcrossRestartsOfTheBridge() {
        MapStorage storage = new MapStorage();
        String first = WebhookSecret.getOrCreate(storage);
        MapStorage reopened = new MapStorage();
        reopened.map.putAll(storage.map);
        assertEquals(first, WebhookSecret.getOrCreate(reopened));
        assertEquals(0, reopened.puts);
    }

    @Test
    void malformedStoredValueIsReplaced() {
        MapStorage storage = new MapStorage();
        storage.map.put(WebhookSecret.STORAGE_KEY, "short/and bad");
        String secret = WebhookSecret.getOrCreate(storage);
        assertNotEquals("short/and bad", secret);
        assertTrue(WebhookSecret.isWellFormed(secret));
        assertEquals(secret, storage.get(WebhookSecret.STORAGE_KEY));
    }

    @Test
    void differentBridgesGetDifferentSecrets() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            secrets.add(WebhookSecret.getOrCreate(new MapStorage()));
        }
        assertEquals(50, secrets.size());
    }
}
