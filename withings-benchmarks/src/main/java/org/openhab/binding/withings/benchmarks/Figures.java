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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Percentiles of measured durations, and their report row with target and ratio.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
final class Figures {

    private final List<Double> millis = new ArrayList<>();

    void add(double ms) {
        millis.add(ms);
    }

    void addNanos(long nanos) {
        millis.add(nanos / 1e6);
    }

    int count() {
        return millis.size();
    }

    /** The q-quantile (nearest rank), 0 when empty. */
    double quantile(double q) {
        if (millis.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** A table row: what, n, p50, p99, max (ms), the p99 target (ms) and p99 / target. */
    String row(String what, double targetP99) {
        double p99 = quantile(0.99);
        return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | < %s | %.2f |%n", what, count(),
                quantile(0.5), p99, quantile(1.0), trim(targetP99), p99 / targetP99);
    }

    /** A table row without a target. */
    String row(String what) {
        return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | – | – |%n", what, count(), quantile(0.5),
                quantile(0.99), quantile(1.0));
    }

    static String header() {
        return "| Figure | n | p50 (ms) | p99 (ms) | max (ms) | Target p99 (ms) | p99 / target |\n"
                + "|---|---|---|---|---|---|---|\n";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
