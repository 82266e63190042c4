package io.mlregistry.internal.plan;

import io.mlregistry.internal.airlock.Airlock;
import io.mlregistry.internal.outputs.Known;
import io.mlregistry.internal.plan.RegistryInputs.CooldownInput;
import io.mlregistry.internal.plan.RegistryInputs.UpstreamInput;
import io.mlregistry.internal.plan.RegistryPlan.KeyMode;
import io.mlregistry.internal.plan.RegistryPlan.Store;
import io.mlregistry.internal.plan.RegistryPlan.UpstreamKind;
import io.mlregistry.internal.plan.RegistryPlan.UpstreamRef;
import io.mlregistry.internal.rules.Rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Works out what one registry creates from its validated inputs: the {@link RegistryPlan}. */
public final class RegistryPlanner {

    private RegistryPlanner() {
    }

    /**
     * The name of the store repository an external-connection upstream creates: the name given,
     * else {@code <connection>-store} ({@code public:pypi} gives {@code pypi-store}), or, in a
     * registry joining another's domain, {@code <repositoryName>-<connection>-store}, which cannot
     * collide with another registry's store because repository names are unique in the domain.
     */
    public static String storeName(UpstreamInput upstream, String repositoryName, boolean joined) {
        if (upstream.storeRepositoryName().isPresent()) {
            return upstream.storeRepositoryName().get();
        }
        String connection = upstream.externalConnection().orElseThrow();
        if (!joined) {
            return Rules.defaultStoreName(connection);
        }
        String name = repositoryName + "-" + Rules.defaultStoreName(connection);
        return name.length() <= 100 ? name : name.substring(0, 100);
    }

    /**
     * The plan.
     *
     * @param name the component's name
     * @param args validated inputs
     * @param sharedStores for a registry joining another's domain with {@code inDomainOf}, the
     *     names of the stores its domain shares, by external connection, which its external
     *     connections reuse; empty otherwise
     */
    public static RegistryPlan plan(String name, RegistryInputs args, Optional<Map<String, String>> sharedStores) {
        return plan(name, args, sharedStores.orElse(Map.of()), sharedStores.isPresent());
    }

    /**
     * The plan of a registry in a domain whose stores other registries of the stack created.
     *
     * @param name the component's name
     * @param args validated inputs
     * @param sharedStores the names of the stores its domain shares, by external connection, which
     *     its external connections reuse (unless it asks for a cache of its own)
     * @param joined whether it joins another registry's domain with {@code inDomainOf}, which names
     *     the stores it creates after its repository
     */
    public static RegistryPlan plan(String name, RegistryInputs args, Map<String, String> sharedStores, boolean joined) {
        List<Store> stores = new ArrayList<>();
        List<UpstreamRef> upstreams = new ArrayList<>();
        List<UpstreamInput> given = args.upstreams();
        List<String> airlocked = args.cooldown().map(CooldownInput::formats).orElse(List.of());
        for (int i = 0; i < given.size(); i++) {
            UpstreamInput upstream = given.get(i);
            Optional<String> connection = upstream.externalConnection();
            if (connection.isEmpty()) {
                Optional<String> known = Known.value(upstream.repository().orElseThrow());
                upstreams.add(new UpstreamRef(UpstreamKind.REPOSITORY, known, Optional.empty(), i, false));
                continue;
            }
            boolean held = airlocked.contains(Rules.formatOf(connection.get()));
            // A store named like the domain's shared one is that store.
            Optional<String> sharedStore = Optional.ofNullable(sharedStores.get(connection.get()))
                    .filter(shared -> !upstream.ownCache()
                            && upstream.storeRepositoryName().map(shared::equals).orElse(true));
            if (sharedStore.isPresent()) {
                upstreams.add(new UpstreamRef(UpstreamKind.SHARED_STORE, sharedStore, connection, i, held));
                continue;
            }
            String store = storeName(upstream, args.repositoryName(), joined);
            stores.add(new Store(store, connection.get()));
            upstreams.add(new UpstreamRef(UpstreamKind.STORE, Optional.of(store), connection, i, held));
        }
        KeyMode keyMode = args.kmsKeyArn().isPresent() ? KeyMode.BRING_YOUR_OWN
                : args.createKmsKey() ? KeyMode.CREATE
                : KeyMode.AWS_MANAGED;
        boolean grantsRepository = !args.readerPrincipals().isEmpty() || !args.publisherPrincipals().isEmpty()
                || args.organizationId().isPresent() || !args.additionalRepositoryPolicyStatements().isEmpty()
                // The policy that denies reads outside the VPC endpoints is the repository's.
                || args.workloads().requireVpcEndpoints();
        boolean grantsDomain = !args.readerPrincipals().isEmpty() || !args.publisherPrincipals().isEmpty()
                || args.organizationId().isPresent() || !args.tokenAccounts().isEmpty()
                || !args.repositoryCreatorAccounts().isEmpty() || !args.additionalDomainPolicyStatements().isEmpty();
        return new RegistryPlan(name, args.createDomain(), keyMode, args.repositoryName(), stores, upstreams,
                args.deletionProtection(), grantsDomain, grantsRepository, args.createIamPolicies(),
                PackageGroupPlanner.specs(args), args.cooldown().map(c -> new RegistryPlan.Cooldown(
                        Duration.parse(c.duration()), c.formats(), c.notifications(),
                        c.logRetentionDays().orElse(Airlock.DEFAULT_LOG_RETENTION_DAYS), c.logKmsKeyArn().isPresent())));
    }
}
