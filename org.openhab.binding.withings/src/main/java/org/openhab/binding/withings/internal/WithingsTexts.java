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

import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.servlet.PageTexts;
import org.openhab.core.i18n.LocaleProvider;
import org.openhab.core.i18n.TranslationProvider;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The texts the binding builds at run time for openHAB's users (bridge properties, the webhook summary of a linked
 * user): from {@code OH-INF/i18n/withings*.properties} through openHAB's {@link TranslationProvider} in openHAB's
 * language. Outside openHAB (tests, no bundle) the binding's own files are read with {@link PageTexts}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class WithingsTexts {

    private final @Nullable TranslationProvider i18nProvider;
    private final @Nullable LocaleProvider localeProvider;
    private final @Nullable Bundle bundle;

    public WithingsTexts(@Nullable TranslationProvider i18nProvider, @Nullable LocaleProvider localeProvider) {
        this(i18nProvider, localeProvider, FrameworkUtil.getBundle(WithingsTexts.class));
    }

    /** For tests: with the given bundle (outside OSGi the binding has none). */
    WithingsTexts(@Nullable TranslationProvider i18nProvider, @Nullable LocaleProvider localeProvider,
            @Nullable Bundle bundle) {
        this.i18nProvider = i18nProvider;
        this.localeProvider = localeProvider;
        this.bundle = bundle;
    }

    /** The English texts of the binding's own file, without openHAB's services. */
    public static WithingsTexts english() {
        return new WithingsTexts(null, null);
    }

    /**
     * @param key the i18n key
     * @param arguments the values of {@code {0}}, {@code {1}}, …
     * @return the text in openHAB's language (English where it has none), or the key when no file has it
     */
    public String text(String key, Object... arguments) {
        LocaleProvider locales = localeProvider;
        Locale locale = locales != null ? locales.getLocale() : Locale.ENGLISH;
        TranslationProvider provider = i18nProvider;
        Bundle own = bundle;
        if (provider != null && own != null) {
            String text = provider.getText(own, key, null, locale, arguments);
            if (text != null) {
                return text;
            }
        }
        return PageTexts.forLocale(locale).text(key, arguments);
    }
}
