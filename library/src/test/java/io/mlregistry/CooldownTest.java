package io.mlregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The public cooldown value: its factories, defaults and value semantics. */
class CooldownTest {

    @Test
    void of_duration_keepsItAsIso8601() {
        Cooldown cooldown = Cooldown.of(Duration.ofDays(3));
        assertThat(cooldown.duration()).isEqualTo("PT72H");
        assertThat(cooldown.formats()).containsExactly("pypi");
        assertThat(cooldown.formatsGiven()).isEmpty();
        assertThat(cooldown).hasToString("Cooldown.of(PT72H)");
    }

    @Test
    void formats_replaceTheDefault() {
        Cooldown cooldown = Cooldown.of(Duration.ofHours(12)).formats("npm", "pypi");
        assertThat(cooldown.formats()).containsExactly("npm", "pypi");
        assertThat(cooldown.formatsGiven()).contains(List.of("npm", "pypi"));
        assertThat(cooldown).hasToString("Cooldown.of(PT12H).formats(npm, pypi)");
    }

    @Test
    void nulls_failAtOnceNamingTheParameter() {
        assertThatNullPointerException().isThrownBy(() -> Cooldown.of(null)).withMessage("duration");
        Cooldown cooldown = Cooldown.of(Duration.ofHours(1));
        assertThatNullPointerException().isThrownBy(() -> cooldown.formats((String[]) null)).withMessage("formats");
        assertThatNullPointerException().isThrownBy(() -> cooldown.formats("pypi", null)).withMessage("formats[1]");
    }

    @Test
    void equals_comparesDurationAndFormats() {
        Cooldown a = Cooldown.of(Duration.ofDays(3));
        assertThat(a).isEqualTo(Cooldown.of(Duration.ofHours(72))).hasSameHashCodeAs(Cooldown.of(Duration.ofHours(72)));
        assertThat(a).isNotEqualTo(Cooldown.of(Duration.ofDays(4)));
        assertThat(a).isNotEqualTo(a.formats("pypi"));
        assertThat(a.formats("npm")).isEqualTo(a.formats("npm"));
        assertThat(a).isNotEqualTo("PT72H");
        assertThat(a).isEqualTo(a);
    }
}
