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
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Validates every OH-INF XML file (add-on, thing and config descriptions) against the XSDs of openHAB core 5.2.1,
 * copied unchanged into {@code src/test/resources/schemas/openhab-core-5.2.1}. Core's readers follow the XSD
 * sequences: an element out of order makes core drop the whole file at run time, so any schema error fails here.
 * The schemas' imports by public URL are resolved to the local copies; nothing is fetched from the network.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
class OhInfSchemaTest {

    private static final Path OH_INF = Path.of("src/main/resources/OH-INF");
    private static final String SCHEMAS = "/schemas/openhab-core-5.2.1/";
    /** Schema file per OH-INF folder. */
    private static final Map<String, String> SCHEMA_BY_FOLDER = Map.of("addon", "addon-1.0.0.xsd", "thing",
            "thing-description-1.0.0.xsd", "config", "config-description-1.0.0.xsd");

    @Test
    void everyOhInfFileIsValidAgainstTheOpenhab521Schemas() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(OH_INF)) {
            files = walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        List<String> folders = files.stream().map(f -> OH_INF.relativize(f).getName(0).toString()).distinct()
                .sorted().toList();
        assertEquals(List.of("addon", "config", "thing"), folders, "OH-INF folders with XML files");
        List<String> errors = new ArrayList<>();
        for (Path file : files) {
            String folder = OH_INF.relativize(file).getName(0).toString();
            errors.addAll(validate(file, schema(SCHEMA_BY_FOLDER.get(folder))));
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void anElementOutOfOrderIsReported() throws Exception {
        String addon = Files.readString(OH_INF.resolve("addon/addon.xml"), StandardCharsets.UTF_8);
        // the order of the file before the fix: keywords after connection (core 5.2.1 dropped the whole file)
        int start = addon.indexOf("\t<keywords>");
        int end = addon.indexOf('\n', start) + 1;
        String keywords = addon.substring(start, end);
        String withoutKeywords = addon.substring(0, start) + addon.substring(end);
        int afterConnection = withoutKeywords.indexOf('\n', withoutKeywords.indexOf("</connection>")) + 1;
        String broken = withoutKeywords.substring(0, afterConnection) + keywords
                + withoutKeywords.substring(afterConnection);
        assertNotEquals(addon, broken);
        Path file = Files.createTempFile("addon", ".xml");
        try {
            Files.writeString(file, broken, StandardCharsets.UTF_8);
            List<String> errors = validate(file, schema("addon-1.0.0.xsd"));
            assertFalse(errors.isEmpty(), "keywords after connection must be a schema error");
            assertTrue(errors.get(0).contains("keywords"), errors.toString());
        } finally {
            Files.delete(file);
        }
    }

    private static Schema schema(@Nullable String name) throws Exception {
        assertNotNull(name);
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
        factory.setResourceResolver(new LocalSchemas());
        return factory.newSchema(new StreamSource(resource(name).toExternalForm()));
    }

    private static URL resource(String name) {
        URL url = OhInfSchemaTest.class.getResource(SCHEMAS + name);
        assertNotNull(url, "schema " + name + " missing in src/test/resources" + SCHEMAS);
        return url;
    }

    private static List<String> validate(Path file, Schema schema) throws IOException {
        List<String> errors = new ArrayList<>();
        String name = file.startsWith(OH_INF) ? OH_INF.relativize(file).toString() : file.getFileName().toString();
        Validator validator = schema.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(@Nullable SAXParseException e) {
            }

            @Override
            public void error(@Nullable SAXParseException e) {
                add(e);
            }

            @Override
            public void fatalError(@Nullable SAXParseException e) {
                add(e);
            }

            private void add(@Nullable SAXParseException e) {
                if (e != null) {
                    errors.add(name + ":" + e.getLineNumber() + ": " + e.getMessage());
                }
            }
        });
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            validator.validate(new StreamSource(reader, file.toUri().toString()));
        } catch (org.xml.sax.SAXException e) {
            errors.add(name + ": " + e.getMessage());
        }
        return errors;
    }

    /** Maps {@code https://openhab.org/schemas/<name>.xsd} to the local copy; anything else is refused. */
    private static final class LocalSchemas implements LSResourceResolver {
        @Override
        public @Nullable LSInput resolveResource(@Nullable String type, @Nullable String namespaceURI,
                @Nullable String publicId, @Nullable String systemId, @Nullable String baseURI) {
            if (systemId == null || !systemId.startsWith("https://openhab.org/schemas/")) {
                throw new IllegalStateException("schema import outside the local copies: " + systemId);
            }
            String name = systemId.substring(systemId.lastIndexOf('/') + 1);
            URL url = resource(name);
            return new Input(publicId, url.toExternalForm(), baseURI);
        }
    }

    /** A schema input read from a local URL. */
    private record Input(@Nullable String publicId, String systemId, @Nullable String baseURI) implements LSInput {
        @Override
        public @Nullable Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(@Nullable Reader characterStream) {
        }

        @Override
        public @Nullable InputStream getByteStream() {
            try {
                return URI.create(systemId).toURL().openStream();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void setByteStream(@Nullable InputStream byteStream) {
        }

        @Override
        public @Nullable String getStringData() {
            return null;
        }

        @Override
        public void setStringData(@Nullable String stringData) {
        }

        @Override
        public String getSystemId() {
            return systemId;
        }

        @Override
        public void setSystemId(@Nullable String systemId) {
        }

        @Override
        public @Nullable String getPublicId() {
            return publicId;
        }

        @Override
        public void setPublicId(@Nullable String publicId) {
        }

        @Override
        public @Nullable String getBaseURI() {
            return baseURI;
        }

        @Override
        public void setBaseURI(@Nullable String baseURI) {
        }

        @Override
        public @Nullable String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(@Nullable String encoding) {
        }

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {
        }
    }
}
