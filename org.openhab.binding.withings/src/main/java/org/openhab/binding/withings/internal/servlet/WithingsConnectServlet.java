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
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.WithingsBindingConstants;
import org.openhab.binding.withings.internal.servlet.AccountLinking.LinkedUserView;
import org.osgi.service.http.HttpService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account-linking page of one bridge at {@code /withings/connect/<bridgeId>}: shows the bridge, the redirect URI
 * to register, the linked users with their token state, a "Link a Withings account" button and per user an
 * "Unlink" button (both POST with a single-use anti-forgery token). The same path is the OAuth redirect URI: a GET
 * with {@code code} and {@code state} completes a link at once (Withings codes live 30 s), a GET with {@code error}
 * shows Withings' answer. A missing, unknown, reused or expired state gives HTTP 400 and changes nothing. Every
 * value on the page is HTML-escaped; no secret, token or code is ever shown or logged.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class WithingsConnectServlet extends WithingsServlet {

    private static final long serialVersionUID = 1L;

    /** How long a link request (its state) is valid. */
    public static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    /** How long the anti-forgery token of a page is valid. */
    public static final Duration FORM_TOKEN_LIFETIME = Duration.ofMinutes(30);

    static final String PARAM_CODE = "code";
    static final String PARAM_STATE = "state";
    static final String PARAM_ERROR = "error";
    static final String PARAM_ACTION = "action";
    static final String PARAM_FORM_TOKEN = "formToken";
    static final String PARAM_USER_ID = "userId";
    static final String ACTION_LINK = "link";
    static final String ACTION_UNLINK = "unlink";

    private static final Pattern HOST = Pattern
            .compile("^([A-Za-z0-9]([A-Za-z0-9.\\-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])(:\\d{1,5})?$");
    private static final Pattern USER_ID = Pattern.compile("^[0-9A-Za-z_-]{1,64}$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private final transient Logger logger = LoggerFactory.getLogger(WithingsConnectServlet.class);
    private final transient AccountLinking account;
    private final transient LinkStateStore<PendingLink> links;
    private final transient LinkStateStore<Boolean> formTokens;

    /**
     * @param httpService where to register
     * @param account the bridge behind the page
     * @param clock time source for the lifetime of states and form tokens
     */
    public WithingsConnectServlet(HttpService httpService, AccountLinking account, Clock clock) {
        super(httpService, WithingsBindingConstants.CONNECT_PATH + account.bridgeId());
        this.account = account;
        this.links = new LinkStateStore<>(clock, STATE_LIFETIME, account::abandonLink);
        this.formTokens = new LinkStateStore<>(clock, FORM_TOKEN_LIFETIME, t -> {
        });
    }

    /** Unregisters the page and drops every pending link request (deleting their temporary services). */
    @Override
    public synchronized void unregister() {
        super.unregister();
        links.clear();
        formTokens.clear();
    }

    /** Number of link requests waiting for Withings' answer. */
    public int pendingLinks() {
        return links.size();
    }

    /** Every answer is not to be stored; only the page itself is served (404 below it). */
    private boolean accepted(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        noStore(resp);
        if (!isRoot(req)) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return false;
        }
        return true;
    }

    @Override
    protected void doGet(@Nullable HttpServletRequest req, @Nullable HttpServletResponse resp) throws IOException {
        if (req == null || resp == null || !accepted(req, resp)) {
            return;
        }
        String code = req.getParameter(PARAM_CODE);
        String state = req.getParameter(PARAM_STATE);
        String error = req.getParameter(PARAM_ERROR);
        if (code != null || state != null || error != null) {
            callback(req, resp, code, state, error);
            return;
        }
        page(req, resp, HttpServletResponse.SC_OK, null, null);
    }

    @Override
    protected void doPost(@Nullable HttpServletRequest req, @Nullable HttpServletResponse resp) throws IOException {
        if (req == null || resp == null || !accepted(req, resp)) {
            return;
        }
        String token = req.getParameter(PARAM_FORM_TOKEN);
        if (token == null || formTokens.consume(token).isEmpty()) {
            logger.debug("Linking page of {}: form without a valid anti-forgery token", account.bridgeId());
            page(req, resp, HttpServletResponse.SC_FORBIDDEN,
                    "This form has expired or was not sent by this page. Nothing was changed; please try again.",
                    null);
            return;
        }
        String action = req.getParameter(PARAM_ACTION);
        if (ACTION_LINK.equals(action)) {
            String redirectUri = redirectUri(req);
            String state = links.newKey();
            PendingLink pending;
            try {
                pending = account.beginLink(redirectUri, state);
            } catch (LinkException e) {
                page(req, resp, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, e.getMessage(), null);
                return;
            }
            links.put(state, pending);
            logger.debug("Linking page of {}: link request started, redirect URI {}", account.bridgeId(),
                    redirectUri);
            resp.sendRedirect(pending.authorizeUrl());
        } else if (ACTION_UNLINK.equals(action)) {
            String userId = req.getParameter(PARAM_USER_ID);
            if (userId == null || !USER_ID.matcher(userId).matches()) {
                page(req, resp, HttpServletResponse.SC_BAD_REQUEST, "No valid user was given.", null);
                return;
            }
            if (account.unlink(userId)) {
                page(req, resp, HttpServletResponse.SC_OK, null, "Withings user " + userId + " was unlinked.");
            } else {
                page(req, resp, HttpServletResponse.SC_NOT_FOUND, "Withings user " + userId + " is not linked.",
                        null);
            }
        } else {
            page(req, resp, HttpServletResponse.SC_BAD_REQUEST, "Unknown action.", null);
        }
    }

    private void callback(HttpServletRequest req, HttpServletResponse resp, @Nullable String code,
            @Nullable String state, @Nullable String error) throws IOException {
        if (state == null || state.isEmpty()) {
            logger.debug("Linking page of {}: callback without state", account.bridgeId());
            page(req, resp, HttpServletResponse.SC_BAD_REQUEST,
                    "The answer from Withings carries no state. Nothing was linked; start again with the button below.",
                    null);
            return;
        }
        Optional<PendingLink> found = links.consume(state);
        if (found.isEmpty()) {
            logger.debug("Linking page of {}: callback with an unknown, used or expired state", account.bridgeId());
            page(req, resp, HttpServletResponse.SC_BAD_REQUEST,
                    "This link request is unknown, was already used or has expired (after "
                            + STATE_LIFETIME.toMinutes()
                            + " minutes). Nothing was linked; start again with the button below.",
                    null);
            return;
        }
        PendingLink pending = found.get();
        if (error != null) {
            account.abandonLink(pending);
            logger.debug("Linking page of {}: Withings answered error '{}'", account.bridgeId(), error);
            page(req, resp, HttpServletResponse.SC_OK, "Withings did not grant access: " + error, null);
            return;
        }
        if (code == null || code.isEmpty()) {
            account.abandonLink(pending);
            logger.debug("Linking page of {}: callback without code", account.bridgeId());
            page(req, resp, HttpServletResponse.SC_BAD_REQUEST,
                    "The answer from Withings carries no authorization code. Nothing was linked.", null);
            return;
        }
        try {
            String userId = account.completeLink(pending, code);
            page(req, resp, HttpServletResponse.SC_OK, null, "Withings user " + userId + " is linked.");
        } catch (LinkException e) {
            page(req, resp, HttpServletResponse.SC_BAD_GATEWAY, e.getMessage(), null);
        }
    }

    /**
     * The redirect URI of this bridge: the configured one, else derived from the request, honouring
     * {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} (first values) of a reverse proxy, then the
     * {@code Host} header.
     */
    String redirectUri(HttpServletRequest req) {
        String configured = account.configuredRedirectUri().trim();
        if (!configured.isEmpty()) {
            return configured;
        }
        String scheme = firstValue(req.getHeader("X-Forwarded-Proto"));
        if (scheme != null) {
            scheme = scheme.toLowerCase(Locale.ROOT);
        }
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            scheme = req.getScheme().toLowerCase(Locale.ROOT);
        }
        String host = firstValue(req.getHeader("X-Forwarded-Host"));
        if (host == null || !HOST.matcher(host).matches()) {
            host = firstValue(req.getHeader("Host"));
        }
        if (host == null || !HOST.matcher(host).matches()) {
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
        return scheme + "://" + host + alias();
    }

    private static @Nullable String firstValue(@Nullable String header) {
        if (header == null) {
            return null;
        }
        String first = header.split(",", 2)[0].trim();
        return first.isEmpty() ? null : first;
    }

    private boolean isRoot(HttpServletRequest req) {
        String pathInfo = req.getPathInfo();
        return pathInfo == null || pathInfo.isEmpty() || "/".equals(pathInfo);
    }

    private static void noStore(HttpServletResponse resp) {
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Pragma", "no-cache");
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    }

    private void page(HttpServletRequest req, HttpServletResponse resp, int status, @Nullable String error,
            @Nullable String success) throws IOException {
        String formToken = formTokens.issue(Boolean.TRUE);
        String action = escape(alias());
        String redirectUri = redirectUri(req);
        List<LinkedUserView> users = account.linkedUsers();

        resp.setStatus(status);
        resp.setContentType("text/html;charset=UTF-8");
        resp.setCharacterEncoding("UTF-8");
        PrintWriter out = resp.getWriter();
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        out.println("<title>Withings account linking</title>");
        out.println("<style>body{font-family:sans-serif;margin:2em;max-width:60em}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}"
                + ".error{color:#a00}.ok{color:#070}code{background:#eee;padding:.1em .3em}</style>");
        out.println("</head><body>");
        out.println("<h1>Withings account linking</h1>");
        out.println("<p>Bridge: <strong>" + escape(account.bridgeLabel()) + "</strong> (<code>"
                + escape(account.bridgeId()) + "</code>)</p>");
        if (error != null) {
            out.println("<p class=\"error\" id=\"error\">" + escape(error) + "</p>");
        }
        if (success != null) {
            out.println("<p class=\"ok\" id=\"result\">" + escape(success) + "</p>");
        }
        out.println("<h2>Redirect URI</h2>");
        out.println("<p>Register this callback URL in the Withings developer dashboard (it is compared exactly):</p>");
        out.println("<p><code id=\"redirect-uri\">" + escape(redirectUri) + "</code></p>");
        out.println("<h2>Linked users</h2>");
        if (users.isEmpty()) {
            out.println("<p id=\"no-users\">No Withings account is linked yet.</p>");
        } else {
            out.println("<table id=\"users\"><tr><th>User id</th><th>Granted scopes</th><th>Missing scopes</th>"
                    + "<th>Token</th><th>Last data</th><th>Notifications</th><th></th></tr>");
            for (LinkedUserView user : users) {
                out.println("<tr><td>" + escape(user.userId()) + "</td><td>" + escape(user.grantedScope())
                        + "</td><td>" + escape(user.missingScopes().isEmpty() ? "none" : String.join(", ",
                                user.missingScopes()))
                        + "</td><td>" + escape(tokenText(user)) + "</td><td>" + escape(time(user.lastData()))
                        + "</td><td>" + escape(user.webhooks()) + "</td><td>" + "<form method=\"post\" action=\""
                        + action + "\"><input type=\"hidden\" name=\"" + PARAM_FORM_TOKEN + "\" value=\""
                        + escape(formToken) + "\"><input type=\"hidden\" name=\"" + PARAM_ACTION + "\" value=\""
                        + ACTION_UNLINK + "\"><input type=\"hidden\" name=\"" + PARAM_USER_ID + "\" value=\""
                        + escape(user.userId()) + "\"><button type=\"submit\">Unlink</button></form></td></tr>");
            }
            out.println("</table>");
        }
        out.println("<h2>Link</h2>");
        out.println("<form method=\"post\" action=\"" + action + "\"><input type=\"hidden\" name=\""
                + PARAM_FORM_TOKEN + "\" value=\"" + escape(formToken) + "\"><input type=\"hidden\" name=\""
                + PARAM_ACTION + "\" value=\"" + ACTION_LINK
                + "\"><button type=\"submit\" id=\"link\">Link a Withings account</button></form>");
        out.println("<p>You will sign in at Withings and allow access; you then come back to this page. "
                + "Each person of the household links their own account.</p>");
        out.println("</body></html>");
    }

    private static String tokenText(LinkedUserView user) {
        return switch (user.tokenState()) {
            case VALID -> {
                Instant expires = user.tokenExpires();
                yield expires == null ? "valid" : "valid, expires at " + time(expires) + " (renewed on use)";
            }
            case UNCHECKED -> "not checked yet";
            case REAUTHORIZATION_NEEDED -> "needs re-authorisation: link this account again";
            case UNREACHABLE -> "could not be checked (Withings unreachable)";
        };
    }

    private static String time(@Nullable Instant instant) {
        return instant == null ? "unknown" : TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
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
    /**
     * Drops expired link requests and form tokens now; an expired link request deletes its temporary OAuth handle.
     * Called periodically by the bridge, so that a consent page the user abandoned leaves nothing behind.
     *
     * @return how many link requests are still pending
     */
    public int purgeExpired() {
        formTokens.size();
        return links.size();
    }
}
