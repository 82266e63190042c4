package io.mlregistry.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The principal rules that name IAM's own limits. */
class RulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"public:npmjs, npm", "public:pypi, pypi", "public:maven-central, maven",
            "public:maven-googleandroid, maven", "public:maven-gradleplugins, maven", "public:maven-commonsware, maven",
            "public:maven-clojars, maven", "public:nuget-org, nuget", "public:ruby-gems-org, ruby",
            "public:crates-io, cargo", "public:other, unknown"})
    void formatOf_everyExternalConnection_servesItsFormat(String connection, String format) {
        org.assertj.core.api.Assertions.assertThat(Rules.formatOf(connection)).isEqualTo(format);
    }

    @ParameterizedTest(name = "{0} characters")
    @CsvSource({"1, true", "64, true", "65, false"})
    void isPrincipal_roleNameLength_followsIamsLimit(int length, boolean valid) {
        String role = "arn:aws:iam::123456789012:role/" + "r".repeat(length);

        assertThat(Rules.isPrincipal(role)).isEqualTo(valid);
        assertThat(Rules.principalProblem(role).isEmpty()).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "arn:aws:iam::123456789012:group/ml",
            "arn:aws:iam::123456789012:role/*",
            "codebuild.amazonaws.com",
            "arn:aws:iam::123456789012:root"})
    void principalProblem_otherForms_leaveTheGeneralRule(String principal) {
        assertThat(Rules.principalProblem(principal)).isEmpty();
    }
}
