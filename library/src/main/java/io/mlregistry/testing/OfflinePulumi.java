package io.mlregistry.testing;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.resources.StackOptions;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Stands in for {@link com.pulumi.Pulumi} when {@link PreviewMain} runs a program that has only a
 * {@code main(String[])}: PreviewMain loads the program's classes with every call to
 * {@code Pulumi.run}, {@code Pulumi.runAsync} and {@code Pulumi.withOptions} pointed here, so
 * that {@code main} hands over its stack instead of connecting to a Pulumi engine. The stack then
 * runs on the mock engine. Not meant to be called directly.
 */
public interface OfflinePulumi {

    /**
     * Keeps the stack for the preview; returns at once instead of running it and exiting.
     *
     * @param stack the program's stack
     */
    static void run(Consumer<Context> stack) {
        ProgramLoader.capture(stack, StackOptions.Empty);
    }

    /**
     * Keeps the stack for the preview.
     *
     * @param stack the program's stack
     * @return a future of exit code 0
     */
    static CompletableFuture<Integer> runAsync(Consumer<Context> stack) {
        ProgramLoader.capture(stack, StackOptions.Empty);
        return CompletableFuture.completedFuture(0);
    }

    /**
     * An entry point that keeps the stack and its options (their resource transformations) for the
     * preview.
     *
     * @param options the stack options
     * @return the entry point
     */
    static Pulumi.API withOptions(StackOptions options) {
        return new Pulumi.API() {
            @Override
            public void run(Consumer<Context> stack) {
                ProgramLoader.capture(stack, options);
            }

            @Override
            public CompletableFuture<Integer> runAsync(Consumer<Context> stack) {
                ProgramLoader.capture(stack, options);
                return CompletableFuture.completedFuture(0);
            }
        };
    }
}
