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
package org.openhab.binding.withings.internal.reliability;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.handler.MemoryStorage;
import org.openhab.binding.withings.internal.handler.OutputCapture;
import org.openhab.binding.withings.internal.handler.SyncCursorStore;
import org.openhab.binding.withings.simulator.RecordedRequest;
import org.openhab.binding.withings.simulator.SimulatorOptions;
import org.openhab.binding.withings.simulator.WithingsCloudSimulator;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;

/**
 * Suite 4, hostile input: a generated, seeded corpus of more than 10,000 malformed requests to
 * {@code /withings/webhook/*} and {@code /withings/connect/*} of a running bridge with a linked user: random bytes,
 * huge bodies, wrong methods and content types, missing and repeated fields, non-numeric and overflowing numbers,
 * unicode, path traversal, unknown secrets, forged and replayed OAuth state, forged codes, and HTML/script injected
 * into every parameter. The webhook must answer every one with 4xx; the linking page must answer each with 2xx or
 * 4xx (its own 400 for a form or query string it cannot read), never 5xx, and reflect no markup; nothing may be
 * stored or changed (tokens, storages, API calls, channel states) and no stack trace or warning may be logged (of the
 * binding, its servlets or Jetty's form decoding; only Jetty's HTTP parser warns about oversized headers, before any
 * servlet runs).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class HostileInputTest {

    static final String SUITE = "hostile-input";
    private static final long SCALE = 30000001L;
    private static final long SEED = 20261206L;

    private static final List<String> MARKUP = List.of("<script>alert('wh1')</script>",
            "\"><img src=x onerror=alert('wh2')>", "'><svg/onload=alert('wh3')>", "<iframe src=javascript:alert(4)>",
            "</textarea><b id=wh5>x</b>", "<a href=\"javascript:alert('wh6')\">x</a>", "{{7*7}}<x-wh7>",
            "<!--wh8--><style>*{}</style>");
    private static final List<String> BAD_NUMBERS = List.of("99999999999999999999", "9223372036854775808",
            "-1", "1e5", "0x10", "NaN", "Infinity", "1.0", " 1", "1 ", "1%00", "%001", "1%0D%0A", "\u0661\u0662\u0663",
            "\uFF11\uFF12\uFF13", "0", "00123", "+1", "--1", "1,000", "1_000", "١", "𝟏", "9999999999999", "");
    private static final List<String> UNICODE = List.of("Ω≈ç√∫", "ユーザー", "👍🏽", "\u202Eevil", "\uFEFF1",
            "Z̤͔ͧ̑̓", "\u0000", "\uD800", "ß", "İ", "ﷺ", "\u200B");
    private static final List<String> CONTENT_TYPES = List.of(";", ";;", " ; ", ";charset=utf-8", "=;=",
            "text/plain", "application/json", "multipart/form-data; boundary=x", "text/html",
            "application/x-www-form-urlencoded; charset=nope", "application/x-www-form-urlencoded; charset=\"",
            "application/x-www-form-urlencoded; charset=", "application/xml", "*/*", "application/x-www-form",
            "application/x-www-form-urlencodedx", "form", "\t", "application/x-www-form-urlencoded;;;charset==");

    private @NonNullByDefault({}) WithingsCloudSimulator sim;
    private @NonNullByDefault({}) ReliabilityRig rig;
    private @NonNullByDefault({}) Thing user;
    private @NonNullByDefault({}) String webhook;
    private @NonNullByDefault({}) String replayedCallback;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(SEED);

    /** One request of the corpus. */
    record Case(String category, boolean toWebhook, String method, String path, @Nullable String contentType,
            byte[] body, @Nullable String markup) {
    }

    /** What came back. */
    record Outcome(Case c, int status, String body) {
    }

    @BeforeEach
    void start() throws Exception {
        sim = WithingsCloudSimulator.start(SimulatorOptions.defaults().port(0).seed(42));
        rig = new ReliabilityRig(sim, 1);
        rig.startBridge();
        rig.linkThroughThePage(SCALE);
        rig.awaitStatus(ReliabilityRig.BRIDGE_UID, s -> s.getStatus() == ThingStatus.ONLINE, "bridge ONLINE");
        user = rig.startUser(SCALE);
        rig.awaitStatus(user.getUID(), s -> s.getStatus() == ThingStatus.ONLINE, "user ONLINE");
        ReliabilityRig.await(() -> sim.control().subscriptions(SCALE).size() >= 7, "subscriptions");
        webhook = rig.webhookPath();
        // a link abandoned at Withings (error=access_denied) uses up its state: the corpus replays that state
        replayedCallback = freshCallback(null).replaceFirst("code=[^&]*", "error=access_denied");
        assertEquals(200, rig.get(URI.create(replayedCallback)).statusCode(), "the refusal is shown");
        quiet();
    }

    @AfterEach
    void stop() {
        rig.close();
        sim.close();
    }

    /** Waits until the binding has made no API call for a while (first sync, subscriptions). */
    private void quiet() {
        ReliabilityRig.awaitQuiet(() -> sim.control().requests().size(), Duration.ofMillis(500), "no API call");
    }

    /**
     * Presses Link on the page in a browser of its own and returns the callback URL the simulator redirects to (with
     * a code). Each call is a new browser: the page keeps at most {@code MAX_PENDING_LINKS_PER_CLIENT} (3) link
     * requests per browser and drops the oldest, so 30 states of one browser would not all stay valid.
     */
    private String freshCallback(@Nullable String forgedCode) throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new java.net.CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> shown = browser.send(HttpRequest.newBuilder(rig.connectPage()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        rig.texts.add(shown.body());
        String page = shown.body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"")
                .matcher(page);
        assertTrue(m.find());
        HttpResponse<String> pressed = browser.send(HttpRequest.newBuilder(rig.connectPage())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers
                        .ofString("action=link&formToken=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        String authorize = pressed.headers().firstValue("Location").orElseThrow();
        String callback = sim.authorize(authorize, SCALE);
        String code = org.openhab.binding.withings.internal.handler.SimulatorTokens.query(URI.create(callback))
                .get("code");
        rig.secrets.add(String.valueOf(code));
        return forgedCode == null ? callback : callback.replaceFirst("code=[^&]*", "code=" + forgedCode);
    }

    @Test
    void aSeededCorpusOfMalformedRequestsIsRefusedAndChangesNothing() throws Exception {
        List<Case> corpus = new ArrayList<>();
        webhookCases(corpus);
        connectCases(corpus);
        List<String> forgedCodeCallbacks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            forgedCodeCallbacks.add(freshCallback("forged" + Long.toHexString(random.nextLong())));
        }
        quiet();

        Map<String, String> tokensBefore = tokens();
        Map<String, Object> storedBefore = stored();
        long putsBefore = puts();
        long dataCallsBefore = dataCalls();
        int statesBefore = rig.states.size() + rig.series.size();
        long oauthBefore = sim.control().requestCount("/v2/oauth2", "requesttoken", 0);

        List<Outcome> outcomes = new ArrayList<>();
        List<String> rawAnswers = new ArrayList<>();
        String log;
        try (OutputCapture output = new OutputCapture()) {
            outcomes.addAll(send(corpus));
            for (String callback : forgedCodeCallbacks) {
                Case c = new Case("connect: forged code with a valid state", false, "GET",
                        URI.create(callback).getRawPath() + "?" + URI.create(callback).getRawQuery(), null,
                        new byte[0], null);
                outcomes.add(sendOne(c));
            }
            Case replay = new Case("connect: replayed state", false, "GET",
                    URI.create(replayedCallback).getRawPath() + "?" + URI.create(replayedCallback).getRawQuery(), null,
                    new byte[0], null);
            for (int i = 0; i < 50; i++) {
                outcomes.add(sendOne(replay));
            }
            rawAnswers.addAll(rawGarbage(800));
            log = output.text();
        }

        // per category: tried, answers, pass
        Map<String, List<Outcome>> byCategory = new TreeMap<>();
        outcomes.forEach(o -> byCategory.computeIfAbsent(o.c().category(), k -> new ArrayList<>()).add(o));
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, List<Outcome>> e : byCategory.entrySet()) {
            Map<Integer, Integer> histogram = new TreeMap<>();
            int bad = 0;
            for (Outcome o : e.getValue()) {
                histogram.merge(o.status(), 1, Integer::sum);
                String problem = problem(o);
                if (problem != null) {
                    bad++;
                    if (failures.size() < 20) {
                        failures.add(problem);
                    }
                }
            }
            boolean webhookCategory = e.getValue().get(0).c().toWebhook();
            ReliabilityReport.row(SUITE, e.getKey(), e.getValue().size(),
                    webhookCategory ? "4xx, nothing reflected" : "2xx or 4xx (no 5xx), nothing reflected",
                    "HTTP " + histogram, bad == 0);
        }
        long rawBad = rawAnswers.stream().filter(a -> !a.isEmpty() && !a.startsWith("HTTP/1.1 4")).count();
        ReliabilityReport.row(SUITE, "raw random bytes and broken request lines", rawAnswers.size(),
                "4xx or connection closed", rawAnswers.stream().filter(String::isEmpty).count() + " closed, "
                        + rawAnswers.stream().filter(a -> a.startsWith("HTTP/1.1 4")).count() + " 4xx",
                rawBad == 0);

        // nothing stored or changed
        boolean tokensKept = tokensBefore.equals(tokens());
        boolean storageKept = storedBefore.equals(stored()) && putsBefore == puts();
        boolean noApiCall = dataCallsBefore == dataCalls();
        boolean noState = statesBefore == rig.states.size() + rig.series.size();
        long oauthCalls = sim.control().requestCount("/v2/oauth2", "requesttoken", 0) - oauthBefore;
        boolean linked = rig.lastStatus(user.getUID()) != null
                && rig.lastStatus(user.getUID()).getStatus() == ThingStatus.ONLINE;
        ReliabilityReport.row(SUITE, "state after the corpus", outcomes.size() + rawAnswers.size(),
                "tokens, storages, channel states unchanged; no data API call; user linked",
                "tokens " + (tokensKept ? "kept" : "CHANGED") + ", storages " + (storageKept ? "kept" : "CHANGED")
                        + ", data API calls " + (dataCalls() - dataCallsBefore) + ", new states "
                        + (rig.states.size() + rig.series.size() - statesBefore) + ", code exchanges " + oauthCalls
                        + " (the forged codes), user " + (linked ? "ONLINE" : "NOT ONLINE"),
                tokensKept && storageKept && noApiCall && noState && linked);
        // Jetty's HTTP parser refuses oversized headers before any servlet runs, with a WARN line of its own
        long parserLines = log.lines().filter(l -> l.contains("WARN org.eclipse.jetty.http.HttpParser - ")).count();
        List<String> badLines = log.lines()
                .filter(l -> l.contains("\tat ") || (!l.contains("WARN org.eclipse.jetty.http.HttpParser - ")
                        && (l.contains(" WARN ") || l.contains(" ERROR ") || l.contains(":WARN:")
                                || l.contains("Exception"))))
                .limit(20).toList();
        ReliabilityReport.row(SUITE, "log during the corpus", outcomes.size() + rawAnswers.size(),
                "no stack trace; no warning or error of the binding, its servlets or Jetty's form decoding",
                (badLines.isEmpty() ? "clean" : badLines.size() + "+ lines")
                        + "; Jetty's HTTP parser, before any servlet: " + parserLines
                        + " WARN lines (oversized headers)",
                badLines.isEmpty());
        java.nio.file.Files.writeString(ReliabilityReport.ROWS.resolve(SUITE + "-details.txt"),
                String.join("\n", failures) + "\n---\n" + String.join("\n", badLines) + "\n");
        rig.texts.add(log);
        // an answer may repeat what its own request sent (e.g. the server's 404 page quoting the URI): only the
        // answers to requests without the webhook secret count for the secret scan
        String secret = webhook.substring(webhook.lastIndexOf('/') + 1);
        outcomes.stream().filter(o -> !o.c().path().contains(secret)).forEach(o -> rig.texts.add(o.body()));

        assertTrue(outcomes.size() + rawAnswers.size() >= 10_000, "corpus size " + outcomes.size());
        assertEquals(List.of(), failures);
        assertEquals(0, rawBad, "raw answers other than 4xx");
        assertTrue(tokensKept, "tokens unchanged");
        assertTrue(storageKept, "storages unchanged");
        assertTrue(noApiCall, "no data API call");
        assertTrue(noState, "no channel state");
        assertTrue(linked, "the user stays linked");
        assertEquals(forgedCodeCallbacks.size(), oauthCalls, "only the forged codes were tried at Withings");
        assertEquals(List.of(), badLines, log.length() > 2000 ? log.substring(0, 2000) : log);
        SecretScan.scan(SUITE, rig);
    }

    /** Why the answer is wrong, or null. */
    private @Nullable String problem(Outcome o) {
        Case c = o.c();
        String what = c.category() + " " + c.method() + " " + c.path() + " → " + o.status();
        if (o.status() <= 0) {
            return what + " (no answer)";
        }
        if (c.toWebhook() && (o.status() < 400 || o.status() >= 500)) {
            return what;
        }
        if (!c.toWebhook() && (o.status() < 200 || o.status() >= 500)) {
            return what;
        }
        String markup = c.markup();
        if (markup != null && o.body().contains(markup)) {
            return what + " reflects " + markup;
        }
        if (o.body().contains("<script") || o.body().contains("Exception") || o.body().contains("\tat ")) {
            return what + " body: " + o.body().substring(0, Math.min(200, o.body().length()));
        }
        return null;
    }

    // ------------------------------------------------------------------ the corpus

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String validForm() {
        return "userid=" + SCALE + "&appli=1&startdate=1764000000&enddate=1764003600";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String randomText(int max) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(max);
        for (int i = 0; i < n; i++) {
            sb.append((char) (0x20 + random.nextInt(0x5f)));
        }
        return sb.toString();
    }

    private void webhookCases(List<Case> corpus) {
        String form = "application/x-www-form-urlencoded";
        List<String> methods = List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "MKCOL",
                "LOCK", "FOO", "POSTX", "post", "Get");
        for (int i = 0; i < 600; i++) {
            corpus.add(new Case("webhook: wrong method", true, pick(methods), webhook,
                    random.nextBoolean() ? form : null, bytes(validForm()), null));
        }
        for (int i = 0; i < 800; i++) {
            String ct = i % 4 == 0 ? randomText(40) : i % 4 == 1 ? null : pick(CONTENT_TYPES);
            if (ct != null && ct.trim().toLowerCase(java.util.Locale.ROOT).startsWith(form)
                    && ct.trim().length() == form.length()) {
                ct = "text/plain";
            }
            corpus.add(new Case("webhook: wrong or broken content type", true, "POST", webhook, ct,
                    bytes(validForm()), null));
        }
        for (int i = 0; i < 1500; i++) {
            byte[] body = new byte[1 + random.nextInt(4096)];
            random.nextBytes(body);
            corpus.add(new Case("webhook: random bytes as form", true, "POST", webhook, form, body, null));
        }
        for (int i = 0; i < 600; i++) {
            List<String> fields = new ArrayList<>(List.of("startdate=1764000000", "enddate=1764003600",
                    "date=2026-12-06", "deviceid=abc"));
            if (random.nextBoolean()) {
                fields.add("userid=" + SCALE);
            } else if (random.nextBoolean()) {
                fields.add("appli=1");
            }
            if (random.nextInt(4) == 0) {
                fields.add(random.nextBoolean() ? "userid=" : "appli=");
            }
            java.util.Collections.shuffle(fields, random);
            corpus.add(new Case("webhook: missing fields", true, "POST", webhook, form,
                    bytes(String.join("&", fields)), null));
        }
        for (int i = 0; i < 400; i++) {
            String dup = random.nextBoolean() ? "userid=" + (random.nextBoolean() ? SCALE : 30000002L)
                    : "appli=" + (random.nextBoolean() ? 1 : 44);
            String body = random.nextBoolean() ? validForm() + "&" + dup : dup + "&" + validForm();
            corpus.add(new Case("webhook: repeated fields", true, "POST", webhook, form, bytes(body), null));
        }
        List<String> numeric = List.of("userid", "appli", "startdate", "enddate");
        for (int i = 0; i < 1500; i++) {
            String field = pick(numeric);
            String bad = pick(BAD_NUMBERS);
            if (field.endsWith("date") && (bad.isEmpty() || bad.matches("\\d{1,12}"))) {
                bad = "x" + bad; // plain digits are a valid date
            }
            String value = bad.contains("%") ? bad : enc(bad);
            Map<String, String> f = new HashMap<>(Map.of("userid", Long.toString(SCALE), "appli", "1", "startdate",
                    "1764000000", "enddate", "1764003600"));
            f.remove(field);
            StringBuilder body = new StringBuilder(field + "=" + value);
            f.forEach((k, v) -> body.append('&').append(k).append('=').append(v));
            corpus.add(new Case("webhook: non-numeric or overflowing numbers", true, "POST", webhook, form,
                    bytes(body.toString()), null));
        }
        for (int i = 0; i < 600; i++) {
            String u = pick(UNICODE);
            String body = switch (i % 3) {
                case 0 -> "userid=" + enc(u + SCALE) + "&appli=1";
                case 1 -> "userid=" + SCALE + "&appli=" + enc("1" + u);
                default -> enc(u) + "userid=" + SCALE + "&" + enc(u) + "appli=1";
            };
            corpus.add(new Case("webhook: unicode", true, "POST", webhook,
                    random.nextBoolean() ? form : form + "; charset=UTF-8", bytes(body), null));
        }
        List<String> params = List.of("userid", "appli", "startdate", "enddate", "date", "deviceid", "action");
        for (int i = 0; i < 1000; i++) {
            String markup = pick(MARKUP);
            String field = pick(params);
            boolean freeText = List.of("date", "deviceid", "action").contains(field);
            // free text fields carry markup for an unknown (well-formed) user: 404, nothing dispatched
            String userid = freeText ? Long.toString(40000000L + i) : Long.toString(SCALE);
            Map<String, String> f = new HashMap<>(Map.of("userid", userid, "appli", "1"));
            f.put(field, markup);
            StringBuilder body = new StringBuilder();
            f.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=').append(enc(v)));
            if (i % 10 == 0) {
                body.append('&').append(enc(markup)).append("=1");
            }
            corpus.add(new Case("webhook: HTML/script in a parameter", true, "POST", webhook, form,
                    bytes(body.toString()), markup));
        }
        for (int i = 0; i < 100; i++) {
            String markup = pick(MARKUP);
            corpus.add(new Case("webhook: HTML/script in the path", true, "POST", webhook + "/" + enc(markup), form,
                    bytes(validForm()), markup));
        }
        String secret = webhook.substring(webhook.lastIndexOf('/') + 1);
        List<String> traversal = List.of(webhook + "/../x", webhook + "/%2e%2e/%2e%2e/etc/passwd",
                webhook + "/..%2f..%2fetc%2fpasswd", "/withings/webhook/%2e%2e/%2e%2e/etc/passwd",
                webhook + "/x/../../" + "y", webhook + "%2f..%2f..%2fconnect", webhook + "/.%2e/.%2e/",
                webhook + "/%252e%252e/", webhook + "/....//....//etc/passwd", webhook + "/%c0%ae%c0%ae/",
                "/withings/webhook/./" + secret + "/../" + secret + "x", webhook + "/", webhook + "//x");
        for (int i = 0; i < 400; i++) {
            String path = pick(traversal);
            if (path.equals(webhook + "/")) {
                path = webhook + "/" + enc(randomText(10));
            }
            corpus.add(new Case("webhook: path traversal", true, "POST", path, form, bytes(validForm()), null));
        }
        for (int i = 0; i < 800; i++) {
            String other;
            switch (i % 5) {
                case 0 -> other = secret.substring(0, 1 + random.nextInt(secret.length() - 1));
                case 1 -> {
                    char[] cs = secret.toCharArray();
                    int at = random.nextInt(cs.length);
                    cs[at] = cs[at] == 'a' ? 'b' : 'a';
                    other = new String(cs);
                }
                case 2 -> other = secret.toUpperCase(java.util.Locale.ROOT).equals(secret)
                        ? secret.toLowerCase(java.util.Locale.ROOT)
                        : secret.toUpperCase(java.util.Locale.ROOT);
                case 3 -> other = "";
                default -> other = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
            }
            if (other.equals(secret)) {
                other = other + "x";
            }
            corpus.add(new Case("webhook: unknown secret", true, random.nextBoolean() ? "POST" : "HEAD",
                    "/withings/webhook/" + other, form, bytes(validForm()), null));
        }
    }

    private void connectCases(List<Case> corpus) {
        String page = "/withings/connect/" + ReliabilityRig.BRIDGE_ID;
        List<String> methods = List.of("PUT", "DELETE", "PATCH", "PROPFIND", "FOO", "MKCOL");
        for (int i = 0; i < 500; i++) {
            corpus.add(new Case("connect: wrong method", false, pick(methods), page,
                    "application/x-www-form-urlencoded", bytes("action=unlink&userId=" + SCALE), null));
        }
        List<String> names = List.of("code", "state", "error", "error_description", "action", "userId",
                "formToken", "redirect_uri", "x");
        for (int i = 0; i < 2000; i++) {
            StringBuilder q = new StringBuilder();
            String markup = pick(MARKUP);
            int n = 1 + random.nextInt(4);
            for (int k = 0; k < n; k++) {
                String value = switch (random.nextInt(4)) {
                    case 0 -> markup;
                    case 1 -> pick(UNICODE);
                    case 2 -> randomText(random.nextInt(10) == 0 ? 3000 : 30);
                    default -> pick(BAD_NUMBERS);
                };
                q.append(k == 0 ? "" : "&").append(pick(names)).append('=').append(enc(value));
            }
            if (random.nextInt(5) == 0) {
                q.append("&state=").append(enc(markup)).append("&state=x");
            }
            corpus.add(new Case("connect: GET with hostile parameters", false, "GET", page + "?" + q, null,
                    new byte[0], markup));
        }
        for (int i = 0; i < 500; i++) {
            String state = i % 3 == 0 ? pick(MARKUP) : Long.toHexString(random.nextLong());
            String q = "code=" + enc(Long.toHexString(random.nextLong())) + "&state=" + enc(state)
                    + (i % 4 == 0 ? "&error=" + enc(pick(MARKUP)) : "");
            corpus.add(new Case("connect: forged state", false, "GET", page + "?" + q, null, new byte[0],
                    state.startsWith("<") || state.startsWith("\"") ? state : null));
        }
        for (int i = 0; i < 1500; i++) {
            String markup = pick(MARKUP);
            String body = switch (i % 6) {
                case 0 -> "action=unlink&userId=" + SCALE;
                case 1 -> "action=unlink&userId=" + SCALE + "&formToken=" + Long.toHexString(random.nextLong());
                case 2 -> "action=link&formToken=" + enc(markup);
                case 3 -> "action=" + enc(markup) + "&formToken=x&userId=" + enc(markup);
                case 4 -> new String(randomBytes(1 + random.nextInt(2048)), StandardCharsets.ISO_8859_1);
                default -> "formToken=&formToken=" + enc(pick(UNICODE)) + "&action=unlink&userId="
                        + enc(pick(BAD_NUMBERS));
            };
            String ct = i % 7 == 0 ? pick(CONTENT_TYPES) : "application/x-www-form-urlencoded";
            corpus.add(new Case("connect: forged or broken form posts", false, "POST", page, ct,
                    body.getBytes(StandardCharsets.ISO_8859_1), markup));
        }
        for (int i = 0; i < 300; i++) {
            String markup = pick(MARKUP);
            String path = switch (i % 5) {
                case 0 -> page + "/" + enc(markup);
                case 1 -> "/withings/connect/" + enc(markup);
                case 2 -> page + "/%2e%2e/%2e%2e/etc/passwd";
                case 3 -> "/withings/connect/" + Long.toHexString(random.nextLong());
                default -> page + "/..%2f..%2fwebhook";
            };
            corpus.add(new Case("connect: other paths and traversal", false, random.nextBoolean() ? "GET" : "POST",
                    path, "application/x-www-form-urlencoded", bytes("action=unlink&userId=" + SCALE), markup));
        }
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    // ------------------------------------------------------------------ sending

    private List<Outcome> send(List<Case> corpus) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Case c : corpus) {
                futures.add(pool.submit(() -> sendOne(c)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome sendOne(Case c) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(rig.http().baseUri() + c.path()))
                    .timeout(Duration.ofSeconds(10));
            String ct = c.contentType();
            if (ct != null && !ct.isEmpty()) {
                b.header("Content-Type", ct);
            }
            b.method(c.method(), c.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(c.body()));
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Outcome(c, r.statusCode(), r.body());
        } catch (IllegalArgumentException e) {
            // a header or URI the client refuses to send: over a raw socket instead
            return raw(c);
        } catch (IOException e) {
            return raw(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(c, -1, "");
        }
    }

    /** Sends the case over a raw socket (the client refused it, or the server closed early). */
    private Outcome raw(Case c) {
        StringBuilder head = new StringBuilder(c.method() + " " + c.path() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n");
        if (c.contentType() != null) {
            head.append("Content-Type: ").append(c.contentType()).append("\r\n");
        }
        head.append("Content-Length: ").append(c.body().length).append("\r\n\r\n");
        String answer = exchange(head.toString().getBytes(StandardCharsets.UTF_8), c.body());
        int status = answer.startsWith("HTTP/1.1 ") && answer.length() >= 12
                ? Integer.parseInt(answer.substring(9, 12))
                : -1;
        int at = answer.indexOf("\r\n\r\n");
        return new Outcome(c, status, at < 0 ? "" : answer.substring(at + 4));
    }

    private String exchange(byte[] head, byte[] body) {
        URI base = rig.http().baseUri();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head);
                out.write(body);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                // the server answered and closed before everything was sent: read its answer
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                in.transferTo(answer);
            } catch (IOException e) {
                // connection reset after the answer
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /** Random bytes, broken request lines and huge bodies over raw sockets; the answers (empty: closed). */
    private List<String> rawGarbage(int n) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] head;
            byte[] body = new byte[0];
            switch (i % 8) {
                case 0 -> head = randomBytes(1 + random.nextInt(512));
                case 1 -> head = ("POST " + webhook + " HTTP/1.1\r\nHost: x\r\n" + randomText(200) + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
                case 2 -> head = ("GET /withings/connect/home?" + randomText(100) + " HTTP/1.1\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
                case 3 -> head = ("POST " + webhook + " HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
                case 4 -> head = ("POST " + webhook + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                        + "Content-Length: 5\r\n\r\nzz\r\n").getBytes(StandardCharsets.ISO_8859_1);
                case 5 -> {
                    int size = 65 * 1024 + random.nextInt(2 * 1024 * 1024);
                    head = ("POST " + webhook + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: "
                            + "application/x-www-form-urlencoded\r\nContent-Length: " + size + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1);
                    body = new byte[size];
                    java.util.Arrays.fill(body, (byte) 'a');
                }
                case 6 -> head = ("POST /withings/connect/home HTTP/1.1\r\nHost: x\r\n" + "X-" + "a".repeat(20_000)
                        + ": 1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
                default -> {
                    int size = 300 * 1024 + random.nextInt(1024 * 1024);
                    head = ("POST /withings/connect/home HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: "
                            + "application/x-www-form-urlencoded\r\nContent-Length: " + size + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1);
                    body = ("action=unlink&userId=" + SCALE + "&formToken=" + "b".repeat(size))
                            .substring(0, size).getBytes(StandardCharsets.ISO_8859_1);
                }
            }
            answers.add(exchange(head, body));
        }
        return answers;
    }

    // ------------------------------------------------------------------ what must not change

    private Map<String, String> tokens() {
        Map<String, String> result = new TreeMap<>();
        rig.oauth().tokens.forEach((k, v) -> result.put(k, v.getAccessToken() + "/" + v.getRefreshToken()));
        return result;
    }

    private List<MemoryStorage<?>> storages() {
        return List.of(
                (MemoryStorage<?>) rig.storage.getStorage("withings."
                        + ReliabilityRig.BRIDGE_UID.getAsString().replace(':', '_')),
                (MemoryStorage<?>) rig.storage.getStorage(SyncCursorStore.STORAGE_NAME));
    }

    private Map<String, Object> stored() {
        Map<String, Object> all = new TreeMap<>();
        int i = 0;
        for (MemoryStorage<?> s : storages()) {
            for (String key : s.getKeys()) {
                all.put(i + ":" + key, String.valueOf(s.get(key)));
            }
            i++;
        }
        return all;
    }

    private long puts() {
        return storages().stream().mapToLong(MemoryStorage::puts).sum();
    }

    private long dataCalls() {
        return sim.control().requests().stream().filter((RecordedRequest r) -> !"/notify".equals(r.path())
                && !"/v2/oauth2".equals(r.path())).count();
    }
}
