package io.mlregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import io.mlregistry.internal.outputs.Known;
import io.mlregistry.internal.plan.RegistryInputs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** {@link Cooldown} as a value: defaults, copies, equality and its snapshot, without an engine. */
class CooldownValueTest {

    private static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    @Test
    void of_defaults_pypiNotificationsNinetyDaysNoKey() {
        Cooldown cooldown = Cooldown.of(Duration.ofHours(72));

        assertThat(cooldown.duration()).isEqualTo("PT72H");
        assertThat(cooldown.formats()).containsExactly("pypi");
        assertThat(cooldown.formatsGiven()).isEmpty();
        assertThat(cooldown.notifications()).isTrue();
        assertThat(cooldown.logRetentionDays()).isEqualTo(90);
        assertThat(cooldown.logKmsKeyArn()).isEmpty();
        assertThat(cooldown).hasToString("Cooldown.of(PT72H)");
    }

    @Test
    void options_eachReturnACopy_keepingTheOthers() {
        Cooldown base = Cooldown.of(Duration.ofDays(3));
        Cooldown all = base.formats("npm", "pypi").notifications(false).logRetentionDays(30).logKmsKeyArn(KEY);

        assertThat(base.formatsGiven()).isEmpty();
        assertThat(all.formats()).containsExactly("npm", "pypi");
        assertThat(all.formatsGiven()).contains(List.of("npm", "pypi"));
        assertThat(all.notifications()).isFalse();
        assertThat(all.logRetentionDays()).isEqualTo(30);
        assertThat(all.logKmsKeyArn().flatMap(Known::value)).contains(KEY);
        assertThat(all.duration()).isEqualTo("PT72H");
        // Each option keeps what the others set, whatever the order.
        Cooldown reordered = base.logKmsKeyArn(KEY).logRetentionDays(30).notifications(false).formats("npm", "pypi");
        assertThat(reordered).isEqualTo(all).hasSameHashCodeAs(all);
        assertThat(all).hasToString("Cooldown.of(PT72H).formats(npm, pypi).notifications(false).logRetentionDays(30)"
                + ".logKmsKeyArn(" + KEY + ")");
    }

    @Test
    void nulls_failAtOnceNamingTheParameter() {
        Cooldown cooldown = Cooldown.of(Duration.ofDays(1));

        assertThatThrownBy(() -> Cooldown.of(null)).isInstanceOf(NullPointerException.class).hasMessage("duration");
        assertThatThrownBy(() -> cooldown.formats((String[]) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("formats");
        assertThatThrownBy(() -> cooldown.formats("pypi", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("formats[1]");
        assertThatThrownBy(() -> cooldown.logKmsKeyArn((String) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("keyArn");
        assertThatThrownBy(() -> cooldown.logKmsKeyArn((Output<String>) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("keyArn");
    }

    @Test
    void equals_comparesEveryField() {
        Cooldown base = Cooldown.of(Duration.ofDays(3));

        assertThat(base).isEqualTo(base).isEqualTo(Cooldown.of(Duration.ofHours(72))).isNotEqualTo("PT72H").isNotEqualTo(null);
        assertThat(base).isNotEqualTo(Cooldown.of(Duration.ofDays(4)));
        assertThat(base).isNotEqualTo(base.formats("pypi"));
        assertThat(base).isNotEqualTo(base.notifications(false));
        assertThat(base).isEqualTo(base.notifications(true)).hasSameHashCodeAs(base.notifications(true));
        assertThat(base).isNotEqualTo(base.logRetentionDays(30));
        assertThat(base).isEqualTo(base.logRetentionDays(90));
        assertThat(base).isNotEqualTo(base.logKmsKeyArn(KEY));
        assertThat(base.logKmsKeyArn(KEY)).isNotEqualTo(base);
        assertThat(base.logKmsKeyArn(KEY)).isEqualTo(base.logKmsKeyArn(KEY)).hasSameHashCodeAs(base.logKmsKeyArn(KEY));
        assertThat(base.logKmsKeyArn(KEY)).isNotEqualTo(base.logKmsKeyArn(KEY.replace("1234abcd", "5678abcd")));
        assertThat(base.hashCode()).isNotEqualTo(base.logRetentionDays(30).hashCode())
                .isNotEqualTo(base.notifications(false).hashCode());
    }

    @Test
    void equals_keyFromAnotherResource_onlyItself() {
        Output<String> unknown = Output.of(KEY).applyValue(v -> v);
        Cooldown withUnknown = Cooldown.of(Duration.ofDays(3)).logKmsKeyArn(unknown);

        assertThat(withUnknown).isEqualTo(withUnknown.logRetentionDays(90));
        assertThat(withUnknown.logKmsKeyArn()).containsSame(unknown);
        assertThat(withUnknown.hashCode()).isEqualTo(withUnknown.logRetentionDays(90).hashCode());
    }

    @Test
    void input_isThePlannersSnapshot_withWhatWasGivenVisible() {
        RegistryInputs.CooldownInput plain = Cooldown.of(Duration.ofDays(3)).input();
        RegistryInputs.CooldownInput given = Cooldown.of(Duration.ofDays(3)).formats("npm").notifications(false)
                .logRetentionDays(7).logKmsKeyArn(KEY).input();

        assertThat(plain.duration()).isEqualTo("PT72H");
        assertThat(plain.formatsGiven()).isEmpty();
        assertThat(plain.formats()).containsExactly("pypi");
        assertThat(plain.notifications()).isTrue();
        assertThat(plain.logRetentionDays()).isEmpty();
        assertThat(plain.logKmsKeyArn()).isEmpty();
        assertThat(given.formats()).containsExactly("npm");
        assertThat(given.notifications()).isFalse();
        assertThat(given.logRetentionDays()).isEqualTo(Optional.of(7));
        assertThat(given.logKmsKeyArn().flatMap(Known::value)).contains(KEY);
    }
}
