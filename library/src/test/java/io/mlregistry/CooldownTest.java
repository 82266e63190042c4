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
                        "ml-cooldown-dead-letters", "ml-cooldown-dead-letters-policy", "ml-cooldown-target");
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
