package io.mlregistry;

import io.mlregistry.internal.DomainLedger;
import io.mlregistry.internal.Known;
import io.mlregistry.internal.RegistryPlan;
import io.mlregistry.internal.RegistryPlan.KeyMode;
import io.mlregistry.internal.RegistryPlan.Store;
import io.mlregistry.internal.RegistryPlan.UpstreamKind;
import io.mlregistry.internal.RegistryPlan.UpstreamRef;
import io.mlregistry.internal.Rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Works out what one registry creates from its validated Args: the {@link RegistryPlan}. */
final class RegistryPlanner {

    private RegistryPlanner() {
    }

    /**
     * The name of the store repository an external-connection upstream creates: the name given,
     * else {@code <connection>-store} ({@code public:pypi} gives {@code pypi-store}), or, in a
     * registry joining another's domain, {@code <repositoryName>-<connection>-store}, which cannot
     * collide with another registry's store because repository names are unique in the domain.
     */
    static String storeName(Upstream upstream, String repositoryName, boolean joined) {
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
     * @param args validated Args
     * @param shared the ledger of the domain a registry joins with {@code inDomainOf}, whose
     *     shared stores its external connections reuse; empty otherwise
     */
    static RegistryPlan plan(String name, MlDependencyRegistryArgs args, Optional<DomainLedger> shared) {
        List<Store> stores = new ArrayList<>();
        List<UpstreamRef> upstreams = new ArrayList<>();
        List<Upstream> given = args.upstreams();
        List<String> airlocked = args.cooldown().map(Cooldown::formats).orElse(List.of());
        for (int i = 0; i < given.size(); i++) {
            Upstream upstream = given.get(i);
            Optional<String> connection = upstream.externalConnection();
            if (connection.isEmpty()) {
                Optional<String> known = Known.value(upstream.repository().orElseThrow());
                upstreams.add(new UpstreamRef(UpstreamKind.REPOSITORY, known, Optional.empty(), i, false));
                continue;
            }
            boolean held = airlocked.contains(Rules.formatOf(connection.get()));
            Optional<String> sharedStore = upstream.storeRepositoryName().isPresent() ? Optional.empty()
                    : shared.flatMap(ledger -> ledger.sharedStoreName(connection.get()));
            if (sharedStore.isPresent()) {
                upstreams.add(new UpstreamRef(UpstreamKind.SHARED_STORE, sharedStore, connection, i, held));
                continue;
            }
            String store = storeName(upstream, args.repositoryName(), shared.isPresent());
            stores.add(new Store(store, connection.get()));
            upstreams.add(new UpstreamRef(UpstreamKind.STORE, Optional.of(store), connection, i, held));
        }
        KeyMode keyMode = args.kmsKeyArn().isPresent() ? KeyMode.BRING_YOUR_OWN
                : args.createKmsKey() ? KeyMode.CREATE
                : KeyMode.AWS_MANAGED;
        boolean grantsRepository = !args.readerPrincipals().isEmpty() || !args.publisherPrincipals().isEmpty()
                || args.organizationId().isPresent() || !args.additionalRepositoryPolicyStatements().isEmpty();
        boolean grantsDomain = !args.readerPrincipals().isEmpty() || !args.publisherPrincipals().isEmpty()
                || args.organizationId().isPresent() || !args.tokenAccounts().isEmpty()
                || !args.repositoryCreatorAccounts().isEmpty() || !args.additionalDomainPolicyStatements().isEmpty();
        return new RegistryPlan(name, args.createDomain(), keyMode, args.repositoryName(), stores, upstreams,
                args.deletionProtection(), grantsDomain, grantsRepository, args.createIamPolicies(),
                PackageGroupPlanner.specs(args), args.cooldown().map(c -> new RegistryPlan.Cooldown(
                        java.time.Duration.parse(c.duration()), c.formats(), c.notifications())));
    }
}
