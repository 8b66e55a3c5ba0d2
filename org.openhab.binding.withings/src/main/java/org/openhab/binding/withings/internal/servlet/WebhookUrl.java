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

import static org.openhab.binding.withings.internal.WithingsBindingConstants.WEBHOOK_PATH;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Checks the configured public base URL of the webhook against Withings' callback rules (https, a domain name, port
 * 443 or 80, at most 255 characters in all) and builds the callback URL = base (without trailing slash) + the
 * webhook alias. Checked locally before any subscription, so a bad URL gives a clear status instead of a 293.
 * Against another cloud than Withings' (the cloud simulator, see {@link #isWithingsCloud}) only the form and the
 * length are checked, so that a local trial may use a loopback http callback.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class WebhookUrl {

    /** Withings' limit for a callback URL. */
    public static final int MAX_LENGTH = 255;

    public static final String PROBLEM_INVALID = "offline.conf-error.webhook-url-invalid";
    public static final String PROBLEM_NOT_HTTPS = "offline.conf-error.webhook-not-https";
    public static final String PROBLEM_NO_DOMAIN = "offline.conf-error.webhook-no-domain";
    public static final String PROBLEM_BAD_PORT = "offline.conf-error.webhook-bad-port";
    public static final String PROBLEM_TOO_LONG = "offline.conf-error.webhook-too-long";

    /**
     * The outcome of a check: a callback URL, a problem, or neither when no base URL is configured (polling only).
     *
     * @param callbackUrl the full callback URL when valid (contains the secret: never log or show it)
     * @param problemKey the i18n key of the status description when invalid
     */
    public record Result(@Nullable String callbackUrl, @Nullable String problemKey) {

        /** @return whether a base URL was configured at all */
        public boolean configured() {
            return callbackUrl != null || problemKey != null;
        }

        /** @return whether a usable callback URL resulted */
        public boolean valid() {
            return callbackUrl != null;
        }

        /** @return {@code "@text/<problemKey>"} for the Thing status, or null when there is no problem */
        public @Nullable String statusDescription() {
            String key = problemKey;
            return key == null ? null : "@text/" + key;
        }

        @Override
        public String toString() {
            // never the URL: it contains the secret
            String key = problemKey;
            return key != null ? "WebhookUrl[" + key + "]"
                    : callbackUrl != null ? "WebhookUrl[valid]" : "WebhookUrl[not configured]";
        }
    }

    private WebhookUrl() {
    }

    /**
     * @param secret the bridge's {@link WebhookSecret}
     * @return the servlet alias {@code /withings/webhook/<secret>}
     */
    public static String alias(String secret) {
        return WEBHOOK_PATH + secret;
    }

    /**
     * Checks a configured base URL.
     *
     * @param baseUrl the configured public base URL, e.g. {@code https://openhab.example.org}; null or blank for none
     * @param alias the webhook servlet's alias, starting with {@code /}
     * @param withingsRules whether Withings' https, domain and port rules apply (the API is Withings' cloud)
     * @return the callback URL or the problem; neither for a blank base URL
     */
    public static Result validate(@Nullable String baseUrl, String alias, boolean withingsRules) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return new Result(null, null);
        }
        String text = baseUrl.trim();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return problem(PROBLEM_INVALID);
        }
        String scheme = uri.getScheme();
        if (scheme == null || uri.isOpaque()) {
            return problem(PROBLEM_INVALID);
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            return problem(PROBLEM_INVALID);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty() || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            return problem(PROBLEM_INVALID);
        }
        if (withingsRules && !"https".equals(scheme)) {
            return problem(PROBLEM_NOT_HTTPS);
        }
        if (withingsRules && !isDomainName(host)) {
            return problem(PROBLEM_NO_DOMAIN);
        }
        int port = uri.getPort();
        if (withingsRules && port != -1 && port != 443 && port != 80) {
            return problem(PROBLEM_BAD_PORT);
        }
        String base = text;
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String callback = base + alias;
        if (callback.length() > MAX_LENGTH) {
            return problem(PROBLEM_TOO_LONG);
        }
        return new Result(callback, null);
    }

    /**
     * @param apiBaseUrl the configured API base URL
     * @return whether it is Withings' cloud (a host under withings.net or withingsmed.net), whose callback rules apply
     */
    public static boolean isWithingsCloud(@Nullable String apiBaseUrl) {
        if (apiBaseUrl == null) {
            return true;
        }
        try {
            String host = new URI(apiBaseUrl.trim()).getHost();
            if (host == null) {
                return true;
            }
            String h = host.toLowerCase(Locale.ROOT);
            return h.equals("withings.net") || h.endsWith(".withings.net") || h.equals("withingsmed.net")
                    || h.endsWith(".withingsmed.net");
        } catch (URISyntaxException e) {
            return true;
        }
    }

    private static Result problem(String key) {
        return new Result(null, key);
    }

    /**
     * @return false for IP literals, localhost and single-label host names
     */
    static boolean isDomainName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.startsWith("[") || h.contains(":")) {
            return false; // IPv6 literal
        }
        if (h.matches("[0-9.]+")) {
            return false; // IPv4 literal (also short forms)
        }
        if ("localhost".equals(h) || h.endsWith(".localhost")) {
            return false;
        }
        int dot = h.lastIndexOf('.');
        if (dot <= 0 || dot == h.length() - 1) {
            return false; // single label
        }
        // the top-level label of a domain name is never numeric (e.g. 10.0.0.1x is not a name)
        return !h.substring(dot + 1).matches("[0-9]+");
    }
}
