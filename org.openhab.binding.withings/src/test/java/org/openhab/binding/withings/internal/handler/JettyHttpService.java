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
package org.openhab.binding.withings.internal.handler;

import java.io.IOException;
import java.net.URI;
import java.util.Dictionary;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.osgi.service.http.HttpContext;
import org.osgi.service.http.HttpService;
import org.osgi.service.http.NamespaceException;

/**
 * An OSGi {@link HttpService} for tests that really serves the registered servlets over HTTP on loopback, from an
 * embedded Jetty 9.4 on a free port: a request goes to the servlet with the longest alias that is a prefix of its
 * path (as the OSGi HTTP service does), with the rest as path info; unregistered paths answer 404.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class JettyHttpService implements HttpService, AutoCloseable {

    private final Map<String, Servlet> servlets = new ConcurrentHashMap<>();
    private final Server server;
    private final URI baseUri;
    private final Router router = new Router();

    public JettyHttpService() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(router), "/*");
        server.setHandler(context);
        server.start();
        baseUri = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    /** e.g. {@code http://127.0.0.1:34567} */
    public URI baseUri() {
        return baseUri;
    }

    /** Whether a servlet is registered under the alias. */
    public boolean isRegistered(String alias) {
        return servlets.containsKey(alias);
    }

    /** The registered aliases. */
    public java.util.Set<String> aliases() {
        return java.util.Set.copyOf(servlets.keySet());
    }

    @Override
    public void registerServlet(@Nullable String alias, @Nullable Servlet servlet,
            @Nullable Dictionary<?, ?> initparams, @Nullable HttpContext context)
            throws ServletException, NamespaceException {
        if (alias == null || servlet == null) {
            throw new IllegalArgumentException("alias and servlet are required");
        }
        if (servlets.containsKey(alias)) {
            throw new NamespaceException("alias already registered: " + alias);
        }
        servlet.init(router.getServletConfig());
        servlets.put(alias, servlet);
    }

    @Override
    public void registerResources(@Nullable String alias, @Nullable String name, @Nullable HttpContext context)
            throws NamespaceException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void unregister(@Nullable String alias) {
        if (alias == null || servlets.remove(alias) == null) {
            throw new IllegalArgumentException("not registered: " + alias);
        }
    }

    @Override
    public HttpContext createDefaultHttpContext() {
        return new HttpContext() {
            @Override
            public boolean handleSecurity(@Nullable HttpServletRequest request,
                    @Nullable HttpServletResponse response) {
                return true;
            }

            @Override
            public java.net.@Nullable URL getResource(@Nullable String name) {
                return null;
            }

            @Override
            public @Nullable String getMimeType(@Nullable String name) {
                return null;
            }
        };
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("embedded server did not stop", e);
        }
    }

    /** Routes each request to the registered servlet with the longest matching alias. */
    private class Router extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(@Nullable HttpServletRequest req, @Nullable HttpServletResponse resp)
                throws ServletException, IOException {
            if (req == null || resp == null) {
                return;
            }
            String path = req.getRequestURI();
            String best = null;
            for (String alias : servlets.keySet()) {
                if ((path.equals(alias) || path.startsWith(alias + "/"))
                        && (best == null || alias.length() > best.length())) {
                    best = alias;
                }
            }
            Servlet target = best == null ? null : servlets.get(best);
            if (best == null || target == null) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            String alias = best;
            String rest = path.substring(alias.length());
            target.service(new HttpServletRequestWrapper(req) {
                @Override
                public String getServletPath() {
                    return alias;
                }

                @Override
                public @Nullable String getPathInfo() {
                    return rest.isEmpty() ? null : rest;
                }
            }, resp);
        }
    }
}
