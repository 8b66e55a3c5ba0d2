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
package org.openhab.binding.withings.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The shared state of one simulator instance, handed to its servlets and to {@link Controls}.
 *
 * @author Withings binding contributors - Initial contribution
 */
final class SimCore {

    final SimulatorOptions options;
    final Clock clock;
    final SimData data;
    final TokenStore tokens;
    final Notifier notifier;
    final FaultInjector faults;
    final RequestLog log = new RequestLog();
    final AppQuota quota;
    /** stops listening for the given time (set by the simulator once its connector exists) */
    volatile Consumer<Duration> refuser = d -> {
    };

    SimCore(SimulatorOptions options) {
        this.options = options;
        this.clock = options.clock();
        this.data = new SimData(options.seed(), clock.instant(), options.extraUsers(), options.historyDays());
        this.tokens = new TokenStore(clock, options.accessTokenLifetime(), options.codeLifetime(),
                options.oldRefreshTokenGrace());
        this.notifier = new Notifier(clock, options.callbackTimeout(), options.strictCallbackUrls(),
                options.trustAllCallbackCertificates());
        this.faults = new FaultInjector(clock);
        this.quota = new AppQuota(clock, options.requestsPerMinute());
    }
}
