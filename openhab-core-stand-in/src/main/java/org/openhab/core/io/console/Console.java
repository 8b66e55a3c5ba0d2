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
package org.openhab.core.io.console;

import java.io.IOException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Compile-time stand-in mirroring org.openhab.core.io.console.Console of openHAB core 5.2.1; never shipped.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public interface Console {

    default void printf(String format, Object... args) {
        print(String.format(format, args));
    }

    void print(String s);

    void println(String s);

    void printUsage(String s);

    default String readLine(String prompt, @Nullable Character mask) throws IOException {
        throw new UnsupportedOperationException("compile-time stand-in of openHAB core: not available at runtime");
    }

    default @Nullable String getUser() {
        return null;
    }
}
