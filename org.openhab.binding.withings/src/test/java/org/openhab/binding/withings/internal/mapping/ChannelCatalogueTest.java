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
package org.openhab.binding.withings.internal.mapping;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.measure.Unit;
import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.api.MeasureType;
import org.openhab.binding.withings.internal.dto.Activity;
import org.openhab.binding.withings.internal.dto.Device;
import org.openhab.binding.withings.internal.dto.GoalWeight;
import org.openhab.binding.withings.internal.dto.Goals;
import org.openhab.binding.withings.internal.dto.IntradayData;
import org.openhab.binding.withings.internal.dto.SleepSeries;
import org.openhab.binding.withings.internal.dto.SleepSummary;
import org.openhab.binding.withings.internal.dto.SleepSummaryData;
import org.openhab.binding.withings.internal.dto.Workout;
import org.openhab.binding.withings.internal.dto.WorkoutData;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.library.unit.SIUnits;
import org.openhab.core.library.unit.Units;
import org.openhab.core.types.State;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import com.google.gson.JsonParser;

/**
 * Ties the mappers to the OH-INF channel declarations: every channel of a group (and of the device Thing) is produced
 * by a mapper (no declared channel stays without updates, no mapper writes an undeclared channel), and the state
 * each mapper produces fits the channel type's item type (a {@code Number:Time} channel receives a time quantity, a
 * plain {@code Number} a {@link DecimalType}, and so on). Presence is published by the user handler and not checked here.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class ChannelCatalogueTest {

    private static final Path THING_XML = Path.of("src/main/resources/OH-INF/thing");
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    /** group id → channel ids (in XML order). */
    private static final Map<String, Set<String>> GROUP_CHANNELS = new HashMap<>();
    /** group id → channel id → channel type id. */
    private static final Map<String, Map<String, String>> GROUP_TYPES = new HashMap<>();
    /** channel type id → item type (or "trigger"). */
    private static final Map<String, String> ITEM_TYPES = new HashMap<>();
    /** device channel id → item type. */
    private static final Map<String, String> DEVICE_ITEM_TYPES = new HashMap<>();

    @BeforeAll
    static void load() throws Exception {
        Map<String, String> groupTypeByGroup = new HashMap<>();
        for (Element group : elements(parse("user.xml"), "channel-group")) {
            groupTypeByGroup.put(group.getAttribute("typeId"), group.getAttribute("id"));
        }
        for (Element groupType : elements(parse("channel-groups.xml"), "channel-group-type")) {
            String group = groupTypeByGroup.get(groupType.getAttribute("id"));
            assertNotNull(group, "group type not used by the user Thing: " + groupType.getAttribute("id"));
            Set<String> ids = new LinkedHashSet<>();
            Map<String, String> types = new HashMap<>();
            for (Element channel : elements(groupType, "channel")) {
                ids.add(channel.getAttribute("id"));
                types.put(channel.getAttribute("id"), channel.getAttribute("typeId"));
            }
            GROUP_CHANNELS.put(group, ids);
            GROUP_TYPES.put(group, types);
        }
        for (Element channelType : elements(parse("channel-types.xml"), "channel-type")) {
            List<Element> itemType = elements(channelType, "item-type");
            ITEM_TYPES.put(channelType.getAttribute("id"),
                    itemType.isEmpty() ? "trigger" : itemType.get(0).getTextContent().trim());
        }
        for (Element channel : elements(parse("device.xml"), "channel")) {
            String typeId = channel.getAttribute("typeId");
            String itemType = switch (typeId) {
                case "system.battery-level" -> "Number";
                case "system.low-battery" -> "Switch";
                default -> ITEM_TYPES.get(typeId);
            };
            assertNotNull(itemType, "unknown channel type " + typeId);
            DEVICE_ITEM_TYPES.put(channel.getAttribute("id"), itemType);
        }
    }

    @Test
    void everyChannelTypeIsUsedAndEveryUsedTypeIsDeclared() throws Exception {
        Set<String> used = new TreeSet<>();
        GROUP_TYPES.values().forEach(types -> used.addAll(types.values()));
        for (Element channel : elements(parse("device.xml"), "channel")) {
            if (!channel.getAttribute("typeId").startsWith("system.")) {
                used.add(channel.getAttribute("typeId"));
            }
        }
        assertEquals(new TreeSet<>(ITEM_TYPES.keySet()), used);
    }

    @Test
    void bodyAndHeartChannelsAreTheMeasureCatalogue() {
        Set<String> body = new TreeSet<>(MeasureType.channelIds(MeasureType.GROUP_BODY));
        body.add("bmi");
        body.add(MeasureMapper.LAST_MEASURED);
        assertEquals(new TreeSet<>(GROUP_CHANNELS.get("body")), body);
        Set<String> heart = new TreeSet<>(MeasureType.channelIds(MeasureType.GROUP_HEART));
        heart.add(MeasureMapper.LAST_MEASURED);
        assertEquals(new TreeSet<>(GROUP_CHANNELS.get("heart")), heart);
    }

    @Test
    void everyMeasureTypeFitsItsChannelType() {
        List<String> bad = new ArrayList<>();
        for (MeasureType type : MeasureType.values()) {
            for (String channel : type.isSegmental() ? segmentChannels(type) : List.of(type.channelId())) {
                String itemType = itemTypeOf(type.group(), channel);
                if (!itemType.equals(type.itemType())) {
                    bad.add(channel + ": catalogue says " + type.itemType() + ", XML says " + itemType);
                }
                State state = MeasureMapper.toState(type, new BigDecimal("12.5"));
                checkFits(bad, type.group() + "#" + channel, itemType, state);
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void afibLabelsAreTheStateOptionsOfTheChannelTypes() throws Exception {
        for (Element channelType : elements(parse("channel-types.xml"), "channel-type")) {
            String id = channelType.getAttribute("id");
            if ("afib-result".equals(id) || "afib-ppg-result".equals(id)) {
                Map<Integer, String> options = new LinkedHashMap<>();
                for (Element option : elements(channelType, "option")) {
                    options.put(Integer.valueOf(option.getAttribute("value")), option.getTextContent().trim());
                }
                assertEquals(MeasureType.AFIB_LABELS, options, id);
            }
        }
    }

    @Test
    void sleepMapperPublishesExactlyTheSleepGroup() throws Exception {
        SleepSummary night = filled(new SleepSummary());
        night.timezone = ZONE.getId();
        night.data = filled(new SleepSummaryData());
        night.data.sleepEfficiency = 0.9;
        night.data.nightEvents = JsonParser.parseString("{\"1\":[0],\"2\":[600],\"3\":[27000]}");
        SleepSeries segment = new SleepSeries();
        segment.startdate = 1_764_000_000L;
        segment.state = 3;
        ChannelData data = SleepMapper.values(night, ZONE);
        data.merge(SleepStageMapper.map(List.of(segment), night));
        assertGroup("sleep", data);
        Set<String> published = new TreeSet<>(SleepMapper.CHANNELS);
        published.add(SleepStageMapper.CHANNEL.substring("sleep#".length()));
        assertEquals(new TreeSet<>(GROUP_CHANNELS.get("sleep")), published);
    }

    @Test
    void activityMapperPublishesExactlyTheActivityGroup() throws Exception {
        Activity activity = filled(new Activity());
        activity.timezone = ZONE.getId();
        activity.date = "2026-11-24";
        IntradayData point = new IntradayData();
        point.steps = 120;
        point.heartRate = 88;
        ChannelData data = ActivityMapper.map(activity, ZONE);
        data.merge(IntradayMapper.map(new TreeMap<>(Map.of(1_764_000_000L, point))));
        assertGroup("activity", data);
        Set<String> intraday = new TreeSet<>();
        IntradayMapper.CHANNELS.forEach(c -> intraday.add(c.substring("activity#".length())));
        Set<String> daily = new TreeSet<>(GROUP_CHANNELS.get("activity"));
        daily.removeAll(intraday);
        assertEquals(daily, new TreeSet<>(ActivityMapper.CHANNELS));
        // no record for today: every daily channel of the group is set (UNDEF)
        assertEquals(daily, ids("activity", ActivityMapper.map(null, ZONE)));
    }

    @Test
    void workoutMapperPublishesExactlyTheWorkoutGroup() throws Exception {
        Workout workout = filled(new Workout());
        workout.timezone = ZONE.getId();
        workout.startdate = 1_764_000_000L;
        workout.enddate = 1_764_003_600L;
        workout.data = filled(new WorkoutData());
        ChannelData data = WorkoutMapper.values(workout, ZONE);
        Set<String> expected = new TreeSet<>(GROUP_CHANNELS.get("workout"));
        // the trigger channel is fired by the handler for WorkoutMapper.Result#newWorkouts
        assertTrue(expected.remove(WorkoutMapper.TRIGGER.substring(WorkoutMapper.TRIGGER.indexOf('#') + 1)));
        assertEquals("trigger", ITEM_TYPES.get("new-workout"));
        assertEquals(expected, ids("workout", data));
        assertEquals(expected, new TreeSet<>(WorkoutMapper.CHANNELS));
        checkStates("workout", data);
    }

    @Test
    void goalsMapperPublishesExactlyTheGoalsGroup() throws Exception {
        Goals goals = filled(new Goals());
        GoalWeight weight = new GoalWeight();
        weight.value = 70500L;
        weight.unit = -3;
        goals.weight = weight;
        assertGroup("goals", GoalsMapper.map(Optional.of(goals)));
        assertEquals(new TreeSet<>(GROUP_CHANNELS.get("goals")), ids("goals", GoalsMapper.map(Optional.empty())));
    }

    @Test
    void deviceMapperPublishesExactlyTheDeviceChannels() throws Exception {
        Device device = filled(new Device());
        device.timezone = ZONE.getId();
        device.battery = "low";
        ChannelData data = DeviceMapper.map(device, ZONE);
        assertEquals(new TreeSet<>(DEVICE_ITEM_TYPES.keySet()), new TreeSet<>(data.states().keySet()));
        List<String> bad = new ArrayList<>();
        data.states().forEach((channel, state) -> checkFits(bad, channel, DEVICE_ITEM_TYPES.get(channel), state));
        assertEquals(List.of(), bad);
    }

    private static void assertGroup(String group, ChannelData data) {
        assertEquals(new TreeSet<>(GROUP_CHANNELS.get(group)), ids(group, data), "channels of group " + group);
        checkStates(group, data);
    }

    private static void checkStates(String group, ChannelData data) {
        List<String> bad = new ArrayList<>();
        data.states().forEach((channel, state) -> checkFits(bad, channel,
                itemTypeOf(group, channel.substring(channel.indexOf('#') + 1)), state));
        assertEquals(List.of(), bad);
    }

    private static Set<String> ids(String group, ChannelData data) {
        Set<String> ids = new TreeSet<>();
        for (String channel : data.states().keySet()) {
            assertTrue(channel.startsWith(group + "#"), channel);
            ids.add(channel.substring(group.length() + 1));
        }
        return ids;
    }

    private static String itemTypeOf(String group, String channel) {
        String typeId = GROUP_TYPES.get(group).get(channel);
        assertNotNull(typeId, group + "#" + channel + " is not declared");
        String itemType = ITEM_TYPES.get(typeId);
        assertNotNull(itemType, "channel type " + typeId + " is not declared");
        return itemType;
    }

    /** Whether a state is what an item of the given type accepts from this binding. */
    private static void checkFits(List<String> bad, String channel, String itemType, State state) {
        boolean fits;
        if (itemType.startsWith("Number:")) {
            Unit<?> reference = switch (itemType.substring("Number:".length())) {
                case "Mass" -> SIUnits.KILOGRAM;
                case "Length" -> SIUnits.METRE;
                case "Dimensionless" -> Units.PERCENT;
                case "Pressure" -> SIUnits.PASCAL;
                case "Temperature" -> Units.KELVIN;
                case "Speed" -> Units.METRE_PER_SECOND;
                case "Time" -> Units.SECOND;
                case "Energy" -> Units.JOULE;
                default -> null;
            };
            // Dimensionless channels of this binding are percentages: the state must carry Units.PERCENT
            fits = reference != null && state instanceof QuantityType<?> q && q.getUnit().isCompatible(reference)
                    && (!"Number:Dimensionless".equals(itemType) || Units.PERCENT.equals(q.getUnit()));
        } else {
            fits = switch (itemType) {
                case "Number" -> state instanceof DecimalType;
                case "DateTime" -> state instanceof DateTimeType;
                case "String" -> state instanceof StringType;
                case "Switch" -> state instanceof OnOffType;
                default -> false;
            };
        }
        if (!fits) {
            bad.add(channel + " (" + itemType + ") got " + state.getClass().getSimpleName() + " " + state);
        }
    }

    private static List<String> segmentChannels(MeasureType type) {
        return MeasureType.SEGMENTS.values().stream().map(segment -> type.channelId() + "-" + segment).toList();
    }

    /** Sets every boxed number field to a plausible positive value and every String field to a text. */
    private static <T> T filled(T dto) throws IllegalAccessException {
        for (Field field : dto.getClass().getFields()) {
            Class<?> type = field.getType();
            if (type == Integer.class) {
                field.set(dto, 7);
            } else if (type == Long.class) {
                field.set(dto, 1_764_000_000L);
            } else if (type == Double.class) {
                field.set(dto, 7.5);
            } else if (type == Boolean.class) {
                field.set(dto, Boolean.TRUE);
            } else if (type == String.class) {
                field.set(dto, "text");
            }
        }
        return dto;
    }

    private static Document parse(String file) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = Files.newInputStream(THING_XML.resolve(file))) {
            return dbf.newDocumentBuilder().parse(in);
        }
    }

    private static List<Element> elements(Node parent, String localName) {
        NodeList nodes = parent instanceof Document doc ? doc.getElementsByTagNameNS("*", localName)
                : ((Element) parent).getElementsByTagNameNS("*", localName);
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add((Element) nodes.item(i));
        }
        return result;
    }
}
