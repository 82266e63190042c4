package io.mlregistry.provider;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds inputs the way a Pulumi SDK sends them: plain values, output values, secrets and unknowns. */
final class WireValues {

    private WireValues() {
    }

    static Value plain(Object value) {
        return Wire.encode(value);
    }

    /** An output value: known or not, secret or not, with the URNs it depends on. */
    static Value output(Object value, boolean known, boolean secret, List<String> dependencies) {
        Struct.Builder struct = Struct.newBuilder()
                .putFields(Wire.SIGNATURE_KEY, Value.newBuilder().setStringValue(Wire.OUTPUT_SIG).build());
        if (known) {
            struct.putFields("value", Wire.encode(value));
        }
        if (secret) {
            struct.putFields("secret", Value.newBuilder().setBoolValue(true).build());
        }
        if (!dependencies.isEmpty()) {
            ListValue.Builder urns = ListValue.newBuilder();
            dependencies.forEach(urn -> urns.addValues(Value.newBuilder().setStringValue(urn)));
            struct.putFields("dependencies", Value.newBuilder().setListValue(urns).build());
        }
        return Value.newBuilder().setStructValue(struct).build();
    }

    /** A resource reference, as an SDK sends a component passed as an input. */
    static Value resource(String urn) {
        return Value.newBuilder().setStructValue(Struct.newBuilder()
                .putFields(Wire.SIGNATURE_KEY, Value.newBuilder().setStringValue(Wire.RESOURCE_SIG).build())
                .putFields("urn", Value.newBuilder().setStringValue(urn).build())).build();
    }

    static Value secret(Object value) {
        return Wire.secret(Wire.encode(value));
    }

    static Value list(Value... items) {
        return Value.newBuilder().setListValue(ListValue.newBuilder().addAllValues(List.of(items))).build();
    }

    static Value object(Map<String, Value> fields) {
        return Value.newBuilder().setStructValue(Struct.newBuilder().putAllFields(fields)).build();
    }

    static Struct struct(Object... keysAndValues) {
        Map<String, Value> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            fields.put((String) keysAndValues[i], value instanceof Value ? (Value) value : Wire.encode(value));
        }
        return Struct.newBuilder().putAllFields(fields).build();
    }
}
