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
package org.openhab.binding.withings.internal.handler;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures everything written to {@code System.out} and {@code System.err} while open (still passing it on), and
 * switches the loggers of the given classes to debug for that time, so a test can check what the binding logs.
 * Raising the level relies on the test logging backend (slf4j-simple keeps the level in a field); when that is not
 * possible {@link #debugEnabled()} says so and only what is logged at the configured level is captured.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class OutputCapture implements AutoCloseable {

    private static final int SIMPLE_LOGGER_DEBUG = 10;

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final Map<Logger, Integer> raised = new LinkedHashMap<>();
    private boolean debugEnabled = true;

    public OutputCapture(Class<?>... debugClasses) {
        for (Class<?> c : debugClasses) {
            Logger logger = LoggerFactory.getLogger(c);
            if (!logger.isDebugEnabled()) {
                Integer before = setLevel(logger, SIMPLE_LOGGER_DEBUG);
                if (before != null && logger.isDebugEnabled()) {
                    raised.put(logger, before);
                } else {
                    debugEnabled = false;
                }
            }
        }
        System.setOut(new PrintStream(new Tee(originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr), true, StandardCharsets.UTF_8));
    }

    /** Whether every logger of the given classes logs at debug while the capture is open. */
    public boolean debugEnabled() {
        return debugEnabled;
    }

    /** What was written so far. */
    public String text() {
        synchronized (buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.out.flush();
        System.err.flush();
        System.setOut(originalOut);
        System.setErr(originalErr);
        raised.forEach(OutputCapture::setLevel);
        raised.clear();
    }

    /** Sets the level field of an slf4j-simple logger; returns the previous level, or null if not possible. */
    private static @Nullable Integer setLevel(Logger logger, int level) {
        for (Class<?> c = logger.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField("currentLogLevel");
                field.setAccessible(true);
                int before = field.getInt(logger);
                field.setInt(logger, level);
                return before;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    /** Writes to the original stream and to the buffer. */
    private final class Tee extends OutputStream {
        private final OutputStream original;

        Tee(OutputStream original) {
            this.original = original;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            original.write(b);
            synchronized (buffer) {
                buffer.write(b);
            }
        }

        @Override
        public void write(byte @Nullable [] b, int off, int len) throws java.io.IOException {
            if (b == null) {
                return;
            }
            original.write(b, off, len);
            synchronized (buffer) {
                buffer.write(b, off, len);
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            original.flush();
        }
    }
}
