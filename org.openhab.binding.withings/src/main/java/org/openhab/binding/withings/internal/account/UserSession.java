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

import java.time.Instant;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsAuthException;
import org.openhab.binding.withings.internal.auth.OAuthTokenProvider;
import org.openhab.binding.withings.internal.auth.WithingsOAuth;
import org.openhab.binding.withings.internal.servlet.AccountLinking.TokenState;

/**
 * One linked user of a running account bridge: its one OAuth service (the only instance used for its handle), the
 * token provider every request of the user goes through, and what the page and the console show. Holds no token.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class UserSession {

    /** Told about the outcome of every token request of the session. */
    interface Outcomes {
        /** @param refreshed Withings just refreshed the token (proof the authorisation works) */
        void tokenWorked(UserSession session, boolean refreshed);

        void tokenRefused(UserSession session, WithingsAuthException e);

        void tokenFailed(UserSession session, WithingsApiException e);
    }

    final String userId;
    final String handle;
    final WithingsOAuth.Service oauth;
    private final TokenProvider tokenProvider;

    volatile TokenState tokenState = TokenState.UNCHECKED;
    volatile @Nullable Instant tokenExpires;
    volatile String scope;
    volatile @Nullable Instant lastData;
    volatile String lastApiStatus = "none yet";

    UserSession(String userId, String handle, WithingsOAuth.Service oauth, String scope, Outcomes outcomes) {
        this.userId = userId;
        this.handle = handle;
        this.oauth = oauth;
        this.scope = scope;
        TokenProvider delegate = new OAuthTokenProvider(oauth);
        this.tokenProvider = new TokenProvider() {
            @Override
            public String accessToken() throws WithingsApiException {
                return track(false);
            }

            @Override
            public String refreshedAccessToken() throws WithingsApiException {
                return track(true);
            }

            private String track(boolean refresh) throws WithingsApiException {
                try {
                    String token = refresh ? delegate.refreshedAccessToken() : delegate.accessToken();
                    outcomes.tokenWorked(UserSession.this, refresh);
                    return token;
                } catch (WithingsAuthException e) {
                    outcomes.tokenRefused(UserSession.this, e);
                    throw e;
                } catch (WithingsApiException e) {
                    outcomes.tokenFailed(UserSession.this, e);
                    throw e;
                }
            }
        };
    }

    public String userId() {
        return userId;
    }

    /** The OAuth handle (core's token store key) of the user. */
    public String handle() {
        return handle;
    }

    /** The token source of the user: reports every outcome, so a refused refresh reaches the bridge. */
    public TokenProvider tokenProvider() {
        return tokenProvider;
    }

    public TokenState tokenState() {
        return tokenState;
    }

    /** The granted scopes as Withings answered them. */
    public String scope() {
        return scope;
    }

    /** Notes when data (a notification) for the user last arrived. */
    public void dataArrived(Instant when) {
        lastData = when;
    }
}
