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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.storage.Storage;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

/**
 * The persistent state of one account bridge in an openHAB {@link Storage}: the linked Withings users (userid,
 * granted scope, link time; never a token) and a SHA-256 fingerprint of the application credentials the tokens were
 * issued for (never the secret itself). The same storage may hold other keys of the bridge (e.g. the webhook
 * secret); {@link #clear()} removes them all.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class LinkedUserStore {

    static final String USER_PREFIX = "user:";
    static final String CREDENTIALS_KEY = "credentialsFingerprint";

    private final Storage<String> storage;
    private final Gson gson = new Gson();

    public LinkedUserStore(Storage<String> storage) {
        this.storage = storage;
    }

    /** The underlying storage (shared with the webhook secret). */
    public Storage<String> storage() {
        return storage;
    }

    /** The linked users, ordered by link time. */
    public synchronized List<LinkedUser> users() {
        List<LinkedUser> users = new ArrayList<>();
        for (String key : new ArrayList<>(storage.getKeys())) {
            if (key.startsWith(USER_PREFIX)) {
                LinkedUser user = read(storage.get(key));
                if (user != null) {
                    users.add(user);
                }
            }
        }
        users.sort(Comparator.comparing(LinkedUser::linkedAt).thenComparing(LinkedUser::userId));
        return users;
    }

    public synchronized Optional<LinkedUser> user(String userId) {
        return Optional.ofNullable(read(storage.get(USER_PREFIX + userId)));
    }

    public synchronized void put(LinkedUser user) {
        Stored stored = new Stored();
        stored.userId = user.userId();
        stored.scope = user.scope();
        stored.linkedAt = user.linkedAt().toEpochMilli();
        storage.put(USER_PREFIX + user.userId(), gson.toJson(stored));
    }

    public synchronized boolean remove(String userId) {
        return storage.remove(USER_PREFIX + userId) != null;
    }

    /** Removes every key of this bridge's storage (users, fingerprint, webhook secret). */
    public synchronized void clear() {
        for (String key : new ArrayList<>(storage.getKeys())) {
            storage.remove(key);
        }
    }

    /**
     * Compares the fingerprint of the given credentials with the stored one and stores the new one.
     *
     * @return true if a fingerprint was stored before and differs (the tokens were issued for other credentials)
     */
    public synchronized boolean credentialsChanged(String salt, String clientId, String clientSecret) {
        String fingerprint = fingerprint(salt, clientId, clientSecret);
        String previous = storage.get(CREDENTIALS_KEY);
        storage.put(CREDENTIALS_KEY, fingerprint);
        return previous != null && !previous.equals(fingerprint);
    }

    /**
     * @return hex SHA-256 of salt, client id and secret: lets a change be detected without storing the secret
     */
    static String fingerprint(String salt, String clientId, String clientSecret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest
                    .digest((salt + "\n" + clientId + "\n" + clientSecret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            // every Java runtime has SHA-256
            throw new IllegalStateException("SHA-256 not available", e);
        }
    }

    private @Nullable LinkedUser read(@Nullable String json) {
        if (json == null) {
            return null;
        }
        try {
            Stored stored = gson.fromJson(json, Stored.class);
            if (stored == null) {
                return null;
            }
            String userId = stored.userId;
            if (userId == null || userId.isBlank()) {
                return null;
            }
            String scope = stored.scope;
            return new LinkedUser(userId, scope == null ? "" : scope, Instant.ofEpochMilli(stored.linkedAt));
        } catch (JsonParseException e) {
            return null;
        }
    }

    /** JSON form of a linked user in the storage. */
    private static class Stored {
        @Nullable
        String userId;
        @Nullable
        String scope;
        long linkedAt;
    }
}
