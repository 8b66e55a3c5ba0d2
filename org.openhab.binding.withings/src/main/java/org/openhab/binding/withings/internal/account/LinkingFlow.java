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
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.withings.internal.api.WithingsApiConfig;
import org.openhab.binding.withings.internal.auth.WithingsAccessTokenDeserializer;
import org.openhab.binding.withings.internal.auth.WithingsOAuth;
import org.openhab.binding.withings.internal.config.WithingsAccountConfiguration;
import org.openhab.binding.withings.internal.servlet.AccountLinking;
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
 * The account-linking side of an account bridge, behind its {@code WithingsConnectServlet} page: the OAuth code flow
 * (a temporary OAuth service per request, the code exchanged at once, the token imported under the user's handle,
 * the user persisted) and unlinking (subscriptions revoked, tokens deleted). The bridge hears of each change.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class LinkingFlow implements AccountLinking {

    /** What the flow needs of the bridge, and tells it. */
    public interface Application {
        /** Whether the bridge runs (initialised with a valid configuration, not disposed). */
        boolean isRunning();

        String label();

        WithingsAccountConfiguration configuration();

        WithingsApiConfig apiConfig();

        /** A user was linked; its token state before was {@code before}. */
        void linked(UserSession session, TokenState before);

        /** A user was unlinked. */
        void unlinked(String userId);
    }

    private final Logger logger = LoggerFactory.getLogger(LinkingFlow.class);
    private final String bridgeId;
    private final OAuthFactory factory;
    private final LinkedUsers users;
    private final AccountWebhooks webhooks;
    private final Application application;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public LinkingFlow(String bridgeId, OAuthFactory factory, LinkedUsers users, AccountWebhooks webhooks,
            Application application, Clock clock) {
        this.bridgeId = bridgeId;
        this.factory = factory;
        this.users = users;
        this.webhooks = webhooks;
        this.application = application;
        this.clock = clock;
    }

    /**
     * Opens the sessions of the persisted users; first forgets every user if the application credentials changed
     * (their tokens were issued for others).
     *
     * @param salt the bridge UID, salting the credentials' fingerprint
     */
    public void load(LinkedUserStore store, String salt) {
        WithingsAccountConfiguration cfg = application.configuration();
        if (store.credentialsChanged(salt, cfg.clientId, cfg.clientSecret)) {
            logger.debug("Bridge {}: application credentials changed, the tokens of {} user(s) are deleted",
                    bridgeId, store.users().size());
            for (LinkedUser user : store.users()) {
                users.deleteTokens(user.userId());
                store.remove(user.userId());
                webhooks.forget(user.userId());
            }
        }
        for (LinkedUser user : store.users()) {
            users.open(user, application.apiConfig(), cfg.clientId, cfg.clientSecret);
        }
    }

    /** Bridge removal: revokes the subscriptions, deletes every token, clears the storage, then runs {@code then}. */
    public void removeAll(LinkedUserStore store, Runnable then) {
        Set<String> userIds = new LinkedHashSet<>(users.sessionUserIds());
        store.users().forEach(u -> userIds.add(u.userId()));
        webhooks.revokeThen(users.sessions(), () -> {
            for (String userId : userIds) {
                users.deleteTokens(userId);
                users.close(userId);
            }
            store.clear();
            logger.debug("Bridge {} removed: tokens of {} user(s) deleted", bridgeId, userIds.size());
            then.run();
        });
    }

    @Override
    public String bridgeId() {
        return bridgeId;
    }

    @Override
    public String bridgeLabel() {
        return application.label();
    }

    @Override
    public String configuredRedirectUri() {
        return application.configuration().redirectUri.trim();
    }

    @Override
    public List<LinkedUserView> linkedUsers() {
        return users.views(webhooks::text);
    }

    /** Handle of the temporary OAuth service of a link request. */
    static String pendingHandle(String bridgeId, String random) {
        return "withings:pending:" + bridgeId + ":" + random;
    }

    @Override
    public PendingLink beginLink(String redirectUri, String state) throws LinkException {
        if (!application.isRunning()) {
            throw new LinkException(LinkException.Reason.NOT_RUNNING);
        }
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        String handle = pendingHandle(bridgeId, HexFormat.of().formatHex(bytes));
        WithingsAccountConfiguration config = application.configuration();
        WithingsOAuth.Service created = WithingsOAuth.create(factory, handle, application.apiConfig(),
                config.clientId, config.clientSecret);
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

    @Override
    public String completeLink(PendingLink pending, String code) throws LinkException {
        if (!application.isRunning()) {
            abandonLink(pending); // a callback under way when the bridge was disposed: open no session
            throw new LinkException(LinkException.Reason.NOT_RUNNING);
        }
        UserSession session = exchange(pending, code);
        TokenState before = session.tokenState;
        session.tokenState = TokenState.VALID;
        if (!application.isRunning()) {
            // disposed during the code exchange: dispose() did not see this session, release its OAuth service
            if (users.close(session.userId) == session) {
                factory.ungetOAuthService(session.handle);
            }
            throw new LinkException(LinkException.Reason.STOPPED);
        }
        application.linked(session, before);
        return session.userId;
    }

    /** Exchanges the code, stores the token under the user's handle, persists the user, drops the request. */
    private UserSession exchange(PendingLink pending, String code) throws LinkException {
        AccessTokenResponse response;
        try {
            response = pending.service().getAccessTokenResponseByAuthorizationCode(code, pending.redirectUri());
        } catch (OAuthException e) {
            // never log or show the message: core puts the raw answer in it
            abandonLink(pending);
            if (pending.deserializer().getLastStatus() == WithingsAccessTokenDeserializer.NO_STATUS) {
                // no Withings answer was read (an error page, an outage): nothing was refused
                logger.debug("Bridge {}: the token endpoint gave no Withings answer", bridgeId);
                throw new LinkException(LinkException.Reason.UNREACHABLE);
            }
            logger.debug("Bridge {}: Withings refused the authorization code (status {})", bridgeId,
                    pending.deserializer().getLastStatus());
            throw new LinkException(LinkException.Reason.CODE_REFUSED);
        } catch (OAuthResponseException e) {
            abandonLink(pending);
            logger.debug("Bridge {}: the token endpoint refused the code exchange", bridgeId);
            throw new LinkException(LinkException.Reason.CODE_REFUSED);
        } catch (IOException | RuntimeException e) {
            abandonLink(pending);
            logger.debug("Bridge {}: code exchange failed ({})", bridgeId, e.getClass().getSimpleName());
            throw new LinkException(LinkException.Reason.UNREACHABLE);
        }
        String userId = response.getExtraFields().get(WithingsAccessTokenDeserializer.USERID);
        if (userId == null || !userId.matches("[0-9A-Za-z_-]{1,64}")) {
            abandonLink(pending);
            logger.debug("Bridge {}: token answer without a usable userid", bridgeId);
            throw new LinkException(LinkException.Reason.NO_USER);
        }
        String scope = response.getScope();
        LinkedUser user = new LinkedUser(userId, scope == null ? "" : scope, clock.instant());
        UserSession session;
        try {
            session = users.openWithToken(user, response, application.apiConfig(), application.configuration().clientId,
                    application.configuration().clientSecret);
        } catch (OAuthException | RuntimeException e) {
            abandonLink(pending);
            logger.debug("Bridge {}: could not store the token of user {}", bridgeId, userId);
            throw new LinkException(LinkException.Reason.NOT_STORED);
        }
        abandonLink(pending);
        LinkedUserStore st = users.store();
        if (st != null) {
            st.put(user);
        }
        session.scope = user.scope();
        users.noteToken(session, response);
        session.lastApiStatus = "linked at " + user.linkedAt();
        logger.debug("Bridge {}: Withings user {} linked (scope {})", bridgeId, userId, user.scope());
        return session;
    }

    @Override
    public void abandonLink(PendingLink pending) {
        factory.deleteServiceAndAccessToken(pending.temporaryHandle());
    }

    @Override
    public boolean unlink(String userId) {
        LinkedUserStore st = users.store();
        if (!users.isLinked(userId) && (st == null || st.user(userId).isEmpty())) {
            return false;
        }
        UserSession session = users.close(userId);
        if (st != null) {
            st.remove(userId);
        }
        webhooks.revokeThen(session == null ? List.of() : List.of(session), () -> {
            users.deleteTokens(userId);
            webhooks.forgetHealth(userId);
        });
        logger.debug("Bridge {}: Withings user {} unlinked", bridgeId, userId);
        application.unlinked(userId);
        return true;
    }
}
