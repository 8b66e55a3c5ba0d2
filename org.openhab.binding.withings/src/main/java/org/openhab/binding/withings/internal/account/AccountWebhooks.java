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

import static org.openhab.binding.withings.internal.WithingsBindingConstants.PROPERTY_WEBHOOK_STATUS;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.WithingsTexts;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.api.WithingsScope;
import org.openhab.binding.withings.internal.servlet.WebhookDispatcher;
import org.openhab.binding.withings.internal.servlet.WebhookSecret;
import org.openhab.binding.withings.internal.servlet.WebhookUrl;
import org.openhab.binding.withings.internal.servlet.WithingsWebhookServlet;
import org.openhab.core.storage.Storage;
import org.osgi.service.http.HttpService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhooks of one account bridge: the callback URL (with the bridge's secret, never logged or shown), the
 * {@link WithingsWebhookServlet} serving it, the {@link SubscriptionReconciler} keeping every linked user subscribed,
 * and the per-user health the user Things and the bridge status follow. Without a webhook URL everything here is off
 * and data is polled.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class AccountWebhooks {

    /** Longest wait for the revocation of subscriptions before the action runs anyway. */
    static final Duration REVOKE_TIMEOUT = Duration.ofSeconds(90);

    /** Told when the health of a user's webhooks changes (or is known for the first time). */
    public interface HealthListener {
        void healthChanged(String userId, boolean healthy);

        /** Any status of a user was reported (the bridge may have to refresh its own status). */
        void statusReported();
    }

    private final Logger logger = LoggerFactory.getLogger(AccountWebhooks.class);
    private final String bridgeId;
    private final HttpService httpService;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final BiConsumer<String, String> properties;
    private final HealthListener healthListener;
    private final WithingsTexts texts;

    private volatile @Nullable SubscriptionReconciler subscriptions;
    private volatile @Nullable WithingsWebhookServlet servlet;
    /** The full callback URL: contains the webhook secret, never logged or shown. */
    private volatile @Nullable String callbackUrl;
    private final Map<String, Boolean> health = new ConcurrentHashMap<>();

    /**
     * @param properties sets a property of the bridge Thing
     * @param texts the texts of the property and of the page's webhook summary
     */
    public AccountWebhooks(String bridgeId, HttpService httpService, ScheduledExecutorService scheduler, Clock clock,
            BiConsumer<String, String> properties, HealthListener healthListener, WithingsTexts texts) {
        this.texts = texts;
        this.bridgeId = bridgeId;
        this.httpService = httpService;
        this.scheduler = scheduler;
        this.clock = clock;
        this.properties = properties;
        this.healthListener = healthListener;
    }


    /**
     * The webhook part of the configuration check: null if the URL is empty or usable, else a status text.
     *
     * @param withingsRules whether Withings' callback rules apply ({@link WebhookUrl#isWithingsCloud})
     */
    public @Nullable String validate(String webhookUrl, boolean withingsRules) {
        // the secret is not known yet: check with a placeholder of the same length
        WebhookUrl.Result result = WebhookUrl.validate(webhookUrl, WebhookUrl.alias("x".repeat(WebhookSecret.LENGTH)),
                withingsRules);
        return result.statusDescription();
    }

    /**
     * Creates the subscription manager and registers the webhook servlet when a webhook URL is configured.
     *
     * @param storage the bridge's storage, where the webhook secret is kept
     */
    public void start(String webhookUrl, boolean withingsRules, WithingsClient client, Storage<String> storage,
            WebhookDispatcher dispatcher) {
        if (webhookUrl.isBlank()) {
            properties.accept(PROPERTY_WEBHOOK_STATUS, texts.text("webhook.property.disabled"));
            return;
        }
        String secret = WebhookSecret.getOrCreate(storage);
        String alias = WebhookUrl.alias(secret);
        String callback = WebhookUrl.validate(webhookUrl, alias, withingsRules).callbackUrl();
        if (callback == null) {
            return;
        }
        subscriptions = new SubscriptionReconciler(client, scheduler, clock, this::onSubscriptionStatus,
                SubscriptionReconciler.Timing.defaults());
        WithingsWebhookServlet s = new WithingsWebhookServlet(httpService, alias, dispatcher, clock);
        servlet = s;
        if (!s.register()) {
            logger.debug("Bridge {}: the webhook servlet could not be registered", bridgeId);
        }
        callbackUrl = callback;
        properties.accept(PROPERTY_WEBHOOK_STATUS, health(WebhookHealth.PENDING));
    }

    public void stop() {
        WithingsWebhookServlet s = servlet;
        servlet = null;
        if (s != null) {
            s.unregister();
        }
        SubscriptionReconciler manager = subscriptions;
        subscriptions = null;
        if (manager != null) {
            manager.dispose();
        }
        callbackUrl = null;
        health.clear();
    }

    /** Subscribes the user (if webhooks are on) to every category its scopes allow. */
    public void ensure(UserSession session) {
        SubscriptionReconciler manager = subscriptions;
        String callback = callbackUrl;
        if (manager != null && callback != null) {
            manager.ensure(session.userId(), session.tokenProvider(), WithingsScope.granted(session.scope()), callback);
        }
    }

    /**
     * Revokes the users' subscriptions (if webhooks are on) and then runs the action once: when the revocations are
     * done, or after {@link #REVOKE_TIMEOUT} at the latest.
     */
    public void revokeThen(Collection<UserSession> users, Runnable action) {
        SubscriptionReconciler manager = subscriptions;
        String callback = callbackUrl;
        if (manager == null || users.isEmpty()) {
            action.run();
            return;
        }
        List<CompletableFuture<Boolean>> futures = new ArrayList<>();
        for (UserSession session : users) {
            futures.add(manager.remove(session.userId(), session.tokenProvider(), callback));
        }
        AtomicBoolean done = new AtomicBoolean();
        Runnable once = () -> {
            if (done.compareAndSet(false, true)) {
                action.run();
            }
        };
        ScheduledFuture<?> fallback = scheduler.schedule(once, REVOKE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).whenComplete((r, t) -> {
            fallback.cancel(false);
            scheduler.execute(once);
        });
    }

    /** Forgets the subscriptions of a user without revoking them (its tokens are gone). */
    public void forget(String userId) {
        SubscriptionReconciler manager = subscriptions;
        if (manager != null) {
            manager.forget(userId);
        }
        health.remove(userId);
    }

    /** Forgets the health of a user (it was unlinked). */
    public void forgetHealth(String userId) {
        health.remove(userId);
    }

    private void onSubscriptionStatus(SubscriptionStatus status) {
        String userId = status.userId();
        boolean healthy = status.health().isHealthy();
        Boolean before = health.put(userId, healthy);
        updateProperty();
        if (before == null || before != healthy) {
            healthListener.healthChanged(userId, healthy);
        }
        healthListener.statusReported();
    }

    private void updateProperty() {
        SubscriptionReconciler manager = subscriptions;
        if (manager == null) {
            return;
        }
        Map<String, SubscriptionStatus> statuses = manager.statuses();
        if (statuses.isEmpty()) {
            properties.accept(PROPERTY_WEBHOOK_STATUS, texts.text("webhook.property.no-user"));
            return;
        }
        StringBuilder sb = new StringBuilder();
        statuses.forEach((user, st) -> {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(user).append(": ").append(health(st.health()));
        });
        properties.accept(PROPERTY_WEBHOOK_STATUS, sb.toString());
    }

    /** Whether the webhook subscriptions of the user are registered and healthy. */
    public boolean healthy(String userId) {
        SubscriptionReconciler manager = subscriptions;
        return manager != null && manager.status(userId).health().isHealthy();
    }

    /** Whether Withings cannot reach the callback URL for some user. */
    public boolean anyUnreachable() {
        SubscriptionReconciler manager = subscriptions;
        return manager != null
                && manager.statuses().values().stream().anyMatch(st -> st.health() == WebhookHealth.UNREACHABLE);
    }

    /**
     * Short text on the webhook state of a user, for the page and the console, in openHAB's language; a failure
     * Withings or the network reported is quoted as it came. No URL, no secret.
     */
    public String text(String userId) {
        SubscriptionReconciler manager = subscriptions;
        if (manager == null) {
            return texts.text("webhook.summary.off");
        }
        SubscriptionStatus status = manager.status(userId);
        List<String> parts = new ArrayList<>();
        parts.add(health(status.health()));
        if (!status.subscribedApplis().isEmpty()) {
            parts.add(texts.text("webhook.summary.categories", status.subscribedApplis().toString()));
        }
        if (!status.missingScopes().isEmpty()) {
            parts.add(texts.text("webhook.summary.missing-scopes", String.join(",", status.missingScopes())));
        }
        String error = status.lastError();
        if (error != null) {
            parts.add(texts.text("webhook.summary.last-error", error));
        }
        return String.join(", ", parts);
    }

    private String health(WebhookHealth health) {
        return texts.text(health.wordKey());
    }
}
