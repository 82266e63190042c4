package io.mlregistry.internal.composition;

import com.pulumi.core.Output;
import io.mlregistry.internal.access.AccessRules;
import io.mlregistry.internal.access.Policies;
import io.mlregistry.internal.access.TokenCoverage;
import io.mlregistry.internal.outputs.Known;
import io.mlregistry.internal.plan.PackageGroupSpec;
import io.mlregistry.internal.plan.RegistryInputs;
import io.mlregistry.internal.plan.RegistryInputs.NamespaceInput;
import io.mlregistry.internal.plan.RegistryInputs.PackageGroupInput;
import io.mlregistry.internal.plan.RegistryInputs.RestrictionInput;
import io.mlregistry.internal.plan.RegistryInputs.UpstreamInput;
import io.mlregistry.internal.plan.RegistryPlan;
import io.mlregistry.internal.plan.RegistryPlanner;
import io.mlregistry.internal.rules.Problems;
import io.mlregistry.internal.rules.Rules;
import io.mlregistry.internal.validation.ArgsValidator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one registry joins the stack's graph: the domain it creates or joins, its plan (which reuses
 * the domain's stores), what it adds to the graph, and the outputs it takes from other registries
 * for the names it gives as strings, so that its repository and package groups wait for theirs.
 */
public final class RegistryComposition {

    private RegistryComposition() {
    }

    /**
     * A registry placed in the graph.
     *
     * @param node its node
     * @param plan what it will create
     * @param upstreamNames the names of its upstreams given as strings, as outputs, by upstream index
     * @param groupWaits per package group, in plan order, the repositories it names, as outputs
     */
    public record Composed(Node node, RegistryPlan plan, Map<Integer, Output<String>> upstreamNames,
            List<List<Output<String>>> groupWaits) {
    }

    /**
     * Places a registry in the graph: refuses a name, domain, repository or pattern another
     * registry of the stack has, and an addition that breaks a rule of the graph, before the
     * component or any child is registered.
     *
     * @param graph the graph of the program running now
     * @param name the component's logical name
     * @param parentType the type of the component's parent, empty for the stack
     * @param args the registry's inputs, checked
     * @param owner the registry whose domain it joins with {@code inDomainOf}, if any
     * @throws IllegalArgumentException naming both registries and the field of every problem
     */
    public static Composed compose(StackGraph graph, String name, String parentType, RegistryInputs args,
            Optional<Member> owner) {
        synchronized (graph) {
            Problems problems = new Problems();
            graph.checkName(name, parentType, problems);
            problems.throwIfAny();
            StackGraph.Place place = graph.place(name, new StackGraph.DomainChoice(owner.map(Member::node),
                    args.createDomain(), owner.isPresent() ? Optional.empty() : Known.value(args.domainName()),
                    args.domainOwner().isPresent(), args.domainOwner().flatMap(Known::value)));
            Domain domain = place.domain();
            RegistryPlan plan = RegistryPlanner.plan(name, args, domain.storeNames(), owner.isPresent());
            domain.creator().ifPresent(creator -> creator.grants().ifPresent(grants -> TokenCoverage.checkOrganization(
                    name, creator.name(), domain.shortName(), plainOrganization(args), grants, problems)));
            Optional<String[]> partition = partitionOf(args);
            partition.ifPresent(own -> domain.partition().filter(first -> !first[0].equals(own[0])).ifPresent(first ->
                    problems.add("registry " + name + ": " + own[1], own[2], "must be in partition " + first[0] + ", as "
                            + first[1] + " is: the registries of one domain are in its partition")));
            Node node = graph.add(place, addition(name, args, plan), problems).orElse(null);
            problems.throwIfAny();
            graph.claimName(name, parentType);
            partition.ifPresent(own -> domain.partition(new String[] {own[0], "registry " + name + "'s " + own[1]}));
            if (plan.createDomain()) {
                boolean organizationKnown = args.organizationId().isEmpty() || plainOrganization(args).isPresent();
                node.grants(AccessRules.check(ArgsValidator.accessInputs(args), organizationKnown, new Problems())
                        .map(TokenCoverage::of));
            }
            Map<Integer, Output<String>> upstreamNames = new LinkedHashMap<>();
            for (RegistryPlan.UpstreamRef upstream : plan.primaryUpstreams()) {
                if (upstream.kind() == RegistryPlan.UpstreamKind.REPOSITORY && upstream.name().isPresent()) {
                    upstreamNames.put(upstream.index(), graph.repository(node, "upstreams[" + upstream.index() + "].repository",
                            upstream.name().get(), StackGraph.Purpose.UPSTREAM, problems));
                }
            }
            List<List<Output<String>>> groupWaits = new ArrayList<>();
            groupRepositories(args).forEach(named -> {
                List<Output<String>> waits = new ArrayList<>();
                named.forEach((field, repository) -> waits.add(graph.repository(node, field, repository,
                        field.startsWith("internalNamespaces") ? StackGraph.Purpose.PUBLISHER
                                : StackGraph.Purpose.RAW_PACKAGE_GROUP, problems)));
                groupWaits.add(waits);
            });
            problems.throwIfAny();
            return new Composed(node, plan, upstreamNames, groupWaits);
        }
    }

    /**
     * The partition of the registry's first principal or key ARN known now:
     * {@code {partition, field, value}}.
     */
    private static Optional<String[]> partitionOf(RegistryInputs args) {
        Map<String, List<Output<String>>> lists = new LinkedHashMap<>();
        lists.put("readerPrincipals", args.readerPrincipals());
        lists.put("publisherPrincipals", args.publisherPrincipals());
        lists.put("tokenAccounts", args.tokenAccounts());
        lists.put("repositoryCreatorAccounts", args.repositoryCreatorAccounts());
        for (Map.Entry<String, List<Output<String>>> list : lists.entrySet()) {
            for (int i = 0; i < list.getValue().size(); i++) {
                Optional<String> principal = plain(list.getValue().get(i)).filter(Rules::isPrincipal);
                Optional<String> partition = principal.flatMap(Rules::principalPartition);
                if (partition.isPresent()) {
                    return Optional.of(new String[] {partition.get(), list.getKey() + "[" + i + "]", principal.get()});
                }
            }
        }
        return args.kmsKeyArn().flatMap(RegistryComposition::plain).filter(Rules::isKmsKeyArn)
                .map(key -> new String[] {key.split(":", 3)[1], "kmsKeyArn", key});
    }

    private static Optional<String> plain(Output<String> value) {
        return Known.now(value).filter(v -> !v.secret()).map(Known.Value::value);
    }

    private static Optional<String> plainOrganization(RegistryInputs args) {
        return args.organizationId().flatMap(RegistryComposition::plain);
    }

    /** What the registry adds to the graph. */
    private static Addition addition(String name, RegistryInputs args, RegistryPlan plan) {
        List<Addition.Upstreaming> upstreams = new ArrayList<>();
        for (RegistryPlan.UpstreamRef upstream : plan.primaryUpstreams()) {
            String at = "upstreams[" + upstream.index() + "]";
            switch (upstream.kind()) {
                case STORE -> upstreams.add(new Addition.Upstreaming(upstream.index(), at + ".storeRepositoryName",
                        upstream.name(), upstream.name(), Optional.empty()));
                case SHARED_STORE -> upstreams.add(new Addition.Upstreaming(upstream.index(), at + ".externalConnection",
                        upstream.externalConnection(), upstream.name(), Optional.empty()));
                default -> upstreams.add(new Addition.Upstreaming(upstream.index(), at + ".repository", upstream.name(),
                        upstream.name(), upstream.name().isPresent() ? Optional.empty()
                                : Optional.of(args.upstreams().get(upstream.index()).repository().orElseThrow())));
            }
        }
        List<Addition.NewStore> stores = new ArrayList<>();
        for (RegistryPlan.UpstreamRef upstream : plan.upstreams()) {
            if (upstream.kind() == RegistryPlan.UpstreamKind.STORE) {
                UpstreamInput given = args.upstreams().get(upstream.index());
                stores.add(new Addition.NewStore(upstream.name().orElseThrow(), upstream.externalConnection().orElseThrow(),
                        upstream.index(), given.storeRepositoryName().isPresent(), given.ownCache()));
            }
        }
        List<Addition.Hold> holds = plan.airlockedStores().stream()
                .map(store -> new Addition.Hold(store.name().orElseThrow(), store.externalConnection().orElseThrow()))
                .toList();
        List<Addition.Pattern> patterns = new ArrayList<>();
        List<String> fields = groupFields(args);
        List<PackageGroupSpec> groups = plan.packageGroups();
        for (int i = 0; i < groups.size(); i++) {
            patterns.add(new Addition.Pattern(groups.get(i).pattern(), fields.get(i)));
        }
        return new Addition(name, plan.createDomain(), plan.repositoryName(), upstreams, stores, holds, patterns,
                !args.repositoryCreatorAccounts().isEmpty());
    }

    /** Each package group's field, in plan order: the internal namespaces, then the raw groups. */
    private static List<String> groupFields(RegistryInputs args) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < args.internalNamespaces().size(); i++) {
            fields.add("internalNamespaces[" + i + "]");
        }
        for (int i = 0; i < args.packageGroups().size(); i++) {
            fields.add("packageGroups[" + i + "]");
        }
        return fields;
    }

    /** The repositories each package group names, by field, in plan order. */
    private static List<Map<String, String>> groupRepositories(RegistryInputs args) {
        List<Map<String, String>> groups = new ArrayList<>();
        for (int i = 0; i < args.internalNamespaces().size(); i++) {
            NamespaceInput namespace = args.internalNamespaces().get(i);
            Map<String, String> named = new LinkedHashMap<>();
            List<String> publishers = namespace.publishRepositories().orElse(List.of());
            for (int k = 0; k < publishers.size(); k++) {
                named.put("internalNamespaces[" + i + "].publishRepositories[" + k + "]", publishers.get(k));
            }
            groups.add(named);
        }
        for (int i = 0; i < args.packageGroups().size(); i++) {
            PackageGroupInput group = args.packageGroups().get(i);
            Map<String, String> named = new LinkedHashMap<>();
            restriction(named, "packageGroups[" + i + "].publish", group.publish());
            restriction(named, "packageGroups[" + i + "].externalUpstream", group.externalUpstream());
            restriction(named, "packageGroups[" + i + "].internalUpstream", group.internalUpstream());
            groups.add(named);
        }
        return groups;
    }

    private static void restriction(Map<String, String> named, String at, Optional<RestrictionInput> restriction) {
        restriction.ifPresent(r -> {
            for (int k = 0; k < r.repositories().size(); k++) {
                named.put(at + ".repositories[" + k + "]", r.repositories().get(k));
            }
        });
    }

    /**
     * The primary repository's upstreams, in search order: its own stores, the domain's shared
     * stores and other repositories, each by an output that waits for it; names checked when they
     * resolve.
     *
     * @param composed the registry
     * @param args its inputs
     * @param stores the stores it created, by external connection
     */
    public static List<Output<String>> upstreamNames(Composed composed, RegistryInputs args,
            Map<String, Output<String>> stores) {
        RegistryPlan plan = composed.plan();
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
                    names.add(composed.node().domain().store(upstream.externalConnection().orElseThrow()).orElseThrow());
                    fields.add(at + ".storeRepositoryName");
                }
                default -> {
                    Output<String> named = composed.upstreamNames().get(upstream.index());
                    names.add(named != null ? named : args.upstreams().get(upstream.index()).repository().orElseThrow());
                    fields.add(at + ".repository");
                }
            }
        }
        if (names.isEmpty()) {
            return names;
        }
        String registry = composed.node().name();
        Output<List<String>> checked = Known.checked(Output.all(names), registry, (resolved, problems) -> {
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
     * This registry's access, once checked against the domain policy of the registry of the stack
     * that creates its domain: every reader and publisher must be able to get an authorization
     * token from it. Unchecked when no registry of the stack creates the domain, or the registry
     * creates it itself.
     *
     * @param graph the stack's graph
     * @param node the registry
     * @param access its access, once its inputs are checked
     * @param domainOwner the account that owns its domain
     * @param domainName the domain's name
     */
    public static Output<Policies.Access> covered(StackGraph graph, Node node, Output<Policies.Access> access,
            Output<String> domainOwner, Output<String> domainName) {
        Optional<Node> creator = node.domain().creator().filter(c -> c != node);
        if (creator.isEmpty()) {
            return access;
        }
        Optional<String> placeholder = graph.placeholderAccount();
        return Output.tuple(access, creator.get().access(), domainOwner, domainName).applyValue(t -> {
            Problems problems = new Problems();
            TokenCoverage.Grants grants = TokenCoverage.of(t.t2);
            TokenCoverage.checkOrganization(node.name(), creator.get().name(), t.t4, t.t1.organizationId(), grants, problems);
            Optional<String> account = Optional.ofNullable(t.t3).filter(a -> !placeholder.equals(Optional.of(a)));
            TokenCoverage.checkPrincipals(node.name(), creator.get().name(), t.t4, account, t.t1, grants, problems);
            Known.throwIfAny(problems);
            return t.t1;
        });
    }
}
