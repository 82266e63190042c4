package io.mlregistry.internal.outputs;

import com.pulumi.core.Output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders inputs that may be outputs for {@code toString}: known values as themselves. */
public final class Shown {

    private Shown() {
    }

    public static String of(Output<?> output) {
        if (output == null) {
            return "null";
        }
        return Known.now(output)
                .map(value -> value.secret() ? Known.SECRET : String.valueOf(value.value()))
                .orElse("output");
    }

    public static String of(List<Output<String>> outputs) {
        return outputs.stream().map(Shown::of).collect(Collectors.joining(", ", "[", "]"));
    }

    public static String of(Map<String, Output<String>> outputs) {
        Map<String, String> shown = new LinkedHashMap<>();
        outputs.forEach((key, value) -> shown.put(key, of(value)));
        return shown.toString();
    }
}
