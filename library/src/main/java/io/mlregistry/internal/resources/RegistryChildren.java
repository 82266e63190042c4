package io.mlregistry.internal.resources;

import com.pulumi.aws.codeartifact.Domain;
import com.pulumi.aws.codeartifact.DomainArgs;
import com.pulumi.aws.codeartifact.DomainPermissions;
import com.pulumi.aws.codeartifact.DomainPermissionsArgs;
import com.pulumi.aws.codeartifact.Repository;
import com.pulumi.aws.codeartifact.RepositoryArgs;
import com.pulumi.aws.codeartifact.RepositoryPermissionsPolicy;
import com.pulumi.aws.codeartifact.RepositoryPermissionsPolicyArgs;
import com.pulumi.aws.codeartifact.inputs.RepositoryExternalConnectionsArgs;
import com.pulumi.aws.codeartifact.inputs.RepositoryUpstreamArgs;
import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.core.Tuples.Tuple3;
import io.mlregistry.internal.access.Policies;
import io.mlregistry.internal.outputs.Known;
import io.mlregistry.internal.plan.PackageGroupSpec;
import io.mlregistry.internal.plan.RegistryPlan;
import io.mlregistry.internal.plan.RegistryPlan.KeyMode;
import io.mlregistry.internal.plan.RegistryPlan.Store;
import io.mlregistry.internal.rules.Arn;
import io.mlregistry.internal.rules.Problems;
import io.mlregistry.internal.rules.Rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * How one registry's plan becomes resources: each child registered with its inputs, parented to
 * the component, protected as planned, and aliased to where it lived before the component was
 * renamed.
 */
final class RegistryChildren {

    private final ChildOptions children;
    private final RegistryPlan plan;
    private final CheckedInputs inputs;

    RegistryChildren(ChildOptions children, RegistryPlan plan, CheckedInputs inputs) {
        this.children = children;
        this.plan = plan;
        this.inputs = inputs;
    }

    /** Creates the key and its alias, or takes the key brought; returns null for the AWS-managed key. */
    Output<String> encryptionKey() {
        if (plan.keyMode() == KeyMode.BRING_YOUR_OWN) {
            return inputs.kmsKeyArn.orElseThrow();
        }
        if (plan.keyMode() != KeyMode.CREATE) {
            return null;
        }
        Key key = new Key(plan.keyLogicalName(), children.tagged(KeyArgs.builder()
                .description(inputs.domainName.applyValue(RegistryPlan::keyDescription))
                .keyUsage("ENCRYPT_DECRYPT")
                .customerMasterKeySpec("SYMMETRIC_DEFAULT")
                .enableKeyRotation(true)
                .deletionWindowInDays(30), KeyArgs.Builder::tags).build(),
                children.options(plan.keyLogicalName(), plan.protect()));
        new com.pulumi.aws.kms.Alias(plan.keyAliasLogicalName(), AliasArgs.builder()
                .name(inputs.domainName.applyValue(RegistryPlan::keyAliasName))
                .targetKeyId(key.keyId())
                .build(), children.options(plan.keyAliasLogicalName(), false));
        return key.arn();
    }

    Domain domain(Output<String> keyArn) {
        DomainArgs.Builder domainArgs = DomainArgs.builder().domain(inputs.domainName);
        if (keyArn != null) {
            domainArgs.encryptionKey(keyArn);
        }
        return new Domain(plan.domainLogicalName(), children.tagged(domainArgs, DomainArgs.Builder::tags).build(),
                children.options(plan.domainLogicalName(), plan.protect()));
    }

    /** Creates the store repositories; returns each store's name as its output, by connection. */
    Map<String, Output<String>> stores(Output<String> domainInput, Output<String> ownerInput) {
        Map<String, Output<String>> stores = new LinkedHashMap<>();
        for (Store store : plan.stores()) {
            RepositoryArgs.Builder storeArgs = RepositoryArgs.builder()
                    .repository(store.repositoryName())
                    .domain(domainInput)
                    .description(plan.storeDescription(store))
                    .externalConnections(RepositoryExternalConnectionsArgs.builder()
                            .externalConnectionName(store.externalConnection())
                            .build());
            if (ownerInput != null) {
                storeArgs.domainOwner(ownerInput);
            }
            // A store's name is taken from its output so that whatever searches it waits for it.
            stores.put(store.externalConnection(), new Repository(plan.storeLogicalName(store),
                    children.tagged(storeArgs, RepositoryArgs.Builder::tags).build(),
                    children.options(plan.storeLogicalName(store), plan.protect())).repository());
        }
        return stores;
    }

    /** Creates the primary repository with its upstreams in search order. */
    Repository repository(Output<String> domainInput, Output<String> ownerInput, List<Output<String>> upstreamNames) {
        List<RepositoryUpstreamArgs> upstreams = new ArrayList<>();
        for (Output<String> upstream : upstreamNames) {
            upstreams.add(RepositoryUpstreamArgs.builder().repositoryName(upstream).build());
        }
        RepositoryArgs.Builder repositoryArgs = RepositoryArgs.builder()
                .repository(plan.repositoryName())
                .domain(domainInput)
                .description(inputs.description);
        if (ownerInput != null) {
            repositoryArgs.domainOwner(ownerInput);
        }
        if (!upstreams.isEmpty()) {
            repositoryArgs.upstreams(upstreams);
        }
        return new Repository(plan.repositoryLogicalName(), children.tagged(repositoryArgs, RepositoryArgs.Builder::tags).build(),
                children.options(plan.repositoryLogicalName(), plan.protect()));
    }

    /**
     * Creates the domain policy once the primary repository's ARN is known: the repositories a
     * granted account may add as an upstream are named by ARN.
     */
    void domainPolicy(Output<String> domainInput, Output<String> ownerInput, Output<Policies.Access> access,
            Output<String> primaryArn) {
        new DomainPermissions(plan.domainPolicyLogicalName(), DomainPermissionsArgs.builder()
                .domain(domainInput)
                .domainOwner(ownerInput)
                .policyDocument(Reporter.owned(Output.tuple(primaryArn, access, inputs.secretPrincipals)
                        .applyValue(t -> resourcePolicy(plan.componentName(), Arn.parse(t.t1).partition(), t.t2, t.t3,
                                (partition, granted) -> Policies.domainPolicy(partition, granted, List.of(t.t1))))))
                .build(), children.options(plan.domainPolicyLogicalName(), false));
    }

    /**
     * Writes the primary repository's policy: the grants, then the statements added (the one that
     * requires the VPC endpoints), within AWS's limit.
     */
    void repositoryPolicy(Output<String> domainInput, Output<String> ownerInput, Repository repository,
            Output<Policies.Access> access, Output<String> partition, Output<List<IamStatement>> added) {
        RepositoryPermissionsPolicyArgs.Builder policyArgs = RepositoryPermissionsPolicyArgs.builder()
                .domain(domainInput)
                .repository(repository.repository())
                .policyDocument(Reporter.owned(Output.tuple(partition, access, inputs.secretPrincipals, added)
                        .applyValue(t -> withStatements(plan.componentName(), t.t1, t.t2, t.t3, t.t4))));
        if (ownerInput != null) {
            policyArgs.domainOwner(ownerInput);
        }
        new RepositoryPermissionsPolicy(plan.repositoryPolicyLogicalName(), policyArgs.build(),
                children.options(plan.repositoryPolicyLogicalName(), false));
    }

    /**
     * Creates the package groups through Cloud Control. The desired state names the primary
     * repository, and every other repository a group allows, through their outputs, so that a
     * group waits for the repositories it names.
     *
     * @param waits per group, in plan order, the outputs of the other repositories it names
     */
    List<com.pulumi.aws.cloudcontrol.Resource> packageGroups(
            Output<String> domainInput, Output<String> domainOwner, Repository repository, List<List<Output<String>>> waits) {
        List<com.pulumi.aws.cloudcontrol.Resource> groups = new ArrayList<>();
        Output<Map<String, String>> tags = inputs.tags != null ? inputs.tags : Output.of(Map.of());
        Output<Tuple3<String, String, Map<String, String>>> place = Output.tuple(domainInput, domainOwner, tags);
        Output<String> primary = repository.repository();
        for (int i = 0; i < plan.packageGroups().size(); i++) {
            PackageGroupSpec group = plan.packageGroups().get(i);
            Output<?> named = waits.get(i).isEmpty() ? primary : Output.tuple(primary, Output.all(waits.get(i)));
            groups.add(new com.pulumi.aws.cloudcontrol.Resource(plan.packageGroupLogicalName(group),
                    com.pulumi.aws.cloudcontrol.ResourceArgs.builder()
                            .typeName(PackageGroupSpec.TYPE_NAME)
                            .desiredState(Output.tuple(place, named)
                                    .applyValue(t -> group.desiredState(t.t1.t1, t.t1.t2, t.t1.t3)))
                            .build(), children.options(plan.packageGroupLogicalName(group), false)));
        }
        return groups;
    }

    Output<String> iamPolicy(String logicalName, Output<String> description, Output<String> document) {
        return new Policy(logicalName, children.tagged(PolicyArgs.builder().description(description).policy(document),
                PolicyArgs.Builder::tags).build(), children.options(logicalName, false)).arn();
    }

    private static String withStatements(String registry, String partition, Policies.Access access,
            Set<String> secrets, List<IamStatement> added) {
        if (added.isEmpty()) {
            return resourcePolicy(registry, partition, access, secrets, Policies::repositoryPolicy);
        }
        checkPartitions(registry, partition, access, secrets);
        // With nothing granted, the policy holds the added statements alone.
        List<IamStatement> statements = new ArrayList<>(Policies.repositoryPolicy(partition, access)
                .map(IamPolicy::statements).orElse(List.of()));
        statements.addAll(added);
        String json = IamPolicy.builder().statements(statements).build().toJson();
        if (json.length() > Rules.POLICY_DOCUMENT_MAX) {
            Problems problems = Problems.of(registry);
            problems.add("requireVpcEndpoints", "true", "makes the repository policy " + json.length()
                    + " characters, over AWS's " + Rules.POLICY_DOCUMENT_MAX + ": name fewer reader and publisher principals");
            throw Known.failure(String.join("\n", problems.lines()));
        }
        return json;
    }

    /**
     * Writes a resource policy once the partition is known. Principals given as ARNs must be in
     * the registry's partition, which {@code build()} cannot know.
     */
    private static String resourcePolicy(String registry, String partition, Policies.Access access,
            Set<String> secrets, BiFunction<String, Policies.Access, Optional<IamPolicy>> policy) {
        checkPartitions(registry, partition, access, secrets);
        return policy.apply(partition, access).orElseThrow().toJson();
    }

    /** Principals given as ARNs must be in the registry's partition, which {@code build()} cannot know. */
    private static void checkPartitions(String registry, String partition, Policies.Access access, Set<String> secrets) {
        Problems problems = Problems.of(registry);
        BiConsumer<String, List<String>> check = (field, principals) -> {
            for (int i = 0; i < principals.size(); i++) {
                String principal = principals.get(i);
                int index = i;
                // A value the preview could not read has no partition to check.
                Optional.of(principal).filter(Rules::isPrincipal).flatMap(Rules::principalPartition)
                        .filter(p -> !p.equals(partition)).ifPresent(p ->
                        problems.add(field + "[" + index + "]", principal,
                                "must be in partition " + partition + ", the registry's"));
            }
        };
        check.accept("readerPrincipals", access.readers());
        check.accept("publisherPrincipals", access.publishers());
        check.accept("tokenAccounts", access.tokenAccounts());
        check.accept("repositoryCreatorAccounts", access.repositoryCreators());
        if (!problems.isEmpty()) {
            throw Known.failure(Known.masked(String.join("\n", problems.lines()), secrets));
        }
    }
}
