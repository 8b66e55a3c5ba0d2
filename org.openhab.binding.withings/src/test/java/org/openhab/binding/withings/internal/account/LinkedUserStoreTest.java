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
package org.openhab.binding.withings.internal.account;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.handler.MapStorageService;
import org.openhab.core.storage.Storage;

/**
 * Tests {@link LinkedUserStore}: users round-trip without tokens, the credentials fingerprint detects a change
 * without holding the secret.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class LinkedUserStoreTest {

    private final Storage<String> storage = new MapStorageService().getStorage("withings.withings:account:home");
    private final LinkedUserStore store = new LinkedUserStore(storage);

    @Test
    void usersRoundTripInLinkOrder() {
        store.put(new LinkedUser("2", "user.info", Instant.parse("2026-11-24T10:00:00Z")));
        store.put(new LinkedUser("1", "user.info,user.metrics,user.activity,user.sleepevents",
                Instant.parse("2026-11-23T10:00:00Z")));
        List<LinkedUser> users = store.users();
        assertEquals(List.of("1", "2"), users.stream().map(LinkedUser::userId).toList());
        assertEquals(Set.of(), users.get(0).missingScopes());
        assertEquals(Set.of("user.metrics", "user.activity", "user.sleepevents"), users.get(1).missingScopes());
        assertTrue(store.remove("2"));
        assertFalse(store.remove("2"));
        assertEquals(1, store.users().size());
    }

    @Test
    void brokenEntriesAreSkipped() {
        storage.put("user:3", "{not json");
        storage.put("webhookSecret", "abc");
        store.put(new LinkedUser("4", "", Instant.EPOCH));
        assertEquals(List.of("4"), store.users().stream().map(LinkedUser::userId).toList());
    }

    @Test
    void theFingerprintDetectsChangedCredentialsWithoutStoringThem() {
        assertFalse(store.credentialsChanged("salt", "id", "secret-1"));
        assertFalse(store.credentialsChanged("salt", "id", "secret-1"));
        assertTrue(store.credentialsChanged("salt", "id", "secret-2"));
        assertTrue(store.credentialsChanged("salt", "id-2", "secret-2"));
        for (String value : storage.getValues().stream().map(String::valueOf).toList()) {
            assertFalse(value.contains("secret-"));
        }
        assertEquals(64, LinkedUserStore.fingerprint("s", "a", "b").length());
    }

    @Test
    void clearRemovesEveryKeyOfTheBridge() {
        store.put(new LinkedUser("1", "", Instant.EPOCH));
        storage.put("webhookSecret", "x");
        store.clear();
        assertTrue(storage.getKeys().isEmpty());
    }
}
