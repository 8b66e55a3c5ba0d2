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
package org.openhab.binding.withings.internal.config;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Configuration of the {@code withings:account} bridge, as declared in {@code OH-INF/config/account-config.xml}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class WithingsAccountConfiguration {

    public static final String DEFAULT_API_BASE_URL = "https://wbsapi.withings.net";
    public static final String DEFAULT_ACCOUNT_BASE_URL = "https://account.withings.com";

    public String clientId = "";
    public String clientSecret = "";
    public String redirectUri = "";
    public String webhookUrl = "";

    public int bodyInterval = 900;
    public int activityInterval = 1800;
    public int sleepInterval = 3600;
    public int goalsInterval = 86400;
    public int devicesInterval = 21600;
    public int pushSafetyInterval = 86400;
    public int backfillDays = 30;

    public String apiBaseUrl = DEFAULT_API_BASE_URL;
    public String accountBaseUrl = DEFAULT_ACCOUNT_BASE_URL;
    public int rateLimit = 60;
    public int rateLimitPause = 300;
    public int requestTimeout = 15;
}
