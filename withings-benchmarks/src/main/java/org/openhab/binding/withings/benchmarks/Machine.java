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
package org.openhab.binding.withings.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The report's header: when, on which machine and JDK, with which command.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
final class Machine {

    static final String COMMAND = "./mvn21 -B -pl withings-benchmarks -am verify -DskipTests -Dbenchmarks";

    private Machine() {
    }

    static String describe(Instant when) {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, """
                Run %s.

                - Machine: %s, %d cores available to the JVM, %s %s (%s); other processes shared the cores.
                - JDK: %s %s (%s), max heap %d MiB.
                - Command: `%s` (writes `withings-benchmarks/target/benchmark-report.md`; `withings-benchmarks/REPORT.md`
                  is a committed copy).
                - Against the cloud simulator (seed 42) over loopback HTTP. Request counts are exact; times are
                  wall-clock and vary with the machine and its load; nothing here is asserted by a test.

                """, when, cpu(), rt.availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"), System.getProperty("java.vm.vendor"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), rt.maxMemory() / (1024 * 1024),
                COMMAND);
    }

    private static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the architecture below says enough
        }
        return "CPU model unknown";
    }
}
