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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Checks the packaged jar against the community marketplace's rules (see {@code docs/marketplace.md}): openHAB takes
 * the add-on id from the jar name, which must be the id of {@code OH-INF/addon/addon.xml}; the listing's title ends
 * with a version range that holds the openHAB version the binding is built against; the linking page's templates
 * and the screenshot the listing shows are where they are expected.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class MarketplaceIT {

    /** The rule openHAB core's community marketplace service applies to the jar's address. */
    private static final Pattern ADDON_ID_FROM_JAR = Pattern.compile(".*/(.*?)-\\d+\\.\\d+\\.\\d+.*");

    private static Path jar() {
        String property = System.getProperty("withings.bundle.jar");
        assertNotNull(property, "system property withings.bundle.jar (set by the pom) is missing");
        return Path.of(property);
    }

    @Test
    void theJarNameGivesTheAddonIdOfAddonXml() throws Exception {
        Matcher matcher = ADDON_ID_FROM_JAR.matcher("https://example.org/releases/" + jar().getFileName());
        assertTrue(matcher.matches(), jar().getFileName().toString());
        String name = matcher.group(1);
        String id = name.substring(name.lastIndexOf('.') + 1);
        String addonXml = Files.readString(Path.of("src/main/resources/OH-INF/addon/addon.xml"),
                StandardCharsets.UTF_8);
        assertTrue(addonXml.contains("id=\"" + id + "\""), "add-on id from the jar name: " + id);
        assertEquals("withings", id);
        assertTrue(addonXml.contains("<connection>cloud</connection>"));
    }

    @Test
    void theListingTitleCarriesARangeHoldingTheBuiltAgainstVersion() throws Exception {
        String listing = Files.readString(Path.of("../docs/marketplace.md"), StandardCharsets.UTF_8);
        Matcher title = Pattern
                .compile("\\*\\*Title:\\*\\* `Withings Binding \\[(\\d+)\\.(\\d+)\\.(\\d+);(\\d+)\\.(\\d+)\\.(\\d+)\\)`")
                .matcher(listing);
        assertTrue(title.find(), "docs/marketplace.md has no title with a version range");
        String pom = Files.readString(Path.of("../pom.xml"), StandardCharsets.UTF_8);
        Matcher core = Pattern.compile("<openhab.core.version>(\\d+)\\.(\\d+)\\.(\\d+)</openhab.core.version>")
                .matcher(pom);
        assertTrue(core.find());
        int built = version(core.group(1), core.group(2), core.group(3));
        int from = version(title.group(1), title.group(2), title.group(3));
        int to = version(title.group(4), title.group(5), title.group(6));
        assertTrue(from <= built && built < to, "openHAB " + core.group() + " is outside the listed range");
        assertTrue(Files.isRegularFile(Path.of("doc/linking-page.png")), "the listing's screenshot");
    }

    @Test
    void theLinkingPageTemplatesAreInTheJar() throws Exception {
        List<String> entries;
        try (JarFile file = new JarFile(jar().toFile())) {
            entries = Collections.list(file.entries()).stream().map(JarEntry::getName).toList();
        }
        for (String template : List.of("page.html", "user.html", "message.html", "no-users.html")) {
            assertTrue(entries.contains("templates/connect/" + template), template + " in " + entries);
        }
    }

    private static int version(String major, String minor, String micro) {
        return Integer.parseInt(major) * 1_000_000 + Integer.parseInt(minor) * 1_000 + Integer.parseInt(micro);
    }
}
