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
import static org.mockito.ArgumentMatchers.*;
import static org.mockito.Mockito.*;

import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.account.WebhookHealth;
import org.openhab.core.i18n.LocaleProvider;
import org.openhab.core.i18n.TranslationProvider;
import org.osgi.framework.Bundle;

/**
 * The texts built at run time come from openHAB's translation service in openHAB's language, and from the binding's
 * own English file where openHAB has none (or outside openHAB).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsTextsTest {

    @Test
    void openHabsTranslationInOpenHabsLanguage() {
        Bundle bundle = mock(Bundle.class);
        TranslationProvider i18n = mock(TranslationProvider.class);
        LocaleProvider locales = mock(LocaleProvider.class);
        when(locales.getLocale()).thenReturn(Locale.GERMAN);
        when(i18n.getText(same(bundle), eq("webhook.health.healthy"), isNull(), eq(Locale.GERMAN), any(Object[].class)))
                .thenReturn("eingerichtet");
        WithingsTexts texts = new WithingsTexts(i18n, locales, bundle);

        assertEquals("eingerichtet", texts.text(WebhookHealth.HEALTHY.wordKey()));
        // no translation known to openHAB: the binding's own file, in English
        assertEquals("no user subscribed yet", texts.text("webhook.property.no-user"));
    }

    @Test
    void withoutOpenHabTheBindingsOwnEnglishFileWithArguments() {
        WithingsTexts texts = WithingsTexts.english();
        assertEquals("Withings User (Body+ / ScanWatch 2)",
                texts.text("discovery.withings.user.label-with-devices", "Body+ / ScanWatch 2"));
        assertEquals("last error: notify subscribe: Withings status 293",
                texts.text("webhook.summary.last-error", "notify subscribe: Withings status 293"));
        assertEquals("no.such.key", texts.text("no.such.key"));
    }
}
