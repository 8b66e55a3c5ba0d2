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
package org.openhab.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Compile-time stand-in mirroring org.openhab.core.OpenHAB of openHAB core 5.2.1; never shipped.
 * Folders come from the system properties openHAB uses, with openHAB's defaults.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class OpenHAB {

    public static final String RUNTIME_DIR_PROG_ARGUMENT = "openhab.runtime";
    public static final String USERDATA_DIR_PROG_ARGUMENT = "openhab.userdata";
    public static final String CONFIG_DIR_PROG_ARGUMENT = "openhab.conf";
    public static final String DEFAULT_RUNTIME_FOLDER = "runtime";
    public static final String DEFAULT_CONFIG_FOLDER = "conf";
    public static final String DEFAULT_USERDATA_FOLDER = "userdata";
    public static final String SERVICE_CONTEXT = "openhab.servicecontext";
    public static final String SERVICE_CONTEXT_MARKER = "#";
    public static final String ADDONS_SERVICE_PID = "org.openhab.addons";
    public static final String CFG_PACKAGE = "package";

    public OpenHAB() {
    }

    public static String getVersion() {
        return "5.2.1";
    }

    /**
     * @return the {@code build-no} of {@code <userdata>/etc/version.properties}, or "Unknown Build No."
     */
    public static String buildString() {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(getUserDataFolder(), "etc", "version.properties"))) {
            properties.load(in);
            String build = properties.getProperty("build-no");
            if (build != null && !build.isEmpty()) {
                return build;
            }
        } catch (IOException | RuntimeException e) {
            // no version file
        }
        return "Unknown Build No.";
    }

    public static String getRuntimeFolder() {
        return System.getProperty(RUNTIME_DIR_PROG_ARGUMENT, DEFAULT_RUNTIME_FOLDER);
    }

    public static String getConfigFolder() {
        return System.getProperty(CONFIG_DIR_PROG_ARGUMENT, DEFAULT_CONFIG_FOLDER);
    }

    public static String getUserDataFolder() {
        return System.getProperty(USERDATA_DIR_PROG_ARGUMENT, DEFAULT_USERDATA_FOLDER);
    }
}
