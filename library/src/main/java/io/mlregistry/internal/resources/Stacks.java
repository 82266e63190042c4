package io.mlregistry.internal.resources;

import com.google.common.collect.ImmutableSet;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import com.pulumi.core.internal.OutputInternal;
import com.pulumi.deployment.Deployment;
import com.pulumi.deployment.DeploymentInstance;
import com.pulumi.deployment.internal.DeploymentInstanceHolder;
import com.pulumi.deployment.internal.DeploymentInternal;
import com.pulumi.resources.DependencyResource;
import com.pulumi.resources.Resource;
import io.mlregistry.internal.composition.Detacher;
import io.mlregistry.internal.composition.StackGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Which graph the registries of the Pulumi program running now join: one per deployment, weakly
 * held, so that every run on the mock engine starts empty. A Java program's graph settles its
 * waiting names when the program's declarations are done (when pulumi-java resolves the stack's
 * outputs, which it does once the program's function has returned); a component provider, which
 * runs each registry of another language's program in its own deployment, shares one graph across
 * them with {@link #within}.
 */
public final class Stacks {

    private static final Map<Object, StackGraph> GRAPHS = new WeakHashMap<>();

    private Stacks() {
    }

    /** The graph of the program running now. */
    static StackGraph current() {
        Object deployment = Deployment.getInstance();
        synchronized (GRAPHS) {
            StackGraph graph = GRAPHS.get(deployment);
            if (graph == null) {
                graph = new StackGraph();
                settledWhenDeclared(graph);
                GRAPHS.put(deployment, graph);
            }
            return graph;
        }
    }

    /**
     * Lets the graph's names wait for the program's declarations, when the program has a stack
     * whose outputs tell when they are done.
     */
    private static void settledWhenDeclared(StackGraph graph) {
        try {
            var outputs = DeploymentInternal.getInstance().getStack().outputs();
            graph.waitForSettlement();
            Internal.of(outputs).getDataAsync().whenComplete((data, failure) -> graph.settle(failure));
        } catch (IllegalStateException e) {
            // No stack: an inline deployment, which binds its graph with within(); names are decided at once.
        }
    }

    /**
     * Runs declarations with the given graph as the running deployment's, and settles the names
     * they left waiting once they are done or have failed.
     *
     * @param graph the graph, shared by the deployments of one program
     * @param declarations what declares the registries
     * @return what the declarations return
     */
    public static <T> T within(StackGraph graph, Supplier<T> declarations) {
        Objects.requireNonNull(graph, "graph");
        synchronized (GRAPHS) {
            GRAPHS.put(Deployment.getInstance(), graph);
        }
        graph.waitForSettlement();
        T result;
        try {
            result = declarations.get();
        } catch (RuntimeException | Error e) {
            graph.settle(e);
            throw e;
        }
        graph.settle(null);
        return result;
    }

    /**
     * Tells the running program's graph that the account its resources are in is a placeholder,
     * as in the offline preview: a principal of any account may be of the deploying one.
     *
     * @param account the placeholder account
     */
    public static void placeholderAccount(String account) {
        current().placeholderAccount(account);
    }

    /**
     * Ends the running deployment's part in a graph that a later deployment of the same program
     * will join: every output the graph holds is read now, and handed to later deployments as new
     * outputs of the same value, secrecy and dependencies. pulumi-java 1.36.1 ties an output to the
     * deployment it was made in: reading one of an ended inline deployment in another installs the
     * ended one on the reading thread ("Trying to acquire Deployment#instance after 'run' was
     * called"). Outputs not resolved yet are handed on as they are.
     *
     * @param graph the graph
     */
    public static void release(StackGraph graph) {
        graph.detach(new Detacher() {
            @Override
            public <T> Supplier<Output<T>> detach(Output<T> output) {
                return Stacks.detach(output);
            }
        });
    }

    private static <T> Supplier<Output<T>> detach(Output<T> output) {
        CompletableFuture<OutputData<T>> future = Internal.of(output).getDataAsync();
        if (!future.isDone() || future.isCompletedExceptionally()) {
            return () -> output;
        }
        DeploymentInstance running = DeploymentInstanceHolder.getInstanceNoThrow();
        try {
            OutputData<T> data = future.getNow(null);
            List<String> urns = new ArrayList<>();
            for (Resource resource : data.getResources()) {
                CompletableFuture<OutputData<String>> urn = Internal.of(resource.urn()).getDataAsync();
                if (!urn.isDone() || urn.isCompletedExceptionally() || urn.getNow(null).getValueNullable() == null) {
                    return () -> output;
                }
                urns.add(urn.getNow(null).getValueNullable());
            }
            T value = data.getValueNullable();
            boolean known = data.isKnown();
            boolean secret = data.isSecret();
            return () -> {
                ImmutableSet.Builder<Resource> dependencies = ImmutableSet.builder();
                urns.forEach(urn -> dependencies.add(new DependencyResource(urn)));
                return new OutputInternal<>(OutputData.ofNullable(dependencies.build(), value, known, secret));
            };
        } finally {
            DeploymentInstanceHolder.setInstance(running);
        }
    }
}
