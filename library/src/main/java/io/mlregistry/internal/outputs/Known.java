package io.mlregistry.internal.outputs;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import com.pulumi.core.internal.OutputInternal;
import com.pulumi.exceptions.RunException;
import io.mlregistry.internal.rules.Problems;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * What can be known of an input that may be another resource's output. A value given as a plain
 * Java value (wrapped with {@code Output.of}) is known when the Args are built and is checked
 * there; a value that comes from a resource is checked, with the same rules and messages, when it
 * resolves, before any resource that takes it is registered.
 */
public final class Known {

    /** How a secret value is shown in a problem line. */
    public static final String SECRET = "[secret]";

    /**
     * The text that stands for a secret whose value cannot be read: the offline preview reads a
     * {@code secure:} configuration value, which only the Pulumi CLI can decrypt, as this. A secret
     * with this text is checked only by the rules that do not need its text.
     */
    public static final String UNREADABLE = "<secret>";

    private Known() {
    }

    /**
     * A value known now.
     *
     * @param value the value
     * @param secret whether Pulumi treats it as a secret
     */
    public record Value<T>(T value, boolean secret) {
    }

    /**
     * The value of an output that depends on no resource and has already resolved: a plain value
     * given to an {@code Output}-typed setter, or a config value. Outputs of resources are never
     * read here, even when they happen to have resolved, so that where a value is checked does not
     * depend on timing.
     *
     * @return the value, or empty when it is not known yet, unknown, null or comes from a resource
     */
    public static <T> Optional<Value<T>> now(Output<T> output) {
        if (output == null) {
            return Optional.empty();
        }
        CompletableFuture<OutputData<T>> data = Internal.of(output).getDataAsync();
        if (!data.isDone() || data.isCompletedExceptionally()) {
            return Optional.empty();
        }
        OutputData<T> resolved = data.join();
        if (!resolved.isKnown() || !resolved.getResources().isEmpty() || resolved.getValueNullable() == null) {
            return Optional.empty();
        }
        return Optional.of(new Value<>(resolved.getValueNullable(), resolved.isSecret()));
    }

    /**
     * The value of {@link #now}, secret or not: for names and keys, never for messages.
     *
     * @return the value, or empty when it is not known now
     */
    public static <T> Optional<T> value(Output<T> output) {
        return now(output).map(Value::value);
    }

    /**
     * Whether two inputs of a value type hold the same value: both absent, the same output, or
     * both known now with equal values. An output of another resource equals only itself.
     */
    public static <T> boolean sameValue(Output<T> first, Output<T> second) {
        if (first == second) {
            return true;
        }
        Optional<T> one = value(first);
        return one.isPresent() && one.equals(value(second));
    }

    /** A hash consistent with {@link #sameValue}: of the value when known now, of the output otherwise; 0 when absent. */
    public static <T> int valueHash(Output<T> output) {
        if (output == null) {
            return 0;
        }
        return value(output).map(Object::hashCode).orElseGet(() -> System.identityHashCode(output));
    }

    /**
     * The output, checked when it resolves: a broken rule fails it with the problem lines, so that
     * no resource taking it is registered. Unknown values (a preview before the resource exists)
     * pass through unchecked; a secret value is shown as {@value #SECRET} in the message.
     *
     * @param output the input
     * @param rule adds the problems of one resolved value
     * @return the output, with the same value, secrecy and dependencies
     */
    public static <T> Output<T> checked(Output<T> output, BiConsumer<T, Problems> rule) {
        return checked(output, new Problems(), rule);
    }

    /**
     * {@link #checked(Output, BiConsumer)} for an input of a registry of a stack: every problem line
     * starts {@code registry <name>: }.
     *
     * @param output the input
     * @param registry the registry's name
     * @param rule adds the problems of one resolved value
     * @return the output, with the same value, secrecy and dependencies
     */
    public static <T> Output<T> checked(Output<T> output, String registry, BiConsumer<T, Problems> rule) {
        return checked(output, Problems.of(registry), rule);
    }

    private static <T> Output<T> checked(Output<T> output, Problems problems, BiConsumer<T, Problems> rule) {
        Objects.requireNonNull(output, "output");
        return new OutputInternal<>(Internal.of(output).getDataAsync().thenApply(data -> {
            Object value = data.getValueNullable();
            if (data.isKnown() && !(data.isSecret() && UNREADABLE.equals(value))) {
                rule.accept(data.getValueNullable(), problems);
                if (!problems.isEmpty()) {
                    String message = String.join("\n", problems.lines());
                    if (data.isSecret() && value instanceof String) {
                        message = masked(message, List.of((String) value));
                    }
                    throw failure(message);
                }
            }
            return data;
        }));
    }

    /**
     * The failure of an output whose value breaks a rule: a {@code RunException}, which pulumi-java
     * reports with its message alone (any other exception it reports with a stack trace), caused by
     * an {@link IllegalArgumentException} with the same message, the caller's fault as everywhere
     * else in the library.
     *
     * @param message the problem lines
     * @return the failure to throw
     */
    public static RuntimeException failure(String message) {
        return new RunException(message, new IllegalArgumentException(message));
    }

    /**
     * Throws {@link #failure} with every problem, one per line, when there is any: for a rule
     * checked inside an output.
     *
     * @param problems the problems
     */
    public static void throwIfAny(Problems problems) {
        if (!problems.isEmpty()) {
            throw failure(String.join("\n", problems.lines()));
        }
    }

    /**
     * Every output's value with its secrecy, once all are known: for rules across values, whose
     * messages must show each secret as {@value #SECRET}.
     *
     * @param outputs the inputs
     * @return their values, in order; the output itself is secret when any of them is
     */
    public static <T> Output<List<Value<T>>> values(List<Output<T>> outputs) {
        List<Output<Value<T>>> each = new ArrayList<>();
        for (Output<T> output : outputs) {
            each.add(new OutputInternal<>(Internal.of(output).getDataAsync()
                    .thenApply(data -> data.apply(value -> new Value<>(value, data.isSecret())))));
        }
        return Output.all(each);
    }

    /**
     * A problem message with every secret value shown as {@value #SECRET}, longest first, so that
     * no secret is printed in part.
     *
     * @param message the message
     * @param secrets the secret values
     * @return the masked message
     */
    public static String masked(String message, Collection<String> secrets) {
        List<String> longestFirst = new ArrayList<>(secrets);
        longestFirst.removeIf(String::isEmpty);
        longestFirst.sort((a, b) -> b.length() - a.length());
        String masked = message;
        for (String secret : longestFirst) {
            masked = masked.replace(Problems.show(secret), SECRET);
        }
        return masked;
    }
}
