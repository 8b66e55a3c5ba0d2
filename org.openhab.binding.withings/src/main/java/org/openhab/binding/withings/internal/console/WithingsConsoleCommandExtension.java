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

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.withings.internal.api.WithingsClient;
import org.openhab.binding.withings.internal.api.WithingsRateLimiter;
import org.openhab.binding.withings.internal.WithingsBindingConstants;
import org.openhab.binding.withings.internal.handler.WithingsAccountHandler;
import org.openhab.binding.withings.internal.WithingsAccountTracker;
import org.openhab.binding.withings.internal.servlet.AccountLinking.LinkedUserView;
import org.openhab.core.io.console.Console;
import org.openhab.core.io.console.extensions.AbstractConsoleCommandExtension;
import org.openhab.core.io.console.extensions.ConsoleCommandExtension;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Console command {@code withings}: lists the account bridges with their linked users, token expiry (never the
 * token), webhook state, last API status and rate-limiter counters; forces a sync of a user; unlinks a user.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
@Component(service = ConsoleCommandExtension.class)
public class WithingsConsoleCommandExtension extends AbstractConsoleCommandExtension {

    static final String LIST = "list";
    static final String SYNC = "sync";
    static final String UNLINK = "unlink";

    private final WithingsAccountTracker tracker;

    @Activate
    public WithingsConsoleCommandExtension(@Reference WithingsAccountTracker tracker) {
        super("withings", "Withings accounts: linked users, tokens, webhooks; force a sync.");
        this.tracker = tracker;
    }

    @Override
    public List<String> getUsages() {
        return List.of(buildCommandUsage(LIST, "list account bridges, linked users, token expiry and webhooks"),
                buildCommandUsage(SYNC + " <bridgeId> <userId>", "fetch everything of a user now"),
                buildCommandUsage(UNLINK + " <bridgeId> <userId>",
                        "unlink a user: revoke its subscriptions and delete its tokens"));
    }

    @Override
    public void execute(String[] args, Console console) {
        if (args.length == 0 || LIST.equals(args[0])) {
            list(console);
        } else if (SYNC.equals(args[0]) && args.length == 3) {
            withAccount(args[1], console, account -> console.println(account.requestSync(args[2])
                    ? "Sync of Withings user " + args[2] + " requested."
                    : "Withings user " + args[2] + " has no running user Thing on bridge " + args[1]));
        } else if (UNLINK.equals(args[0]) && args.length == 3) {
            withAccount(args[1], console, account -> console.println(account.linking().unlink(args[2])
                    ? "Withings user " + args[2] + " unlinked."
                    : "Withings user " + args[2] + " is not linked to bridge " + args[1]));
        } else {
            printUsage(console);
        }
    }

    /** Runs the action with the running bridge of that id or UID, or says there is none. */
    private void withAccount(String bridge, Console console, Consumer<WithingsAccountHandler> action) {
        Optional<WithingsAccountHandler> account = tracker.account(bridge);
        if (account.isEmpty()) {
            console.println("No running Withings account bridge " + bridge);
        } else {
            action.accept(account.get());
        }
    }

    private void list(Console console) {
        List<WithingsAccountHandler> accounts = tracker.accounts();
        if (accounts.isEmpty()) {
            console.println("No running Withings account bridge.");
            return;
        }
        for (WithingsAccountHandler account : accounts) {
            console.println("Bridge " + account.getThing().getUID() + " (" + account.linking().bridgeLabel() + "): "
                    + account.getThing().getStatus() + ", linking page " + WithingsBindingConstants.CONNECT_PATH + account.bridgeId());
            WithingsClient client = null;
            try {
                client = account.client();
            } catch (IllegalStateException e) {
                console.println("  not running");
            }
            if (client != null) {
                WithingsRateLimiter limiter = client.getRateLimiter();
                console.println("  requests: " + limiter.getTotalRequests() + " total, "
                        + limiter.getCurrentWindowCount() + " in the last minute (limit " + limiter.getMaxPerMinute()
                        + "), " + limiter.getTotalRefusals() + " deferred, " + limiter.getTotalPauses()
                        + " pauses" + limiter.getPausedUntil().map(t -> ", paused until " + time(t)).orElse(""));
            }
            List<LinkedUserView> users = account.linking().linkedUsers();
            if (users.isEmpty()) {
                console.println("  no linked user");
            }
            for (LinkedUserView user : users) {
                console.println("  user " + user.userId() + ": token " + user.tokenState()
                        + (user.tokenExpires() != null ? ", expires " + time(user.tokenExpires()) : "")
                        + ", scopes " + (user.grantedScope().isEmpty() ? "unknown" : user.grantedScope())
                        + (user.missingScopes().isEmpty() ? "" : " (missing " + String.join(",", user.missingScopes())
                                + ")"));
                console.println("    webhooks: " + user.webhooks() + "; last data: " + time(user.lastData())
                        + "; last API status: " + account.lastApiStatus(user.userId()));
            }
        }
    }

    private static String time(@Nullable Instant instant) {
        return instant == null ? "unknown"
                : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
