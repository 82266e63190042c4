package io.mlregistry.internal.composition;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputInternal;

import java.util.concurrent.CompletableFuture;

/**
 * Where a registry puts the output of something it creates (a repository's name, a domain's name)
 * for the registries that name it: they read it before or after it is bound, and get the bound
 * output's value, secrecy and dependencies either way, so that what names it waits for it.
 */
final class Slot {

    private final CompletableFuture<Output<String>> bound = new CompletableFuture<>();
    private Output<String> output;

    /** Binds the output; a slot is bound once. */
    synchronized void bind(Output<String> output) {
        if (this.output != null) {
            throw new IllegalStateException("bound twice");
        }
        this.output = output;
        bound.complete(output);
    }

    /** Fails a slot that was never bound, so that nothing waits for it forever. */
    synchronized void fail(RuntimeException failure) {
        bound.completeExceptionally(failure);
    }

    /** The output: the bound one itself once bound, else one that forwards it when it is. */
    synchronized Output<String> output() {
        if (output != null) {
            return output;
        }
        return new OutputInternal<>(bound.thenCompose(o -> Internal.of(o).getDataAsync()));
    }

    /** The same, for a slot that another's output is resolved to later. */
    static Output<String> later(CompletableFuture<Output<String>> resolved) {
        return new OutputInternal<>(resolved.thenCompose(o -> Internal.of(o).getDataAsync()));
    }
}
