package io.mlregistry.internal.access;

import io.mlregistry.internal.plan.RegistryPlan;
import io.mlregistry.internal.plan.RegistryPlan.KeyMode;
import io.mlregistry.internal.plan.RegistryPlan.Store;
import io.mlregistry.internal.rules.Arn;
import io.mlregistry.internal.rules.Problems;
import io.mlregistry.internal.rules.Rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * The identity policy of the role that runs {@code pulumi up} for one registry: the actions that
 * create, read, update and delete exactly the resources of its plan, on their ARNs wherever the
 * ARN is known before the deployment.
 *
 * <p>Sources: the CloudFormation schemas of {@code AWS::CodeArtifact::Domain}, {@code Repository}
 * and {@code PackageGroup} (their {@code handlers} list the CodeArtifact actions of each
 * operation); the service model's {@code CreateDomainRequest.encryptionKey} ("your IAM role must
 * have {@code kms:DescribeKey} and {@code kms:CreateGrant} permissions on the encryption key");
 * the Cloud Control API actions Pulumi's {@code aws.cloudcontrol.Resource} calls. Only
 * {@code kms:CreateKey}, {@code kms:ListAliases} and the Cloud Control actions take
 * {@code "Resource": "*"}: none of them names a resource that exists before the call.
 */
public final class DeployerPolicies {

    /** Actions that act on no resource known in advance, so that only {@code "*"} can name it. */
    public static final List<String> UNSCOPED_ACTIONS = List.of(
            "kms:CreateKey",
            "kms:ListAliases",
            "cloudformation:CreateResource",
            "cloudformation:DeleteResource",
            "cloudformation:GetResource",
            "cloudformation:GetResourceRequestStatus",
            "cloudformation:UpdateResource");

    private static final List<String> TAGGING = List.of(
            "codeartifact:ListTagsForResource", "codeartifact:TagResource", "codeartifact:UntagResource");

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

        String arn(String service, String account, String resource) {
            return new Arn(partition, service, region, account, resource).toString();
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
        String account = target.accountId();
        String owner = domainOwner.orElse(account);
        String domainArn = target.arn("codeartifact", owner, "domain/" + domainName);
        List<IamStatement> statements = new ArrayList<>();

        String ownKeys = target.arn("kms", account, "key/*");
        if (plan.keyMode() == KeyMode.CREATE) {
            statements.add(allow("CreateKmsKey", List.of("kms:CreateKey", "kms:ListAliases"), List.of("*")));
            statements.add(allow("ManageKmsKey", List.of("kms:CreateAlias", "kms:DeleteAlias", "kms:DescribeKey",
                    "kms:EnableKeyRotation", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListResourceTags",
                    "kms:ScheduleKeyDeletion", "kms:TagResource", "kms:UntagResource", "kms:UpdateKeyDescription"),
                    List.of(ownKeys)));
            statements.add(allow("ManageKmsAlias", List.of("kms:CreateAlias", "kms:DeleteAlias"),
                    List.of(target.arn("kms", account, RegistryPlan.keyAliasName(domainName)))));
        }
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
        List<String> repositories = new ArrayList<>(List.of(primary));
        plan.stores().stream().map(Store::repositoryName)
                .forEach(store -> repositories.add(repositoryArn(target, owner, domainName, store)));
        List<String> repositoryActions = new ArrayList<>(List.of("codeartifact:CreateRepository",
                "codeartifact:DeleteRepository", "codeartifact:DescribeRepository", "codeartifact:UpdateRepository"));
        repositoryActions.addAll(TAGGING);
        if (!plan.stores().isEmpty()) {
            repositoryActions.addAll(List.of(
                    "codeartifact:AssociateExternalConnection", "codeartifact:DisassociateExternalConnection"));
        }
        statements.add(allow("ManageRepositories", repositoryActions, repositories));
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
                    "iam:ListPolicyTags", "iam:ListPolicyVersions", "iam:TagPolicy", "iam:UntagPolicy"), List.of(
                    iamPolicyArn(target, plan.readerPolicyLogicalName()),
                    iamPolicyArn(target, plan.publisherPolicyLogicalName()))));
        }
        if (!plan.packageGroups().isEmpty()) {
            statements.add(allow("CallCloudControl", UNSCOPED_ACTIONS.stream()
                    .filter(action -> action.startsWith("cloudformation:")).toList(), List.of("*")));
            List<String> groupActions = new ArrayList<>(List.of("codeartifact:CreatePackageGroup",
                    "codeartifact:DeletePackageGroup", "codeartifact:DescribePackageGroup",
                    "codeartifact:ListAllowedRepositoriesForGroup", "codeartifact:UpdatePackageGroup",
                    "codeartifact:UpdatePackageGroupOriginConfiguration"));
            groupActions.addAll(TAGGING);
            statements.add(allow("ManagePackageGroups", groupActions,
                    List.of(target.arn("codeartifact", owner, "package-group/" + domainName + "/*"))));
        }
        plan.cooldown().ifPresent(cooldown -> statements.addAll(cooldownStatements(plan, cooldown, target)));
        return IamPolicy.builder().statements(statements).build();
    }

    /**
     * What the cooldown airlock's resources need, each scoped to the names Pulumi gives them
     * ({@code <name>-cooldown-<part>-<random suffix>}): the state machine, the rule and its target,
     * the two roles (passed only to Step Functions and EventBridge), the dead-letter queue and the
     * optional topic.
     */
    private static List<IamStatement> cooldownStatements(RegistryPlan plan, RegistryPlan.Cooldown cooldown, Target target) {
        String account = target.accountId();
        List<IamStatement> statements = new ArrayList<>();
        statements.add(allow("ManageCooldownWorkflow", List.of("states:CreateStateMachine", "states:DeleteStateMachine",
                "states:DescribeStateMachine", "states:ListStateMachineVersions", "states:ListTagsForResource",
                "states:TagResource", "states:UntagResource", "states:UpdateStateMachine"),
                List.of(target.arn("states", account, "stateMachine:" + plan.cooldownLogicalName("workflow") + "-*"))));
        statements.add(allow("ManageCooldownRule", List.of("events:DeleteRule", "events:DescribeRule",
                "events:ListTagsForResource", "events:ListTargetsByRule", "events:PutRule", "events:PutTargets",
                "events:RemoveTargets", "events:TagResource", "events:UntagResource"),
                List.of(target.arn("events", account, "rule/" + plan.cooldownLogicalName("rule") + "-*"))));
        String roles = new Arn(target.partition(), "iam", "", account, "role/" + plan.cooldownLogicalName("*")).toString();
        statements.add(allow("ManageCooldownRoles", List.of("iam:CreateRole", "iam:DeleteRole", "iam:DeleteRolePolicy",
                "iam:GetRole", "iam:GetRolePolicy", "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole",
                "iam:ListRolePolicies", "iam:PutRolePolicy", "iam:TagRole", "iam:UntagRole", "iam:UpdateAssumeRolePolicy",
                "iam:UpdateRoleDescription"), List.of(roles)));
        statements.add(IamStatement.builder()
                .sid("PassCooldownRoles")
                .effect(IamEffect.ALLOW)
                .addAction("iam:PassRole")
                .addResource(roles)
                .addConditions(IamConditionOperator.STRING_EQUALS, "iam:PassedToService",
                        List.of("events.amazonaws.com", "states.amazonaws.com"))
                .build());
        statements.add(allow("ManageCooldownDeadLetters", List.of("sqs:CreateQueue", "sqs:DeleteQueue",
                "sqs:GetQueueAttributes", "sqs:ListQueueTags", "sqs:SetQueueAttributes", "sqs:TagQueue", "sqs:UntagQueue"),
                List.of(target.arn("sqs", account, plan.cooldownLogicalName("dead-letters") + "-*"))));
        if (cooldown.notifications()) {
            statements.add(allow("ManageCooldownTopic", List.of("sns:CreateTopic", "sns:DeleteTopic",
                    "sns:GetTopicAttributes", "sns:ListTagsForResource", "sns:SetTopicAttributes", "sns:TagResource",
                    "sns:UntagResource"), List.of(target.arn("sns", account, plan.cooldownLogicalName("topic") + "-*"))));
        }
        return statements;
    }

    /** The statement IDs a plan's policy has, in order; for documentation and tests. */
    public static List<String> statementIds(IamPolicy policy) {
        return policy.statements().stream().map(IamStatement::sid).toList();
    }

    private static String repositoryArn(Target target, String owner, String domainName, String repository) {
        return target.arn("codeartifact", owner, "repository/" + domainName + "/" + repository);
    }

    private static String iamPolicyArn(Target target, String logicalName) {
        return new Arn(target.partition(), "iam", "", target.accountId(), "policy/" + logicalName + "-*").toString();
    }

    private static IamStatement allow(String sid, List<String> actions, List<String> resources) {
        return IamStatement.builder()
                .sid(sid)
                .effect(IamEffect.ALLOW)
                .actionIds(List.copyOf(new TreeSet<>(actions)))
                .resourceIds(List.copyOf(new LinkedHashSet<>(resources)))
                .build();
    }

    /** Whether an action may take {@code "Resource": "*"} in a deployer policy. */
    public static boolean isUnscoped(String action) {
        return UNSCOPED_ACTIONS.contains(action);
    }
}
