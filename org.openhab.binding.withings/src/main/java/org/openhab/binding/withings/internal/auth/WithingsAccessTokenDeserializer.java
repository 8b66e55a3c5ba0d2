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

import java.lang.reflect.Type;
import java.time.Clock;
import java.util.ArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.auth.client.oauth2.AccessTokenResponse;

import com.google.gson.JsonDeserializationContext;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSyntaxException;

/**
 * Reads Withings' wrapped token answer {@code {"status":0,"body":{…}}} into core's {@link AccessTokenResponse}
 * (registered with {@code OAuthClientService.withGsonBuilder}). A non-zero status becomes a
 * {@link JsonSyntaxException}, which core reports as an {@code OAuthException}; the status is kept
 * ({@link #getLastStatus()}) so the caller can tell re-authorisation from a transient failure.
 * <p>
 * After a successful parse the JSON object is emptied and only {@code userid} (as a string) put back: core's
 * extra-fields adapter reads that same tree afterwards, so {@code getExtraFields()} holds {@code userid} only and
 * no copy of the tokens is stored in plain text. No message of this class contains a token.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class WithingsAccessTokenDeserializer implements JsonDeserializer<AccessTokenResponse> {

    /** The extra field holding the Withings user id. */
    public static final String USERID = "userid";
    /** Value of {@link #getLastStatus()} before any answer was read. */
    public static final int NO_STATUS = -1;

    private final Clock clock;
    private volatile int lastStatus = NO_STATUS;

    public WithingsAccessTokenDeserializer(Clock clock) {
        this.clock = clock;
    }

    public WithingsAccessTokenDeserializer() {
        this(Clock.systemUTC());
    }

    /**
     * @return the Withings status of the last token answer read (0 on success), or {@link #NO_STATUS}
     */
    public int getLastStatus() {
        return lastStatus;
    }

    /**
     * Forgets the last status (before a new token request, so a later non-JSON failure is not attributed to an
     * older answer).
     */
    public void resetLastStatus() {
        lastStatus = NO_STATUS;
    }

    @Override
    public AccessTokenResponse deserialize(@Nullable JsonElement json, @Nullable Type typeOfT,
            @Nullable JsonDeserializationContext context) throws JsonSyntaxException {
        if (json == null || !json.isJsonObject()) {
            throw new JsonSyntaxException("Withings token answer is not a JSON object");
        }
        JsonObject root = json.getAsJsonObject();
        JsonElement statusElement = root.get("status");
        if (!(statusElement instanceof JsonPrimitive statusPrimitive) || !statusPrimitive.isNumber()) {
            throw new JsonSyntaxException("Withings token answer without status");
        }
        int status;
        try {
            status = statusPrimitive.getAsInt();
        } catch (NumberFormatException e) {
            throw new JsonSyntaxException("Withings token answer with an invalid status");
        }
        lastStatus = status;
        if (status != 0) {
            throw new JsonSyntaxException("Withings token endpoint answered status " + status);
        }
        JsonElement bodyElement = root.get("body");
        if (bodyElement == null || !bodyElement.isJsonObject()) {
            throw new JsonSyntaxException("Withings token answer without body");
        }
        JsonObject body = bodyElement.getAsJsonObject();
        String accessToken = string(body, "access_token");
        if (accessToken == null || accessToken.isEmpty()) {
            throw new JsonSyntaxException("Withings token answer without access token");
        }
        AccessTokenResponse response = new AccessTokenResponse();
        response.setAccessToken(accessToken);
        String refreshToken = string(body, "refresh_token");
        if (refreshToken != null) {
            response.setRefreshToken(refreshToken);
        }
        String tokenType = string(body, "token_type");
        response.setTokenType(tokenType != null ? tokenType : "Bearer");
        JsonElement expiresIn = body.get("expires_in");
        if (expiresIn instanceof JsonPrimitive expires && (expires.isNumber() || expires.isString())) {
            try {
                response.setExpiresIn(expires.getAsLong());
            } catch (NumberFormatException e) {
                throw new JsonSyntaxException("Withings token answer with an invalid expires_in");
            }
        }
        String scope = string(body, "scope");
        if (scope != null) {
            response.setScope(scope);
        }
        response.setCreatedOn(clock.instant());
        String userId = string(body, USERID);

        // leave only userid in the tree core's extra-fields adapter reads after this method
        for (String key : new ArrayList<>(root.keySet())) {
            root.remove(key);
        }
        if (userId != null) {
            root.addProperty(USERID, userId);
        }
        return response;
    }

    private static @Nullable String string(JsonObject object, String name) {
        JsonElement element = object.get(name);
        if (element instanceof JsonPrimitive primitive) {
            return primitive.getAsString();
        }
        return null;
    }
}
