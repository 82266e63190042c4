package io.mlregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The private access value type and the rules {@code build()} checks of it, with their exact messages. */
class PrivateAccessTest {

    static final String VPC = "vpc-0a1b2c3d4e5f60718";
    static final String SUBNET_A = "subnet-0a1b2c3d4e5f60718";
    static final String SUBNET_B = "subnet-0b1b2c3d4e5f60718";
    static final String JOBS = "sg-0a1b2c3d4e5f60718";
    static final String ROUTES = "rtb-0a1b2c3d4e5f60718";

    static PrivateAccess.Builder access() {
        return PrivateAccess.builder().vpcId(VPC).subnetIds(SUBNET_A, SUBNET_B).allowedSecurityGroupIds(List.of(JOBS))
                .routeTableIds(ROUTES);
    }

    static MlDependencyRegistryArgs.Builder args(PrivateAccess access) {
        return MlDependencyRegistryArgs.builder().domainName("ml-platform").repositoryName("ml-models").privateAccess(access);
    }

    @Test
    void build_defaults() {
        PrivateAccess access = access().build();

        assertThat(access.privateDns()).isTrue();
        assertThat(access.allowAnyAddress()).isFalse();
        assertThat(access.allowedCidrs()).isEmpty();
        assertThat(access.existingS3GatewayEndpointId()).isEmpty();
        assertThat(MlDependencyRegistryArgsTest.value(access.vpcId())).isEqualTo(VPC);
        assertThat(access.subnetIds()).extracting(MlDependencyRegistryArgsTest::value).containsExactly(SUBNET_A, SUBNET_B);
        MlDependencyRegistryArgs args = args(access).build();
        assertThat(args.privateAccess()).contains(access);
        assertThat(args.requireVpcEndpoints()).isFalse();
        assertThat(args.requireVpcEndpointsForPublishers()).isFalse();
        assertThat(args.createSageMakerLifecycleConfigs()).isFalse();
    }

    @Test
    void build_everySetting_isKept() {
        Output<String> cidr = Output.of("10.20.0.0/16");
        PrivateAccess access = PrivateAccess.builder().vpcId(Output.of(VPC)).subnetIds(Output.of(SUBNET_A))
                .addSubnetId(Output.of(SUBNET_B)).allowedSecurityGroupIds(Output.of(JOBS))
                .addAllowedSecurityGroupId(Output.of("sg-0b1b2c3d4e5f60718")).allowedCidrs("0.0.0.0/0")
                .addAllowedCidr(cidr).allowAnyAddress(true).existingS3GatewayEndpointId("vpce-0a1b2c3d")
                .privateDns(false).build();

        assertThat(access.subnetIds()).hasSize(2);
        assertThat(access.allowedSecurityGroupIds()).hasSize(2);
        assertThat(access.allowedCidrs()).extracting(MlDependencyRegistryArgsTest::value).containsExactly("0.0.0.0/0", "10.20.0.0/16");
        assertThat(access.allowAnyAddress()).isTrue();
        assertThat(access.privateDns()).isFalse();
        assertThat(access.existingS3GatewayEndpointId().map(MlDependencyRegistryArgsTest::value)).contains("vpce-0a1b2c3d");
        MlDependencyRegistryArgs args = args(access).requireVpcEndpoints(true).requireVpcEndpointsForPublishers(true)
                .createSageMakerLifecycleConfigs(true).build();
        assertThat(args.requireVpcEndpoints()).isTrue();
        assertThat(args.requireVpcEndpointsForPublishers()).isTrue();
        assertThat(args.createSageMakerLifecycleConfigs()).isTrue();
        assertThat(args.toBuilder().build().privateAccess()).contains(access);
    }

    @Test
    void routeTables_builderVariants_replaceOrAppend() {
        PrivateAccess access = access().routeTableIds(Output.of(ROUTES)).addRouteTableId(Output.of("rtb-0b1b2c3d")).build();
        assertThat(access.routeTableIds()).extracting(MlDependencyRegistryArgsTest::value).containsExactly(ROUTES, "rtb-0b1b2c3d");
        assertThat(access().allowedSecurityGroupIds(List.of()).allowedCidrs(List.of("10.0.0.0/8")).build().allowedSecurityGroupIds())
                .isEmpty();
    }

    static Arguments rejected(String label, UnaryOperator<PrivateAccess.Builder> change, String message) {
        return Arguments.of(label, change, message);
    }

    static Stream<Arguments> brokenAccess() {
        return Stream.of(
                rejected("no subnet", b -> b.subnetIds(List.of()), "privateAccess.subnetIds must name at least one subnet: "
                        + "each interface endpoint puts a network interface in every subnet given"),
                rejected("a subnet twice", b -> b.subnetIds(SUBNET_A, SUBNET_A),
                        "privateAccess.subnetIds[1] (" + SUBNET_A + ") must differ from privateAccess.subnetIds[0]"),
                rejected("a security group as a subnet", b -> b.subnetIds(JOBS), "privateAccess.subnetIds[0] (" + JOBS
                        + ") must be an EC2 ID subnet- followed by 8 or 17 hexadecimal digits"),
                rejected("a VPC ID of the wrong form", b -> b.vpcId("vpc-123"),
                        "privateAccess.vpcId (vpc-123) must be an EC2 ID vpc- followed by 8 or 17 hexadecimal digits"),
                rejected("no source", b -> b.allowedSecurityGroupIds(List.of()), "privateAccess needs allowedSecurityGroupIds "
                        + "or allowedCidrs: the endpoints' security group admits HTTPS from nothing else"),
                rejected("a malformed security group", b -> b.allowedSecurityGroupIds(List.of("sg-xyz")),
                        "privateAccess.allowedSecurityGroupIds[0] (sg-xyz) must be an EC2 ID sg- followed by 8 or 17 "
                                + "hexadecimal digits"),
                rejected("an open IPv4 source", b -> b.allowedCidrs("10.0.0.0/16", "0.0.0.0/0"),
                        "privateAccess.allowedCidrs[1] (0.0.0.0/0) admits every address: name the CIDR blocks of your VPC "
                                + "or of your workloads' subnets, or set allowAnyAddress(true)"),
                rejected("an open IPv6 source", b -> b.allowedCidrs("::/0"),
                        "privateAccess.allowedCidrs[0] (::/0) admits every address: name the CIDR blocks of your VPC "
                                + "or of your workloads' subnets, or set allowAnyAddress(true)"),
                rejected("a malformed CIDR", b -> b.allowedCidrs("10.0.0.0"), "privateAccess.allowedCidrs[0] (10.0.0.0) "
                        + "must be an IPv4 or IPv6 CIDR block such as 10.0.0.0/16 or 2001:db8::/56"),
                rejected("a CIDR twice", b -> b.allowedCidrs("10.0.0.0/16", "10.0.0.0/16"),
                        "privateAccess.allowedCidrs[1] (10.0.0.0/16) must differ from privateAccess.allowedCidrs[0]"),
                rejected("neither route tables nor an S3 endpoint", b -> b.routeTableIds(new String[0]),
                        "privateAccess needs routeTableIds (an S3 gateway endpoint to CodeArtifact's asset bucket is "
                                + "created on them) or existingS3GatewayEndpointId: package managers of every format but "
                                + "Python and Swift download package assets from S3"),
                rejected("both route tables and an S3 endpoint", b -> b.existingS3GatewayEndpointId("vpce-0a1b2c3d"),
                        "privateAccess sets both routeTableIds and existingS3GatewayEndpointId: give one, since a route "
                                + "table takes one S3 gateway endpoint"),
                rejected("a malformed S3 endpoint", b -> b.routeTableIds(new String[0]).existingS3GatewayEndpointId("s3"),
                        "privateAccess.existingS3GatewayEndpointId (s3) must be an EC2 ID vpce- followed by 8 or 17 "
                                + "hexadecimal digits"),
                rejected("a route table twice", b -> b.routeTableIds(ROUTES, ROUTES),
                        "privateAccess.routeTableIds[1] (" + ROUTES + ") must differ from privateAccess.routeTableIds[0]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenAccess")
    void build_brokenPrivateAccess_isRefusedWithTheExactMessage(String label, UnaryOperator<PrivateAccess.Builder> change,
            String message) {
        PrivateAccess access = change.apply(access()).build();

        assertThatThrownBy(() -> args(access).build()).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void build_openCidrAllowed_isAccepted() {
        assertThat(args(access().allowedCidrs("0.0.0.0/0", "::/0").allowAnyAddress(true).build()).build().privateAccess())
                .isPresent();
    }

    @Test
    void build_everyBrokenRule_isReportedAtOnce() {
        PrivateAccess access = PrivateAccess.builder().vpcId("vpc-1").subnetIds(List.of()).routeTableIds(new String[0]).build();

        assertThatThrownBy(() -> args(access).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(String.join("\n",
                        "privateAccess.vpcId (vpc-1) must be an EC2 ID vpc- followed by 8 or 17 hexadecimal digits",
                        "privateAccess.subnetIds must name at least one subnet: each interface endpoint puts a network "
                                + "interface in every subnet given",
                        "privateAccess needs allowedSecurityGroupIds or allowedCidrs: the endpoints' security group admits "
                                + "HTTPS from nothing else",
                        "privateAccess needs routeTableIds (an S3 gateway endpoint to CodeArtifact's asset bucket is "
                                + "created on them) or existingS3GatewayEndpointId: package managers of every format but "
                                + "Python and Swift download package assets from S3"));
    }

    @Test
    void requireVpcEndpoints_withoutPrivateAccess_isRefused() {
        assertThatThrownBy(() -> MlDependencyRegistryArgs.builder().domainName("ml-platform").repositoryName("ml-models")
                .requireVpcEndpoints(true).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requireVpcEndpoints requires privateAccess: the repository policy would deny every read, and "
                        + "there is no VPC endpoint to read through");
    }

    @Test
    void requireVpcEndpointsForPublishers_withoutRequireVpcEndpoints_isRefused() {
        assertThatThrownBy(() -> args(access().build()).requireVpcEndpointsForPublishers(true).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requireVpcEndpointsForPublishers requires requireVpcEndpoints(true)");
    }

    @Test
    void sageMakerLifecycleConfigs_withoutIamPolicies_holdTagsToSageMakersRule() {
        assertThatThrownBy(() -> MlDependencyRegistryArgs.builder().domainName("ml-platform").repositoryName("ml-models")
                .createIamPolicies(false).createSageMakerLifecycleConfigs(true).tag("team#1", "ml|vision").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(String.join("\n",
                        "tags key (team#1) must contain only letters, digits, spaces and _.:/=+-@, as SageMaker requires "
                                + "for the lifecycle configurations (or set createSageMakerLifecycleConfigs(false))",
                        "tags[team#1] (ml|vision) must contain only letters, digits, spaces and _.:/=+-@, as SageMaker "
                                + "requires for the lifecycle configurations (or set createSageMakerLifecycleConfigs(false))"));
        // With the IAM policies the same rule is reported once, as IAM's.
        assertThatThrownBy(() -> MlDependencyRegistryArgs.builder().domainName("ml-platform").repositoryName("ml-models")
                .createSageMakerLifecycleConfigs(true).tag("team", "ml|vision").build())
                .hasMessage("tags[team] (ml|vision) must contain only letters, digits, spaces and _.:/=+-@, as IAM requires "
                        + "for the IAM policies (or set createIamPolicies(false))");
    }

    @Test
    void deserializedPrivateAccess_withoutVpc_isRefused() throws Exception {
        Constructor<PrivateAccess> bare = PrivateAccess.class.getDeclaredConstructor();
        bare.setAccessible(true);
        PrivateAccess empty = bare.newInstance();

        assertThat(empty.subnetIds()).isEmpty();
        assertThat(empty.routeTableIds()).isEmpty();
        assertThatThrownBy(() -> args(empty).build()).hasMessageStartingWith("privateAccess.vpcId is required\n");
    }

    @Test
    void setters_rejectNull_namingTheParameter() {
        PrivateAccess.Builder builder = PrivateAccess.builder();
        assertThatThrownBy(() -> builder.vpcId((String) null)).isInstanceOf(NullPointerException.class).hasMessage("vpcId");
        assertThatThrownBy(() -> builder.vpcId((Output<String>) null)).isInstanceOf(NullPointerException.class).hasMessage("vpcId");
        assertThatThrownBy(() -> builder.subnetIds(Arrays.asList(SUBNET_A, null)))
                .isInstanceOf(NullPointerException.class).hasMessage("subnetIds[1]");
        assertThatThrownBy(() -> builder.subnetIds((String[]) null)).isInstanceOf(NullPointerException.class).hasMessage("subnetIds");
        assertThatThrownBy(() -> builder.subnets((com.pulumi.aws.ec2.Subnet[]) null))
                .isInstanceOf(NullPointerException.class).hasMessage("subnets");
        assertThatThrownBy(() -> builder.subnets(new com.pulumi.aws.ec2.Subnet[1]))
                .isInstanceOf(NullPointerException.class).hasMessage("subnets[0]");
        assertThatThrownBy(() -> builder.addSubnetId(null)).isInstanceOf(NullPointerException.class).hasMessage("subnetId");
        assertThatThrownBy(() -> builder.allowedCidrs((List<String>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("allowedCidrs");
        assertThatThrownBy(() -> builder.addAllowedCidr(null)).isInstanceOf(NullPointerException.class).hasMessage("cidr");
        assertThatThrownBy(() -> builder.allowedSecurityGroupIds((List<String>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("allowedSecurityGroupIds");
        assertThatThrownBy(() -> builder.addAllowedSecurityGroupId(null))
                .isInstanceOf(NullPointerException.class).hasMessage("securityGroupId");
        assertThatThrownBy(() -> builder.routeTableIds((String[]) null))
                .isInstanceOf(NullPointerException.class).hasMessage("routeTableIds");
        assertThatThrownBy(() -> builder.addRouteTableId(null)).isInstanceOf(NullPointerException.class).hasMessage("routeTableId");
        assertThatThrownBy(() -> builder.existingS3GatewayEndpointId((String) null))
                .isInstanceOf(NullPointerException.class).hasMessage("endpointId");
        assertThatThrownBy(() -> MlDependencyRegistryArgs.builder().privateAccess(null))
                .isInstanceOf(NullPointerException.class).hasMessage("privateAccess");
    }

    @Test
    void equals_knownValuesByValue_andToStringShowsThem() {
        assertThat(access().build()).isEqualTo(access().build()).hasSameHashCodeAs(access().build())
                .isNotEqualTo(access().privateDns(false).build())
                .isNotEqualTo(access().allowAnyAddress(true).build())
                .isNotEqualTo(access().subnetIds(SUBNET_A).build())
                .isNotEqualTo(access().vpcId("vpc-0b1b2c3d").build())
                .isNotEqualTo(access().allowedCidrs("10.0.0.0/8").build())
                .isNotEqualTo(access().routeTableIds(new String[0]).existingS3GatewayEndpointId("vpce-0a1b2c3d").build())
                .isNotEqualTo(access().allowedSecurityGroupIds(List.of("sg-0b1b2c3d")).build())
                .isNotEqualTo("PrivateAccess");
        assertThat(access().allowedCidrs("10.0.0.0/8").existingS3GatewayEndpointId("vpce-0a1b2c3d").build().toString())
                .isEqualTo("PrivateAccess{vpcId=" + VPC + ", subnetIds=[" + SUBNET_A + ", " + SUBNET_B + "], "
                        + "allowedSecurityGroupIds=[" + JOBS + "], allowedCidrs=[10.0.0.0/8], allowAnyAddress=false, "
                        + "routeTableIds=[" + ROUTES + "], existingS3GatewayEndpointId=vpce-0a1b2c3d, privateDns=true}");
    }

    @Test
    void build_secretValues_areLeftToTheCheckWhenTheyResolve_soThatNoMessageShowsThem() {
        PrivateAccess access = access().subnetIds(Output.ofSecret("not-a-subnet")).build();

        assertThat(args(access).build().privateAccess()).contains(access);
        assertThat(MlDependencyRegistryArgs.builder().domainName("ml-platform").repositoryName("ml-models")
                .createIamPolicies(false).createSageMakerLifecycleConfigs(true).tag("team", Output.ofSecret("ml|vision"))
                .build().createSageMakerLifecycleConfigs()).isTrue();
    }

    @Test
    void deserializedPrivateAccess_withANullEntry_isRefusedNamingIt() throws Exception {
        PrivateAccess access = access().build();
        java.lang.reflect.Field subnets = PrivateAccess.class.getDeclaredField("subnetIds");
        subnets.setAccessible(true);
        subnets.set(access, Arrays.asList(Output.of(SUBNET_A), null));

        assertThatThrownBy(() -> args(access).build()).hasMessage("privateAccess.subnetIds[1] is required");
    }

    @Test
    void equals_deserializedWithoutVpc_equalsOnlyAnotherWithoutOne_andHashesFollowTheVpc() throws Exception {
        Constructor<PrivateAccess> bare = PrivateAccess.class.getDeclaredConstructor();
        bare.setAccessible(true);
        PrivateAccess empty = bare.newInstance();

        assertThat(empty).isEqualTo(bare.newInstance()).isNotEqualTo(access().build());
        assertThat(access().build()).isNotEqualTo(empty);
        assertThat(access().vpcId("vpc-0a1b2c3d").build().hashCode())
                .isNotEqualTo(access().vpcId("vpc-0b1b2c3d").build().hashCode())
                .isNotEqualTo(empty.hashCode());
    }
}
