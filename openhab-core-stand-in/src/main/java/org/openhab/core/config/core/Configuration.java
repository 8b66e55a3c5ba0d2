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

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
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
        if (value instanceof Number) {
            return new BigDecimal(value.toString());
        }
        if (value instanceof Boolean || value instanceof String) {
            return value;
        }
        // as openHAB's ConfigUtil.normalizeType: other value types are refused
        throw new IllegalArgumentException(
                "Invalid type '{" + value.getClass().getCanonicalName() + "}' of configuration value!");
    }

    /**
     * Creates an instance of {@code configurationClass} with its public no-argument constructor and sets every
     * non-final, non-transient field (of the class and its superclasses) whose name is a key. Values are converted
     * like openHAB does: numbers to the numeric field type, strings to numbers, booleans and enums, collections to
     * lists or sets; a value of another type (or an unknown enum constant) leaves the field at its default, and a
     * string that is no number for a numeric field throws {@link NumberFormatException}, as in openHAB.
     *
     * @param configurationClass the configuration holder class
     * @return the filled instance
     * @throws IllegalStateException if the class cannot be instantiated
     */
    public <T> T as(Class<T> configurationClass) {
        synchronized (properties) {
            T instance;
            try {
                instance = configurationClass.getConstructor().newInstance();
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException(
                        "Failed to create configuration instance of class '" + configurationClass.getName() + "'", e);
            }
            for (Class<?> type = configurationClass; type != null; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    Object value = properties.get(field.getName());
                    if (Modifier.isFinal(modifiers) || Modifier.isTransient(modifiers) || value == null) {
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
                        // like openHAB: a field that cannot be set keeps its default
                    }
                }
            }
            return instance;
        }
    }

    private static @Nullable Object convert(Object value, Field field) {
        Class<?> type = field.getType();
        if (value instanceof Collection<?> collection) {
            Collection<Object> target;
            if (List.class.isAssignableFrom(type)) {
                target = new ArrayList<>();
            } else if (Set.class.isAssignableFrom(type)) {
                target = new HashSet<>();
            } else {
                return null;
            }
            Class<?> elementType = Object.class;
            if (field.getGenericType() instanceof ParameterizedType parameterized
                    && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
                elementType = element;
            }
            for (Object element : collection) {
                Object convertedElement = convertValue(element, elementType);
                if (convertedElement != null) {
                    target.add(convertedElement);
                }
            }
            return convertValue(target, type);
        }
        return convertValue(value, type);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static @Nullable Object convertValue(@Nullable Object value, Class<?> type) {
        if (value == null || type.isInstance(value)) {
            return value;
        }
        Class<?> target = wrapper(type);
        Object result = value;
        // as in openHAB (ConfigParser.valueAs): a string that is no number throws NumberFormatException out of as();
        // only an unknown enum constant gives null (the field keeps its default)
        if (value instanceof Number number) {
            if (target == Float.class) {
                result = number.floatValue();
            } else if (target == Double.class) {
                result = number.doubleValue();
            } else if (target == Long.class) {
                result = number.longValue();
            } else if (target == Integer.class) {
                result = number.intValue();
            } else if (target == Short.class) {
                result = number.shortValue();
            } else if (target == Byte.class) {
                result = number.byteValue();
            } else if (target == BigDecimal.class) {
                result = new BigDecimal(number.toString());
            }
        } else if (value instanceof String text && target != String.class) {
            if (target == Float.class) {
                result = Float.valueOf(text);
            } else if (target == Double.class) {
                result = Double.valueOf(text);
            } else if (target == Long.class) {
                result = Long.valueOf(text);
            } else if (target == Integer.class) {
                result = Integer.valueOf(text);
            } else if (target == Short.class) {
                result = Short.valueOf(text);
            } else if (target == Byte.class) {
                result = Byte.valueOf(text);
            } else if (target == BigDecimal.class) {
                result = new BigDecimal(text);
            } else if (target == Boolean.class) {
                result = Boolean.valueOf(text);
            } else if (target.isEnum()) {
                try {
                    result = Enum.valueOf((Class<? extends Enum>) target, text);
                } catch (IllegalArgumentException e) {
                    result = null;
                }
            } else if (Set.class.isAssignableFrom(target)) {
                result = Set.of(text);
            } else if (Collection.class.isAssignableFrom(target)) {
                result = List.of(text);
            }
        }
        return result != null && target.isInstance(result) ? result : null;
    }

    private static Class<?> wrapper(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        } else if (type == long.class) {
            return Long.class;
        } else if (type == double.class) {
            return Double.class;
        } else if (type == float.class) {
            return Float.class;
        } else if (type == short.class) {
            return Short.class;
        } else if (type == byte.class) {
            return Byte.class;
        } else if (type == boolean.class) {
            return Boolean.class;
        }
        return type;
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
