package io.mlregistry.internal.resources;

import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.cloudwatch.inputs.EventTargetDeadLetterConfigArgs;
import com.pulumi.aws.cloudwatch.inputs.EventTargetRetryPolicyArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.sfn.StateMachine;
import com.pulumi.aws.sfn.StateMachineArgs;
import com.pulumi.aws.sfn.inputs.StateMachineLoggingConfigurationArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.aws.sqs.QueuePolicy;
import com.pulumi.aws.sqs.QueuePolicyArgs;
import com.pulumi.core.Output;
import io.mlregistry.internal.airlock.Airlock;
import io.mlregistry.internal.airlock.AirlockDefinition;
import io.mlregistry.internal.airlock.AirlockEventPattern;
import io.mlregistry.internal.airlock.AirlockPolicies;
import io.mlregistry.internal.airlock.AirlockSpec;
import io.mlregistry.internal.outputs.Known;
import io.mlregistry.internal.plan.RegistryPlan;
import io.mlregistry.internal.rules.Arn;
import io.mlregistry.internal.rules.Endpoints;
import io.mlregistry.internal.rules.Rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a registry's cooldown airlock becomes resources: an SNS topic (optional), the workflow's log
 * group, role and policy, the Standard state machine, the EventBridge rule on the store
 * repositories' events, the rule's role and policy, a dead-letter queue and the rule's target.
 * Every document comes from the pure {@code Airlock*} classes once the domain's ARN and the
 * repositories' names resolve.
 */
public final class AirlockResources {

    /** How long EventBridge keeps retrying to start the workflow before the event goes to the dead-letter queue. */
    static final int MAXIMUM_EVENT_AGE_SECONDS = 86_400;
    static final int MAXIMUM_RETRY_ATTEMPTS = 185;
    /** Fourteen days, SQS's longest retention, to give an operator time to replay a lost event. */
    static final int DEAD_LETTER_RETENTION_SECONDS = 1_209_600;
    /** Failures only: a failed promotion is what an operator looks for; every step is in the execution history. */
    static final String LOG_LEVEL = "ERROR";

    /** What the component exposes of its airlock. */
    public record Outputs(Output<List<String>> storeUrls, Output<String> topicArn) {
    }

    private AirlockResources() {
    }

    /**
     * Creates the airlock.
     *
     * @param children how the registry's children are registered
     * @param plan the registry's plan, with a cooldown
     * @param stores the airlocked stores' names, as outputs, in upstream order
     * @param connections the external connection of each store, in the same order
     * @param domainArn the domain's ARN: partition, region, owner and name
     * @param endpoint the domain's endpoint, which the stores' URLs extend
     * @param primary the primary repository's name, as its output
     * @param logKey the key that encrypts the workflow's log group, if the caller brought one
     */
    static Outputs create(ChildOptions children, RegistryPlan plan, List<Output<String>> stores,
            List<String> connections, Output<String> domainArn, Output<String> endpoint, Output<String> primary,
            Optional<Output<String>> logKey) {
        RegistryPlan.Cooldown cooldown = plan.cooldown().orElseThrow();
        Output<String> topicArn = cooldown.notifications()
                ? new Topic(plan.cooldownLogicalName("topic"), children.tagged(TopicArgs.builder()
                        // SNS encrypts at rest only with a key named here; the AWS-managed key suffices.
                        .kmsMasterKeyId("alias/aws/sns"), TopicArgs.Builder::tags).build(),
                        children.options(plan.cooldownLogicalName("topic"), false)).arn()
                : Output.ofNullable(null);
        Output<AirlockSpec> spec = Output.tuple(domainArn, Output.all(stores), primary, topicArn).applyValue(t -> {
            Arn arn = Arn.parse(t.t1);
            return new AirlockSpec(arn.partition(), arn.region(), arn.account(),
                    arn.domainName(), arn.account(), t.t2, t.t3, cooldown.formats(),
                    cooldown.duration(), Optional.ofNullable(t.t4));
        });

        String logsName = plan.cooldownLogicalName("logs");
        LogGroupArgs.Builder logArgs = LogGroupArgs.builder()
                .namePrefix(plan.cooldownLogGroupPrefix())
                .retentionInDays(cooldown.logRetentionDays());
        logKey.ifPresent(key -> logArgs.kmsKeyId(Reporter.owned(Known.checked(key, plan.componentName(), Airlock::logKmsKeyArn))));
        LogGroup logs = new LogGroup(logsName, children.tagged(logArgs, LogGroupArgs.Builder::tags).build(),
                children.options(logsName, plan.protect()));

        String workflowRoleName = plan.cooldownLogicalName("workflow-role");
        Role workflowRole = new Role(workflowRoleName, children.tagged(RoleArgs.builder()
                .description("Runs the cooldown airlock of CodeArtifact repository " + plan.repositoryName() + " (mlregistry)")
                .assumeRolePolicy(spec.applyValue(s -> AirlockPolicies.workflowTrustPolicy(s).toJson())),
                RoleArgs.Builder::tags).build(), children.options(workflowRoleName, false));
        RolePolicy workflowPolicy = new RolePolicy(plan.cooldownLogicalName("workflow-policy"), RolePolicyArgs.builder()
                .role(workflowRole.name())
                .policy(Output.tuple(spec, logs.arn()).applyValue(t -> AirlockPolicies.workflowPolicy(t.t1, t.t2).toJson()))
                .build(), children.options(plan.cooldownLogicalName("workflow-policy"), false));
        StateMachine workflow = new StateMachine(plan.cooldownLogicalName("workflow"), children.tagged(
                StateMachineArgs.builder()
                        .type("STANDARD")
                        .roleArn(workflowRole.arn())
                        .definition(spec.applyValue(AirlockDefinition::json))
                        // The provider's log group ARN has no ":*"; a logging destination must end with it.
                        .loggingConfiguration(StateMachineLoggingConfigurationArgs.builder()
                                .level(LOG_LEVEL)
                                .includeExecutionData(false)
                                .logDestination(logs.arn().applyValue(arn -> arn + ":*"))
                                .build()),
                StateMachineArgs.Builder::tags).build(),
                // The workflow's first execution must find its permissions in place.
                children.options(plan.cooldownLogicalName("workflow"), false, List.of(workflowPolicy)));

        EventRule rule = new EventRule(plan.cooldownLogicalName("rule"), children.tagged(EventRuleArgs.builder()
                .description("New versions in the stores of " + plan.repositoryName() + " start the cooldown airlock (mlregistry)")
                .eventPattern(spec.applyValue(AirlockEventPattern::json)), EventRuleArgs.Builder::tags).build(),
                children.options(plan.cooldownLogicalName("rule"), false));
        Role ruleRole = new Role(plan.cooldownLogicalName("rule-role"), children.tagged(RoleArgs.builder()
                .description("Lets EventBridge start the cooldown airlock of " + plan.repositoryName() + " (mlregistry)")
                .assumeRolePolicy(rule.arn().applyValue(arn -> AirlockPolicies.ruleTrustPolicy(arn).toJson())),
                RoleArgs.Builder::tags).build(), children.options(plan.cooldownLogicalName("rule-role"), false));
        RolePolicy rulePolicy = new RolePolicy(plan.cooldownLogicalName("rule-policy"), RolePolicyArgs.builder()
                .role(ruleRole.name())
                .policy(workflow.arn().applyValue(arn -> AirlockPolicies.rulePolicy(arn).toJson()))
                .build(), children.options(plan.cooldownLogicalName("rule-policy"), false));
        Queue deadLetters = new Queue(plan.cooldownLogicalName("dead-letters"), children.tagged(QueueArgs.builder()
                .sqsManagedSseEnabled(true)
                .messageRetentionSeconds(DEAD_LETTER_RETENTION_SECONDS), QueueArgs.Builder::tags).build(),
                children.options(plan.cooldownLogicalName("dead-letters"), false));
        QueuePolicy deadLetterPolicy = new QueuePolicy(plan.cooldownLogicalName("dead-letters-policy"),
                QueuePolicyArgs.builder()
                        .queueUrl(deadLetters.url())
                        .policy(Output.tuple(deadLetters.arn(), rule.arn())
                                .applyValue(t -> AirlockPolicies.deadLetterQueuePolicy(t.t1, t.t2).toJson()))
                        .build(), children.options(plan.cooldownLogicalName("dead-letters-policy"), false));
        new EventTarget(plan.cooldownLogicalName("target"), EventTargetArgs.builder()
                .rule(rule.name())
                .arn(workflow.arn())
                .roleArn(ruleRole.arn())
                .deadLetterConfig(EventTargetDeadLetterConfigArgs.builder().arn(deadLetters.arn()).build())
                .retryPolicy(EventTargetRetryPolicyArgs.builder()
                        .maximumEventAgeInSeconds(MAXIMUM_EVENT_AGE_SECONDS)
                        .maximumRetryAttempts(MAXIMUM_RETRY_ATTEMPTS)
                        .build())
                .build(), children.options(plan.cooldownLogicalName("target"), false, List.of(rulePolicy, deadLetterPolicy)));

        List<Output<String>> urls = new ArrayList<>();
        for (int i = 0; i < stores.size(); i++) {
            String format = Rules.formatOf(connections.get(i));
            urls.add(Output.tuple(endpoint, stores.get(i)).applyValue(t -> format.equals("pypi")
                    ? Endpoints.pypiIndexUrl(t.t1, t.t2)
                    : Endpoints.repositoryEndpoint(t.t1, format, t.t2)));
        }
        return new Outputs(Output.all(urls), topicArn);
    }
}
