package io.mlregistry.provider;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One property value as the Pulumi engine sends it, read from the protobuf {@link Value} without
 * losing what the plain value would: whether it is known, whether it is secret, and the URNs of the
 * resources it came from. Pulumi encodes secrets, unknowns and output values as objects tagged with
 * a signature key; this class is the only place that knows those encodings.
 *
 * @param kind what the value is
 * @param value the plain value: {@code Boolean}, {@code Double}, {@code String}, a {@code List} of
 *     {@code Wire} or a {@code Map} of {@code Wire}; null for {@link Kind#NULL} and {@link Kind#UNKNOWN}
 * @param secret whether the value, or a value it was taken from, is secret
 * @param dependencies the URNs of the resources the value depends on, outermost first
 */
public record Wire(Kind kind, Object value, boolean secret, Set<String> dependencies) {

    /** The key every special object carries. */
    public static final String SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
    /** The signature of a secret: {@code {sig, value}}. */
    public static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    /** The signature of an output value: {@code {sig, value?, secret?, dependencies?}}. */
    public static final String OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
    /** The signature of a resource reference: {@code {sig, urn, id?, packageVersion?}}. */
    public static final String RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
    /** The string that stands for a value not known during a preview. */
    public static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    /** What a wire value is. */
    public enum Kind {
        /** Absent or null. */
        NULL,
        /** A boolean. */
        BOOL,
        /** A number (always a double on the wire). */
        NUMBER,
        /** A string. */
        STRING,
        /** A list of {@code Wire}. */
        LIST,
        /** An object: a map of {@code Wire}. */
        OBJECT,
        /** Not known yet (a preview before the resource it comes from exists). */
        UNKNOWN,
        /** A resource reference; the value is its URN. */
        RESOURCE,
        /** An asset or archive, which no input of this component takes. */
        UNSUPPORTED
    }

    /**
     * Copies the parts.
     *
     * @param kind what the value is
     * @param value the plain value
     * @param secret whether it is secret
     * @param dependencies the URNs it depends on
     */
    public Wire {
        Objects.requireNonNull(kind, "kind");
        dependencies = Set.copyOf(new LinkedHashSet<>(dependencies));
    }

    /**
     * Reads every field of a struct.
     *
     * @param struct the properties
     * @return the values by property name, in the struct's order
     */
    public static Map<String, Wire> read(Struct struct) {
        Map<String, Wire> values = new LinkedHashMap<>();
        struct.getFieldsMap().forEach((key, value) -> values.put(key, read(value)));
        return values;
    }

    /**
     * Reads one value.
     *
     * @param value the protobuf value
     * @return the wire value
     */
    public static Wire read(Value value) {
        switch (value.getKindCase()) {
            case BOOL_VALUE:
                return plain(Kind.BOOL, value.getBoolValue());
            case NUMBER_VALUE:
                return plain(Kind.NUMBER, value.getNumberValue());
            case STRING_VALUE:
                return UNKNOWN.equals(value.getStringValue())
                        ? plain(Kind.UNKNOWN, null)
                        : plain(Kind.STRING, value.getStringValue());
            case LIST_VALUE: {
                List<Wire> items = new ArrayList<>();
                value.getListValue().getValuesList().forEach(item -> items.add(read(item)));
                return plain(Kind.LIST, List.copyOf(items));
            }
            case STRUCT_VALUE:
                return readStruct(value.getStructValue());
            default:
                return plain(Kind.NULL, null);
        }
    }

    private static Wire readStruct(Struct struct) {
        Map<String, Value> fields = struct.getFieldsMap();
        Value sig = fields.get(SIGNATURE_KEY);
        if (sig == null) {
            Map<String, Wire> object = new LinkedHashMap<>();
            fields.forEach((key, field) -> object.put(key, read(field)));
            return plain(Kind.OBJECT, java.util.Collections.unmodifiableMap(object));
        }
        switch (sig.getStringValue()) {
            case SECRET_SIG: {
                Wire inner = read(fields.getOrDefault("value", Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build()));
                return new Wire(inner.kind, inner.value, true, inner.dependencies);
            }
            case OUTPUT_SIG: {
                Wire inner = fields.containsKey("value") ? read(fields.get("value")) : plain(Kind.UNKNOWN, null);
                boolean secret = inner.secret || (fields.containsKey("secret") && fields.get("secret").getBoolValue());
                Set<String> dependencies = new LinkedHashSet<>();
                if (fields.containsKey("dependencies")) {
                    fields.get("dependencies").getListValue().getValuesList()
                            .forEach(urn -> dependencies.add(urn.getStringValue()));
                }
                dependencies.addAll(inner.dependencies);
                return new Wire(inner.kind, inner.value, secret, dependencies);
            }
            case RESOURCE_SIG:
                return plain(Kind.RESOURCE, fields.containsKey("urn") ? fields.get("urn").getStringValue() : "");
            default:
                return plain(Kind.UNSUPPORTED, null);
        }
    }

    private static Wire plain(Kind kind, Object value) {
        return new Wire(kind, value, false, Set.of());
    }

    /**
     * A copy that also depends on the given URNs, as the engine's per-property dependency lists say.
     *
     * @param urns more dependencies
     * @return the copy
     */
    public Wire withDependencies(Collection<String> urns) {
        Set<String> all = new LinkedHashSet<>(dependencies);
        all.addAll(urns);
        return new Wire(kind, value, secret, all);
    }

    /**
     * Whether this value, or any value inside it, is secret.
     *
     * @return true when a secret is anywhere in it
     */
    public boolean containsSecret() {
        if (secret) {
            return true;
        }
        if (kind == Kind.LIST) {
            return items().stream().anyMatch(Wire::containsSecret);
        }
        if (kind == Kind.OBJECT) {
            return fields().values().stream().anyMatch(Wire::containsSecret);
        }
        return false;
    }

    /**
     * The items of a list.
     *
     * @return the items
     * @throws ClassCastException if this is not a list
     */
    @SuppressWarnings("unchecked")
    public List<Wire> items() {
        return (List<Wire>) value;
    }

    /**
     * The fields of an object.
     *
     * @return the fields
     * @throws ClassCastException if this is not an object
     */
    @SuppressWarnings("unchecked")
    public Map<String, Wire> fields() {
        return (Map<String, Wire>) value;
    }

    /**
     * Encodes a plain Java value (null, Boolean, Number, String, List, Map) for the engine.
     *
     * @param value the value
     * @return the protobuf value
     * @throws IllegalArgumentException for any other type
     */
    public static Value encode(Object value) {
        if (value == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (value instanceof Boolean) {
            return Value.newBuilder().setBoolValue((Boolean) value).build();
        }
        if (value instanceof Number) {
            return Value.newBuilder().setNumberValue(((Number) value).doubleValue()).build();
        }
        if (value instanceof String) {
            return Value.newBuilder().setStringValue((String) value).build();
        }
        if (value instanceof List) {
            ListValue.Builder list = ListValue.newBuilder();
            ((List<?>) value).forEach(item -> list.addValues(encode(item)));
            return Value.newBuilder().setListValue(list).build();
        }
        if (value instanceof Map) {
            Struct.Builder struct = Struct.newBuilder();
            ((Map<?, ?>) value).forEach((key, item) -> struct.putFields(String.valueOf(key), encode(item)));
            return Value.newBuilder().setStructValue(struct).build();
        }
        throw new IllegalArgumentException("cannot encode " + value.getClass().getName());
    }

    /**
     * Encodes a value for the engine as Pulumi marks a secret: {@code {sig: secret, value}}.
     *
     * @param value the encoded value
     * @return the secret
     */
    public static Value secret(Value value) {
        return Value.newBuilder().setStructValue(Struct.newBuilder()
                        .putFields(SIGNATURE_KEY, Value.newBuilder().setStringValue(SECRET_SIG).build())
                        .putFields("value", value))
                .build();
    }

    /**
     * The value standing for an unknown during a preview.
     *
     * @return the unknown
     */
    public static Value unknown() {
        return Value.newBuilder().setStringValue(UNKNOWN).build();
    }
}
