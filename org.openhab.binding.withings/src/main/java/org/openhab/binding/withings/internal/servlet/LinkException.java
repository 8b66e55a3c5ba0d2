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

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A link request that could not be started or completed. The message is shown on the linking page: it never holds
 * a secret, token or code.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class LinkException extends Exception {

    private static final long serialVersionUID = 1L;

    public LinkException(String message) {
        super(message);
    }
}
