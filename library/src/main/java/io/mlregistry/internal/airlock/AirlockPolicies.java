package io.mlregistry.internal.airlock;

import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;

import io.mlregistry.internal.rules.Arn;

import java.util.ArrayList;
import java.util.List;

/**
 * The airlock's IAM documents, least privilege by construction: one role for the workflow, one for
 * the EventBridge rule, and the dead-letter queue's policy. No action is a wildcard and every
 * resource is named, except the state machine name in the workflow role's trust condition, which
 * does not exist before the role does, and the log-delivery actions, which name no resource.
 *
 * <p>AWS documents that {@code CopyPackageVersions} needs {@code ReadFromRepository} on the source
 * repository and {@code CopyPackageVersions} on the destination; the copy is granted on the primary
 * repository and its packages, and nothing lets the workflow publish or delete. The workflow
 * describes versions in the primary repository too, to tell a version it promoted (whose later
 * assets it may copy over it) from a new one.
 *
 * <p>Logging: AWS's Step Functions guide ("Logging using CloudWatch Logs") gives the workflow role
 * the log-delivery actions on {@code "*"}, since "CloudWatch API actions, such as
 * CreateLogDelivery and DescribeLogGroups, don't support Resource types"; the two that write
 * events are granted on the workflow's own log group only.
 */
public final class AirlockPolicies {

    public static final String DESCRIBE_VERSION = "codeartifact:DescribePackageVersion";
    public static final String READ_FROM_REPOSITORY = "codeartifact:ReadFromRepository";
    public static final String COPY_VERSIONS = "codeartifact:CopyPackageVersions";
    public static final String SNS_PUBLISH = "sns:Publish";
    public static final String START_EXECUTION = "states:StartExecution";
    public static final String SQS_SEND = "sqs:SendMessage";
    public static final String ASSUME_ROLE = "sts:AssumeRole";

    /** What Step Functions needs of the workflow role to deliver its logs, on {@code "*"} (AWS's Step Functions guide). */
    public static final List<String> LOG_DELIVERY_ACTIONS = List.of(
            "logs:CreateLogDelivery",
            "logs:DeleteLogDelivery",
            "logs:DescribeLogGroups",
            "logs:DescribeResourcePolicies",
            "logs:GetLogDelivery",
            "logs:ListLogDeliveries",
            "logs:PutResourcePolicy",
            "logs:UpdateLogDelivery");

    /** The writing actions of AWS's example, granted on the workflow's log group and its streams. */
    public static final List<String> LOG_WRITE_ACTIONS = List.of("logs:CreateLogStream", "logs:PutLogEvents");

    private AirlockPolicies() {
    }

    /**
     * The workflow role's permissions: describe versions in the stores and the primary repository,
     * read the stores, copy into the primary repository, deliver its logs and, with a topic, publish
     * to it.
     *
     * @param spec the airlock
     * @param logGroupArn the workflow's log group, as the provider names it (without {@code :*})
     */
    public static IamPolicy workflowPolicy(AirlockSpec spec, String logGroupArn) {
        List<String> storeRepositories = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (String store : spec.storeRepositories()) {
            storeRepositories.add(spec.repositoryArn(store));
            described.add(spec.repositoryArn(store));
            described.add(spec.packagesArn(store));
        }
        List<String> primary = List.of(spec.repositoryArn(spec.primaryRepository()), spec.packagesArn(spec.primaryRepository()));
        described.addAll(primary);
        IamPolicy.Builder policy = IamPolicy.builder()
                .addStatement(s -> s.sid("DescribeVersions").effect(IamEffect.ALLOW)
                        .addAction(DESCRIBE_VERSION).resourceIds(described))
                .addStatement(s -> s.sid("ReadFromStores").effect(IamEffect.ALLOW)
                        .addAction(READ_FROM_REPOSITORY).resourceIds(storeRepositories))
                .addStatement(s -> s.sid("CopyIntoPrimary").effect(IamEffect.ALLOW)
                        .addAction(COPY_VERSIONS).resourceIds(primary))
                .addStatement(s -> s.sid("DeliverLogs").effect(IamEffect.ALLOW)
                        .actionIds(LOG_DELIVERY_ACTIONS).addResource("*"))
                .addStatement(s -> s.sid("WriteLogs").effect(IamEffect.ALLOW)
                        .actionIds(LOG_WRITE_ACTIONS).resourceIds(List.of(logGroupArn, logGroupArn + ":*")));
        spec.notificationTopicArn().ifPresent(topic -> policy.addStatement(s -> s.sid("Notify").effect(IamEffect.ALLOW)
                .addAction(SNS_PUBLISH).addResource(topic)));
        return policy.build();
    }

    /**
     * Who may assume the workflow role: Step Functions, for a state machine of the same account and
     * region, as AWS's confused-deputy guidance for Step Functions advises.
     */
    public static IamPolicy workflowTrustPolicy(AirlockSpec spec) {
        String stateMachines = new Arn(spec.partition(), "states", spec.region(), spec.account(), "stateMachine:*").toString();
        return IamPolicy.builder()
                .addStatement(s -> s.sid("StepFunctionsAssumesRole").effect(IamEffect.ALLOW)
                        .addPrincipal(IamPrincipalType.SERVICE, "states.amazonaws.com")
                        .addAction(ASSUME_ROLE)
                        .addCondition(IamConditionOperator.STRING_EQUALS, "aws:SourceAccount", spec.account())
                        .addCondition(IamConditionOperator.ARN_LIKE, "aws:SourceArn", stateMachines))
                .build();
    }

    /**
     * The rule role's permissions: start executions of the airlock's state machine and nothing else.
     *
     * @param stateMachineArn the airlock's state machine
     */
    public static IamPolicy rulePolicy(String stateMachineArn) {
        return IamPolicy.builder()
                .addStatement(s -> s.sid("StartAirlock").effect(IamEffect.ALLOW)
                        .addAction(START_EXECUTION).addResource(stateMachineArn))
                .build();
    }

    /**
     * Who may assume the rule role: EventBridge, for this rule only, as AWS's confused-deputy
     * guidance for EventBridge advises (for a rule target, the source ARN is the rule's).
     *
     * @param ruleArn the airlock's rule
     */
    public static IamPolicy ruleTrustPolicy(String ruleArn) {
        return IamPolicy.builder()
                .addStatement(s -> s.sid("EventBridgeAssumesRole").effect(IamEffect.ALLOW)
                        .addPrincipal(IamPrincipalType.SERVICE, "events.amazonaws.com")
                        .addAction(ASSUME_ROLE)
                        .addCondition(IamConditionOperator.STRING_EQUALS, "aws:SourceAccount", Arn.parse(ruleArn).account())
                        .addCondition(IamConditionOperator.ARN_EQUALS, "aws:SourceArn", ruleArn))
                .build();
    }

    /**
     * The dead-letter queue's resource policy: EventBridge may send the events it could not deliver
     * to the workflow, for this rule only.
     *
     * @param queueArn the dead-letter queue
     * @param ruleArn the airlock's rule
     */
    public static IamPolicy deadLetterQueuePolicy(String queueArn, String ruleArn) {
        return IamPolicy.builder()
                .addStatement(s -> s.sid("EventBridgeSendsUndeliveredEvents").effect(IamEffect.ALLOW)
                        .addPrincipal(IamPrincipalType.SERVICE, "events.amazonaws.com")
                        .addAction(SQS_SEND)
                        .addResource(queueArn)
                        .addCondition(IamConditionOperator.ARN_EQUALS, "aws:SourceArn", ruleArn))
                .build();
    }
}
