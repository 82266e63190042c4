package com.example.mlregistry.mlplatform;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.core.Output;
import io.mlregistry.Cooldown;
import io.mlregistry.InternalNamespace;
import io.mlregistry.MlDependencyRegistry;
import io.mlregistry.MlDependencyRegistryArgs;
import io.mlregistry.PrivateAccess;
import io.mlregistry.Upstream;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;

/**
 * An ML organization's platform: one central domain (customer-managed key, read access for the
 * whole AWS Organization, internal package names guarded against dependency confusion) holding a
 * shared repository with the one PyPI cache of the domain behind a three-day cooldown airlock (a
 * new PyPI version reaches {@code shared} only after three days in the cache), and one registry per
 * team that joins the domain with {@code inDomainOf}. Each team searches the shared repository,
 * publishes from its CI role and installs from its SageMaker role: both roles are created here and
 * named as principals through their ARNs; an existing notebooks role of the account, named by its
 * literal ARN, installs from every team's repository too. One more team runs SageMaker in VPC-only
 * mode: its VPC (created here, private subnets, no internet gateway) reaches the registry through
 * CodeArtifact's VPC endpoints, its repository can be read only through them, and its Studio apps
 * and notebook instances get lifecycle configurations that point pip at it.
 */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    /** The stack's program; tests and the offline preview run it on Pulumi's mock engine. */
    public static void stack(Context ctx) {
        var config = ctx.config();
        String domain = config.get("domainName").orElse("ml-platform");
        String organization = config.get("organizationId").orElse("o-a1b2c3d4e5");
        List<String> teams = Arrays.asList(config.get("teams").orElse("vision,nlp").split(","));
        // A role that already exists in the deploying account (a SageMaker Studio domain's, say),
        // named by its ARN: every team's notebooks install through it.
        String notebooks = config.get("notebooksRoleArn").orElse("arn:aws:iam::123456789012:role/ml-notebooks");

        var platform = new MlDependencyRegistry("platform", MlDependencyRegistryArgs.builder()
                .domainName(domain)
                .repositoryName("shared")
                .description("Internal packages shared by every ML team, and PyPI behind them")
                .upstreams(Upstream.externalConnection("public:pypi"))
                .organizationId(organization)
                // acme-* on PyPI is ours: never fetched from pypi.org, published only to shared.
                .internalNamespaces(InternalNamespace.pypiPrefix("acme-"))
                // A new PyPI release reaches shared, and so every team, after three days in
                // pypi-store, unless archived there meanwhile (experimental).
                .cooldown(Cooldown.of(Duration.ofDays(config.getInteger("cooldownDays").orElse(3))))
                .tags(Map.of("owner", "ml-platform"))
                .build(), null);
        ctx.export("domain_arn", platform.domainArn());
        ctx.export("shared_pip_index_url", platform.pypiIndexUrl());
        ctx.export("package_groups", platform.packageGroupPatterns());
        ctx.export("pypi_store_index_urls", platform.cooldownStoreUrls());
        ctx.export("cooldown_topic_arn", platform.cooldownTopicArn());

        for (String team : teams) {
            Team members = team(team, platform, organization, notebooks, args -> args);

            ctx.export(team + "_pip_index_url", members.registry().pypiIndexUrl());
            ctx.export(team + "_pip_upload_url", members.registry().pypiUploadUrl());
            ctx.export(team + "_ci_role_arn", members.ci().arn());
            ctx.export(team + "_sagemaker_role_arn", members.sagemaker().arn());
        }

        String vpcTeam = config.get("vpcOnlyTeam").orElse("fraud");
        if (!vpcTeam.isEmpty()) {
            vpcOnlyTeam(ctx, vpcTeam, platform, organization, notebooks);
        }
    }

    /**
     * A team's registry and its two roles.
     *
     * @param registry the team's registry
     * @param ci the CI role, which publishes
     * @param sagemaker the SageMaker execution role, which installs
     */
    record Team(MlDependencyRegistry registry, Role ci, Role sagemaker) {
    }

    /**
     * A team's registry in the platform's domain, searching {@code shared}, with a CI role that
     * publishes and a SageMaker role that installs, each given the registry's IAM policy, and the
     * account's existing notebooks role as a reader.
     */
    static Team team(String team, MlDependencyRegistry platform, String organization, String notebooks,
            UnaryOperator<MlDependencyRegistryArgs.Builder> more) {
        var ci = role(team, "ci", "publishes", "codebuild.amazonaws.com");
        var sagemaker = role(team, "sagemaker", "installs", "sagemaker.amazonaws.com");
        var registry = new MlDependencyRegistry(team, more.apply(MlDependencyRegistryArgs.builder()
                // The platform's domain, by its outputs: the team's repositories wait for it.
                .inDomainOf(platform)
                .repositoryName(team + "-models")
                // shared, where PyPI versions arrive once they have aged in the platform's pypi-store.
                .upstreams(Upstream.repositoryOf(platform))
                .publisherPrincipals(ci.arn())
                .readerPrincipals(sagemaker.arn())
                .addReaderPrincipal(Output.of(notebooks))
                .organizationId(organization)
                .tags(Map.of("team", team)))
                .build(), null);
        attach(team, "ci", "publishes", ci, registry.publisherPolicyArn());
        attach(team, "sagemaker", "installs", sagemaker, registry.readerPolicyArn());
        return new Team(registry, ci, sagemaker);
    }

    /**
     * A team whose SageMaker jobs, Studio apps and notebooks run in a VPC without internet access:
     * the VPC, two private subnets in two zones and their route table (no internet gateway, no NAT),
     * the jobs' security group, and a registry with private access that only the VPC endpoints may
     * read (its CI role publishes from outside and is exempt).
     */
    static void vpcOnlyTeam(Context ctx, String team, MlDependencyRegistry platform, String organization,
            String notebooks) {
        String region = ctx.config("aws").get("region").orElse("us-east-1");
        Map<String, String> tags = Map.of("team", team);
        var vpc = new Vpc(team + "-vpc", VpcArgs.builder()
                .cidrBlock("10.20.0.0/16")
                // Private DNS of the CodeArtifact endpoints needs both.
                .enableDnsSupport(true)
                .enableDnsHostnames(true)
                .tags(tags)
                .build());
        var routes = new RouteTable(team + "-private-routes", RouteTableArgs.builder()
                .vpcId(vpc.id())
                .tags(tags)
                .build());
        List<Subnet> subnets = List.of("a", "b").stream().map(zone -> {
            var subnet = new Subnet(team + "-private-" + zone, SubnetArgs.builder()
                    .vpcId(vpc.id())
                    .cidrBlock(zone.equals("a") ? "10.20.1.0/24" : "10.20.2.0/24")
                    .availabilityZone(region + zone)
                    .mapPublicIpOnLaunch(false)
                    .tags(tags)
                    .build());
            new RouteTableAssociation(team + "-private-" + zone + "-routes", RouteTableAssociationArgs.builder()
                    .subnetId(subnet.id())
                    .routeTableId(routes.id())
                    .build());
            return subnet;
        }).toList();
        var jobs = new SecurityGroup(team + "-sagemaker-jobs", SecurityGroupArgs.builder()
                .vpcId(vpc.id())
                .description("SageMaker jobs, Studio and notebooks of team " + team)
                .tags(tags)
                .build());
        // No internet gateway and no NAT: HTTPS can only reach the VPC's endpoints.
        new SecurityGroupEgressRule(team + "-sagemaker-jobs-https", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(jobs.id())
                .ipProtocol("tcp")
                .fromPort(443)
                .toPort(443)
                .cidrIpv4("0.0.0.0/0")
                .description("HTTPS to the VPC endpoints")
                .build());

        Team fraud = team(team, platform, organization, notebooks, args -> args
                .privateAccess(PrivateAccess.builder()
                        .vpcId(vpc.id())
                        .subnets(subnets.toArray(Subnet[]::new))
                        .allowedSecurityGroupIds(jobs.id())
                        .routeTableIds(routes.id())
                        .build())
                // Readers outside the VPC are refused; the CI role publishes from CodeBuild outside it.
                .requireVpcEndpoints(true)
                .createSageMakerLifecycleConfigs(true));
        MlDependencyRegistry registry = fraud.registry();

        ctx.export(team + "_pip_conf", registry.pipConf());
        ctx.export(team + "_token_command", registry.authorizationTokenCommand());
        ctx.export(team + "_login_commands", registry.loginCommands());
        ctx.export(team + "_sagemaker_environment", registry.sageMakerEnvironment());
        ctx.export(team + "_vpc_endpoint_ids", registry.vpcEndpointIds());
        ctx.export(team + "_studio_lifecycle_config_arns", registry.studioLifecycleConfigArns());
        ctx.export(team + "_notebook_lifecycle_config_name", registry.notebookLifecycleConfigName());
        ctx.export(team + "_sagemaker_security_group_id", jobs.id());
        ctx.export(team + "_private_subnet_ids", Output.all(subnets.stream().map(Subnet::id).toList()));
        ctx.export(team + "_sagemaker_role_arn", fraud.sagemaker().arn());
    }

    /** A role of a team that one AWS service assumes: {@code <team>-<kind>}. */
    static Role role(String team, String kind, String verb, String service) {
        return new Role(team + "-" + kind, RoleArgs.builder()
                .description(kind + " role of team " + team + ": " + verb + " packages")
                .assumeRolePolicy(trust(service))
                .tags(Map.of("team", team))
                .build());
    }

    /** Attaches one of the registry's IAM policies to a team's role: {@code <team>-<kind>-<verb>}. */
    static void attach(String team, String kind, String verb, Role role, Output<String> policyArn) {
        new RolePolicyAttachment(team + "-" + kind + "-" + verb, RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(policyArn)
                .build());
    }

    /** A trust policy that lets one AWS service assume the role. */
    static String trust(String service) {
        return IamPolicy.builder()
                .addStatement(s -> s.effect(IamEffect.ALLOW)
                        .addPrincipal(IamPrincipalType.SERVICE, service)
                        .addAction("sts:AssumeRole"))
                .build()
                .toJson();
    }
}
