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

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiConfig;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsAuthException;
import org.openhab.binding.withings.internal.api.WithingsScope;
import org.openhab.binding.withings.internal.auth.WithingsOAuth;
import org.openhab.binding.withings.internal.servlet.AccountLinking.LinkedUserView;
import org.openhab.binding.withings.internal.servlet.AccountLinking.TokenState;
import org.openhab.core.auth.client.oauth2.AccessTokenRefreshListener;
import org.openhab.core.auth.client.oauth2.AccessTokenResponse;
import org.openhab.core.auth.client.oauth2.OAuthClientService;
import org.openhab.core.auth.client.oauth2.OAuthException;
import org.openhab.core.auth.client.oauth2.OAuthFactory;
import org.openhab.core.auth.client.oauth2.OAuthResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The linked users of one running account bridge: the persisted list ({@link LinkedUserStore}) and one
 * {@link UserSession} per user with the one {@link OAuthClientService} of its handle, the token checks and their
 * outcomes. A user whose token Withings refuses, or accepts again, is reported to the bridge's {@link Events}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class LinkedUsers implements UserSession.Outcomes {

    /** Told when the authorisation of a user is lost or works again; must return quickly. */
    public interface Events {
        void authorizationLost(String userId);

        void authorized(String userId);
    }

    /** Outcome of a check of every user's token. */
    public record TokenCheck(int working, int unreachable, int refused) {
    }

    private final Logger logger = LoggerFactory.getLogger(LinkedUsers.class);
    private final String bridgeId;
    private final OAuthFactory oAuthFactory;
    private final Clock clock;
    private final Events events;

    private volatile @Nullable LinkedUserStore store;
    private final Map<String, UserSession> sessions = new ConcurrentHashMap<>();

    public LinkedUsers(String bridgeId, OAuthFactory oAuthFactory, Clock clock, Events events) {
        this.bridgeId = bridgeId;
        this.oAuthFactory = oAuthFactory;
        this.clock = clock;
        this.events = events;
    }

    // ------------------------------------------------------------------ storage

    /** The storage of the running bridge, or null while it is not running. */
    @Nullable
    public LinkedUserStore store() {
        return store;
    }

    public void setStore(@Nullable LinkedUserStore store) {
        this.store = store;
    }

    /** The persisted users, ordered by link time; empty while the bridge is not running. */
    public List<LinkedUser> persisted() {
        LinkedUserStore st = store;
        return st == null ? List.of() : st.users();
    }

    // ------------------------------------------------------------------ sessions

    /**
     * Opens the session of a user (or updates the scope of its open session): creates the one OAuth service of its
     * handle and watches its refreshes. Synchronized: the bridge's start and a link of the same user may open it at
     * once, and a second OAuth service of the handle would never be released.
     */
    public synchronized UserSession open(LinkedUser user, WithingsApiConfig api, String clientId, String clientSecret) {
        UserSession existing = sessions.get(user.userId());
        if (existing != null) {
            existing.scope = user.scope();
            return existing;
        }
        String handle = WithingsOAuth.handle(bridgeId, user.userId());
        WithingsOAuth.Service oauth = WithingsOAuth.create(oAuthFactory, handle, api, clientId,
                clientSecret);
        UserSession session = new UserSession(user.userId(), handle, oauth, user.scope(), this);
        oauth.service().addAccessTokenRefreshListener(new AccessTokenRefreshListener() {
            @Override
            public void onAccessTokenResponse(AccessTokenResponse response) {
                // Withings accepted a refresh: proof the authorisation works (also after a refresh core did itself)
                noteToken(session, response);
                tokenWorked(session, true);
            }
        });
        sessions.put(user.userId(), session);
        return session;
    }

    /**
     * Opens the session of a freshly linked user and stores the token answer of the code exchange under its handle.
     *
     * @throws OAuthException if core refused to store it
     */
    public synchronized UserSession openWithToken(LinkedUser user, AccessTokenResponse response, WithingsApiConfig api,
            String clientId, String clientSecret) throws OAuthException {
        UserSession session = open(user, api, clientId, clientSecret);
        session.oauth.service().importAccessTokenResponse(response);
        return session;
    }

    @Nullable
    public UserSession session(String userId) {
        return sessions.get(userId);
    }

    /** A snapshot of the open sessions. */
    public List<UserSession> sessions() {
        return List.copyOf(sessions.values());
    }

    public Set<String> sessionUserIds() {
        return Set.copyOf(sessions.keySet());
    }

    public boolean isLinked(String userId) {
        return sessions.containsKey(userId);
    }

    public boolean isEmpty() {
        return sessions.isEmpty();
    }

    public int size() {
        return sessions.size();
    }

    @Nullable
    public UserSession close(String userId) {
        return sessions.remove(userId);
    }

    /** Releases the OAuth services of all sessions (their tokens stay in core's store) and forgets them. */
    public void closeAll() {
        for (UserSession session : sessions.values()) {
            oAuthFactory.ungetOAuthService(session.handle);
        }
        sessions.clear();
    }

    /** Deletes the tokens of a user from core's store (and its OAuth service). */
    public void deleteTokens(String userId) {
        oAuthFactory.deleteServiceAndAccessToken(WithingsOAuth.handle(bridgeId, userId));
    }

    public Optional<TokenProvider> tokenProvider(String userId) {
        UserSession session = sessions.get(userId);
        return session == null ? Optional.empty() : Optional.of(session.tokenProvider());
    }

    /** Last outcome of a token request of a user, for the console. */
    public String lastApiStatus(String userId) {
        UserSession session = sessions.get(userId);
        return session == null ? "not linked" : session.lastApiStatus;
    }

    /** The linked users as the page and the console show them, with the given webhook text of each. */
    public List<LinkedUserView> views(Function<String, String> webhookText) {
        List<LinkedUserView> views = new ArrayList<>();
        for (LinkedUser user : persisted()) {
            UserSession session = sessions.get(user.userId());
            if (session == null) {
                views.add(new LinkedUserView(user.userId(), user.scope(), user.missingScopes(), TokenState.UNCHECKED,
                        null, null, webhookText.apply(user.userId())));
            } else {
                views.add(new LinkedUserView(user.userId(), session.scope, WithingsScope.missing(session.scope),
                        session.tokenState, session.tokenExpires, session.lastData, webhookText.apply(user.userId())));
            }
        }
        return views;
    }

    // ------------------------------------------------------------------ tokens

    /** Gets (and when expired refreshes) the token of every user; the outcomes update the sessions. */
    public TokenCheck checkTokens() {
        int working = 0;
        int unreachable = 0;
        int refused = 0;
        for (UserSession session : sessions()) {
            try {
                session.tokenProvider().accessToken();
                if (session.tokenState == TokenState.REAUTHORIZATION_NEEDED) {
                    refused++;
                } else {
                    readExpiry(session);
                    working++;
                }
            } catch (WithingsAuthException e) {
                refused++;
            } catch (WithingsApiException e) {
                unreachable++;
            }
        }
        return new TokenCheck(working, unreachable, refused);
    }

    private void readExpiry(UserSession session) {
        try {
            AccessTokenResponse response = session.oauth.service().getAccessTokenResponse();
            if (response != null) {
                noteToken(session, response);
            }
        } catch (OAuthException | IOException | OAuthResponseException | RuntimeException e) {
            // only informative: the token itself just worked
            logger.debug("Bridge {}: could not read the token expiry of user {}", bridgeId, session.userId);
        }
    }

    /** Notes the expiry of a token answer and a changed scope (persisted). */
    public void noteToken(UserSession session, AccessTokenResponse response) {
        Instant created = response.getCreatedOn();
        if (created != null && response.getExpiresIn() > 0) {
            session.tokenExpires = created.plusSeconds(response.getExpiresIn());
        }
        String scope = response.getScope();
        if (scope != null && !scope.isBlank() && !scope.equals(session.scope)) {
            session.scope = scope;
            LinkedUserStore st = store;
            if (st != null) {
                st.user(session.userId).ifPresent(u -> st.put(new LinkedUser(u.userId(), scope, u.linkedAt())));
            }
        }
    }

    @Override
    public void tokenWorked(UserSession session, boolean refreshed) {
        TokenState before = session.tokenState;
        if (before == TokenState.REAUTHORIZATION_NEEDED && !refreshed) {
            // a stored access token is no proof: Withings refused this user before
            return;
        }
        session.tokenState = TokenState.VALID;
        session.lastApiStatus = "token ok at " + clock.instant();
        if (before == TokenState.REAUTHORIZATION_NEEDED) {
            events.authorized(session.userId);
        }
    }

    @Override
    public void tokenRefused(UserSession session, WithingsAuthException e) {
        TokenState before = session.tokenState;
        session.tokenState = TokenState.REAUTHORIZATION_NEEDED;
        session.lastApiStatus = "token refused (Withings status " + e.getStatus() + ") at " + clock.instant();
        if (before != TokenState.REAUTHORIZATION_NEEDED) {
            logger.debug("Bridge {}: Withings refused the token of user {}: re-authorisation needed", bridgeId,
                    session.userId);
            events.authorizationLost(session.userId);
        }
    }

    @Override
    public void tokenFailed(UserSession session, WithingsApiException e) {
        if (session.tokenState != TokenState.REAUTHORIZATION_NEEDED) {
            session.tokenState = TokenState.UNREACHABLE;
        }
        session.lastApiStatus = "token request failed (" + e.getFamily() + ") at " + clock.instant();
    }
}
