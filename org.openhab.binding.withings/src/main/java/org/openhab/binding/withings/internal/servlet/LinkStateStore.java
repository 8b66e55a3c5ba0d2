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

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Random, single-use, short-lived keys (the OAuth {@code state} of a link request, or the anti-forgery token of a
 * page) with a value each. Keys are 256 random bits from {@link SecureRandom}, URL-safe. A key can be consumed once;
 * after its lifetime it is unknown. Expired values are handed to the expiry callback (to delete a temporary OAuth
 * service) lazily, whenever the store is used: no thread of its own.
 *
 * @param <T> the value bound to a key
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class LinkStateStore<T> {

    /** Bytes of randomness in a key (256 bit). */
    static final int KEY_BYTES = 32;
    /** Most keys kept at once; the oldest is dropped beyond (a page reloaded in a loop must not grow memory). */
    static final int MAX_ENTRIES = 64;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration lifetime;
    private final Consumer<T> onDrop;
    private final Map<String, Entry<T>> entries = new HashMap<>();

    /** A stored value with its expiry and insertion order. */
    private record Entry<T>(T value, Instant expires, long sequence) {
    }

    private long sequence;

    /**
     * @param clock time source
     * @param lifetime how long a key is valid
     * @param onDrop called (outside any request for that key) with the value of a key that expired or was cleared
     *            without being consumed
     */
    public LinkStateStore(Clock clock, Duration lifetime, Consumer<T> onDrop) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.onDrop = onDrop;
    }

    /** A new random key, not yet bound; bind it with {@link #put}. */
    public String newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Binds a value to a key for the lifetime of the store. */
    public void put(String key, T value) {
        List<T> dropped = new ArrayList<>();
        synchronized (entries) {
            purge(dropped);
            while (entries.size() >= MAX_ENTRIES) {
                String oldest = null;
                long oldestSeq = Long.MAX_VALUE;
                for (Map.Entry<String, Entry<T>> e : entries.entrySet()) {
                    if (e.getValue().sequence() < oldestSeq) {
                        oldestSeq = e.getValue().sequence();
                        oldest = e.getKey();
                    }
                }
                if (oldest == null) {
                    break;
                }
                Entry<T> removed = entries.remove(oldest);
                if (removed != null) {
                    dropped.add(removed.value());
                }
            }
            entries.put(key, new Entry<>(value, clock.instant().plus(lifetime), sequence++));
        }
        dropped.forEach(onDrop);
    }

    /** Issues a new key bound to the value. */
    public String issue(T value) {
        String key = newKey();
        put(key, value);
        return key;
    }

    /**
     * Consumes a key: returns its value once, if it is known and not expired. A second call with the same key, an
     * unknown key and an expired key all give empty.
     */
    public Optional<T> consume(String key) {
        List<T> dropped = new ArrayList<>();
        Optional<T> result;
        synchronized (entries) {
            purge(dropped);
            Entry<T> entry = entries.remove(key);
            result = entry == null ? Optional.empty() : Optional.of(entry.value());
        }
        dropped.forEach(onDrop);
        return result;
    }

    /** Number of live keys. */
    public int size() {
        List<T> dropped = new ArrayList<>();
        int size;
        synchronized (entries) {
            purge(dropped);
            size = entries.size();
        }
        dropped.forEach(onDrop);
        return size;
    }

    /** Forgets every key, handing their values to the drop callback. */
    public void clear() {
        List<T> dropped = new ArrayList<>();
        synchronized (entries) {
            entries.values().forEach(e -> dropped.add(e.value()));
            entries.clear();
        }
        dropped.forEach(onDrop);
    }

    private void purge(List<T> dropped) {
        Instant now = clock.instant();
        Iterator<Entry<T>> it = entries.values().iterator();
        while (it.hasNext()) {
            Entry<T> entry = it.next();
            if (!now.isBefore(entry.expires())) {
                dropped.add(entry.value());
                it.remove();
            }
        }
    }
}
