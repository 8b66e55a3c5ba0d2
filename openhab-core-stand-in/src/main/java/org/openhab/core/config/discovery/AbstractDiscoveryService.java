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
package org.openhab.core.config.discovery;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.common.ThreadPoolManager;
import org.openhab.core.i18n.LocaleProvider;
import org.openhab.core.i18n.TranslationProvider;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Compile-time stand-in mirroring org.openhab.core.config.discovery.AbstractDiscoveryService of openHAB core 5.2.1;
 * never shipped. Results go to the registered {@link DiscoveryListener}s (a listener added later receives the
 * results already found); scans, timeouts and background discovery follow openHAB's life cycle. Results are not
 * localised.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public abstract class AbstractDiscoveryService implements DiscoveryService {

    private static final String DISCOVERY_THREADPOOL_NAME = "discovery";

    protected final ScheduledExecutorService scheduler;
    protected @Nullable ScanListener scanListener;
    protected @NonNullByDefault({}) TranslationProvider i18nProvider;
    protected @NonNullByDefault({}) LocaleProvider localeProvider;

    private final Set<DiscoveryListener> discoveryListeners = new CopyOnWriteArraySet<>();
    private final Map<ThingUID, DiscoveryResult> cachedResults = new ConcurrentHashMap<>();
    private final Set<ThingTypeUID> supportedThingTypes;
    private final int timeout;
    private final @Nullable String scanInputLabel;
    private final @Nullable String scanInputDescription;
    private boolean backgroundDiscoveryEnabled;
    private Instant timestampOfLastScan = Instant.MIN;
    private @Nullable ScheduledFuture<?> scheduledStop;

    protected AbstractDiscoveryService(@Nullable Set<ThingTypeUID> supportedThingTypes, int timeout,
            boolean backgroundDiscoveryEnabledByDefault, @Nullable String scanInputLabel,
            @Nullable String scanInputDescription) throws IllegalArgumentException {
        this(null, supportedThingTypes, timeout, backgroundDiscoveryEnabledByDefault, scanInputLabel,
                scanInputDescription);
    }

    protected AbstractDiscoveryService(@Nullable ScheduledExecutorService scheduler,
            @Nullable Set<ThingTypeUID> supportedThingTypes, int timeout, boolean backgroundDiscoveryEnabledByDefault,
            @Nullable String scanInputLabel, @Nullable String scanInputDescription) throws IllegalArgumentException {
        if (timeout < 0) {
            throw new IllegalArgumentException("The timeout must be >= 0!");
        }
        this.scheduler = scheduler != null ? scheduler : ThreadPoolManager.getScheduledPool(DISCOVERY_THREADPOOL_NAME);
        this.supportedThingTypes = supportedThingTypes == null ? Set.of() : Set.copyOf(supportedThingTypes);
        this.timeout = timeout;
        this.backgroundDiscoveryEnabled = backgroundDiscoveryEnabledByDefault;
        this.scanInputLabel = scanInputLabel;
        this.scanInputDescription = scanInputDescription;
    }

    protected AbstractDiscoveryService(@Nullable Set<ThingTypeUID> supportedThingTypes, int timeout,
            boolean backgroundDiscoveryEnabledByDefault) throws IllegalArgumentException {
        this(supportedThingTypes, timeout, backgroundDiscoveryEnabledByDefault, null, null);
    }

    protected AbstractDiscoveryService(@Nullable Set<ThingTypeUID> supportedThingTypes, int timeout)
            throws IllegalArgumentException {
        this(supportedThingTypes, timeout, true);
    }

    protected AbstractDiscoveryService(int timeout) throws IllegalArgumentException {
        this(null, timeout);
    }

    @Override
    public Set<ThingTypeUID> getSupportedThingTypes() {
        return supportedThingTypes;
    }

    @Override
    public boolean isScanInputSupported() {
        return scanInputLabel != null && scanInputDescription != null;
    }

    @Override
    public @Nullable String getScanInputLabel() {
        return scanInputLabel;
    }

    @Override
    public @Nullable String getScanInputDescription() {
        return scanInputDescription;
    }

    @Override
    public int getScanTimeout() {
        return timeout;
    }

    @Override
    public boolean isBackgroundDiscoveryEnabled() {
        return backgroundDiscoveryEnabled;
    }

    @Override
    public void addDiscoveryListener(@Nullable DiscoveryListener listener) {
        if (listener == null) {
            return;
        }
        for (DiscoveryResult result : Map.copyOf(cachedResults).values()) {
            listener.thingDiscovered(this, result);
        }
        discoveryListeners.add(listener);
    }

    @Override
    public void removeDiscoveryListener(@Nullable DiscoveryListener listener) {
        if (listener != null) {
            discoveryListeners.remove(listener);
        }
    }

    @Override
    public void startScan(@Nullable ScanListener listener) {
        startScanInternal(null, listener);
    }

    @Override
    public void startScan(String input, @Nullable ScanListener listener) {
        startScanInternal(input, listener);
    }

    /*
     * As in openHAB: a running scan is finished (its listener gets onFinished), the stop is scheduled, and an
     * exception of the scan is rethrown to the caller after the listener was dropped. Without input support the
     * plain scan runs.
     */
    private void startScanInternal(@Nullable String input, @Nullable ScanListener listener) {
        synchronized (this) {
            stopScan();
            cancelScheduledStop();
            this.scanListener = listener;
            if (getScanTimeout() > 0) {
                scheduledStop = scheduler.schedule(() -> {
                    try {
                        stopScan();
                    } catch (RuntimeException e) {
                        // as in openHAB: only logged (at debug)
                    }
                }, getScanTimeout(), TimeUnit.SECONDS);
            }
            timestampOfLastScan = Instant.now();
            try {
                if (isScanInputSupported() && input != null) {
                    startScan(input);
                } else {
                    startScan();
                }
            } catch (RuntimeException e) {
                cancelScheduledStop();
                this.scanListener = null;
                throw e;
            }
        }
    }

    @Override
    public void abortScan() {
        // as in openHAB: the scheduled stop is cancelled with interruption, the listener told outside the lock
        ScanListener listener;
        synchronized (this) {
            ScheduledFuture<?> stop = scheduledStop;
            if (stop != null) {
                stop.cancel(true);
                scheduledStop = null;
            }
            listener = scanListener;
            scanListener = null;
        }
        if (listener != null) {
            listener.onErrorOccurred(new CancellationException("Scan has been aborted."));
        }
    }

    private void cancelScheduledStop() {
        ScheduledFuture<?> stop = scheduledStop;
        if (stop != null) {
            stop.cancel(false);
            scheduledStop = null;
        }
    }

    protected abstract void startScan();

    protected void startScan(String input) {
        // as in openHAB: only a warning is logged
    }

    protected void stopScan() {
        synchronized (this) {
            ScanListener listener = scanListener;
            if (listener != null) {
                listener.onFinished();
                scanListener = null;
            }
        }
    }

    protected void thingDiscovered(DiscoveryResult discoveryResult) {
        // as in openHAB: the bundle of the subclass (null outside OSGi)
        thingDiscovered(discoveryResult, FrameworkUtil.getBundle(this.getClass()));
    }

    protected void thingDiscovered(DiscoveryResult discoveryResult, @Nullable Bundle bundle) {
        DiscoveryResult result = getLocalizedDiscoveryResult(discoveryResult, bundle);
        for (DiscoveryListener listener : discoveryListeners) {
            try {
                listener.thingDiscovered(this, result);
            } catch (Exception e) {
                // as in openHAB: a failing listener is logged (error) and does not stop the others
            }
        }
        cachedResults.put(result.getThingUID(), result);
    }

    protected void thingRemoved(ThingUID thingUID) {
        for (DiscoveryListener listener : discoveryListeners) {
            try {
                listener.thingRemoved(this, thingUID);
            } catch (Exception e) {
                // as in openHAB: a failing listener is logged (error) and does not stop the others
            }
        }
        cachedResults.remove(thingUID);
    }

    protected void removeOlderResults(Instant timestamp) {
        removeOlderResults(timestamp, null, null);
    }

    protected void removeOlderResults(Instant timestamp, @Nullable ThingUID bridgeUID) {
        removeOlderResults(timestamp, null, bridgeUID);
    }

    protected void removeOlderResults(Instant timestamp, @Nullable Collection<ThingTypeUID> thingTypeUIDs,
            @Nullable ThingUID bridgeUID) {
        Collection<ThingTypeUID> types = thingTypeUIDs != null ? thingTypeUIDs : getSupportedThingTypes();
        // as in openHAB: the cache drops what the listeners report as removed
        Set<ThingUID> removedThings = new HashSet<>();
        for (DiscoveryListener listener : discoveryListeners) {
            try {
                Collection<ThingUID> removed = listener.removeOlderResults(this, timestamp, types, bridgeUID);
                if (removed != null) {
                    removedThings.addAll(removed);
                }
            } catch (Exception e) {
                // as in openHAB: logged (error)
            }
        }
        removedThings.forEach(cachedResults::remove);
    }

    protected void activate(@Nullable Map<String, Object> configProperties) {
        if (configProperties != null) {
            backgroundDiscoveryEnabled = backgroundSetting(
                    configProperties.get(DiscoveryService.CONFIG_PROPERTY_BACKGROUND_DISCOVERY),
                    backgroundDiscoveryEnabled);
        }
        if (backgroundDiscoveryEnabled) {
            startBackgroundDiscovery();
        }
    }

    protected void modified(@Nullable Map<String, Object> configProperties) {
        if (configProperties == null) {
            return;
        }
        boolean enabled = backgroundSetting(
                configProperties.get(DiscoveryService.CONFIG_PROPERTY_BACKGROUND_DISCOVERY),
                backgroundDiscoveryEnabled);
        if (enabled && !backgroundDiscoveryEnabled) {
            backgroundDiscoveryEnabled = true;
            startBackgroundDiscovery();
        } else if (!enabled && backgroundDiscoveryEnabled) {
            backgroundDiscoveryEnabled = false;
            stopBackgroundDiscovery();
        }
    }

    /**
     * As openHAB's {@code ConfigParser.valueAsOrElse(value, Boolean.class, current)}: a Boolean, or a String read with
     * {@link Boolean#valueOf(String)}; anything else (or nothing) keeps the current setting.
     */
    static boolean backgroundSetting(@Nullable Object value, boolean current) {
        if (value instanceof Boolean enabled) {
            return enabled;
        }
        if (value instanceof String text) {
            return Boolean.valueOf(text);
        }
        return current;
    }

    protected void deactivate() {
        if (backgroundDiscoveryEnabled) {
            stopBackgroundDiscovery();
        }
    }

    protected void startBackgroundDiscovery() {
        // can be overridden by subclasses
    }

    protected void stopBackgroundDiscovery() {
        // can be overridden by subclasses
    }

    protected synchronized Instant getTimestampOfLastScan() {
        return timestampOfLastScan;
    }

    protected DiscoveryResult getLocalizedDiscoveryResult(final DiscoveryResult discoveryResult,
            @Nullable Bundle bundle) {
        return discoveryResult;
    }
}
