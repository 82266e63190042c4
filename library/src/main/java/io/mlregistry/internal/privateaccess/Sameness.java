package io.mlregistry.internal.privateaccess;

import com.pulumi.core.Output;
import io.mlregistry.internal.outputs.Known;

import java.util.List;
import java.util.Optional;

/**
 * Whether two inputs name the same thing while the program runs: values known now compare by
 * value, outputs of resources only by identity, since an output's value is not known until it
 * resolves.
 */
public final class Sameness {

    private Sameness() {
    }

    /** Whether two inputs are the same value or the same output. */
    public static boolean same(Output<String> first, Output<String> second) {
        return Known.sameValue(first, second);
    }

    /** Whether two lists hold the same inputs in the same order. */
    public static boolean same(List<Output<String>> first, List<Output<String>> second) {
        if (first.size() != second.size()) {
            return false;
        }
        for (int i = 0; i < first.size(); i++) {
            if (!same(first.get(i), second.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether an optional input is absent in both or the same in both. */
    public static boolean same(Optional<Output<String>> first, Optional<Output<String>> second) {
        return first.isPresent() == second.isPresent() && (first.isEmpty() || same(first.get(), second.get()));
    }

    /** Whether a list holds an input that is the same as this one. */
    public static boolean contains(List<Output<String>> values, Output<String> value) {
        return values.stream().anyMatch(v -> same(v, value));
    }

    /**
     * The key under which a VPC is known while the program runs: its ID when known now, else the
     * output itself, by identity.
     */
    public static Object key(Output<String> value) {
        Optional<String> known = Known.value(value);
        return known.isPresent() ? known.get() : value;
    }

    /** An input's hash, consistent with {@link #same(Output, Output)}. */
    public static int hash(Output<String> value) {
        return Known.valueHash(value);
    }
}
