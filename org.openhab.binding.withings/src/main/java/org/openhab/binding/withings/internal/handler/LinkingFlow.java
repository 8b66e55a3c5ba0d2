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

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.withings.internal.api.WithingsApiConfig;
import org.openhab.binding.withings.internal.auth.WithingsAccessTokenDeserializer;
import org.openhab.binding.withings.internal.auth.WithingsOAuth;
import org.openhab.binding.withings.internal.servlet.AccountLinking.TokenState;
import org.openhab.binding.withings.internal.servlet.LinkException;
import org.openhab.binding.withings.internal.servlet.PendingLink;
import org.openhab.core.auth.client.oauth2.AccessTokenResponse;
import org.openhab.core.auth.client.oauth2.OAuthClientService;
import org.openhab.core.auth.client.oauth2.OAuthException;
import org.openhab.core.auth.client.oauth2.OAuthFactory;
import org.openhab.core.auth.client.oauth2.OAuthResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth authorization-code flow of one account bridge: a temporary OAuth service per link request (its own
 * random handle, remembering state and redirect URI), the code exchange at once, the import of the answer into the
 * user's final handle (opening its session in {@link LinkedUsers}) and the deletion of the temporary handle, whatever
 * the outcome. Messages of failures are for the linking page: never a token, code or raw answer.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class LinkingFlow {

    /** A user just linked: its session and the token state it had before. */
    record Linked(UserSession session, TokenState before) {
    }

    /** What the flow needs of the bridge's current configuration. */
    interface Application {
        WithingsApiConfig apiConfig();

        String clientId();

        String clientSecret();
    }

    private final Logger logger = LoggerFactory.getLogger(LinkingFlow.class);
    private final String bridgeId;
    private final OAuthFactory factory;
    private final LinkedUsers users;
    private final Application application;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    LinkingFlow(String bridgeId, OAuthFactory factory, LinkedUsers users, Application application, Clock clock) {
        this.bridgeId = bridgeId;
        this.factory = factory;
        this.users = users;
        this.application = application;
        this.clock = clock;
    }

    /** Handle of the temporary OAuth service of a link request. */
    static String pendingHandle(String bridgeId, String random) {
        return "withings:pending:" + bridgeId + ":" + random;
    }

    /** Creates the temporary OAuth service and the authorize URL carrying the state. */
    PendingLink begin(String redirectUri, String state) throws LinkException {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        String handle = pendingHandle(bridgeId, HexFormat.of().formatHex(bytes));
        WithingsOAuth.Service created = WithingsOAuth.createWithDeserializer(factory, handle, application.apiConfig(),
                application.clientId(), application.clientSecret());
        OAuthClientService service = created.service();
        try {
            String url = service.getAuthorizationUrl(redirectUri, null, state);
            return new PendingLink(handle, service, created.deserializer(), redirectUri, url);
        } catch (OAuthException | RuntimeException e) {
            factory.deleteServiceAndAccessToken(handle);
            logger.debug("Bridge {}: could not build the authorize URL ({})", bridgeId, e.getClass().getSimpleName());
            throw new LinkException(LinkException.Reason.AUTHORIZE_URL);
        }
    }

    /**
     * Exchanges the code, stores the token under the user's handle, persists the user and deletes the temporary
     * service. The caller tells the rest of the bridge.
     */
    Linked complete(PendingLink pending, String code) throws LinkException {
        AccessTokenResponse response;
        try {
            response = pending.service().getAccessTokenResponseByAuthorizationCode(code, pending.redirectUri());
        } catch (OAuthException e) {
            // never log or show the message: core puts the raw answer in it
            abandon(pending);
            if (pending.deserializer().getLastStatus() == WithingsAccessTokenDeserializer.NO_STATUS) {
                // no Withings answer was read (an error page, an outage): nothing was refused
                logger.debug("Bridge {}: the token endpoint gave no Withings answer", bridgeId);
                throw new LinkException(LinkException.Reason.UNREACHABLE);
            }
            logger.debug("Bridge {}: Withings refused the authorization code (status {})", bridgeId,
                    pending.deserializer().getLastStatus());
            throw new LinkException(LinkException.Reason.CODE_REFUSED);
        } catch (OAuthResponseException e) {
            abandon(pending);
            logger.debug("Bridge {}: the token endpoint refused the code exchange", bridgeId);
            throw new LinkException(LinkException.Reason.CODE_REFUSED);
        } catch (IOException | RuntimeException e) {
            abandon(pending);
            logger.debug("Bridge {}: code exchange failed ({})", bridgeId, e.getClass().getSimpleName());
            throw new LinkException(LinkException.Reason.UNREACHABLE);
        }
        String userId = response.getExtraFields().get(WithingsAccessTokenDeserializer.USERID);
        if (userId == null || !userId.matches("[0-9A-Za-z_-]{1,64}")) {
            abandon(pending);
            logger.debug("Bridge {}: token answer without a usable userid", bridgeId);
            throw new LinkException(LinkException.Reason.NO_USER);
        }
        String scope = response.getScope();
        LinkedUser user = new LinkedUser(userId, scope == null ? "" : scope, clock.instant());
        UserSession session;
        try {
            session = users.openWithToken(user, response, application.apiConfig(), application.clientId(),
                    application.clientSecret());
        } catch (OAuthException | RuntimeException e) {
            abandon(pending);
            logger.debug("Bridge {}: could not store the token of user {}", bridgeId, userId);
            throw new LinkException(LinkException.Reason.NOT_STORED);
        }
        abandon(pending);
        LinkedUserStore st = users.store();
        if (st != null) {
            st.put(user);
        }
        session.scope = user.scope();
        users.noteToken(session, response);
        TokenState before = session.tokenState;
        session.tokenState = TokenState.VALID;
        session.lastApiStatus = "linked at " + user.linkedAt();
        logger.debug("Bridge {}: Withings user {} linked (scope {})", bridgeId, userId, user.scope());
        return new Linked(session, before);
    }

    /** Drops a link request: deletes its temporary service. */
    void abandon(PendingLink pending) {
        factory.deleteServiceAndAccessToken(pending.temporaryHandle());
    }
}
