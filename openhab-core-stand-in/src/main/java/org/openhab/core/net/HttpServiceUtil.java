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
package org.openhab.core.net;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Compile-time stand-in mirroring org.openhab.core.net.HttpServiceUtil of openHAB core 5.2.1; never shipped.
 * The port comes from the highest-ranked HttpService registration that has the port property, else from the
 * framework property of the same name; -1 if neither is set.
 *
 * @author Withings binding contributors - Initial contribution
 */
public class HttpServiceUtil {

    private HttpServiceUtil() {
    }

    public static int getHttpServicePort(final BundleContext bc) {
        return getPort(bc, "org.osgi.service.http.port");
    }

    public static int getHttpServicePortSecure(final BundleContext bc) {
        return getPort(bc, "org.osgi.service.http.port.secure");
    }

    private static int getPort(BundleContext bc, String property) {
        int port = -1;
        int bestRanking = Integer.MIN_VALUE;
        ServiceReference<?>[] references;
        try {
            references = bc.getAllServiceReferences("org.osgi.service.http.HttpService", null);
        } catch (InvalidSyntaxException e) {
            return -1;
        }
        if (references != null) {
            for (ServiceReference<?> reference : references) {
                Integer servicePort = parse(reference.getProperty(property));
                if (servicePort == null) {
                    continue;
                }
                Object rankingProperty = reference.getProperty(Constants.SERVICE_RANKING);
                int ranking = rankingProperty instanceof Integer value ? value : 0;
                if (ranking >= bestRanking) {
                    bestRanking = ranking;
                    port = servicePort;
                }
            }
        }
        if (port > 0) {
            return port;
        }
        Integer frameworkPort = parse(bc.getProperty(property));
        return frameworkPort == null ? -1 : frameworkPort;
    }

    private static Integer parse(Object value) {
        if (value instanceof Integer number) {
            return number;
        }
        if (value != null) {
            try {
                return Integer.parseInt(value.toString().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
