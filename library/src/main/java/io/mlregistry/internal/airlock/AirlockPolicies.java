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
 * does not exist before the role does.
 *
 * <p>AWS documents that {@code CopyPackageVersions} needs {@code ReadFromRepository} on the source
 * repository and {@code CopyPackageVersions} on the destination; the copy is granted on the primary
 * repository and its packages, and nothing lets the workflow publish, delete or overwrite.
 */
public final class AirlockPolicies {

    public static final String DESCRIBE_VERSION = "codeartifact:DescribePackageVersion";
    public static final String READ_FROM_REPOSITORY = "codeartifact:ReadFromRepository";
    public static final String COPY_VERSIONS = "codeartifact:CopyPackageVersions";
    public static final String SNS_PUBLISH = "sns:Publish";
    public static final String START_EXECUTION = "states:StartExecution";
    public static final String SQS_SEND = "sqs:SendMessage";
    public static final String ASSUME_ROLE = "sts:AssumeRole";

    private AirlockPolicies() {
    }

    /**
     * The workflow role's permissions: describe versions in the stores, read the stores, copy into
     * the primary repository and, with a topic, publish to it.
     */
    public static IamPolicy workflowPolicy(AirlockSpec spec) {
        List<String> storeRepositories = new ArrayList<>();
        List<String> storeRepositoriesAndPackages = new ArrayList<>();
        for (String store : spec.storeRepositories()) {
            storeRepositories.add(spec.repositoryArn(store));
            storeRepositoriesAndPackages.add(spec.repositoryArn(store));
            storeRepositoriesAndPackages.add(spec.packagesArn(store));
        }
        IamPolicy.Builder policy = IamPolicy.builder()
                .addStatement(s -> s.sid("DescribeVersionsInStores").effect(IamEffect.ALLOW)
                        .addAction(DESCRIBE_VERSION).resourceIds(storeRepositoriesAndPackages))
                .addStatement(s -> s.sid("ReadFromStores").effect(IamEffect.ALLOW)
                        .addAction(READ_FROM_REPOSITORY).resourceIds(storeRepositories))
                .addStatement(s -> s.sid("CopyIntoPrimary").effect(IamEffect.ALLOW)
                        .addAction(COPY_VERSIONS)
                        .resourceIds(List.of(spec.repositoryArn(spec.primaryRepository()),
                                spec.packagesArn(spec.primaryRepository()))));
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
