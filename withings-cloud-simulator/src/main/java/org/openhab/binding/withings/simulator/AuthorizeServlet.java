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
package org.openhab.binding.withings.simulator;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The consent page {@code GET /oauth2_user/authorize2}: without a decision it shows the simulated users with Allow
 * and Deny; with {@code sim_user} and {@code sim_decision=allow|deny} it redirects to {@code redirect_uri} with
 * {@code code} and the unchanged {@code state}, or with {@code error=access_denied}.
 *
 * @author Withings binding contributors - Initial contribution
 */
final class AuthorizeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PATH = "/oauth2_user/authorize2";

    private final transient SimCore core;

    AuthorizeServlet(SimCore core) {
        this.core = core;
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Instant start = core.clock.instant();
        long t0 = System.nanoTime();
        long userid = 0;
        int http = 400;
        String location = null;
        String title;
        String content = "";
        String clientId = req.getParameter("client_id");
        String redirect = req.getParameter("redirect_uri");
        String state = req.getParameter("state");
        String decision = req.getParameter("sim_decision");
        String sep = redirect != null && redirect.contains("?") ? "&" : "?";
        String stateParam = state == null ? "" : "&state=" + enc(state);
        if (!core.options.clientId().equals(clientId)) {
            title = "Invalid client_id";
            content = "<p>This application is not known.</p>";
        } else if (redirect == null || !(redirect.startsWith("http://") || redirect.startsWith("https://"))) {
            title = "Invalid redirect_uri";
            content = "<p>redirect_uri is missing or not an http(s) URL.</p>";
        } else if (!"code".equals(req.getParameter("response_type"))) {
            title = "Invalid response_type";
            content = "<p>response_type must be code.</p>";
        } else if ("deny".equals(decision)) {
            title = "Denied";
            location = redirect + sep + "error=access_denied" + stateParam;
        } else if ("allow".equals(decision)) {
            userid = parseUser(req.getParameter("sim_user"));
            if (!core.data.hasUser(userid)) {
                title = "Unknown user";
                content = "<p>Pick one of the simulated users.</p>";
            } else {
                Set<String> scopes = TokenStore.parseScopes(req.getParameter("scope"));
                String code = core.tokens.issueCode(userid, clientId, redirect, scopes);
                title = "Allowed";
                location = redirect + sep + "code=" + code + stateParam;
            }
        } else {
            http = 200;
            title = "Withings cloud simulator: authorize this app";
            content = consentForm(req);
        }
        if (location != null) {
            http = 302;
        }
        core.log.add(new RecordedRequest(PATH, null, userid, -1, http, null, start, (System.nanoTime() - t0) / 1_000_000));
        if (location != null) {
            resp.sendRedirect(location);
        } else {
            page(resp, http, title, content);
        }
    }

    private static long parseUser(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String consentForm(HttpServletRequest req) {
        StringBuilder form = new StringBuilder();
        form.append("<form method=\"get\" action=\"").append(PATH).append("\">");
        for (Map.Entry<String, String[]> e : req.getParameterMap().entrySet()) {
            if (!e.getKey().startsWith("sim_")) {
                form.append("<input type=\"hidden\" name=\"").append(escape(e.getKey())).append("\" value=\"")
                        .append(escape(e.getValue()[0])).append("\">");
            }
        }
        form.append("<p>Scopes requested: <code>").append(escape(req.getParameter("scope"))).append("</code></p>");
        boolean first = true;
        for (SimUser u : core.data.users()) {
            form.append("<p><label><input type=\"radio\" name=\"sim_user\" value=\"").append(u.userid()).append('"')
                    .append(first ? " checked" : "").append("> ").append(escape(u.name())).append(" (")
                    .append(u.kind()).append(", userid ").append(u.userid()).append(")</label></p>");
            first = false;
        }
        form.append("<p><button type=\"submit\" name=\"sim_decision\" value=\"allow\">Allow</button> ")
                .append("<button type=\"submit\" name=\"sim_decision\" value=\"deny\">Deny</button></p></form>");
        return "<p>An application asks for access to your Withings data. Sign in as:</p>" + form;
    }

    private static void page(HttpServletResponse resp, int status, String title, String content) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/html;charset=utf-8");
        resp.getWriter().write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head><body><h1>" + escape(title) + "</h1>" + content + "</body></html>");
    }
}
