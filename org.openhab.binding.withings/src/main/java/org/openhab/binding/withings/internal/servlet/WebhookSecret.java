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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.storage.Storage;

/**
 * The random path segment of a bridge's webhook alias ({@code /withings/webhook/<secret>}): generated once per
 * bridge from {@link SecureRandom} and kept in the bridge's storage, so the callback URL registered at Withings
 * survives restarts. It must never be logged or shown.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class WebhookSecret {

    /** The storage key of the secret. */
    public static final String STORAGE_KEY = "webhookSecret";
    /** Length of a secret: 32 URL-safe characters (192 bits). */
    public static final int LENGTH = 32;

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {
    }

    /**
     * Returns the stored secret, or generates, stores and returns a new one when none (or a malformed one) is stored.
     *
     * @param storage the bridge's storage
     * @return 32 characters of {@code [A-Za-z0-9_-]}
     */
    public static String getOrCreate(Storage<String> storage) {
        synchronized (storage) {
            String stored = storage.get(STORAGE_KEY);
            if (stored != null && isWellFormed(stored)) {
                return stored;
            }
            String secret = generate();
            storage.put(STORAGE_KEY, secret);
            return secret;
        }
    }

    /**
     * @return a new random secret (not stored)
     */
    public static String generate() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /**
     * @return whether the text has the form of a secret
     */
    public static boolean isWellFormed(String text) {
        if (text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
