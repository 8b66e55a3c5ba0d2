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
package org.openhab.core.thing.binding;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.config.core.ConfigDescriptionRegistry;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.type.ThingType;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentContext;

/**
 * Compile-time stand-in mirroring org.openhab.core.thing.binding.BaseThingHandlerFactory of openHAB core 5.2.1;
 * never shipped. {@link #registerHandler(Thing)} creates the handler; services are not registered.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public abstract class BaseThingHandlerFactory implements ThingHandlerFactory {

    private static final String UNAVAILABLE = "compile-time stand-in of openHAB core: not available at runtime";

    protected @NonNullByDefault({}) BundleContext bundleContext;

    public BaseThingHandlerFactory() {
    }

    protected void activate(ComponentContext componentContext) {
        this.bundleContext = componentContext.getBundleContext();
    }

    protected void deactivate(ComponentContext componentContext) {
        this.bundleContext = null;
    }

    protected BundleContext getBundleContext() {
        final BundleContext context = bundleContext;
        if (context == null) {
            throw new IllegalStateException("No bundle context: the thing handler factory has not been activated.");
        }
        return context;
    }

    @Override
    public ThingHandler registerHandler(Thing thing) {
        ThingHandler thingHandler = createHandler(thing);
        if (thingHandler == null) {
            throw new IllegalStateException(getClass().getSimpleName()
                    + " could not create a handler for the thing '" + thing.getUID() + "'.");
        }
        if (thing instanceof Bridge && !(thingHandler instanceof BridgeHandler)) {
            throw new IllegalStateException(
                    "Created handler of bridge '" + thing.getUID() + "' must implement the BridgeHandler interface.");
        }
        return thingHandler;
    }

    public void registerService(ThingHandler thingHandler, Class<? extends ThingHandlerService> c) {
        throw new UnsupportedOperationException(UNAVAILABLE);
    }

    protected abstract @Nullable ThingHandler createHandler(Thing thing);

    @Override
    public void unregisterHandler(Thing thing) {
        ThingHandler thingHandler = thing.getHandler();
        if (thingHandler != null) {
            removeHandler(thingHandler);
        }
    }

    protected void removeHandler(ThingHandler thingHandler) {
        // can be overridden by subclasses
    }

    @Override
    public void removeThing(ThingUID thingUID) {
        // can be overridden by subclasses
    }

    protected @Nullable ThingType getThingTypeByUID(ThingTypeUID thingTypeUID) {
        throw new UnsupportedOperationException(UNAVAILABLE);
    }

    protected @Nullable Thing createThing(ThingTypeUID thingTypeUID, Configuration configuration, ThingUID thingUID) {
        throw new UnsupportedOperationException(UNAVAILABLE);
    }

    @Override
    public @Nullable Thing createThing(ThingTypeUID thingTypeUID, Configuration configuration,
            @Nullable ThingUID thingUID, @Nullable ThingUID bridgeUID) {
        throw new UnsupportedOperationException(UNAVAILABLE);
    }

    protected @Nullable ConfigDescriptionRegistry getConfigDescriptionRegistry() {
        throw new UnsupportedOperationException(UNAVAILABLE);
    }
}
