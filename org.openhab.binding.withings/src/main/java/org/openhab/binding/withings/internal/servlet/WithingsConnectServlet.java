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
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.WithingsBindingConstants;
import org.openhab.binding.withings.internal.servlet.ConnectPage.Message;
import org.osgi.service.http.HttpService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account-linking page of one bridge at {@code /withings/connect/<bridgeId>}: shows the bridge, the redirect URI
 * to register (and what it was derived from), the linked users with their token state, a "Link a Withings account"
 * button and per user an "Unlink" button (both POST with an anti-forgery token, see {@link FormTokens}). The same path
 * is the OAuth redirect URI: a GET with {@code code} and {@code state} completes a link at once (Withings codes live
 * 30 s), a GET with {@code error} shows Withings' answer. A missing, unknown, reused or expired state, and a code that
 * Withings refuses, give HTTP 400 and change nothing, as does a request the page cannot read (a broken form or query
 * string, an unknown charset, a repeated field, a form over {@link #MAX_FORM_BYTES}; read by {@link FormFields});
 * 502/503 mean Withings or the bridge could not do it. The page is rendered by {@link ConnectPage} from HTML
 * templates, every value escaped; no secret, token or code is ever shown or logged.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class WithingsConnectServlet extends WithingsServlet {

    private static final long serialVersionUID = 1L;

    /** How long a link request (its state) is valid. */
    public static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    /** How long the anti-forgery token of a page (and the browser's cookie) is valid. */
    public static final Duration FORM_TOKEN_LIFETIME = Duration.ofMinutes(30);
    /** Most link requests waiting for Withings at once; beyond, new ones are refused (none is pushed out). */
    static final int MAX_PENDING_LINKS = 256;
    /** Most link requests of one browser; its oldest is dropped for a new one. */
    static final int MAX_PENDING_LINKS_PER_CLIENT = 3;
    /** Most link requests from one network address; beyond, its new ones are refused. */
    static final int MAX_PENDING_LINKS_PER_ADDRESS = 32;

    static final String PARAM_CODE = "code";
    static final String PARAM_STATE = "state";
    static final String PARAM_ERROR = "error";
    static final String PARAM_ACTION = "action";
    static final String PARAM_FORM_TOKEN = "formToken";
    static final String PARAM_USER_ID = "userId";
    static final String ACTION_LINK = "link";
    static final String ACTION_UNLINK = "unlink";
    /** The largest form the page accepts (its own forms are a few hundred bytes). */
    static final int MAX_FORM_BYTES = 16 * 1024;
    /** The page's fields: each may appear once (a repeated one makes the request ambiguous, so it is refused). */
    private static final Set<String> SINGLE_FIELDS = Set.of(PARAM_CODE, PARAM_STATE, PARAM_ERROR, PARAM_ACTION,
            PARAM_FORM_TOKEN, PARAM_USER_ID);

    private static final Pattern USER_ID = Pattern.compile("^[0-9A-Za-z_-]{1,64}$");

    /** A link request with the browser and address that started it. */
    private record Pending(PendingLink link, String client, String address) {
    }

    private final transient Logger logger = LoggerFactory.getLogger(WithingsConnectServlet.class);
    private final transient AccountLinking account;
    private final transient LinkStateStore<Pending> links;
    private final transient FormTokens formTokens;

    /**
     * @param httpService where to register
     * @param account the bridge behind the page
     * @param clock time source for the lifetime of states and form tokens
     */
    public WithingsConnectServlet(HttpService httpService, AccountLinking account, Clock clock) {
        super(httpService, WithingsBindingConstants.CONNECT_PATH + account.bridgeId());
        this.account = account;
        this.links = new LinkStateStore<>(clock, STATE_LIFETIME, MAX_PENDING_LINKS, p -> account.abandonLink(p.link()));
        this.formTokens = new FormTokens(clock, FORM_TOKEN_LIFETIME, alias());
    }

    /** Unregisters the page and drops every pending link request (deleting their temporary services). */
    @Override
    public synchronized void unregister() {
        super.unregister();
        links.clear();
    }

    /** Number of link requests waiting for Withings' answer. */
    public int pendingLinks() {
        return links.size();
    }

    /**
     * Drops expired link requests now; an expired link request deletes its temporary OAuth handle. Called
     * periodically by the bridge, so that a consent page the user abandoned leaves nothing behind.
     *
     * @return how many link requests are still pending
     */
    public int purgeExpired() {
        return links.size();
    }

    /** Every answer is not to be stored; only the page itself is served (404 below it). */
    private boolean accepted(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        noStore(resp);
        String pathInfo = req.getPathInfo();
        if (pathInfo != null && !pathInfo.isEmpty() && !"/".equals(pathInfo)) {
            logger.debug("Linking page of {}: a path below the page", account.bridgeId());
            resp.setStatus(HttpServletResponse.SC_NOT_FOUND);
            resp.setContentLength(0);
            return false;
        }
        return true;
    }

    @Override
    protected void doGet(@Nullable HttpServletRequest req, @Nullable HttpServletResponse resp) throws IOException {
        if (req == null || resp == null || !accepted(req, resp)) {
            return;
        }
        String query = req.getQueryString();
        Map<String, String> fields;
        try {
            fields = query == null ? Map.of() : FormFields.parse(query, StandardCharsets.UTF_8, SINGLE_FIELDS);
        } catch (IllegalArgumentException e) {
            logger.debug("Linking page of {}: a malformed query string", account.bridgeId());
            badRequest(req, resp);
            return;
        }
        String code = fields.get(PARAM_CODE);
        String state = fields.get(PARAM_STATE);
        String error = fields.get(PARAM_ERROR);
        if (code != null || state != null || error != null) {
            callback(req, resp, code, state, error);
            return;
        }
        page(req, resp, HttpServletResponse.SC_OK, null);
    }

    /** Headers only: a HEAD never completes a link or spends a state. */
    @Override
    protected void doHead(@Nullable HttpServletRequest req, @Nullable HttpServletResponse resp) throws IOException {
        if (req == null || resp == null || !accepted(req, resp)) {
            return;
        }
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType("text/html;charset=UTF-8");
    }

    @Override
    protected void doPost(@Nullable HttpServletRequest req, @Nullable HttpServletResponse resp) throws IOException {
        if (req == null || resp == null || !accepted(req, resp)) {
            return;
        }
        Map<String, String> form = postedForm(req);
        if (form == null) {
            badRequest(req, resp);
            return;
        }
        PageTexts texts = PageTexts.forLocale(req.getLocale());
        String client = formTokens.clientId(req);
        if (!formTokens.consume(client, form.get(PARAM_FORM_TOKEN)) || client == null) {
            logger.debug("Linking page of {}: form without a valid anti-forgery token", account.bridgeId());
            error(req, resp, HttpServletResponse.SC_FORBIDDEN, texts.text("link-page.error.form-expired"));
            return;
        }
        String action = form.get(PARAM_ACTION);
        if (ACTION_LINK.equals(action)) {
            link(req, resp, texts, client);
        } else if (ACTION_UNLINK.equals(action)) {
            String userId = form.get(PARAM_USER_ID);
            if (userId == null || !USER_ID.matcher(userId).matches()) {
                logger.debug("Linking page of {}: unlink without a valid user id", account.bridgeId());
                error(req, resp, HttpServletResponse.SC_BAD_REQUEST, texts.text("link-page.error.no-user-id"));
            } else if (account.unlink(userId)) {
                page(req, resp, HttpServletResponse.SC_OK,
                        new Message(false, texts.text("link-page.ok.unlinked", userId)));
            } else {
                error(req, resp, HttpServletResponse.SC_NOT_FOUND, texts.text("link-page.error.not-linked", userId));
            }
        } else {
            logger.debug("Linking page of {}: unknown action", account.bridgeId());
            error(req, resp, HttpServletResponse.SC_BAD_REQUEST, texts.text("link-page.error.unknown-action"));
        }
    }

    /**
     * The posted form, read by {@link FormFields} (never the container's {@code getParameter}, whose failures on
     * broken input escape as its own exceptions and warnings).
     *
     * @return the fields, or null if the body is not a form, has an unknown charset, is not valid in it, has a
     *         malformed escape or a repeated field, or is larger than {@link #MAX_FORM_BYTES}
     */
    private @Nullable Map<String, String> postedForm(HttpServletRequest req) throws IOException {
        Charset charset = FormFields.formCharset(req.getContentType());
        if (charset == null) {
            logger.debug("Linking page of {}: a post that is not a form (content type or charset)",
                    account.bridgeId());
            return null;
        }
        if (req.getContentLengthLong() > MAX_FORM_BYTES) {
            logger.debug("Linking page of {}: a form too large (content length)", account.bridgeId());
            return null;
        }
        byte[] body = FormFields.readBounded(req.getInputStream(), MAX_FORM_BYTES);
        if (body == null) {
            logger.debug("Linking page of {}: a form too large", account.bridgeId());
            return null;
        }
        try {
            return FormFields.parse(body, charset, SINGLE_FIELDS);
        } catch (IllegalArgumentException e) {
            logger.debug("Linking page of {}: a malformed form (encoding or repeated field)", account.bridgeId());
            return null;
        }
    }

    /** The page with its explanation of a request it could not read: 400, nothing changed. */
    private void badRequest(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        error(req, resp, HttpServletResponse.SC_BAD_REQUEST,
                PageTexts.forLocale(req.getLocale()).text("link-page.error.bad-request"));
    }

    private void link(HttpServletRequest req, HttpServletResponse resp, PageTexts texts, String client)
            throws IOException {
        String address = Objects.requireNonNullElse(req.getRemoteAddr(), "");
        // a browser at its own limit replaces its oldest request, so only a new browser adds to its address' count
        if (links.count(p -> p.address().equals(address)) >= MAX_PENDING_LINKS_PER_ADDRESS
                && links.count(p -> p.client().equals(client)) < MAX_PENDING_LINKS_PER_CLIENT) {
            logger.debug("Linking page of {}: too many link requests from one address", account.bridgeId());
            error(req, resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, texts.text("link-page.error.busy"));
            return;
        }
        RedirectUri redirectUri = RedirectUri.of(account.configuredRedirectUri(), req, alias());
        String state = links.newKey();
        PendingLink pending;
        try {
            pending = account.beginLink(redirectUri.uri(), state);
        } catch (LinkException e) {
            error(req, resp, e.reason().httpStatus(), texts.text(e.reason().key()));
            return;
        }
        if (!links.offer(state, new Pending(pending, client, address), p -> p.client().equals(client),
                MAX_PENDING_LINKS_PER_CLIENT)) {
            account.abandonLink(pending);
            logger.debug("Linking page of {}: too many link requests waiting", account.bridgeId());
            error(req, resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, texts.text("link-page.error.busy"));
            return;
        }
        logger.debug("Linking page of {}: link request started, redirect URI {} ({})", account.bridgeId(),
                redirectUri.uri(), redirectUri.source());
        resp.sendRedirect(pending.authorizeUrl());
    }

    private void callback(HttpServletRequest req, HttpServletResponse resp, @Nullable String code,
            @Nullable String state, @Nullable String error) throws IOException {
        PageTexts texts = PageTexts.forLocale(req.getLocale());
        if (state == null || state.isEmpty()) {
            logger.debug("Linking page of {}: callback without state", account.bridgeId());
            error(req, resp, HttpServletResponse.SC_BAD_REQUEST, texts.text("link-page.error.no-state"));
            return;
        }
        Optional<Pending> found = links.consume(state);
        if (found.isEmpty()) {
            logger.debug("Linking page of {}: callback with an unknown, used or expired state", account.bridgeId());
            error(req, resp, HttpServletResponse.SC_BAD_REQUEST,
                    texts.text("link-page.error.unknown-state", STATE_LIFETIME.toMinutes()));
            return;
        }
        PendingLink pending = found.get().link();
        if (error != null) {
            account.abandonLink(pending);
            logger.debug("Linking page of {}: Withings did not grant access", account.bridgeId());
            error(req, resp, HttpServletResponse.SC_OK, texts.text("link-page.error.denied", error));
            return;
        }
        if (code == null || code.isEmpty()) {
            account.abandonLink(pending);
            logger.debug("Linking page of {}: callback without code", account.bridgeId());
            error(req, resp, HttpServletResponse.SC_BAD_REQUEST, texts.text("link-page.error.no-code"));
            return;
        }
        try {
            String userId = account.completeLink(pending, code);
            page(req, resp, HttpServletResponse.SC_OK, new Message(false, texts.text("link-page.ok.linked", userId)));
        } catch (LinkException e) {
            logger.debug("Linking page of {}: link not completed ({})", account.bridgeId(), e.reason());
            error(req, resp, e.reason().httpStatus(), texts.text(e.reason().key()));
        }
    }

    private static void noStore(HttpServletResponse resp) {
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Pragma", "no-cache");
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    }

    private void error(HttpServletRequest req, HttpServletResponse resp, int status, String text) throws IOException {
        page(req, resp, status, new Message(true, text));
    }

    private void page(HttpServletRequest req, HttpServletResponse resp, int status, @Nullable Message message)
            throws IOException {
        RedirectUri redirectUri = RedirectUri.of(account.configuredRedirectUri(), req, alias());
        String proto = req.getHeader("X-Forwarded-Proto");
        boolean secure = req.isSecure() || (proto != null && proto.trim().toLowerCase(Locale.ROOT).startsWith("https"));
        String client = formTokens.clientIdRenewed(req, resp, secure);
        ConnectPage.write(resp, status, PageTexts.forLocale(req.getLocale()), account, alias(), redirectUri,
                formTokens.issue(client), message);
    }
}
