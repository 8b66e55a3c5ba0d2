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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Compile-time stand-in mirroring org.openhab.core.i18n.ConfigurationException of openHAB core 5.2.1; never shipped.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class ConfigurationException extends AbstractI18nException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message, @Nullable Object @Nullable... msgParams) {
        super(message, msgParams);
    }

    public ConfigurationException(String message, @Nullable Throwable cause, @Nullable Object @Nullable... msgParams) {
        super(message, cause, msgParams);
    }

    public ConfigurationException(Throwable cause) {
        super(cause);
    }
}
