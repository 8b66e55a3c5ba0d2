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
package org.openhab.binding.withings.internal.mapping;

import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;

/**
 * Reads the third-party fixture files into DTOs: envelopes are unwrapped, bare bodies and lists read as they are.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Fixtures {

    public static final Path ROOT = Paths.get("src/test/resources/fixtures");
    private static final Gson GSON = new Gson();

    private Fixtures() {
    }

    /** The fixture's payload: the body of an envelope, else the whole document. */
    public static JsonElement body(String name) throws IOException {
        JsonElement root = JsonParser.parseString(Files.readString(ROOT.resolve(name), StandardCharsets.UTF_8));
        if (root.isJsonObject()) {
            JsonObject object = root.getAsJsonObject();
            if (object.has("status") && object.has("body")) {
                return object.get("body");
            }
        }
        return root;
    }

    /** A list found in the payload: the payload itself if it is an array, else the named member. */
    public static <T> List<T> list(String name, String member, Class<T> type) throws IOException {
        JsonElement body = body(name);
        JsonElement array = body.isJsonArray() ? body : body.getAsJsonObject().get(member);
        Type listType = TypeToken.getParameterized(List.class, type).getType();
        return GSON.fromJson(array, listType);
    }

    public static <T> T object(JsonElement element, Class<T> type) {
        return GSON.fromJson(element, type);
    }
}
