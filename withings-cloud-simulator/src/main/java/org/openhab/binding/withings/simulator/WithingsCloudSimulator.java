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
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * A fake Withings cloud on embedded Jetty: the OAuth consent page and token endpoint, the data and notify APIs with
 * deterministic generated data for four simulated users, notification delivery to subscribed callbacks, a control
 * API (Java: {@link #control()}, HTTP: {@code /_sim/}) and fault injection.
 *
 * <pre>
 * try (WithingsCloudSimulator sim = WithingsCloudSimulator.start(SimulatorOptions.defaults().port(0).seed(42))) {
 *     URI base = sim.baseUri(); // API base URL and account (OAuth) base URL
 *     String location = sim.authorize(authorizeUrlFromBinding, sim.users().get(0).userid());
 * }
 * </pre>
 *
 * Run standalone with {@code java -jar withings-cloud-simulator-<version>-all.jar --port 8090}.
 *
 * @author Withings binding contributors - Initial contribution
 */
public final class WithingsCloudSimulator implements AutoCloseable {

    private final Logger logger = Logger.getLogger(WithingsCloudSimulator.class.getName());
    private final SimCore core;
    private final Controls controls;
    private final Server server;
    private final ServerConnector connector;
    private final ScheduledExecutorService scheduler;
    private final URI baseUri;
    private ScheduledFuture<?> resume;

    private WithingsCloudSimulator(SimulatorOptions options) throws IOException {
        this.core = new SimCore(options);
        this.controls = new Controls(core);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "withings-sim-scheduler");
            t.setDaemon(true);
            return t;
        });
        this.server = new Server();
        this.connector = new ServerConnector(server);
        connector.setHost(options.host());
        connector.setPort(options.port());
        connector.setReuseAddress(true);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new AuthorizeServlet(core)), AuthorizeServlet.PATH);
        context.addServlet(new ServletHolder(new ControlServlet(core, controls, this)), "/_sim/*");
        context.addServlet(new ServletHolder(new ApiServlet(core)), "/*");
        server.setHandler(context);
        server.setStopTimeout(1000);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the start failure is what matters
            }
            scheduler.shutdownNow();
            core.notifier.close();
            throw new IOException("the simulator could not listen on " + options.host() + ":" + options.port(), e);
        }
        int port = connector.getLocalPort();
        connector.setPort(port); // a restart after a refused-connection fault listens on the same port
        String host = "0.0.0.0".equals(options.host()) || "::".equals(options.host()) ? "127.0.0.1" : options.host();
        this.baseUri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
        core.refuser = this::refuse;
        for (FaultSpec fault : options.faults()) {
            controls.injectFault(fault);
        }
    }

    /**
     * Starts a simulator.
     *
     * @param options the options, e.g. {@code SimulatorOptions.defaults().port(0).seed(42)}
     * @return the running simulator; {@link #close()} stops it
     * @throws IOException when it cannot listen
     */
    public static WithingsCloudSimulator start(SimulatorOptions options) throws IOException {
        return new WithingsCloudSimulator(options);
    }

    /** @return {@code http://127.0.0.1:<port>}: the base of the OAuth pages, the API and the control API */
    public URI baseUri() {
        return baseUri;
    }

    /** @return the OAuth client id of the simulated app */
    public String clientId() {
        return core.options.clientId();
    }

    /** @return the OAuth client secret of the simulated app */
    public String clientSecret() {
        return core.options.clientSecret();
    }

    /** @return the simulated users (scale, BPM, sleep analyzer, watch) */
    public List<SimUser> users() {
        return core.data.users();
    }

    /** @return the first simulated user of a kind */
    public SimUser user(SimUser.Kind kind) {
        return users().stream().filter(u -> u.kind() == kind).findFirst().orElseThrow();
    }

    /** @return the control API */
    public Controls control() {
        return controls;
    }

    /**
     * Consents headlessly, as a browser would: sends the binding's authorize URL (its host is replaced by this
     * simulator's) with {@code sim_user} and {@code sim_decision=allow}.
     *
     * @param authorizeUrlFromBinding the full authorize URL ({@code .../oauth2_user/authorize2?response_type=...})
     * @param userid the simulated user who consents
     * @return the redirect {@code Location}: {@code redirect_uri?code=...&state=...}
     */
    public String authorize(String authorizeUrlFromBinding, long userid) {
        return authorize(authorizeUrlFromBinding, userid, true);
    }

    /**
     * Like {@link #authorize(String, long)}; with {@code allow = false} the user denies and the Location carries
     * {@code error=access_denied}.
     */
    public String authorize(String authorizeUrlFromBinding, long userid, boolean allow) {
        String query = URI.create(authorizeUrlFromBinding).getRawQuery();
        URI uri = baseUri.resolve(AuthorizeServlet.PATH + "?" + (query == null ? "" : query + "&") + "sim_user="
                + userid + "&sim_decision=" + (allow ? "allow" : "deny"));
        try (HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 302) {
                throw new IllegalStateException("the consent page answered " + response.statusCode());
            }
            return response.headers().firstValue("Location").orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException("the consent page could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops listening for {@code period} (connections refused), or listens again at once for a zero period. */
    private synchronized void refuse(Duration period) {
        ScheduledFuture<?> pending = resume;
        if (pending != null) {
            pending.cancel(false);
            resume = null;
        }
        try {
            if (period.isZero() || period.isNegative()) {
                if (!connector.isStarted()) {
                    connector.start();
                }
                return;
            }
            if (connector.isStarted()) {
                connector.stop();
            }
            resume = scheduler.schedule(() -> refuse(Duration.ZERO), period.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            logger.log(Level.FINE, "connector could not be stopped or restarted", e);
        }
    }

    /** Applies a refused-connection fault after the current request was answered. */
    void refuseLater(Duration period) {
        scheduler.execute(() -> refuse(period));
    }

    /** @return whether the connector currently accepts connections */
    public boolean listening() {
        return connector.isStarted();
    }

    JsonObject describe() {
        JsonObject o = new JsonObject();
        o.addProperty("baseUrl", baseUri.toString());
        o.addProperty("accountBaseUrl", baseUri.toString());
        o.addProperty("authorizeUrl", baseUri.resolve(AuthorizeServlet.PATH).toString());
        o.addProperty("tokenUrl", baseUri.resolve("/v2/oauth2").toString());
        o.addProperty("clientId", clientId());
        o.addProperty("clientSecret", clientSecret());
        JsonArray users = new JsonArray();
        for (SimUser u : users()) {
            JsonObject j = new JsonObject();
            j.addProperty("userid", u.userid());
            j.addProperty("name", u.name());
            j.addProperty("kind", u.kind().name());
            users.add(j);
        }
        o.add("users", users);
        return o;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            server.stop();
        } catch (Exception e) {
            logger.log(Level.FINE, "stopping the simulator failed", e);
        }
        core.notifier.close();
    }

    // ---------------------------------------------------------------------------------------------------------
    // command line

    private static void usage(PrintStream out) {
        out.println("""
                Withings cloud simulator
                usage: java -jar withings-cloud-simulator-<version>-all.jar [options]
                  --port N                 TCP port (default 8090; 0 = any free port)
                  --host ADDRESS           listen address (default 127.0.0.1; 0.0.0.0 for all interfaces)
                  --seed N                 seed of the generated history (default 42)
                  --client-id ID           OAuth client id (default sim-client-id)
                  --client-secret SECRET   OAuth client secret (default sim-client-secret)
                  --token-lifetime SECONDS access token lifetime, sent as expires_in (default 10800)
                  --page-size N            measure groups per getmeas page (default 50)
                  --rate-limit N           API requests per 60 s for all users, above it status 601
                                           (default 0 = no limit; Withings: 120)
                  --extra-users N          N more users (userids 30000101 on, the four kinds in turn)
                  --history-days N         days of generated history per user (default 120, sleep 60)
                  --strict-callbacks       enforce Withings' callback URL rules (https, domain, port 80/443)
                  --trust-all-certs        accept any TLS certificate and host name of https callbacks
                  --fault SPEC             inject a fault at start, repeatable, e.g. measure:601:3, all:http503:2,
                                           v2/sleep.getsummary:truncate, all:delay=3s:10, all:refuse:30s, all:token:1
                  --verbose                log every request at FINE level
                  --help                   this text""");
    }

    /**
     * Command line entry point: starts a simulator, prints its base URL, client credentials and users, and serves
     * until stopped (Ctrl-C).
     *
     * @param args see {@code --help}
     * @throws Exception when it cannot start
     */
    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.eclipse.jetty.util.log.class") == null) {
            System.setProperty("org.eclipse.jetty.util.log.class", "org.eclipse.jetty.util.log.StdErrLog");
        }
        if (System.getProperty("org.eclipse.jetty.util.log.announce") == null) {
            System.setProperty("org.eclipse.jetty.util.log.announce", "false");
        }
        if (System.getProperty("org.eclipse.jetty.LEVEL") == null) {
            System.setProperty("org.eclipse.jetty.LEVEL", "WARN");
        }
        SimulatorOptions options = SimulatorOptions.defaults().port(8090);
        boolean verbose = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--port" -> options.port(Integer.parseInt(args[++i]));
                    case "--host" -> options.host(args[++i]);
                    case "--seed" -> options.seed(Long.parseLong(args[++i]));
                    case "--client-id" -> options.clientId(args[++i]);
                    case "--client-secret" -> options.clientSecret(args[++i]);
                    case "--token-lifetime" -> options.accessTokenLifetime(Duration.ofSeconds(Long.parseLong(args[++i])));
                    case "--page-size" -> options.measurePageSize(Integer.parseInt(args[++i]));
                    case "--rate-limit" -> options.requestsPerMinute(Integer.parseInt(args[++i]));
                    case "--extra-users" -> options.extraUsers(Integer.parseInt(args[++i]));
                    case "--history-days" -> options.historyDays(Integer.parseInt(args[++i]));
                    case "--strict-callbacks" -> options.strictCallbackUrls(true);
                    case "--trust-all-certs" -> {
                        options.trustAllCallbackCertificates(true);
                        System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
                    }
                    case "--fault" -> options.fault(FaultSpec.parse(args[++i]));
                    case "--verbose" -> verbose = true;
                    case "--help", "-h" -> {
                        usage(System.out);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        if (verbose) {
            Logger pkg = Logger.getLogger(WithingsCloudSimulator.class.getPackageName());
            ConsoleHandler handler = new ConsoleHandler();
            handler.setLevel(Level.FINE);
            pkg.addHandler(handler);
            pkg.setLevel(Level.FINE);
        }
        WithingsCloudSimulator sim = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "withings-sim-shutdown"));
        PrintStream out = System.out;
        out.println("Withings cloud simulator listening on " + sim.baseUri());
        out.println("  API base URL and account base URL: " + sim.baseUri());
        out.println("  client id:     " + sim.clientId());
        out.println("  client secret: " + sim.clientSecret());
        out.println("  control API:   " + sim.baseUri().resolve("/_sim/") + " (loopback only)");
        out.println("  simulated users:");
        for (SimUser u : sim.users()) {
            out.printf("    %d  %-13s %s%n", u.userid(), u.name(), u.kind());
        }
        out.println("Press Ctrl-C to stop.");
        stopped.await();
    }
}
