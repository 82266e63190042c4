package io.mlregistry.internal.resources;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import com.pulumi.core.internal.OutputInternal;

import java.util.concurrent.CompletableFuture;

/**
 * Owns how a broken rule of an input that resolves late is reported: once, in the library's own
 * words. pulumi-java 1.36.1 registers every output with the program's runner, which stops at the
 * first failed one and reports it: a {@code RunException} with its message alone, anything else
 * with a stack trace. A checked input fails with a {@code RunException} ({@code Known.failure});
 * but handed to a resource, it would also fail that resource's registration, which pulumi-java
 * reports as {@code serializing property "<name>": <message>} with a stack trace, once per resource
 * it reaches, and whichever the runner meets first is what the user reads. So the resources that
 * take a checked input get an output that, when the input breaks a rule, never resolves: none of
 * them is registered, and the input's own failure is the one reported.
 */
final class Reporter {

    private Reporter() {
    }

    /**
     * The output a checked input's takers get: the same value once it passes; an output that never
     * resolves when it breaks a rule (a failure caused by an {@link IllegalArgumentException}), while
     * the input's own failure ends the program. Other failures pass through as they are.
     *
     * @param checked the checked input
     * @return the output for the resources that take it
     */
    static <T> Output<T> owned(Output<T> checked) {
        CompletableFuture<OutputData<T>> quiet = new CompletableFuture<>();
        Internal.of(checked).getDataAsync().whenComplete((data, failure) -> {
            if (failure == null) {
                quiet.complete(data);
                return;
            }
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (!(root instanceof IllegalArgumentException)) {
                quiet.completeExceptionally(failure);
            }
        });
        return new OutputInternal<>(quiet);
    }
}
