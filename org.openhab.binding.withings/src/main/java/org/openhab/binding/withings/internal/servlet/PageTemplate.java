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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * An HTML template of the account-linking page from the bundle's {@code templates/connect/} folder. Placeholders:
 * {@code ${name}} is a value, HTML-escaped; {@code ${@text/<key>}} is a text of {@link PageTexts}, HTML-escaped;
 * {@code ${html:name}} is a fragment rendered from another template. Nothing the page prints can thus bypass
 * escaping, except fragments that were themselves rendered here.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
final class PageTemplate {

    private static final String FOLDER = "templates/connect/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(html:|@text/)?([A-Za-z0-9._-]+)\\}");
    private static final Map<String, String> LOADED = new ConcurrentHashMap<>();

    private PageTemplate() {
    }

    /**
     * Renders a template.
     *
     * @param name the file name in {@code templates/connect/}, e.g. {@code page.html}
     * @param values the plain values, escaped when inserted
     * @param fragments the rendered HTML fragments
     * @param texts the texts
     * @throws IllegalStateException if the template is missing or names a value that is not given (a bug)
     */
    static String render(String name, Map<String, String> values, Map<String, String> fragments, PageTexts texts) {
        Matcher matcher = PLACEHOLDER.matcher(load(name));
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String kind = matcher.group(1);
            String key = matcher.group(2);
            String replacement;
            if ("@text/".equals(kind)) {
                replacement = escape(texts.text(key));
            } else if ("html:".equals(kind)) {
                replacement = fragments.get(key);
            } else {
                String value = values.get(key);
                replacement = value == null ? null : escape(value);
            }
            if (replacement == null) {
                throw new IllegalStateException("template " + name + " names " + matcher.group() + ", not given");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String load(String name) {
        return LOADED.computeIfAbsent(name, n -> {
            try (InputStream in = PageTemplate.class.getClassLoader().getResourceAsStream(FOLDER + n)) {
                if (in == null) {
                    throw new IllegalStateException("template " + n + " is missing from the bundle");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** HTML-escapes text for element content and quoted attribute values. */
    static String escape(@Nullable String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
