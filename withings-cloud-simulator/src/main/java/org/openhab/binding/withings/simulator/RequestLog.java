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
package org.openhab.binding.withings.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every request received on the API and OAuth paths, for tests and benchmarks. Thread-safe.
 *
 * @author Withings binding contributors - Initial contribution
 */
final class RequestLog {

    private final List<RecordedRequest> requests = new ArrayList<>();

    synchronized void add(RecordedRequest request) {
        requests.add(request);
    }

    synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    synchronized long count(String path, String action, long userid) {
        return requests.stream().filter(r -> path == null || path.equals(r.path()))
                .filter(r -> action == null || Objects.equals(action, r.action()))
                .filter(r -> userid <= 0 || r.userid() == userid).count();
    }

    synchronized void clear() {
        requests.clear();
    }
}
