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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.osgi.service.http.HttpContext;
import org.osgi.service.http.HttpService;
import org.osgi.service.http.NamespaceException;

/**
 * The one embedded web server of the tests: an OSGi {@link HttpService} that really serves the registered servlets
 * over HTTP on loopback, from an embedded Jetty 9.4 on a free port: a request goes to the servlet with the longest
 * alias that is a prefix of its path (as the OSGi HTTP service does), with the rest as path info; unregistered paths
 * answer 404. It records the method and path of every request, and can host plain endpoints answering 200 (standing
 * for other applications' webhooks).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class JettyHttpService implements HttpService, AutoCloseable {

    private final Map<String, Servlet> servlets = new ConcurrentHashMap<>();
    private final Server server;
    private final URI baseUri;
    private final Router router = new Router();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    /** One request as the server saw it. */
    public record Seen(String method, String path) {
    }

    public JettyHttpService() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new Recorder()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(router), "/*");
        server.setHandler(context);
        server.start();
        baseUri = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    /** e.g. {@code http://127.0.0.1:34567} */
    public URI baseUri() {
        return baseUri;
    }

    /** e.g. {@code http://127.0.0.1:34567/withings/webhook/...} */
    public URI uri(String path) {
        return URI.create(baseUri + path);
    }

    /** Hosts an endpoint answering every request with 200 at {@code path} (another application's callback). */
    public JettyHttpService servePlain(String path) throws ServletException, NamespaceException {
        registerServlet(path, new Plain(), null, null);
        return this;
    }

    /** @return every request seen so far */
    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** @return how many requests with this method reached this path */
    public long count(String method, String path) {
        return seen.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
    }

    /** Whether a servlet is registered under the alias. */
    public boolean isRegistered(String alias) {
        return servlets.containsKey(alias);
    }

    /** The registered aliases. */
    public Set<String> aliases() {
        return Set.copyOf(servlets.keySet());
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

    /** Records every request. */
    private final class Recorder implements Filter {
        @Override
        public void doFilter(@Nullable ServletRequest request, @Nullable ServletResponse response,
                @Nullable FilterChain chain) throws IOException, ServletException {
            if (request instanceof HttpServletRequest http) {
                seen.add(new Seen(http.getMethod(), http.getRequestURI()));
            }
            if (chain != null) {
                chain.doFilter(request, response);
            }
        }
    }

    /** Answers 200 to everything. */
    private static final class Plain extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(@Nullable HttpServletRequest req, @Nullable HttpServletResponse resp) {
            if (resp != null) {
                resp.setStatus(HttpServletResponse.SC_OK);
            }
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
