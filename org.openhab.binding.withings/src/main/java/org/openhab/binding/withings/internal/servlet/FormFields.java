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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The one decoder of {@code application/x-www-form-urlencoded} data (posted bodies and query strings) of the
 * binding's servlets, so that neither relies on the servlet container's {@code getParameter} (whose failures on
 * broken input escape as the container's own exceptions and warnings). It is strict: an unknown charset, bytes that
 * are not valid in the charset, a broken %-escape, a body over the bound or a repeated field that must be single are
 * refused, so that the servlet can answer 4xx.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
final class FormFields {

    /** The content type of an HTML form post (and of Withings' notifications). */
    static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

    private FormFields() {
    }

    /**
     * @return the charset of a form content type (UTF-8 unless given), or null if it is not a form or the charset
     *         is unknown
     */
    static @Nullable Charset formCharset(@Nullable String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";", -1);
        if (parts.length == 0 || !FORM_CONTENT_TYPE.equals(parts[0].trim().toLowerCase(Locale.ROOT))) {
            return null;
        }
        Charset charset = StandardCharsets.UTF_8;
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim();
            int eq = param.indexOf('=');
            if (eq > 0 && "charset".equalsIgnoreCase(param.substring(0, eq).trim())) {
                String name = param.substring(eq + 1).trim();
                if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1);
                }
                try {
                    charset = Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return null;
                }
                if (!charset.canEncode()) {
                    // a decode-only charset cannot carry %-escaped text
                    return null;
                }
            }
        }
        return charset;
    }

    /**
     * Reads a body of at most {@code maxBytes}.
     *
     * @return the body, or null if it is longer
     */
    static byte @Nullable [] readBounded(InputStream in, int maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        int n;
        while ((n = in.read(buffer, 0, Math.min(buffer.length, maxBytes + 1 - total))) > 0) {
            out.write(buffer, 0, n);
            total += n;
            if (total > maxBytes) {
                return null;
            }
        }
        return out.toByteArray();
    }

    /**
     * Decodes a form body (or a query string given as bytes); the first occurrence of a repeated name wins, except
     * for the names in {@code singleFields}, which must not repeat.
     *
     * @throws IllegalArgumentException on bytes that are not valid in the charset, a malformed %-escape, an escape
     *             that decodes to invalid characters or a repeated single field
     */
    static Map<String, String> parse(byte[] body, Charset charset, Set<String> singleFields) {
        return parse(strict(charset, body), charset, singleFields);
    }

    /**
     * Decodes form data already decoded to characters (a query string); see {@link #parse(byte[], Charset, Set)}.
     *
     * @throws IllegalArgumentException as there
     */
    static Map<String, String> parse(String data, Charset charset, Set<String> singleFields) {
        Map<String, String> form = new HashMap<>();
        if (data.isEmpty()) {
            return form;
        }
        for (String pair : data.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), charset);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), charset);
            if (form.putIfAbsent(name, value) != null && singleFields.contains(name)) {
                throw new IllegalArgumentException("repeated field");
            }
        }
        return form;
    }

    /** One name or value: {@code +} is a space, {@code %XX} a byte of the charset; strict about both. */
    private static String decode(String text, Charset charset) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("truncated escape");
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("malformed escape");
                }
                bytes.write(hi * 16 + lo);
                i += 3;
            } else {
                int end = i;
                while (end < text.length() && text.charAt(end) != '%') {
                    end++;
                }
                bytes.writeBytes(text.substring(i, end).replace('+', ' ').getBytes(charset));
                i = end;
            }
        }
        return strict(charset, bytes.toByteArray());
    }

    private static String strict(Charset charset, byte[] bytes) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not valid in " + charset.name());
        }
    }
}
