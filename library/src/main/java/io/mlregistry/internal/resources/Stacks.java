package io.mlregistry.internal.resources;

import com.pulumi.core.internal.Internal;
import com.pulumi.deployment.Deployment;
import com.pulumi.deployment.internal.DeploymentInternal;
import io.mlregistry.internal.composition.StackGraph;

import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
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
}
