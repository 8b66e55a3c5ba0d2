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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.osgi.framework.BundleContext;

/**
 * Compile-time stand-in mirroring org.openhab.core.net.HttpServiceUtil of openHAB core 5.2.1; never shipped.
 * Reads the port from the framework properties {@code org.osgi.service.http.port(.secure)}; -1 if unset.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
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
        String value = bc.getProperty(property);
        if (value == null || value.isBlank()) {
            return -1;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
