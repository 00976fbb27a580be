package org.splitscope.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Turns model records into JSON trees from their record components alone. Jackson's own
 * serializer would also write bean-style helpers such as {@code Node.isServerless()} as fields,
 * which the reader then rejects as unknown.
 */
final class RecordTrees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordTrees() {
    }

    static JsonNode toTree(Object value) {
        if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof Double d) {
            return NODES.numberNode(d);
        } else if (value instanceof Integer i) {
            return NODES.numberNode(i);
        } else if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (value instanceof String s) {
            return NODES.textNode(s);
        } else if (value instanceof Enum<?> e) {
            return NODES.textNode(RecordSchema.jsonName(e));
        } else if (value.getClass().isArray()) {
            ArrayNode array = NODES.arrayNode();
            for (int i = 0; i < Array.getLength(value); i++) {
                array.add(toTree(Array.get(value, i)));
            }
            return array;
        } else if (value instanceof Collection<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(v -> array.add(toTree(v)));
            return array;
        } else if (value instanceof Map<?, ?> map) {
            // sorted, so that saving the same scenario twice gives the same file
            ObjectNode object = NODES.objectNode();
            new TreeMap<>(map).forEach((k, v) -> object.set(String.valueOf(k), toTree(v)));
            return object;
        } else if (value instanceof Record record) {
            return record(record);
        }
        throw new IllegalStateException("no file format for " + value.getClass());
    }

    private static ObjectNode record(Record record) {
        ObjectNode object = NODES.objectNode();
        Class<?> base = RecordSchema.polymorphicBase(record.getClass());
        if (base != null) {
            object.put(RecordSchema.typeProperty(base), RecordSchema.subtypeName(base, record.getClass()));
        }
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = read(components[i], record);
        }
        for (int i = 0; i < components.length; i++) {
            boolean omit = values[i] == null
                    || RecordSchema.isOptional(components[i]) && isDefault(record, components, values, i);
            if (!omit) {
                object.set(components[i].getName(), toTree(values[i]));
            }
        }
        return object;
    }

    /** Whether leaving the field out of the file would give the same record (so it is left out). */
    private static boolean isDefault(Record record, RecordComponent[] components, Object[] values, int i) {
        Object[] without = values.clone();
        without[i] = null;
        Class<?>[] types = new Class<?>[components.length];
        for (int k = 0; k < components.length; k++) {
            types[k] = components[k].getType();
        }
        try {
            Record rebuilt = (Record) record.getClass().getDeclaredConstructor(types).newInstance(without);
            return Objects.equals(read(components[i], rebuilt), values[i]);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + record.getClass(), e);
        }
    }

    private static Object read(RecordComponent c, Record record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass(), e);
        }
    }
}
