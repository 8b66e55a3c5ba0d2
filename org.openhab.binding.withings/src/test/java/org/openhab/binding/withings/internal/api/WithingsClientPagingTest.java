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
package org.openhab.binding.withings.internal.api;

import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.withings.internal.api.FixtureServer.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.dto.HeartSeries;
import org.openhab.binding.withings.internal.dto.IntradayData;
import org.openhab.binding.withings.internal.dto.MeasureGroup;
import org.openhab.binding.withings.internal.dto.SleepSeries;
import org.openhab.binding.withings.internal.handler.OutputCapture;

/**
 * Paging (getmeas' integer {@code more}, the v2 services' boolean {@code more}), the page bound, and the splitting
 * of long windows into 24 h / 7 day calls.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class WithingsClientPagingTest extends ClientTestBase {

    private static final String GROUP = "{\"grpid\":%d,\"attrib\":0,\"date\":%d,\"category\":1,"
            + "\"measures\":[{\"value\":%d,\"type\":1,\"unit\":-3}]}";

    @Test
    void getmeasFollowsIntegerMoreAndKeepsFirstUpdateTime() throws Exception {
        server().stub("/measure", "getmeas", ok("{\"updatetime\":1700000100,\"timezone\":\"Europe/Paris\","
                + "\"more\":1,\"offset\":1,\"measuregrps\":[" + String.format(GROUP, 1, 1699990000, 70500) + "]}"));
        server().stubPage("/measure", "getmeas", "1", ok("{\"updatetime\":1700000200,\"more\":true,\"offset\":2,"
                + "\"measuregrps\":[" + String.format(GROUP, 2, 1699991000, 70600) + "]}"));
        server().stubPage("/measure", "getmeas", "2", ok("{\"updatetime\":1700000300,\"more\":0,\"offset\":0,"
                + "\"measuregrps\":[" + String.format(GROUP, 3, 1699992000, 70700) + "]}"));

        MeasureResult result = client().getMeasures(tokens, MeasureQuery.since(Instant.ofEpochSecond(1699000000)));

        assertEquals(3, result.groups().size());
        assertEquals(List.of(1L, 2L, 3L), result.groups().stream().map(g -> g.grpid).toList());
        assertEquals(1700000100L, result.updateTime());
        assertEquals("Europe/Paris", result.timezone());
        assertTrue(result.complete());
        List<FixtureServer.Recorded> requests = server().requests("/measure", "getmeas");
        assertEquals(3, requests.size());
        assertNull(requests.get(0).param("offset"));
        assertEquals("1", requests.get(1).param("offset"));
        assertEquals("2", requests.get(2).param("offset"));
        // every page keeps the query
        assertTrue(requests.stream().allMatch(r -> "1699000000".equals(r.param("lastupdate"))));
    }

    @Test
    void normalizedGroupsAreUniqueAndSortedByDate() throws Exception {
        String edited = "{\"grpid\":2,\"attrib\":0,\"date\":1699991000,\"modified\":1699999999,\"category\":1,"
                + "\"measures\":[{\"value\":70650,\"type\":1,\"unit\":-3}]}";
        server().stub("/measure", "getmeas", ok("{\"updatetime\":1700000100,\"more\":0,\"measuregrps\":["
                + String.format(GROUP, 3, 1699992000, 70700) + "," + edited + ","
                + String.format(GROUP, 1, 1699990000, 70500) + "," + String.format(GROUP, 2, 1699991000, 70600)
                + "]}"));
        MeasureResult result = client().getMeasures(tokens, MeasureQuery.all());
        assertEquals(4, result.groups().size());
        List<MeasureGroup> normalized = result.normalizedGroups();
        assertEquals(List.of(1L, 2L, 3L), normalized.stream().map(g -> g.grpid).toList());
        assertEquals(70650L, normalized.get(1).measures.get(0).value);
    }

    @Test
    void pageBoundStopsPagingAndReportsIncomplete() throws Exception {
        client = newClient(3, Duration.ofSeconds(10));
        for (int i = 0; i < 10; i++) {
            server().stubPage("/v2/heart", "list", i == 0 ? null : Integer.toString(i * 10),
                    ok("{\"series\":[{\"deviceid\":\"d\",\"heart_rate\":" + (60 + i) + ",\"timestamp\":" + i
                            + ",\"ecg\":{\"signalid\":" + i + ",\"afib\":0},"
                            + "\"bloodpressure\":{\"diastole\":80,\"systole\":120}}],\"more\":true,\"offset\":"
                            + ((i + 1) * 10) + "}"));
        }
        List<HeartSeries> series;
        try (OutputCapture output = new OutputCapture(WithingsClient.class)) {
            series = client().getHeartList(tokens, null, null);
            if (output.debugEnabled()) {
                assertTrue(output.text().contains("/v2/heart list: page limit of 3 reached"), output.text());
            }
        }
        assertEquals(3, series.size());
        assertEquals(3, server().requests("/v2/heart", "list").size());
        assertEquals(62, series.get(2).heartRate);
        assertEquals(120, series.get(0).bloodpressure.systole);
        assertEquals(0, series.get(0).ecg.afib);
    }

    @Test
    void heartListPagingWithWindow() throws Exception {
        server().stub("/v2/heart", "list", ok("{\"series\":[{\"heart_rate\":70,\"timestamp\":1,"
                + "\"timezone\":\"Europe/Paris\",\"model\":44}],\"more\":true,\"offset\":1}"));
        server().stubPage("/v2/heart", "list", "1",
                ok("{\"series\":[{\"heart_rate\":71,\"timestamp\":2}],\"more\":false}"));
        List<HeartSeries> series = client().getHeartList(tokens, Instant.ofEpochSecond(1000),
                Instant.ofEpochSecond(2000));
        assertEquals(2, series.size());
        assertEquals(44, series.get(0).model);
        assertEquals("1000", server().requests().get(1).param("startdate"));
        assertEquals("2000", server().requests().get(1).param("enddate"));
        assertEquals("1", server().requests().get(1).param("offset"));
    }

    @Test
    void moreWithoutAdvancingOffsetStops() throws Exception {
        server().stub("/v2/measure", "getactivity",
                ok("{\"activities\":[{\"date\":\"2024-01-01\",\"steps\":1}],\"more\":true,\"offset\":0}"));
        assertEquals(1, client().getActivity(tokens, DateQuery.since(Instant.ofEpochSecond(1))).size());
        assertEquals(1, server().requests().size());
    }

    @Test
    void intradaySplitIntoDayWindows() throws Exception {
        server().stub("/v2/measure", "getintradayactivity",
                ok("{\"series\":{\"1700000000\":{\"steps\":12,\"heart_rate\":80,\"model\":\"ScanWatch\"},"
                        + "\"1700000060\":{\"steps\":3}}}"));
        Instant start = Instant.ofEpochSecond(1700000000);

        SortedMap<Long, IntradayData> data = client().getIntradayActivity(tokens, start,
                start.plus(Duration.ofHours(48)));
        assertEquals(2, server().requests().size());
        assertEquals(12, data.get(1700000000L).steps);
        assertEquals(80, data.get(1700000000L).heartRate);
        assertEquals(2, data.size());
        List<FixtureServer.Recorded> requests = server().requests();
        assertEquals("1700000000", requests.get(0).param("startdate"));
        assertEquals("1700086400", requests.get(0).param("enddate"));
        assertEquals("1700086400", requests.get(1).param("startdate"));
        assertEquals("1700172800", requests.get(1).param("enddate"));
        assertEquals(WithingsClient.INTRADAY_FIELDS, requests.get(0).param("data_fields"));

        client().getIntradayActivity(tokens, start, start.plus(Duration.ofHours(49)));
        assertEquals(2 + 3, server().requests().size());
        client().getIntradayActivity(tokens, start, start.plus(Duration.ofHours(24)));
        assertEquals(2 + 3 + 1, server().requests().size());
        client().getIntradayActivity(tokens, start, start);
        assertEquals(6, server().requests().size());
    }

    @Test
    void sleepGetSplitIntoDayWindows() throws Exception {
        server().stub("/v2/sleep", "get", ok("{\"series\":[{\"startdate\":1700000000,\"enddate\":1700000600,"
                + "\"state\":2,\"hr\":{\"1700000000\":55},\"rr\":{\"1700000000\":14}}]}"));
        Instant start = Instant.ofEpochSecond(1700000000);
        List<SleepSeries> series = client().getSleep(tokens, start, start.plus(Duration.ofHours(30)));
        assertEquals(2, server().requests("/v2/sleep", "get").size());
        assertEquals(2, series.size());
        assertEquals(2, series.get(0).state);
        assertEquals(55.0, series.get(0).hr.get("1700000000"));
        assertEquals(WithingsClient.SLEEP_FIELDS, server().requests().get(0).param("data_fields"));
        assertEquals("1700108000", server().requests().get(1).param("enddate"));
    }

    @Test
    void sleepSummarySplitIntoSevenDayWindows() throws Exception {
        server().stub("/v2/sleep", "getsummary", ok("{\"series\":[],\"more\":false,\"offset\":0}"));
        client().getSleepSummaries(tokens, DateQuery.days(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 30)));
        List<FixtureServer.Recorded> requests = server().requests();
        assertEquals(5, requests.size());
        assertEquals("2024-01-01", requests.get(0).param("startdateymd"));
        assertEquals("2024-01-07", requests.get(0).param("enddateymd"));
        assertEquals("2024-01-08", requests.get(1).param("startdateymd"));
        assertEquals("2024-01-29", requests.get(4).param("startdateymd"));
        assertEquals("2024-01-30", requests.get(4).param("enddateymd"));
        assertTrue(requests.stream().allMatch(r -> WithingsClient.SLEEP_SUMMARY_FIELDS.equals(r.param("data_fields"))));

        client().getSleepSummaries(tokens, DateQuery.days(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 7)));
        assertEquals(6, server().requests().size());
        client().getSleepSummaries(tokens, DateQuery.days(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 8)));
        assertEquals(8, server().requests().size());
        client().getSleepSummaries(tokens, DateQuery.since(Instant.ofEpochSecond(1)));
        assertEquals(9, server().requests().size());
    }

    @Test
    void windowSplitting() {
        Instant start = Instant.ofEpochSecond(0);
        assertEquals(0, WithingsClient.splitWindow(start, start, Duration.ofHours(24)).size());
        assertEquals(1, WithingsClient.splitWindow(start, start.plusSeconds(1), Duration.ofHours(24)).size());
        assertEquals(1, WithingsClient.splitWindow(start, start.plus(Duration.ofHours(24)), Duration.ofHours(24))
                .size());
        assertEquals(7, WithingsClient.splitWindow(start, start.plus(Duration.ofDays(7)), Duration.ofHours(24))
                .size());
    }

    @Test
    void queriesRejectMixingLastUpdateAndWindows() {
        assertThrows(IllegalArgumentException.class,
                () -> new MeasureQuery(null, null, Instant.EPOCH, null, Instant.EPOCH));
        assertThrows(IllegalArgumentException.class,
                () -> new DateQuery(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2), Instant.EPOCH));
        assertThrows(IllegalArgumentException.class,
                () -> DateQuery.days(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 1)));
    }
}
