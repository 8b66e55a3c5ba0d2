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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.Bundle;

/**
 * Compile-time stand-in mirroring org.openhab.core.i18n.AbstractI18nException of openHAB core 5.2.1; never shipped.
 * A message starting with {@code @text/} is a translation key, resolved by a {@link TranslationProvider}.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public abstract class AbstractI18nException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final String I18N_PREFIX = "@text/";

    private final @Nullable String rawMessage;
    private final @Nullable Object @Nullable [] msgParams;

    protected AbstractI18nException(String message, @Nullable Object @Nullable... msgParams) {
        super(message);
        this.rawMessage = message;
        this.msgParams = msgParams;
    }

    protected AbstractI18nException(String message, @Nullable Throwable cause, @Nullable Object @Nullable... msgParams) {
        super(message, cause);
        this.rawMessage = message;
        this.msgParams = msgParams;
    }

    protected AbstractI18nException(Throwable cause) {
        super(cause);
        this.rawMessage = null;
        this.msgParams = null;
    }

    /**
     * @return the message, translated with the default locale if it is a translation key
     */
    public @Nullable String getMessage(Bundle bundle, TranslationProvider i18nProvider) {
        return getLocalizedMessage(bundle, i18nProvider, null);
    }

    /**
     * @return the message, translated if it is a translation key
     */
    public @Nullable String getLocalizedMessage(Bundle bundle, TranslationProvider i18nProvider,
            @Nullable Locale locale) {
        String message = rawMessage;
        if (message == null || !message.startsWith(I18N_PREFIX)) {
            return message == null ? getMessage() : message;
        }
        return i18nProvider.getText(bundle, message.substring(I18N_PREFIX.length()), null, locale, msgParams);
    }

    /**
     * @return the message as given to the constructor (a translation key or text), null if built from a cause
     */
    public @Nullable String getRawMessage() {
        return rawMessage;
    }
}
