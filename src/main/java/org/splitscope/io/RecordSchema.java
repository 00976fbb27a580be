package org.splitscope.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import org.splitscope.model.OptionalField;

/**
 * What the file format looks like, read off the model classes: record components are the fields,
 * {@link OptionalField} marks the ones a file may leave out, and the Jackson annotations name
 * enum constants and the subtypes of a polymorphic interface. Reading and writing both use this,
 * so the format cannot drift from what the checker accepts.
 */
final class RecordSchema {
    private RecordSchema() {
    }

    static boolean isOptional(RecordComponent c) {
        return c.isAnnotationPresent(OptionalField.class);
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("no file format for type " + type);
    }

    static Type typeArgument(Type type, int i) {
        return ((ParameterizedType) type).getActualTypeArguments()[i];
    }

    /** The name an enum constant has in files: its {@code @JsonProperty}, else its Java name. */
    static String jsonName(Enum<?> constant) {
        try {
            JsonProperty p = constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
            return p != null ? p.value() : constant.name();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Enum<?>> enumConstants(Class<?> type) {
        Map<String, Enum<?>> byName = new LinkedHashMap<>();
        for (Object c : type.getEnumConstants()) {
            byName.put(jsonName((Enum<?>) c), (Enum<?>) c);
        }
        return byName;
    }

    static boolean isPolymorphic(Class<?> type) {
        return type.isInterface() && type.isAnnotationPresent(JsonTypeInfo.class);
    }

    /** The property that names the subtype, e.g. {@code "type"}. */
    static String typeProperty(Class<?> polymorphic) {
        return polymorphic.getAnnotation(JsonTypeInfo.class).property();
    }

    /** Subtype classes by their name in files, in declaration order. */
    static Map<String, Class<?>> subtypes(Class<?> polymorphic) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (JsonSubTypes.Type t : polymorphic.getAnnotation(JsonSubTypes.class).value()) {
            byName.put(t.name(), t.value());
        }
        return byName;
    }

    /** The polymorphic interface a record implements, or {@code null} when it is a plain record. */
    static Class<?> polymorphicBase(Class<?> record) {
        for (Class<?> i : record.getInterfaces()) {
            if (isPolymorphic(i)) {
                return i;
            }
        }
        return null;
    }

    static String subtypeName(Class<?> base, Class<?> record) {
        for (Map.Entry<String, Class<?>> e : subtypes(base).entrySet()) {
            if (e.getValue() == record) {
                return e.getKey();
            }
        }
        throw new IllegalStateException(record + " is not a listed subtype of " + base);
    }

    static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
