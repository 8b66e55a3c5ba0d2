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

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.openhab.core.auth.client.oauth2.AccessTokenResponse;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

/**
 * The token deserializer used the way openHAB core uses it: a Gson built from the GsonBuilder handed to
 * {@code withGsonBuilder}, parsing the token endpoint's answer into {@link AccessTokenResponse}; afterwards core's
 * extra-fields adapter reads the same JSON tree into {@code getExtraFields()}, which is emulated here.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsAccessTokenDeserializerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String ACCESS = "a075f8c14fb8df40b08ebc8508533dc332a6910a";
    private static final String REFRESH = "f631236f02b991810feb774765b6ae8e6c6839ca";

    private final WithingsAccessTokenDeserializer deserializer = new WithingsAccessTokenDeserializer(
            Clock.fixed(NOW, ZoneOffset.UTC));
    /**
     * Core's Gson for the token endpoint: the builder given to {@code withGsonBuilder} (with our deserializer) plus,
     * registered after it, a factory that behaves like core's extra-fields adapter: it reads the answer as a tree,
     * lets the delegate (our deserializer) build the response from that tree, then copies every remaining
     * non-standard property of the same tree into {@code extraFields}.
     */
    private final Gson gson = new GsonBuilder().registerTypeAdapter(AccessTokenResponse.class, deserializer)
            .registerTypeAdapterFactory(new CoreLikeExtraFieldsFactory()).create();

    private static final class CoreLikeExtraFieldsFactory implements TypeAdapterFactory {
        private static final Set<String> STANDARD = Set.of("access_token", "token_type", "expires_in",
                "refresh_token", "scope", "state");

        @Override
        public <T> @Nullable TypeAdapter<T> create(@Nullable Gson gson, @Nullable TypeToken<T> type) {
            if (gson == null || type == null || !AccessTokenResponse.class.isAssignableFrom(type.getRawType())) {
                return null;
            }
            TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
            TypeAdapter<JsonElement> trees = gson.getAdapter(JsonElement.class);
            return new TypeAdapter<T>() {
                @Override
                public void write(@Nullable JsonWriter out, @Nullable T value) throws IOException {
                    delegate.write(out, value);
                }

                @Override
                public @Nullable T read(@Nullable JsonReader in) throws IOException {
                    JsonElement tree = trees.read(in);
                    JsonObject object = tree.getAsJsonObject();
                    T parsed = delegate.fromJsonTree(tree);
                    Map<String, String> extra = new HashMap<>();
                    object.entrySet().stream().filter(e -> !STANDARD.contains(e.getKey()))
                            .forEach(e -> extra.put(e.getKey(),
                                    e.getValue().isJsonPrimitive() ? e.getValue().getAsString()
                                            : e.getValue().toString()));
                    if (parsed instanceof AccessTokenResponse response) {
                        response.setExtraFields(extra);
                    }
                    return parsed;
                }
            };
        }
    }

    private static String success(String userid) {
        return "{\"status\":0,\"body\":{\"userid\":" + userid + ",\"access_token\":\"" + ACCESS
                + "\",\"refresh_token\":\"" + REFRESH + "\",\"scope\":\"user.info,user.metrics,user.activity\","
                + "\"expires_in\":10800,\"token_type\":\"Bearer\",\"csrf_token\":\"csrf123\"}}";
    }

    private record Parsed(AccessTokenResponse response, Map<String, String> extraFields) {
    }

    private Parsed parseLikeCore(String json) {
        AccessTokenResponse response = gson.fromJson(json, AccessTokenResponse.class);
        return new Parsed(response, response.getExtraFields());
    }

    @Test
    void successWithNumericUserid() {
        Parsed parsed = parseLikeCore(success("363"));
        AccessTokenResponse response = parsed.response();
        assertEquals(ACCESS, response.getAccessToken());
        assertEquals(REFRESH, response.getRefreshToken());
        assertEquals("Bearer", response.getTokenType());
        assertEquals(10800L, response.getExpiresIn());
        assertEquals("user.info,user.metrics,user.activity", response.getScope());
        assertEquals(NOW, response.getCreatedOn());
        assertFalse(response.isExpired(NOW.plusSeconds(10000), 10));
        assertTrue(response.isExpired(NOW.plusSeconds(10800), 10));
        // only userid remains for the extra fields: no token copy in plain text
        assertEquals(Map.of("userid", "363"), parsed.extraFields());
        assertEquals(Map.of("userid", "363"), response.getExtraFields());
        assertEquals(0, deserializer.getLastStatus());
    }

    @Test
    void successWithStringUserid() {
        Parsed parsed = parseLikeCore(success("\"12345678\""));
        assertEquals(Map.of("userid", "12345678"), parsed.extraFields());
        assertEquals(ACCESS, parsed.response().getAccessToken());
    }

    @Test
    void remainingTreeHoldsOnlyUserid() {
        Gson plain = new GsonBuilder().registerTypeAdapter(AccessTokenResponse.class, deserializer).create();
        JsonElement tree = JsonParser.parseString(success("363"));
        plain.fromJson(tree, AccessTokenResponse.class);
        JsonObject object = tree.getAsJsonObject();
        assertEquals(1, object.size());
        assertEquals("363", object.get("userid").getAsString());
        assertTrue(object.get("userid").getAsJsonPrimitive().isString());
        assertFalse(tree.toString().contains(ACCESS));
        assertFalse(tree.toString().contains(REFRESH));
    }

    @Test
    void worksFromAStringToo() {
        AccessTokenResponse response = gson.fromJson(success("363"), AccessTokenResponse.class);
        assertEquals(REFRESH, response.getRefreshToken());
    }

    @Test
    void status401IsJsonSyntaxExceptionWithStatusKept() {
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> parseLikeCore(
                "{\"status\":401,\"body\":{},\"error\":\"invalid_token: The access token provided is invalid\"}"));
        assertEquals(401, deserializer.getLastStatus());
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().contains("401"));
    }

    @Test
    void status503IsJsonSyntaxExceptionWithStatusKept() {
        String refreshToken = "d0e1f2invalidrefresh";
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> parseLikeCore(
                "{\"status\":503,\"body\":{},\"error\":\"Invalid Params: invalid refresh_token " + refreshToken
                        + "\"}"));
        assertEquals(503, deserializer.getLastStatus());
        assertFalse(e.getMessage().contains(refreshToken));
        deserializer.resetLastStatus();
        assertEquals(WithingsAccessTokenDeserializer.NO_STATUS, deserializer.getLastStatus());
    }

    @Test
    void missingBodyIsJsonSyntaxException() {
        assertThrows(JsonSyntaxException.class, () -> parseLikeCore("{\"status\":0}"));
        assertThrows(JsonSyntaxException.class, () -> parseLikeCore("{\"status\":0,\"body\":[]}"));
        assertThrows(JsonSyntaxException.class, () -> parseLikeCore("{\"status\":0,\"body\":{\"userid\":1}}"));
        assertThrows(JsonSyntaxException.class, () -> parseLikeCore("{\"body\":{}}"));
        // a non-object answer reaching the deserializer directly
        Gson plain = new GsonBuilder().registerTypeAdapter(AccessTokenResponse.class, deserializer).create();
        assertThrows(JsonSyntaxException.class, () -> plain.fromJson("[]", AccessTokenResponse.class));
        assertThrows(JsonSyntaxException.class, () -> plain.fromJson("\"text\"", AccessTokenResponse.class));
    }

    @Test
    void htmlInsteadOfJsonIsJsonSyntaxException() {
        // core hands the raw text to Gson; a page fails before or in the deserializer, always as JsonSyntaxException
        JsonParseException e = assertThrows(JsonParseException.class, () -> gson.fromJson(
                "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
                AccessTokenResponse.class));
        assertInstanceOf(JsonSyntaxException.class, e);
        assertThrows(JsonSyntaxException.class,
                () -> gson.fromJson("<!DOCTYPE html><html></html>", AccessTokenResponse.class));
    }

    @Test
    void userIdOfTheTokenIsNotRequired() {
        Parsed parsed = parseLikeCore("{\"status\":0,\"body\":{\"access_token\":\"x\",\"expires_in\":\"10800\"}}");
        assertEquals(Map.of(), parsed.extraFields());
        assertEquals(10800L, parsed.response().getExpiresIn());
        @Nullable
        String refresh = parsed.response().getRefreshToken();
        assertNull(refresh);
    }
}
