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
package org.openhab.binding.withings.internal.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.api.ContentResponse;
import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.client.util.FormContentProvider;
import org.eclipse.jetty.client.util.FutureResponseListener;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.Fields;
import org.openhab.binding.withings.internal.WithingsBindingConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only class of the binding that calls the Jetty HTTP client: form-encoded POSTs with an optional bearer
 * token and a timeout. It records nothing secret: neither the token nor form values nor bodies are logged or put
 * in exception messages.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class WithingsHttpTransport {

    private static final String USER_AGENT = WithingsBindingConstants.userAgent();

    /** Upper bound of a buffered answer (300 sleep summaries with every field are about 0.5 MB). */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final Logger logger = LoggerFactory.getLogger(WithingsHttpTransport.class);
    private final HttpClient httpClient;

    /**
     * @param httpClient openHAB's common client in production, a plain started Jetty client in tests
     */
    public WithingsHttpTransport(HttpClient httpClient) {
        this.httpClient = httpClient;
    }

    /**
     * Sends a form-encoded POST.
     *
     * @param uri the target
     * @param form form fields (sent URL-encoded in the body)
     * @param bearerToken the access token for {@code Authorization: Bearer}, or null
     * @param timeout the total request timeout
     * @return status, content type and body of the answer, whatever its HTTP status
     * @throws WithingsCommunicationException when no answer arrived (connection, timeout, interruption)
     */
    public HttpResult post(URI uri, Map<String, String> form, @Nullable String bearerToken, Duration timeout)
            throws WithingsCommunicationException {
        Fields fields = new Fields();
        form.forEach(fields::put);
        Request request = httpClient.newRequest(uri).method(HttpMethod.POST)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).agent(USER_AGENT)
                .content(new FormContentProvider(fields, StandardCharsets.UTF_8));
        if (bearerToken != null) {
            request.header(HttpHeader.AUTHORIZATION, "Bearer " + bearerToken);
        }
        String target = uri.getPath();
        logger.trace("POST {} action={}", target, form.get("action"));
        FutureResponseListener listener = new FutureResponseListener(request, MAX_BODY_BYTES);
        try {
            request.send(listener);
            ContentResponse response = listener.get(timeout.toMillis() + 5000, TimeUnit.MILLISECONDS);
            String contentType = response.getHeaders().get(HttpHeader.CONTENT_TYPE);
            return new HttpResult(response.getStatus(), contentType, response.getContentAsString());
        } catch (InterruptedException e) {
            request.abort(e);
            Thread.currentThread().interrupt();
            throw new WithingsCommunicationException("Request to " + target + " interrupted");
        } catch (TimeoutException e) {
            request.abort(e);
            throw new WithingsCommunicationException("Request to " + target + " timed out");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TimeoutException) {
                throw new WithingsCommunicationException("Request to " + target + " timed out");
            }
            String kind = cause == null ? "unknown error" : cause.getClass().getSimpleName();
            logger.debug("POST {} failed: {}", target, kind);
            throw new WithingsCommunicationException("Request to " + target + " failed (" + kind + ")");
        }
    }
}
