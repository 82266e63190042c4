package io.mlregistry.internal.access;

import static io.mlregistry.internal.access.DeployerPolicies.allow;

import io.mlregistry.internal.access.DeployerPolicies.Target;
import io.mlregistry.internal.plan.RegistryPlan;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * What the deployer needs for a registry's cooldown airlock, each statement scoped to the names
 * Pulumi gives the resources ({@code <name>-cooldown-<part>-<random suffix>}, the log group
 * {@code /aws/vendedlogs/states/<name>-cooldown-<suffix>}): the state machine, its log group, the
 * rule and its target, the two roles (passed only to Step Functions and EventBridge), the
 * dead-letter queue and the optional topic.
 *
 * <p>Three kinds of action cannot be scoped to those names. The provider validates every changed
 * definition with {@code states:ValidateStateMachineDefinition} while it plans, and Step Functions
 * authorizes that on {@code stateMachine:*} of the region and account (hashicorp/terraform-provider-aws
 * issue 39472): it is granted exactly there. Setting up a state machine's logs needs CloudWatch
 * Logs' log-delivery actions, which name no resource, and {@code DescribeLogGroups},
 * {@code DescribeResourcePolicies} and {@code PutResourcePolicy}, which AWS asks to grant on
 * {@code log-group:*} ("Logs sent to CloudWatch Logs").
 */
final class AirlockDeployerStatements {

    /** Setting up a state machine's log delivery: CloudWatch Logs actions that name no resource. */
    static final List<String> LOG_DELIVERY = List.of("logs:CreateLogDelivery", "logs:DeleteLogDelivery",
            "logs:GetLogDelivery", "logs:ListLogDeliveries", "logs:UpdateLogDelivery");

    private AirlockDeployerStatements() {
    }

    /** The statements that name the airlock's resources; {@link #LOG_DELIVERY} goes to the policy's statement on {@code "*"}. */
    static List<IamStatement> of(RegistryPlan plan, RegistryPlan.Cooldown cooldown, Target target) {
        String account = target.accountId();
        List<IamStatement> statements = new ArrayList<>();
        statements.add(allow("ValidateDefinitions", List.of("states:ValidateStateMachineDefinition"),
                List.of(target.arn("states", account, "stateMachine:*"))));
        statements.add(allow("ManageCooldownWorkflow", List.of("states:CreateStateMachine", "states:DeleteStateMachine",
                "states:DescribeStateMachine", "states:ListStateMachineVersions", "states:ListTagsForResource",
                "states:TagResource", "states:UntagResource", "states:UpdateStateMachine"),
                List.of(target.arn("states", account, "stateMachine:" + plan.cooldownLogicalName("workflow") + "-*"))));
        statements.add(allow("ManageCooldownLogs", List.of("logs:AssociateKmsKey", "logs:CreateLogGroup",
                "logs:DeleteLogGroup", "logs:DeleteRetentionPolicy", "logs:DisassociateKmsKey", "logs:ListTagsForResource",
                "logs:PutRetentionPolicy", "logs:TagResource", "logs:UntagResource"),
                List.of(target.arn("logs", account, "log-group:" + plan.cooldownLogGroupPrefix() + "*"))));
        statements.add(allow("AccountLogGroups", List.of("logs:DescribeLogGroups",
                "logs:DescribeResourcePolicies", "logs:PutResourcePolicy"),
                List.of(target.arn("logs", account, "log-group:*"))));
        statements.add(allow("ManageCooldownRule", List.of("events:DeleteRule", "events:DescribeRule",
                "events:ListTagsForResource", "events:ListTargetsByRule", "events:PutRule", "events:PutTargets",
                "events:RemoveTargets", "events:TagResource", "events:UntagResource"),
                List.of(target.arn("events", account, "rule/" + plan.cooldownLogicalName("rule") + "-*"))));
        String roles = target.globalArn("iam", "role/" + plan.cooldownLogicalName("*"));
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
}
