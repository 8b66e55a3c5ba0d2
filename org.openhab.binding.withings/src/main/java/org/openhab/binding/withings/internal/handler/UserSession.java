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
package org.openhab.binding.withings.internal.handler;

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
 * The in-memory state of one linked user of a running account bridge: its one OAuth service (kept for the life of
 * the bridge handler, the only instance used for this handle), the token provider handed to the user Thing, and
 * what the page and the console show. Never holds a token itself.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
final class UserSession {

    /** Told about the outcome of every token request of the session. */
    interface Outcomes {
        /**
         * @param refreshed the token was just refreshed by Withings (proof that the authorisation works), not
         *            only read from the store
         */
        void tokenWorked(UserSession session, boolean refreshed);

        void tokenRefused(UserSession session, WithingsAuthException e);

        void tokenFailed(UserSession session, WithingsApiException e);
    }

    final String userId;
    final String handle;
    final WithingsOAuth.Service oauth;
    final TokenProvider tokenProvider;

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
        this.tokenProvider = new Tracking(new OAuthTokenProvider(oauth), outcomes);
    }

    /** The token provider handed out: reports every outcome, so a refused refresh reaches the user's listener. */
    private final class Tracking implements TokenProvider {

        private final TokenProvider delegate;
        private final Outcomes outcomes;

        Tracking(TokenProvider delegate, Outcomes outcomes) {
            this.delegate = delegate;
            this.outcomes = outcomes;
        }

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
    }
}
