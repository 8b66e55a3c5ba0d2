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

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.Mockito.*;

import java.net.URI;
import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.WithingsBindingConstants;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiConfig;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsAuthException;
import org.openhab.binding.withings.internal.api.WithingsCommunicationException;
import org.openhab.binding.withings.internal.auth.OAuthTokenProvider;
import org.openhab.binding.withings.internal.auth.WithingsOAuth;
import org.openhab.binding.withings.internal.servlet.LinkException;
import org.openhab.binding.withings.internal.servlet.PendingLink;
import org.openhab.binding.withings.simulator.FaultSpec;
import org.openhab.binding.withings.simulator.SimulatorOptions;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;

/**
 * Failures of the token endpoint that are not answers of Withings (an HTML error page of the endpoint or of a proxy
 * in front of it) are transient: the user keeps the authorisation and the tokens, and the next accepted refresh
 * works without a new link. Only a Withings status of the authentication family (or a refused grant) needs
 * re-authorisation. Tokens live 5 s, so every token request goes to the simulator's token endpoint.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsAccountTokenOutageTest extends AccountTestBase {

    private static final String USER = "30000001";

    @Override
    protected SimulatorOptions simulatorOptions() {
        return super.simulatorOptions().accessTokenLifetime(Duration.ofSeconds(5));
    }

    @Test
    void anHtmlErrorPageOfTheTokenEndpointIsTransientAndKeepsTheUserAuthorised() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        link(handler, 30000001L);
        awaitStatus(s -> s.getStatus() == ThingStatus.ONLINE);
        WithingsUserHandler user = userThing(handler, USER);
        TokenProvider tp = handler.tokenProvider(USER).orElseThrow();

        sim.control().injectFault(FaultSpec.httpError(503).on("/v2/oauth2", "requesttoken").times(2));
        WithingsApiException refresh = assertThrows(WithingsApiException.class, tp::refreshedAccessToken);
        assertInstanceOf(WithingsCommunicationException.class, refresh);
        handler.checkUsers();

        assertTrue(is(lastStatus(), ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                "@text/offline.comm-error.token-check"), lastStatus().toString());
        assertTrue(oauth.tokens.containsKey(WithingsOAuth.handle(BRIDGE_ID, USER)), "token kept");

        // the endpoint is back: the same stored refresh token works
        assertFalse(tp.refreshedAccessToken().isEmpty());
        handler.checkUsers();
        assertTrue(is(lastStatus(), ThingStatus.ONLINE, ThingStatusDetail.NONE, null), lastStatus().toString());
        verify(user, never()).onAuthorizationLost();
    }

    @Test
    void aRevokedRefreshTokenIsAnAuthorisationErrorWithTheWithingsStatus() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        link(handler, 30000001L);
        awaitStatus(s -> s.getStatus() == ThingStatus.ONLINE);
        TokenProvider tp = handler.tokenProvider(USER).orElseThrow();

        sim.control().revokeTokens(30000001L);

        WithingsApiException e = assertThrows(WithingsApiException.class, tp::refreshedAccessToken);
        assertInstanceOf(WithingsAuthException.class, e);
        assertEquals(401, e.getStatus());
    }

    @Test
    void aWrongClientSecretIsAConfigurationProblemNeedingANewLink() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        link(handler, 30000001L);
        awaitStatus(s -> s.getStatus() == ThingStatus.ONLINE);

        // a service of the same handle (same stored tokens) with a wrong secret: Withings answers 503 (invalid
        // parameters) to the refresh
        WithingsApiConfig api = WithingsApiConfig.of(sim.baseUri().toString(), sim.baseUri().toString());
        OAuthTokenProvider wrong = new OAuthTokenProvider(WithingsOAuth.create(oauth,
                WithingsOAuth.handle(BRIDGE_ID, USER), api, sim.clientId(), "not-the-secret"));
        WithingsApiException e = assertThrows(WithingsApiException.class, wrong::refreshedAccessToken);
        assertInstanceOf(WithingsAuthException.class, e);
        assertEquals(503, e.getStatus());
        assertFalse(String.valueOf(e.getMessage()).contains("not-the-secret"));
        assertNull(e.getCause());
    }
    @Test
    void aCodeExchangeThatMeetsAnErrorPageSaysWithingsWasUnreachableNotThatTheCodeWasRefused() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        String redirectUri = httpService.baseUri() + WithingsBindingConstants.CONNECT_PATH + BRIDGE_ID;
        PendingLink pending = handler.linking().beginLink(redirectUri, "state-outage");
        String code = query(URI.create(sim.authorize(pending.authorizeUrl(), 30000001L))).get("code");
        assertNotNull(code);
        sim.control().injectFault(FaultSpec.httpError(503).on("/v2/oauth2", "requesttoken").times(1));

        LinkException e = assertThrows(LinkException.class, () -> handler.linking().completeLink(pending, code));
        assertTrue(e.getMessage().contains("could not be reached"), e.getMessage());
        assertFalse(oauth.tokens.containsKey(WithingsOAuth.handle(BRIDGE_ID, USER)), "nothing stored");
        assertFalse(oauth.tokens.containsKey(pending.temporaryHandle()), "temporary handle deleted");
    }

    @Test
    void aCodeWithingsRefusesIsReportedAsRefused() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        String redirectUri = httpService.baseUri() + WithingsBindingConstants.CONNECT_PATH + BRIDGE_ID;
        PendingLink pending = handler.linking().beginLink(redirectUri, "state-refused");
        String code = query(URI.create(sim.authorize(pending.authorizeUrl(), 30000001L))).get("code");
        assertNotNull(code);
        handler.linking().completeLink(pending, code);
        PendingLink again = handler.linking().beginLink(redirectUri, "state-reused");

        // a code can be used once: Withings answers an invalid-params status
        LinkException e = assertThrows(LinkException.class, () -> handler.linking().completeLink(again, code));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
        assertFalse(e.getMessage().contains(code), "the code never appears");
    }
}
