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

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.account.AccountWebhooks;
import org.openhab.binding.withings.internal.account.LinkedUsers;
import org.openhab.binding.withings.internal.account.UserSession;
import org.openhab.binding.withings.internal.api.Backoff;
import org.openhab.binding.withings.internal.servlet.AccountLinking.TokenState;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account bridge's status, derived from an hourly check of every linked user's token (refreshed when expired):
 * a refused token concerns only that user, the bridge is OFFLINE only when no token can be checked at all (retried
 * with the binding's {@link Backoff}). Users whose token works get their webhook subscriptions ensured.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class AccountStatusCheck {

    /** Where the status goes: the bridge handler's {@code updateStatus}. */
    interface Sink {
        void status(ThingStatus status, ThingStatusDetail detail, @Nullable String description);
    }

    /** How often the tokens of all users are checked. */
    static final Duration CHECK_INTERVAL = Duration.ofHours(1);

    private final Logger logger = LoggerFactory.getLogger(WithingsAccountHandler.class);
    private final String bridgeId;
    private final LinkedUsers users;
    private final AccountWebhooks webhooks;
    private final ScheduledExecutorService scheduler;
    private final BooleanSupplier running;
    private final Runnable housekeeping;
    private final Sink sink;
    /** Serialises the checks, so the last check decides the status. */
    private final Object checkLock = new Object();
    private volatile int refusedUsers;
    private @Nullable ScheduledFuture<?> checkJob;
    private @Nullable ScheduledFuture<?> retryJob;
    private int failedChecks;

    /**
     * @param running whether the bridge runs
     * @param housekeeping run before each check (e.g. expiring link requests)
     */
    AccountStatusCheck(String bridgeId, LinkedUsers users, AccountWebhooks webhooks, ScheduledExecutorService scheduler,
            BooleanSupplier running, Runnable housekeeping, Sink sink) {
        this.bridgeId = bridgeId;
        this.users = users;
        this.webhooks = webhooks;
        this.scheduler = scheduler;
        this.running = running;
        this.housekeeping = housekeeping;
        this.sink = sink;
    }

    /** Checks every user's token and derives the status; never throws (it is the body of a periodic job). */
    void check() {
        synchronized (checkLock) {
            try {
                checkLocked();
            } catch (RuntimeException e) {
                logger.debug("Bridge {}: the token check failed unexpectedly: {}", bridgeId, e.toString());
            }
        }
    }

    private void checkLocked() {
        if (!running.getAsBoolean()) {
            return;
        }
        housekeeping.run();
        if (users.isEmpty()) {
            sink.status(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    "@text/offline.conf-error.authorization-needed [\"" + bridgeId + "\"]");
            return;
        }
        LinkedUsers.TokenCheck check = users.checkTokens();
        if (!running.getAsBoolean()) {
            return;
        }
        if (check.working() == 0 && check.unreachable() > 0) {
            sink.status(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                    "@text/offline.comm-error.token-check");
            scheduleRetry();
            return;
        }
        failedChecks = 0;
        refusedUsers = check.refused();
        publishOnline();
        for (UserSession session : users.sessions()) {
            if (session.tokenState() == TokenState.VALID) {
                webhooks.ensure(session);
            }
        }
    }

    /** ONLINE, with a description when webhooks cannot be reached or users need re-authorisation. */
    void publishOnline() {
        int refused = refusedUsers;
        if (webhooks.anyUnreachable()) {
            sink.status(ThingStatus.ONLINE, ThingStatusDetail.NONE, "@text/webhook.status.unreachable");
        } else if (refused > 0) {
            sink.status(ThingStatus.ONLINE, ThingStatusDetail.NONE,
                    "@text/online.users-need-reauthorization [\"" + refused + "\", \"" + bridgeId + "\"]");
        } else {
            sink.status(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);
        }
    }

    private synchronized void scheduleRetry() {
        if (running.getAsBoolean()) {
            cancel(retryJob);
            failedChecks++;
            retryJob = scheduler.schedule(this::check, Backoff.MINUTES.delay(failedChecks).toSeconds(),
                    TimeUnit.SECONDS);
        }
    }

    /** (Re)starts the hourly check. */
    synchronized void schedulePeriodic() {
        cancel(checkJob);
        checkJob = scheduler.scheduleWithFixedDelay(this::check, CHECK_INTERVAL.toSeconds(),
                CHECK_INTERVAL.toSeconds(), TimeUnit.SECONDS);
    }

    /** Stops the hourly check and a pending retry. */
    synchronized void stop() {
        cancel(checkJob);
        checkJob = null;
        cancel(retryJob);
        retryJob = null;
    }

    private static void cancel(@Nullable ScheduledFuture<?> job) {
        if (job != null) {
            job.cancel(false);
        }
    }
}
