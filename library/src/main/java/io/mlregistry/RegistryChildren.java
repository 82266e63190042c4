package io.mlregistry;

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
import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.core.Tuples.Tuple3;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.mlregistry.internal.PackageGroupSpec;
import io.mlregistry.internal.Policies;
import io.mlregistry.internal.Problems;
import io.mlregistry.internal.RegistryPlan;
import io.mlregistry.internal.RegistryPlan.KeyMode;
import io.mlregistry.internal.RegistryPlan.Store;
import io.mlregistry.internal.Rules;
import io.mlregistry.internal.Urns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/**
 * How one registry's plan becomes resources: each child registered with its inputs, parented to
 * the component, protected as planned, and aliased to where it lived before the component was
 * renamed.
 */
final class RegistryChildren {

    private final MlDependencyRegistry component;
    private final String componentName;
    private final RegistryPlan plan;
    private final CheckedInputs inputs;
    private final List<Output<String>> formerUrns;

    RegistryChildren(MlDependencyRegistry component, String componentName, RegistryPlan plan,
            CheckedInputs inputs, ComponentResourceOptions options) {
        this.component = component;
        this.componentName = componentName;
        this.plan = plan;
        this.inputs = inputs;
        // Where the component lived before each of its aliases, so that every child can carry an
        // alias to its own former URN and a renamed registry keeps its resources.
        this.formerUrns = options == null ? List.of() : options.getAliases().stream()
                .map(alias -> Output.tuple(alias.apply(Urns::resolve), component.urn())
                        .applyValue(t -> Urns.formerUrn(t.t2, t.t1)))
                .toList();
    }

    /** Creates the key and its alias, or takes the key brought; returns null for the AWS-managed key. */
    Output<String> encryptionKey() {
        if (plan.keyMode() == KeyMode.BRING_YOUR_OWN) {
            return inputs.kmsKeyArn.orElseThrow();
        }
        if (plan.keyMode() != KeyMode.CREATE) {
            return null;
        }
        Key key = new Key(plan.keyLogicalName(), tagged(KeyArgs.builder()
                .description(inputs.domainName.applyValue(RegistryPlan::keyDescription))
                .keyUsage("ENCRYPT_DECRYPT")
                .customerMasterKeySpec("SYMMETRIC_DEFAULT")
                .enableKeyRotation(true)
                .deletionWindowInDays(30), KeyArgs.Builder::tags).build(),
                options(plan.keyLogicalName(), plan.protect()));
        new com.pulumi.aws.kms.Alias(plan.keyAliasLogicalName(), AliasArgs.builder()
                .name(inputs.domainName.applyValue(RegistryPlan::keyAliasName))
                .targetKeyId(key.keyId())
                .build(), options(plan.keyAliasLogicalName(), false));
        return key.arn();
    }

    Domain domain(Output<String> keyArn) {
        DomainArgs.Builder domainArgs = DomainArgs.builder().domain(inputs.domainName);
        if (keyArn != null) {
            domainArgs.encryptionKey(keyArn);
        }
        return new Domain(plan.domainLogicalName(), tagged(domainArgs, DomainArgs.Builder::tags).build(),
                options(plan.domainLogicalName(), plan.protect()));
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
                    tagged(storeArgs, RepositoryArgs.Builder::tags).build(),
                    options(plan.storeLogicalName(store), plan.protect())).repository());
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
        return new Repository(plan.repositoryLogicalName(), tagged(repositoryArgs, RepositoryArgs.Builder::tags).build(),
                options(plan.repositoryLogicalName(), plan.protect()));
    }

    void domainPolicy(Output<String> domainInput, Output<String> ownerInput, Output<Policies.Access> access,
            Output<String> partition) {
        new DomainPermissions(plan.domainPolicyLogicalName(), DomainPermissionsArgs.builder()
                .domain(domainInput)
                .domainOwner(ownerInput)
                .policyDocument(Output.tuple(partition, access)
                        .applyValue(t -> resourcePolicy(t.t1, t.t2, Policies::domainPolicy)))
                .build(), options(plan.domainPolicyLogicalName(), false));
    }

    void repositoryPolicy(Output<String> domainInput, Output<String> ownerInput, Repository repository,
            Output<Policies.Access> access, Output<String> partition) {
        RepositoryPermissionsPolicyArgs.Builder policyArgs = RepositoryPermissionsPolicyArgs.builder()
                .domain(domainInput)
                .repository(repository.repository())
                .policyDocument(Output.tuple(partition, access)
                        .applyValue(t -> resourcePolicy(t.t1, t.t2, Policies::repositoryPolicy)));
        if (ownerInput != null) {
            policyArgs.domainOwner(ownerInput);
        }
        new RepositoryPermissionsPolicy(plan.repositoryPolicyLogicalName(), policyArgs.build(),
                options(plan.repositoryPolicyLogicalName(), false));
    }

    /**
     * Creates the package groups through Cloud Control. The desired state names the primary
     * repository through its output, so that a group that lets it publish waits for it.
     */
    List<com.pulumi.aws.cloudcontrol.Resource> packageGroups(
            Output<String> domainInput, Output<String> domainOwner, Repository repository) {
        List<com.pulumi.aws.cloudcontrol.Resource> groups = new ArrayList<>();
        Output<Map<String, String>> tags = inputs.tags != null ? inputs.tags : Output.of(Map.of());
        Output<Tuple3<String, String, Map<String, String>>> place = Output.tuple(domainInput, domainOwner, tags);
        Output<String> primary = repository.repository();
        for (PackageGroupSpec group : plan.packageGroups()) {
            groups.add(new com.pulumi.aws.cloudcontrol.Resource(plan.packageGroupLogicalName(group),
                    com.pulumi.aws.cloudcontrol.ResourceArgs.builder()
                            .typeName(PackageGroupSpec.TYPE_NAME)
                            .desiredState(Output.tuple(place, primary)
                                    .applyValue(t -> group.desiredState(t.t1.t1, t.t1.t2, t.t1.t3)))
                            .build(), options(plan.packageGroupLogicalName(group), false)));
        }
        return groups;
    }

    Output<String> iamPolicy(String logicalName, Output<String> description, Output<String> document) {
        return new Policy(logicalName, tagged(PolicyArgs.builder().description(description).policy(document),
                PolicyArgs.Builder::tags).build(), options(logicalName, false)).arn();
    }

    /**
     * Options for one child: parented to the component, protected as asked, and aliased to its
     * former URN under each former URN of the component. Child names start with the component's
     * name, so a renamed component's children were named after its former name.
     */
    CustomResourceOptions options(String logicalName, boolean protect) {
        return options(logicalName, protect, List.of());
    }

    /** {@link #options(String, boolean)} for a child that must wait for others it takes no output of. */
    CustomResourceOptions options(String logicalName, boolean protect, List<com.pulumi.resources.Resource> dependsOn) {
        CustomResourceOptions.Builder options = CustomResourceOptions.builder().parent(component).protect(protect);
        if (!dependsOn.isEmpty()) {
            options.dependsOn(dependsOn);
        }
        if (!formerUrns.isEmpty()) {
            String suffix = logicalName.substring(componentName.length());
            options.aliases(formerUrns.stream()
                    // parentUrn before name: pulumi-java 1.36.1's Alias.Builder.parentUrn refuses to
                    // follow name, checking the wrong field.
                    .map(former -> former.applyValue(urn -> Alias.builder()
                            .parentUrn(Output.of(urn))
                            .name(Urns.parse(urn).name() + suffix)
                            .build()))
                    .toList());
        }
        return options.build();
    }

    /** Sets tags only when there are some, so that an untagged resource shows no empty map. */
    <B> B tagged(B builder, BiFunction<B, Output<Map<String, String>>, B> setter) {
        return inputs.tags == null ? builder : setter.apply(builder, inputs.tags);
    }

    /**
     * Writes a resource policy once the partition is known. Principals given as ARNs must be in
     * the registry's partition, which {@code build()} cannot know.
     */
    private static String resourcePolicy(
            String partition, Policies.Access access, BiFunction<String, Policies.Access, Optional<IamPolicy>> policy) {
        Problems problems = new Problems();
        BiConsumer<String, List<String>> check = (field, principals) -> {
            for (int i = 0; i < principals.size(); i++) {
                String principal = principals.get(i);
                int index = i;
                Rules.principalPartition(principal).filter(p -> !p.equals(partition)).ifPresent(p ->
                        problems.add(field + "[" + index + "]", principal,
                                "must be in partition " + partition + ", the registry's"));
            }
        };
        check.accept("readerPrincipals", access.readers());
        check.accept("publisherPrincipals", access.publishers());
        check.accept("tokenAccounts", access.tokenAccounts());
        check.accept("repositoryCreatorAccounts", access.repositoryCreators());
        problems.throwIfAny();
        return policy.apply(partition, access).orElseThrow().toJson();
    }
}
