package io.mlregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.mlregistry.internal.airlock.AirlockDefinition;
import io.mlregistry.internal.airlock.AirlockEventPattern;
import io.mlregistry.internal.airlock.AirlockSpec;
import io.mlregistry.testing.AwsMocks;
import io.mlregistry.testing.RecordedResource;
import io.mlregistry.testing.StackRecording;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The cooldown airlock wired into the component, on the mock engine. */
class CooldownTest {

    static final String REPOSITORY = "aws:codeartifact/repository:Repository";
    static final String STATE_MACHINE = "aws:sfn/stateMachine:StateMachine";
    static final String RULE = "aws:cloudwatch/eventRule:EventRule";
    static final String TARGET = "aws:cloudwatch/eventTarget:EventTarget";
    static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

    private final AwsMocks mocks = AwsMocks.create();

    private static MlDependencyRegistryArgs.Builder args() {
        return MlDependencyRegistryArgs.builder().domainName("ml-platform").repositoryName("ml-models")
                .upstreams(Upstream.externalConnection("public:pypi"), Upstream.externalConnection("public:npmjs"))
                .cooldown(Cooldown.of(Duration.ofHours(72)));
    }

    private StackRecording deploy(MlDependencyRegistryArgs args) {
        return StackRecording.run(mocks, ctx -> {
            var registry = new MlDependencyRegistry("ml", args, null);
            ctx.export("storeUrls", registry.cooldownStoreUrls());
            ctx.export("topic", registry.cooldownTopicArn());
            ctx.export("upstreams", registry.upstreamRepositoryNames());
        });
    }

    @Test
    void cooldown_primaryDoesNotSearchTheAirlockedStore_otherStoresStay() {
        StackRecording run = deploy(args().build());

        assertThat(run.exceptions()).isEmpty();
        assertThat(run.resource(REPOSITORY, "ml-repository").inputs().get("upstreams"))
                .isEqualTo(List.of(Map.of("repositoryName", "npmjs-store")));
        assertThat(run.resource(REPOSITORY, "ml-upstream-pypi-store").inputs())
                .containsEntry("externalConnections", Map.of("externalConnectionName", "public:pypi"));
        assertThat(run.outputs()).containsEntry("upstreams", List.of("npmjs-store"))
                .containsEntry("storeUrls", List.of(
                        "https://ml-platform-123456789012.d.codeartifact.us-east-1.amazonaws.com/pypi/pypi-store/simple/"));
    }

    @Test
    void cooldown_registersTheWorkflowRuleTargetAndQueue_asChildren() {
        StackRecording run = deploy(args().build());

        assertThat(run.children(run.resource(MlDependencyRegistry.TYPE, "ml")))
                .extracting(RecordedResource::name)
                .contains("ml-cooldown-topic", "ml-cooldown-workflow-role", "ml-cooldown-workflow-policy",
                        "ml-cooldown-workflow", "ml-cooldown-rule", "ml-cooldown-rule-role", "ml-cooldown-rule-policy",
                        "ml-cooldown-dead-letters", "ml-cooldown-dead-letters-policy", "ml-cooldown-target",
                        "ml-cooldown-logs");
        RecordedResource workflow = run.resource(STATE_MACHINE, "ml-cooldown-workflow");
        assertThat(workflow.inputs()).containsEntry("type", "STANDARD");
        String topic = (String) run.outputs().get("topic");
        AirlockSpec spec = new AirlockSpec("aws", "us-east-1", "123456789012", "ml-platform", "123456789012",
                List.of("pypi-store"), "ml-models", List.of("pypi"), Duration.ofHours(72), Optional.of(topic));
        assertThat(JsonParser.parseString(workflow.input("definition").orElseThrow()))
                .isEqualTo(JsonParser.parseString(AirlockDefinition.json(spec)));
        assertThat(JsonParser.parseString(run.resource(RULE, "ml-cooldown-rule").input("eventPattern").orElseThrow()))
                .isEqualTo(JsonParser.parseString(AirlockEventPattern.json(spec)));
        RecordedResource target = run.resource(TARGET, "ml-cooldown-target");
        assertThat(target.input("arn").orElseThrow())
                .startsWith("arn:aws:states:us-east-1:123456789012:stateMachine:ml-cooldown-workflow-");
        assertThat(target.inputs().get("deadLetterConfig")).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) target.inputs().get("deadLetterConfig")).get("arn").toString())
                .startsWith("arn:aws:sqs:us-east-1:123456789012:ml-cooldown-dead-letters-");
        assertThat(target.inputs().get("retryPolicy")).isEqualTo(
                Map.of("maximumEventAgeInSeconds", 86400.0, "maximumRetryAttempts", 185.0));
        assertThat(run.resource("aws:sqs/queue:Queue", "ml-cooldown-dead-letters").inputs())
                .containsEntry("sqsManagedSseEnabled", true);
        assertThat(run.resource("aws:sns/topic:Topic", "ml-cooldown-topic").inputs())
                .containsEntry("kmsMasterKeyId", "alias/aws/sns");
    }

    @Test
    void cooldown_logsErrorsWithoutExecutionData_toItsOwnLogGroup() {
        StackRecording run = deploy(args().build());

        RecordedResource logs = run.resource(LOG_GROUP, "ml-cooldown-logs");
        assertThat(logs.inputs()).containsEntry("namePrefix", "/aws/vendedlogs/states/ml-cooldown-")
                .containsEntry("retentionInDays", 90.0)
                .doesNotContainKey("kmsKeyId");
        assertThat(logs.protect()).isTrue();
        @SuppressWarnings("unchecked")
        Map<String, Object> logging = (Map<String, Object>) run.resource(STATE_MACHINE, "ml-cooldown-workflow").inputs().get("loggingConfiguration");
        assertThat(logging).containsEntry("level", "ERROR").containsEntry("includeExecutionData", false).hasSize(3);
        String destination = (String) logging.get("logDestination");
        assertThat(destination).matches("arn:aws:logs:us-east-1:123456789012:log-group:"
                + "/aws/vendedlogs/states/ml-cooldown-[0-9a-f]{26}:\\*");
        String logGroupArn = destination.substring(0, destination.length() - 2);
        String policy = run.resource("aws:iam/rolePolicy:RolePolicy", "ml-cooldown-workflow-policy").input("policy").orElseThrow();
        assertThat(policy).contains("\"" + logGroupArn + "\"", "\"" + logGroupArn + ":*\"", "logs:CreateLogDelivery");
    }

    @Test
    void cooldown_logOptions_reachTheLogGroup() {
        String key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        StackRecording run = deploy(args().deletionProtection(false)
                .cooldown(Cooldown.of(Duration.ofHours(72)).logRetentionDays(0).logKmsKeyArn(key)).build());

        assertThat(run.exceptions()).isEmpty();
        RecordedResource logs = run.resource(LOG_GROUP, "ml-cooldown-logs");
        assertThat(logs.inputs()).containsEntry("retentionInDays", 0.0).containsEntry("kmsKeyId", key);
        assertThat(logs.protect()).isFalse();
    }

    @Test
    void build_badLogRetentionOrKey_isRejectedWithEveryLine() {
        assertThatThrownBy(() -> args().cooldown(Cooldown.of(Duration.ofHours(72)).logRetentionDays(2)
                .logKmsKeyArn("alias/aws/logs")).build())
                .hasMessage("cooldown.logRetentionDays (2) must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, "
                        + "400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (the periods CloudWatch Logs accepts), "
                        + "or 0 to keep the logs forever\n"
                        + "cooldown.logKmsKeyArn (alias/aws/logs) must be a KMS key ARN "
                        + "arn:<partition>:kms:<region>:<account>:key/<key id>, not an alias or a bare key ID");
    }

    @Test
    void construct_componentNameALogGroupCannotCarry_isRejectedBeforeAnyResource() {
        StackRecording run = StackRecording.run(mocks, ctx -> new MlDependencyRegistry("ml platform", args().build(), null));

        assertThat(run.exceptions()).extracting(Failures::rootMessage).containsExactly("name (ml platform) must match "
                + "[0-9A-Za-z_./#-]+ with a cooldown: it names the airlock's CloudWatch Logs group "
                + "/aws/vendedlogs/states/ml platform-cooldown-<suffix>");
        assertThat(run.resources()).noneMatch(r -> r.type().startsWith("aws:"));
    }

    @Test
    void cooldown_rolesAreLeastPrivilege_andTrustOnlyTheirService() {
        StackRecording run = deploy(args().build());

        JsonObject workflowTrust = JsonParser.parseString(run.resource("aws:iam/role:Role", "ml-cooldown-workflow-role")
                .input("assumeRolePolicy").orElseThrow()).getAsJsonObject();
        assertThat(workflowTrust.toString()).contains("states.amazonaws.com", "aws:SourceAccount");
        String rulePolicy = run.resource("aws:iam/rolePolicy:RolePolicy", "ml-cooldown-rule-policy")
                .input("policy").orElseThrow();
        assertThat(rulePolicy).contains("states:StartExecution", "arn:aws:states:us-east-1:123456789012:stateMachine:")
                .doesNotContain("\"*\"");
    }

    @Test
    void cooldown_withoutNotifications_createsNoTopic() {
        StackRecording run = deploy(args().cooldown(Cooldown.of(Duration.ofHours(72)).notifications(false)).build());

        assertThat(run.exceptions()).isEmpty();
        assertThat(run.resources("aws:sns/topic:Topic")).isEmpty();
        assertThat(run.outputs()).containsEntry("topic", null);
    }

    @Test
    void noCooldown_createsNoAirlock() {
        StackRecording run = deploy(args().cooldown(Cooldown.of(Duration.ofHours(1))).build());
        StackRecording plain = StackRecording.run(AwsMocks.create(), ctx -> new MlDependencyRegistry("ml",
                MlDependencyRegistryArgs.builder().domainName("ml-platform").repositoryName("ml-models").build(), null));

        assertThat(run.resources(STATE_MACHINE)).hasSize(1);
        assertThat(plain.resources(STATE_MACHINE)).isEmpty();
        assertThat(plain.resources(RULE)).isEmpty();
    }

    @Test
    void build_cooldownFormatWithoutItsStore_isRejected() {
        assertThatThrownBy(() -> args().cooldown(Cooldown.of(Duration.ofHours(72)).formats("pypi", "cargo")).build())
                .hasMessage("cooldown.formats (cargo) needs an Upstream.externalConnection serving cargo: "
                        + "the airlock holds back the versions of a store repository");
    }

    @Test
    void build_cooldownOutOfRange_isRejectedWithTheAirlocksMessage() {
        assertThatThrownBy(() -> args().cooldown(Cooldown.of(Duration.ofMinutes(30))).build())
                .hasMessage("cooldown.duration (PT30M) must be between 1 hour and 364 days");
    }

    @Test
    void build_cooldownInAnotherAccountsDomain_isRejected() {
        assertThatThrownBy(() -> args().createDomain(false).domainOwner("111122223333").build())
                .hasMessage("cooldown requires a domain in the deploying account: createDomain(true), inDomainOf, "
                        + "or createDomain(false) without domainOwner; the airlock's workflow copies within the domain");
    }

    @Test
    void joinedRegistry_searchingTheOwnersAirlockedStore_isRefusedNamingBoth() {
        StackRecording run = StackRecording.run(mocks, ctx -> {
            var platform = new MlDependencyRegistry("platform", MlDependencyRegistryArgs.builder()
                    .domainName("ml-platform").repositoryName("shared")
                    .cooldown(Cooldown.of(Duration.ofDays(3))).build(), null);
            new MlDependencyRegistry("team", MlDependencyRegistryArgs.builder().inDomainOf(platform)
                    .repositoryName("team-models")
                    .upstreams(Upstream.repositoryOf(platform), Upstream.externalConnection("public:pypi")).build(), null);
        });

        assertThat(run.exceptions()).extracting(Failures::rootMessage).contains("registry team: "
                + "upstreams[1].externalConnection (public:pypi) would search pypi-store directly, which the cooldown "
                + "airlock of registry platform holds back; search Upstream.repositoryOf(platform), where versions "
                + "arrive once aged");
    }

    @Test
    void joinedRegistry_searchingTheOwnersPrimary_getsOnlyAgedVersions() {
        StackRecording run = StackRecording.run(mocks, ctx -> {
            var platform = new MlDependencyRegistry("platform", MlDependencyRegistryArgs.builder()
                    .domainName("ml-platform").repositoryName("shared")
                    .cooldown(Cooldown.of(Duration.ofDays(3))).build(), null);
            new MlDependencyRegistry("team", MlDependencyRegistryArgs.builder().inDomainOf(platform)
                    .repositoryName("team-models").upstreams(Upstream.repositoryOf(platform)).build(), null);
        });

        assertThat(run.exceptions()).isEmpty();
        assertThat(run.resource(REPOSITORY, "platform-repository").inputs()).doesNotContainKey("upstreams");
        assertThat(run.resource(REPOSITORY, "team-repository").inputs().get("upstreams"))
                .isEqualTo(List.of(Map.of("repositoryName", "shared")));
    }
}
