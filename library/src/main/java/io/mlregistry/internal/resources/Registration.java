package io.mlregistry.internal.resources;

import io.mlregistry.internal.composition.DomainLedger;
import io.mlregistry.internal.composition.Member;
import io.mlregistry.internal.composition.RegistryComposition;
import io.mlregistry.internal.plan.RegistryInputs;
import io.mlregistry.internal.plan.RegistryPlan;
import io.mlregistry.internal.plan.RegistryPlanner;

import java.util.Optional;

/**
 * What is settled about one registry before its component registers: its checked inputs, the
 * registry whose domain it joins, the ledger of that domain, and the plan, with its repositories
 * claimed in the ledger, so that a clash is refused before the component or any child exists.
 *
 * @param name the component's logical name
 * @param inputs the registry's inputs, checked
 * @param owner the registry whose domain it joins with {@code inDomainOf}, if any
 * @param ledger the ledger of the domain it creates or joins
 * @param plan what it will create
 */
public record Registration(String name, RegistryInputs inputs, Optional<Member> owner, DomainLedger ledger,
        RegistryPlan plan) {

    /**
     * Finds the domain's ledger, plans the registry and claims its repositories in the ledger.
     *
     * @param name the component's logical name
     * @param inputs the registry's inputs, checked
     * @param owner the registry whose domain it joins with {@code inDomainOf}, if any
     * @return the registration
     * @throws IllegalArgumentException if another registry of the stack creates the same domain or
     *     one of the same repositories
     */
    public static Registration prepare(String name, RegistryInputs inputs, Optional<Member> owner) {
        DomainLedger ledger = RegistryComposition.ledger(Stacks.current(), name, inputs, owner);
        RegistryPlan plan = RegistryPlanner.plan(name, inputs,
                owner.map(member -> member.ledger().sharedStoreNames()));
        RegistryComposition.claimRepositories(name, plan, ledger);
        WorkloadResources.checkSharing(name, inputs, ledger);
        return new Registration(name, inputs, owner, ledger, plan);
    }
}
