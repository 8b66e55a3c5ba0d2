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
package org.openhab.core.config.core;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Compile-time stand-in mirroring org.openhab.core.config.core.Configuration of openHAB core 5.2.1; never shipped.
 * A map of configuration parameters; numbers are normalised to {@link BigDecimal} as in openHAB, and
 * {@link #as(Class)} fills the fields of a configuration class by name, keeping field defaults for absent keys.
 *
 * @author Withings binding contributors - Initial contribution
 */
@NonNullByDefault
public class Configuration {

    private final Map<String, Object> properties;

    public Configuration() {
        this(null, true);
    }

    public Configuration(@Nullable Configuration configuration) {
        this(configuration == null ? null : configuration.getProperties(), true);
    }

    public Configuration(@Nullable Map<String, Object> properties) {
        this(properties, true);
    }

    private Configuration(@Nullable Map<String, Object> properties, boolean normalise) {
        this.properties = new HashMap<>();
        if (properties != null) {
            properties.forEach((key, value) -> this.properties.put(key, normalise ? normalise(value) : value));
        }
    }

    private static @Nullable Object normalise(@Nullable Object value) {
        if (value == null || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString());
        }
        if (value instanceof Collection<?> collection) {
            List<@Nullable Object> list = new ArrayList<>();
            for (Object element : collection) {
                list.add(normalise(element));
            }
            return list;
        }
        return value;
    }

    /**
     * @param configurationClass a class with a no-argument constructor whose fields are named like the keys
     * @return a new instance with the fields set from this configuration
     */
    public <T> T as(Class<T> configurationClass) {
        synchronized (properties) {
            T instance;
            try {
                Constructor<T> constructor = configurationClass.getDeclaredConstructor();
                constructor.setAccessible(true);
                instance = constructor.newInstance();
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalArgumentException(
                        "Can not create an instance of " + configurationClass.getName() + ": " + e.getMessage(), e);
            }
            for (Class<?> type = configurationClass; type != null
                    && type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers) || field.isSynthetic()) {
                        continue;
                    }
                    Object value = properties.get(field.getName());
                    if (value == null) {
                        continue;
                    }
                    Object converted = convert(value, field);
                    if (converted == null) {
                        continue;
                    }
                    try {
                        field.setAccessible(true);
                        field.set(instance, converted);
                    } catch (IllegalAccessException | RuntimeException e) {
                        throw new IllegalArgumentException("Can not set field " + field.getName(), e);
                    }
                }
            }
            return instance;
        }
    }

    private static @Nullable Object convert(Object value, Field field) {
        Class<?> type = field.getType();
        if (Collection.class.isAssignableFrom(type)) {
            Class<?> elementType = String.class;
            if (field.getGenericType() instanceof ParameterizedType parameterized
                    && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
                elementType = element;
            }
            Collection<?> source = value instanceof Collection<?> collection ? collection
                    : Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                            .toList();
            Collection<@Nullable Object> target = Set.class.isAssignableFrom(type) ? new HashSet<>()
                    : new ArrayList<>();
            for (Object element : source) {
                target.add(element == null ? null : convertSingle(element, elementType));
            }
            return target;
        }
        return convertSingle(value, type);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static @Nullable Object convertSingle(Object value, Class<?> type) {
        if (type.isInstance(value)) {
            return value;
        }
        String text = value.toString().trim();
        try {
            if (type == String.class) {
                return value.toString();
            } else if (type == Boolean.class || type == boolean.class) {
                return Boolean.valueOf(text);
            } else if (type == Integer.class || type == int.class) {
                return new BigDecimal(text).intValueExact();
            } else if (type == Long.class || type == long.class) {
                return new BigDecimal(text).longValueExact();
            } else if (type == Double.class || type == double.class) {
                return Double.valueOf(text);
            } else if (type == Float.class || type == float.class) {
                return Float.valueOf(text);
            } else if (type == Short.class || type == short.class) {
                return new BigDecimal(text).shortValueExact();
            } else if (type == Byte.class || type == byte.class) {
                return new BigDecimal(text).byteValueExact();
            } else if (type == BigDecimal.class) {
                return new BigDecimal(text);
            } else if (type.isEnum()) {
                return Enum.valueOf((Class<? extends Enum>) type, text);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("Can not convert '" + value + "' to " + type.getSimpleName(), e);
        }
        return null;
    }

    public boolean containsKey(String key) {
        synchronized (properties) {
            return properties.containsKey(key);
        }
    }

    public @Nullable Object get(String key) {
        synchronized (properties) {
            return properties.get(key);
        }
    }

    public @Nullable Object put(String key, @Nullable Object value) {
        synchronized (properties) {
            return properties.put(key, normalise(value));
        }
    }

    public @Nullable Object remove(String key) {
        synchronized (properties) {
            return properties.remove(key);
        }
    }

    public Set<String> keySet() {
        synchronized (properties) {
            return Set.copyOf(properties.keySet());
        }
    }

    public Collection<Object> values() {
        synchronized (properties) {
            return List.copyOf(properties.values().stream().filter(Objects::nonNull).toList());
        }
    }

    public Map<String, Object> getProperties() {
        synchronized (properties) {
            return new HashMap<>(properties);
        }
    }

    public void setProperties(Map<String, Object> properties) {
        synchronized (this.properties) {
            this.properties.clear();
            properties.forEach((key, value) -> this.properties.put(key, normalise(value)));
        }
    }

    @Override
    public int hashCode() {
        synchronized (properties) {
            return properties.hashCode();
        }
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        if (this == obj) {
            return true;
        }
        if (!(obj instanceof Configuration other)) {
            return false;
        }
        return getProperties().equals(other.getProperties());
    }

    @Override
    public String toString() {
        StringBuilder builder = new StringBuilder("Configuration[");
        boolean first = true;
        for (Map.Entry<String, Object> entry : getProperties().entrySet()) {
            if (!first) {
                builder.append(", ");
            }
            first = false;
            Object value = entry.getValue();
            builder.append("{key=").append(entry.getKey()).append("; type=")
                    .append(value == null ? "null" : value.getClass().getSimpleName()).append("; value=")
                    .append(value).append("}");
        }
        return builder.append("]").toString();
    }
}
