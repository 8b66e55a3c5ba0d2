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
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * An embedded Jetty 9.4 on a free loopback port hosting the binding's webhook servlets at their aliases (like
 * openHAB's HTTP service: the alias and every path below it), optional plain endpoints standing for other
 * applications' callbacks, and a filter recording the method and path of every request.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class WebhookTestServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record Seen(String method, String path) {
    }

    private final List<WithingsServlet> servlets = new ArrayList<>();
    private final List<String> plainPaths = new ArrayList<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private @Nullable Server server;
    private int port;

    /** Hosts a servlet at its alias (and below, as the OSGi HTTP service does). */
    public WebhookTestServer with(WithingsServlet servlet) {
        servlets.add(servlet);
        return this;
    }

    /** Hosts an endpoint answering HEAD and POST with 200 at {@code path} (another application's callback). */
    public WebhookTestServer withPlain(String path) {
        plainPaths.add(path);
        return this;
    }

    public WebhookTestServer start() throws Exception {
        Server s = new Server();
        ServerConnector connector = new ServerConnector(s);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        s.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new Recorder()), "/*", EnumSet.of(DispatcherType.REQUEST));
        for (WithingsServlet servlet : servlets) {
            String alias = servlet.alias();
            ServletHolder holder = new ServletHolder(servlet);
            context.getServletHandler().addServletWithMapping(holder, alias);
            context.getServletHandler().addServletWithMapping(holder, alias + "/*");
        }
        for (String path : plainPaths) {
            context.addServlet(new ServletHolder(new Plain()), path);
        }
        // like openHAB's HTTP service: no servlet under a path → 404 whatever the method
        context.addServlet(new ServletHolder(new NotFound()), "/");
        s.setHandler(context);
        s.setStopTimeout(1000);
        s.start();
        server = s;
        port = connector.getLocalPort();
        return this;
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public URI uri(String path) {
        return URI.create(base() + path);
    }

    /** @return every request seen so far */
    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** @return how many requests with this method reached this path */
    public long count(String method, String path) {
        return seen.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
    }

    @Override
    public void close() throws Exception {
        Server s = server;
        if (s != null) {
            s.stop();
        }
    }

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

    private static final class NotFound extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(@Nullable HttpServletRequest req, @Nullable HttpServletResponse resp) {
            if (resp != null) {
                resp.setStatus(HttpServletResponse.SC_NOT_FOUND);
            }
        }
    }

    private static final class Plain extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(@Nullable HttpServletRequest req, @Nullable HttpServletResponse resp) {
            if (resp != null) {
                resp.setStatus(HttpServletResponse.SC_OK);
            }
        }
    }
}
