package io.mlregistry.internal.outputs;

import com.google.common.collect.ImmutableList;
import com.pulumi.core.Output;

import java.util.List;
import java.util.Objects;

/**
 * The lists of inputs the builders of the value types take: copied on the way in, each entry
 * checked for null with a message naming it ({@code subnetIds[1]}), plain values wrapped as outputs.
 */
public final class InputLists {

    private InputLists() {
    }

    /**
     * Plain values as outputs, in order.
     *
     * @param values the values
     * @param name the parameter's name, for the message
     * @throws NullPointerException naming the list or the first null entry
     */
    public static List<Output<String>> outputsOf(List<String> values, String name) {
        Objects.requireNonNull(values, name);
        ImmutableList.Builder<Output<String>> copy = ImmutableList.builder();
        for (int i = 0; i < values.size(); i++) {
            copy.add(Output.of(Objects.requireNonNull(values.get(i), name + "[" + i + "]")));
        }
        return copy.build();
    }

    /**
     * The list with one more output at its end.
     *
     * @param values the list so far, or null for none
     * @param value the output to add
     * @param name the parameter's name, for the message
     * @throws NullPointerException if {@code value} is null
     */
    public static List<Output<String>> appended(List<Output<String>> values, Output<String> value, String name) {
        Objects.requireNonNull(value, name);
        return ImmutableList.<Output<String>>builder()
                .addAll(values != null ? values : List.of())
                .add(value)
                .build();
    }
}
