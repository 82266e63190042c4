package io.mlregistry.internal.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlregistry.internal.rules.Problems;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

class TokenCoverageTest {

    private static final String OWNER = "123456789012";

    private static List<IamStatement> statements(String... json) {
        return java.util.Arrays.stream(json)
                .map(s -> IamPolicy.fromJson("{\"Version\":\"2012-10-17\",\"Statement\":[" + s + "]}").statements().get(0))
                .toList();
    }

    private static Policies.Access creator(List<IamStatement> statements) {
        return new Policies.Access(List.of(), List.of(), Optional.empty(), List.of(), List.of(), statements, List.of());
    }

    private static String allow(String principal, String actions, String condition) {
        return "{\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":" + actions + ",\"Resource\":\"*\""
                + condition + "}";
    }

    @Test
    void of_readersPublishersAndTokenAccounts_areGrantedAsPrincipalKeys() {
        Policies.Access access = new Policies.Access(List.of("arn:aws:iam::111122223333:role/r"),
                List.of("arn:aws:iam::222233334444:root"), Optional.of("o-a1b2c3d4e5"), List.of("333344445555"),
                List.of("999999999999"), List.of(), List.of());

        TokenCoverage.Grants grants = TokenCoverage.of(access);

        assertThat(grants.principals()).containsExactlyInAnyOrder("arn:aws:iam::111122223333:role/r",
                "account:222233334444", "account:333344445555");
        assertThat(grants.organizations()).containsExactly("o-a1b2c3d4e5");
        assertThat(grants.unknowable()).isFalse();
    }

    @Test
    void of_addedStatements_countOnlyAllowsOfTheToken() {
        TokenCoverage.Grants grants = TokenCoverage.of(creator(statements(
                allow("{\"AWS\":\"arn:aws:iam::111122223333:root\"}", "\"codeartifact:GetAuthorizationToken\"", ""),
                allow("{\"AWS\":[\"arn:aws:iam::222233334444:role/a\",\"555566667777\"]}", "\"codeartifact:*\"", ""),
                allow("{\"AWS\":\"333344445555\"}", "\"codeartifact:ListRepositories\"", ""),
                allow("{\"AWS\":\"444455556666\"}", "\"codeartifact:GetAuthorizationToken\"", "").replace("Allow", "Deny"),
                allow("{\"Service\":\"codebuild.amazonaws.com\"}", "\"*\"", ""),
                "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"666677778888\"},\"NotAction\":\"codeartifact:Delete*\","
                        + "\"Resource\":\"*\"}",
                "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"777788889999\"},\"NotAction\":\"codeartifact:Get*\","
                        + "\"Resource\":\"*\"}")));

        assertThat(grants.principals()).containsExactlyInAnyOrder("account:111122223333",
                "arn:aws:iam::222233334444:role/a", "account:555566667777", "account:666677778888");
        assertThat(grants.unknowable()).isFalse();
    }

    @Test
    void of_everyoneUnderAnOrganizationOrAccountCondition_isThatOrganizationOrAccount() {
        TokenCoverage.Grants grants = TokenCoverage.of(creator(statements(
                allow("\"*\"", "\"codeartifact:GetAuthorizationToken\"",
                        ",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-team123456\"}}"),
                allow("{\"AWS\":\"*\"}", "\"codeartifact:GetAuthorizationToken\"",
                        ",\"Condition\":{\"StringEquals\":{\"aws:PrincipalAccount\":\"888899990000\"}}"))));

        assertThat(grants.organizations()).containsExactly("o-team123456");
        assertThat(grants.principals()).containsExactly("account:888899990000");
        assertThat(grants.unknowable()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''",
        ",\"Condition\":{\"StringLike\":{\"aws:PrincipalOrgID\":\"o-*\"}}",
        ",\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}"})
    void of_everyoneUnderAnotherCondition_isUnknowable(String condition) {
        TokenCoverage.Grants grants = TokenCoverage.of(creator(statements(
                allow("\"*\"", "\"codeartifact:GetAuthorizationToken\"", condition))));

        assertThat(grants.unknowable()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"codeartifact:GetAuthorizationToken, true", "CODEARTIFACT:getauthorizationtoken, true",
        "codeartifact:*, true", "*, true", "codeartifact:Get*, true", "codeartifact:GetAuthorization?oken, true",
        "codeartifact:GetAuthorizationTokens, false", "codeartifact:Get, false", "sts:*, false",
        "codeartifact:Get.*, false"})
    void matchesToken_followsIamWildcards(String action, boolean matches) {
        assertThat(TokenCoverage.matchesToken(action)).isEqualTo(matches);
    }

    @Test
    void checkPrincipals_ownAccountOrGranted_pass_othersAreNamed() {
        TokenCoverage.Grants grants = new TokenCoverage.Grants(Set.of("arn:aws:iam::111122223333:role/r",
                "account:444455556666"), Set.of(), false);
        Policies.Access joined = new Policies.Access(
                List.of("arn:aws:iam::123456789012:role/same", "arn:aws:iam::111122223333:role/r",
                        "arn:aws:iam::444455556666:role/any", "arn:aws:iam::999988887777:role/x", "<secret>"),
                List.of("111122223333"), Optional.empty());
        Problems problems = new Problems();

        TokenCoverage.checkPrincipals("team", "platform", "ml", Optional.of(OWNER), joined, grants, problems);

        assertThat(problems.lines()).containsExactly(
                "registry team: readerPrincipals[3] (arn:aws:iam::999988887777:role/x) cannot get an authorization token "
                        + "for domain ml: the domain policy of registry platform grants none to it or to account "
                        + "999988887777; add 999988887777 to the tokenAccounts of platform",
                "registry team: publisherPrincipals[0] (111122223333) cannot get an authorization token for domain ml: "
                        + "the domain policy of registry platform grants none to it or to account 111122223333; add "
                        + "111122223333 to the tokenAccounts of platform");
    }

    @Test
    void checkPrincipals_organizationUnknowableOrUnknownAccount_skipTheCheck() {
        Policies.Access joined = new Policies.Access(List.of("arn:aws:iam::999988887777:role/x"), List.of(), Optional.empty());
        Problems problems = new Problems();

        TokenCoverage.checkPrincipals("team", "platform", "ml", Optional.of(OWNER), joined,
                new TokenCoverage.Grants(Set.of(), Set.of("o-a1b2c3d4e5"), false), problems);
        TokenCoverage.checkPrincipals("team", "platform", "ml", Optional.of(OWNER), joined,
                new TokenCoverage.Grants(Set.of(), Set.of(), true), problems);
        TokenCoverage.checkPrincipals("team", "platform", "ml", Optional.empty(), joined,
                new TokenCoverage.Grants(Set.of(), Set.of(), false), problems);

        assertThat(problems.lines()).isEmpty();
    }

    @Test
    void checkOrganization_grantedUnknowableOrUnset_pass_otherIsNamed() {
        TokenCoverage.Grants grants = new TokenCoverage.Grants(Set.of(), Set.of("o-a1b2c3d4e5"), false);
        Problems problems = new Problems();

        TokenCoverage.checkOrganization("team", "platform", "ml", Optional.of("o-a1b2c3d4e5"), grants, problems);
        TokenCoverage.checkOrganization("team", "platform", "ml", Optional.empty(), grants, problems);
        TokenCoverage.checkOrganization("team", "platform", "ml", Optional.of("o-other12345"),
                new TokenCoverage.Grants(Set.of(), Set.of(), true), problems);
        TokenCoverage.checkOrganization("team", "platform", "ml", Optional.of("o-other12345"), grants, problems);

        assertThat(problems.lines()).containsExactly("registry team: organizationId (o-other12345) cannot get an "
                + "authorization token for domain ml: the domain policy of registry platform grants none to that "
                + "organization; set organizationId(o-other12345) on platform");
    }
}
