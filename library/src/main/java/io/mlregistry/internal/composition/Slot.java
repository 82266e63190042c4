package io.mlregistry.internal.composition;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputInternal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Where a registry puts the output of something it creates (a repository's name, a domain's name,
 * what its policies grant) for the registries that name it: they read it before or after it is
 * bound, and get the bound output's value, secrecy and dependencies either way, so that what names
 * it waits for it. Once the deployment that bound it has ended ({@link #detach}), it hands out new
 * outputs of the same value instead, for a later deployment of the same program.
 *
 * @param <T> the output's type
 */
final class Slot<T> {

    private final CompletableFuture<Output<T>> bound = new CompletableFuture<>();
    private Output<T> output;
    private Supplier<Output<T>> detached;

    /** Binds the output; a slot is bound once. */
    synchronized void bind(Output<T> output) {
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
    synchronized Output<T> output() {
        if (detached != null) {
            return detached.get();
        }
        if (output != null) {
            return output;
        }
        return later(bound);
    }

    /** Keeps what the bound output resolved to, for outputs made in a later deployment. */
    synchronized void detach(Detacher detacher) {
        if (output != null) {
            detached = detacher.detach(output);
        }
    }

    /** An output that forwards the one a future is completed with. */
    static <T> Output<T> later(CompletableFuture<Output<T>> resolved) {
        return new OutputInternal<>(resolved.thenCompose(o -> Internal.of(o).getDataAsync()));
    }
}
