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

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What the account-linking page needs from its account bridge. Implemented by the account handler.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public interface AccountLinking {

    /** Token state of a linked user as shown on the page. */
    enum TokenState {
        /** The token worked at the last check. */
        VALID,
        /** Not checked yet since the bridge started. */
        UNCHECKED,
        /** Withings refused the token or its refresh: the user must be linked again. */
        REAUTHORIZATION_NEEDED,
        /** The last check failed for a transient reason. */
        UNREACHABLE
    }

    /**
     * A linked user as shown on the page: never a token.
     *
     * @param userId the Withings userid
     * @param grantedScope the granted scopes as answered by Withings
     * @param missingScopes the scopes the binding asks for that were not granted
     * @param tokenState the token state
     * @param tokenExpires when the current access token expires (it is refreshed on use), if known
     * @param lastData when data (a notification) for this user last arrived, if known
     * @param webhooks a short text on the webhook subscriptions of the user
     */
    record LinkedUserView(String userId, String grantedScope, Set<String> missingScopes, TokenState tokenState,
            @Nullable Instant tokenExpires, @Nullable Instant lastData, String webhooks) {
    }

    /** The id of the bridge (last UID segment). */
    String bridgeId();

    /** The label of the bridge Thing. */
    String bridgeLabel();

    /** The redirect URI configured on the bridge, or empty to derive it from the request. */
    String configuredRedirectUri();

    /** The linked users. */
    List<LinkedUserView> linkedUsers();

    /**
     * Starts linking: creates the temporary OAuth service and the authorize URL carrying the state.
     *
     * @param redirectUri the redirect URI to send to Withings
     * @param state the random state of this request
     */
    PendingLink beginLink(String redirectUri, String state) throws LinkException;

    /**
     * Completes linking with the code Withings sent back: exchanges it at once, stores the token under the user's
     * handle, deletes the temporary service and makes the user known.
     *
     * @return the Withings userid that was linked
     */
    String completeLink(PendingLink pending, String code) throws LinkException;

    /** Drops a link request that will not complete (error answer, expiry): deletes its temporary service. */
    void abandonLink(PendingLink pending);

    /**
     * Unlinks a user: revokes its subscriptions, deletes its tokens and forgets it.
     *
     * @return false if the user was not linked
     */
    boolean unlink(String userId);
}
