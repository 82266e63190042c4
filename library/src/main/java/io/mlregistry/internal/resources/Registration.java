package io.mlregistry.internal.resources;

import io.mlregistry.internal.composition.Member;
import io.mlregistry.internal.composition.RegistryComposition;
import io.mlregistry.internal.composition.StackGraph;
import io.mlregistry.internal.plan.RegistryInputs;
import io.mlregistry.internal.plan.RegistryPlan;

import java.util.Optional;

/**
 * What is settled about one registry before its component registers: its checked inputs, the
 * registry whose domain it joins, and its place in the stack's graph with its plan, so that a
 * clash or a broken rule of the graph is refused before the component or any child exists.
 *
 * @param name the component's logical name
 * @param inputs the registry's inputs, checked
 * @param owner the registry whose domain it joins with {@code inDomainOf}, if any
 * @param graph the graph of the program running now
 * @param composed its place in the graph, and its plan
 */
public record Registration(String name, RegistryInputs inputs, Optional<Member> owner, StackGraph graph,
        RegistryComposition.Composed composed) {

    /**
     * Places the registry in the graph of the program running now.
     *
     * @param name the component's logical name
     * @param parentType the type of the component's parent, or empty for the stack: names are
     *     unique among the registries of one parent type
     * @param inputs the registry's inputs, checked
     * @param owner the registry whose domain it joins with {@code inDomainOf}, if any
     * @return the registration
     * @throws IllegalArgumentException if the registry breaks a rule of the stack's graph
     */
    public static Registration prepare(String name, String parentType, RegistryInputs inputs, Optional<Member> owner) {
        StackGraph graph = Stacks.current();
        RegistryComposition.Composed composed = RegistryComposition.compose(graph, name, parentType, inputs, owner);
        WorkloadResources.checkSharing(name, inputs, composed.node().domain());
        return new Registration(name, inputs, owner, graph, composed);
    }

    /** What the registry will create. */
    public RegistryPlan plan() {
        return composed.plan();
    }
}
