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
package org.openhab.binding.withings.internal.account;

import static org.openhab.binding.withings.internal.account.SubscriptionReconciler.COMMENT;
import static org.openhab.binding.withings.internal.account.SubscriptionReconciler.OPTIONAL;
import static org.openhab.binding.withings.internal.account.SubscriptionReconciler.SUBSCRIBED;
import static org.openhab.binding.withings.internal.account.SubscriptionReconciler.UNREACHABLE_TEXT;
import static org.openhab.binding.withings.internal.account.SubscriptionReconciler.ownPrefix;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.api.NotifyAppli;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsAuthException;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.api.WithingsRateLimitException;
import org.openhab.binding.withings.internal.api.WithingsUnauthorizedException;
import org.openhab.binding.withings.internal.dto.NotifyProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notify calls of one {@link SubscriptionReconciler} run for one user: list, revoke our stale subscriptions,
 * subscribe the missing categories; the outcome is a {@link Run} the reconciler applies.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
final class SubscriptionCalls {

    /** What one reconcile run found and did. */
    static final class Run {
        final Set<Integer> subscribed = new TreeSet<>();
        final Set<Integer> skipped = new TreeSet<>();
        final Set<String> missingScopes = new TreeSet<>();
        final Set<Integer> failed = new TreeSet<>();
        WebhookHealth health = WebhookHealth.HEALTHY;
        @Nullable String error;
        /** Null: done (watchdog next); else retry after this delay (zero: after the back-off). */
        @Nullable Duration retry;
        boolean stop;
        /** The bridge's request budget was used up: try again after {@link #retry}, nothing is known. */
        boolean deferred;
    }

    private final Logger logger = LoggerFactory.getLogger(SubscriptionReconciler.class);
    private final WithingsClient client;

    SubscriptionCalls(WithingsClient client) {
        this.client = client;
    }

    /** Lists, revokes what is stale and subscribes what is missing; stops at the first failure that ends the run. */
    Run reconcile(String userId, TokenProvider tp, Set<String> scopes, String url) {
        Run run = new Run();
        List<NotifyProfile> profiles;
        try {
            profiles = client.notifyList(tp, null);
        } catch (WithingsApiException e) {
            return failed(run, userId, "notify list", e);
        }
        Set<Integer> present = new TreeSet<>();
        for (NotifyProfile profile : profiles) {
            if (profile.appli != null && url.equals(profile.callbackurl)) {
                present.add(profile.appli);
            }
        }
        if (!revoke(userId, tp, profiles, url, false)) {
            run.health = WebhookHealth.DEGRADED;
            run.retry = Duration.ZERO;
        }
        for (NotifyAppli appli : SUBSCRIBED) {
            if (!scopes.contains(appli.scope())) {
                run.skipped.add(appli.code());
                run.missingScopes.add(appli.scope());
            } else if (present.contains(appli.code())) {
                run.subscribed.add(appli.code());
            } else if (!subscribe(run, userId, tp, url, appli)) {
                return run;
            }
        }
        logger.debug("User {}: subscriptions reconciled, {} categories subscribed", userId, run.subscribed.size());
        return run;
    }

    /** One subscribe call; false if the run ends here. */
    private boolean subscribe(Run run, String userId, TokenProvider tp, String url, NotifyAppli appli) {
        String what = "notify subscribe appli " + appli.code();
        try {
            client.notifySubscribe(tp, url, appli.code(), COMMENT);
            run.subscribed.add(appli.code());
            return true;
        } catch (WithingsUnauthorizedException e) {
            logger.debug("User {}: {} refused for a missing permission, skipped", userId, what);
            run.skipped.add(appli.code());
            run.missingScopes.add(appli.scope());
            return true;
        } catch (WithingsApiException e) {
            int status = e.getStatus();
            if (status == 293 || status == 294) {
                logger.debug("User {}: Withings could not reach the callback URL (status {})", userId, status);
                run.health = WebhookHealth.UNREACHABLE;
                run.error = String.format(UNREACHABLE_TEXT, status);
                run.stop = true;
                return false;
            }
            if (e.getFamily().isPermanent() && !(e instanceof WithingsAuthException)) {
                logger.debug("User {}: {} failed permanently (status {}), skipped", userId, what, status);
                run.failed.add(appli.code());
                run.error = messageOf(what, e);
                if (!OPTIONAL.contains(appli)) {
                    run.health = WebhookHealth.DEGRADED;
                }
                return true;
            }
            failed(run, userId, what, e);
            return false;
        }
    }

    /** A failure that ends the run: refused authorisation stops, anything else is retried. */
    private Run failed(Run run, String userId, String what, WithingsApiException e) {
        run.error = messageOf(what, e);
        logger.debug("User {}: {}", userId, run.error);
        if (e instanceof WithingsAuthException) {
            run.health = WebhookHealth.AUTH_FAILED;
            run.stop = true;
        } else if (e.getFamily().isPermanent()) {
            run.health = WebhookHealth.DEGRADED;
        } else if (e instanceof WithingsRateLimitException limit) {
            run.health = WebhookHealth.DEGRADED;
            run.retry = limit.retryAfter();
            run.deferred = e.getStatus() == WithingsApiException.NO_STATUS;
        } else {
            run.health = WebhookHealth.DEGRADED;
            run.retry = Duration.ZERO;
        }
        return run;
    }

    /** Lists the user's subscriptions and revokes all of ours ({@link #remove}); true if all are gone. */
    boolean revokeAll(String userId, TokenProvider tp, String url) {
        try {
            return revoke(userId, tp, client.notifyList(tp, null), url, true);
        } catch (WithingsApiException e) {
            logger.debug("User {}: listing subscriptions failed: {}", userId, e.getMessage());
            return false;
        }
    }

    /**
     * Revokes our subscriptions on the webhook path of {@code url}: the stale ones (another secret or host), with
     * {@code all} also those of {@code url} itself. True if every one was revoked (or already gone).
     */
    private boolean revoke(String userId, TokenProvider tp, List<NotifyProfile> profiles, String url, boolean all) {
        String prefix = ownPrefix(url);
        for (NotifyProfile profile : profiles) {
            String other = profile.callbackurl;
            Integer appli = profile.appli;
            if (other == null || appli == null || (!all && other.equals(url))
                    || !(other.equals(url) || (prefix != null && other.startsWith(prefix)))) {
                continue;
            }
            try {
                client.notifyRevoke(tp, other, appli);
                logger.debug("User {}: subscription of appli {} revoked", userId, appli);
            } catch (WithingsApiException e) {
                if (e.getStatus() != 294 && e.getStatus() != 286) {
                    logger.debug("User {}: revoking appli {} failed: {}", userId, appli, e.getMessage());
                    return false;
                }
            }
        }
        return true;
    }

    private static String messageOf(String what, WithingsApiException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? what + " failed (status " + e.getStatus() + ")"
                : what + " failed: " + message;
    }
}
