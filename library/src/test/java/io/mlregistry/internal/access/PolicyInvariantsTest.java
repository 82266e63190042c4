package io.mlregistry.internal.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlregistry.internal.access.Policies.Access;
import io.mlregistry.internal.rules.Rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.policybuilder.iam.IamAction;
import software.amazon.awssdk.policybuilder.iam.IamCondition;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipal;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * Least privilege, checked over a grid of configurations rather than one: every count of readers
 * and publishers from none to fifty, with and without an organization, in three partitions, with
 * principals of every accepted form.
 */
class PolicyInvariantsTest {

    private static final Set<String> PUBLISH = Set.copyOf(Policies.PUBLISH_ACTIONS);

    record Case(String partition, Access access) {
        @Override
        public String toString() {
            return access.readers().size() + " readers, " + access.publishers().size() + " publishers, org "
                    + access.organizationId().isPresent() + ", " + partition;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String partition : List.of("aws", "aws-cn", "aws-us-gov")) {
            for (int readers : List.of(0, 1, 2, 10, 50)) {
                for (int publishers : List.of(0, 1, 5, 50)) {
                    for (boolean org : List.of(false, true)) {
                        cases.add(new Case(partition, new Access(
                                principals(partition, "reader", readers),
                                principals(partition, "publisher", publishers),
                                org ? Optional.of("o-a1b2c3d4e5f6") : Optional.empty())));
                    }
                }
            }
        }
        return cases.stream();
    }

    /** Account IDs, role ARNs with paths and user ARNs, as a platform team would name them. */
    static List<String> principals(String partition, String kind, int count) {
        return IntStream.range(0, count).mapToObj(i -> switch (i % 3) {
            case 0 -> String.format("%012d", 100000000000L + (kind.equals("reader") ? 0 : 500) + i);
            case 1 -> "arn:" + partition + ":iam::123456789012:role/ml/" + kind + "-sagemaker-execution-" + i;
            default -> "arn:" + partition + ":iam::210987654321:user/" + kind + "-ci-" + i;
        }).collect(Collectors.toList());
    }

    static List<IamPolicy> documents(Case c) {
        String domainArn = "arn:" + c.partition() + ":codeartifact:us-east-1:123456789012:domain/ml";
        String repositoryArn = "arn:" + c.partition() + ":codeartifact:us-east-1:123456789012:repository/ml/models";
        List<IamPolicy> documents = new ArrayList<>();
        Policies.domainPolicy(c.partition(), c.access(), List.of(Policies.longestRepositoryArn(c.partition()))).ifPresent(documents::add);
        Policies.repositoryPolicy(c.partition(), c.access()).ifPresent(documents::add);
        documents.add(Policies.readerPolicy(domainArn, repositoryArn));
        documents.add(Policies.publisherPolicy(domainArn, repositoryArn));
        return documents;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyDocument_parsesBackToItself(Case c) {
        for (IamPolicy policy : documents(c)) {
            assertThat(IamPolicy.fromJson(policy.toJson())).isEqualTo(policy);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void noDocument_grantsAWildcardAction(Case c) {
        for (IamPolicy policy : documents(c)) {
            for (IamStatement statement : policy.statements()) {
                assertThat(statement.effect().value()).isEqualTo("Allow");
                assertThat(statement.notActions()).isEmpty();
                assertThat(statement.notPrincipals()).isEmpty();
                assertThat(statement.actions()).extracting(IamAction::value).allSatisfy(action ->
                        assertThat(action).doesNotContain("*"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyonePrincipal_onlyWithAnOrganizationCondition(Case c) {
        for (IamPolicy policy : documents(c)) {
            for (IamStatement statement : policy.statements()) {
                if (statement.principals().stream().map(IamPrincipal::id).anyMatch("*"::equals)) {
                    assertThat(statement.conditions()).singleElement().satisfies((IamCondition condition) -> {
                        assertThat(condition.operator().value()).isEqualTo("StringEquals");
                        assertThat(condition.key().value()).isEqualTo("aws:PrincipalOrgID");
                        assertThat(condition.value()).isEqualTo("o-a1b2c3d4e5f6");
                    });
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readersAndTheOrganization_neverGetAPublishAction(Case c) {
        Set<String> publishers = c.access().publishers().stream()
                .map(p -> Policies.principalArn(c.partition(), p)).collect(Collectors.toSet());
        for (IamPolicy policy : documents(c)) {
            for (IamStatement statement : policy.statements()) {
                boolean grantsPublish = statement.actions().stream().map(IamAction::value).anyMatch(PUBLISH::contains);
                if (grantsPublish && !statement.principals().isEmpty()) {
                    assertThat(statement.principals()).extracting(IamPrincipal::id).allSatisfy(id ->
                            assertThat(publishers).contains(id));
                }
            }
        }
        String repositoryArn = "arn:" + c.partition() + ":codeartifact:us-east-1:123456789012:repository/ml/models";
        assertThat(Policies.readerPolicy("arn:aws:codeartifact:us-east-1:123456789012:domain/ml", repositoryArn)
                .statements().stream().flatMap(s -> s.actions().stream()).map(IamAction::value))
                .doesNotContainAnyElementsOf(PUBLISH);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resourcePolicies_stayWithinAwsLimit(Case c) {
        Policies.domainPolicy(c.partition(), c.access(), List.of(Policies.longestRepositoryArn(c.partition()))).ifPresent(p ->
                assertThat(p.toJson().length()).isLessThanOrEqualTo(Rules.POLICY_DOCUMENT_MAX));
        Policies.repositoryPolicy(c.partition(), c.access()).ifPresent(p ->
                assertThat(p.toJson().length()).isLessThanOrEqualTo(Rules.POLICY_DOCUMENT_MAX));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sizeBound_isNeverBelowTheRealSize(Case c) {
        int bound = Policies.sizeBound(c.partition(), c.access());
        Policies.domainPolicy(c.partition(), c.access(), List.of(Policies.longestRepositoryArn(c.partition()))).ifPresent(p ->
                assertThat(bound).isGreaterThanOrEqualTo(p.toJson().length()));
        Policies.repositoryPolicy(c.partition(), c.access()).ifPresent(p ->
                assertThat(bound).isGreaterThanOrEqualTo(p.toJson().length()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyNamedPrincipal_isGrantedTheToken(Case c) {
        Optional<IamPolicy> domain = Policies.domainPolicy(c.partition(), c.access(), List.of(Policies.longestRepositoryArn(c.partition())));
        Set<String> granted = domain.map(p -> p.statements().stream()
                        .filter(s -> s.actions().stream().anyMatch(a -> a.value().equals(Policies.GET_TOKEN)))
                        .flatMap(s -> s.principals().stream())
                        .map(IamPrincipal::id)
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
        Stream.concat(c.access().readers().stream(), c.access().publishers().stream())
                .map(p -> Policies.principalArn(c.partition(), p))
                .forEach(p -> assertThat(granted).contains(p));
    }
}
