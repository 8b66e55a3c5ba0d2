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
package org.openhab.core.io.console.extensions;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.io.console.Console;
import org.openhab.core.io.console.ConsoleCommandCompleter;

/**
 * Compile-time stand-in mirroring org.openhab.core.io.console.extensions.ConsoleCommandExtension of openHAB core
 * 5.2.1; never shipped.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public interface ConsoleCommandExtension {

    String getCommand();

    String getDescription();

    void execute(String[] args, Console console);

    List<String> getUsages();

    default @Nullable ConsoleCommandCompleter getCompleter() {
        return null;
    }
}
