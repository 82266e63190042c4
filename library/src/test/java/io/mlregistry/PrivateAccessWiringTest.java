package io.mlregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.pulumi.Context;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import io.mlregistry.internal.clients.LifecycleScripts;
import io.mlregistry.internal.privateaccess.EndpointPolicies;
import io.mlregistry.testing.AwsMocks;
import io.mlregistry.testing.RecordedResource;
import io.mlregistry.testing.StackRecording;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/** Private access and the SageMaker configurations on the mock engine: what is registered, with what, and what is refused. */
class PrivateAccessWiringTest {

    static final String ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
    static final String GROUP = "aws:ec2/securityGroup:SecurityGroup";
    static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    static final String REPOSITORY_POLICY = "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy";
    static final String DOMAIN_ARN = "arn:aws:codeartifact:us-east-1:123456789012:domain/ml-platform";

    private final AwsMocks mocks = AwsMocks.create();

    /** A VPC with two private subnets, their route table and the jobs' security group. */
    record Network(Vpc vpc, Subnet a, Subnet b, RouteTable routes, SecurityGroup jobs) {
        static Network create(String name) {
            Vpc vpc = new Vpc(name, VpcArgs.builder().cidrBlock("10.20.0.0/16").enableDnsHostnames(true).build());
            Subnet a = new Subnet(name + "-a", SubnetArgs.builder().vpcId(vpc.id()).cidrBlock("10.20.1.0/24").build());
            Subnet b = new Subnet(name + "-b", SubnetArgs.builder().vpcId(vpc.id()).cidrBlock("10.20.2.0/24").build());
            RouteTable routes = new RouteTable(name + "-routes", RouteTableArgs.builder().vpcId(vpc.id()).build());
            SecurityGroup jobs = new SecurityGroup(name + "-jobs", SecurityGroupArgs.builder().vpcId(vpc.id()).build());
            return new Network(vpc, a, b, routes, jobs);
        }

        PrivateAccess.Builder access() {
            return PrivateAccess.builder().vpcId(vpc.id()).subnets(a, b).allowedSecurityGroupIds(jobs.id())
                    .routeTableIds(routes.id());
        }
    }

    static MlDependencyRegistryArgs.Builder args() {
        return MlDependencyRegistryArgs.builder().domainName("ml-platform").repositoryName("ml-models");
    }

    private StackRecording run(Consumer<Context> program) {
        return StackRecording.run(mocks, program);
    }

    private static String message(StackRecording run) {
        assertThat(run.exceptions()).isNotEmpty();
        return Failures.rootMessage(run.exceptions().get(0));
    }

    static void exportWorkloads(Context ctx, MlDependencyRegistry registry) {
        ctx.export("pipConf", registry.pipConf());
        ctx.export("loginCommands", registry.loginCommands());
        ctx.export("authorizationTokenCommand", registry.authorizationTokenCommand());
        ctx.export("vpcUrls", registry.vpcUrls());
        ctx.export("vpcEndpointIds", registry.vpcEndpointIds());
        ctx.export("vpcEndpointDnsNames", registry.vpcEndpointDnsNames());
        ctx.export("vpcEndpointSecurityGroupId", registry.vpcEndpointSecurityGroupId());
        ctx.export("s3GatewayEndpointPolicy", registry.s3GatewayEndpointPolicy());
        ctx.export("studioLifecycleConfigArns", registry.studioLifecycleConfigArns());
        ctx.export("notebookLifecycleConfigName", registry.notebookLifecycleConfigName());
        ctx.export("sageMakerEnvironment", registry.sageMakerEnvironment());
        ctx.export("dualStackUrls", registry.dualStackUrls());
    }


    @Test
    void privateAccess_registersTheGroupItsRulesAndThreeEndpoints_withExactlyTheseInputs() {
        StackRecording run = run(ctx -> {
            Network net = Network.create("net");
            new MlDependencyRegistry("ml", args().privateAccess(net.access().addAllowedCidr(net.vpc().cidrBlock()).build())
                    .build(), null);
        });

        assertThat(run.exceptions()).isEmpty();
        RecordedResource component = run.resource(MlDependencyRegistry.TYPE, "ml");
        assertThat(run.children(component)).extracting(RecordedResource::type, RecordedResource::name).contains(
                tuple(GROUP, "ml-vpce-sg"), tuple(INGRESS, "ml-vpce-from-sg-0"), tuple(INGRESS, "ml-vpce-from-cidr-0"),
                tuple(ENDPOINT, "ml-vpce-api"), tuple(ENDPOINT, "ml-vpce-repositories"), tuple(ENDPOINT, "ml-vpce-s3"));
        RecordedResource vpc = run.resource("aws:ec2/vpc:Vpc", "net");
        RecordedResource subnet = run.resource("aws:ec2/subnet:Subnet", "net-a");
        String vpcId = (String) subnet.inputs().get("vpcId");
        assertThat(vpcId).matches("vpc-[0-9a-f]{17}");
        assertThat(vpc.inputs()).containsEntry("cidrBlock", "10.20.0.0/16");

        assertThat(run.resource(GROUP, "ml-vpce-sg").inputs()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "vpcId", vpcId,
                "description", "HTTPS to the CodeArtifact VPC endpoints for ml-models (mlregistry)"));
        RecordedResource api = run.resource(ENDPOINT, "ml-vpce-api");
        String groupId = ((List<?>) api.inputs().get("securityGroupIds")).get(0).toString();
        assertThat(groupId).matches("sg-[0-9a-f]{17}");
        List<?> subnets = (List<?>) api.inputs().get("subnetIds");
        assertThat(subnets).hasSize(2).allSatisfy(id -> assertThat(id.toString()).matches("subnet-[0-9a-f]{17}"));
        assertThat(api.inputs()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "vpcId", vpcId,
                "serviceName", "com.amazonaws.us-east-1.codeartifact.api",
                "vpcEndpointType", "Interface",
                "subnetIds", subnets,
                "securityGroupIds", List.of(groupId),
                "privateDnsEnabled", true,
                "policy", EndpointPolicies.api(DOMAIN_ARN).toJson()));
        assertThat(run.resource(ENDPOINT, "ml-vpce-repositories").inputs())
                .containsEntry("serviceName", "com.amazonaws.us-east-1.codeartifact.repositories")
                .containsEntry("subnetIds", subnets)
                .containsEntry("policy", EndpointPolicies.repositories(DOMAIN_ARN).toJson());
        RecordedResource s3 = run.resource(ENDPOINT, "ml-vpce-s3");
        assertThat(s3.inputs()).containsOnlyKeys("vpcId", "serviceName", "vpcEndpointType", "routeTableIds", "policy")
                .containsEntry("serviceName", "com.amazonaws.us-east-1.s3")
                .containsEntry("vpcEndpointType", "Gateway")
                .containsEntry("policy", EndpointPolicies.s3("arn:aws:s3:::assets-193858265520-us-east-1").toJson());
        assertThat((List<?>) s3.inputs().get("routeTableIds")).singleElement()
                .satisfies(id -> assertThat(id.toString()).matches("rtb-[0-9a-f]{17}"));

        RecordedResource fromGroup = run.resource(INGRESS, "ml-vpce-from-sg-0");
        assertThat(fromGroup.inputs()).containsOnlyKeys("securityGroupId", "ipProtocol", "fromPort", "toPort", "description",
                        "referencedSecurityGroupId")
                .containsEntry("securityGroupId", groupId).containsEntry("ipProtocol", "tcp")
                .containsEntry("fromPort", 443.0).containsEntry("toPort", 443.0)
                .containsEntry("description", "HTTPS to CodeArtifact for ml-models from privateAccess.allowedSecurityGroupIds[0] (mlregistry)");
        assertThat((String) fromGroup.inputs().get("referencedSecurityGroupId")).matches("sg-[0-9a-f]{17}").isNotEqualTo(groupId);
        // The VPC's CIDR block came as an output: its family is known once it resolves.
        assertThat(run.resource(INGRESS, "ml-vpce-from-cidr-0").inputs()).containsEntry("cidrIpv4", "10.20.0.0/16")
                .doesNotContainKey("cidrIpv6");
        assertThat(mocks.calls()).isEmpty();
    }

    @Test
    void endpoints_waitForTheDomainAndTheGroup_andNothingWaitsForThem_butTheRepositoryPolicy() {
        StackRecording run = run(ctx -> {
            Network net = Network.create("net");
            new MlDependencyRegistry("ml", args().privateAccess(net.access().build()).requireVpcEndpoints(true).build(), null);
        });
        List<String> order = run.resources().stream().map(RecordedResource::name).toList();

        assertThat(run.exceptions()).isEmpty();
        assertThat(order.indexOf("ml-domain")).isLessThan(order.indexOf("ml-vpce-api"));
        assertThat(order.indexOf("ml-vpce-sg")).isLessThan(order.indexOf("ml-vpce-api"));
        assertThat(order.indexOf("ml-vpce-repositories")).isLessThan(order.indexOf("ml-repository-policy"));
    }

    @Test
    void outputs_nameTheEndpoints_andClientsUseTheStandardHostsWithPrivateDns() {
        StackRecording run = run(ctx -> {
            Network net = Network.create("net");
            exportWorkloads(ctx, new MlDependencyRegistry("ml", args().privateAccess(net.access().build()).build(), null));
        });

        assertThat(run.exceptions()).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, String> ids = (Map<String, String>) run.outputs().get("vpcEndpointIds");
        assertThat(ids).containsOnlyKeys("api", "repositories", "s3")
                .allSatisfy((key, id) -> assertThat(id).matches("vpce-[0-9a-f]{17}"));
        @SuppressWarnings("unchecked")
        Map<String, String> dns = (Map<String, String>) run.outputs().get("vpcEndpointDnsNames");
        assertThat(dns.get("api")).matches(ids.get("api") + "-[0-9a-f]{8}\\.api\\.codeartifact\\.us-east-1\\.vpce\\.amazonaws\\.com");
        assertThat(dns.get("repositories"))
                .matches(ids.get("repositories") + "-[0-9a-f]{8}\\.d\\.codeartifact\\.us-east-1\\.vpce\\.amazonaws\\.com");
        assertThat((String) run.outputs().get("vpcEndpointSecurityGroupId")).matches("sg-[0-9a-f]{17}");
        assertThat(run.outputs().get("vpcUrls")).isEqualTo(Map.of());
        assertThat((String) run.outputs().get("pipConf")).contains(
                "index-url = https://aws:${CODEARTIFACT_AUTH_TOKEN}@ml-platform-123456789012.d.codeartifact.us-east-1.amazonaws.com/pypi/ml-models/simple/");
        @SuppressWarnings("unchecked")
        Map<String, String> logins = (Map<String, String>) run.outputs().get("loginCommands");
        assertThat(logins).containsOnlyKeys("pip", "twine", "npm");
        assertThat(run.outputs().get("s3GatewayEndpointPolicy"))
                .isEqualTo(EndpointPolicies.s3("arn:aws:s3:::assets-193858265520-us-east-1").toJson());
        assertThat(run.outputs().get("sageMakerEnvironment")).isEqualTo(Map.of("CA_REPOSITORY_ARN",
                "arn:aws:codeartifact:us-east-1:123456789012:repository/ml-platform/ml-models"));
        assertThat(run.outputs().get("studioLifecycleConfigArns")).isEqualTo(Map.of());
        assertThat(run.outputs().get("notebookLifecycleConfigName")).isNull();
    }

    @Test
    void privateDnsOff_clientOutputsGoThroughTheEndpoints_andLoginIsNotOffered() {
        StackRecording run = run(ctx -> {
            Network net = Network.create("net");
            exportWorkloads(ctx, new MlDependencyRegistry("ml", args().privateAccess(net.access().privateDns(false).build())
                    .build(), null));
        });

        assertThat(run.exceptions()).isEmpty();
        assertThat(run.resource(ENDPOINT, "ml-vpce-api").inputs()).containsEntry("privateDnsEnabled", false);
        @SuppressWarnings("unchecked")
        Map<String, String> dns = (Map<String, String>) run.outputs().get("vpcEndpointDnsNames");
        assertThat(run.outputs().get("vpcUrls")).isEqualTo(Map.of(
                "pypi", "https://" + dns.get("repositories") + "/pypi/d/ml-platform-123456789012/ml-models/simple/",
                "pypiUpload", "https://" + dns.get("repositories") + "/pypi/d/ml-platform-123456789012/ml-models/",
                "maven", "https://" + dns.get("repositories") + "/maven/d/ml-platform-123456789012/ml-models/",
                "npm", "https://" + dns.get("repositories") + "/npm/d/ml-platform-123456789012/ml-models/"));
        assertThat((String) run.outputs().get("pipConf")).contains("@" + dns.get("repositories") + "/pypi/d/");
        assertThat((String) run.outputs().get("authorizationTokenCommand")).contains("--endpoint-url https://" + dns.get("api") + " ");
        assertThat(run.outputs().get("loginCommands")).isEqualTo(Map.of());
    }

    @Test
    void withoutPrivateAccess_theEndpointOutputsAreEmpty_andTheClientOutputsStandard() {
        StackRecording run = run(ctx -> exportWorkloads(ctx, new MlDependencyRegistry("ml", args().build(), null)));

        assertThat(run.exceptions()).isEmpty();
        assertThat(run.resources(ENDPOINT)).isEmpty();
        assertThat(run.outputs()).containsEntry("vpcEndpointIds", Map.of()).containsEntry("vpcEndpointDnsNames", Map.of())
                .containsEntry("vpcEndpointSecurityGroupId", null).containsEntry("s3GatewayEndpointPolicy", null)
                .containsEntry("vpcUrls", Map.of());
        assertThat(run.outputs().get("dualStackUrls")).isEqualTo(Map.of(
                "pypi", "https://ml-platform-123456789012.codeartifact.us-east-1.on.aws/pypi/ml-models/simple/",
                "pypiUpload", "https://ml-platform-123456789012.codeartifact.us-east-1.on.aws/pypi/ml-models/",
                "maven", "https://ml-platform-123456789012.codeartifact.us-east-1.on.aws/maven/ml-models/",
                "npm", "https://ml-platform-123456789012.codeartifact.us-east-1.on.aws/npm/ml-models/"));
    }

    @Test
    void existingS3GatewayEndpoint_isUsed_notCreated() {
        StackRecording run = run(ctx -> {
            Network net = Network.create("net");
            exportWorkloads(ctx, new MlDependencyRegistry("ml", args().privateAccess(net.access().routeTableIds(new String[0])
                    .existingS3GatewayEndpointId("vpce-0123456789abcdef0").build()).build(), null));
        });

        assertThat(run.exceptions()).isEmpty();
        assertThat(run.resources(ENDPOINT)).extracting(RecordedResource::name).containsExactlyInAnyOrder("ml-vpce-api",
                "ml-vpce-repositories");
        @SuppressWarnings("unchecked")
        Map<String, String> ids = (Map<String, String>) run.outputs().get("vpcEndpointIds");
        assertThat(ids).containsEntry("s3", "vpce-0123456789abcdef0");
        assertThat(run.outputs().get("s3GatewayEndpointPolicy"))
                .isEqualTo(EndpointPolicies.s3("arn:aws:s3:::assets-193858265520-us-east-1").toJson());
    }

    @Test
    void requireVpcEndpoints_theRepositoryPolicyDeniesReadsOutsideThem_publishersExempt() {
        StackRecording run = run(ctx -> {
            Network net = Network.create("net");
            exportWorkloads(ctx, new MlDependencyRegistry("ml", args().privateAccess(net.access().build())
                    .readerPrincipals("111122223333").publisherPrincipals("arn:aws:iam::444455556666:role/ci")
                    .requireVpcEndpoints(true).build(), null));
        });

        assertThat(run.exceptions()).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, String> ids = (Map<String, String>) run.outputs().get("vpcEndpointIds");
        var statements = JsonParser.parseString(run.resource(REPOSITORY_POLICY, "ml-repository-policy")
                .input("policyDocument").orElseThrow()).getAsJsonObject().getAsJsonArray("Statement");
        assertThat(statements).hasSize(3);
        assertThat(statements.get(2)).isEqualTo(statement(EndpointPolicies.requireEndpoints("aws",
                List.of(ids.get("api"), ids.get("repositories")), List.of("arn:aws:iam::444455556666:role/ci"), false)));
    }

    @Test
    void requireVpcEndpoints_withoutGrants_writesAPolicyOfTheDenyAlone_publishersToo() {
        StackRecording run = run(ctx -> {
            Network net = Network.create("net");
            exportWorkloads(ctx, new MlDependencyRegistry("ml", args().privateAccess(net.access().build())
                    .requireVpcEndpoints(true).requireVpcEndpointsForPublishers(true).build(), null));
        });

        assertThat(run.exceptions()).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, String> ids = (Map<String, String>) run.outputs().get("vpcEndpointIds");
        var statement = JsonParser.parseString(run.resource(REPOSITORY_POLICY, "ml-repository-policy")
                .input("policyDocument").orElseThrow()).getAsJsonObject().get("Statement");
        assertThat(statement).isEqualTo(statement(EndpointPolicies.requireEndpoints("aws",
                List.of(ids.get("api"), ids.get("repositories")), List.of(), true)));
    }

    @Test
    void joinedRegistries_inOneVpc_shareOneSetOfEndpoints_eachAdmittingItsOwnSources() {
        StackRecording run = run(ctx -> {
            Network net = Network.create("net");
            SecurityGroup nlpJobs = new SecurityGroup("nlp-jobs", SecurityGroupArgs.builder().vpcId(net.vpc().id()).build());
            MlDependencyRegistry vision = new MlDependencyRegistry("vision", args().repositoryName("vision-models")
                    .privateAccess(net.access().build()).build(), null);
            MlDependencyRegistry nlp = new MlDependencyRegistry("nlp", MlDependencyRegistryArgs.builder().inDomainOf(vision)
                    .repositoryName("nlp-models").upstreams()
                    .privateAccess(net.access().allowedSecurityGroupIds(net.jobs().id(), nlpJobs.id()).build()).build(), null);
            ctx.export("vision", vision.vpcEndpointIds());
            ctx.export("nlp", nlp.vpcEndpointIds());
            ctx.export("nlpPipConf", nlp.pipConf());
        });

        assertThat(run.exceptions()).isEmpty();
        assertThat(run.resources(ENDPOINT)).extracting(RecordedResource::name)
                .containsExactlyInAnyOrder("vision-vpce-api", "vision-vpce-repositories", "vision-vpce-s3");
        assertThat(run.resources(GROUP)).extracting(RecordedResource::name).doesNotContain("nlp-vpce-sg");
        assertThat(run.outputs().get("nlp")).isEqualTo(run.outputs().get("vision"));
        RecordedResource added = run.resource(INGRESS, "nlp-vpce-from-sg-1");
        assertThat(added.parentUrn()).contains(run.resource(MlDependencyRegistry.TYPE, "nlp").urn());
        assertThat(added.inputs().get("securityGroupId"))
                .isEqualTo(((List<?>) run.resource(ENDPOINT, "vision-vpce-api").inputs().get("securityGroupIds")).get(0));
        assertThat(run.resources(INGRESS)).extracting(RecordedResource::name)
                .containsExactlyInAnyOrder("vision-vpce-from-sg-0", "nlp-vpce-from-sg-1");
        assertThat((String) run.outputs().get("nlpPipConf")).contains("/pypi/nlp-models/simple/");
    }

    @Test
    void joinedRegistry_inTheSameVpc_withOtherSubnets_isRefusedBeforeItRegisters() {
        StackRecording run = run(ctx -> {
            Network net = Network.create("net");
            MlDependencyRegistry vision = new MlDependencyRegistry("vision", args().repositoryName("vision-models")
                    .privateAccess(net.access().build()).build(), null);
            new MlDependencyRegistry("nlp", MlDependencyRegistryArgs.builder().inDomainOf(vision)
                    .repositoryName("nlp-models").upstreams()
                    .privateAccess(net.access().subnets(net.a()).privateDns(false).build()).build(), null);
        });

        String rule = " must be the same as registry vision's, which created the CodeArtifact endpoints of this VPC: the "
                + "registries of a domain share one set per VPC";
        assertThat(message(run)).isEqualTo("registry nlp: privateAccess.privateDns (false)" + rule + "\n"
                + "registry nlp: privateAccess.subnetIds (output)" + rule);
        assertThat(run.resources()).extracting(RecordedResource::name).doesNotContain("nlp");
    }

    @Test
    void twoDomains_inOneVpc_withPrivateDns_areRefusedWhenTheVpcResolves_namingBoth() {
        StackRecording run = run(ctx -> {
            Network net = Network.create("net");
            new MlDependencyRegistry("vision", args().privateAccess(net.access().build()).build(), null);
            new MlDependencyRegistry("search", MlDependencyRegistryArgs.builder().domainName("search").repositoryName("models")
                    .privateAccess(net.access().build()).build(), null);
        });

        String vpcId = (String) run.resource("aws:ec2/subnet:Subnet", "net-a").inputs().get("vpcId");
        assertThat(message(run)).isEqualTo("registry search: privateAccess.vpcId (" + vpcId + ") already has CodeArtifact "
                + "endpoints with private DNS, created by registry vision; a VPC takes one endpoint with private DNS per "
                + "service, so a second fails at deploy: share registry vision's by joining its domain (inDomainOf) with "
                + "the same vpcId, or set privateDns(false) on one of them");
        assertThat(run.resources(ENDPOINT)).extracting(RecordedResource::name).allSatisfy(n -> assertThat(n).startsWith("vision-"));
        assertThat(run.resources(GROUP)).extracting(RecordedResource::name).doesNotContain("search-vpce-sg");
    }

    @Test
    void twoDomains_inOneVpc_withoutPrivateDns_bothCreateEndpoints() {
        StackRecording run = run(ctx -> {
            Network net = Network.create("net");
            new MlDependencyRegistry("vision", args().privateAccess(net.access().privateDns(false).build()).build(), null);
            new MlDependencyRegistry("search", MlDependencyRegistryArgs.builder().domainName("search").repositoryName("models")
                    .privateAccess(net.access().privateDns(false).build()).build(), null);
        });

        assertThat(run.exceptions()).isEmpty();
        assertThat(run.resources(ENDPOINT)).hasSize(6);
    }

    @Test
    void subnetOfAnotherVpc_isRefusedWhenBothResolve_andNoInterfaceEndpointRegisters() {
        StackRecording run = run(ctx -> {
            Network net = Network.create("net");
            Network other = Network.create("other");
            new MlDependencyRegistry("ml", args().privateAccess(net.access().subnets(net.a(), other.b()).build()).build(), null);
        });

        RecordedResource stray = run.resource("aws:ec2/subnet:Subnet", "other-b");
        String otherVpc = (String) stray.inputs().get("vpcId");
        String vpc = (String) run.resource("aws:ec2/subnet:Subnet", "net-a").inputs().get("vpcId");
        assertThat(message(run)).matches("registry ml: privateAccess\\.subnetIds\\[1\\] \\(subnet-[0-9a-f]{17}\\) is in VPC " + otherVpc
                + ", not in privateAccess\\.vpcId \\(" + vpc + "\\)");
        // The S3 gateway endpoint takes no subnet; whether it registered before the failure stopped the program is timing.
        assertThat(run.resources(ENDPOINT)).extracting(RecordedResource::name)
                .doesNotContain("ml-vpce-api", "ml-vpce-repositories");
    }

    @Test
    void openCidr_givenAsAnOutput_isRefusedWhenItResolves() {
        StackRecording run = run(ctx -> {
            Network net = Network.create("net");
            Vpc open = new Vpc("open", VpcArgs.builder().cidrBlock("0.0.0.0/0").build());
            new MlDependencyRegistry("ml", args().privateAccess(net.access().addAllowedCidr(open.cidrBlock()).build()).build(), null);
        });

        assertThat(message(run)).isEqualTo("registry ml: privateAccess.allowedCidrs[0] (0.0.0.0/0) admits every address: name the CIDR "
                + "blocks of your VPC or of your workloads' subnets, or set allowAnyAddress(true)");
        assertThat(run.resources(INGRESS)).extracting(RecordedResource::name).doesNotContain("ml-vpce-from-cidr-0");
    }

    @Test
    void existingDomain_inARegionMissingFromTheTable_isRefusedBeforeTheS3EndpointRegisters() {
        AwsMocks osaka = AwsMocks.builder().region("ap-northeast-3").build();
        StackRecording run = StackRecording.run(osaka, ctx -> {
            Network net = Network.create("net");
            new MlDependencyRegistry("ml", args().createDomain(false).upstreams().privateAccess(net.access().build()).build(),
                    null);
        });

        assertThat(message(run)).isEqualTo("registry ml: privateAccess: the domain's region (ap-northeast-3) has no CodeArtifact asset "
                + "bucket in the library's table (us-east-1, us-east-2, us-west-2, eu-west-1, eu-west-2, eu-west-3, "
                + "eu-north-1, eu-south-1, eu-central-1, ap-northeast-1, ap-southeast-1, ap-southeast-2, ap-south-1); the S3 "
                + "gateway endpoint's policy names that bucket: look it up with aws codeartifact describe-domain --query "
                + "domain.s3BucketArn and report the region");
        assertThat(run.resources(ENDPOINT)).extracting(RecordedResource::name).doesNotContain("ml-vpce-s3");
    }

    @Test
    void domainCreatedHere_inARegionMissingFromTheTable_usesTheBucketTheDomainReports() {
        AwsMocks osaka = AwsMocks.builder().region("ap-northeast-3").build();
        StackRecording run = StackRecording.run(osaka, ctx -> {
            Network net = Network.create("net");
            new MlDependencyRegistry("ml", args().privateAccess(net.access().build()).build(), null);
        });

        assertThat(run.exceptions()).isEmpty();
        assertThat(run.resource(ENDPOINT, "ml-vpce-s3").input("policy").orElseThrow())
                .contains("arn:aws:s3:::assets-123456789012-ap-northeast-3/*");
    }

    @Test
    void sageMakerLifecycleConfigs_oneStudioConfigPerAppType_andOneForNotebooks_withTheScripts() {
        StackRecording run = run(ctx -> exportWorkloads(ctx, new MlDependencyRegistry("ml", args()
                .createSageMakerLifecycleConfigs(true).tag("team", "ml").build(), null)));

        assertThat(run.exceptions()).isEmpty();
        RecordedResource jupyter = run.resource("aws:sagemaker/studioLifecycleConfig:StudioLifecycleConfig", "ml-studio-jupyterlab");
        assertThat(jupyter.inputs()).containsOnlyKeys("studioLifecycleConfigName", "studioLifecycleConfigAppType",
                        "studioLifecycleConfigContent", "tags")
                .containsEntry("studioLifecycleConfigName", "ml-platform-ml-models-jupyterlab")
                .containsEntry("studioLifecycleConfigAppType", "JupyterLab")
                .containsEntry("tags", Map.of("team", "ml"));
        String script = decode(jupyter.input("studioLifecycleConfigContent").orElseThrow());
        assertThat(script).startsWith("#!/bin/bash\n# mlregistry: when this JupyterLab app starts, points pip at CodeArtifact "
                + "ml-platform/ml-models.\n").contains("--domain ml-platform --domain-owner 123456789012 --region us-east-1");
        assertThat(run.resource("aws:sagemaker/studioLifecycleConfig:StudioLifecycleConfig", "ml-studio-codeeditor").inputs())
                .containsEntry("studioLifecycleConfigAppType", "CodeEditor")
                .containsEntry("studioLifecycleConfigName", "ml-platform-ml-models-codeeditor");
        RecordedResource notebook = run.resource(
                "aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration", "ml-notebook-lifecycle");
        assertThat(notebook.inputs()).containsOnlyKeys("name", "onStart", "tags")
                .containsEntry("name", "ml-platform-ml-models-notebook");
        assertThat(decode(notebook.input("onStart").orElseThrow())).contains("sudo -u ec2-user -i /usr/local/bin/codeartifact-login");
        assertThat(run.outputs().get("studioLifecycleConfigArns")).isEqualTo(Map.of(
                "JupyterLab", "arn:aws:sagemaker:us-east-1:123456789012:studio-lifecycle-config/ml-platform-ml-models-jupyterlab",
                "CodeEditor", "arn:aws:sagemaker:us-east-1:123456789012:studio-lifecycle-config/ml-platform-ml-models-codeeditor"));
        assertThat(run.outputs().get("notebookLifecycleConfigName")).isEqualTo("ml-platform-ml-models-notebook");
        assertThat(LifecycleScripts.STUDIO_APP_TYPES).hasSize(2);
    }

    /** A statement as its policy document holds it. */
    private static JsonElement statement(IamStatement statement) {
        return JsonParser.parseString(IamPolicy.builder().addStatement(statement).build().toJson()).getAsJsonObject()
                .get("Statement");
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
