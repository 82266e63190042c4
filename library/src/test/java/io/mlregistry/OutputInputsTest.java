package io.mlregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.core.Output;
import io.mlregistry.testing.AwsMocks;
import io.mlregistry.testing.RecordedResource;
import io.mlregistry.testing.StackRecording;

import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input that takes an output: a bad value that comes from another resource fails with the
 * message {@code build()} gives for the same plain value, and the children that take it are not
 * registered; a good one reaches the children.
 */
class OutputInputsTest {

    private final AwsMocks mocks = AwsMocks.create();

    /** Sets one input, given as a plain value or as an output of another resource. */
    interface Setter {
        MlDependencyRegistryArgs.Builder set(MlDependencyRegistryArgs.Builder builder, Output<String> value);
    }

    private static MlDependencyRegistryArgs.Builder base() {
        return MlDependencyRegistryArgs.builder().domainName("ml-platform").repositoryName("ml-models");
    }

    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of("domainName", (Setter) MlDependencyRegistryArgs.Builder::domainName, "ML_Platform",
                        List.of("aws:codeartifact/domain:Domain", "aws:kms/alias:Alias", "aws:codeartifact/repository:Repository")),
                Arguments.of("description", (Setter) MlDependencyRegistryArgs.Builder::description, "bell\u0007",
                        List.of("aws:codeartifact/repository:Repository/ml-repository")),
                Arguments.of("domainOwner", (Setter) (b, v) -> b.createDomain(false).domainOwner(v), "12345",
                        List.of("aws:codeartifact/repository:Repository")),
                Arguments.of("organizationId", (Setter) MlDependencyRegistryArgs.Builder::organizationId, "o-short",
                        List.of("aws:codeartifact/domainPermissions:DomainPermissions",
                                "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy")),
                Arguments.of("readerPrincipals", (Setter) (b, v) -> b.readerPrincipals(v), "arn:aws:iam::123456789012:group/ml",
                        List.of("aws:codeartifact/domainPermissions:DomainPermissions",
                                "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy")),
                Arguments.of("publisherPrincipals", (Setter) (b, v) -> b.publisherPrincipals(v), "*",
                        List.of("aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy")),
                Arguments.of("tokenAccounts", (Setter) MlDependencyRegistryArgs.Builder::addTokenAccount,
                        "arn:aws:iam::123456789012:role/x",
                        List.of("aws:codeartifact/domainPermissions:DomainPermissions")),
                Arguments.of("repositoryCreatorAccounts", (Setter) MlDependencyRegistryArgs.Builder::addRepositoryCreatorAccount,
                        "1234", List.of("aws:codeartifact/domainPermissions:DomainPermissions")),
                Arguments.of("tag value", (Setter) (b, v) -> b.tag("team", v), "ml!",
                        List.of("aws:codeartifact/domain:Domain", "aws:kms/key:Key", "aws:iam/policy:Policy")),
                Arguments.of("kmsKeyArn", (Setter) MlDependencyRegistryArgs.Builder::kmsKeyArn,
                        "arn:aws:kms:us-east-1:123456789012:alias/ml", List.of("aws:codeartifact/domain:Domain")),
                Arguments.of("privateAccess.vpcId", (Setter) (b, v) -> b.privateAccess(PrivateAccessTest.access().vpcId(v).build()),
                        "vpc-1", List.of("aws:ec2/securityGroup:SecurityGroup", "aws:ec2/vpcEndpoint:VpcEndpoint")),
                Arguments.of("privateAccess.subnetIds", (Setter) (b, v) -> b.privateAccess(PrivateAccessTest.access()
                        .subnetIds(v).build()), "sg-0a1b2c3d", List.of("aws:ec2/vpcEndpoint:VpcEndpoint/ml-vpce-api",
                        "aws:ec2/vpcEndpoint:VpcEndpoint/ml-vpce-repositories")),
                Arguments.of("privateAccess.allowedSecurityGroupIds", (Setter) (b, v) -> b.privateAccess(PrivateAccessTest.access()
                        .allowedSecurityGroupIds(v).build()), "sg-x",
                        List.of("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")),
                Arguments.of("privateAccess.allowedCidrs", (Setter) (b, v) -> b.privateAccess(PrivateAccessTest.access()
                        .allowedSecurityGroupIds(List.of()).addAllowedCidr(v).build()), "0.0.0.0/0",
                        List.of("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")),
                Arguments.of("privateAccess.routeTableIds", (Setter) (b, v) -> b.privateAccess(PrivateAccessTest.access()
                        .routeTableIds(v).build()), "rtb-x", List.of("aws:ec2/vpcEndpoint:VpcEndpoint/ml-vpce-s3")),
                // An existing endpoint's ID reaches only the outputs (vpcEndpointIds), which fail with it.
                Arguments.of("privateAccess.existingS3GatewayEndpointId", (Setter) (b, v) -> b.privateAccess(PrivateAccessTest
                        .access().routeTableIds(new String[0]).existingS3GatewayEndpointId(v).build()), "s3", List.of()),
                Arguments.of("cooldown.logKmsKeyArn", (Setter) OutputInputsTest::withLogKey,
                        "alias/aws/logs", List.of("aws:cloudwatch/logGroup:LogGroup", "aws:sfn/stateMachine:StateMachine")));
    }

    private static MlDependencyRegistryArgs.Builder withLogKey(MlDependencyRegistryArgs.Builder builder, Output<String> key) {
        return builder.upstreams(Upstream.externalConnection("public:pypi"))
                .cooldown(Cooldown.of(java.time.Duration.ofDays(3)).logKmsKeyArn(key));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void invalidOutput_failsWithThePlainValuesMessageNamingTheRegistry_andRegistersNoChildThatTakesIt(
            String label, Setter setter, String invalid, List<String> absent) {
        String plainMessage = messageOf(() -> setter.set(base(), Output.of(invalid)).build());

        StackRecording run = StackRecording.run(mocks, ctx -> {
            Output<String> fromResource = new Role("source", RoleArgs.builder().assumeRolePolicy("{}").build())
                    .arn().applyValue(arn -> invalid);
            new MlDependencyRegistry("ml", setter.set(base(), fromResource).build(), null);
        });

        assertThat(run.exceptions()).isNotEmpty();
        assertThat(run.exceptions()).extracting(Failures::rootMessage).contains(plainMessage.lines()
                .map(line -> "registry ml: " + line).collect(java.util.stream.Collectors.joining("\n")));
        for (String type : absent) {
            String[] typeAndName = type.split("/", 3);
            List<RecordedResource> registered = typeAndName.length == 3
                    ? run.resources(typeAndName[0] + "/" + typeAndName[1]).stream()
                            .filter(r -> r.name().equals(typeAndName[2])).toList()
                    : run.resources(type);
            assertThat(registered).as(type).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validOutput_reachesTheChildren(String label, Setter setter, String value, String type, String input) {
        StackRecording run = StackRecording.run(mocks, ctx -> {
            Output<String> fromResource = new Role("source", RoleArgs.builder().assumeRolePolicy("{}").build())
                    .arn().applyValue(arn -> value);
            new MlDependencyRegistry("ml", setter.set(base(), fromResource).build(), null);
        });

        assertThat(run.exceptions()).isEmpty();
        assertThat(run.resources(type)).anySatisfy(r -> assertThat(String.valueOf(r.inputs().get(input))).contains(value));
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("domainName", (Setter) MlDependencyRegistryArgs.Builder::domainName, "central",
                        "aws:codeartifact/domain:Domain", "domain"),
                Arguments.of("description", (Setter) MlDependencyRegistryArgs.Builder::description, "Wheels",
                        "aws:codeartifact/repository:Repository", "description"),
                Arguments.of("cooldown.logKmsKeyArn", (Setter) OutputInputsTest::withLogKey,
                        "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                        "aws:cloudwatch/logGroup:LogGroup", "kmsKeyId"),
                Arguments.of("organizationId", (Setter) MlDependencyRegistryArgs.Builder::organizationId, "o-a1b2c3d4e5",
                        "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy", "policyDocument"),
                Arguments.of("publisherPrincipals", (Setter) (b, v) -> b.publisherPrincipals(v),
                        "arn:aws:iam::123456789012:role/ci", "aws:codeartifact/domainPermissions:DomainPermissions",
                        "policyDocument"),
                Arguments.of("tokenAccounts", (Setter) MlDependencyRegistryArgs.Builder::addTokenAccount, "444455556666",
                        "aws:codeartifact/domainPermissions:DomainPermissions", "policyDocument"),
                Arguments.of("tag value", (Setter) (b, v) -> b.tag("team", v), "vision",
                        "aws:codeartifact/repository:Repository", "tags"),
                Arguments.of("privateAccess.vpcId", (Setter) (b, v) -> b.privateAccess(PrivateAccessTest.access().vpcId(v).build()),
                        "vpc-0c1b2c3d4e5f60718", "aws:ec2/vpcEndpoint:VpcEndpoint", "vpcId"),
                Arguments.of("privateAccess.allowedCidrs", (Setter) (b, v) -> b.privateAccess(PrivateAccessTest.access()
                        .addAllowedCidr(v).build()), "2001:db8::/56",
                        "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "cidrIpv6"));
    }

    @org.junit.jupiter.api.Test
    void invalidSecret_isNeverPrinted_buildLeavesItToResolution() {
        MlDependencyRegistryArgs args = base().organizationId(Output.ofSecret("o-TOPSECRET")).build();

        StackRecording run = StackRecording.run(mocks, ctx -> new MlDependencyRegistry("ml", args, null));

        assertThat(run.exceptions()).extracting(Failures::rootMessage)
                .contains("registry ml: organizationId ([secret]) must be 12-34 characters matching o-[a-z0-9]{10,32}")
                .allSatisfy(message -> assertThat(message).doesNotContain("TOPSECRET"));
    }

    @Test
    void invalidOutput_isReportedOnce_inTheLibrarysWords_withoutTheSdksWrapping() {
        StackRecording run = StackRecording.run(mocks, ctx -> {
            Output<String> name = new Role("source", RoleArgs.builder().assumeRolePolicy("{}").build())
                    .arn().applyValue(arn -> "ML_Platform");
            new MlDependencyRegistry("ml", base().domainName(name).build(), null);
        });

        // One error, the rule's message alone: no stack trace, no "serializing property" of a resource.
        assertThat(run.errors()).containsExactly("registry ml: domainName (ML_Platform) must be 2-50 characters matching "
                + "[a-z][a-z0-9-]{0,48}[a-z0-9]");
        assertThat(run.resources()).extracting(RecordedResource::type).doesNotContain("aws:kms/key:Key",
                "aws:kms/alias:Alias", "aws:codeartifact/domain:Domain");
    }

    private static String messageOf(Runnable build) {
        BiFunction<Runnable, Void, String> run = (r, v) -> {
            try {
                r.run();
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            throw new AssertionError("build() accepted the value");
        };
        String message = run.apply(build, null);
        assertThatThrownBy(build::run).isInstanceOf(IllegalArgumentException.class);
        return message;
    }

}
