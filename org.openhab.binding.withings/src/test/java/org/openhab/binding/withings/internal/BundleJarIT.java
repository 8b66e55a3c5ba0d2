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
package org.openhab.binding.withings.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the packaged add-on jar as openHAB's OSGi runtime would see it: name, manifest made by bnd, import ranges
 * that openHAB 5.2.x satisfies, the Declarative Services component of the handler factory, OH-INF and NOTICE inside,
 * and nothing embedded that the runtime provides (openHAB core, Gson, Jetty, servlet API).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class BundleJarIT {

    private static Path jarPath = Path.of("");
    private static Attributes manifest = new Attributes();
    private static List<String> entries = List.of();
    private static Map<String, String> imports = Map.of();

    @BeforeAll
    static void open() throws IOException {
        String property = System.getProperty("withings.bundle.jar");
        assertNotNull(property, "system property withings.bundle.jar (set by the pom) is missing");
        jarPath = Path.of(property);
        assertTrue(Files.isRegularFile(jarPath), "no bundle jar at " + jarPath);
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            manifest = jar.getManifest().getMainAttributes();
            entries = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
        }
        imports = parseImports(manifest.getValue("Import-Package"));
    }

    /** Splits an OSGi Import-Package header into package → version range (empty when none). */
    static Map<String, String> parseImports(String header) {
        Map<String, String> result = new LinkedHashMap<>();
        List<String> clauses = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                clauses.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        clauses.add(current.toString());
        Pattern version = Pattern.compile("version=\"([^\"]*)\"");
        for (String clause : clauses) {
            String pkg = clause.split(";", 2)[0].trim();
            Matcher matcher = version.matcher(clause);
            result.put(pkg, matcher.find() ? matcher.group(1) : "");
        }
        return result;
    }

    @Test
    void jarNameGivesTheMarketplaceAddonIdWithings() {
        String name = jarPath.getFileName().toString();
        Matcher matcher = Pattern.compile(".*?/?(.*?)-\\d+\\.\\d+\\.\\d+.*").matcher(name);
        assertTrue(matcher.matches(), name);
        String artifact = matcher.group(1);
        assertEquals("org.openhab.binding.withings", artifact);
        assertEquals("withings", artifact.substring(artifact.lastIndexOf('.') + 1));
    }

    @Test
    void bundleIdentity() {
        assertEquals("org.openhab.binding.withings", manifest.getValue("Bundle-SymbolicName"));
        assertEquals("2", manifest.getValue("Bundle-ManifestVersion"));
        assertNotNull(manifest.getValue("Bundle-Version"));
        assertTrue(manifest.getValue("Require-Capability").contains("(&(osgi.ee=JavaSE)(version=21))"),
                manifest.getValue("Require-Capability"));
    }

    @Test
    void internalPackagesAreNotExported() {
        String exports = manifest.getValue("Export-Package");
        assertTrue(exports == null || !exports.contains(".internal"), String.valueOf(exports));
    }

    @Test
    void openhabCoreIsImportedWithTheRangeOpenhab52Satisfies() {
        assertEquals("[5.2,6)", imports.get("org.openhab.core.thing"), imports.toString());
        assertEquals("[5.2,6)", imports.get("org.openhab.core"), imports.toString());
        imports.forEach((pkg, range) -> {
            if (pkg.startsWith("org.openhab.core")) {
                assertEquals("[5.2,6)", range, pkg);
            }
        });
    }

    @Test
    void runtimeLibrariesAreImportedNotEmbedded() {
        assertTrue(imports.containsKey("com.google.gson"), imports.toString());
        assertTrue(imports.containsKey("org.eclipse.jetty.client"), imports.toString());
        for (String entry : entries) {
            assertFalse(entry.startsWith("org/openhab/core/"), "stand-in class inside the jar: " + entry);
            assertFalse(entry.startsWith("com/google/gson/"), entry);
            assertFalse(entry.startsWith("org/eclipse/jetty/"), entry);
            assertFalse(entry.startsWith("javax/servlet/"), entry);
            assertFalse(entry.endsWith(".jar"), entry);
        }
    }

    @Test
    void importsAsOpenhabBundlesDo() {
        assertFalse(imports.keySet().stream().anyMatch(pkg -> pkg.startsWith("java.")), imports.toString());
        String requirements = manifest.getValue("Require-Capability");
        if (imports.containsKey("javax.servlet")) {
            // the servlet API comes through the JavaServlet contract openHAB's HTTP service provides
            assertTrue(requirements.contains("osgi.contract=JavaServlet"), requirements);
        }
    }

    @Test
    void handlerFactoryIsADeclarativeServicesComponent() {
        String components = manifest.getValue("Service-Component");
        assertNotNull(components);
        String factoryXml = "OSGI-INF/org.openhab.binding.withings.internal.WithingsHandlerFactory.xml";
        assertTrue(components.contains(factoryXml), components);
        assertTrue(entries.contains(factoryXml), entries.toString());
    }

    @Test
    void metadataAndNoticeAreInside() {
        assertTrue(entries.contains("OH-INF/addon/addon.xml"));
        assertTrue(entries.contains("OH-INF/i18n/withings.properties"));
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("OH-INF/thing/") && e.endsWith(".xml")));
        assertTrue(entries.contains("NOTICE"), entries.toString());
        assertFalse(entries.stream().anyMatch(e -> e.startsWith("ESH-INF/")));
    }
}
