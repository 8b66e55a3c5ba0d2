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
package org.openhab.binding.withings.internal.dto;

import java.io.IOException;

import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

/**
 * Tolerant reader of Withings flags such as {@code more}: {@code getmeas} sends an integer 0/1, the v2 services a
 * boolean, and captures show both. Numbers other than 0, {@code true} and the strings "true"/"1" are true; null
 * stays null; anything else is false.
 *
 * @author Withings binding contributors - Initial contribution
 */
public class BooleanFlagAdapter extends TypeAdapter<Boolean> {

    @Override
    public void write(JsonWriter out, Boolean value) throws IOException {
        if (value == null) {
            out.nullValue();
        } else {
            out.value(value.booleanValue());
        }
    }

    @Override
    public Boolean read(JsonReader in) throws IOException {
        JsonToken token = in.peek();
        switch (token) {
            case NULL:
                in.nextNull();
                return null;
            case BOOLEAN:
                return in.nextBoolean();
            case NUMBER:
                return in.nextDouble() != 0;
            case STRING:
                String s = in.nextString().trim();
                return "true".equalsIgnoreCase(s) || "1".equals(s);
            default:
                in.skipValue();
                return Boolean.FALSE;
        }
    }
}
