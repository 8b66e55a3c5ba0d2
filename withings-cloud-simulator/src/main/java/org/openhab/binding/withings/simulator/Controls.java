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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import com.google.gson.JsonObject;

/**
 * The control API of a running simulator, in Java (the HTTP control API under {@code /_sim/} mirrors it). Data
 * added here is stamped with the simulator's clock as {@code created}/{@code modified}, so an incremental
 * {@code lastupdate} sync sees it, and it triggers the matching notification to every subscribed callback of the
 * user. Each {@code add…}/{@code setInBed} call returns a future that completes (on the simulator's own delivery
 * thread) with the deliveries it caused: an empty list when nobody is subscribed. Thread-safe.
 *
 * @author Withings binding contributors - Initial contribution
 */
public final class Controls {

    private final SimCore core;

    Controls(SimCore core) {
        this.core = core;
    }

    private void check(long userid) {
        if (!core.data.hasUser(userid)) {
            throw new IllegalArgumentException("no simulated user " + userid);
        }
    }

    private static int appliFor(List<SimMeasure> measures) {
        boolean body = false;
        boolean temperature = false;
        boolean heart = false;
        boolean ecg = false;
        for (SimMeasure m : measures) {
            switch (m.type()) {
                case 9, 10, 11, 54 -> heart = true;
                case 12, 71, 73 -> temperature = true;
                case 130, 135, 136, 137, 138, 139 -> ecg = true;
                default -> body = true;
            }
        }
        return body ? 1 : ecg ? 54 : heart ? 4 : temperature ? 2 : 1;
    }

    /**
     * Adds a measure group (category 1) and notifies appli 1 (body), 2 (temperature only), 4 (BP/pulse/SpO2 only)
     * or 54 (ECG).
     *
     * @param userid the user
     * @param date when it was measured
     * @param attrib the attribution (0 device, 1 ambiguous, 2 manual, ...)
     * @param measures the measures
     * @return the deliveries caused
     */
    public CompletableFuture<List<Delivery>> addMeasures(long userid, Instant date, int attrib,
            List<SimMeasure> measures) {
        check(userid);
        if (measures.isEmpty()) {
            throw new IllegalArgumentException("a measure group needs at least one measure");
        }
        JsonObject g = core.data.addMeasureGroup(userid, date, attrib, measures, core.clock.instant());
        Map<String, String> form = form(userid, appliFor(measures));
        form.put("startdate", Long.toString(date.getEpochSecond()));
        form.put("enddate", Long.toString(date.getEpochSecond() + 1));
        if (!g.get("deviceid").isJsonNull()) {
            form.put("deviceid", g.get("deviceid").getAsString());
        }
        return core.notifier.notify(userid, appliFor(measures), form);
    }

    /** Adds a device measure group (attrib 0) with the given measures; see {@link #addMeasures}. */
    public CompletableFuture<List<Delivery>> addMeasure(long userid, Instant date, SimMeasure... measures) {
        return addMeasures(userid, date, 0, List.of(measures));
    }

    /** Adds a weighing (meastype 1, grams with unit -3) by the user's scale and notifies appli 1. */
    public CompletableFuture<List<Delivery>> addWeighing(long userid, double kg, Instant date) {
        return addMeasures(userid, date, 0, List.of(new SimMeasure(1, Math.round(kg * 1000), -3)));
    }

    /** Adds a night (summary with every data field) ending at {@code wakeTime} and notifies appli 44. */
    public CompletableFuture<List<Delivery>> addSleep(long userid, Instant bedTime, Instant wakeTime) {
        check(userid);
        core.data.addSleep(userid, bedTime, wakeTime, core.clock.instant());
        Map<String, String> form = form(userid, 44);
        form.put("startdate", Long.toString(bedTime.getEpochSecond()));
        form.put("enddate", Long.toString(wakeTime.getEpochSecond()));
        return core.notifier.notify(userid, 44, form);
    }

    /** Sets (replaces) the activity of a local day with the given steps and notifies appli 16. */
    public CompletableFuture<List<Delivery>> addActivity(long userid, LocalDate day, int steps) {
        check(userid);
        core.data.addActivity(userid, day, steps, core.clock.instant());
        Map<String, String> form = form(userid, 16);
        form.put("startdate", Long.toString(day.atStartOfDay(SimData.ZONE).toEpochSecond()));
        ZonedDateTime end = day.plusDays(1).atStartOfDay(SimData.ZONE);
        form.put("enddate", Long.toString(end.toEpochSecond() - 1));
        form.put("date", day.toString());
        return core.notifier.notify(userid, 16, form);
    }

    /** Adds a workout of the given category (1 walk, 2 run, 6 cycling, 7 swimming, ...) and notifies appli 16. */
    public CompletableFuture<List<Delivery>> addWorkout(long userid, int category, Instant start, Instant end) {
        check(userid);
        core.data.addWorkout(userid, category, start, end, core.clock.instant());
        Map<String, String> form = form(userid, 16);
        form.put("startdate", Long.toString(start.getEpochSecond()));
        form.put("enddate", Long.toString(end.getEpochSecond()));
        form.put("date", LocalDate.ofInstant(start, SimData.ZONE).toString());
        return core.notifier.notify(userid, 16, form);
    }

    /**
     * Puts the user in bed (appli 50) or out of bed (appli 51): only a notification, no data. Delivered only to
     * subscriptions made with a token holding {@code user.sleepevents}.
     */
    public CompletableFuture<List<Delivery>> setInBed(long userid, boolean inBed) {
        check(userid);
        int appli = inBed ? 50 : 51;
        Map<String, String> form = form(userid, appli);
        form.put("date", Long.toString(core.clock.instant().getEpochSecond()));
        String device = core.data.firstDeviceId(userid);
        if (device != null) {
            form.put("deviceid", device);
        }
        return core.notifier.notify(userid, appli, form);
    }

    /** Sends a raw notification (e.g. appli 46 with {@code action=unlink}); {@code extra} is appended to the form. */
    public CompletableFuture<List<Delivery>> sendNotification(long userid, int appli, Map<String, String> extra) {
        check(userid);
        Map<String, String> form = form(userid, appli);
        form.putAll(extra);
        return core.notifier.notify(userid, appli, form);
    }

    private static Map<String, String> form(long userid, int appli) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("userid", Long.toString(userid));
        form.put("appli", Integer.toString(appli));
        return form;
    }

    /** Revokes every token and code of the user and removes the user's subscriptions (as Withings' revoke). */
    public void revokeTokens(long userid) {
        check(userid);
        core.tokens.revoke(userid);
        core.notifier.revokeAll(userid);
    }

    /** @return the scopes of the user's live access tokens */
    public Set<String> grantedScopes(long userid) {
        return core.tokens.grantedScopes(userid);
    }

    /** @return the API requests answered with 601 because the application's quota was exceeded */
    public long quotaRefusals() {
        return core.quota.refused();
    }

    /** @return every request received on the API and OAuth paths, oldest first */
    public List<RecordedRequest> requests() {
        return core.log.all();
    }

    /**
     * @param path e.g. {@code /measure}, or null for any
     * @param action e.g. {@code getmeas}, or null for any
     * @param userid the user, or 0 for any
     * @return how many such requests were received
     */
    public long requestCount(String path, String action, long userid) {
        return core.log.count(path, action, userid);
    }

    /** @return every notification delivery (successful or not), oldest first */
    public List<Delivery> notificationsDelivered() {
        return core.notifier.deliveries();
    }

    /**
     * Waits until at least {@code n} deliveries were made since start or {@link #reset()}.
     *
     * @return all deliveries so far
     * @throws TimeoutException when fewer arrived in time
     * @throws InterruptedException when interrupted
     */
    public List<Delivery> awaitDeliveries(int n, Duration timeout) throws TimeoutException, InterruptedException {
        return core.notifier.awaitDeliveries(n, timeout);
    }

    /** @return the user's current subscriptions */
    public List<Subscription> subscriptions(long userid) {
        return core.notifier.list(userid, null);
    }

    /** Activates a fault; {@link FaultSpec.Kind#REFUSE} stops listening at once for its period. */
    public void injectFault(FaultSpec fault) {
        if (fault.kind() == FaultSpec.Kind.REFUSE) {
            core.refuser.accept(fault.delay());
        } else {
            core.faults.add(fault);
        }
    }

    /** @return the faults still active */
    public List<FaultSpec> faults() {
        return core.faults.active();
    }

    /** Removes every active fault (a refused connector listens again). */
    public void clearFaults() {
        core.faults.clear();
        core.refuser.accept(Duration.ZERO);
    }

    /**
     * Back to the start state: history regenerated from the seed (at the clock's current time), codes, tokens,
     * subscriptions, deliveries, recorded requests and faults cleared.
     */
    public void reset() {
        clearFaults();
        core.data.generate(core.clock.instant());
        core.tokens.clear();
        core.notifier.clear();
        core.log.clear();
    }

    /** @return the number of generated and added items per data type of a user */
    public Map<String, Integer> dataCounts(long userid) {
        check(userid);
        return core.data.counts(userid);
    }
}
