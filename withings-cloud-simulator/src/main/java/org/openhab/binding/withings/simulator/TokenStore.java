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
package org.openhab.binding.withings.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Authorization codes, access tokens and refresh tokens with Withings' lifetimes and rotation rules: codes are
 * single-use and live 30 s; each refresh issues a new refresh token, and the old one dies when the new access
 * token is first used (at the latest after a grace period). Thread-safe.
 *
 * @author Withings binding contributors - Initial contribution
 */
final class TokenStore {

    static final Set<String> ALL_SCOPES = new LinkedHashSet<>(
            java.util.List.of("user.info", "user.metrics", "user.activity", "user.sleepevents"));

    /** An issued authorization code. */
    record Code(long userid, String clientId, String redirectUri, Set<String> scopes, Instant expires) {
    }

    /** An access token. */
    static final class Access {
        final long userid;
        final Set<String> scopes;
        final Instant expires;
        /** the refresh token that dies when this access token is first used, or null */
        String predecessorRefresh;
        boolean used;
        boolean revoked;

        Access(long userid, Set<String> scopes, Instant expires) {
            this.userid = userid;
            this.scopes = scopes;
            this.expires = expires;
        }
    }

    /** A refresh token. */
    static final class Refresh {
        final long userid;
        final Set<String> scopes;
        boolean dead;
        /** set once rotated: the latest instant it may still be used */
        Instant diesAt;

        Refresh(long userid, Set<String> scopes) {
            this.userid = userid;
            this.scopes = scopes;
        }
    }

    /** Outcome of a token request. */
    record Issued(long userid, String accessToken, String refreshToken, Set<String> scopes) {
    }

    /** A token request refused with a Withings status. */
    static final class TokenException extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final long userid;

        TokenException(int status, String message, long userid) {
            super(message);
            this.status = status;
            this.userid = userid;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration accessLifetime;
    private final Duration codeLifetime;
    private final Duration oldRefreshGrace;
    private final Map<String, Code> codes = new HashMap<>();
    private final Map<String, Access> access = new HashMap<>();
    private final Map<String, Refresh> refresh = new HashMap<>();

    TokenStore(Clock clock, Duration accessLifetime, Duration codeLifetime, Duration oldRefreshGrace) {
        this.clock = clock;
        this.accessLifetime = accessLifetime;
        this.codeLifetime = codeLifetime;
        this.oldRefreshGrace = oldRefreshGrace;
    }

    Duration accessLifetime() {
        return accessLifetime;
    }

    private String newToken() {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }

    static Set<String> parseScopes(String scope) {
        Set<String> result = new LinkedHashSet<>();
        if (scope != null) {
            for (String s : scope.split("[, ]")) {
                if (ALL_SCOPES.contains(s.trim())) {
                    result.add(s.trim());
                }
            }
        }
        return result;
    }

    synchronized String issueCode(long userid, String clientId, String redirectUri, Set<String> scopes) {
        String code = newToken();
        Set<String> ordered = new LinkedHashSet<>();
        ALL_SCOPES.stream().filter(scopes::contains).forEach(ordered::add);
        codes.put(code, new Code(userid, clientId, redirectUri, ordered, clock.instant().plus(codeLifetime)));
        return code;
    }

    /** Exchanges a code (single-use: it is consumed whatever the outcome). */
    synchronized Issued exchangeCode(String code, String clientId, String redirectUri) throws TokenException {
        Code c = code == null ? null : codes.remove(code);
        if (c == null) {
            throw new TokenException(503, "Invalid Params: invalid code", 0);
        }
        if (clock.instant().isAfter(c.expires())) {
            throw new TokenException(503, "Invalid Params: invalid code", c.userid());
        }
        if (!c.clientId().equals(clientId)) {
            throw new TokenException(503, "Invalid Params: invalid client_id", c.userid());
        }
        if (redirectUri == null || !c.redirectUri().equals(redirectUri)) {
            throw new TokenException(503, "Invalid Params: invalid redirect_uri", c.userid());
        }
        return issue(c.userid(), c.scopes(), null);
    }

    synchronized Issued refresh(String refreshToken) throws TokenException {
        Refresh r = refreshToken == null ? null : refresh.get(refreshToken);
        if (r == null) {
            throw new TokenException(401, "invalid refresh_token", 0);
        }
        Instant diesAt = r.diesAt;
        if (r.dead || (diesAt != null && clock.instant().isAfter(diesAt))) {
            r.dead = true;
            throw new TokenException(401, "invalid refresh_token", r.userid);
        }
        if (r.diesAt == null) {
            r.diesAt = clock.instant().plus(oldRefreshGrace);
        }
        return issue(r.userid, r.scopes, refreshToken);
    }

    private Issued issue(long userid, Set<String> scopes, String predecessor) {
        String a = newToken();
        String rt = newToken();
        Access acc = new Access(userid, scopes, clock.instant().plus(accessLifetime));
        acc.predecessorRefresh = predecessor;
        access.put(a, acc);
        refresh.put(rt, new Refresh(userid, scopes));
        return new Issued(userid, a, rt, scopes);
    }

    /**
     * Validates an access token on a data call; the first use of a token issued by a refresh kills the refresh
     * token it replaced.
     *
     * @return the token, or null when unknown, expired or revoked
     */
    synchronized Access use(String token) {
        Access a = token == null ? null : access.get(token);
        if (a == null || a.revoked || !clock.instant().isBefore(a.expires)) {
            return null;
        }
        if (!a.used) {
            a.used = true;
            String predecessor = a.predecessorRefresh;
            if (predecessor != null) {
                Refresh old = refresh.get(predecessor);
                if (old != null) {
                    old.dead = true;
                }
            }
        }
        return a;
    }

    /** @return the user of a token without counting it as used, 0 when unknown */
    synchronized long peekUser(String token) {
        Access a = token == null ? null : access.get(token);
        if (a != null) {
            return a.userid;
        }
        Refresh r = token == null ? null : refresh.get(token);
        if (r != null) {
            return r.userid;
        }
        Code c = token == null ? null : codes.get(token);
        return c == null ? 0 : c.userid();
    }

    /** Kills every token and code of a user. */
    synchronized void revoke(long userid) {
        access.values().forEach(a -> {
            if (a.userid == userid) {
                a.revoked = true;
            }
        });
        refresh.values().forEach(r -> {
            if (r.userid == userid) {
                r.dead = true;
            }
        });
        codes.values().removeIf(c -> c.userid() == userid);
    }

    /** Scopes of the user's live access tokens (what the user granted). */
    synchronized Set<String> grantedScopes(long userid) {
        Set<String> scopes = new HashSet<>();
        Instant now = clock.instant();
        access.values().stream().filter(a -> a.userid == userid && !a.revoked && now.isBefore(a.expires))
                .forEach(a -> scopes.addAll(a.scopes));
        return scopes;
    }

    synchronized void clear() {
        codes.clear();
        access.clear();
        refresh.clear();
    }
}
