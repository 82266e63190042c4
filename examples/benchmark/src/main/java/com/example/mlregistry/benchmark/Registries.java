package com.example.mlregistry.benchmark;

import com.pulumi.Context;
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
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.resources.CustomResourceOptions;
import io.mlregistry.MlDependencyRegistry;
import io.mlregistry.MlDependencyRegistryArgs;
import io.mlregistry.PrivateAccess;

import java.util.List;

import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;

/**
 * N registries, two ways: through the component, and the very same resources with the very same
 * inputs declared by hand with com.pulumi:aws. Each registry is a KMS key and its alias, a domain,
 * a PyPI store repository, the primary repository, a domain policy and a repository policy.
 */
final class Registries {

    static final String READER = "111122223333";

    private Registries() {
    }

    static void component(Context ctx, int count) {
        for (int i = 0; i < count; i++) {
            new MlDependencyRegistry("reg" + i, args(i).build(), null);
        }
    }

    /** The Args of registry {@code i}. */
    private static MlDependencyRegistryArgs.Builder args(int i) {
        return MlDependencyRegistryArgs.builder()
                .domainName("bench-" + i)
                .repositoryName("ml-models")
                .readerPrincipals(READER)
                .createIamPolicies(false);
    }

    /**
     * The component with private access from a VPC of its own (a VPC takes one set of endpoints
     * with private DNS): a security group, one ingress rule and three endpoints more per registry.
     */
    static void privateAccess(Context ctx, int count) {
        for (int i = 0; i < count; i++) {
            new MlDependencyRegistry("reg" + i, args(i)
                    .privateAccess(PrivateAccess.builder()
                            .vpcId(String.format("vpc-%017x", i))
                            .subnetIds(String.format("subnet-%017x", 2 * i), String.format("subnet-%017x", 2 * i + 1))
                            .allowedSecurityGroupIds(List.of(String.format("sg-%017x", i)))
                            .routeTableIds(String.format("rtb-%017x", i))
                            .build())
                    .build(), null);
        }
    }

    /** Whether each hand-written registry is parented to an empty component, as the component's children are. */
    static boolean wrapped;

    static void handWritten(Context ctx, int count) {
        for (int i = 0; i < count; i++) {
            String p = "reg" + i;
            var parent = wrapped ? new com.pulumi.resources.ComponentResource("x:index:Wrap", p, null) : null;
            CustomResourceOptions keep = CustomResourceOptions.builder().parent(parent).protect(true).build();
            CustomResourceOptions plain = CustomResourceOptions.builder().parent(parent).build();
            String domainName = "bench-" + i;
            Key key = new Key(p + "-key", KeyArgs.builder()
                    .description("Encrypts the CodeArtifact domain " + domainName + " (mlregistry)")
                    .keyUsage("ENCRYPT_DECRYPT")
                    .customerMasterKeySpec("SYMMETRIC_DEFAULT")
                    .enableKeyRotation(true)
                    .deletionWindowInDays(30)
                    .build(), keep);
            new Alias(p + "-key-alias", AliasArgs.builder()
                    .name("alias/codeartifact/" + domainName)
                    .targetKeyId(key.keyId())
                    .build(), plain);
            Domain domain = new Domain(p + "-domain", DomainArgs.builder()
                    .domain(domainName)
                    .encryptionKey(key.arn())
                    .build(), keep);
            Repository store = new Repository(p + "-upstream-pypi-store", RepositoryArgs.builder()
                    .repository("pypi-store")
                    .domain(domain.domain())
                    .domainOwner(domain.owner())
                    .description("Caches packages from public:pypi for ml-models (mlregistry)")
                    .externalConnections(RepositoryExternalConnectionsArgs.builder()
                            .externalConnectionName("public:pypi").build())
                    .build(), keep);
            Repository primary = new Repository(p + "-repository", RepositoryArgs.builder()
                    .repository("ml-models")
                    .domain(domain.domain())
                    .domainOwner(domain.owner())
                    .description("Repository for ML Model Dependencies")
                    .upstreams(RepositoryUpstreamArgs.builder().repositoryName(store.repository()).build())
                    .build(), keep);
            var partition = domain.arn().applyValue(arn -> arn.split(":")[1]);
            new DomainPermissions(p + "-domain-policy", DomainPermissionsArgs.builder()
                    .domain(domain.domain())
                    .domainOwner(domain.owner())
                    .policyDocument(partition.applyValue(part -> policy(part, "ReadersGetToken",
                            "codeartifact:GetAuthorizationToken")))
                    .build(), plain);
            new RepositoryPermissionsPolicy(p + "-repository-policy", RepositoryPermissionsPolicyArgs.builder()
                    .domain(domain.domain())
                    .domainOwner(domain.owner())
                    .repository(primary.repository())
                    .policyDocument(partition.applyValue(part -> policy(part, "ReadersReadPackages",
                            "codeartifact:ReadFromRepository")))
                    .build(), plain);
        }
    }

    private static String policy(String partition, String sid, String action) {
        return IamPolicy.builder()
                .addStatement(s -> s.sid(sid).effect(IamEffect.ALLOW)
                        .addPrincipal(IamPrincipalType.AWS, "arn:" + partition + ":iam::" + READER + ":root")
                        .addAction(action)
                        .addResource("*"))
                .build()
                .toJson();
    }
}
