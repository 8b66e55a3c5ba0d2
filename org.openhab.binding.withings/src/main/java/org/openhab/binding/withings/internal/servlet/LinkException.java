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
package org.openhab.binding.withings.internal.servlet;

import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A link request that could not be started or completed. Its {@link Reason} decides the HTTP status of the linking
 * page and the (translated) sentence it shows; the exception message is that sentence in English, for logs and
 * tests. It never holds a secret, token or code.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class LinkException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why linking failed, with the page's HTTP status and the i18n key of its sentence. */
    public enum Reason {
        /** The bridge is not running (not initialised, or a configuration error). */
        NOT_RUNNING(503, "link-page.error.not-running"),
        /** The bridge was stopped while the code was being exchanged. */
        STOPPED(503, "link-page.error.stopped"),
        /** The authorize address could not be built from the configuration. */
        AUTHORIZE_URL(500, "link-page.error.authorize-url"),
        /** The token endpoint could not be reached or gave no Withings answer (an outage, an error page). */
        UNREACHABLE(502, "link-page.error.unreachable"),
        /** Withings answered and refused the code (forged, reused, expired, or a configuration mismatch). */
        CODE_REFUSED(400, "link-page.error.code-refused"),
        /** Withings answered without a usable user id. */
        NO_USER(502, "link-page.error.no-user"),
        /** The token could not be stored in openHAB. */
        NOT_STORED(500, "link-page.error.not-stored");

        private final int httpStatus;
        private final String key;

        Reason(int httpStatus, String key) {
            this.httpStatus = httpStatus;
            this.key = key;
        }

        /** The HTTP status of the page that shows this failure: 4xx the request's problem, 5xx a server's. */
        public int httpStatus() {
            return httpStatus;
        }

        /** The i18n key of the sentence the page shows. */
        public String key() {
            return key;
        }

        /** The sentence in English (from the binding's i18n file), for the exception message and the logs. */
        public String english() {
            return PageTexts.forLocale(Locale.ENGLISH).text(key);
        }
    }

    private final Reason reason;

    public LinkException(Reason reason) {
        super(reason.english());
        this.reason = reason;
    }

    /** Why linking failed. */
    public Reason reason() {
        return reason;
    }
}
