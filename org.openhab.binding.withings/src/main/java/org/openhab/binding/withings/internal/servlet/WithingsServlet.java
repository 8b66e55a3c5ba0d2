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
import java.util.Arrays;
import java.util.Hashtable;
import java.util.Set;

import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.http.HttpService;
import org.osgi.service.http.NamespaceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of every servlet of the binding and the only place that registers servlets with openHAB's HTTP service, so
 * that the move to jakarta.servlet (openHAB 5.3) touches one class. A subclass is registered under one alias, e.g.
 * {@code /withings/connect/home}. Every request passes {@link #service(ServletRequest, ServletResponse)} here first: a
 * method other than GET, HEAD and POST is answered 405 with {@code Allow}, and no exception escapes to the HTTP service
 * (which would answer 500 naming the class and log the request path, with a webhook secret, at WARN).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public abstract class WithingsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Logger logger = LoggerFactory.getLogger(WithingsServlet.class);
    private final transient HttpService httpService;
    private final String alias;
    private boolean registered;

    protected WithingsServlet(HttpService httpService, String alias) {
        this.httpService = httpService;
        this.alias = alias;
    }

    /**
     * The methods the servlet answers, as the value of the {@code Allow} header of a 405 answer; every other method
     * is answered 405 here, before the servlet sees it. A subclass may narrow it (never widen it beyond GET, HEAD and
     * POST).
     *
     * @return e.g. {@code GET, HEAD, POST}
     */
    protected String allowedMethods() {
        return "GET, HEAD, POST";
    }

    /**
     * Refuses methods other than {@link #allowedMethods()} with 405 and {@code Allow}, then hands the request to the
     * servlet; whatever the servlet throws is logged at debug (the class of the exception only, never the path) and
     * answered 500 with an empty body, so that no exception reaches the HTTP service.
     */
    @Override
    public void service(@Nullable ServletRequest req, @Nullable ServletResponse res) throws IOException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            return;
        }
        String method = request.getMethod();
        // methods are case-sensitive: "get" is not GET
        if (method == null || !allowed(method)) {
            logger.debug("Servlet {}: method {} not allowed", loggableAlias(), printable(method));
            response.setHeader("Allow", allowedMethods());
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            response.setContentLength(0);
            return;
        }
        try {
            // the HTTP overload, as overridden by the subclass (the webhook servlet overrides it)
            service(request, response);
        } catch (IOException e) {
            logger.debug("Servlet {}: the answer could not be sent ({})", loggableAlias(),
                    e.getClass().getSimpleName());
        } catch (ServletException | RuntimeException e) {
            logger.debug("Servlet {}: the request failed ({})", loggableAlias(), e.getClass().getSimpleName());
            if (!response.isCommitted()) {
                response.reset();
                response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                response.setContentLength(0);
            }
        }
    }

    private boolean allowed(String method) {
        return Set.of("GET", "HEAD", "POST").contains(method)
                && Arrays.asList(allowedMethods().split("\\s*,\\s*")).contains(method);
    }

    /** A request method as it may appear in a log: letters only, at most 16. */
    private static String printable(@Nullable String method) {
        if (method == null) {
            return "(none)";
        }
        String letters = method.replaceAll("[^A-Za-z]", "?");
        return letters.length() > 16 ? letters.substring(0, 16) + "…" : letters;
    }

    /** The path this servlet answers under. */
    public String alias() {
        return alias;
    }

    /**
     * Registers the servlet under its alias.
     *
     * @return false if the HTTP service refused it (e.g. the alias is taken)
     */
    public synchronized boolean register() {
        if (registered) {
            return true;
        }
        try {
            httpService.registerServlet(alias, this, new Hashtable<>(), httpService.createDefaultHttpContext());
            registered = true;
            logger.debug("Registered servlet {}", loggableAlias());
        } catch (ServletException | NamespaceException e) {
            logger.debug("Could not register servlet {}: {}", loggableAlias(), e.getClass().getSimpleName());
        }
        return registered;
    }

    /** Removes the servlet from the HTTP service; harmless if it is not registered. */
    public synchronized void unregister() {
        if (!registered) {
            return;
        }
        registered = false;
        try {
            httpService.unregister(alias);
            logger.debug("Unregistered servlet {}", loggableAlias());
        } catch (IllegalArgumentException e) {
            logger.debug("Servlet {} was not registered", loggableAlias());
        }
    }

    /**
     * The alias as it may appear in a log: a subclass whose alias holds a secret path segment hides it here.
     *
     * @return the alias, or a redacted form of it
     */
    protected String loggableAlias() {
        return alias;
    }

    /** Whether the servlet is currently registered. */
    public synchronized boolean isRegistered() {
        return registered;
    }
}
