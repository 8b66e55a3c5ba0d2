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

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.config.WithingsAccountConfiguration;
import org.openhab.binding.withings.internal.dto.Device;
import org.openhab.core.thing.Thing;

/**
 * A test implementation of the account bridge's offer to its user and device Things: a given client and token
 * source, a configuration to adjust, whether the bridge is running and the registered listeners.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class TestAccount implements WithingsAccountAccess {

    public static final String AUTHORIZATION_NEEDED = "@text/offline.account.user-authorization-needed [\"home\"]";

    private final WithingsClient client;
    public volatile @Nullable TokenProvider tokens;
    public final WithingsAccountConfiguration configuration = new WithingsAccountConfiguration();
    public volatile boolean webhooksHealthy;
    /** False once the bridge is stopped (its handler disposed): the sessions are released, no token is given. */
    public volatile boolean running = true;
    /** The bridge's children, as a real bridge finds them. */
    public final List<Thing> things = new CopyOnWriteArrayList<>();
    /** The device lists of the users, as the bridge keeps them. */
    public final Map<String, List<Device>> devices = new ConcurrentHashMap<>();

    public TestAccount(WithingsClient client, @Nullable TokenProvider tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    @Override
    public WithingsClient client() {
        return client;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public Optional<TokenProvider> tokenProvider(String userId) {
        return Optional.ofNullable(tokens);
    }

    @Override
    public WithingsAccountConfiguration configuration() {
        return configuration;
    }

    @Override
    public String authorizationNeededStatus() {
        return AUTHORIZATION_NEEDED;
    }

    @Override
    public boolean webhooksHealthy(String userId) {
        return webhooksHealthy;
    }

    @Override
    public List<Device> listDevices(String userId, TokenProvider tp) throws WithingsApiException {
        List<Device> list = List.copyOf(client.getDevices(tp));
        devices.put(userId, list);
        for (Thing thing : things) {
            if (thing.getHandler() instanceof WithingsDeviceHandler device) {
                device.deviceListed();
            }
        }
        return list;
    }

    @Override
    public Optional<Device> device(String deviceId) {
        return devices.values().stream().flatMap(List::stream)
                .filter(d -> deviceId.equals(d.deviceid) || deviceId.equals(d.hashDeviceid)).findFirst();
    }

    @Override
    public boolean devicesListed(String userId) {
        return userId.isEmpty() ? !devices.isEmpty() : devices.containsKey(userId);
    }

    @Override
    public boolean hasUserThing(String userId) {
        return things.stream()
                .anyMatch(t -> t.getHandler() instanceof WithingsUserHandler user && user.userId().equals(userId));
    }
}
