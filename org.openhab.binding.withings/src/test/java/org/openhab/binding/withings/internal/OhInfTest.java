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

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks the add-on metadata in OH-INF: every XML file is well-formed, every label, description and option it
 * declares has its key in {@code i18n/withings.properties} (as {@code mvn i18n:generate-default-translations} would
 * write it), every {@code @text/} key used in XML or Java exists, and ids follow openHAB's naming rules.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class OhInfTest {

    private static final Path OH_INF = Path.of("src/main/resources/OH-INF");
    private static final Path JAVA_SOURCES = Path.of("src/main/java");
    /** The HTML templates of the linking page, which name their texts as {@code ${@text/key}}. */
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern TEXT_KEY = Pattern.compile("@text/([A-Za-z0-9_.\\-]+)");
    private static final Pattern LOWER_HYPHEN = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");

    private static Properties i18n = new Properties();
    private static List<Path> xmlFiles = List.of();

    @BeforeAll
    static void load() throws IOException {
        i18n = new Properties();
        try (Reader reader = Files.newBufferedReader(OH_INF.resolve("i18n/withings.properties"),
                StandardCharsets.UTF_8)) {
            i18n.load(reader);
        }
        try (Stream<Path> files = Files.walk(OH_INF)) {
            xmlFiles = files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = dbf.newDocumentBuilder();
        try (InputStream in = Files.newInputStream(file)) {
            return builder.parse(in);
        }
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                result.add(element);
            }
        }
        return result;
    }

    private static @Nullable Element child(Element parent, String localName) {
        List<Element> list = children(parent, localName);
        return list.isEmpty() ? null : list.get(0);
    }

    private static List<Element> all(Document doc, String localName) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add((Element) nodes.item(i));
        }
        return result;
    }

    @Test
    void addonXmlDeclaresTheBinding() throws Exception {
        Document doc = parse(OH_INF.resolve("addon/addon.xml"));
        Element root = doc.getDocumentElement();
        assertEquals("withings", root.getAttribute("id"));
        assertEquals("binding", textOf(root, "type"));
        assertEquals("cloud", textOf(root, "connection"));
        assertFalse(textOf(root, "name").isBlank());
        assertFalse(textOf(root, "description").isBlank());
        assertFalse(textOf(root, "keywords").isBlank());
        assertEquals(textOf(root, "name"), i18n.getProperty("addon.withings.name"));
    }

    @Test
    void everyXmlFileIsWellFormed() throws Exception {
        assertFalse(xmlFiles.isEmpty());
        for (Path file : xmlFiles) {
            assertNotNull(parse(file).getDocumentElement(), file.toString());
        }
    }

    @Test
    void thingTypesAreDeclared() throws Exception {
        Set<String> ids = new TreeSet<>();
        for (Path file : xmlFiles) {
            Document doc = parse(file);
            for (String kind : List.of("bridge-type", "thing-type")) {
                all(doc, kind).forEach(e -> ids.add(e.getAttribute("id")));
            }
        }
        assertTrue(ids.contains("account"), ids.toString());
        assertTrue(ids.contains("user"), ids.toString());
    }

    @Test
    void everyLabelAndDescriptionHasAnI18nKey() throws Exception {
        List<String> missing = new ArrayList<>();
        List<String> different = new ArrayList<>();
        for (Map.Entry<String, String> entry : keysDerivedFromXml().entrySet()) {
            String value = i18n.getProperty(entry.getKey());
            if (value == null) {
                missing.add(entry.getKey());
            } else if (!normalised(value).equals(entry.getValue())) {
                different.add(entry.getKey() + ": XML '" + entry.getValue() + "', properties '" + value + "'");
            }
        }
        assertEquals(List.of(), missing, "keys missing in i18n/withings.properties");
        assertEquals(List.of(), different, "default translations that differ from the XML text");
    }

    /**
     * The reverse check: every key of {@code withings.properties} is either derived from a label, description or
     * option of the XML, or named in the sources (as {@code @text/key} or as a string literal {@code "key"} that
     * is turned into {@code @text/key} at run time).
     */
    @Test
    void noOrphanedI18nKeys() throws Exception {
        Set<String> used = new TreeSet<>(keysDerivedFromXml().keySet());
        StringBuilder sources = new StringBuilder();
        for (Path file : xmlFiles) {
            sources.append(Files.readString(file, StandardCharsets.UTF_8));
        }
        try (Stream<Path> files = Stream.concat(Files.walk(JAVA_SOURCES), Files.walk(TEMPLATES))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".html"))
                    .toList()) {
                sources.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        String text = sources.toString();
        List<String> orphans = new ArrayList<>();
        for (String key : new TreeSet<>(i18n.stringPropertyNames())) {
            if (!used.contains(key) && !text.contains("@text/" + key) && !text.contains("\"" + key + "\"")) {
                orphans.add(key);
            }
        }
        assertEquals(List.of(), orphans, "keys in i18n/withings.properties that nothing uses");
    }

    /**
     * The keys {@code mvn i18n:generate-default-translations} would write for the XML files, with the (whitespace
     * normalised) English text of the XML.
     */
    private static Map<String, String> keysDerivedFromXml() throws Exception {
        Map<String, String> keys = new TreeMap<>();
        Element addon = parse(OH_INF.resolve("addon/addon.xml")).getDocumentElement();
        keys.put("addon.withings.name", normalised(textOf(addon, "name")));
        keys.put("addon.withings.description", normalised(textOf(addon, "description")));
        for (Path file : xmlFiles) {
            Document doc = parse(file);
            for (String kind : List.of("bridge-type", "thing-type")) {
                for (Element type : all(doc, kind)) {
                    String prefix = "thing-type.withings." + type.getAttribute("id");
                    expect(keys, type, prefix);
                    Element groups = child(type, "channel-groups");
                    if (groups != null) {
                        for (Element group : children(groups, "channel-group")) {
                            expect(keys, group, prefix + ".group." + group.getAttribute("id"));
                        }
                    }
                    Element channels = child(type, "channels");
                    if (channels != null) {
                        for (Element channel : children(channels, "channel")) {
                            expect(keys, channel, prefix + ".channel." + channel.getAttribute("id"));
                        }
                    }
                }
            }
            for (Element groupType : all(doc, "channel-group-type")) {
                String prefix = "channel-group-type.withings." + groupType.getAttribute("id");
                expect(keys, groupType, prefix);
                Element channels = child(groupType, "channels");
                if (channels != null) {
                    for (Element channel : children(channels, "channel")) {
                        expect(keys, channel, prefix + ".channel." + channel.getAttribute("id"));
                    }
                }
            }
            for (Element channelType : all(doc, "channel-type")) {
                String prefix = "channel-type.withings." + channelType.getAttribute("id");
                expect(keys, channelType, prefix);
                for (Element option : all(channelType, "option")) {
                    String parent = ((Element) option.getParentNode().getParentNode()).getLocalName();
                    String optionKind = "event".equals(parent) ? ".event.option." : ".state.option.";
                    if (!option.getTextContent().isBlank()) {
                        keys.put(prefix + optionKind + option.getAttribute("value"), normalised(option.getTextContent()));
                    }
                }
            }
            for (Element configDescription : all(doc, "config-description")) {
                String uri = configDescription.getAttribute("uri");
                if (uri.isEmpty()) {
                    // nested in a thing type: its uri derives from the type
                    Element owner = (Element) configDescription.getParentNode();
                    uri = "thing-type:withings:" + owner.getAttribute("id");
                }
                String prefix = uri.replaceFirst("^([^:]+):([^:]+):(.+)$", "$1.config.$2.$3");
                for (Element parameter : children(configDescription, "parameter")) {
                    String name = parameter.getAttribute("name");
                    assertTrue(CAMEL_CASE.matcher(name).matches(), "config parameter not camelCase: " + name);
                    expect(keys, parameter, prefix + "." + name);
                    for (Element option : all(parameter, "option")) {
                        keys.put(prefix + "." + name + ".option." + option.getAttribute("value"),
                                normalised(option.getTextContent()));
                    }
                }
                for (Element group : children(configDescription, "parameter-group")) {
                    expect(keys, group, prefix + ".group." + group.getAttribute("name"));
                }
            }
        }
        return keys;
    }

    private static List<Element> all(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add((Element) nodes.item(i));
        }
        return result;
    }

    private static void expect(Map<String, String> keys, Element element, String prefix) {
        if (child(element, "label") != null) {
            keys.put(prefix + ".label", normalised(textOf(element, "label")));
        }
        if (child(element, "description") != null) {
            keys.put(prefix + ".description", normalised(textOf(element, "description")));
        }
    }

    private static String normalised(String text) {
        return text.trim().replaceAll("\\s+", " ");
    }

    @Test
    void idsAreLowerCaseHyphen() throws Exception {
        List<String> bad = new ArrayList<>();
        for (Path file : xmlFiles) {
            assertTrue(LOWER_HYPHEN.matcher(file.getFileName().toString().replace(".xml", "")).matches(),
                    "XML file name: " + file);
            Document doc = parse(file);
            for (String kind : List.of("bridge-type", "thing-type", "channel-type", "channel-group-type", "channel",
                    "channel-group")) {
                for (Element e : all(doc, kind)) {
                    String id = e.getAttribute("id");
                    if (!LOWER_HYPHEN.matcher(id).matches()) {
                        bad.add(kind + " " + id);
                    }
                }
            }
        }
        assertEquals(List.of(), bad);
    }

    /**
     * Point tags of openHAB 5.x ({@code bundles/org.openhab.core.semantics/model/SemanticTags.csv}, Calculation since
     * 5.0).
     */
    private static final Set<String> POINTS = Set.of("Alarm", "Calculation", "Control", "Switch", "Forecast",
            "Measurement", "Setpoint", "Status");
    /** Property tags of openHAB 5.x (same source). */
    private static final Set<String> PROPERTIES = Set.of("AirQuality", "AQI", "CO", "CO2", "Ozone",
            "ParticulateMatter", "Pollen", "Radon", "VOC", "Airconditioning", "Airflow", "App", "Brightness", "Channel",
            "Color", "ColorTemperature", "Current", "Duration", "Enabled", "Energy", "Frequency", "Gas", "Heating",
            "Humidity", "Illuminance", "Info", "Level", "Light", "LowBattery", "MediaControl", "Mode", "Moisture",
            "Motion", "Noise", "Oil", "Opening", "OpenLevel", "OpenState", "Position", "GeoLocation", "Power",
            "Presence", "Pressure", "Progress", "QualityOfService", "Rain", "SignalStrength", "RSSI", "Smoke",
            "SoundVolume", "Speed", "Tampered", "Temperature", "Tilt", "Timestamp", "Ultraviolet", "Ventilation",
            "Vibration", "Voltage", "Water", "Wind");
    /** The equipment tags this binding uses, each checked against the same source. */
    private static final Set<String> EQUIPMENT = Set.of("Sensor", "WebService", "Bed");

    /** Icon category per item type, where openHAB's icon set has a fitting one. */
    private static final Map<String, String> CATEGORY_BY_ITEM_TYPE = Map.of("DateTime", "Time", "Number:Time", "Time",
            "Number:Temperature", "Temperature", "Number:Energy", "Energy", "Number:Pressure", "Pressure");
    /** Dimensions without a unit hint: the locale's measurement system picks kg or lb, °C or °F. */
    private static final Set<String> LOCALE_DIMENSIONS = Set.of("Number:Mass", "Number:Temperature");

    @Test
    void channelTypesFollowTheOpenhabConventions() throws Exception {
        List<String> bad = new ArrayList<>();
        int categories = 0;
        for (Path file : xmlFiles) {
            for (Element channelType : all(parse(file), "channel-type")) {
                String id = channelType.getAttribute("id");
                Element item = child(channelType, "item-type");
                String itemType = item == null ? "" : item.getTextContent().trim();
                String category = textOf(channelType, "category");
                String expected = CATEGORY_BY_ITEM_TYPE.get(itemType);
                if (expected != null && !expected.equals(category)) {
                    bad.add(id + ": category '" + category + "', expected " + expected);
                }
                if (!category.isEmpty()) {
                    categories++;
                }
                if (item != null && itemType.startsWith("Number:") && !LOCALE_DIMENSIONS.contains(itemType)
                        && item.getAttribute("unitHint").isEmpty()) {
                    bad.add(id + ": " + itemType + " without unitHint");
                }
                Element state = child(channelType, "state");
                String pattern = state == null ? "" : state.getAttribute("pattern");
                if (pattern.contains("bpm") && !"%.0f bpm".equals(pattern)) {
                    bad.add(id + ": heart rate pattern '" + pattern + "'");
                }
                if (id.contains("heart-rate") && !"%.0f bpm".equals(pattern)) {
                    bad.add(id + ": heart rate without the bpm pattern");
                }
            }
        }
        assertEquals(List.of(), bad);
        assertTrue(categories > 40, "categories: " + categories);
    }

    @Test
    void theDeviceShowsOnlyWhatWithingsReports() throws Exception {
        Element device = all(parse(OH_INF.resolve("thing/device.xml")), "thing-type").get(0);
        Element channels = child(device, "channels");
        assertNotNull(channels);
        Map<String, String> types = new TreeMap<>();
        children(channels, "channel").forEach(c -> types.put(c.getAttribute("id"), c.getAttribute("typeId")));
        // no made-up percentage; model, type and firmware are Thing properties
        assertEquals(Map.of("battery-state", "battery-state", "low-battery", "system.low-battery", "last-sync",
                "last-sync"), types);
    }

    @Test
    void semanticTagsAreAPointThenAtMostOneProperty() throws Exception {
        List<String> bad = new ArrayList<>();
        for (Path file : xmlFiles) {
            Document doc = parse(file);
            for (Element channelType : all(doc, "channel-type")) {
                String id = channelType.getAttribute("id");
                Element tags = child(channelType, "tags");
                boolean trigger = "trigger".equals(textOf(channelType, "kind"));
                if (tags == null) {
                    if (!trigger) {
                        bad.add(id + ": state channel without tags");
                    }
                    continue;
                }
                List<String> values = children(tags, "tag").stream().map(t -> t.getTextContent().trim()).toList();
                if (values.isEmpty() || !POINTS.contains(values.get(0))) {
                    bad.add(id + ": first tag is not a Point: " + values);
                } else if (values.size() > 2 || (values.size() == 2 && !PROPERTIES.contains(values.get(1)))) {
                    bad.add(id + ": expected at most one Property after the Point: " + values);
                }
            }
            for (String kind : List.of("bridge-type", "thing-type")) {
                for (Element type : all(doc, kind)) {
                    String tag = textOf(type, "semantic-equipment-tag");
                    if (!EQUIPMENT.contains(tag)) {
                        bad.add(type.getAttribute("id") + ": equipment tag '" + tag + "'");
                    }
                }
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void everyTextReferenceResolves() throws Exception {
        List<String> missing = new ArrayList<>();
        List<Path> sources = new ArrayList<>(xmlFiles);
        try (Stream<Path> files = Stream.concat(Files.walk(JAVA_SOURCES), Files.walk(TEMPLATES))) {
            files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".html")).forEach(sources::add);
        }
        for (Path file : sources) {
            Matcher matcher = TEXT_KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (matcher.find()) {
                if (!i18n.containsKey(matcher.group(1))) {
                    missing.add(file.getFileName() + ": " + matcher.group(1));
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    private static String textOf(Element parent, String localName) {
        Element element = child(parent, localName);
        return element == null ? "" : element.getTextContent().trim();
    }
}
