package io.mlregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlregistry.internal.GoldenFiles;
import io.mlregistry.internal.access.DeployerPolicies;
import io.mlregistry.internal.access.WorkloadDeployerPolicy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.policybuilder.iam.IamAction;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPolicyWriter;
import software.amazon.awssdk.policybuilder.iam.IamResource;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * The deployer policy of a registry with private access and SageMaker lifecycle configurations:
 * the statements {@link WorkloadDeployerPolicy} adds, as a golden, and least privilege over the
 * combinations. Only the EC2 reads, which name no resource, take {@code "*"}.
 */
class WorkloadDeployerPolicyTest {

    static PrivateAccess.Builder access() {
        return PrivateAccessTest.access();
    }

    static String deployerPolicy(MlDependencyRegistryArgs args, String partition, String region) {
        return MlDependencyRegistry.deployerPolicy("ml", args, partition, region, "123456789012");
    }

    @Test
    void privateAccessAndSageMaker_matchesGolden() {
        String json = deployerPolicy(MlDependencyRegistryTest.args().privateAccess(access().build())
                .createSageMakerLifecycleConfigs(true).build(), "aws", "us-east-1");

        GoldenFiles.assertMatches("deployer-private-access.json",
                IamPolicy.fromJson(json).toJson(IamPolicyWriter.builder().prettyPrint(true).build()).strip() + "\n");
    }

    @Test
    void withoutWorkloads_theDeployerPolicyIsUnchanged() {
        MlDependencyRegistryArgs args = MlDependencyRegistryTest.args().build();
        assertThat(WorkloadDeployerPolicy.statements(WorkloadDeployerPolicy.Workloads.NONE,
                new DeployerPolicies.Target("aws", "us-east-1", "123456789012"))).isEmpty();
        assertThat(WorkloadDeployerPolicy.unscopedActions(WorkloadDeployerPolicy.Workloads.NONE)).isEmpty();
        assertThat(sids(deployerPolicy(args, "aws", "us-east-1"))).doesNotContain("CreateCodeArtifactEndpoints",
                "ManageStudioLifecycleConfigs");
        assertThat(deployerPolicy(args, "aws", "us-east-1")).doesNotContain("ec2:");
    }

    @Test
    void existingS3GatewayEndpoint_noRouteTableIsTouched_andNoS3ServiceAllowed() {
        String json = deployerPolicy(MlDependencyRegistryTest.args().privateAccess(access().routeTableIds(new String[0])
                .existingS3GatewayEndpointId("vpce-0a1b2c3d").build()).build(), "aws", "eu-west-1");

        assertThat(json).doesNotContain("route-table/").doesNotContain("com.amazonaws.eu-west-1.s3\"")
                .contains("com.amazonaws.eu-west-1.codeartifact.api");
        assertThat(sids(json)).doesNotContain("ManageStudioLifecycleConfigs");
    }

    @Test
    void sageMakerAlone_namesTheConfigurationsExactly() {
        String json = deployerPolicy(MlDependencyRegistryTest.args().createSageMakerLifecycleConfigs(true).build(),
                "aws-us-gov", "us-gov-west-1");

        assertThat(sids(json)).contains("ManageStudioLifecycleConfigs", "ManageNotebookLifecycleConfig")
                .doesNotContain("CreateCodeArtifactEndpoints");
        assertThat(json).doesNotContain("ec2:");
        assertThat(json).contains("arn:aws-us-gov:sagemaker:us-gov-west-1:123456789012:studio-lifecycle-config/ml-platform-ml-models-jupyterlab",
                "arn:aws-us-gov:sagemaker:us-gov-west-1:123456789012:studio-lifecycle-config/ml-platform-ml-models-codeeditor",
                "arn:aws-us-gov:sagemaker:us-gov-west-1:123456789012:notebook-instance-lifecycle-config/ml-platform-ml-models-notebook");
    }

    static Stream<MlDependencyRegistryArgs> configurations() {
        return Stream.of(
                MlDependencyRegistryTest.args().privateAccess(access().build()).build(),
                MlDependencyRegistryTest.args().privateAccess(access().privateDns(false).build()).requireVpcEndpoints(true)
                        .publisherPrincipals("111122223333").build(),
                MlDependencyRegistryTest.args().privateAccess(access().routeTableIds(new String[0])
                        .existingS3GatewayEndpointId("vpce-0a1b2c3d").build()).createSageMakerLifecycleConfigs(true)
                        .tags(Map.of("team", "ml")).build(),
                MlDependencyRegistryTest.args().createSageMakerLifecycleConfigs(true).build());
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void everyConfiguration_isLeastPrivilege(MlDependencyRegistryArgs args) {
        for (String[] target : List.of(new String[] {"aws", "us-east-1"}, new String[] {"aws-cn", "cn-north-1"})) {
            IamPolicy policy = IamPolicy.fromJson(deployerPolicy(args, target[0], target[1]));
            for (IamStatement statement : policy.statements()) {
                assertThat(statement.actions()).extracting(IamAction::value).allSatisfy(a -> assertThat(a).doesNotContain("*"));
                List<String> resources = statement.resources().stream().map(IamResource::value).toList();
                if (resources.contains("*")) {
                    // One statement holds what names no resource; of EC2, only the reads.
                    assertThat(statement.sid()).isEqualTo("OnNoNamedResource");
                    assertThat(statement.actions()).extracting(IamAction::value).filteredOn(a -> a.startsWith("ec2:"))
                            .allSatisfy(a -> assertThat(WorkloadDeployerPolicy.isUnscoped(a)).as(a).isTrue());
                } else {
                    assertThat(resources).allSatisfy(r -> assertThat(r).startsWith("arn:" + target[0] + ":"));
                    assertThat(resources).filteredOn(r -> r.contains(":ec2:") || r.contains(":sagemaker:"))
                            .allSatisfy(r -> assertThat(r).contains(":" + target[1] + ":123456789012:"));
                }
            }
        }
    }

    /** Every option on, in the longest partition: the largest deployer policy the component writes. */
    static MlDependencyRegistryArgs everythingOn() {
        return MlDependencyRegistryTest.args().tags(Map.of("team", "ml"))
                .upstreams(Upstream.externalConnection("public:pypi"), Upstream.externalConnection("public:npmjs"))
                .cooldown(Cooldown.of(java.time.Duration.ofDays(3)).formats("pypi", "npm")
                        .logKmsKeyArn("arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/k1"))
                .internalNamespaces(InternalNamespace.pypiPrefix("acme-"), InternalNamespace.npmScope("acme"))
                .readerPrincipals("111122223333").repositoryCreatorAccounts("444455556666")
                .privateAccess(access().build()).requireVpcEndpoints(true).createSageMakerLifecycleConfigs(true)
                .build();
    }

    @Test
    void deployerPolicy_everythingOn_fitsARolesInlinePolicies_butNotOneManagedPolicy() {
        String json = deployerPolicy(everythingOn(), "aws-us-gov", "us-gov-west-1");

        // IAM: 6,144 characters for a managed policy, 10,240 for a role's inline policies together,
        // whitespace not counted.
        assertThat(DeployerPolicies.size(IamPolicy.fromJson(json))).isGreaterThan(6144).isLessThanOrEqualTo(10240);
    }

    @Test
    void deployerPolicies_everythingOn_splitIntoManagedPolicies_keepingEveryStatementWholeAndInOrder() {
        List<String> parts = MlDependencyRegistry.deployerPolicies("ml", everythingOn(), "aws-us-gov", "us-gov-west-1",
                "123456789012");

        assertThat(parts).hasSize(2).allSatisfy(part ->
                assertThat(DeployerPolicies.size(IamPolicy.fromJson(part))).isLessThanOrEqualTo(6144));
        List<IamStatement> whole = IamPolicy.fromJson(deployerPolicy(everythingOn(), "aws-us-gov", "us-gov-west-1"))
                .statements();
        assertThat(parts.stream().flatMap(part -> IamPolicy.fromJson(part).statements().stream()).toList())
                .isEqualTo(whole);
    }

    @Test
    void deployerPolicies_aSmallRegistry_isTheOnePolicy() {
        MlDependencyRegistryArgs args = MlDependencyRegistryTest.args().build();

        assertThat(MlDependencyRegistry.deployerPolicies("ml", args, "aws", "us-east-1", "123456789012"))
                .containsExactly(deployerPolicy(args, "aws", "us-east-1"));
    }

    @Test
    void managedPolicies_aStatementOverTheLimitAlone_isRefusedNamingIt() {
        IamStatement huge = IamStatement.builder().sid("Huge").effect("Allow").addAction("s3:GetObject")
                .resourceIds(java.util.stream.IntStream.range(0, 200)
                        .mapToObj(i -> "arn:aws:s3:::bucket-with-a-long-name-" + i + "/*").toList())
                .build();

        assertThatThrownBy(() -> DeployerPolicies.managedPolicies(IamPolicy.builder().addStatement(huge).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("statement Huge (" + DeployerPolicies.size(IamPolicy.builder().addStatement(huge).build())
                        + " characters) must fit IAM's 6144 for one managed policy");
    }

    @Test
    void isUnscoped_onlyTheEc2Reads() {
        assertThat(WorkloadDeployerPolicy.UNSCOPED_ACTIONS).allSatisfy(a -> assertThat(WorkloadDeployerPolicy.isUnscoped(a)).isTrue());
        assertThat(WorkloadDeployerPolicy.isUnscoped("ec2:CreateVpcEndpoint")).isFalse();
        assertThat(WorkloadDeployerPolicy.isUnscoped("sagemaker:CreateStudioLifecycleConfig")).isFalse();
    }

    private static List<String> sids(String json) {
        return IamPolicy.fromJson(json).statements().stream().map(IamStatement::sid).toList();
    }
}
