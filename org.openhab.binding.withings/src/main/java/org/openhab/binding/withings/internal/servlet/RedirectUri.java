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

import java.util.Locale;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The OAuth redirect URI of a linking page and where it came from: the bridge's {@code redirectUri}, else derived
 * from the request, honouring {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} (first values) of a reverse
 * proxy, then the {@code Host} header, then the server's address. The page shows the source, because any requester
 * can send the forwarded headers (Withings' exact matching of registered URIs stops their misuse).
 *
 * @param uri the redirect URI
 * @param source what the host part came from
 * @param forwardedProto whether the scheme came from {@code X-Forwarded-Proto}
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public record RedirectUri(String uri, Source source, boolean forwardedProto) {

    /** Where the redirect URI came from. */
    public enum Source {
        /** The bridge's {@code redirectUri} parameter. */
        CONFIGURED("link-page.redirect-uri.configured"),
        /** The {@code X-Forwarded-Host} header of a reverse proxy. */
        FORWARDED_HOST("link-page.redirect-uri.forwarded-host"),
        /** The {@code Host} header of the request. */
        HOST_HEADER("link-page.redirect-uri.host-header"),
        /** The address the request reached. */
        SERVER_ADDRESS("link-page.redirect-uri.server-address");

        private final String key;

        Source(String key) {
            this.key = key;
        }

        /** The i18n key of the sentence that explains the source. */
        public String key() {
            return key;
        }
    }

    private static final Pattern HOST = Pattern
            .compile("^([A-Za-z0-9]([A-Za-z0-9.\\-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])(:\\d{1,5})?$");

    /**
     * The redirect URI for a request to the page at {@code path}.
     *
     * @param configured the bridge's {@code redirectUri}, empty to derive it
     * @param req the request to the page
     * @param path the page's path, e.g. {@code /withings/connect/home}
     */
    public static RedirectUri of(String configured, HttpServletRequest req, String path) {
        String trimmed = configured.trim();
        if (!trimmed.isEmpty()) {
            return new RedirectUri(trimmed, Source.CONFIGURED, false);
        }
        String scheme = firstValue(req.getHeader("X-Forwarded-Proto"));
        if (scheme != null) {
            scheme = scheme.toLowerCase(Locale.ROOT);
        }
        boolean forwardedProto = "http".equals(scheme) || "https".equals(scheme);
        if (!forwardedProto) {
            scheme = req.getScheme().toLowerCase(Locale.ROOT);
        }
        Source source = Source.FORWARDED_HOST;
        String host = firstValue(req.getHeader("X-Forwarded-Host"));
        if (host == null || !HOST.matcher(host).matches()) {
            source = Source.HOST_HEADER;
            host = firstValue(req.getHeader("Host"));
        }
        if (host == null || !HOST.matcher(host).matches()) {
            source = Source.SERVER_ADDRESS;
            int port = req.getServerPort();
            boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            host = req.getServerName() + (defaultPort || port <= 0 ? "" : ":" + port);
        }
        host = host.toLowerCase(Locale.ROOT);
        if ("https".equals(scheme) && host.endsWith(":443")) {
            host = host.substring(0, host.length() - 4);
        } else if ("http".equals(scheme) && host.endsWith(":80")) {
            host = host.substring(0, host.length() - 3);
        }
        return new RedirectUri(scheme + "://" + host + path, source, forwardedProto);
    }

    /** Whether the URI was derived from the request, not configured. */
    public boolean derived() {
        return source != Source.CONFIGURED;
    }

    private static @Nullable String firstValue(@Nullable String header) {
        if (header == null) {
            return null;
        }
        String first = header.split(",", 2)[0].trim();
        return first.isEmpty() ? null : first;
    }
}
