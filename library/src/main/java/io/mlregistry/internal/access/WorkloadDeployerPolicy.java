package io.mlregistry.internal.access;

import io.mlregistry.internal.access.DeployerPolicies.Target;
import io.mlregistry.internal.rules.VpcEndpoints;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * What the deployer needs for the children that let ML workloads reach a registry: the VPC
 * endpoints, their security group and ingress rules, and the SageMaker lifecycle configurations.
 * The actions are those pulumi-aws 6.83.0's Terraform provider calls for {@code aws_vpc_endpoint},
 * {@code aws_security_group}, {@code aws_vpc_security_group_ingress_rule},
 * {@code aws_sagemaker_studio_lifecycle_config} and
 * {@code aws_sagemaker_notebook_instance_lifecycle_configuration} on create, read, update and
 * delete (the project's deployer-actions research, one row per call). EC2 assigns the IDs at
 * creation, so EC2 resources are named by type in the deploying account and region, the endpoints
 * further by the service they connect to ({@code ec2:VpceServiceName}); the EC2 {@code Describe*}
 * reads take no resource at all. The SageMaker configurations have names known in advance.
 * {@code DeployerPolicies} adds these to the registry's deployer policy, the EC2 reads to its one
 * statement on {@code "*"}.
 */
public final class WorkloadDeployerPolicy {

    /** The EC2 reads, which IAM evaluates against no resource: {@code "Resource": "*"}. */
    public static final List<String> UNSCOPED_ACTIONS = List.of(
            "ec2:DescribeNetworkInterfaces",
            "ec2:DescribePrefixLists",
            "ec2:DescribeSecurityGroupRules",
            "ec2:DescribeSecurityGroups",
            "ec2:DescribeVpcEndpoints");

    private WorkloadDeployerPolicy() {
    }

    /**
     * The names of a registry's SageMaker lifecycle configurations.
     *
     * @param studio the Studio configurations', one per app type
     * @param notebook the notebook-instance configuration's
     */
    public record LifecycleConfigNames(List<String> studio, String notebook) {
        public LifecycleConfigNames {
            studio = List.copyOf(studio);
        }
    }

    /**
     * What a registry creates for its workloads, as far as the deployer policy is concerned.
     *
     * @param privateAccess whether the registry has private access; a registry that shares its
     *     domain's endpoints needs less (the ingress rules of its sources), but whether it shares is
     *     known only when the stack runs
     * @param createsS3GatewayEndpoint whether it creates the S3 gateway endpoint
     * @param sageMaker the names of the SageMaker lifecycle configurations, when they are created
     */
    public record Workloads(boolean privateAccess, boolean createsS3GatewayEndpoint,
            Optional<LifecycleConfigNames> sageMaker) {

        /** Neither private access nor lifecycle configurations. */
        public static final Workloads NONE = new Workloads(false, false, Optional.empty());
    }

    /**
     * The actions that name no resource, which the deployer policy grants on {@code "*"} in its one
     * statement for them.
     *
     * @return the EC2 reads with private access; none otherwise
     */
    public static List<String> unscopedActions(Workloads workloads) {
        return workloads.privateAccess() ? UNSCOPED_ACTIONS : List.of();
    }

    /**
     * The statements on named resources.
     *
     * @param workloads what the registry creates for its workloads
     * @param target where it is deployed
     * @return the statements, none when the registry has neither private access nor lifecycle
     *     configurations
     */
    public static List<IamStatement> statements(Workloads workloads, Target target) {
        boolean privateAccess = workloads.privateAccess();
        boolean createsS3GatewayEndpoint = workloads.createsS3GatewayEndpoint();
        Optional<LifecycleConfigNames> sageMaker = workloads.sageMaker();
        List<IamStatement> statements = new ArrayList<>();
        String account = target.accountId();
        String endpoints = target.arn("ec2", account, "vpc-endpoint/*");
        String groups = target.arn("ec2", account, "security-group/*");
        String rules = target.arn("ec2", account, "security-group-rule/*");
        if (privateAccess) {
            statements.add(allow("ManageEndpointIngressRules", List.of("ec2:AuthorizeSecurityGroupIngress",
                    "ec2:ModifySecurityGroupRules", "ec2:RevokeSecurityGroupIngress"), List.of(groups, rules)));
            List<String> services = new ArrayList<>(List.of(
                    VpcEndpoints.serviceName(target.region(), VpcEndpoints.API),
                    VpcEndpoints.serviceName(target.region(), VpcEndpoints.REPOSITORIES)));
            if (createsS3GatewayEndpoint) {
                services.add(VpcEndpoints.serviceName(target.region(), VpcEndpoints.S3));
            }
            statements.add(IamStatement.builder()
                    .sid("CreateCodeArtifactEndpoints")
                    .effect(IamEffect.ALLOW)
                    .addAction("ec2:CreateVpcEndpoint")
                    .addResource(endpoints)
                    .addConditions(IamConditionOperator.STRING_EQUALS, "ec2:VpceServiceName", services)
                    .build());
            List<String> placement = new ArrayList<>(List.of(target.arn("ec2", account, "vpc/*"),
                    target.arn("ec2", account, "subnet/*"), groups));
            if (createsS3GatewayEndpoint) {
                placement.add(target.arn("ec2", account, "route-table/*"));
            }
            statements.add(allow("PlaceCodeArtifactEndpoints", List.of("ec2:CreateVpcEndpoint", "ec2:ModifyVpcEndpoint"),
                    placement));
            statements.add(allow("ManageCodeArtifactEndpoints", List.of("ec2:DeleteVpcEndpoints", "ec2:ModifyVpcEndpoint"),
                    List.of(endpoints)));
            statements.add(allow("CreateEndpointSecurityGroup", List.of("ec2:CreateSecurityGroup"),
                    List.of(groups, target.arn("ec2", account, "vpc/*"))));
            statements.add(allow("ManageEndpointSecurityGroup", List.of("ec2:DeleteSecurityGroup",
                    "ec2:RevokeSecurityGroupEgress"), List.of(groups)));
            statements.add(allow("TagNetworkResources", List.of("ec2:CreateTags", "ec2:DeleteTags"),
                    List.of(endpoints, groups, rules)));
        }
        if (sageMaker.isPresent()) {
            List<String> studio = sageMaker.get().studio().stream()
                    .map(name -> target.arn("sagemaker", account, "studio-lifecycle-config/" + name)).toList();
            String notebook = target.arn("sagemaker", account, "notebook-instance-lifecycle-config/"
                    + sageMaker.get().notebook());
            statements.add(allow("ManageStudioLifecycleConfigs", List.of("sagemaker:AddTags",
                    "sagemaker:CreateStudioLifecycleConfig", "sagemaker:DeleteStudioLifecycleConfig",
                    "sagemaker:DeleteTags", "sagemaker:DescribeStudioLifecycleConfig", "sagemaker:ListTags"), studio));
            statements.add(allow("ManageNotebookLifecycleConfig", List.of("sagemaker:AddTags",
                    "sagemaker:CreateNotebookInstanceLifecycleConfig", "sagemaker:DeleteNotebookInstanceLifecycleConfig",
                    "sagemaker:DeleteTags", "sagemaker:DescribeNotebookInstanceLifecycleConfig", "sagemaker:ListTags",
                    "sagemaker:UpdateNotebookInstanceLifecycleConfig"), List.of(notebook)));
        }
        return statements;
    }

    /** Whether an action may take {@code "Resource": "*"} in these statements. */
    public static boolean isUnscoped(String action) {
        return UNSCOPED_ACTIONS.contains(action);
    }

    private static IamStatement allow(String sid, List<String> actions, List<String> resources) {
        return DeployerPolicies.allow(sid, actions, resources);
    }
}
