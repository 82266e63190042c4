package io.mlregistry.internal.airlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlregistry.internal.rules.Problems;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The cooldown's rules, with their exact messages, and the checks of {@link AirlockSpec}. */
class AirlockTest {

    private static List<String> problems(String duration, List<String> formats) {
        Problems problems = new Problems();
        Airlock.check(duration, formats, problems);
        return problems.lines();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT1H", "PT72H", "P3D", "P7D", "PT8736H", "P364D", "PT1H30M", "PT3600S"})
    void check_validDuration_hasNoProblem(String duration) {
        assertThat(problems(duration, null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PT30M|cooldown.duration (PT30M) must be between 1 hour and 364 days",
            "PT59M59S|cooldown.duration (PT59M59S) must be between 1 hour and 364 days",
            "P365D|cooldown.duration (P365D) must be between 1 hour and 364 days",
            "PT8736H1S|cooldown.duration (PT8736H1S) must be between 1 hour and 364 days",
            "PT0S|cooldown.duration (PT0S) must be between 1 hour and 364 days",
            "-PT2H|cooldown.duration (-PT2H) must be between 1 hour and 364 days",
            "PT1H0.5S|cooldown.duration (PT1H0.5S) must be a whole number of seconds",
            "3 days|cooldown.duration (3 days) must be an ISO-8601 duration such as PT72H or P3D",
            "P1M|cooldown.duration (P1M) must be an ISO-8601 duration such as PT72H or P3D"})
    void check_invalidDuration_isReported(String duration, String message) {
        assertThat(problems(duration, null)).containsExactly(message);
    }

    @Test
    void check_missingDuration_isReported() {
        assertThat(problems(null, List.of("pypi"))).containsExactly("cooldown.duration is required");
    }

    @Test
    void check_everyAirlockFormat_isAccepted() {
        assertThat(problems("P3D", Airlock.AIRLOCK_FORMATS)).isEmpty();
    }

    @Test
    void check_badFormats_areAllReportedTogether() {
        List<String> formats = new ArrayList<>(List.of("pypi", "swift", "generic", "PyPI", "pypi"));
        formats.add(null);
        assertThat(problems("PT10M", formats)).containsExactly(
                "cooldown.duration (PT10M) must be between 1 hour and 364 days",
                "cooldown.formats (swift) must be one of npm, pypi, maven, nuget, ruby, cargo",
                "cooldown.formats (generic) must be one of npm, pypi, maven, nuget, ruby, cargo",
                "cooldown.formats (PyPI) must be one of npm, pypi, maven, nuget, ruby, cargo",
                "cooldown.formats (pypi) is listed twice",
                "cooldown.formats must not hold null");
    }

    @Test
    void check_noFormats_isReported() {
        assertThat(problems("P3D", List.of())).containsExactly("cooldown.formats must not be empty");
    }

    @Test
    void isValidCooldown_bounds_areIncluded() {
        assertThat(Airlock.isValidCooldown(Duration.ofHours(1))).isTrue();
        assertThat(Airlock.isValidCooldown(Duration.ofDays(364))).isTrue();
        assertThat(Airlock.isValidCooldown(Duration.ofHours(1).minusSeconds(1))).isFalse();
        assertThat(Airlock.isValidCooldown(Duration.ofDays(364).plusSeconds(1))).isFalse();
    }

    @Test
    void longestCooldown_withSlack_fitsInOneYear() {
        assertThat(Airlock.MAX_COOLDOWN.plus(Airlock.EXECUTION_SLACK)).isLessThanOrEqualTo(Duration.ofDays(365));
    }

    private static AirlockSpec spec(String partition, String region, String account, String domain, String owner,
            List<String> stores, String primary, List<String> formats, Duration cooldown, Optional<String> topic) {
        return new AirlockSpec(partition, region, account, domain, owner, stores, primary, formats, cooldown, topic);
    }

    @Test
    void spec_reference_derivesArnsFromTheDomainOwner() {
        AirlockSpec spec = new AirlockSpec("aws-cn", "cn-north-1", "210987654321", "ml-platform", "123456789012",
                List.of("pypi-store"), "ml-models", List.of("pypi"), Duration.ofHours(2), Optional.empty());
        assertThat(spec.repositoryArn("ml-models"))
                .isEqualTo("arn:aws-cn:codeartifact:cn-north-1:123456789012:repository/ml-platform/ml-models");
        assertThat(spec.packagesArn("pypi-store"))
                .isEqualTo("arn:aws-cn:codeartifact:cn-north-1:123456789012:package/ml-platform/pypi-store/*");
        assertThat(spec.cooldownSeconds()).isEqualTo(7200);
    }

    @Test
    void spec_listsAreCopied() {
        List<String> stores = new ArrayList<>(List.of("pypi-store"));
        AirlockSpec spec = spec("aws", "us-east-1", "123456789012", "ml", "123456789012", stores, "ml-models",
                List.of("pypi"), Duration.ofHours(1), Optional.empty());
        stores.add("other");
        assertThat(spec.storeRepositories()).containsExactly("pypi-store");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "partition|gcp|partition (gcp) is not valid for the airlock",
            "region|US-EAST-1|region (US-EAST-1) is not valid for the airlock",
            "account|12345|account (12345) is not valid for the airlock",
            "domainName|ML|domainName (ML) is not valid for the airlock",
            "domainOwner|owner|domainOwner (owner) is not valid for the airlock",
            "store|bad store|storeRepositories (bad store) is not valid for the airlock",
            "primary|-x|primaryRepository (-x) is not valid for the airlock",
            "primaryIsStore|pypi-store|primaryRepository (pypi-store) must not be a store repository",
            "format|swift|formats (swift) is not valid for the airlock",
            "topic|arn:aws:sqs:us-east-1:123456789012:q|notificationTopicArn (arn:aws:sqs:us-east-1:123456789012:q) is not valid for the airlock",
            "cooldown|PT59M|cooldown (PT59M) is not valid for the airlock",
            "fractionalCooldown|PT1H0.5S|cooldown (PT1H0.5S) is not valid for the airlock",
            "noStores||storeRepositories must not be empty",
            "noFormats||formats must not be empty"})
    void spec_invalidValue_isRejected(String field, String value, String message) {
        String[] v = {"aws", "us-east-1", "123456789012", "ml", "123456789012", "pypi-store", "ml-models", "pypi"};
        Duration cooldown = Duration.ofHours(1);
        Optional<String> topic = Optional.empty();
        List<String> stores = null;
        List<String> formats = null;
        switch (field) {
            case "partition" -> v[0] = value;
            case "region" -> v[1] = value;
            case "account" -> v[2] = value;
            case "domainName" -> v[3] = value;
            case "domainOwner" -> v[4] = value;
            case "store" -> v[5] = value;
            case "primary", "primaryIsStore" -> v[6] = value;
            case "format" -> v[7] = value;
            case "topic" -> topic = Optional.of(value);
            case "cooldown", "fractionalCooldown" -> cooldown = Duration.parse(value);
            case "noStores" -> stores = List.of();
            case "noFormats" -> formats = List.of();
            default -> throw new IllegalStateException(field);
        }
        List<String> storeList = stores != null ? stores : List.of(v[5]);
        List<String> formatList = formats != null ? formats : List.of(v[7]);
        Duration finalCooldown = cooldown;
        Optional<String> finalTopic = topic;
        assertThatThrownBy(() -> spec(v[0], v[1], v[2], v[3], v[4], storeList, v[6], formatList, finalCooldown, finalTopic))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void spec_nulls_areNamed() {
        assertThatNullPointerException().isThrownBy(() -> spec("aws", "us-east-1", null, "ml", "123456789012",
                List.of("a-store"), "ml-models", List.of("pypi"), Duration.ofHours(1), Optional.empty())).withMessage("account");
        assertThatNullPointerException().isThrownBy(() -> spec("aws", "us-east-1", "123456789012", "ml", "123456789012",
                List.of("a-store"), "ml-models", List.of("pypi"), null, Optional.empty())).withMessage("cooldown");
        assertThatNullPointerException().isThrownBy(() -> spec("aws", "us-east-1", "123456789012", "ml", "123456789012",
                List.of("a-store"), "ml-models", List.of("pypi"), Duration.ofHours(1), null)).withMessage("notificationTopicArn");
        assertThatNullPointerException().isThrownBy(() -> spec(null, "us-east-1", "123456789012", "ml", "123456789012",
                List.of("a-store"), "ml-models", List.of("pypi"), Duration.ofHours(1), Optional.empty())).withMessage("partition");
    }

    @Test
    void spec_fifoTopicAndGovCloud_areAccepted() {
        AirlockSpec spec = spec("aws-us-gov", "us-gov-west-1", "123456789012", "ml", "123456789012",
                Arrays.asList("a-store", "b-store"), "ml-models", List.of("npm", "maven"), Duration.ofDays(364),
                Optional.of("arn:aws-us-gov:sns:us-gov-west-1:123456789012:airlock.fifo"));
        assertThat(spec.notificationTopicArn()).isPresent();
        assertThat(spec.cooldownSeconds()).isEqualTo(364L * 86_400);
    }
}
