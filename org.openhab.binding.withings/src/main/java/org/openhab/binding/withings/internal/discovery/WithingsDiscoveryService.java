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
package org.openhab.binding.withings.internal.discovery;

import static org.openhab.binding.withings.internal.WithingsBindingConstants.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.withings.internal.api.TokenProvider;
import org.openhab.binding.withings.internal.api.WithingsApiException;
import org.openhab.binding.withings.internal.api.WithingsRateLimitException;
import org.openhab.binding.withings.internal.dto.Device;
import org.openhab.binding.withings.internal.handler.WithingsAccountHandler;
import org.openhab.binding.withings.internal.servlet.AccountLinking.LinkedUserView;
import org.openhab.core.config.discovery.AbstractThingHandlerDiscoveryService;
import org.openhab.core.config.discovery.DiscoveryResult;
import org.openhab.core.config.discovery.DiscoveryResultBuilder;
import org.openhab.core.thing.ThingUID;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proposes a {@code withings:user} Thing for every Withings user linked to the account bridge, and a
 * {@code withings:device} Thing for every device of such a user (from getdevice). Users and devices that already are
 * Things of the bridge are not proposed again. Attached to the bridge through
 * {@link WithingsAccountHandler#getServices()}; the bridge tells it when a user is linked or unlinked.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
@Component(scope = ServiceScope.PROTOTYPE, service = WithingsDiscoveryService.class)
public class WithingsDiscoveryService extends AbstractThingHandlerDiscoveryService<WithingsAccountHandler> {

    static final int TIMEOUT_SECONDS = 15;
    /** The labels are translated by core ({@code @text/} with arguments, which must not hold commas or quotes). */
    static final String USER_LABEL = "@text/discovery.withings.user.label";
    static final String USER_LABEL_DEVICES = "@text/discovery.withings.user.label-with-devices";
    static final String DEVICE_LABEL = "@text/discovery.withings.device.label";
    static final String DEVICE_LABEL_UNNAMED = "@text/discovery.withings.device.label-unnamed";

    private final Logger logger = LoggerFactory.getLogger(WithingsDiscoveryService.class);
    /** Device result UIDs per user, to remove them when the user is unlinked. */
    private final Map<String, Set<ThingUID>> deviceResults = new ConcurrentHashMap<>();

    public WithingsDiscoveryService() {
        super(WithingsAccountHandler.class, DISCOVERABLE_THING_TYPES, TIMEOUT_SECONDS);
    }

    /** For tests: runs its work on the given scheduler. */
    public WithingsDiscoveryService(ScheduledExecutorService scheduler) {
        super(scheduler, WithingsAccountHandler.class, DISCOVERABLE_THING_TYPES, TIMEOUT_SECONDS, true, null, null);
    }

    @Override
    public void initialize() {
        thingHandler.setDiscoveryService(this);
        super.initialize();
    }

    @Override
    public void dispose() {
        super.dispose();
        thingHandler.setDiscoveryService(null);
    }

    @Override
    protected void startScan() {
        publishLinkedUsers();
    }

    @Override
    protected void startBackgroundDiscovery() {
        publishLinkedUsers();
    }

    /** Publishes every linked user (and, in the background, their devices). */
    public void publishLinkedUsers() {
        WithingsAccountHandler handler = thingHandler;
        if (handler == null) {
            return;
        }
        for (String userId : handler.linking().linkedUsers().stream().map(LinkedUserView::userId).toList()) {
            userLinked(userId);
        }
    }

    /** A user was linked: publish it at once, then its devices (fetched on the scheduler). */
    public void userLinked(String userId) {
        WithingsAccountHandler handler = thingHandler;
        if (handler == null) {
            return;
        }
        publishUser(handler, userId, List.of());
        scheduler.execute(() -> publishDevices(userId));
    }

    /** A user was unlinked: withdraw its results. */
    public void userUnlinked(String userId) {
        WithingsAccountHandler handler = thingHandler;
        if (handler == null) {
            return;
        }
        thingRemoved(userUID(handler, userId));
        Set<ThingUID> devices = deviceResults.remove(userId);
        if (devices != null) {
            devices.forEach(this::thingRemoved);
        }
    }

    static ThingUID userUID(WithingsAccountHandler handler, String userId) {
        return new ThingUID(THING_TYPE_USER, handler.getThing().getUID(), sanitize(userId));
    }

    static ThingUID deviceUID(WithingsAccountHandler handler, String deviceId) {
        return new ThingUID(THING_TYPE_DEVICE, handler.getThing().getUID(), hash(deviceId));
    }

    private void publishUser(WithingsAccountHandler handler, String userId, List<String> deviceNames) {
        if (hasChildWith(handler, PROPERTY_USER_ID, userId)) {
            logger.debug("Withings user {} already is a Thing: not proposed", userId);
            return;
        }
        List<String> names = deviceNames.stream().filter(n -> !n.isEmpty()).toList();
        String label = names.isEmpty() ? USER_LABEL : USER_LABEL_DEVICES + argument(String.join(" / ", names));
        DiscoveryResult result = DiscoveryResultBuilder.create(userUID(handler, userId))
                .withBridge(handler.getThing().getUID()).withProperty(PROPERTY_USER_ID, userId)
                .withRepresentationProperty(PROPERTY_USER_ID).withLabel(label).build();
        thingDiscovered(result);
    }

    private void publishDevices(String userId) {
        WithingsAccountHandler handler = thingHandler;
        if (handler == null || !handler.isRunning()) {
            return;
        }
        Optional<TokenProvider> tp = handler.tokenProvider(userId);
        if (tp.isEmpty()) {
            return;
        }
        List<Device> devices;
        try {
            devices = handler.listDevices(userId, tp.get());
        } catch (WithingsRateLimitException e) {
            // no request budget now: try again when there is, without holding the thread
            scheduler.schedule(() -> publishDevices(userId), Math.max(1, e.retryAfter().toSeconds()),
                    TimeUnit.SECONDS);
            return;
        } catch (WithingsApiException | IllegalStateException e) {
            logger.debug("Devices of Withings user {} not discovered: {}", userId, e.getMessage());
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        Set<ThingUID> uids = ConcurrentHashMap.newKeySet();
        for (Device device : devices) {
            String deviceId = device.deviceid;
            if (deviceId == null || deviceId.isBlank()) {
                continue;
            }
            String name = deviceName(device);
            names.add(name);
            if (hasChildWith(handler, PROPERTY_DEVICE_ID, deviceId)) {
                continue;
            }
            ThingUID uid = deviceUID(handler, deviceId);
            DiscoveryResultBuilder builder = DiscoveryResultBuilder.create(uid)
                    .withBridge(handler.getThing().getUID()).withProperty(PROPERTY_DEVICE_ID, deviceId)
                    .withProperty(PROPERTY_USER_ID, userId).withRepresentationProperty(PROPERTY_DEVICE_ID)
                    .withLabel(name.isEmpty() ? DEVICE_LABEL_UNNAMED : DEVICE_LABEL + argument(name));
            String model = device.model;
            if (model != null && !model.isBlank()) {
                builder.withProperty("model", model);
            }
            String type = device.type;
            if (type != null && !type.isBlank()) {
                builder.withProperty("deviceType", type);
            }
            thingDiscovered(builder.build());
            uids.add(uid);
        }
        deviceResults.put(userId, uids);
        publishUser(handler, userId, new ArrayList<>(names));
    }

    /** Whether a child Thing of the bridge already carries this value in its configuration or properties. */
    private static boolean hasChildWith(WithingsAccountHandler handler, String property, String value) {
        return handler.getThing().getThings().stream()
                .anyMatch(child -> value.equals(String.valueOf(child.getConfiguration().get(property)))
                        || value.equals(child.getProperties().get(property)));
    }

    /** A label-friendly name of a device: its model, else its type, else empty. No ids. */
    static String deviceName(Device device) {
        String model = device.model;
        if (model != null && !model.isBlank()) {
            return model.trim();
        }
        String type = device.type;
        return type != null && !type.isBlank() ? type.trim() : "";
    }

    /** The argument part of an {@code @text/} label: core splits it at commas and drops brackets and quotes. */
    static String argument(String value) {
        return " [\"" + value.replaceAll("[,\\[\\]\"\\\\]", " ").trim() + "\"]";
    }

    /** A UID segment for a userid (digits in practice). */
    static String sanitize(String value) {
        String s = value.replaceAll("[^A-Za-z0-9_-]", "_");
        return s.isEmpty() ? "_" : s;
    }

    /** A short, stable, UID-safe segment for a deviceid: the first 16 hex digits of its SHA-256. */
    static String hash(String deviceId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(deviceId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 not available", e);
        }
    }
}
