package io.mlregistry.internal.composition;

import com.pulumi.core.Output;

import java.util.function.Supplier;

/**
 * Turns an output of a deployment that has ended into what makes outputs of the same value,
 * secrecy and dependencies in a later deployment of the same program: a component provider runs
 * each registry of another language's program in a deployment of its own, and pulumi-java ties an
 * output to the deployment it was made in.
 */
public interface Detacher {

    /**
     * Reads a resolved output.
     *
     * @param output an output of the deployment ending now
     * @return what makes an equal output in the deployment running when it is called
     */
    <T> Supplier<Output<T>> detach(Output<T> output);
}
