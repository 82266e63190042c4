package io.mlregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlregistry.internal.access.DeployerPolicies;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPolicyWriter;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/** The deployer policy: a golden per configuration, and least privilege over a grid of configurations. */
class DeployerPolicyTest {

    private static final String ACCOUNT = "123456789012";

    /**
     * What AWS authorizes on no resource: creating and tagging a key, listing aliases, the Cloud
     * Control API, log delivery. {@code DeployerActionsTableTest} checks every action against the table.
     */
    private static final Set<String> NAMES_NO_RESOURCE = Set.of("kms:CreateKey", "kms:ListAliases", "kms:TagResource",
            "cloudformation:CreateResource", "cloudformation:DeleteResource", "cloudformation:DescribeType",
            "cloudformation:GetResource", "cloudformation:GetResourceRequestStatus", "cloudformation:UpdateResource",
            "logs:CreateLogDelivery", "logs:DeleteLogDelivery", "logs:GetLogDelivery", "logs:ListLogDeliveries",
            "logs:UpdateLogDelivery");

    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of("deployer-defaults.json", (Supplier<MlDependencyRegistryArgs>) () ->
                        MlDependencyRegistryTest.args().build()),
                Arguments.of("deployer-own-key-shared.json", (Supplier<MlDependencyRegistryArgs>) () ->
                        MlDependencyRegistryTest.args()
                                .kmsKeyArn("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
                                .upstreams(Upstream.externalConnection("public:pypi"), Upstream.externalConnection("public:npmjs"))
                                .readerPrincipals("111122223333")
                                .publisherPrincipals("arn:aws:iam::123456789012:role/ci")
                                .organizationId("o-a1b2c3d4e5")
                                .build()),
                Arguments.of("deployer-aws-managed-key.json", (Supplier<MlDependencyRegistryArgs>) () ->
                        MlDependencyRegistryTest.args().createKmsKey(false).createIamPolicies(false).upstreams(List.of())
                                .build()),
                Arguments.of("deployer-existing-domain.json", (Supplier<MlDependencyRegistryArgs>) () ->
                        MlDependencyRegistryTest.args().createDomain(false).domainOwner("210987654321")
                                .upstreams(Upstream.repository("shared"), Upstream.externalConnection("public:pypi"))
                                .build()),
                Arguments.of("deployer-cooldown.json", (Supplier<MlDependencyRegistryArgs>) () ->
                        MlDependencyRegistryTest.args().cooldown(Cooldown.of(java.time.Duration.ofDays(3))).build()),
                Arguments.of("deployer-package-groups.json", (Supplier<MlDependencyRegistryArgs>) () ->
                        MlDependencyRegistryTest.args().tags(Map.of("team", "ml"))
                                .internalNamespaces(InternalNamespace.pypiPrefix("acme-"), InternalNamespace.npmScope("acme"))
                                .build()));
    }

    private static String pretty(String json) {
        return IamPolicy.fromJson(json).toJson(IamPolicyWriter.builder().prettyPrint(true).build()).strip();
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = DeployerPolicyTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void deployerPolicy_configuration_matchesGolden(String golden, Supplier<MlDependencyRegistryArgs> args)
            throws IOException {
        String json = pretty(MlDependencyRegistry.deployerPolicy("ml", args.get(), "aws", "us-east-1", ACCOUNT));
        if (Boolean.getBoolean("golden.write")) {
            Files.writeString(Path.of("src/test/resources/golden", golden), json + "\n");
        }

        assertThat(json).isEqualTo(golden(golden));
    }

    @Test
    void deployerPolicy_defaults_grantWhatCreateDomainRequiresOnTheKey() {
        IamPolicy policy = IamPolicy.fromJson(
                MlDependencyRegistry.deployerPolicy("ml", MlDependencyRegistryTest.args().build(), "aws", "us-east-1", ACCOUNT));

        assertThat(DeployerPolicies.statementIds(policy)).containsExactly("OnNoNamedResource", "ManageKmsKey", "ManageKmsAlias",
                "UseKmsKeyForDomain", "ManageDomain", "ManageRepositories", "ManageExternalConnections", "AddUpstreams",
                "ManageIamPolicies");
        IamStatement useKey = policy.statements().get(3);
        assertThat(useKey.actions()).extracting(a -> a.value()).containsExactly("kms:CreateGrant", "kms:DescribeKey");
        assertThat(useKey.resources()).extracting(r -> r.value()).containsExactly("arn:aws:kms:us-east-1:123456789012:key/*");
    }

    @Test
    void deployerPolicy_awsManagedKey_grantsNoKmsAction() {
        String json = MlDependencyRegistry.deployerPolicy("ml",
                MlDependencyRegistryTest.args().createKmsKey(false).build(), "aws", "us-east-1", ACCOUNT);

        assertThat(json).doesNotContain("kms:");
    }

    @Test
    void deployerPolicy_otherPartition_namesItsArns() {
        String json = MlDependencyRegistry.deployerPolicy("ml", MlDependencyRegistryTest.args().build(),
                "aws-cn", "cn-north-1", ACCOUNT);

        assertThat(json).contains("arn:aws-cn:codeartifact:cn-north-1:123456789012:domain/ml-platform")
                .contains("arn:aws-cn:iam::123456789012:policy/ml-reader-policy-*")
                .doesNotContain("arn:aws:");
    }

    @Test
    void deployerPolicy_brokenTargetOrArgs_isRejected() {
        assertThatThrownBy(() -> MlDependencyRegistry.deployerPolicy("ml", MlDependencyRegistryTest.args().build(),
                "amazon", "us_east_1", "1234"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("partition (amazon) must be an AWS partition such as aws or aws-cn\n"
                        + "region (us_east_1) must be an AWS region such as us-east-1\n"
                        + "accountId (1234) must be a 12-digit account ID");
        assertThatThrownBy(() -> MlDependencyRegistry.deployerPolicy(null, MlDependencyRegistryTest.args().build(),
                "aws", "us-east-1", ACCOUNT)).isInstanceOf(NullPointerException.class).hasMessage("name");
    }

    /** Every combination of the switches that change the policy. */
    static Stream<MlDependencyRegistryArgs> grid() {
        List<MlDependencyRegistryArgs> all = new ArrayList<>();
        for (int key = 0; key < 3; key++) {
            for (boolean iam : List.of(false, true)) {
                for (boolean access : List.of(false, true)) {
                    for (boolean groups : List.of(false, true)) {
                        for (int stores = 0; stores < 3; stores++) {
                            MlDependencyRegistryArgs.Builder b = MlDependencyRegistryTest.args().createIamPolicies(iam)
                                    .upstreams(Stream.of("public:pypi", "public:npmjs").limit(stores)
                                            .map(Upstream::externalConnection).toList());
                            if (stores > 0 && access) {
                                // The airlock with everything else: the policy at its longest.
                                b.cooldown(Cooldown.of(java.time.Duration.ofDays(3)).notifications(!groups));
                            }
                            if (key == 1) {
                                b.createKmsKey(false);
                            } else if (key == 2) {
                                b.kmsKeyArn("arn:aws:kms:us-east-1:123456789012:key/k1");
                            }
                            if (access) {
                                b.readerPrincipals("111122223333").organizationId("o-a1b2c3d4e5");
                            }
                            if (groups) {
                                b.internalNamespaces(InternalNamespace.mavenGroup("com.acme"));
                            }
                            all.add(b.build());
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("grid")
    void deployerPolicy_everyConfiguration_isLeastPrivilege(MlDependencyRegistryArgs args) {
        String json = MlDependencyRegistry.deployerPolicy("ml", args, "aws", "us-east-1", ACCOUNT);
        IamPolicy policy = IamPolicy.fromJson(json);

        // IAM's limit for a managed policy is 6,144 characters without whitespace.
        assertThat(json.replaceAll("\\s", "").length()).isLessThanOrEqualTo(6144);
        assertThat(policy.statements()).allSatisfy(statement -> {
            assertThat(statement.effect().value()).isEqualTo("Allow");
            assertThat(statement.notActions()).isEmpty();
            assertThat(statement.notResources()).isEmpty();
            assertThat(statement.actions()).allSatisfy(action -> assertThat(action.value()).doesNotContain("*"));
            List<String> resources = statement.resources().stream().map(r -> r.value()).toList();
            if (resources.contains("*")) {
                assertThat(resources).containsExactly("*");
                assertThat(statement.actions()).allSatisfy(a -> assertThat(NAMES_NO_RESOURCE).contains(a.value()));
            } else {
                assertThat(resources).allSatisfy(r -> assertThat(r).startsWith("arn:aws:"));
            }
        });
        assertThat(json.contains("cloudformation:")).isEqualTo(!args.internalNamespaces().isEmpty());
        assertThat(json.contains("iam:CreatePolicy")).isEqualTo(args.createIamPolicies());
        assertThat(json.contains("iam:CreateRole")).isEqualTo(args.cooldown().isPresent());
        assertThat(json.contains("PutRepositoryPermissionsPolicy")).isEqualTo(!args.readerPrincipals().isEmpty());
        assertThat(json.contains("AssociateExternalConnection")).isEqualTo(!args.upstreams().isEmpty());
        assertThat(json.contains("kms:CreateGrant")).isEqualTo(args.createKmsKey() || args.kmsKeyArn().isPresent());
        assertThat(json.contains("kms:CreateKey")).isEqualTo(args.createKmsKey());
        assertThat(json.contains("states:ValidateStateMachineDefinition")).isEqualTo(args.cooldown().isPresent());
        assertThat(json.contains("sns:CreateTopic")).isEqualTo(args.cooldown().map(Cooldown::notifications).orElse(false));
    }
}
