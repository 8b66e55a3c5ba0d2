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

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The notify API's state: subscriptions per user (validated by a HEAD probe on subscribe) and the delivery of
 * notification forms on the simulator's own single-thread executor, with Withings' rule that a subscription is
 * dropped after 4 consecutive failed deliveries.
 *
 * @author Withings binding contributors - Initial contribution
 */
final class Notifier implements AutoCloseable {

    static final int MAX_CONSECUTIVE_FAILURES = 4;

    private final Logger logger = Logger.getLogger(Notifier.class.getName());
    private final Clock clock;
    private final Duration timeout;
    private final boolean strict;
    private final HttpClient client;
    private final ExecutorService executor;
    private final ExecutorService httpExecutor;
    /** subscriptions in subscription order, key user|appli|url */
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    /** scopes of the token that created a subscription (50/51 are only delivered with user.sleepevents) */
    private final Map<String, Set<String>> subscriptionScopes = new LinkedHashMap<>();
    private final List<Delivery> deliveries = new ArrayList<>();

    Notifier(Clock clock, Duration timeout, boolean strict, boolean trustAll) {
        this.clock = clock;
        this.timeout = timeout;
        this.strict = strict;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "withings-sim-notify");
            t.setDaemon(true);
            return t;
        });
        this.httpExecutor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "withings-sim-http");
            t.setDaemon(true);
            return t;
        });
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).executor(httpExecutor);
        if (trustAll) {
            builder.sslContext(trustAllContext());
        }
        this.client = builder.build();
    }

    private static SSLContext trustAllContext() {
        X509TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // a simulator talking to the user's own test setup
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // a simulator talking to the user's own test setup
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] { trustAll }, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS", e);
        }
    }

    private static String key(long userid, int appli, String url) {
        return userid + "|" + appli + "|" + url;
    }

    /**
     * Checks the callback URL. Strict mode applies Withings' rules.
     *
     * @return null when acceptable, otherwise the reason
     */
    String checkUrl(String url) {
        if (url == null || url.isBlank()) {
            return "callbackurl missing";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return "callbackurl is not a URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!("http".equals(scheme) || "https".equals(scheme)) || host == null) {
            return "callbackurl must be an http(s) URL";
        }
        if (strict) {
            if (!"https".equals(scheme)) {
                return "callbackurl must use https";
            }
            if (url.length() > 255) {
                return "callbackurl longer than 255 characters";
            }
            int port = uri.getPort();
            if (port != -1 && port != 443 && port != 80) {
                return "callbackurl must use port 443 or 80";
            }
            if ("localhost".equalsIgnoreCase(host) || host.matches("[0-9.]+") || host.contains(":")
                    || !host.contains(".")) {
                return "callbackurl must use a domain name";
            }
        }
        return null;
    }

    /** Sends the HEAD probe; true when the callback answered 2xx. */
    boolean probe(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
            int code = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            logger.fine(() -> "HEAD probe of callback answered " + code);
            return code >= 200 && code < 300;
        } catch (IOException | RuntimeException e) {
            logger.fine(() -> "HEAD probe of callback failed: " + e.getClass().getSimpleName());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    synchronized void subscribe(long userid, int appli, String url, String comment, Set<String> scopes) {
        String key = key(userid, appli, url);
        Subscription existing = subscriptions.get(key);
        subscriptions.put(key, new Subscription(userid, appli, url, comment == null ? "" : comment, 0));
        subscriptionScopes.put(key, Set.copyOf(scopes));
        if (existing != null) {
            logger.fine("subscription renewed");
        }
    }

    synchronized List<Subscription> list(long userid, Integer appli) {
        return subscriptions.values().stream()
                .filter(s -> s.userid() == userid && (appli == null || s.appli() == appli)).toList();
    }

    synchronized Subscription get(long userid, int appli, String url) {
        return subscriptions.get(key(userid, appli, url));
    }

    synchronized boolean revoke(long userid, int appli, String url) {
        subscriptionScopes.remove(key(userid, appli, url));
        return subscriptions.remove(key(userid, appli, url)) != null;
    }

    synchronized boolean update(long userid, int appli, String url, String newUrl, Integer newAppli,
            String comment) {
        String key = key(userid, appli, url);
        Subscription s = subscriptions.remove(key);
        Set<String> scopes = subscriptionScopes.remove(key);
        if (s == null) {
            return false;
        }
        String u = newUrl == null ? url : newUrl;
        int a = newAppli == null ? appli : newAppli;
        String k = key(userid, a, u);
        subscriptions.put(k, new Subscription(userid, a, u, comment == null ? s.comment() : comment, 0));
        subscriptionScopes.put(k, scopes == null ? Set.of() : scopes);
        return true;
    }

    synchronized void revokeAll(long userid) {
        Iterator<Map.Entry<String, Subscription>> it = subscriptions.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Subscription> e = it.next();
            if (e.getValue().userid() == userid) {
                subscriptionScopes.remove(e.getKey());
                it.remove();
            }
        }
    }

    /**
     * Sends {@code form} to every subscription of the user for this appli, on the notifier's executor.
     *
     * @return completes with the deliveries made (empty when nobody is subscribed)
     */
    CompletableFuture<List<Delivery>> notify(long userid, int appli, Map<String, String> form) {
        List<Subscription> targets;
        synchronized (this) {
            targets = new ArrayList<>();
            for (Map.Entry<String, Subscription> e : subscriptions.entrySet()) {
                Subscription s = e.getValue();
                if (s.userid() != userid || s.appli() != appli) {
                    continue;
                }
                Set<String> scopes = subscriptionScopes.getOrDefault(e.getKey(), Set.of());
                if ((appli == 50 || appli == 51) && !scopes.contains("user.sleepevents")) {
                    continue; // Withings accepts the subscription but never delivers without the scope
                }
                targets.add(s);
            }
        }
        List<CompletableFuture<Delivery>> futures = new ArrayList<>();
        for (Subscription s : targets) {
            futures.add(CompletableFuture.supplyAsync(() -> deliver(s, form), executor));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(v -> futures.stream().map(CompletableFuture::join).toList());
    }

    private Delivery deliver(Subscription s, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        int code;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(s.callbackUrl())).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
            code = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | RuntimeException e) {
            code = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = -1;
        }
        boolean ok = code >= 200 && code < 300;
        boolean dropped = false;
        synchronized (this) {
            String key = key(s.userid(), s.appli(), s.callbackUrl());
            Subscription current = subscriptions.get(key);
            if (current != null) {
                int failures = ok ? 0 : current.consecutiveFailures() + 1;
                if (failures >= MAX_CONSECUTIVE_FAILURES) {
                    subscriptions.remove(key);
                    subscriptionScopes.remove(key);
                    dropped = true;
                } else {
                    subscriptions.put(key, new Subscription(current.userid(), current.appli(),
                            current.callbackUrl(), current.comment(), failures));
                }
            }
            Delivery d = new Delivery(s.userid(), s.appli(), s.callbackUrl(), Map.copyOf(form), code,
                    clock.instant(), dropped);
            deliveries.add(d);
            notifyAll();
            final int answered = code;
            logger.fine(() -> "notification appli " + s.appli() + " answered " + answered);
            return d;
        }
    }

    synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    synchronized List<Delivery> awaitDeliveries(int n, Duration wait) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (deliveries.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("only " + deliveries.size() + " of " + n + " deliveries within " + wait);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return List.copyOf(deliveries);
    }

    synchronized void clear() {
        subscriptions.clear();
        subscriptionScopes.clear();
        deliveries.clear();
    }

    static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        client.shutdownNow();
        httpExecutor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (logger.isLoggable(Level.FINEST)) {
            logger.finest("notifier closed");
        }
    }
}
