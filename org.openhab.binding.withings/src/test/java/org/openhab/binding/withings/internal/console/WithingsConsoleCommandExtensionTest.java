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
package org.openhab.binding.withings.internal.console;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.Mockito.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.servlet.AccountLinking;
import org.openhab.binding.withings.internal.handler.WithingsAccountHandler;
import org.openhab.binding.withings.internal.WithingsAccountTracker;
import org.openhab.core.io.console.Console;

/**
 * Tests the {@code withings} console command's dispatch (listing with linked users is covered by
 * {@code WithingsConsoleListTest} in the handler package).
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsConsoleCommandExtensionTest {

    private final List<String> lines = new ArrayList<>();
    private @NonNullByDefault({}) Console console;
    private @NonNullByDefault({}) WithingsAccountTracker tracker;
    private @NonNullByDefault({}) WithingsConsoleCommandExtension command;

    @BeforeEach
    void setUp() {
        console = mock(Console.class);
        doAnswer(inv -> lines.add(inv.getArgument(0))).when(console).println(anyString());
        tracker = mock(WithingsAccountTracker.class);
        command = new WithingsConsoleCommandExtension(tracker);
    }

    @Test
    void describesItself() {
        assertEquals("withings", command.getCommand());
        assertEquals(3, command.getUsages().size());
    }

    @Test
    void listWithoutBridges() {
        when(tracker.accounts()).thenReturn(List.of());
        command.execute(new String[] { "list" }, console);
        assertEquals(List.of("No running Withings account bridge."), lines);
    }

    @Test
    void syncAndUnlinkGoToTheBridge() {
        WithingsAccountHandler handler = mock(WithingsAccountHandler.class);
        when(tracker.account("home")).thenReturn(Optional.of(handler));
        when(tracker.account("other")).thenReturn(Optional.empty());
        when(handler.requestSync("1")).thenReturn(true);
        AccountLinking linking = mock(AccountLinking.class);
        when(handler.linking()).thenReturn(linking);
        when(linking.unlink("2")).thenReturn(false);

        command.execute(new String[] { "sync", "home", "1" }, console);
        command.execute(new String[] { "unlink", "home", "2" }, console);
        command.execute(new String[] { "sync", "other", "1" }, console);

        verify(handler).requestSync("1");
        verify(linking).unlink("2");
        assertEquals(List.of("Sync of Withings user 1 requested.", "Withings user 2 is not linked to bridge home",
                "No running Withings account bridge other"), lines);
    }

    @Test
    void wrongArgumentsPrintTheUsage() {
        command.execute(new String[] { "sync", "home" }, console);
        verify(console, atLeastOnce()).printUsage(anyString());
    }
}
