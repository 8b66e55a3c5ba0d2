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
package org.openhab.binding.withings.internal.api;

import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.withings.internal.api.FixtureServer.ok;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.handler.OutputCapture;
import org.openhab.binding.withings.internal.mapping.MeasureMapper;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.unit.SIUnits;

/**
 * Unknown codes are tolerated: an unknown measure type seen in two getmeas answers, and an unknown notification
 * category looked up twice, each give exactly one debug line and no exception.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class UnknownCodesLoggingTest extends ClientTestBase {

    /** Codes no other test uses, so the once-per-code memory of the JVM starts empty for them. */
    private static final int UNKNOWN_MEASTYPE = 9871;
    private static final int UNKNOWN_APPLI = 9872;

    private static String answer(long grpid, long date, long weight) {
        return "{\"updatetime\":" + (date + 100) + ",\"more\":0,\"offset\":0,\"measuregrps\":[{\"grpid\":" + grpid
                + ",\"attrib\":0,\"date\":" + date + ",\"category\":1,\"measures\":[{\"value\":" + weight
                + ",\"type\":1,\"unit\":-3},{\"value\":42,\"type\":" + UNKNOWN_MEASTYPE + ",\"unit\":0}]}]}";
    }

    private static long count(String text, String needle) {
        return text.lines().filter(line -> line.contains(needle)).count();
    }

    private static List<String> problems(String text) {
        return text.lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).toList();
    }

    @Test
    void unknownMeasureTypeInTwoGetmeasAnswersIsLoggedOnceAtDebug() throws Exception {
        server().stub("/measure", "getmeas", ok(answer(1, 1699990000, 70500)), ok(answer(2, 1699991000, 70600)));
        MeasureMapper mapper = new MeasureMapper(AttribPolicy.DEFAULT, ZoneId.of("UTC"));
        String text;
        boolean debug;
        MeasureMapper.Result second;
        try (OutputCapture output = new OutputCapture(MeasureType.class)) {
            debug = output.debugEnabled();
            MeasureResult firstAnswer = client().getMeasures(tokens, MeasureQuery.all());
            MeasureMapper.Result first = assertDoesNotThrow(() -> mapper.map(List.of(), firstAnswer.normalizedGroups()));
            MeasureResult secondAnswer = client().getMeasures(tokens, MeasureQuery.all());
            second = assertDoesNotThrow(() -> mapper.map(first.retained(), secondAnswer.normalizedGroups()));
            text = output.text();
        }
        assertEquals(2, server().requests("/measure", "getmeas").size());
        // the known type of the same group is still mapped
        assertEquals(new QuantityType<>(new BigDecimal("70.600"), SIUnits.KILOGRAM), second.data().get("body#weight"));
        String line = "Ignoring unknown Withings measure type " + UNKNOWN_MEASTYPE;
        assertTrue(count(text, line) <= 1, text);
        if (debug) {
            assertEquals(1, count(text, line), text);
            assertTrue(text.lines().filter(l -> l.contains(line)).allMatch(l -> l.contains("DEBUG")), text);
        }
        assertEquals(List.of(), problems(text));
    }

    @Test
    void unknownNotificationCategoryIsLoggedOnceAtDebug() {
        String text;
        boolean debug;
        try (OutputCapture output = new OutputCapture(NotifyAppli.class)) {
            debug = output.debugEnabled();
            assertTrue(assertDoesNotThrow(() -> NotifyAppli.byCode(UNKNOWN_APPLI)).isEmpty());
            assertTrue(assertDoesNotThrow(() -> NotifyAppli.byCode(UNKNOWN_APPLI)).isEmpty());
            assertEquals(NotifyAppli.WEIGHT, NotifyAppli.byCode(1).orElseThrow());
            text = output.text();
        }
        String line = "Ignoring unknown Withings notification category " + UNKNOWN_APPLI;
        assertTrue(count(text, line) <= 1, text);
        if (debug) {
            assertEquals(1, count(text, line), text);
            assertTrue(text.lines().filter(l -> l.contains(line)).allMatch(l -> l.contains("DEBUG")), text);
        }
        assertEquals(List.of(), problems(text));
    }
}
