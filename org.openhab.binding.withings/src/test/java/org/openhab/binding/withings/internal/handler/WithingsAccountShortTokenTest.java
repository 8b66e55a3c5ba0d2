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

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.auth.WithingsOAuth;
import org.openhab.binding.withings.simulator.FaultSpec;
import org.openhab.binding.withings.simulator.SimulatorOptions;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;

/**
 * Account bridge with access tokens that are always due for a refresh (the simulator issues 5 s tokens, core
 * refreshes 10 s before expiry): every token request goes to Withings, so the bridge's token check sees refreshes,
 * rotation and outages of the token endpoint.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsAccountShortTokenTest extends AccountTestBase {

    @Override
    protected SimulatorOptions simulatorOptions() {
        return super.simulatorOptions().accessTokenLifetime(Duration.ofSeconds(5));
    }

    @Test
    void refreshesRotateThroughTheOneServiceOfTheUser() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        link(handler, 30000001L);
        awaitStatus(s -> s.getStatus() == ThingStatus.ONLINE);
        TokenProvider tp = handler.tokenProvider("30000001").orElseThrow();
        String first = tp.accessToken();
        String second = tp.accessToken();
        assertNotEquals(first, second, "each call refreshed");
        handler.checkUsers();
        assertTrue(is(lastStatus(), ThingStatus.ONLINE, ThingStatusDetail.NONE, null));
        String handle = WithingsOAuth.handle(BRIDGE_ID, "30000001");
        TestOAuthFactory.Service service = oauth.instances.stream()
                .filter(s -> s.handle().equals(handle) && s.withGson).findFirst().orElseThrow();
        assertTrue(service.refreshes >= 3, "refreshes: " + service.refreshes);
        assertEquals(1, oauth.instances.stream().filter(s -> s.handle().equals(handle) && s.withGson).count());
    }

    @Test
    void anUnreachableTokenEndpointIsACommunicationErrorAndNoUserLosesItsAuthorization() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        link(handler, 30000001L);
        awaitStatus(s -> s.getStatus() == ThingStatus.ONLINE);
        WithingsUserHandler user = userThing(handler, "30000001");

        sim.close();
        handler.checkUsers();

        assertTrue(is(lastStatus(), ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                "@text/offline.comm-error.token-check"), lastStatus().toString());
        verify(user, never()).onAuthorizationLost();
        assertTrue(oauth.tokens.containsKey(WithingsOAuth.handle(BRIDGE_ID, "30000001")), "token kept");
    }

    @Test
    void aRevokedUserIsFoundByThePeriodicCheck() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        link(handler, 30000001L);
        link(handler, 30000002L);
        awaitStatus(s -> s.getStatus() == ThingStatus.ONLINE);
        WithingsUserHandler revoked = userThing(handler, "30000001");
        WithingsUserHandler other = userThing(handler, "30000002");

        sim.control().revokeTokens(30000001L);
        handler.checkUsers();

        verify(revoked, timeout(TIMEOUT.toMillis())).onAuthorizationLost();
        verify(other, never()).onAuthorizationLost();
        assertTrue(is(lastStatus(), ThingStatus.ONLINE, ThingStatusDetail.NONE,
                "@text/online.users-need-reauthorization [\"1\", \"home\"]"), lastStatus().toString());
    }

    @Test
    void aUserMarkedAfterAFailedRefreshRecoversWithTheNextAcceptedRefresh() throws Exception {
        WithingsAccountHandler handler = started(validConfig());
        link(handler, 30000001L);
        awaitStatus(s -> s.getStatus() == ThingStatus.ONLINE);
        WithingsUserHandler user = userThing(handler, "30000001");

        // Withings refuses the refresh once with an authentication-family status
        sim.control().injectFault(FaultSpec.status(401).on("/v2/oauth2", "requesttoken").times(1));
        handler.checkUsers();
        verify(user, timeout(TIMEOUT.toMillis())).onAuthorizationLost();

        handler.checkUsers();
        verify(user, timeout(TIMEOUT.toMillis())).onAuthorized();
        assertTrue(is(lastStatus(), ThingStatus.ONLINE, ThingStatusDetail.NONE, null), lastStatus().toString());
    }
}
