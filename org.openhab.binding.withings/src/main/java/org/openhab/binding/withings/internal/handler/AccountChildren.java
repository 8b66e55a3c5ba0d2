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

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.api.NotifyAppli;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.api.WithingsNotification;
import org.openhab.binding.withings.internal.dto.Device;
import org.openhab.core.thing.Thing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account bridge's way to its user and device Things: it finds them among the bridge's children (no registry of
 * its own), hands them calls on the bridge's scheduler, and keeps the last device list of each user, the one source
 * of the device Things' data.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class AccountChildren {

    /** What a forced sync asks of a user Thing: measures, activity, sleep, heart. */
    static final List<NotifyAppli> SYNC_APPLIS = List.of(NotifyAppli.WEIGHT, NotifyAppli.PRESSURE,
            NotifyAppli.ACTIVITY, NotifyAppli.SLEEP, NotifyAppli.ECG);

    private final Logger logger = LoggerFactory.getLogger(WithingsAccountHandler.class);
    private final String bridgeId;
    private final Supplier<List<Thing>> things;
    private final Executor scheduler;
    private final Map<String, List<Device>> devices = new ConcurrentHashMap<>();

    AccountChildren(String bridgeId, Supplier<List<Thing>> things, Executor scheduler) {
        this.bridgeId = bridgeId;
        this.things = things;
        this.scheduler = scheduler;
    }

    /** Runs the action on the scheduler with the handler of the user's Thing; false if the bridge has none. */
    boolean toUser(String userId, Consumer<WithingsUserHandler> action) {
        for (Thing child : things.get()) {
            if (child.getHandler() instanceof WithingsUserHandler user && user.userId().equals(userId)) {
                scheduler.execute(() -> action.accept(user));
                return true;
            }
        }
        logger.debug("Bridge {}: no user Thing for Withings user {}", bridgeId, userId);
        return false;
    }

    /** Asks the user's Thing to fetch everything now, by notifications without date range; false without one. */
    boolean requestSync(String userId, Instant now) {
        return toUser(userId, user -> SYNC_APPLIS.forEach(appli -> user.onNotification(
                new WithingsNotification(userId, appli.code(), null, null, null, null, null, now))));
    }

    /** The handlers of the user Things. */
    List<WithingsUserHandler> users() {
        return things.get().stream().map(Thing::getHandler).filter(WithingsUserHandler.class::isInstance)
                .map(WithingsUserHandler.class::cast).toList();
    }

    boolean hasUser(String userId) {
        return users().stream().anyMatch(user -> user.userId().equals(userId));
    }

    /** Lists the user's devices with the one {@code getdevice} call and tells the device Things. */
    List<Device> listDevices(WithingsClient client, String userId, TokenProvider tp) throws WithingsApiException {
        List<Device> list = List.copyOf(client.getDevices(tp));
        devices.put(userId, list);
        for (Thing child : things.get()) {
            if (child.getHandler() instanceof WithingsDeviceHandler device) {
                scheduler.execute(device::deviceListed);
            }
        }
        return list;
    }

    Optional<Device> device(String deviceId) {
        return devices.values().stream().flatMap(List::stream)
                .filter(d -> deviceId.equals(d.deviceid) || deviceId.equals(d.hashDeviceid)).findFirst();
    }

    boolean devicesListed(String userId) {
        return userId.isEmpty() ? !devices.isEmpty() : devices.containsKey(userId);
    }

    /** Forgets the device list of a user (unlinked), or of every user ({@code null}: the bridge stops). */
    void forgetDevices(@Nullable String userId) {
        if (userId == null) {
            devices.clear();
        } else {
            devices.remove(userId);
        }
    }
}
