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
package org.openhab.core.thing;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.common.AbstractUID;

/**
 * Compile-time stand-in mirroring org.openhab.core.thing.UID of openHAB core 5.2.1; never shipped.
 * The first segment is the binding id.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public abstract class UID extends AbstractUID {

    UID() {
        super();
    }

    public UID(String uid) {
        super(uid);
    }

    public UID(String... segments) {
        super(segments);
    }

    protected UID(List<String> segments) {
        super(segments);
    }

    /**
     * @return the segments of another UID of this package
     */
    static List<String> segmentsOf(UID uid) {
        return uid.getAllSegments();
    }

    /**
     * @return the binding id
     */
    public String getBindingId() {
        return getSegment(0);
    }
}
