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
package org.openhab.core.i18n;

import java.util.Locale;
import java.util.StringJoiner;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.Bundle;

/**
 * Compile-time stand-in mirroring org.openhab.core.i18n.AbstractI18nException of openHAB core 5.2.1; never shipped.
 * A message {@code @text/<key>} is a translation key: the exception then has no plain message, and
 * {@link #getLocalizedMessage(Bundle, TranslationProvider, Locale)} asks the {@link TranslationProvider} (English
 * when no locale is given).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public abstract class AbstractI18nException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final String I18N_PREFIX = "@text/";

    private final String msgKey;
    private final @Nullable Object @Nullable [] msgParams;

    protected AbstractI18nException(String message, @Nullable Object @Nullable... msgParams) {
        this(message, null, msgParams);
    }

    protected AbstractI18nException(String message, @Nullable Throwable cause,
            @Nullable Object @Nullable... msgParams) {
        super(message.startsWith(I18N_PREFIX) ? null : message, cause);
        if (message.startsWith(I18N_PREFIX)) {
            this.msgKey = message.substring(I18N_PREFIX.length());
            this.msgParams = msgParams;
        } else {
            this.msgKey = "";
            this.msgParams = null;
        }
    }

    protected AbstractI18nException(Throwable cause) {
        super(cause);
        this.msgKey = "";
        this.msgParams = null;
    }

    /**
     * @return the message, translated to English if it is a translation key and both arguments are given
     */
    public @Nullable String getMessage(@Nullable Bundle bundle, @Nullable TranslationProvider i18nProvider) {
        return getLocalizedMessage(bundle, i18nProvider, Locale.ENGLISH);
    }

    /**
     * @return the message, translated if it is a translation key and bundle and provider are given
     */
    public @Nullable String getLocalizedMessage(@Nullable Bundle bundle, @Nullable TranslationProvider i18nProvider,
            @Nullable Locale locale) {
        if (msgKey.isBlank() || bundle == null || i18nProvider == null) {
            return super.getMessage();
        }
        return i18nProvider.getText(bundle, msgKey, null, locale != null ? locale : Locale.ENGLISH, msgParams);
    }

    /**
     * @return the plain message, or {@code @text/<key>} followed by the quoted parameters if any
     */
    public @Nullable String getRawMessage() {
        if (msgKey.isBlank()) {
            return super.getMessage();
        }
        Object @Nullable [] params = msgParams;
        if (params == null || params.length == 0) {
            return I18N_PREFIX + msgKey;
        }
        StringJoiner joiner = new StringJoiner(", ", " [ ", " ]");
        for (Object param : params) {
            joiner.add("\"" + (param == null ? "" : param.toString()) + "\"");
        }
        return I18N_PREFIX + msgKey + joiner;
    }
}
