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
package org.openhab.binding.withings.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhab.binding.withings.internal.dto.Device;
import org.openhab.binding.withings.internal.mapping.DeviceMapper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Keeps the add-on README in step with OH-INF: the configuration tables list exactly the parameters of the config
 * descriptions (type, default, required, advanced), the channel tables list exactly the channels of each group and of
 * the device Thing, each once (item type, advanced mark), and every channel the full example links exists with the
 * item type the example uses.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class ReadmeConsistencyTest {

    private static final Path README = Path.of("README.md");
    private static final Path OH_INF = Path.of("src/main/resources/OH-INF");
    private static final String ADVANCED_MARK = "*Advanced.*";
    private static final Pattern LINKED_CHANNEL = Pattern
            .compile("^(\\S+)\\s+\\S+\\s+\".*\"\\s+\\{.*channel=\"withings:(user|device):[^:\"]+:[^:\"]+:([^\"]+)\"");

    /** Heading → the first table below it (header row removed), in README order. */
    private static final Map<String, List<List<String>>> TABLES = new LinkedHashMap<>();
    private static List<String> readmeLines = List.of();

    /** A channel or parameter as OH-INF declares it. */
    private record Declared(String type, String defaultValue, boolean required, boolean advanced) {
    }

    @BeforeAll
    static void readReadme() throws Exception {
        readmeLines = Files.readAllLines(README, StandardCharsets.UTF_8);
        String heading = "";
        boolean inCode = false;
        for (int i = 0; i < readmeLines.size(); i++) {
            String line = readmeLines.get(i);
            if (line.startsWith("```")) {
                inCode = !inCode;
            } else if (!inCode && line.startsWith("#")) {
                heading = line.replaceFirst("^#+\\s*", "").trim();
            } else if (!inCode && line.startsWith("|") && !TABLES.containsKey(heading)) {
                List<List<String>> rows = new ArrayList<>();
                while (i < readmeLines.size() && readmeLines.get(i).startsWith("|")) {
                    rows.add(cells(readmeLines.get(i)));
                    i++;
                }
                i--;
                assertTrue(rows.size() >= 2 && rows.get(1).stream().allMatch(c -> c.matches(":?-+:?")),
                        "table under '" + heading + "' has no separator row");
                for (List<String> row : rows) {
                    assertEquals(rows.get(0).size(), row.size(), "table under '" + heading + "': " + row);
                }
                TABLES.put(heading, rows.subList(2, rows.size()));
            }
        }
    }

    @Test
    void configurationTablesMatchTheConfigDescriptions() throws Exception {
        Element accountConfig = all(parse(OH_INF.resolve("config/account-config.xml")), "config-description").get(0);
        assertParameters("`account` Bridge", accountConfig);
        assertParameters("`user` Thing", all(parse(OH_INF.resolve("thing/user.xml")), "config-description").get(0));
        assertParameters("`device` Thing",
                all(parse(OH_INF.resolve("thing/device.xml")), "config-description").get(0));
    }

    @Test
    void channelTablesMatchTheChannelGroups() throws Exception {
        Map<String, Declared> channelTypes = channelTypes();
        Map<String, String> groupTypeOfGroup = new LinkedHashMap<>();
        for (Element group : all(parse(OH_INF.resolve("thing/user.xml")), "channel-group")) {
            groupTypeOfGroup.put(group.getAttribute("id"), group.getAttribute("typeId"));
        }
        Map<String, Element> groupTypes = new LinkedHashMap<>();
        for (Element groupType : all(parse(OH_INF.resolve("thing/channel-groups.xml")), "channel-group-type")) {
            groupTypes.put(groupType.getAttribute("id"), groupType);
        }
        for (Map.Entry<String, String> group : groupTypeOfGroup.entrySet()) {
            Element groupType = groupTypes.get(group.getValue());
            assertNotNull(groupType, "group type " + group.getValue());
            Map<String, Declared> declared = new LinkedHashMap<>();
            for (Element channel : all(groupType, "channel")) {
                Declared type = channelTypes.get(channel.getAttribute("typeId"));
                assertNotNull(type, "channel type " + channel.getAttribute("typeId"));
                declared.put(channel.getAttribute("id"), type);
            }
            String heading = TABLES.keySet().stream().filter(h -> h.startsWith("Group `" + group.getKey() + "`"))
                    .findFirst().orElseThrow(() -> new AssertionError("no README section for group " + group));
            assertChannels(heading, declared);
        }
        long groupSections = TABLES.keySet().stream().filter(h -> h.startsWith("Group `")).count();
        assertEquals(groupTypeOfGroup.size(), groupSections, "README has a section for a group that does not exist");
    }

    @Test
    void deviceChannelTableMatchesTheDeviceThing() throws Exception {
        assertChannels("`device` Channels", deviceChannels());
    }

    @Test
    void devicePropertiesTableListsWhatTheDeviceMapperSets() {
        Device device = new Device();
        device.model = "Body+";
        device.type = "Scale";
        device.fw = "1.2.3";
        List<String> names = table("`device` Properties").stream().map(r -> r.get(0)).sorted().toList();
        assertEquals(DeviceMapper.properties(device).keySet().stream().sorted().toList(), names);
    }

    @Test
    void fullExampleLinksExistingChannelsWithTheirItemTypes() throws Exception {
        Map<String, Declared> userChannels = new LinkedHashMap<>();
        Map<String, Declared> channelTypes = channelTypes();
        Map<String, String> groupTypeOfGroup = new LinkedHashMap<>();
        for (Element group : all(parse(OH_INF.resolve("thing/user.xml")), "channel-group")) {
            groupTypeOfGroup.put(group.getAttribute("typeId"), group.getAttribute("id"));
        }
        for (Element groupType : all(parse(OH_INF.resolve("thing/channel-groups.xml")), "channel-group-type")) {
            String group = groupTypeOfGroup.get(groupType.getAttribute("id"));
            for (Element channel : all(groupType, "channel")) {
                userChannels.put(group + "#" + channel.getAttribute("id"),
                        channelTypes.get(channel.getAttribute("typeId")));
            }
        }
        Map<String, Declared> deviceChannels = deviceChannels();
        int links = 0;
        for (String line : readmeLines) {
            Matcher m = LINKED_CHANNEL.matcher(line);
            if (m.find()) {
                links++;
                Declared channel = ("user".equals(m.group(2)) ? userChannels : deviceChannels).get(m.group(3));
                assertNotNull(channel, "the example links an unknown channel: " + line);
                assertEquals(channel.type(), m.group(1), "item type of " + m.group(3));
            }
        }
        assertTrue(links > 0, "the README has no items example");
    }

    private static void assertParameters(String heading, Element configDescription) {
        List<List<String>> rows = table(heading);
        Map<String, Declared> declared = new LinkedHashMap<>();
        for (Element parameter : children(configDescription, "parameter")) {
            declared.put(parameter.getAttribute("name"),
                    new Declared(parameter.getAttribute("type"), textOf(parameter, "default"),
                            "true".equals(parameter.getAttribute("required")),
                            "true".equals(textOf(parameter, "advanced"))));
        }
        List<String> names = rows.stream().map(r -> r.get(0)).toList();
        assertEquals(List.copyOf(declared.keySet()).stream().sorted().toList(), names.stream().sorted().toList(),
                "parameters of " + heading);
        assertEquals(names.size(), names.stream().distinct().count(), "a parameter is listed twice under " + heading);
        for (List<String> row : rows) {
            Declared parameter = declared.get(row.get(0));
            assertNotNull(parameter);
            String readmeDefault = "N/A".equals(row.get(3)) ? "" : row.get(3);
            assertEquals(parameter.type(), row.get(1), "type of " + row.get(0));
            assertEquals(parameter.defaultValue(), readmeDefault, "default of " + row.get(0));
            assertEquals(parameter.required() ? "yes" : "no", row.get(4), "required of " + row.get(0));
            assertEquals(parameter.advanced() ? "yes" : "no", row.get(5), "advanced of " + row.get(0));
        }
    }

    private static void assertChannels(String heading, Map<String, Declared> declared) {
        List<List<String>> rows = table(heading);
        List<String> ids = rows.stream().map(r -> r.get(0)).toList();
        assertEquals(declared.keySet().stream().sorted().toList(), ids.stream().sorted().toList(),
                "channels under " + heading);
        assertEquals(ids.size(), ids.stream().distinct().count(), "a channel is listed twice under " + heading);
        for (List<String> row : rows) {
            Declared channel = declared.get(row.get(0));
            assertNotNull(channel);
            assertEquals(channel.type(), row.get(1), "type of " + heading + " " + row.get(0));
            assertEquals(channel.advanced(), row.get(3).contains(ADVANCED_MARK),
                    "advanced mark of " + heading + " " + row.get(0));
        }
    }

    private static List<List<String>> table(String heading) {
        List<List<String>> rows = TABLES.get(heading);
        assertNotNull(rows, "README has no table under '" + heading + "'");
        return rows;
    }

    private static Map<String, Declared> channelTypes() throws Exception {
        Map<String, Declared> types = new LinkedHashMap<>();
        for (Element channelType : all(parse(OH_INF.resolve("thing/channel-types.xml")), "channel-type")) {
            String itemType = "trigger".equals(textOf(channelType, "kind")) ? "trigger"
                    : textOf(channelType, "item-type");
            types.put(channelType.getAttribute("id"),
                    new Declared(itemType, "", false, "true".equals(channelType.getAttribute("advanced"))));
        }
        return types;
    }

    private static Map<String, Declared> deviceChannels() throws Exception {
        Map<String, Declared> channelTypes = channelTypes();
        // the system channel types of openHAB core used by the device Thing
        channelTypes.put("system.battery-level", new Declared("Number", "", false, false));
        channelTypes.put("system.low-battery", new Declared("Switch", "", false, false));
        Map<String, Declared> declared = new LinkedHashMap<>();
        for (Element channel : all(parse(OH_INF.resolve("thing/device.xml")), "channel")) {
            Declared type = channelTypes.get(channel.getAttribute("typeId"));
            assertNotNull(type, "channel type " + channel.getAttribute("typeId"));
            declared.put(channel.getAttribute("id"), type);
        }
        return declared;
    }

    /** The cells of a table row, trimmed, without surrounding backticks. */
    private static List<String> cells(String row) {
        String inner = row.trim();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            String value = cell.trim();
            if (value.length() >= 2 && value.startsWith("`") && value.endsWith("`")) {
                value = value.substring(1, value.length() - 1);
            }
            cells.add(value);
        }
        return cells;
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = Files.newInputStream(file)) {
            return dbf.newDocumentBuilder().parse(in);
        }
    }

    private static List<Element> all(Node parent, String localName) {
        NodeList nodes = parent instanceof Document doc ? doc.getElementsByTagNameNS("*", localName)
                : ((Element) parent).getElementsByTagNameNS("*", localName);
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add((Element) nodes.item(i));
        }
        return result;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && localName.equals(element.getLocalName())) {
                result.add(element);
            }
        }
        return result;
    }

    private static String textOf(Element parent, String localName) {
        Element element = first(children(parent, localName));
        return element == null ? "" : element.getTextContent().trim();
    }

    private static @Nullable Element first(List<Element> elements) {
        return elements.isEmpty() ? null : elements.get(0);
    }
}
