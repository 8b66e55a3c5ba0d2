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

import java.util.HashSet;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.handler.MemoryStorage;

/**
 * The webhook secret: random, URL-safe, generated once and kept in the bridge's storage.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WebhookSecretTest {

    @Test
    void generatedOnceAndStable() {
        MemoryStorage<String> storage = new MemoryStorage<>();
        String first = WebhookSecret.getOrCreate(storage);
        assertTrue(first.matches("[A-Za-z0-9_-]{32}"), "32 URL-safe characters");
        assertEquals(first, storage.get(WebhookSecret.STORAGE_KEY));
        assertEquals(first, WebhookSecret.getOrCreate(storage));
        assertEquals(first, WebhookSecret.getOrCreate(storage));
        assertEquals(1, storage.puts(), "stored once");
    }

    @Test
    void keptAcrossRestartsOfTheBridge() {
        MemoryStorage<String> storage = new MemoryStorage<>();
        String first = WebhookSecret.getOrCreate(storage);
        MemoryStorage<String> reopened = new MemoryStorage<>(storage);
        assertEquals(first, WebhookSecret.getOrCreate(reopened));
        assertEquals(0, reopened.puts());
    }

    @Test
    void malformedStoredValueIsReplaced() {
        MemoryStorage<String> storage = new MemoryStorage<>();
        storage.put(WebhookSecret.STORAGE_KEY, "short/and bad");
        String secret = WebhookSecret.getOrCreate(storage);
        assertNotEquals("short/and bad", secret);
        assertTrue(WebhookSecret.isWellFormed(secret));
        assertEquals(secret, storage.get(WebhookSecret.STORAGE_KEY));
    }

    @Test
    void differentBridgesGetDifferentSecrets() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            secrets.add(WebhookSecret.getOrCreate(new MemoryStorage<>()));
        }
        assertEquals(50, secrets.size());
    }
}
