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
package org.openhab.binding.withings.internal.auth;


import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.withings.internal.api.WithingsApiConfig;
import org.openhab.binding.withings.internal.api.WithingsScope;
import org.openhab.core.auth.client.oauth2.AccessTokenResponse;
import org.openhab.core.auth.client.oauth2.OAuthClientService;
import org.openhab.core.auth.client.oauth2.OAuthFactory;

import com.google.gson.GsonBuilder;

/**
 * Creates the {@link OAuthClientService} of one Withings user exactly as verified against openHAB 5.2.1: token URL
 * {@code <api>/v2/oauth2}, authorize URL {@code <account>/oauth2_user/authorize2}, the four scopes, no Basic auth,
 * a Gson builder with the {@link WithingsAccessTokenDeserializer}, and the extra field
 * {@code action=requesttoken} on the instance {@code withGsonBuilder} returns. Keep and use only the returned
 * instance (never {@code OAuthFactory.getOAuthClientService(handle)}, which has neither adapter nor extra field),
 * one per handle; redo this in every {@code initialize()}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class WithingsOAuth {

    /** The scopes the binding asks for, in Withings' comma-separated form. */
    public static final String SCOPES = WithingsScope.REQUESTED_TEXT;

    private WithingsOAuth() {
    }

    /**
     * The service and the deserializer it uses (whose last status tells re-authorisation from transient errors).
     *
     * @param service the service to keep and use for this handle
     * @param deserializer its token deserializer
     */
    public record Service(OAuthClientService service, WithingsAccessTokenDeserializer deserializer) {
    }


    /**
     * Creates the service of one handle: the {@code withGsonBuilder} instance with {@code action=requesttoken}, the
     * only one to use for that handle, with its deserializer for {@link OAuthTokenProvider}.
     */
    public static Service create(OAuthFactory factory, String handle, WithingsApiConfig config,
            String clientId, String clientSecret) {
        WithingsAccessTokenDeserializer deserializer = new WithingsAccessTokenDeserializer();
        OAuthClientService base = factory.createOAuthClientService(handle, config.tokenUrl(), config.authorizeUrl(),
                clientId, clientSecret, SCOPES, false);
        OAuthClientService service = base
                .withGsonBuilder(new GsonBuilder().registerTypeAdapter(AccessTokenResponse.class, deserializer));
        service.addExtraAuthField("action", "requesttoken");
        return new Service(service, deserializer);
    }

    /**
     * The OAuth handle of a linked Withings user: one per bridge and Withings user, equal to the UID the user
     * Thing gets when its id is the userid.
     *
     * @param bridgeId the id segment of the account bridge's UID
     * @param userId the Withings userid
     * @return {@code withings:user:<bridgeId>:<userId>}
     */
    public static String handle(String bridgeId, String userId) {
        return "withings:user:" + bridgeId + ":" + userId;
    }

}
