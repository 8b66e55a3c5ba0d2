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

import static org.junit.jupiter.api.Assertions.*;

import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link PageTemplate} and {@link PageTexts}: values and texts are escaped, only rendered fragments are
 * inserted as HTML, a placeholder without a value is a bug that fails loudly, and every error the linking page can
 * show has an English sentence.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class PageTemplateTest {

    private final PageTexts texts = PageTexts.forLocale(Locale.ENGLISH);

    @Test
    void valuesAreEscapedAndFragmentsInsertedAsTheyAre() {
        String html = PageTemplate.render("message.html",
                Map.of("kind", "error\"><b>", "id", "error", "text", "<script>alert('x')</script> & more"), Map.of(),
                texts);
        assertEquals("<p class=\"message error&quot;&gt;&lt;b&gt;\" id=\"error\" role=\"status\">"
                + "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more</p>\n", html);
    }

    @Test
    void aPlaceholderWithoutAValueFailsLoudly() {
        assertThrows(IllegalStateException.class, () -> PageTemplate.render("message.html", Map.of(), Map.of(), texts));
        assertThrows(IllegalStateException.class,
                () -> PageTemplate.render("no-such-template.html", Map.of(), Map.of(), texts));
    }

    @Test
    void textsComeFromTheI18nFileWithArgumentsAndFallBackToEnglish() {
        assertEquals("Withings user 30000001 is linked.", texts.text("link-page.ok.linked", "30000001"));
        assertEquals("Withings account linking", PageTexts.forLocale(Locale.JAPANESE).text("link-page.title"));
        assertEquals("no.such.key", texts.text("no.such.key"));
        // an argument is never parsed as a pattern
        assertEquals("Withings did not grant access ({0} '), so nothing was linked; press the button below and allow "
                + "access to link the account.", texts.text("link-page.error.denied", "{0} '"));
    }

    @Test
    void everyLinkFailureHasOneEnglishSentenceAndAStatus() {
        for (LinkException.Reason reason : LinkException.Reason.values()) {
            String text = texts.text(reason.key());
            assertEquals(reason.english(), text, reason.name());
            assertTrue(text.endsWith(".") && text.indexOf(". ") < 0, "one sentence: " + text);
            assertTrue(reason.httpStatus() >= 400 && reason.httpStatus() < 600);
        }
        assertEquals(400, LinkException.Reason.CODE_REFUSED.httpStatus(), "Withings refusing a code");
        assertEquals(502, LinkException.Reason.UNREACHABLE.httpStatus(), "Withings unreachable");
    }
}
