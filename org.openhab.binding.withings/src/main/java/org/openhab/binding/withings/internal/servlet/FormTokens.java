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

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The anti-forgery tokens of the linking page, kept by the browser rather than by openHAB: the page gives each
 * browser a random client id in a short-lived cookie, and each form a token {@code <issued>.<nonce>.<HMAC>} signed
 * with a key only this page knows, over the client id, the time of issue and a random nonce. A form is accepted
 * once, within {@link #lifetime}, from the browser holding the cookie. Loading the page costs no memory, so no number of page
 * loads can expire the form an administrator has open; only used tokens are remembered (bounded, until they expire).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
final class FormTokens {

    /** Name of the cookie holding the client id. */
    static final String COOKIE = "withings-link-client";
    /** Most used tokens remembered to refuse their reuse. */
    static final int USED_CAPACITY = 4096;
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern TOKEN = Pattern.compile("(\\d{1,12})\\.([A-Za-z0-9_-]{11})\\.([A-Za-z0-9_-]{43})");

    private final byte[] key = new byte[32];
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration lifetime;
    private final String path;
    private final LinkStateStore<Boolean> used;

    /**
     * @param clock time source
     * @param lifetime how long a form and the cookie are valid
     * @param path the page's path, the cookie's scope
     */
    FormTokens(Clock clock, Duration lifetime, String path) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.path = path;
        this.used = new LinkStateStore<>(clock, lifetime, USED_CAPACITY, t -> {
        });
        random.nextBytes(key);
    }

    /** How long a form and the cookie are valid. */
    Duration lifetime() {
        return lifetime;
    }

    /** The client id the browser sent in the cookie, if it has a well-formed one. */
    @Nullable
    String clientId(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName()) && CLIENT_ID.matcher(cookie.getValue()).matches()) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /**
     * The browser's client id, a new one when it sent none; the cookie is (re)set with a fresh lifetime either way.
     */
    String clientIdRenewed(HttpServletRequest req, HttpServletResponse resp, boolean secure) {
        String id = clientId(req);
        if (id == null) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        resp.addHeader("Set-Cookie", COOKIE + "=" + id + "; Path=" + path + "; Max-Age=" + lifetime.toSeconds()
                + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
        return id;
    }

    /** A new form token for the client. */
    String issue(String clientId) {
        long issued = clock.instant().getEpochSecond();
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return issued + "." + nonce + "." + mac(clientId, issued, nonce);
    }

    /**
     * Accepts a form token once: it must have been issued by this page to this client within the lifetime.
     *
     * @return false for a missing client id, a forged, foreign, expired or already used token
     */
    boolean consume(@Nullable String clientId, @Nullable String token) {
        if (clientId == null || token == null) {
            return false;
        }
        var matcher = TOKEN.matcher(token);
        if (!matcher.matches()) {
            return false;
        }
        long issued = Long.parseLong(matcher.group(1));
        long now = clock.instant().getEpochSecond();
        if (issued > now + 60 || now - issued >= lifetime.toSeconds()) {
            return false;
        }
        byte[] expected = mac(clientId, issued, matcher.group(2)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, matcher.group(3).getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        synchronized (used) {
            if (used.contains(token)) {
                return false;
            }
            used.put(token, Boolean.TRUE);
        }
        return true;
    }

    private String mac(String clientId, long issued, String nonce) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            String signed = path + "|" + clientId + "|" + issued + "|" + nonce;
            byte[] sum = hmac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sum);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is in every Java runtime
            throw new IllegalStateException(e);
        }
    }
}
