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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The add-on's footprint: the jar's size and classes, the classes that refer to a way of starting threads (read
 * from their constant pools), and the threads the binding started during the push run.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
final class Footprint {

    /** Class references through which code starts threads of its own. */
    private static final List<String> THREAD_STARTERS = List.of("java/util/concurrent/Executors",
            "java/util/concurrent/ThreadPoolExecutor", "java/util/concurrent/ScheduledThreadPoolExecutor",
            "java/util/concurrent/ForkJoinPool", "java/util/Timer", "java/lang/Thread$Builder",
            "java/util/concurrent/ThreadFactory");

    private Footprint() {
    }

    static String run(Path jar, PushLatency.Outcome push) throws IOException {
        int classes = 0;
        long classBytes = 0;
        int resources = 0;
        List<String> starters = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                if (!e.getName().endsWith(".class")) {
                    resources++;
                    continue;
                }
                classes++;
                classBytes += e.getSize();
                byte[] bytes;
                try (InputStream in = file.getInputStream(e)) {
                    bytes = in.readAllBytes();
                }
                String pool = new String(bytes, StandardCharsets.ISO_8859_1);
                boolean newThread = pool.contains("java/lang/Thread") && pool.contains("<init>")
                        && pool.contains("(Ljava/lang/Runnable;") && !pool.contains("java/lang/Thread.currentThread");
                if (THREAD_STARTERS.stream().anyMatch(pool::contains) || newThread) {
                    starters.add(e.getName());
                }
            }
        }
        return String.format(Locale.ROOT, """
                | Figure | Measured | Target |
                |---|---|---|
                | add-on jar (`%s`) | %.1f KiB | – |
                | classes in the jar (bytes uncompressed) | %d (%.1f KiB) | – |
                | other files in the jar (OH-INF, i18n, manifest) | %d | – |
                | classes referring to Executors, thread pools, ThreadFactory, Timer or thread builders | %d%s | 0 |
                | threads started by the binding during the push run (neither openHAB's shared `OH-…` pools nor Jetty, the HTTP clients or the simulator) | %d%s | 0 |
                | threads of openHAB's shared pools started during the push run | %d | – |

                """, jar.getFileName(), Files.size(jar) / 1024.0, classes, classBytes / 1024.0, resources,
                starters.size(), starters.isEmpty() ? "" : " (" + String.join(", ", starters) + ")",
                push.ownThreads().size(), push.ownThreads().isEmpty() ? "" : " (" + String.join(", ", push.ownThreads()) + ")",
                push.newSharedThreads());
    }
}
