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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ParseBenchmark} with JMH and its GC profiler and writes the report section: milliseconds and bytes
 * allocated per page, the binding beside the naive tree baseline.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
final class ParseCost {

    private ParseCost() {
    }

    /** One benchmark's figures. */
    record Figure(double millis, double millisError, double bytes) {
    }

    static String run(Path fixtures) throws Exception {
        Options options = new OptionsBuilder().include(ParseBenchmark.class.getName().replace(".", "\\.") + "\\.")
                .addProfiler(GCProfiler.class).jvmArgsAppend("-D" + ParseBenchmark.FIXTURES + "=" + fixtures.toAbsolutePath())
                .shouldFailOnError(true).build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            Result<?> primary = r.getPrimaryResult();
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            figures.put(name, new Figure(primary.getScore(), primary.getScoreError(),
                    alloc == null ? Double.NaN : alloc.getScore()));
        }
        int getmeasBytes = ParseBenchmark.getmeasPage(fixtures, ParseBenchmark.GROUPS)
                .getBytes(StandardCharsets.UTF_8).length;
        int sleepBytes = ParseBenchmark.sleepPage(fixtures).getBytes(StandardCharsets.UTF_8).length;
        StringBuilder out = new StringBuilder();
        out.append("| Page | Decoder | ms per page (JMH average ± 99.9 % error) | bytes allocated per page | "
                + "time vs naive tree | allocation vs naive tree |\n|---|---|---|---|---|---|\n");
        row(out, String.format(Locale.ROOT, "getmeas, %d groups (%d KiB)", ParseBenchmark.GROUPS,
                getmeasBytes / 1024), figures, "getmeasBinding", "getmeasNaiveTree");
        row(out, String.format(Locale.ROOT, "sleep getsummary, 300 real nights (%d KiB)", sleepBytes / 1024), figures,
                "sleepBinding", "sleepNaiveTree");
        return out.toString();
    }

    private static void row(StringBuilder out, String page, Map<String, Figure> figures, String binding,
            String naive) {
        Figure b = figures.get(binding);
        Figure n = figures.get(naive);
        if (b == null || n == null) {
            out.append("| ").append(page).append(" | not measured | | | | |\n");
            return;
        }
        out.append(String.format(Locale.ROOT, "| %s | binding (`WithingsClient`, typed DTOs) | %.3f ± %.3f | %s | %.2f× | %.2f× |%n",
                page, b.millis(), b.millisError(), bytes(b.bytes()), b.millis() / n.millis(), b.bytes() / n.bytes()));
        out.append(String.format(Locale.ROOT, "| %s | naive `JsonParser` tree, walked | %.3f ± %.3f | %s | 1 | 1 |%n", page,
                n.millis(), n.millisError(), bytes(n.bytes())));
    }

    private static String bytes(double bytes) {
        return String.format(Locale.ROOT, "%,.0f", bytes);
    }

    public static void main(String[] args) throws Exception {
        System.out.println(run(Path.of(args[0])));
    }
}
