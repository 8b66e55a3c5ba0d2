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

import java.util.Hashtable;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.osgi.service.http.HttpService;
import org.osgi.service.http.NamespaceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of every servlet of the binding and the only place that registers servlets with openHAB's HTTP service, so
 * that the move to jakarta.servlet (openHAB 5.3) touches one class. A subclass is registered under one alias, e.g.
 * {@code /withings/connect/home}.
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
