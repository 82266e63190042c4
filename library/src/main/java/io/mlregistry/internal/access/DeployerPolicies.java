package io.mlregistry.internal.access;

import io.mlregistry.internal.clients.LifecycleScripts;
import io.mlregistry.internal.outputs.Known;
import io.mlregistry.internal.plan.RegistryInputs;
import io.mlregistry.internal.plan.RegistryPlan;
import io.mlregistry.internal.plan.RegistryPlan.KeyMode;
import io.mlregistry.internal.plan.RegistryPlan.Store;
import io.mlregistry.internal.plan.RegistryPlanner;
import io.mlregistry.internal.rules.Arn;
import io.mlregistry.internal.rules.Problems;
import io.mlregistry.internal.rules.Rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * The identity policy of the role that runs {@code pulumi preview}, {@code up}, {@code refresh} and
 * {@code destroy} for one registry: exactly the AWS actions that pulumi-aws 6.83.0's bundled
 * Terraform provider calls (or causes to be authorized) to plan, create, read, update and delete
 * the resources of the plan, on their ARNs wherever the action names a resource.
 *
 * <p>The actions per resource type and phase are kept, with the provider source each was read
 * from, in the test resource {@code deployer/pulumi-aws-6.83.0-actions.tsv};
 * {@code DeployerActionsTableTest} fails when this policy grants an action the table does not list
 * for the resources a configuration creates, misses one it lists, or puts on {@code "*"} an action
 * the table says names a resource. Only actions that name no resource take {@code "*"}
 * ({@code kms:CreateKey}, tagging a key as it is created, {@code kms:ListAliases}, the Cloud
 * Control API, log delivery); account-wide reads take {@code <kind>:*} of the region and account.
 */
public final class DeployerPolicies {

    private static final List<String> TAGGING = List.of(
            "codeartifact:ListTagsForResource", "codeartifact:TagResource", "codeartifact:UntagResource");

    /** IAM's limit for one managed policy, in characters without whitespace. */
    public static final int MANAGED_POLICY_MAX = 6144;

    private static final Pattern PARTITION = Pattern.compile("aws(-[a-z]+)*");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");

    private DeployerPolicies() {
    }

    /**
     * Where the registry is deployed: what a deployer policy needs that the plan cannot know.
     *
     * @param partition the partition, such as {@code aws}
     * @param region the region, such as {@code us-east-1}
     * @param accountId the deploying account
     */
    public record Target(String partition, String region, String accountId) {

        /**
         * Checks the three values.
         *
         * @throws IllegalArgumentException listing every value that is malformed
         */
        public Target {
            Problems problems = new Problems();
            if (partition == null || !PARTITION.matcher(partition).matches()) {
                problems.add("partition", String.valueOf(partition), "must be an AWS partition such as aws or aws-cn");
            }
            if (region == null || !REGION.matcher(region).matches()) {
                problems.add("region", String.valueOf(region), "must be an AWS region such as us-east-1");
            }
            if (accountId == null || !Rules.isAccountId(accountId)) {
                problems.add("accountId", String.valueOf(accountId), "must be a 12-digit account ID");
            }
            problems.throwIfAny();
        }

        /** An ARN of this partition and region. */
        String arn(String service, String account, String resource) {
            return new Arn(partition, service, region, account, resource).toString();
        }

        /** An ARN of this partition in a global service (IAM): no region. */
        String globalArn(String service, String resource) {
            return new Arn(partition, service, "", accountId, resource).toString();
        }
    }

    /**
     * The least-privilege deployer policy for one plan.
     *
     * @param plan what the registry creates
     * @param domainName the domain's name
     * @param domainOwner the domain's owner, when it is not the deploying account
     * @param target where it is deployed
     * @return the identity policy to attach to the deploying role
     */
    public static IamPolicy deployerPolicy(RegistryPlan plan, String domainName, Optional<String> domainOwner,
            Target target) {
        return deployerPolicy(plan, domainName, domainOwner, target, WorkloadDeployerPolicy.Workloads.NONE);
    }

    /**
     * The least-privilege deployer policy for one plan and what it creates for ML workloads.
     *
     * @param plan what the registry creates
     * @param domainName the domain's name
     * @param domainOwner the domain's owner, when it is not the deploying account
     * @param target where it is deployed
     * @param workloads its private access and SageMaker lifecycle configurations
     * @return the identity policy to attach to the deploying role
     */
    public static IamPolicy deployerPolicy(RegistryPlan plan, String domainName, Optional<String> domainOwner,
            Target target, WorkloadDeployerPolicy.Workloads workloads) {
        String account = target.accountId();
        String owner = domainOwner.orElse(account);
        List<IamStatement> statements = new ArrayList<>();
        // Actions that name no resource share one statement: the policy must fit IAM's 6,144 characters.
        List<String> anyResource = new ArrayList<>();

        String ownKeys = target.arn("kms", account, "key/*");
        if (plan.keyMode() == KeyMode.CREATE) {
            // KMS: tagging a key as it is created needs an IAM policy "not restricted to particular KMS keys".
            anyResource.addAll(List.of("kms:CreateKey", "kms:ListAliases", "kms:TagResource"));
            statements.add(allow("ManageKmsKey", List.of("kms:CreateAlias", "kms:DeleteAlias", "kms:DescribeKey",
                    "kms:EnableKeyRotation", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListResourceTags",
                    "kms:ScheduleKeyDeletion", "kms:UntagResource", "kms:UpdateAlias", "kms:UpdateKeyDescription"),
                    List.of(ownKeys)));
            statements.add(allow("ManageKmsAlias", List.of("kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias"),
                    List.of(target.arn("kms", account, RegistryPlan.keyAliasName(domainName)))));
        }
        String domainArn = target.arn("codeartifact", owner, "domain/" + domainName);
        if (plan.createDomain()) {
            if (plan.keyMode() != KeyMode.AWS_MANAGED) {
                // A brought key may live in another account of the region; its ARN is an Output here.
                String keys = plan.keyMode() == KeyMode.CREATE ? ownKeys : target.arn("kms", "*", "key/*");
                statements.add(allow("UseKmsKeyForDomain", List.of("kms:CreateGrant", "kms:DescribeKey"), List.of(keys)));
            }
            List<String> domainActions = new ArrayList<>(List.of(
                    "codeartifact:CreateDomain", "codeartifact:DeleteDomain", "codeartifact:DescribeDomain"));
            domainActions.addAll(TAGGING);
            if (plan.hasDomainPolicy()) {
                domainActions.addAll(List.of("codeartifact:DeleteDomainPermissionsPolicy",
                        "codeartifact:GetDomainPermissionsPolicy", "codeartifact:PutDomainPermissionsPolicy"));
            }
            statements.add(allow("ManageDomain", domainActions, List.of(domainArn)));
        }

        String primary = repositoryArn(target, owner, domainName, plan.repositoryName());
        List<String> stores = plan.stores().stream().map(Store::repositoryName)
                .map(store -> repositoryArn(target, owner, domainName, store)).toList();
        List<String> repositories = new ArrayList<>(List.of(primary));
        repositories.addAll(stores);
        List<String> repositoryActions = new ArrayList<>(List.of("codeartifact:CreateRepository",
                "codeartifact:DeleteRepository", "codeartifact:DescribeRepository", "codeartifact:UpdateRepository"));
        repositoryActions.addAll(TAGGING);
        statements.add(allow("ManageRepositories", repositoryActions, repositories));
        if (!stores.isEmpty()) {
            statements.add(allow("ManageExternalConnections", List.of("codeartifact:AssociateExternalConnection",
                    "codeartifact:DisassociateExternalConnection"), stores));
        }
        if (!plan.primaryUpstreams().isEmpty()) {
            // An upstream named by another resource's output is not known here: any repository of the domain.
            statements.add(allow("AddUpstreams", List.of("codeartifact:AssociateWithDownstreamRepository"),
                    plan.primaryUpstreams().stream().map(u -> repositoryArn(target, owner, domainName, u.name().orElse("*")))
                            .distinct().toList()));
        }
        if (plan.hasRepositoryPolicy()) {
            statements.add(allow("ManageRepositoryPolicy", List.of("codeartifact:DeleteRepositoryPermissionsPolicy",
                    "codeartifact:GetRepositoryPermissionsPolicy", "codeartifact:PutRepositoryPermissionsPolicy"),
                    List.of(primary)));
        }
        if (plan.createIamPolicies()) {
            // Pulumi names each policy after its logical name and a random suffix.
            statements.add(allow("ManageIamPolicies", List.of("iam:CreatePolicy", "iam:CreatePolicyVersion",
                    "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:GetPolicy", "iam:GetPolicyVersion",
                    "iam:ListPolicyVersions", "iam:SetDefaultPolicyVersion", "iam:TagPolicy", "iam:UntagPolicy"), List.of(
                    target.globalArn("iam", "policy/" + plan.readerPolicyLogicalName() + "-*"),
                    target.globalArn("iam", "policy/" + plan.publisherPolicyLogicalName() + "-*"))));
        }
        if (!plan.packageGroups().isEmpty()) {
            // The Cloud Control API's actions carry the cloudformation prefix and name no resource.
            anyResource.addAll(List.of("cloudformation:CreateResource", "cloudformation:DeleteResource",
                    "cloudformation:DescribeType", "cloudformation:GetResource", "cloudformation:GetResourceRequestStatus",
                    "cloudformation:UpdateResource"));
            List<String> groupActions = new ArrayList<>(List.of("codeartifact:CreatePackageGroup",
                    "codeartifact:DeletePackageGroup", "codeartifact:DescribePackageGroup",
                    "codeartifact:ListAllowedRepositoriesForGroup", "codeartifact:UpdatePackageGroup",
                    "codeartifact:UpdatePackageGroupOriginConfiguration"));
            groupActions.addAll(TAGGING);
            statements.add(allow("ManagePackageGroups", groupActions,
                    List.of(target.arn("codeartifact", owner, "package-group/" + domainName + "/*"))));
        }
        plan.cooldown().ifPresent(cooldown -> {
            anyResource.addAll(AirlockDeployerStatements.LOG_DELIVERY);
            statements.addAll(AirlockDeployerStatements.of(plan, cooldown, target));
        });
        anyResource.addAll(WorkloadDeployerPolicy.unscopedActions(workloads));
        statements.addAll(WorkloadDeployerPolicy.statements(workloads, target));
        if (!anyResource.isEmpty()) {
            statements.add(0, allow("OnNoNamedResource", anyResource, List.of("*")));
        }
        return IamPolicy.builder().statements(statements).build();
    }

    /**
     * The deployer policy of one registry, from its inputs: the plan and what it creates for ML
     * workloads, with the domain's name and owner, which must be known now.
     *
     * @param name the component's logical name
     * @param inputs the registry's checked inputs
     * @param target where it is deployed
     * @return the policy
     * @throws IllegalArgumentException if the domain's name or owner is an output of a resource
     */
    public static IamPolicy forRegistry(String name, RegistryInputs inputs, Target target) {
        String domainName = Known.value(inputs.domainName()).orElseThrow(() -> new IllegalArgumentException(
                "domainName (output) must be known to write the deployer policy: pass it as a plain value"));
        Optional<String> domainOwner = inputs.domainOwner().map(owner -> Known.value(owner).orElseThrow(() ->
                new IllegalArgumentException("domainOwner (output) must be known to write the deployer policy: "
                        + "pass it as a plain value")));
        String repository = inputs.repositoryName();
        WorkloadDeployerPolicy.Workloads workloads = new WorkloadDeployerPolicy.Workloads(
                inputs.workloads().privateAccess().isPresent(),
                inputs.workloads().privateAccess().map(access -> !access.routeTableIds().isEmpty()).orElse(false),
                inputs.workloads().sageMakerLifecycleConfigs()
                        ? Optional.of(new WorkloadDeployerPolicy.LifecycleConfigNames(LifecycleScripts.STUDIO_APP_TYPES.stream()
                                .map(type -> LifecycleScripts.studioConfigName(domainName, repository, type)).toList(),
                                LifecycleScripts.notebookConfigName(domainName, repository)))
                        : Optional.empty());
        return deployerPolicy(RegistryPlanner.plan(name, inputs, Optional.empty()), domainName, domainOwner, target,
                workloads);
    }

    /**
     * A policy split into managed policies of at most {@link #MANAGED_POLICY_MAX} characters each,
     * its statements kept whole and in order: a role can carry several managed policies, and a
     * registry with every option on needs more than one.
     *
     * @param policy the whole policy
     * @return the parts; one when it fits
     * @throws IllegalArgumentException if one statement alone is over the limit
     */
    public static List<IamPolicy> managedPolicies(IamPolicy policy) {
        List<IamPolicy> parts = new ArrayList<>();
        List<IamStatement> current = new ArrayList<>();
        for (IamStatement statement : policy.statements()) {
            current.add(statement);
            if (size(current) <= MANAGED_POLICY_MAX) {
                continue;
            }
            current.remove(current.size() - 1);
            if (current.isEmpty()) {
                throw new IllegalArgumentException("statement " + statement.sid() + " (" + size(List.of(statement))
                        + " characters) must fit IAM's " + MANAGED_POLICY_MAX + " for one managed policy");
            }
            parts.add(IamPolicy.builder().statements(current).build());
            current = new ArrayList<>(List.of(statement));
        }
        if (!current.isEmpty()) {
            parts.add(IamPolicy.builder().statements(current).build());
        }
        return parts;
    }

    /** A policy's size as IAM counts it: its JSON without whitespace. */
    public static int size(IamPolicy policy) {
        return policy.toJson().replaceAll("\\s", "").length();
    }

    private static int size(List<IamStatement> statements) {
        return size(IamPolicy.builder().statements(statements).build());
    }

    /** The statement IDs a plan's policy has, in order; for documentation and tests. */
    public static List<String> statementIds(IamPolicy policy) {
        return policy.statements().stream().map(IamStatement::sid).toList();
    }

    private static String repositoryArn(Target target, String owner, String domainName, String repository) {
        return target.arn("codeartifact", owner, "repository/" + domainName + "/" + repository);
    }

    /** An Allow statement; actions sorted, resources in the order given, each once. */
    static IamStatement allow(String sid, List<String> actions, List<String> resources) {
        return IamStatement.builder()
                .sid(sid)
                .effect(IamEffect.ALLOW)
                .actionIds(List.copyOf(new TreeSet<>(actions)))
                .resourceIds(List.copyOf(new LinkedHashSet<>(resources)))
                .build();
    }
}
