package io.mlregistry.internal.airlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlregistry.internal.rules.Problems;
import io.mlregistry.internal.rules.Rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of the airlock's log group: its retention, its key and the name the component gives it. */
class AirlockLogsTest {

    private static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653})
    void checkLogs_everyRetentionCloudWatchLogsAccepts_passes(int days) {
        Problems problems = new Problems();
        Airlock.checkLogs(days, KEY, problems);

        assertThat(problems.lines()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 2, 4, 91, 366, 3654, 100000})
    void checkLogs_otherRetention_isRefusedListingWhatIs(int days) {
        Problems problems = new Problems();
        Airlock.checkLogs(days, null, problems);

        assertThat(problems.lines()).containsExactly("cooldown.logRetentionDays (" + days + ") must be one of 1, 3, 5, 7, "
                + "14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (the periods "
                + "CloudWatch Logs accepts), or 0 to keep the logs forever");
    }

    @Test
    void checkLogs_nothingGiven_passes_andTheDefaultIsNinetyDays() {
        Problems problems = new Problems();
        Airlock.checkLogs(null, null, problems);

        assertThat(problems.lines()).isEmpty();
        assertThat(Airlock.DEFAULT_LOG_RETENTION_DAYS).isEqualTo(90).isIn(Airlock.LOG_RETENTION_DAYS);
    }

    @Test
    void logKmsKeyArn_aliasOrBareIdOrNull_isRefused() {
        Problems problems = new Problems();
        Airlock.checkLogs(null, "alias/aws/logs", problems);
        Airlock.logKmsKeyArn("1234abcd-12ab-34cd-56ef-1234567890ab", problems);
        Airlock.logKmsKeyArn(null, problems);
        Airlock.logKmsKeyArn(KEY, problems);

        assertThat(problems.lines()).containsExactly(
                "cooldown.logKmsKeyArn (alias/aws/logs) " + Rules.KMS_KEY_ARN_MESSAGE,
                "cooldown.logKmsKeyArn (1234abcd-12ab-34cd-56ef-1234567890ab) " + Rules.KMS_KEY_ARN_MESSAGE,
                "cooldown.logKmsKeyArn (null) " + Rules.KMS_KEY_ARN_MESSAGE);
    }

    @Test
    void logGroupPrefix_isUnderVendedLogs_afterTheComponentsName() {
        assertThat(Airlock.logGroupPrefix("ml")).isEqualTo("/aws/vendedlogs/states/ml-cooldown-");
        assertThat(Airlock.logGroupPrefix("team.a/b#1_x")).isEqualTo("/aws/vendedlogs/states/team.a/b#1_x-cooldown-");
    }

    @Test
    void logGroupPrefix_longestName_fitsTheProvidersLimit_oneMoreIsRefused() {
        String longest = "n".repeat(450);

        assertThat(Airlock.logGroupPrefix(longest)).hasSize(Airlock.LOG_GROUP_PREFIX_MAX);
        assertThatThrownBy(() -> Airlock.logGroupPrefix(longest + "n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name (" + longest + "n) must be at most 450 characters with a cooldown: it names the airlock's "
                        + "CloudWatch Logs group");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ml platform", "ml:platform", "ml*", "ünï"})
    void logGroupPrefix_characterALogGroupNameCannotHold_isRefused(String name) {
        assertThatThrownBy(() -> Airlock.logGroupPrefix(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name (" + name + ") must match [0-9A-Za-z_./#-]+ with a cooldown: it names the airlock's "
                        + "CloudWatch Logs group /aws/vendedlogs/states/" + name + "-cooldown-<suffix>");
    }
}
