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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The local check of the configured webhook base URL against Withings' callback rules.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WebhookUrlTest {

    private static final String SECRET = "AbCdEfGhIjKlMnOpQrStUvWxYz012-_9";
    private static final String ALIAS = WebhookUrl.alias(SECRET);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = { //
            "https://openhab.example.org                | https://openhab.example.org",
            "https://openhab.example.org/               | https://openhab.example.org",
            "  https://openhab.example.org//  |          https://openhab.example.org",
            "https://openhab.example.org:443            | https://openhab.example.org:443",
            "https://openhab.example.org:80             | https://openhab.example.org:80",
            "HTTPS://OpenHAB.Example.org                | HTTPS://OpenHAB.Example.org",
            "https://example.org/proxy/openhab          | https://example.org/proxy/openhab",
            "https://my-home.duckdns.org.               | https://my-home.duckdns.org.",
            "https://xn--mnchen-3ya.de                  | https://xn--mnchen-3ya.de" })
    void validBaseUrlsGiveTheCallbackUrl(String base, String expectedBase) {
        WebhookUrl.Result result = WebhookUrl.validate(base, ALIAS, true);
        assertTrue(result.configured());
        assertTrue(result.valid(), result::toString);
        assertEquals(expectedBase + "/withings/webhook/" + SECRET, result.callbackUrl());
        assertNull(result.problemKey());
        assertNull(result.statusDescription());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = { //
            "not a url                                 | offline.conf-error.webhook-url-invalid",
            "openhab.example.org                       | offline.conf-error.webhook-url-invalid",
            "ftp://openhab.example.org                 | offline.conf-error.webhook-url-invalid",
            "https://                                  | offline.conf-error.webhook-url-invalid",
            "https://user:pw@openhab.example.org       | offline.conf-error.webhook-url-invalid",
            "https://openhab.example.org/?a=b          | offline.conf-error.webhook-url-invalid",
            "https://openhab.example.org/#frag         | offline.conf-error.webhook-url-invalid",
            "https://open_hab.example.org              | offline.conf-error.webhook-url-invalid",
            "mailto:someone@example.org                | offline.conf-error.webhook-url-invalid",
            "http://openhab.example.org                | offline.conf-error.webhook-not-https",
            "http://openhab.example.org:80             | offline.conf-error.webhook-not-https",
            "https://192.168.1.10                      | offline.conf-error.webhook-no-domain",
            "https://[2001:db8::1]                     | offline.conf-error.webhook-no-domain",
            "https://localhost                         | offline.conf-error.webhook-no-domain",
            "https://openhab.localhost                 | offline.conf-error.webhook-no-domain",
            "https://openhab                           | offline.conf-error.webhook-no-domain",
            "https://10.0.0.1                          | offline.conf-error.webhook-no-domain",
            "https://openhab.example.org:8443          | offline.conf-error.webhook-bad-port",
            "https://openhab.example.org:8080          | offline.conf-error.webhook-bad-port" })
    void invalidBaseUrlsGiveAProblemKey(String base, String key) {
        WebhookUrl.Result result = WebhookUrl.validate(base, ALIAS, true);
        assertTrue(result.configured());
        assertFalse(result.valid());
        assertNull(result.callbackUrl());
        assertEquals(key, result.problemKey());
        assertEquals("@text/" + key, result.statusDescription());
    }

    @Test
    void callbackLongerThan255IsRefused() {
        String prefix = "https://openhab.example.org/";
        int room = WebhookUrl.MAX_LENGTH - ALIAS.length() - prefix.length();
        String fits = prefix + "p".repeat(room);
        WebhookUrl.Result ok = WebhookUrl.validate(fits, ALIAS, true);
        assertTrue(ok.valid());
        assertEquals(255, ok.callbackUrl() == null ? -1 : ok.callbackUrl().length());
        WebhookUrl.Result tooLong = WebhookUrl.validate(fits + "p", ALIAS, true);
        assertEquals(WebhookUrl.PROBLEM_TOO_LONG, tooLong.problemKey());
    }

    @Test
    void emptyMeansNotConfigured() {
        for (String base : new String[] { "", "   " }) {
            WebhookUrl.Result result = WebhookUrl.validate(base, ALIAS, true);
            assertFalse(result.configured());
            assertFalse(result.valid());
            assertNull(result.statusDescription());
        }
        assertFalse(WebhookUrl.validate(null, ALIAS, true).configured());
    }

    @Test
    void toStringNeverShowsTheSecret() {
        WebhookUrl.Result result = WebhookUrl.validate("https://openhab.example.org", ALIAS, true);
        assertFalse(result.toString().contains(SECRET));
    }

    @Test
    void aliasIsBelowTheWebhookPath() {
        assertEquals("/withings/webhook/" + SECRET, ALIAS);
    }

    @Test
    void anotherCloudThanWithingsAcceptsALoopbackHttpCallback() {
        WebhookUrl.Result local = WebhookUrl.validate("http://127.0.0.1:8080/", ALIAS, false);
        assertEquals("http://127.0.0.1:8080" + ALIAS, local.callbackUrl());
        // the same URL against Withings' cloud is refused
        assertEquals(WebhookUrl.PROBLEM_NOT_HTTPS,
                WebhookUrl.validate("http://127.0.0.1:8080/", ALIAS, true).problemKey());
        // form and length still count
        assertEquals(WebhookUrl.PROBLEM_INVALID, WebhookUrl.validate("ftp://127.0.0.1", ALIAS, false).problemKey());
        assertEquals(WebhookUrl.PROBLEM_TOO_LONG,
                WebhookUrl.validate("http://h/" + "p".repeat(300), ALIAS, false).problemKey());
    }

    @Test
    void withingsCloudIsRecognisedByItsHost() {
        assertTrue(WebhookUrl.isWithingsCloud("https://wbsapi.withings.net"));
        assertTrue(WebhookUrl.isWithingsCloud("https://wbsapi.us.withingsmed.net/"));
        assertTrue(WebhookUrl.isWithingsCloud("not a url"));
        assertFalse(WebhookUrl.isWithingsCloud("http://127.0.0.1:8090"));
        assertFalse(WebhookUrl.isWithingsCloud("https://withings.net.example.org"));
    }
}
