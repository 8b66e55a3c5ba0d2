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
package org.openhab.core.library;

import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.i18n.UnitProvider;
import org.openhab.core.items.GenericItem;
import org.openhab.core.items.ItemFactory;

/**
 * Compile-time stand-in mirroring org.openhab.core.library.CoreItemFactory of openHAB core 5.2.1; never shipped.
 * Only the item type names are usable.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class CoreItemFactory implements ItemFactory {

    public static final String CALL = "Call";
    public static final String COLOR = "Color";
    public static final String CONTACT = "Contact";
    public static final String DATETIME = "DateTime";
    public static final String DIMMER = "Dimmer";
    public static final String IMAGE = "Image";
    public static final String LOCATION = "Location";
    public static final String NUMBER = "Number";
    public static final String PLAYER = "Player";
    public static final String ROLLERSHUTTER = "Rollershutter";
    public static final String STRING = "String";
    public static final String SWITCH = "Switch";

    public static final Set<String> VALID_ITEM_TYPES = Set.of(CALL, COLOR, CONTACT, DATETIME, DIMMER, IMAGE, LOCATION,
            NUMBER, PLAYER, ROLLERSHUTTER, STRING, SWITCH);

    public CoreItemFactory(UnitProvider unitProvider) {
    }

    @Override
    public @Nullable GenericItem createItem(@Nullable String itemTypeName, String itemName) {
        throw new UnsupportedOperationException("compile-time stand-in of openHAB core: not available at runtime");
    }

    @Override
    public String[] getSupportedItemTypes() {
        return VALID_ITEM_TYPES.toArray(String[]::new);
    }
}
