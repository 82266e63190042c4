package io.mlregistry.internal.airlock;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlregistry.internal.access.PoliciesTest;
import io.mlregistry.internal.airlock.AirlockFixtures.Case;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.policybuilder.iam.IamAction;
import software.amazon.awssdk.policybuilder.iam.IamCondition;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamResource;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * The airlock's IAM documents: golden files for the reference configuration, and the same
 * least-privilege invariants as the registry's own policies over the whole configuration grid.
 */
class AirlockPoliciesTest {

    private static final String STATE_MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:ml-airlock-4f2a";
    private static final String RULE = "arn:aws:events:us-east-1:123456789012:rule/ml-airlock-rule-9c1d";
    private static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:ml-airlock-dlq-77aa";
    private static final String LOGS = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/states/ml-cooldown-0001";

    private static String logGroup(AirlockSpec spec) {
        return "arn:" + spec.partition() + ":logs:" + spec.region() + ":" + spec.account()
                + ":log-group:/aws/vendedlogs/states/ml-cooldown-0001";
    }

    /** What the workflow must never be able to do: change or remove what is already there, or publish. */
    private static final Set<String> FORBIDDEN = Set.of(
            "codeartifact:PublishPackageVersion", "codeartifact:PutPackageMetadata",
            "codeartifact:DeletePackageVersions", "codeartifact:DisposePackageVersions",
            "codeartifact:UpdatePackageVersionsStatus", "codeartifact:DeletePackage",
            "codeartifact:AssociateExternalConnection", "codeartifact:UpdateRepository");

    static Stream<Case> grid() {
        return AirlockFixtures.grid().stream();
    }

    static List<IamPolicy> documents(AirlockSpec spec) {
        String partition = spec.partition();
        String stateMachine = "arn:" + partition + ":states:" + spec.region() + ":" + spec.account() + ":stateMachine:airlock";
        String rule = "arn:" + partition + ":events:" + spec.region() + ":" + spec.account() + ":rule/airlock";
        String queue = "arn:" + partition + ":sqs:" + spec.region() + ":" + spec.account() + ":airlock-dlq";
        return List.of(AirlockPolicies.workflowPolicy(spec, logGroup(spec)), AirlockPolicies.workflowTrustPolicy(spec),
                AirlockPolicies.rulePolicy(stateMachine), AirlockPolicies.ruleTrustPolicy(rule),
                AirlockPolicies.deadLetterQueuePolicy(queue, rule));
    }

    private static List<String> actions(IamPolicy policy) {
        return policy.statements().stream().flatMap(s -> s.actions().stream()).map(IamAction::value)
                .collect(Collectors.toList());
    }

    private static void assertGolden(IamPolicy policy, String golden) throws IOException {
        String pretty = PoliciesTest.pretty(policy);
        if (Boolean.getBoolean("golden.update")) {
            java.nio.file.Files.writeString(java.nio.file.Path.of("src/test/resources/golden", golden), pretty + "\n");
            return;
        }
        assertThat(pretty).isEqualTo(PoliciesTest.golden(golden));
    }

    @Test
    void workflowPolicy_reference_matchesGolden() throws IOException {
        assertGolden(AirlockPolicies.workflowPolicy(AirlockFixtures.pypi(), LOGS), "airlock-workflow-policy.json");
    }

    @Test
    void workflowPolicy_twoStoresWithTopic_matchesGolden() throws IOException {
        assertGolden(AirlockPolicies.workflowPolicy(AirlockFixtures.pypiAndNpmWithTopic(), LOGS),
                "airlock-workflow-policy-topic.json");
    }

    @Test
    void trustPolicies_reference_matchGolden() throws IOException {
        assertThat(PoliciesTest.pretty(AirlockPolicies.workflowTrustPolicy(AirlockFixtures.pypi())))
                .isEqualTo(PoliciesTest.golden("airlock-workflow-trust-policy.json"));
        assertThat(PoliciesTest.pretty(AirlockPolicies.ruleTrustPolicy(RULE)))
                .isEqualTo(PoliciesTest.golden("airlock-rule-trust-policy.json"));
    }

    @Test
    void rulePolicy_startsOnlyTheAirlock() {
        assertThat(AirlockPolicies.rulePolicy(STATE_MACHINE).toJson()).isEqualTo(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"StartAirlock\",\"Effect\":\"Allow\","
                        + "\"Action\":\"states:StartExecution\",\"Resource\":\"" + STATE_MACHINE + "\"}}");
    }

    @Test
    void deadLetterQueuePolicy_acceptsOnlyTheRule() {
        assertThat(AirlockPolicies.deadLetterQueuePolicy(QUEUE, RULE).toJson()).isEqualTo(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"EventBridgeSendsUndeliveredEvents\","
                        + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"events.amazonaws.com\"},"
                        + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + QUEUE + "\","
                        + "\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"" + RULE + "\"}}}}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grid")
    void everyDocument_parsesBackToItself(Case c) {
        for (IamPolicy policy : documents(c.spec())) {
            assertThat(IamPolicy.fromJson(policy.toJson())).isEqualTo(policy);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grid")
    void noDocument_grantsAWildcardActionOrDenies(Case c) {
        for (IamPolicy policy : documents(c.spec())) {
            for (IamStatement statement : policy.statements()) {
                assertThat(statement.effect().value()).isEqualTo("Allow");
                assertThat(statement.notActions()).isEmpty();
                assertThat(statement.notResources()).isEmpty();
                assertThat(statement.notPrincipals()).isEmpty();
                assertThat(statement.actions()).isNotEmpty().extracting(IamAction::value)
                        .allSatisfy(action -> assertThat(action).doesNotContain("*"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grid")
    void workflowPolicy_namesOnlyTheDomainsRepositoriesTheLogGroupAndTheTopic(Case c) {
        AirlockSpec spec = c.spec();
        String prefix = "arn:" + spec.partition() + ":codeartifact:" + spec.region() + ":" + spec.domainOwner() + ":";
        List<String> allowed = new ArrayList<>();
        for (String repository : Stream.concat(spec.storeRepositories().stream(), Stream.of(spec.primaryRepository()))
                .collect(Collectors.toList())) {
            allowed.add(prefix + "repository/ml-platform/" + repository);
            allowed.add(prefix + "package/ml-platform/" + repository + "/*");
        }
        allowed.add(logGroup(spec));
        allowed.add(logGroup(spec) + ":*");
        spec.notificationTopicArn().ifPresent(allowed::add);
        IamPolicy policy = AirlockPolicies.workflowPolicy(spec, logGroup(spec));
        for (IamStatement statement : policy.statements()) {
            assertThat(statement.principals()).isEmpty();
            assertThat(statement.conditions()).isEmpty();
            List<String> resources = statement.resources().stream().map(IamResource::value).collect(Collectors.toList());
            if (resources.contains("*")) {
                // Only what AWS's Step Functions guide lists for log delivery, which names no resource.
                assertThat(resources).containsExactly("*");
                assertThat(statement.actions()).extracting(IamAction::value)
                        .containsExactlyElementsOf(AirlockPolicies.LOG_DELIVERY_ACTIONS);
            } else {
                assertThat(resources).isNotEmpty().allSatisfy(resource -> assertThat(allowed).contains(resource));
            }
        }
        assertThat(actions(policy)).doesNotContainAnyElementsOf(FORBIDDEN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grid")
    void workflowPolicy_copiesOnlyIntoThePrimaryAndReadsOnlyTheStores(Case c) {
        AirlockSpec spec = c.spec();
        IamPolicy policy = AirlockPolicies.workflowPolicy(spec, logGroup(spec));
        for (IamStatement statement : policy.statements()) {
            List<String> resources = statement.resources().stream().map(IamResource::value).collect(Collectors.toList());
            List<String> statementActions = statement.actions().stream().map(IamAction::value).collect(Collectors.toList());
            if (statementActions.contains(AirlockPolicies.COPY_VERSIONS)) {
                assertThat(resources).containsExactly(spec.repositoryArn(spec.primaryRepository()),
                        spec.packagesArn(spec.primaryRepository()));
            }
            if (statementActions.contains(AirlockPolicies.READ_FROM_REPOSITORY)) {
                assertThat(resources).noneMatch(r -> r.contains("/" + spec.primaryRepository()));
                assertThat(resources).hasSize(spec.storeRepositories().size());
            }
            if (statementActions.contains(AirlockPolicies.DESCRIBE_VERSION)) {
                // The stores and the primary repository, each with its packages.
                assertThat(resources).hasSize(2 * (spec.storeRepositories().size() + 1))
                        .endsWith(spec.repositoryArn(spec.primaryRepository()), spec.packagesArn(spec.primaryRepository()));
            }
            if (statementActions.contains("logs:PutLogEvents")) {
                assertThat(resources).containsExactly(logGroup(spec), logGroup(spec) + ":*");
            }
        }
        assertThat(actions(policy).contains(AirlockPolicies.SNS_PUBLISH)).isEqualTo(spec.notificationTopicArn().isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grid")
    void trustPolicies_areBoundToTheAccountAndTheSource(Case c) {
        AirlockSpec spec = c.spec();
        List<IamPolicy> documents = documents(spec);
        for (IamPolicy trust : List.of(documents.get(1), documents.get(3))) {
            IamStatement statement = trust.statements().get(0);
            assertThat(actions(trust)).containsExactly("sts:AssumeRole");
            assertThat(statement.principals()).singleElement().satisfies(p ->
                    assertThat(p.type().value()).isEqualTo("Service"));
            assertThat(statement.conditions()).extracting(IamCondition::key).extracting(k -> k.value())
                    .containsExactlyInAnyOrder("aws:SourceAccount", "aws:SourceArn");
            assertThat(statement.conditions()).filteredOn(k -> k.key().value().equals("aws:SourceAccount"))
                    .singleElement().satisfies(k -> assertThat(k.value()).isEqualTo(spec.account()));
        }
        assertThat(documents.get(1).statements().get(0).conditions())
                .filteredOn(k -> k.key().value().equals("aws:SourceArn")).singleElement()
                .satisfies(k -> assertThat(k.value()).isEqualTo(
                        "arn:" + spec.partition() + ":states:" + spec.region() + ":" + spec.account() + ":stateMachine:*"));
    }
}
