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
package org.openhab.core.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.openhab.core.config.core.Configuration;

/**
 * Behaviour of the stand-in's {@link Configuration}: number normalisation and {@link Configuration#as(Class)}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class ConfigurationBehaviourTest {

    /**
     * A configuration class like a binding's.
     */
    public static class SampleConfig {
        public String clientId = "";
        public @Nullable String clientSecret;
        public int refreshMinutes = 15;
        public long timeoutMillis = 15000;
        public double factor = 1.0;
        public boolean enabled = true;
        public @Nullable BigDecimal limit;
        public List<String> scopes = List.of();
        public final String fixed = "fixed";
        public transient String skipped = "skipped";
    }

    /**
     * Not instantiable by openHAB: no public constructor.
     */
    static class HiddenConfig {
        HiddenConfig() {
        }
    }

    @Test
    void asFillsFieldsByNameAndKeepsDefaults() {
        Configuration configuration = new Configuration(Map.of("clientId", "abc", "refreshMinutes", 30,
                "timeoutMillis", "2500", "enabled", "false", "limit", 7, "scopes", List.of("a", "b"), "fixed",
                "changed", "skipped", "changed", "unknown", "ignored"));

        SampleConfig config = configuration.as(SampleConfig.class);

        assertEquals("abc", config.clientId);
        assertNull(config.clientSecret);
        assertEquals(30, config.refreshMinutes);
        assertEquals(2500L, config.timeoutMillis);
        assertEquals(1.0, config.factor);
        assertEquals(false, config.enabled);
        assertEquals(new BigDecimal("7"), config.limit);
        assertEquals(List.of("a", "b"), config.scopes);
        assertEquals("fixed", config.fixed);
        assertEquals("skipped", config.skipped);
    }

    @Test
    void numbersAreNormalisedToBigDecimal() {
        Configuration configuration = new Configuration();
        configuration.put("count", 3);
        configuration.put("ratio", 0.5);

        assertEquals(new BigDecimal("3"), configuration.get("count"));
        assertEquals(new BigDecimal("0.5"), configuration.get("ratio"));
        assertTrue(configuration.containsKey("count"));
        assertEquals(new Configuration(Map.of("count", new BigDecimal(3), "ratio", new BigDecimal("0.5"))),
                configuration);
    }

    @Test
    void classWithoutPublicConstructorIsRejected() {
        assertThrows(IllegalStateException.class, () -> new Configuration().as(HiddenConfig.class));
    }

    @Test
    void aStringThatIsNoNumberFailsLikeOpenHab() {
        // openHAB's ConfigParser.valueAs lets the NumberFormatException out of as()
        Configuration configuration = new Configuration(Map.of("refreshMinutes", "soon"));

        assertThrows(NumberFormatException.class, () -> configuration.as(SampleConfig.class));
    }
}
