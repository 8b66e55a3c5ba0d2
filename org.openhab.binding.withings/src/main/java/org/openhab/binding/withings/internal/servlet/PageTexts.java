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
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The texts of the account-linking page, read from the binding's own i18n files
 * ({@code OH-INF/i18n/withings.properties} and, for the browser's language, {@code withings_<language>.properties}
 * when the bundle has one), the files openHAB's translation service reads for the Thing types. A text with arguments is formatted with {@link MessageFormat}, as
 * openHAB does; a key without text is shown as the key.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class PageTexts {

    private static final String BASE = "OH-INF/i18n/withings";
    private static final Map<String, Properties> FILES = new ConcurrentHashMap<>();

    private final Properties english;
    private final Properties localized;
    private final Locale locale;

    private PageTexts(Locale locale) {
        this.locale = locale;
        this.english = file("");
        String language = locale.getLanguage();
        this.localized = language.isEmpty() || "en".equals(language) ? english : file("_" + language);
    }

    /** The texts in the given language, English where that language has none. */
    public static PageTexts forLocale(@Nullable Locale locale) {
        return new PageTexts(locale == null ? Locale.ENGLISH : locale);
    }

    /**
     * The text of a key.
     *
     * @param key the i18n key, e.g. {@code link-page.title}
     * @param arguments the values of {@code {0}}, {@code {1}}, …
     * @return the text, or the key when no file has it
     */
    public String text(String key, Object... arguments) {
        String pattern = localized.getProperty(key);
        if (pattern == null) {
            pattern = english.getProperty(key);
        }
        if (pattern == null) {
            return key;
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    private static Properties file(String suffix) {
        return FILES.computeIfAbsent(suffix, s -> {
            Properties properties = new Properties();
            try (InputStream in = PageTexts.class.getClassLoader().getResourceAsStream(BASE + s + ".properties")) {
                if (in != null) {
                    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                        properties.load(reader);
                    }
                }
            } catch (IOException e) {
                // an unreadable file of the bundle itself: the keys are shown instead
            }
            return properties;
        });
    }
}
