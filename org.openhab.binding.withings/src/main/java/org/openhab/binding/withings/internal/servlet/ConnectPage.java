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
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletResponse;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.servlet.AccountLinking.LinkedUserView;

/**
 * One rendering of the account-linking page from the templates in {@code templates/connect/}: the bridge, an
 * optional error or success sentence, the redirect URI in a read-only field with where it came from, per linked user
 * the token state, granted and missing scopes, notification state and last data, and the forms. Every value is
 * escaped by {@link PageTemplate}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
final class ConnectPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    /** A sentence shown above the page: an error or a success. */
    record Message(boolean error, String text) {
    }

    private ConnectPage() {
    }

    /**
     * Writes the page.
     *
     * @param resp the answer
     * @param status the HTTP status
     * @param texts the texts in the browser's language
     * @param account the bridge
     * @param action the page's path (the forms' target)
     * @param redirectUri the redirect URI and its source
     * @param formToken the anti-forgery token of the forms
     * @param message a sentence to show, or null
     */
    static void write(HttpServletResponse resp, int status, PageTexts texts, AccountLinking account, String action,
            RedirectUri redirectUri, String formToken, @Nullable Message message) throws IOException {
        Map<String, String> fragments = new HashMap<>();
        fragments.put("message", message == null ? ""
                : PageTemplate.render("message.html", Map.of("kind", message.error() ? "error" : "ok", "id",
                        message.error() ? "error" : "result", "text", message.text()), Map.of(), texts));
        fragments.put("users", users(texts, account.linkedUsers(), action, formToken));

        String source = texts.text(redirectUri.source().key());
        if (redirectUri.forwardedProto()) {
            source += " " + texts.text("link-page.redirect-uri.forwarded-proto");
        }
        Map<String, String> values = new HashMap<>();
        values.put("lang", texts.text("link-page.lang"));
        values.put("bridgeLabel", account.bridgeLabel());
        values.put("bridgeId", account.bridgeId());
        values.put("redirectUri", redirectUri.uri());
        values.put("redirectUriSource", source);
        values.put("action", action);
        values.put("formToken", formToken);
        String html = PageTemplate.render("page.html", values, fragments, texts);

        resp.setStatus(status);
        resp.setContentType("text/html;charset=UTF-8");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write(html);
    }

    private static String users(PageTexts texts, List<LinkedUserView> users, String action, String formToken) {
        if (users.isEmpty()) {
            return PageTemplate.render("no-users.html", Map.of(), Map.of(), texts);
        }
        StringBuilder html = new StringBuilder();
        for (LinkedUserView user : users) {
            Map<String, String> values = new HashMap<>();
            values.put("userId", user.userId());
            values.put("token", token(texts, user));
            values.put("grantedScopes", user.grantedScope().isBlank() ? texts.text("link-page.user.none")
                    : String.join(", ", user.grantedScope().split("\\s*,\\s*")));
            values.put("missingScopes", user.missingScopes().isEmpty() ? texts.text("link-page.user.none")
                    : String.join(", ", user.missingScopes()));
            values.put("webhooks", user.webhooks());
            values.put("lastData", time(texts, user.lastData()));
            values.put("action", action);
            values.put("formToken", formToken);
            html.append(PageTemplate.render("user.html", values, Map.of(), texts));
        }
        return html.toString();
    }

    private static String token(PageTexts texts, LinkedUserView user) {
        return switch (user.tokenState()) {
            case VALID -> {
                Instant expires = user.tokenExpires();
                yield expires == null ? texts.text("link-page.token.valid")
                        : texts.text("link-page.token.valid-until", time(texts, expires));
            }
            case UNCHECKED -> texts.text("link-page.token.unchecked");
            case REAUTHORIZATION_NEEDED -> texts.text("link-page.token.reauthorization");
            case UNREACHABLE -> texts.text("link-page.token.unreachable");
        };
    }

    private static String time(PageTexts texts, @Nullable Instant instant) {
        return instant == null ? texts.text("link-page.user.unknown")
                : TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
