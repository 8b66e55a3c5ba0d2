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
package org.openhab.core.auth.client.oauth2;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Compile-time stand-in mirroring org.openhab.core.auth.client.oauth2.AccessTokenResponse of openHAB core 5.2.1;
 * never shipped. A bean holding an OAuth token response; {@link #toString()} shows the tokens, as openHAB's does.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public final class AccessTokenResponse implements Serializable, Cloneable {

    private static final long serialVersionUID = 1L;

    private @Nullable String accessToken;
    private @Nullable String tokenType;
    private long expiresIn;
    private @Nullable String refreshToken;
    private @Nullable String scope;
    private @Nullable String state;
    private @Nullable Instant createdOn;
    private Map<String, String> extraFields = Map.of();

    public AccessTokenResponse() {
    }

    /**
     * @return the provider-specific fields of the response (unmodifiable; may hold sensitive values)
     */
    public Map<String, String> getExtraFields() {
        return Collections.unmodifiableMap(extraFields);
    }

    public void setExtraFields(Map<String, String> extraFields) {
        this.extraFields = extraFields.isEmpty() ? Collections.emptyMap() : Map.copyOf(extraFields);
    }

    /**
     * @param givenTime the time to check
     * @param tokenExpiresInSeconds buffer: how many seconds before its stated expiry the token counts as expired
     * @return true if the token is expired at the given time (or its creation time is unknown)
     */
    public boolean isExpired(Instant givenTime, int tokenExpiresInSeconds) {
        Instant created = createdOn;
        return created == null
                || created.plusSeconds(expiresIn).minusSeconds(tokenExpiresInSeconds).isBefore(givenTime);
    }

    public @Nullable String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(@Nullable String accessToken) {
        this.accessToken = accessToken;
    }

    public @Nullable String getTokenType() {
        return tokenType;
    }

    public void setTokenType(@Nullable String tokenType) {
        this.tokenType = tokenType;
    }

    public long getExpiresIn() {
        return expiresIn;
    }

    public void setExpiresIn(long expiresIn) {
        this.expiresIn = expiresIn;
    }

    public @Nullable String getRefreshToken() {
        return refreshToken;
    }

    public void setRefreshToken(@Nullable String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public @Nullable String getScope() {
        return scope;
    }

    public void setScope(@Nullable String scope) {
        this.scope = scope;
    }

    public @Nullable String getState() {
        return state;
    }

    public void setState(@Nullable String state) {
        this.state = state;
    }

    public @Nullable Instant getCreatedOn() {
        return createdOn;
    }

    public void setCreatedOn(@Nullable Instant createdOn) {
        this.createdOn = createdOn;
    }

    @Override
    public Object clone() {
        try {
            return super.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessToken, tokenType, expiresIn, refreshToken, scope, state, createdOn, extraFields);
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        if (this == obj) {
            return true;
        }
        if (!(obj instanceof AccessTokenResponse other)) {
            return false;
        }
        return Objects.equals(accessToken, other.accessToken) && Objects.equals(tokenType, other.tokenType)
                && expiresIn == other.expiresIn && Objects.equals(refreshToken, other.refreshToken)
                && Objects.equals(scope, other.scope) && Objects.equals(state, other.state)
                && Objects.equals(createdOn, other.createdOn) && Objects.equals(extraFields, other.extraFields);
    }

    /**
     * As openHAB's: shows the tokens and extra fields, so it must never reach a log.
     */
    @Override
    public String toString() {
        return "AccessTokenResponse [accessToken=" + accessToken + ", tokenType=" + tokenType + ", expiresIn="
                + expiresIn + ", refreshToken=" + refreshToken + ", scope=" + scope + ", state=" + state
                + ", createdOn=" + createdOn + ", extraFields= " + extraFields + "]";
    }
}
