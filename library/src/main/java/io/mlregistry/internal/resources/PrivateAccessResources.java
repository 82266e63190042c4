package io.mlregistry.internal.resources;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.ec2.outputs.VpcEndpointDnsEntry;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import io.mlregistry.internal.composition.Shared;
import io.mlregistry.internal.composition.StackGraph;
import io.mlregistry.internal.outputs.Known;
import io.mlregistry.internal.plan.RegistryInputs.PrivateAccessInput;
import io.mlregistry.internal.privateaccess.EndpointPolicies;
import io.mlregistry.internal.privateaccess.PrivateAccessPlan;
import io.mlregistry.internal.privateaccess.PrivateAccessPlan.Source;
import io.mlregistry.internal.privateaccess.PrivateAccessPlan.SourceKind;
import io.mlregistry.internal.privateaccess.SharedEndpoints;
import io.mlregistry.internal.privateaccess.SubnetVpcs;
import io.mlregistry.internal.privateaccess.VpcClaims;
import io.mlregistry.internal.rules.Arn;
import io.mlregistry.internal.rules.AssetBuckets;
import io.mlregistry.internal.rules.Network;
import io.mlregistry.internal.rules.Problems;
import io.mlregistry.internal.rules.VpcEndpoints;
import io.mlregistry.internal.validation.WorkloadRules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * How a registry's private access becomes resources: the endpoints' security group with one
 * HTTPS ingress rule per source, the {@code codeartifact.api} and {@code codeartifact.repositories}
 * interface endpoints and the S3 gateway endpoint, each with its policy from
 * {@link EndpointPolicies}; or, for a registry sharing another's endpoints, the ingress rules of its
 * own sources on the shared security group. Every input that may be another resource's output is
 * checked with {@code build()}'s rule when it resolves, before the resource that takes it registers.
 */
final class PrivateAccessResources {

    /** The VPCs in which a registry of the program turned private DNS on, whatever its domain. */
    private static final Shared<VpcClaims> VPC_CLAIMS = new Shared<>("VPC private DNS claims");

    private PrivateAccessResources() {
    }

    /**
     * Creates the endpoints a plan asks for, or the ingress rules a sharing registry adds.
     *
     * @param children how the registry's children are registered
     * @param plan the private access plan
     * @param input the private access given
     * @param shared the endpoints shared, for a registry that does not create them
     * @param domainArn the domain's ARN: region, partition, owner and name
     * @param assetBucket the domain's asset bucket
     * @param claims the VPCs of the program in which a registry turned private DNS on
     * @return the endpoints this registry uses
     */
    static SharedEndpoints create(ChildOptions children, PrivateAccessPlan plan, PrivateAccessInput input,
            Optional<SharedEndpoints> shared, Output<String> domainArn, Output<String> assetBucket, VpcClaims claims) {
        if (shared.isPresent()) {
            ingressRules(children, plan, input, shared.get().securityGroupId());
            return shared.get();
        }
        String registry = plan.componentName();
        Output<String> vpcId = checked(registry, input.vpcId(), (value, problems) -> {
            WorkloadRules.id("privateAccess.vpcId", "vpc", value, problems);
            if (plan.privateDns() && problems.isEmpty()) {
                claims.claim(value, registry, problems);
            }
        });
        SecurityGroup group = new SecurityGroup(plan.securityGroupLogicalName(), children.tagged(SecurityGroupArgs.builder()
                .vpcId(vpcId)
                .description(plan.securityGroupDescription()), SecurityGroupArgs.Builder::tags).build(),
                children.options(plan.securityGroupLogicalName(), false));
        ingressRules(children, plan, input, group.id());

        Output<List<String>> subnets = Output.all(subnets(registry, input, vpcId));
        Output<String> region = domainArn.applyValue(arn -> Arn.parse(arn).region());
        VpcEndpoint api = interfaceEndpoint(children, plan.apiEndpointLogicalName(), VpcEndpoints.API, vpcId, region,
                subnets, group, domainArn.applyValue(arn -> EndpointPolicies.api(arn).toJson()), plan.privateDns());
        VpcEndpoint repositories = interfaceEndpoint(children, plan.repositoriesEndpointLogicalName(),
                VpcEndpoints.REPOSITORIES, vpcId, region, subnets, group,
                domainArn.applyValue(arn -> EndpointPolicies.repositories(arn).toJson()), plan.privateDns());
        Output<String> s3;
        if (plan.createsS3GatewayEndpoint()) {
            s3 = new VpcEndpoint(plan.s3EndpointLogicalName(), children.tagged(VpcEndpointArgs.builder()
                    .vpcId(vpcId)
                    .serviceName(region.applyValue(r -> VpcEndpoints.serviceName(r, VpcEndpoints.S3)))
                    .vpcEndpointType("Gateway")
                    .routeTableIds(Output.all(checkedIds(registry, "privateAccess.routeTableIds", "rtb", input.routeTableIds())))
                    .policy(assetBucket.applyValue(bucket -> EndpointPolicies.s3(bucket).toJson())),
                    VpcEndpointArgs.Builder::tags).build(), children.options(plan.s3EndpointLogicalName(), false)).id();
        } else {
            s3 = checked(registry, input.existingS3GatewayEndpointId().orElseThrow(), (value, problems) ->
                    WorkloadRules.id("privateAccess.existingS3GatewayEndpointId", "vpce", value, problems));
        }
        return new SharedEndpoints(registry, input, api.id(), repositories.id(), regionalDnsName(api),
                regionalDnsName(repositories), group.id(), s3);
    }

    /**
     * The asset bucket of a domain's region from AWS's table, for a domain this stack does not
     * create; a region the table lacks is refused when the domain's ARN resolves.
     */
    static Output<String> tableAssetBucket(String registry, Output<String> domainArn) {
        return domainArn.applyValue(arn -> {
            String region = Arn.parse(arn).region();
            Problems problems = Problems.of(registry);
            AssetBuckets.checkListed("privateAccess: the domain's region", region, problems);
            Known.throwIfAny(problems);
            return AssetBuckets.bucketArn(region).orElseThrow();
        });
    }

    /** The VPC claims of the program a graph belongs to. */
    static VpcClaims claims(StackGraph graph) {
        return graph.share(VPC_CLAIMS, VpcClaims::new);
    }

    private static VpcEndpoint interfaceEndpoint(ChildOptions children, String logicalName, String service,
            Output<String> vpcId, Output<String> region, Output<List<String>> subnets, SecurityGroup group,
            Output<String> policy, boolean privateDns) {
        return new VpcEndpoint(logicalName, children.tagged(VpcEndpointArgs.builder()
                .vpcId(vpcId)
                .serviceName(region.applyValue(r -> VpcEndpoints.serviceName(r, service)))
                .vpcEndpointType("Interface")
                .subnetIds(subnets)
                .securityGroupIds(group.id().applyValue(List::of))
                .privateDnsEnabled(privateDns)
                .policy(policy), VpcEndpointArgs.Builder::tags).build(), children.options(logicalName, false));
    }

    /** One HTTPS rule per source the plan admits, on the given security group. */
    private static void ingressRules(ChildOptions children, PrivateAccessPlan plan, PrivateAccessInput input,
            Output<String> securityGroupId) {
        for (Source source : plan.sources()) {
            SecurityGroupIngressRuleArgs.Builder rule = SecurityGroupIngressRuleArgs.builder()
                    .securityGroupId(securityGroupId)
                    .ipProtocol("tcp")
                    .fromPort(VpcEndpoints.HTTPS)
                    .toPort(VpcEndpoints.HTTPS)
                    .description(plan.ingressDescription(source));
            String field = source.field();
            if (source.kind() == SourceKind.SECURITY_GROUP) {
                rule.referencedSecurityGroupId(checked(plan.componentName(), input.allowedSecurityGroupIds().get(source.index()),
                        (value, problems) -> WorkloadRules.id(field, "sg", value, problems)));
            } else {
                cidr(plan.componentName(), rule, field, input.allowedCidrs().get(source.index()), input.allowAnyAddress());
            }
            String name = plan.ingressLogicalName(source);
            new SecurityGroupIngressRule(name, children.tagged(rule, SecurityGroupIngressRuleArgs.Builder::tags).build(),
                    children.options(name, false));
        }
    }

    /**
     * A CIDR source: {@code cidrIpv4} or {@code cidrIpv6} by its family, known now or, for an
     * output, once it resolves (the other field then resolves to nothing).
     */
    private static void cidr(String registry, SecurityGroupIngressRuleArgs.Builder rule, String field, Output<String> cidr,
            boolean any) {
        Optional<Network.Cidr> known = Known.value(cidr).flatMap(Network::cidr);
        if (known.isPresent()) {
            if (known.get() == Network.Cidr.IPV4) {
                rule.cidrIpv4(cidr);
            } else {
                rule.cidrIpv6(cidr);
            }
            return;
        }
        Output<String> checked = checked(registry, cidr, (value, problems) -> WorkloadRules.cidr(field, value, any, problems));
        rule.cidrIpv4(checked.applyValue(value -> Network.cidr(value).filter(f -> f == Network.Cidr.IPV4).map(f -> value)
                .orElse(null)));
        rule.cidrIpv6(checked.applyValue(value -> Network.cidr(value).filter(f -> f == Network.Cidr.IPV6).map(f -> value)
                .orElse(null)));
    }

    /**
     * The subnets, each checked when it resolves; a subnet given as a resource must be in the
     * endpoints' VPC.
     */
    private static List<Output<String>> subnets(String registry, PrivateAccessInput input, Output<String> vpcId) {
        List<Output<String>> checked = checkedIds(registry, "privateAccess.subnetIds", "subnet", input.subnetIds());
        List<Output<String>> result = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            Optional<Output<String>> subnetVpc = SubnetVpcs.vpcOf(input.subnetIds().get(i));
            if (subnetVpc.isEmpty()) {
                result.add(checked.get(i));
                continue;
            }
            String field = "privateAccess.subnetIds[" + i + "]";
            result.add(Output.tuple(checked.get(i), subnetVpc.get(), vpcId).applyValue(t -> {
                if (!t.t2.equals(t.t3)) {
                    Problems problems = Problems.of(registry);
                    problems.add(field, t.t1, "is in VPC " + t.t2 + ", not in privateAccess.vpcId (" + t.t3 + ")");
                    Known.throwIfAny(problems);
                }
                return t.t1;
            }));
        }
        return result;
    }

    private static List<Output<String>> checkedIds(String registry, String list, String prefix, List<Output<String>> values) {
        List<Output<String>> checked = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String field = list + "[" + i + "]";
            checked.add(checked(registry, values.get(i), (value, problems) -> WorkloadRules.id(field, prefix, value, problems)));
        }
        return checked;
    }

    /**
     * An input checked with its rule when it resolves, the message naming the registry; a broken
     * rule is reported once, and no resource that takes the input registers.
     */
    private static Output<String> checked(String registry, Output<String> value, BiConsumer<String, Problems> rule) {
        return Reporter.owned(Known.checked(value, registry, rule));
    }

    /** The endpoint's regional DNS name, or the first EC2 lists should none have the regional form. */
    private static Output<String> regionalDnsName(VpcEndpoint endpoint) {
        return Output.tuple(endpoint.id(), endpoint.dnsEntries()).applyValue(t -> {
            List<String> names = t.t2 == null ? List.of() : t.t2.stream()
                    .map(VpcEndpointDnsEntry::dnsName).flatMap(Optional::stream).toList();
            return VpcEndpoints.regionalDnsName(t.t1, names).orElse(names.isEmpty() ? null : names.get(0));
        });
    }
}
