package io.mlregistry.provider;

import com.google.common.collect.ImmutableSet;
import com.pulumi.core.Output;
import com.pulumi.core.internal.OutputData;
import com.pulumi.core.internal.OutputInternal;
import com.pulumi.resources.DependencyResource;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads typed values off the wire of a {@code Construct} call: strings, booleans, whole numbers,
 * lists and objects, plain where the schema says so, outputs (with their dependencies, secretness
 * and knownness) elsewhere. Every mismatch between the wire and the schema adds one problem line,
 * in the library's style, and the value is left out.
 */
abstract class WireReader {

    /** The problems found so far, one line each. */
    final List<String> problems = new ArrayList<>();

    /** A value the caller set: absent and null both mean "not set", as in every Pulumi SDK. */
    static Optional<Wire> given(Map<String, Wire> values, String name) {
        Wire value = values.get(name);
        if (value == null || (value.kind() == Wire.Kind.NULL && value.dependencies().isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    Optional<Output<String>> stringOutput(String at, Wire value) {
        if (value.kind() != Wire.Kind.STRING && value.kind() != Wire.Kind.UNKNOWN) {
            problems.add(at + " must be a string, not " + shown(value));
            return Optional.empty();
        }
        return Optional.of(output(value));
    }

    /**
     * An {@link Output} with the value's dependencies, secretness and knownness; a plain known
     * value becomes {@code Output.of}, as the Java API would make it.
     */
    static Output<String> output(Wire value) {
        boolean known = value.kind() != Wire.Kind.UNKNOWN;
        String text = known ? (String) value.value() : null;
        if (known && !value.secret() && value.dependencies().isEmpty()) {
            return Output.of(text);
        }
        ImmutableSet.Builder<Resource> resources = ImmutableSet.builder();
        value.dependencies().forEach(urn -> resources.add(new DependencyResource(urn)));
        return new OutputInternal<>(OutputData.ofNullable(resources.build(), text, known, value.secret()));
    }

    Optional<String> plainString(String at, Wire value) {
        if (!plain(at, value)) {
            return Optional.empty();
        }
        if (value.kind() != Wire.Kind.STRING) {
            problems.add(at + " must be a string, not " + shown(value));
            return Optional.empty();
        }
        return Optional.of((String) value.value());
    }

    Optional<Boolean> plainBool(String at, Wire value) {
        if (!plain(at, value)) {
            return Optional.empty();
        }
        if (value.kind() != Wire.Kind.BOOL) {
            problems.add(at + " must be a boolean, not " + shown(value));
            return Optional.empty();
        }
        return Optional.of((Boolean) value.value());
    }

    /** Plain inputs name resources or shape the plan, so they must be known and cannot stay secret. */
    boolean plain(String at, Wire value) {
        if (value.kind() == Wire.Kind.UNKNOWN) {
            problems.add(at + " (unknown) must be known during a preview: it is a plain input that decides which resources exist");
            return false;
        }
        if (value.secret()) {
            problems.add(at + " (secret) must not be a secret: it is a plain input that appears in resource names and plans");
            return false;
        }
        return true;
    }

    interface Reader<T> {
        Optional<T> read(String at, Wire value);
    }

    <T> void list(String at, Wire value, Reader<T> item, Consumer<List<T>> sink) {
        if (!plainList(at, value)) {
            return;
        }
        List<T> items = new ArrayList<>();
        List<Wire> wires = value.items();
        for (int i = 0; i < wires.size(); i++) {
            item.read(at + "[" + i + "]", inherit(wires.get(i), value)).ifPresent(items::add);
        }
        if (items.size() == wires.size()) {
            sink.accept(items);
        }
    }

    void outputs(String at, Wire value, Consumer<List<String>> none, Consumer<Output<String>> add) {
        if (!plainList(at, value)) {
            return;
        }
        if (value.items().isEmpty()) {
            none.accept(List.of());
        }
        List<Wire> wires = value.items();
        for (int i = 0; i < wires.size(); i++) {
            stringOutput(at + "[" + i + "]", inherit(wires.get(i), value)).ifPresent(add);
        }
    }

    boolean plainList(String at, Wire value) {
        if (value.kind() == Wire.Kind.UNKNOWN) {
            problems.add(at + " (unknown) must be a list whose length is known during a preview; its items may be unknown");
            return false;
        }
        if (value.kind() != Wire.Kind.LIST) {
            problems.add(at + " must be a list, not " + shown(value));
            return false;
        }
        return true;
    }

    /** An item of a list or map that is itself an output takes the container's dependencies and secretness. */
    static Wire inherit(Wire item, Wire container) {
        Wire withDependencies = item.withDependencies(container.dependencies());
        return container.secret() && !item.secret()
                ? new Wire(item.kind(), item.value(), true, withDependencies.dependencies())
                : withDependencies;
    }

    Optional<Map<String, Wire>> object(String at, Wire value, Set<String> names) {
        if (!plain(at, value)) {
            return Optional.empty();
        }
        if (value.kind() != Wire.Kind.OBJECT) {
            problems.add(at + " must be an object, not " + shown(value));
            return Optional.empty();
        }
        int before = problems.size();
        value.fields().keySet().stream()
                .filter(name -> !names.contains(name))
                .forEach(name -> problems.add(at + "." + name + " is not a property of " + at.replaceAll("\\[\\d+]$", "")));
        return problems.size() == before ? Optional.of(value.fields()) : Optional.empty();
    }

    /** A plain whole number: the wire carries every number as a double. */
    Optional<Integer> plainInteger(String at, Wire value) {
        if (!plain(at, value)) {
            return Optional.empty();
        }
        if (value.kind() != Wire.Kind.NUMBER) {
            problems.add(at + " must be a whole number, not " + shown(value));
            return Optional.empty();
        }
        double number = (Double) value.value();
        if (number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE) {
            problems.add(at + " (" + number + ") must be a whole number");
            return Optional.empty();
        }
        return Optional.of((int) number);
    }

    static Optional<Wire> optional(Map<String, Wire> fields, String name) {
        return given(fields, name);
    }

    static String shown(Wire value) {
        switch (value.kind()) {
            case NUMBER:
                return "a number";
            case BOOL:
                return "a boolean";
            case STRING:
                return "a string";
            case LIST:
                return "a list";
            case OBJECT:
                return "an object";
            case RESOURCE:
                return "a resource reference";
            case NULL:
                return "null";
            default:
                return "an asset or archive";
        }
    }
}
