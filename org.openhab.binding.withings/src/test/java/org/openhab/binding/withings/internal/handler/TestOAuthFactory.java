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

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.auth.client.oauth2.AccessTokenRefreshListener;
import org.openhab.core.auth.client.oauth2.AccessTokenResponse;
import org.openhab.core.auth.client.oauth2.DeviceCodeResponseDTO;
import org.openhab.core.auth.client.oauth2.OAuthClientService;
import org.openhab.core.auth.client.oauth2.OAuthException;
import org.openhab.core.auth.client.oauth2.OAuthFactory;
import org.openhab.core.auth.client.oauth2.OAuthResponseException;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSyntaxException;

/**
 * A test double of core's OAuth client: behaves as openHAB 5.2.1's {@code OAuthFactoryImpl} /
 * {@code OAuthClientServiceImpl} do for what the binding uses, over real HTTP (java.net.http) against a token
 * endpoint such as the simulator's: the authorize URL remembers state and redirect URI; the code exchange and
 * refreshes post the form (no Basic auth, with the extra fields) and parse the answer with the Gson given to
 * {@code withGsonBuilder}, after which the remaining JSON tree becomes the extra fields (as core's
 * extra-fields adapter does); a refresh happens when the stored token expired (10 s buffer), under a per-instance
 * lock, and stores the new pair before returning. Tokens are kept in a map by handle (the "store"), which
 * outlives the services like core's storage.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class TestOAuthFactory implements OAuthFactory {

    private static final Set<String> STANDARD_FIELDS = Set.of("access_token", "token_type", "expires_in",
            "refresh_token", "scope", "state");

    /** The token store by handle. */
    public final Map<String, AccessTokenResponse> tokens = new ConcurrentHashMap<>();
    /** Handles given to createOAuthClientService, in order. */
    public final List<String> created = new CopyOnWriteArrayList<>();
    /** Handles given to deleteServiceAndAccessToken, in order. */
    public final List<String> deleted = new CopyOnWriteArrayList<>();
    /** Handles given to ungetOAuthService, in order. */
    public final List<String> ungot = new CopyOnWriteArrayList<>();
    /** Handles given to getOAuthClientService (the binding must never call it). */
    public final List<String> gotFromCache = new CopyOnWriteArrayList<>();
    /** Every service instance handed out (base and withGsonBuilder ones). */
    public final List<Service> instances = new CopyOnWriteArrayList<>();

    private final Map<String, Service> cache = new ConcurrentHashMap<>();
    private final Map<String, String[]> authParams = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public OAuthClientService createOAuthClientService(String handle, String tokenUrl,
            @Nullable String authorizationUrl, String clientId, @Nullable String clientSecret, @Nullable String scope,
            @Nullable Boolean supportsBasicAuth) {
        created.add(handle);
        Service service = new Service(handle, tokenUrl, authorizationUrl, clientId, clientSecret, scope,
                Boolean.TRUE.equals(supportsBasicAuth), new Gson(), false);
        cache.put(handle, service);
        instances.add(service);
        return service;
    }

    @Override
    public @Nullable OAuthClientService getOAuthClientService(String handle) {
        gotFromCache.add(handle);
        return cache.get(handle);
    }

    @Override
    public void ungetOAuthService(String handle) {
        ungot.add(handle);
        Service service = cache.remove(handle);
        if (service != null) {
            service.close();
        }
    }

    @Override
    public void deleteServiceAndAccessToken(String handle) {
        deleted.add(handle);
        tokens.remove(handle);
        authParams.remove(handle);
        Service service = cache.remove(handle);
        if (service != null) {
            service.close();
        }
    }

    /** Handles with something in the store (tokens or remembered authorize parameters). */
    public Set<String> storedHandles() {
        Set<String> handles = ConcurrentHashMap.newKeySet();
        handles.addAll(tokens.keySet());
        handles.addAll(authParams.keySet());
        return handles;
    }

    /** One client service instance. */
    public class Service implements OAuthClientService {

        final String handle;
        final String tokenUrl;
        final @Nullable String authorizationUrl;
        final String clientId;
        final @Nullable String clientSecret;
        final @Nullable String scope;
        final boolean basicAuth;
        final Gson gson;
        /** Whether this instance came from withGsonBuilder. */
        public final boolean withGson;
        public final Map<String, String> extraAuthFields = new ConcurrentHashMap<>();
        private final List<AccessTokenRefreshListener> listeners = new CopyOnWriteArrayList<>();
        private volatile boolean closed;
        /** Number of refresh requests sent by this instance. */
        public volatile int refreshes;

        Service(String handle, String tokenUrl, @Nullable String authorizationUrl, String clientId,
                @Nullable String clientSecret, @Nullable String scope, boolean basicAuth, Gson gson,
                boolean withGson) {
            this.handle = handle;
            this.tokenUrl = tokenUrl;
            this.authorizationUrl = authorizationUrl;
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.scope = scope;
            this.basicAuth = basicAuth;
            this.gson = gson;
            this.withGson = withGson;
        }

        public String handle() {
            return handle;
        }

        @Override
        public String getAuthorizationUrl(@Nullable String redirectURI, @Nullable String scope,
                @Nullable String state) throws OAuthException {
            String base = authorizationUrl;
            if (base == null) {
                throw new OAuthException("Missing authorization url");
            }
            String s = scope != null ? scope : this.scope;
            StringBuilder url = new StringBuilder(base).append("?response_type=code&client_id=").append(enc(clientId));
            if (redirectURI != null) {
                url.append("&redirect_uri=").append(enc(redirectURI));
            }
            if (s != null) {
                url.append("&scope=").append(enc(s));
            }
            if (state != null) {
                url.append("&state=").append(enc(state));
            }
            authParams.put(handle, new String[] { state == null ? "" : state, redirectURI == null ? "" : redirectURI });
            return url.toString();
        }

        @Override
        public String extractAuthCodeFromAuthResponse(String redirectURLwithParams) throws OAuthException {
            throw new OAuthException("not used by the binding");
        }

        @Override
        public AccessTokenResponse getAccessTokenResponseByAuthorizationCode(String authorizationCode,
                @Nullable String redirectURI) throws OAuthException, IOException, OAuthResponseException {
            checkOpen();
            String[] params = authParams.get(handle);
            if (params != null && !params[1].isEmpty() && !params[1].equals(redirectURI)) {
                throw new OAuthException("redirectURI should be the same as the one in the authorization request");
            }
            Map<String, String> form = new java.util.LinkedHashMap<>();
            form.put("grant_type", "authorization_code");
            form.put("code", authorizationCode);
            if (redirectURI != null) {
                form.put("redirect_uri", redirectURI);
            }
            AccessTokenResponse response = post(form);
            tokens.put(handle, response);
            return response;
        }

        @Override
        public AccessTokenResponse getAccessTokenByResourceOwnerPasswordCredentials(String username, String password,
                @Nullable String scope) throws OAuthException {
            throw new OAuthException("not used by the binding");
        }

        @Override
        public synchronized AccessTokenResponse refreshToken()
                throws OAuthException, IOException, OAuthResponseException {
            checkOpen();
            AccessTokenResponse stored = tokens.get(handle);
            String refreshToken = stored == null ? null : stored.getRefreshToken();
            if (stored == null || refreshToken == null) {
                throw new OAuthException("Cannot refresh token because last access token is not available");
            }
            Map<String, String> form = new java.util.LinkedHashMap<>();
            form.put("grant_type", "refresh_token");
            form.put("refresh_token", refreshToken);
            refreshes++;
            AccessTokenResponse response = post(form);
            if (response.getRefreshToken() == null) {
                response.setRefreshToken(refreshToken);
            }
            tokens.put(handle, response);
            listeners.forEach(l -> l.onAccessTokenResponse(response));
            return response;
        }

        @Override
        public AccessTokenResponse getAccessTokenByClientCredentials(@Nullable String scope) throws OAuthException {
            throw new OAuthException("not used by the binding");
        }

        @Override
        public AccessTokenResponse getAccessTokenByImplicit(@Nullable String redirectURI, @Nullable String scope,
                @Nullable String state) throws OAuthException {
            throw new OAuthException("not used by the binding");
        }

        @Override
        public void importAccessTokenResponse(AccessTokenResponse accessTokenResponse) throws OAuthException {
            checkOpen();
            tokens.put(handle, accessTokenResponse);
        }

        @Override
        public synchronized @Nullable AccessTokenResponse getAccessTokenResponse()
                throws OAuthException, IOException, OAuthResponseException {
            checkOpen();
            AccessTokenResponse stored = tokens.get(handle);
            if (stored == null) {
                return null;
            }
            if (stored.isExpired(Instant.now(), 10) && stored.getRefreshToken() != null) {
                return refreshToken();
            }
            return stored;
        }

        @Override
        public void remove() throws OAuthException {
            deleteServiceAndAccessToken(handle);
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void addAccessTokenRefreshListener(AccessTokenRefreshListener listener) {
            listeners.add(listener);
        }

        @Override
        public boolean removeAccessTokenRefreshListener(AccessTokenRefreshListener listener) {
            return listeners.remove(listener);
        }

        @Override
        public void addExtraAuthField(String key, String value) {
            extraAuthFields.put(key, value);
        }

        @Override
        public OAuthClientService withGsonBuilder(GsonBuilder gsonBuilder) {
            Service service = new Service(handle, tokenUrl, authorizationUrl, clientId, clientSecret, scope,
                    basicAuth, gsonBuilder.create(), true);
            instances.add(service);
            return service;
        }

        @Override
        public @Nullable DeviceCodeResponseDTO getDeviceCodeResponse() throws OAuthException {
            return null;
        }

        @Override
        public void notifyAccessTokenResponse(AccessTokenResponse accessTokenResponse) {
            listeners.forEach(l -> l.onAccessTokenResponse(accessTokenResponse));
        }

        private void checkOpen() throws OAuthException {
            if (closed) {
                throw new OAuthException("Client service is closed");
            }
        }

        private AccessTokenResponse post(Map<String, String> fields)
                throws OAuthException, IOException, OAuthResponseException {
            Map<String, String> form = new java.util.LinkedHashMap<>(fields);
            form.put("client_id", clientId);
            String secret = clientSecret;
            if (secret != null) {
                form.put("client_secret", secret);
            }
            form.putAll(extraAuthFields);
            String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            if (response.statusCode() == 400) {
                throw new OAuthResponseException();
            }
            if (response.statusCode() != 200) {
                throw new OAuthException("Bad http response, http code " + response.statusCode());
            }
            try {
                JsonElement tree = JsonParser.parseString(response.body());
                AccessTokenResponse parsed = gson.fromJson(tree, AccessTokenResponse.class);
                if (parsed == null) {
                    throw new OAuthException("empty answer");
                }
                // as core's extra-fields adapter: what is left of the tree after the deserializer
                Map<String, String> extra = new java.util.HashMap<>();
                if (tree.isJsonObject()) {
                    tree.getAsJsonObject().entrySet().forEach(e -> {
                        if (!STANDARD_FIELDS.contains(e.getKey())) {
                            JsonElement v = e.getValue();
                            extra.put(e.getKey(), v instanceof JsonPrimitive p ? p.getAsString() : v.toString());
                        }
                    });
                }
                parsed.setExtraFields(extra);
                if (parsed.getCreatedOn() == null) {
                    parsed.setCreatedOn(Instant.now());
                }
                return parsed;
            } catch (JsonSyntaxException e) {
                throw new OAuthException(e);
            } catch (JsonParseException e) {
                throw new OAuthException("unparsable answer");
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
