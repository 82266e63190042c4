package io.mlregistry.internal.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlregistry.internal.rules.Problems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules across principals and accounts, and the documents a domain owner's grants produce. */
class AccessRulesTest {

    static final String EXTRA_DOMAIN = "{\"Sid\":\"AuditorsDescribe\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::777788889999:role/auditor\"},"
            + "\"Action\":[\"codeartifact:DescribeDomain\",\"codeartifact:ListRepositoriesInDomain\"],\"Resource\":\"*\"}";
    static final String EXTRA_REPOSITORY = "{\"Sid\":\"DenyDeleteOutsideOrg\",\"Effect\":\"Deny\",\"Principal\":\"*\","
            + "\"Action\":\"codeartifact:DeletePackageVersions\",\"Resource\":\"*\","
            + "\"Condition\":{\"StringNotEquals\":{\"aws:PrincipalOrgID\":\"o-a1b2c3d4e5\"}}}";

    private static AccessRules.Inputs inputs(List<String> readers, List<String> publishers, List<String> tokenAccounts,
            List<String> creators, List<String> domainStatements, List<String> repositoryStatements) {
        return new AccessRules.Inputs(readers, publishers, tokenAccounts, creators, Optional.empty(),
                domainStatements, repositoryStatements, true);
    }

    private static List<String> problems(AccessRules.Inputs inputs) {
        Problems problems = new Problems();
        AccessRules.check(inputs, true, problems);
        return problems.lines();
    }

    @Test
    void ownerGrants_domainPolicy_matchesGolden() throws IOException {
        Problems problems = new Problems();
        Policies.Access access = AccessRules.check(inputs(List.of("arn:aws:iam::111122223333:role/sagemaker"),
                List.of("arn:aws:iam::123456789012:role/ci"), List.of("444455556666", "arn:aws:iam::555566667777:root"),
                List.of("444455556666"), List.of(EXTRA_DOMAIN), List.of(EXTRA_REPOSITORY)), true, problems).orElseThrow();

        assertThat(problems.lines()).isEmpty();
        if (Boolean.getBoolean("golden.update")) {
            writeGolden("domain-policy-grants.json", PoliciesTest.pretty(Policies.domainPolicy("aws", access, List.of(PoliciesTest.REPOSITORY_ARN)).orElseThrow()));
            writeGolden("repository-policy-added.json", PoliciesTest.pretty(Policies.repositoryPolicy("aws", access).orElseThrow()));
        }
        assertThat(PoliciesTest.pretty(Policies.domainPolicy("aws", access, List.of(PoliciesTest.REPOSITORY_ARN)).orElseThrow()))
                .isEqualTo(PoliciesTest.golden("domain-policy-grants.json"));
        assertThat(PoliciesTest.pretty(Policies.repositoryPolicy("aws", access).orElseThrow()))
                .isEqualTo(PoliciesTest.golden("repository-policy-added.json"));
    }

    @Test
    void creatorsOnly_domainPolicy_grantsCreationAndNoRead() {
        Problems problems = new Problems();
        Policies.Access access = AccessRules.check(inputs(List.of(), List.of(), List.of(), List.of("444455556666"),
                List.of(), List.of()), true, problems).orElseThrow();

        assertThat(access.grantsAnyone()).isFalse();
        assertThat(access.grantsDomain()).isTrue();
        List<software.amazon.awssdk.policybuilder.iam.IamStatement> statements =
                Policies.domainPolicy("aws", access, List.of(PoliciesTest.REPOSITORY_ARN)).orElseThrow().statements();
        assertThat(statements).extracting(s -> s.sid()).containsExactly("AccountsCreateRepositories", "AccountsAddUpstreams");
        assertThat(statements.get(0).actions()).extracting(a -> a.value())
                .containsExactly("codeartifact:CreateRepository", "codeartifact:TagResource");
        assertThat(statements.get(0).resources()).extracting(r -> r.value()).containsExactly("*");
        // A domain policy applies to every repository of the domain: only the primary may become an upstream.
        assertThat(statements.get(1).actions()).extracting(a -> a.value())
                .containsExactly("codeartifact:AssociateWithDownstreamRepository");
        assertThat(statements.get(1).resources()).extracting(r -> r.value()).containsExactly(PoliciesTest.REPOSITORY_ARN);
        assertThat(statements.get(1).principals()).extracting(p -> p.id()).containsExactly("arn:aws:iam::444455556666:root");
    }

    static Stream<Arguments> normalized() {
        return Stream.of(
                Arguments.of("reader ID then root ARN", List.of("111122223333", "arn:aws:iam::111122223333:root"), List.of(),
                        "readerPrincipals[1] (arn:aws:iam::111122223333:root) must differ from readerPrincipals[0]"),
                Arguments.of("reader root ARN then ID", List.of("arn:aws:iam::111122223333:root", "111122223333"), List.of(),
                        "readerPrincipals[1] (111122223333) must differ from readerPrincipals[0]"),
                Arguments.of("publisher ID, reader root ARN", List.of("arn:aws:iam::111122223333:root"), List.of("111122223333"),
                        "publisherPrincipals[0] (111122223333) must not also be readerPrincipals[0]: publishers can read"),
                Arguments.of("root ARNs of two partitions", List.of("arn:aws:iam::111122223333:root"),
                        List.of("arn:aws-cn:iam::111122223333:root"),
                        "publisherPrincipals[0] (arn:aws-cn:iam::111122223333:root) must not also be readerPrincipals[0]: "
                                + "publishers can read"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("normalized")
    void accountIdAndItsRootArn_areOnePrincipal(String label, List<String> readers, List<String> publishers, String message) {
        assertThat(problems(inputs(readers, publishers, List.of(), List.of(), List.of(), List.of()))).containsExactly(message);
    }

    @Test
    void roleAndItsAccount_areDistinctPrincipals() {
        assertThat(problems(inputs(List.of("111122223333", "arn:aws:iam::111122223333:role/a"), List.of(), List.of(),
                List.of(), List.of(), List.of()))).isEmpty();
    }

    @Test
    void mixedPartitions_areRefusedNamingTheFirst() {
        assertThat(problems(inputs(List.of("arn:aws-us-gov:iam::111122223333:role/a"), List.of(),
                List.of("arn:aws:iam::444455556666:root"), List.of(), List.of(), List.of())))
                .containsExactly("tokenAccounts[0] (arn:aws:iam::444455556666:root) must be in partition aws-us-gov, "
                        + "as readerPrincipals[0] is");
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(inputs(List.of(), List.of(), List.of("arn:aws:iam::111122223333:role/a"), List.of(), List.of(), List.of()),
                        "tokenAccounts[0] (arn:aws:iam::111122223333:role/a) must be a 12-digit account ID or "
                                + "arn:<partition>:iam::<account>:root"),
                Arguments.of(inputs(List.of(), List.of(), List.of("111122223333", "arn:aws:iam::111122223333:root"), List.of(),
                                List.of(), List.of()),
                        "tokenAccounts[1] (arn:aws:iam::111122223333:root) must differ from tokenAccounts[0]"),
                Arguments.of(inputs(List.of(), List.of(), List.of(), List.of("*"), List.of(), List.of()),
                        "repositoryCreatorAccounts[0] (*) must name principals; grant an AWS Organization with organizationId"),
                Arguments.of(inputs(List.of(), List.of(), List.of(), List.of(), List.of("not json"), List.of()),
                        "additionalDomainPolicyStatements[0] (not json) must be one IAM policy statement as a JSON object, "
                                + "with Effect, Principal, Action and Resource"),
                Arguments.of(inputs(List.of(), List.of(), List.of(), List.of(), List.of(),
                                List.of("{\"Effect\":\"Allow\",\"Action\":\"codeartifact:*\",\"Resource\":\"*\"}")),
                        "additionalRepositoryPolicyStatements[0] ({\"Effect\":\"Allow\",\"Action\":\"codeartifact:*\","
                                + "\"Resource\":\"*\"}) must be one IAM policy statement as a JSON object, with Effect, "
                                + "Principal, Action and Resource"),
                Arguments.of(inputs(List.of(), List.of(), List.of(), List.of(), List.of("[" + EXTRA_DOMAIN + "]"), List.of()),
                        "additionalDomainPolicyStatements[0] ([" + EXTRA_DOMAIN + "]) must be one IAM policy statement "
                                + "as a JSON object, with Effect, Principal, Action and Resource"),
                Arguments.of(inputs(List.of(), List.of(), List.of(), List.of(),
                                List.of(EXTRA_DOMAIN.replace("AuditorsDescribe", "OrgGetToken")), List.of()),
                        "additionalDomainPolicyStatements[0].Sid (OrgGetToken) must differ from the statement IDs the "
                                + "component writes: AccountsAddUpstreams, AccountsCreateRepositories, AccountsGetToken, OrgGetToken, OrgReadPackages, "
                                + "PublishersGetToken, PublishersReadAndPublishPackages, ReadersGetToken, ReadersReadPackages"),
                Arguments.of(inputs(List.of(), List.of(), List.of(), List.of(), List.of(),
                                List.of("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"codeartifact:ReadFromRepository\","
                                        + "\"Resource\":\"*\"}")),
                        "additionalRepositoryPolicyStatements[0] ({\"Effect\":\"Allow\",\"Principal\":\"*\","
                                + "\"Action\":\"codeartifact:ReadFromRepository\",\"Resource\":\"*\"}) must not allow every "
                                + "principal (\"*\") without a Condition; grant an AWS Organization with organizationId"),
                Arguments.of(inputs(List.of(), List.of(), List.of(), List.of(), List.of(EXTRA_DOMAIN, EXTRA_DOMAIN), List.of()),
                        "additionalDomainPolicyStatements[1].Sid (AuditorsDescribe) must differ from the Sid of "
                                + "additionalDomainPolicyStatements[0]"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void check_brokenRule_isRefusedWithExactMessage(AccessRules.Inputs inputs, String message) {
        assertThat(problems(inputs)).containsExactly(message);
    }

    @Test
    void check_unknownValues_skipTheirRulesAndTheSize() {
        List<String> readers = new ArrayList<>(Arrays.asList("111122223333", null));
        Problems problems = new Problems();

        assertThat(AccessRules.check(inputs(readers, List.of(), List.of(), List.of(), List.of(), List.of()), true, problems))
                .isEmpty();
        assertThat(problems.lines()).isEmpty();
    }

    @Test
    void check_addedStatements_countTowardsTheLimit() {
        String big = EXTRA_DOMAIN.replace("AuditorsDescribe", "Big").replace("\"codeartifact:DescribeDomain\"",
                String.join(",", java.util.Collections.nCopies(300, "\"codeartifact:DescribeDomain\"")));

        assertThat(problems(inputs(List.of("111122223333"), List.of(), List.of(), List.of(), List.of(big), List.of())))
                .singleElement().asString()
                .startsWith("readerPrincipals, publisherPrincipals, organizationId and the added statements make the domain policy ")
                .contains("over AWS's limit of 7168");
    }

    @Test
    void sizeBound_neverBelowEitherDocument_withEveryKindOfGrant() {
        List<String> accounts = java.util.stream.IntStream.range(0, 40).mapToObj(i -> String.format("1111%08d", i)).toList();
        List<String> roles = accounts.stream().map(a -> "arn:aws-us-gov:iam::" + a + ":role/r").toList();
        for (Policies.Access access : List.of(
                new Policies.Access(List.of(), List.of(), Optional.empty(), accounts, List.of(), List.of(), List.of()),
                new Policies.Access(List.of(), List.of(), Optional.empty(), List.of(), roles.stream()
                        .map(r -> r.replace(":role/r", ":root")).toList(), List.of(), List.of()),
                new Policies.Access(roles, List.of(), Optional.of("o-a1b2c3d4e5"), accounts, accounts,
                        statementsOf(EXTRA_DOMAIN), statementsOf(EXTRA_REPOSITORY)))) {
            int bound = Policies.sizeBound("aws-us-gov", access);
            assertThat(bound).isGreaterThanOrEqualTo(Policies.domainPolicy("aws-us-gov", access, List.of(Policies.longestRepositoryArn("aws-us-gov"))).orElseThrow().toJson().length());
            Policies.repositoryPolicy("aws-us-gov", access).ifPresent(policy ->
                    assertThat(bound).isGreaterThanOrEqualTo(policy.toJson().length()));
        }
    }

    @Test
    void sizeBound_neverBelowEitherDocument_withHundredsOfEachKind() {
        // Many principals of one kind at a time: the bound's fixed slack cannot hide a wrong count per principal.
        List<String> accounts = java.util.stream.IntStream.range(0, 800).mapToObj(i -> String.format("2222%08d", i)).toList();
        List<String> roles = accounts.stream().map(a -> "arn:aws-us-gov:iam::" + a + ":role/r").toList();
        String org = "o-" + "a".repeat(32);
        for (Policies.Access access : List.of(
                new Policies.Access(roles, List.of(), Optional.empty()),
                new Policies.Access(List.of(), roles, Optional.empty()),
                new Policies.Access(List.of(), List.of(), Optional.of(org), accounts, List.of(), List.of(), List.of()),
                new Policies.Access(List.of(), List.of(), Optional.empty(), List.of(), accounts, List.of(), List.of()),
                new Policies.Access(List.of(), List.of(), Optional.of(org), List.of(), List.of(),
                        statementsOf(EXTRA_DOMAIN), statementsOf(EXTRA_REPOSITORY)))) {
            int bound = Policies.sizeBound("aws-us-gov", access);
            Policies.domainPolicy("aws-us-gov", access, List.of(Policies.longestRepositoryArn("aws-us-gov")))
                    .ifPresent(policy -> assertThat(bound).isGreaterThanOrEqualTo(policy.toJson().length()));
            Policies.repositoryPolicy("aws-us-gov", access).ifPresent(policy ->
                    assertThat(bound).isGreaterThanOrEqualTo(policy.toJson().length()));
        }
        assertThat(Policies.longestRepositoryArn("aws")).matches("arn:aws:codeartifact:[a-z0-9-]+:[0-9]{12}:repository/d{50}/r{100}");
    }

    private static List<software.amazon.awssdk.policybuilder.iam.IamStatement> statementsOf(String json) {
        Problems problems = new Problems();
        return AccessRules.check(inputs(List.of(), List.of(), List.of(), List.of(), List.of(json), List.of()), true, problems)
                .orElseThrow().domainStatements();
    }

    static void writeGolden(String name, String text) throws IOException {
        Files.writeString(Path.of("src/test/resources/golden", name), text + "\n");
    }
}
