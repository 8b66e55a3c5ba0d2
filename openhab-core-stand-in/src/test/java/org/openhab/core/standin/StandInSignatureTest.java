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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhab.core.common.AbstractUID;

/**
 * Compares every class compiled into the stand-in under {@code org/openhab/core} with the signatures of openHAB core
 * 5.2.1 ({@code javap -protected -constants} of the released jars, in {@code openhab-core-5.2.1-api.txt}). Listed
 * classes must match member for member; every other class must be named, with a reason, in
 * {@code not-in-api-listing.txt}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class StandInSignatureTest {

    private static final Pattern HEADER = Pattern
            .compile("^(?:(?:public|protected|private|abstract|final|static|sealed|non-sealed)\\s+)*"
                    + "(?:class|interface|enum|record)\\s+([\\w.$]+).*\\{$");

    private static Map<String, ClassBlock> expected = Map.of();
    private static Map<String, ClassBlock> actual = Map.of();
    private static Map<String, String> notInApi = Map.of();

    /**
     * One class as printed by javap: the normalised header line and the normalised member lines.
     */
    private record ClassBlock(String header, List<String> members) {
    }

    @BeforeAll
    static void readSignatures() throws IOException, URISyntaxException {
        expected = parseBlocks(readResource("/openhab-core-5.2.1-api.txt"));
        notInApi = readNotInApiListing(readResource("/not-in-api-listing.txt"));

        Path classes = Path.of(AbstractUID.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> classNames = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("org/openhab/core"))) {
            files.filter(file -> file.toString().endsWith(".class")).sorted().forEach(file -> {
                String relative = classes.relativize(file).toString().replace('\\', '/');
                classNames.add(relative.substring(0, relative.length() - ".class".length()).replace('/', '.'));
            });
        }
        assertTrue(classNames.size() > 50, "the stand-in classes were not found under " + classes);

        ToolProvider javap = ToolProvider.findFirst("javap")
                .orElseThrow(() -> new IllegalStateException("javap is not available in this JDK"));
        List<String> arguments = new ArrayList<>(List.of("-protected", "-constants", "-classpath",
                classes + java.io.File.pathSeparator + System.getProperty("java.class.path")));
        arguments.addAll(classNames);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = javap.run(new PrintWriter(out), new PrintWriter(err), arguments.toArray(String[]::new));
        assertEquals(0, exitCode, "javap failed: " + err);
        actual = parseBlocks(out.toString());
        assertEquals(new TreeSet<>(classNames), new TreeSet<>(actual.keySet()),
                "javap did not print every compiled class");
    }

    private static String readResource(String name) throws IOException {
        try (InputStream in = StandInSignatureTest.class.getResourceAsStream(name)) {
            assertNotNull(in, "missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> readNotInApiListing(String text) {
        Map<String, String> result = new TreeMap<>();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int separator = trimmed.indexOf(' ');
            String name = separator < 0 ? trimmed : trimmed.substring(0, separator);
            String reason = separator < 0 ? "" : trimmed.substring(separator).strip();
            assertTrue(reason.startsWith("- ") && reason.length() > 10,
                    "not-in-api-listing.txt needs '<class> - <reason>' lines, got: " + line);
            result.put(name, reason.substring(2));
        }
        return result;
    }

    private static Map<String, ClassBlock> parseBlocks(String text) {
        Map<String, ClassBlock> blocks = new LinkedHashMap<>();
        @Nullable
        String currentName = null;
        String currentHeader = "";
        List<String> members = new ArrayList<>();
        for (String rawLine : text.split("\\R")) {
            String line = normalise(rawLine);
            if (currentName == null) {
                Matcher matcher = HEADER.matcher(line);
                if (!rawLine.startsWith(" ") && matcher.matches()) {
                    currentName = matcher.group(1);
                    currentHeader = line;
                    members = new ArrayList<>();
                }
            } else if ("}".equals(line)) {
                blocks.put(currentName, new ClassBlock(currentHeader, List.copyOf(members)));
                currentName = null;
            } else if (!line.isEmpty() && !"static {};".equals(line)) {
                members.add(line);
            }
        }
        return blocks;
    }

    private static String normalise(String line) {
        return line.strip().replaceAll("\\s+", " ").replaceAll(",\\s*", ",");
    }

    @Test
    void everyListedClassIsMirrored() {
        List<String> missing = expected.keySet().stream().filter(name -> !actual.containsKey(name)).sorted()
                .toList();
        assertEquals(List.of(), missing, "classes of the openHAB 5.2.1 listing missing from the stand-in");
    }

    @Test
    void listedClassesMatchOpenHabSignatures() {
        StringBuilder problems = new StringBuilder();
        for (Map.Entry<String, ClassBlock> entry : expected.entrySet()) {
            ClassBlock mine = actual.get(entry.getKey());
            if (mine == null) {
                continue;
            }
            ClassBlock theirs = entry.getValue();
            if (!theirs.header().equals(mine.header())) {
                problems.append(entry.getKey()).append(": header\n  expected: ").append(theirs.header())
                        .append("\n  actual:   ").append(mine.header()).append('\n');
            }
            List<String> missing = new ArrayList<>(theirs.members());
            List<String> extra = new ArrayList<>(mine.members());
            for (String member : theirs.members()) {
                extra.remove(member);
            }
            for (String member : mine.members()) {
                missing.remove(member);
            }
            tolerateBridgeVarargsFlag(mine.members(), missing, extra);
            for (String member : missing) {
                problems.append(entry.getKey()).append(": missing ").append(member).append('\n');
            }
            for (String member : extra) {
                problems.append(entry.getKey()).append(": extra   ").append(member).append('\n');
            }
        }
        if (!problems.isEmpty()) {
            fail("stand-in signatures differ from openHAB core 5.2.1:\n" + problems);
        }
    }

    /**
     * The listing prints the synthetic bridge method of a covariant override of a varargs method with {@code ...};
     * javac (every version) emits such bridges without the varargs flag, so javap prints {@code []}. Callers cannot
     * tell the difference (bridges are not visible to the compiler), so such a pair is accepted when the class also
     * declares the covariant varargs override the bridge belongs to.
     */
    private static void tolerateBridgeVarargsFlag(List<String> actualMembers, List<String> missing,
            List<String> extra) {
        for (String expectedMember : List.copyOf(missing)) {
            if (!expectedMember.contains("...)")) {
                continue;
            }
            String asArray = expectedMember.replace("...)", "[])");
            String nameAndParameters = expectedMember.substring(expectedMember.lastIndexOf(' ', expectedMember.indexOf('(')));
            boolean hasCovariantOverride = actualMembers.stream()
                    .anyMatch(member -> member.endsWith(nameAndParameters) && !member.equals(expectedMember));
            if (hasCovariantOverride && extra.remove(asArray)) {
                missing.remove(expectedMember);
            }
        }
    }

    @Test
    void everyOtherClassIsExplained() {
        List<String> unexplained = actual.keySet().stream()
                .filter(name -> !expected.containsKey(name) && !notInApi.containsKey(name)).sorted().toList();
        assertEquals(List.of(), unexplained,
                "classes neither in the openHAB 5.2.1 listing nor in not-in-api-listing.txt");
        List<String> stale = notInApi.keySet().stream()
                .filter(name -> !actual.containsKey(name) || expected.containsKey(name)).sorted().toList();
        assertEquals(List.of(), stale, "entries of not-in-api-listing.txt that name no extra stand-in class");
    }
}
