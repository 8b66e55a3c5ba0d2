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
import java.util.ArrayList;
import java.util.List;

/**
 * Options of a {@link WithingsCloudSimulator}: a fluent, mutable builder. Start from {@link #defaults()}.
 *
 * @author Withings binding contributors - Initial contribution
 */
public final class SimulatorOptions {

    private String host = "127.0.0.1";
    private int port = 0;
    private long seed = 42;
    private String clientId = "sim-client-id";
    private String clientSecret = "sim-client-secret";
    private Duration accessTokenLifetime = Duration.ofSeconds(10800);
    private Duration codeLifetime = Duration.ofSeconds(30);
    private Duration oldRefreshTokenGrace = Duration.ofHours(8);
    private Clock clock = Clock.systemUTC();
    private boolean strictCallbackUrls = false;
    private int measurePageSize = 50;
    private int activityPageSize = 200;
    private int workoutPageSize = 100;
    private int summaryPageSize = 300;
    private int heartPageSize = 50;
    private int requestsPerMinute = 0;
    private int extraUsers = 0;
    private int historyDays = 0;
    private Duration callbackTimeout = Duration.ofSeconds(2);
    private boolean trustAllCallbackCertificates = false;
    private final List<FaultSpec> faults = new ArrayList<>();

    private SimulatorOptions() {
    }

    /**
     * @return the defaults: loopback, port 0 (any free port), seed 42, client "sim-client-id"/"sim-client-secret",
     *         access tokens valid 10800 s, codes 30 s, system UTC clock, lenient callback URLs, getmeas pages of 50
     */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions();
    }

    /** @param host the address to listen on (default 127.0.0.1; 0.0.0.0 for all interfaces) */
    public SimulatorOptions host(String host) {
        this.host = host;
        return this;
    }

    /** @param port the TCP port, 0 for any free port */
    public SimulatorOptions port(int port) {
        this.port = port;
        return this;
    }

    /** @param seed the seed of the generated history (same seed and clock → same data) */
    public SimulatorOptions seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** @param clientId the OAuth client id of the simulated partner app */
    public SimulatorOptions clientId(String clientId) {
        this.clientId = clientId;
        return this;
    }

    /** @param clientSecret the OAuth client secret of the simulated partner app */
    public SimulatorOptions clientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
        return this;
    }

    /** @param lifetime the access token lifetime, sent as {@code expires_in} (default 10800 s) */
    public SimulatorOptions accessTokenLifetime(Duration lifetime) {
        this.accessTokenLifetime = lifetime;
        return this;
    }

    /** @param lifetime how long an authorization code can be exchanged (default 30 s) */
    public SimulatorOptions codeLifetime(Duration lifetime) {
        this.codeLifetime = lifetime;
        return this;
    }

    /** @param grace how long a rotated refresh token lives at most if the new access token is never used (8 h) */
    public SimulatorOptions oldRefreshTokenGrace(Duration grace) {
        this.oldRefreshTokenGrace = grace;
        return this;
    }

    /** @param clock the clock for token/code expiry and for the timestamps of added data (e.g. a {@link SimClock}) */
    public SimulatorOptions clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** @param strict enforce Withings' callback URL rules (https, domain name, port 80/443, ≤ 255 chars) */
    public SimulatorOptions strictCallbackUrls(boolean strict) {
        this.strictCallbackUrls = strict;
        return this;
    }

    /** @param size measure groups per getmeas page (default 50) */
    public SimulatorOptions measurePageSize(int size) {
        this.measurePageSize = size;
        return this;
    }

    /** @param size activity days per getactivity page (default 200) */
    public SimulatorOptions activityPageSize(int size) {
        this.activityPageSize = size;
        return this;
    }

    /** @param size workouts per getworkouts page (default 100) */
    public SimulatorOptions workoutPageSize(int size) {
        this.workoutPageSize = size;
        return this;
    }

    /** @param size summaries per sleep getsummary page (default 300) */
    public SimulatorOptions summaryPageSize(int size) {
        this.summaryPageSize = size;
        return this;
    }

    /** @param size entries per heart list page (default 50) */
    public SimulatorOptions heartPageSize(int size) {
        this.heartPageSize = size;
        return this;
    }

    /**
     * @param perMinute the partner application's quota: API requests (the token endpoint excluded) in any 60 s, all
     *            users together, above which the answer is status 601 (Withings documents 120); 0 (default) = no limit
     */
    public SimulatorOptions requestsPerMinute(int perMinute) {
        this.requestsPerMinute = perMinute;
        return this;
    }

    /**
     * @param count further simulated users after the four standard ones (userids 30000101 on, the four kinds in
     *            turn, each with its kind's history), e.g. for many users on one bridge; default 0
     */
    public SimulatorOptions extraUsers(int count) {
        this.extraUsers = count;
        return this;
    }

    /**
     * @param days days of generated history of every user (e.g. 3650 for a ten-year back-fill), with
     *            {@code created}/{@code modified} at the time of each record as in a real account; default 0 = 120
     *            days (sleep: 60 nights)
     */
    public SimulatorOptions historyDays(int days) {
        this.historyDays = days;
        return this;
    }

    /** @param timeout how long the simulator waits for a callback's HEAD probe or notification answer (2 s) */
    public SimulatorOptions callbackTimeout(Duration timeout) {
        this.callbackTimeout = timeout;
        return this;
    }

    /**
     * @param trust accept any TLS certificate of https callbacks (e.g. a self-signed reverse proxy in front of a local
     *            openHAB); host names are still verified unless the JVM runs with
     *            {@code -Djdk.internal.httpclient.disableHostnameVerification=true} (the command line's
     *            {@code --trust-all-certs} sets it)
     */
    public SimulatorOptions trustAllCallbackCertificates(boolean trust) {
        this.trustAllCallbackCertificates = trust;
        return this;
    }

    /** @param fault a fault active from the start (as {@code --fault} on the command line) */
    public SimulatorOptions fault(FaultSpec fault) {
        this.faults.add(fault);
        return this;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    long seed() {
        return seed;
    }

    String clientId() {
        return clientId;
    }

    String clientSecret() {
        return clientSecret;
    }

    Duration accessTokenLifetime() {
        return accessTokenLifetime;
    }

    Duration codeLifetime() {
        return codeLifetime;
    }

    Duration oldRefreshTokenGrace() {
        return oldRefreshTokenGrace;
    }

    Clock clock() {
        return clock;
    }

    boolean strictCallbackUrls() {
        return strictCallbackUrls;
    }

    int measurePageSize() {
        return measurePageSize;
    }

    int activityPageSize() {
        return activityPageSize;
    }

    int workoutPageSize() {
        return workoutPageSize;
    }

    int summaryPageSize() {
        return summaryPageSize;
    }

    int heartPageSize() {
        return heartPageSize;
    }

    int historyDays() {
        return historyDays;
    }

    int extraUsers() {
        return extraUsers;
    }

    int requestsPerMinute() {
        return requestsPerMinute;
    }

    Duration callbackTimeout() {
        return callbackTimeout;
    }

    boolean trustAllCallbackCertificates() {
        return trustAllCallbackCertificates;
    }

    List<FaultSpec> faults() {
        return List.copyOf(faults);
    }
}
