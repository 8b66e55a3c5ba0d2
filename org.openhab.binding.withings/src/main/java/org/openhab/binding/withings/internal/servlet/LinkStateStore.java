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
import java.util.function.Predicate;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Random, single-use, short-lived keys (the OAuth {@code state} of a link request, or a used anti-forgery token)
 * with a value each, bounded in number. Keys are 256 random bits from {@link SecureRandom}, URL-safe. A key can be
 * consumed once; after its lifetime it is unknown. Expired values are handed to the expiry callback (to delete a
 * temporary OAuth service) lazily, whenever the store is used: no thread of its own. When the store is full,
 * {@link #put} drops the oldest entry while {@link #offer} refuses the new one, so that a flood of new entries cannot
 * push out one that is still in use.
 *
 * @param <T> the value bound to a key
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class LinkStateStore<T> {

    /** Bytes of randomness in a key (256 bit). */
    static final int KEY_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration lifetime;
    private final Consumer<T> onDrop;
    private final int capacity;
    private final Map<String, Entry<T>> entries = new HashMap<>();

    /** A stored value with its expiry and insertion order. */
    private record Entry<T>(T value, Instant expires, long sequence) {
    }

    private long sequence;

    /**
     * @param clock time source
     * @param lifetime how long a key is valid
     * @param capacity most keys kept at once (memory stays bounded whatever arrives)
     * @param onDrop called (outside any request for that key) with the value of a key that expired, was pushed out
     *            or was cleared without being consumed
     */
    public LinkStateStore(Clock clock, Duration lifetime, int capacity, Consumer<T> onDrop) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.capacity = capacity;
        this.onDrop = onDrop;
    }

    /** A new random key, not yet bound; bind it with {@link #put}. */
    public String newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Binds a value to a key for the lifetime of the store; when full, the oldest entry is dropped for it. */
    public void put(String key, T value) {
        List<T> dropped = new ArrayList<>();
        synchronized (entries) {
            purge(dropped);
            while (entries.size() >= capacity && removeOldest(v -> true, dropped)) {
                // dropped the oldest
            }
            entries.put(key, new Entry<>(value, clock.instant().plus(lifetime), sequence++));
        }
        dropped.forEach(onDrop);
    }

    /**
     * Binds a value to a key if the store has room and fewer than {@code groupLimit} live values are in the value's
     * group; beyond the group limit the group's oldest entry is dropped for it (one client pressing "Link" again and
     * again replaces its own requests, never another's).
     *
     * @param key the key
     * @param value the value
     * @param sameGroup tells the values of the same group as {@code value}
     * @param groupLimit most live values of one group
     * @return false, and nothing stored, if the store is full
     */
    public boolean offer(String key, T value, Predicate<T> sameGroup, int groupLimit) {
        List<T> dropped = new ArrayList<>();
        boolean stored = false;
        synchronized (entries) {
            purge(dropped);
            while (entries.values().stream().filter(e -> sameGroup.test(e.value())).count() >= groupLimit
                    && removeOldest(sameGroup, dropped)) {
                // dropped the group's oldest
            }
            if (entries.size() < capacity) {
                entries.put(key, new Entry<>(value, clock.instant().plus(lifetime), sequence++));
                stored = true;
            }
        }
        dropped.forEach(onDrop);
        return stored;
    }

    /** How many live values match. */
    public int count(Predicate<T> which) {
        List<T> dropped = new ArrayList<>();
        int count;
        synchronized (entries) {
            purge(dropped);
            count = (int) entries.values().stream().filter(e -> which.test(e.value())).count();
        }
        dropped.forEach(onDrop);
        return count;
    }

    /** Whether the key is live (known, not consumed, not expired), without consuming it. */
    public boolean contains(String key) {
        List<T> dropped = new ArrayList<>();
        boolean live;
        synchronized (entries) {
            purge(dropped);
            live = entries.containsKey(key);
        }
        dropped.forEach(onDrop);
        return live;
    }

    private boolean removeOldest(Predicate<T> which, List<T> dropped) {
        String oldest = null;
        long oldestSeq = Long.MAX_VALUE;
        for (Map.Entry<String, Entry<T>> e : entries.entrySet()) {
            if (e.getValue().sequence() < oldestSeq && which.test(e.getValue().value())) {
                oldestSeq = e.getValue().sequence();
                oldest = e.getKey();
            }
        }
        if (oldest == null) {
            return false;
        }
        Entry<T> removed = entries.remove(oldest);
        if (removed != null) {
            dropped.add(removed.value());
        }
        return true;
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
