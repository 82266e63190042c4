package io.mlregistry.internal.composition;

import com.pulumi.core.Output;
import io.mlregistry.internal.access.AccessRules;
import io.mlregistry.internal.access.Policies;
import io.mlregistry.internal.outputs.Known;
import io.mlregistry.internal.plan.RegistryInputs;
import io.mlregistry.internal.plan.RegistryPlan;
import io.mlregistry.internal.rules.Problems;
import io.mlregistry.internal.validation.ArgsValidator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one registry fits the others of its stack: the ledger of the domain it creates or joins,
 * the repositories it claims there, the upstreams it searches (its own stores, the domain's shared
 * stores, other registries' repositories) and the check that the domain's policy lets its
 * principals get a token.
 */
public final class RegistryComposition {

    private RegistryComposition() {
    }

    /**
     * The ledger of the domain this registry creates or joins: its owner's, for {@code inDomainOf};
     * refuses a second registry creating a domain of the same name.
     *
     * @param stack the ledger of the program running now
     */
    public static DomainLedger ledger(StackLedger stack, String name, RegistryInputs args, Optional<Member> owner) {
        if (owner.isPresent()) {
            return owner.get().ledger();
        }
        Optional<String> domainName = Known.value(args.domainName());
        if (!args.createDomain()) {
            return stack.joined(name, domainName, args.domainOwner().flatMap(Known::value));
        }
        Problems problems = new Problems();
        DomainLedger ledger = stack.created(name, domainName, problems);
        problems.throwIfAny();
        return ledger;
    }

    /** Records the repositories this registry creates in its domain; refuses one another registry creates. */
    public static void claimRepositories(String name, RegistryPlan plan, DomainLedger ledger) {
        Problems problems = new Problems();
        for (RegistryPlan.UpstreamRef upstream : plan.upstreams()) {
            if (upstream.kind() == RegistryPlan.UpstreamKind.SHARED_STORE && !upstream.airlocked()) {
                String connection = upstream.externalConnection().orElseThrow();
                ledger.airlockedBy(connection).ifPresent(owner -> problems.add(
                        "registry " + name + ": upstreams[" + upstream.index() + "].externalConnection", connection,
                        "would search " + upstream.name().orElseThrow() + " directly, which the cooldown airlock of "
                                + "registry " + owner + " holds back; search Upstream.repositoryOf(" + owner
                                + "), where versions arrive once aged"));
            }
            if (upstream.kind() == RegistryPlan.UpstreamKind.STORE) {
                ledger.claim(name, "upstreams[" + upstream.index() + "].storeRepositoryName",
                        upstream.name().orElseThrow(), problems);
            }
        }
        ledger.claim(name, "repositoryName", plan.repositoryName(), problems);
        problems.throwIfAny();
    }

    /** The name of the store this registry creates for a connection. */
    public static String storeName(RegistryPlan plan, String connection) {
        return plan.stores().stream().filter(s -> s.externalConnection().equals(connection))
                .findFirst().orElseThrow().repositoryName();
    }

    /**
     * The primary repository's upstreams, in search order: its own stores, shared stores and other
     * repositories by their outputs, so that it waits for each; names checked when they resolve.
     */
    public static List<Output<String>> upstreamNames(RegistryPlan plan, RegistryInputs args,
            Map<String, Output<String>> stores, Optional<DomainLedger> shared) {
        List<Output<String>> names = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (RegistryPlan.UpstreamRef upstream : plan.primaryUpstreams()) {
            String at = "upstreams[" + upstream.index() + "]";
            switch (upstream.kind()) {
                case STORE -> {
                    names.add(stores.get(upstream.externalConnection().orElseThrow()));
                    fields.add(at + ".storeRepositoryName");
                }
                case SHARED_STORE -> {
                    names.add(shared.orElseThrow().sharedStore(upstream.externalConnection().orElseThrow()).orElseThrow());
                    fields.add(at + ".storeRepositoryName");
                }
                default -> {
                    names.add(args.upstreams().get(upstream.index()).repository().orElseThrow());
                    fields.add(at + ".repository");
                }
            }
        }
        if (names.isEmpty()) {
            return names;
        }
        Output<List<String>> checked = Known.checked(Output.all(names), (resolved, problems) -> {
            List<String[]> pairs = new ArrayList<>();
            for (int i = 0; i < resolved.size(); i++) {
                pairs.add(new String[] {fields.get(i), resolved.get(i)});
            }
            ArgsValidator.upstreamNames(plan.repositoryName(), pairs, problems);
        });
        List<Output<String>> result = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            result.add(checked.applyValue(list -> list.get(index)));
        }
        return result;
    }

    /**
     * This registry's access, once checked against the domain policy of the registry whose domain
     * it joined: every reader and publisher outside the domain owner's account must be able to get
     * an authorization token from it.
     */
    public static Output<Policies.Access> coveredBy(String name, String owner, Output<Policies.Access> grants,
            Output<Policies.Access> access, Output<String> domainOwner, Output<String> domainName) {
        return Output.tuple(access, grants, domainOwner, domainName).applyValue(t -> {
            Problems problems = new Problems();
            AccessRules.checkCovered(name, owner, t.t4, t.t3, t.t1, t.t2, problems);
            problems.throwIfAny();
            return t.t1;
        });
    }
}
