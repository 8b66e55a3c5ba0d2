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
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No user-visible English outside {@code OH-INF/i18n/withings.properties}: in the main Java sources, every string
 * literal given to a call that shows text to the user (Thing status and properties, discovery labels, link failures,
 * the linking page's messages and values) is an {@code @text/} reference, an i18n key of the file, or holds no
 * word (punctuation around arguments); every key named in the sources exists; and the page templates hold no text
 * outside their {@code ${…}} placeholders. The {@code withings} console command is exempt: openHAB's console speaks
 * English.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class UserVisibleTextTest {

    private static final Path JAVA_SOURCES = Path.of("src/main/java");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path I18N = Path.of("src/main/resources/OH-INF/i18n/withings.properties");

    /** Calls that show text, with the number of leading name arguments (a property or placeholder name). */
    private static final Map<Pattern, Integer> CALLS = Map.of(Pattern.compile("\\bupdateStatus\\s*\\("), 0,
            Pattern.compile("\\bsink\\.status\\s*\\("), 0, Pattern.compile("\\bupdateProperty\\s*\\("), 1,
            Pattern.compile("\\bproperties\\.accept\\s*\\("), 1, Pattern.compile("\\bwithLabel\\s*\\("), 0,
            Pattern.compile("\\bnew\\s+LinkException\\s*\\("), 0, Pattern.compile("\\bnew\\s+Message\\s*\\("), 0,
            Pattern.compile("\\berror\\s*\\(\\s*req\\b"), 0, Pattern.compile("\\bvalues\\.put\\s*\\("), 1);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TEXT_REFERENCE = Pattern.compile("@text/([A-Za-z0-9_.\\-]+)");
    private static final Pattern TEXT_CALL = Pattern.compile("\\btext\\(\\s*\"([^\"]+)\"");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    /** A word: two letters in a row (a regular expression such as {@code \\s*,\\s*} is not text). */
    private static final Pattern WORD = Pattern.compile("\\p{L}{2}");

    private static Properties i18n = new Properties();

    @BeforeAll
    static void load() throws IOException {
        try (Reader reader = Files.newBufferedReader(I18N, StandardCharsets.UTF_8)) {
            i18n.load(reader);
        }
    }

    @Test
    void noLiteralUserTextInTheJavaSources() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles()) {
            String source = withoutComments(Files.readString(file, StandardCharsets.UTF_8));
            found.addAll(literalTexts(file.getFileName().toString(), source));
        }
        assertEquals(List.of(), found, "user-visible English outside withings.properties");
    }

    @Test
    void everyKeyTheSourcesNameExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path file : javaFiles()) {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            for (Pattern pattern : List.of(TEXT_REFERENCE, TEXT_CALL)) {
                Matcher m = pattern.matcher(source);
                while (m.find()) {
                    if (i18n.getProperty(m.group(1)) == null) {
                        missing.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "keys named in the sources but not in withings.properties");
    }

    @Test
    void templatesHoldNoTextOutsidePlaceholders() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8).replaceAll("(?s)<style>.*?</style>", " ")
                        .replaceAll("(?s)<!DOCTYPE[^>]*>", " ").replaceAll("(?s)<[^>]*>", " ")
                        .replaceAll("\\$\\{[^}]*}", " ").replaceAll("&[a-z]+;|&#[0-9]+;", " ");
                if (LETTER.matcher(text).find()) {
                    found.add(file.getFileName() + ": " + text.replaceAll("\\s+", " ").trim());
                }
            }
        }
        assertEquals(List.of(), found, "text in the page templates outside ${...} placeholders");
    }

    /** The scan itself: it finds literal English in such a call, and accepts references, keys and punctuation. */
    @Test
    void theScanFindsLiteralsAndAcceptsKeys() {
        assertEquals(1, literalTexts("A", "updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.NONE, \"Cloud down\");")
                .size());
        assertEquals(1, literalTexts("A", "properties.accept(PROPERTY_X, \"no user yet\");").size());
        assertEquals(1, literalTexts("A", "builder.withLabel(\"Withings \" + name);").size());
        assertEquals(List.of(), literalTexts("A", "updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.NONE, "
                + "\"@text/offline.user.communication-error [\\\"\" + minutes + \"\\\"]\");"));
        assertEquals(List.of(), literalTexts("A", "properties.accept(\"webhookStatus\", texts.text(\"webhook.health.pending\"));"));
        assertEquals(List.of(), literalTexts("A", "error(req, resp, 400, texts.text(\"link-page.error.no-code\"));"));
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(JAVA_SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.toString().replace('\\', '/').contains("/internal/console/")).sorted().toList();
        }
    }

    /** The string literals in user-text calls of the source that are neither references, keys nor punctuation. */
    private static List<String> literalTexts(String file, String source) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<Pattern, Integer> call : CALLS.entrySet()) {
            Matcher m = call.getKey().matcher(source);
            while (m.find()) {
                List<String> arguments = arguments(source, m.end());
                for (int i = call.getValue(); i < arguments.size(); i++) {
                    Matcher s = STRING.matcher(arguments.get(i));
                    while (s.find()) {
                        String literal = s.group(1);
                        if (!literal.startsWith("@text/") && i18n.getProperty(literal) == null
                                && WORD.matcher(literal).find()) {
                            found.add(file + ": \"" + literal + "\"");
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The top-level arguments of the call whose opening parenthesis ends just before {@code start}. */
    private static List<String> arguments(String source, int start) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        int from = start;
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(source, i, c);
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if ((c == ')' || c == '}' || c == ']') && depth > 0) {
                depth--;
            } else if (c == ')') {
                arguments.add(source.substring(from, i));
                return arguments;
            } else if (c == ',' && depth == 0) {
                arguments.add(source.substring(from, i));
                from = i + 1;
            }
        }
        return arguments;
    }

    private static int endOfLiteral(String source, int open, char quote) {
        for (int i = open + 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return source.length();
    }

    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*//.*$", " ");
    }
}
