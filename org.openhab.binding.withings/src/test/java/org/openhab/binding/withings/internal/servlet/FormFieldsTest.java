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

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests of {@link FormFields}, the strict form decoder both servlets share.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class FormFieldsTest {

    @Test
    void decodesEscapesPlusAndUtf8AndKeepsTheFirstOfARepeatedFreeField() {
        Map<String, String> form = FormFields.parse(
                "a=x+y%26z&b=%C3%9F%E2%82%AC&c&a=second&=empty".getBytes(StandardCharsets.US_ASCII),
                StandardCharsets.UTF_8, Set.of("b"));
        assertEquals(Map.of("a", "x y&z", "b", "ß€", "c", "", "", "empty"), form);
    }

    @Test
    void decodesInTheGivenCharset() {
        assertEquals(Map.of("n", "ß"), FormFields.parse("n=%DF".getBytes(StandardCharsets.US_ASCII),
                StandardCharsets.ISO_8859_1, Set.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "a=%zz", "a=%4", "a=%", "a=%E2%28%A1", "a=%C3", "b=1&b=2", "%zz=1" })
    void refusesMalformedEscapesInvalidUtf8AndRepeatedSingleFields(String body) {
        assertThrows(IllegalArgumentException.class,
                () -> FormFields.parse(body.getBytes(StandardCharsets.US_ASCII), StandardCharsets.UTF_8, Set.of("b")));
    }

    @Test
    void refusesRawBytesThatAreNotValidUtf8() {
        byte[] body = { 'a', '=', (byte) 0xE2, 0x28, (byte) 0xA1 };
        assertThrows(IllegalArgumentException.class, () -> FormFields.parse(body, StandardCharsets.UTF_8, Set.of()));
    }

    @Test
    void charsetOfTheContentType() {
        assertEquals(StandardCharsets.UTF_8, FormFields.formCharset("application/x-www-form-urlencoded"));
        assertEquals(StandardCharsets.ISO_8859_1,
                FormFields.formCharset("Application/X-WWW-Form-Urlencoded; charset=\"ISO-8859-1\""));
        assertNull(FormFields.formCharset("application/x-www-form-urlencoded; charset=nope"));
        assertNull(FormFields.formCharset("application/x-www-form-urlencoded; charset=\""));
        assertNull(FormFields.formCharset("text/plain"));
        assertNull(FormFields.formCharset(null));
    }

    @Test
    void readsAtMostTheBound() throws Exception {
        assertArrayEquals(new byte[10], FormFields.readBounded(new ByteArrayInputStream(new byte[10]), 10));
        assertNull(FormFields.readBounded(new ByteArrayInputStream(new byte[11]), 10));
    }
}
