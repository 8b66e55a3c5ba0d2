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
package org.openhab.binding.withings.internal.api;

import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Test helper: hands out {@code <prefix>-0}, and {@code <prefix>-<n>} after the n-th forced refresh, counting
 * the calls.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class CountingTokenProvider implements TokenProvider {

    final String prefix;
    final AtomicInteger accessCalls = new AtomicInteger();
    final AtomicInteger refreshCalls = new AtomicInteger();

    public CountingTokenProvider(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public String accessToken() {
        accessCalls.incrementAndGet();
        return prefix + "-" + refreshCalls.get();
    }

    @Override
    public String refreshedAccessToken() {
        return prefix + "-" + refreshCalls.incrementAndGet();
    }
}
