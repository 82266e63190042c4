package io.mlregistry.internal.outputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import com.pulumi.core.internal.OutputInternal;
import io.mlregistry.internal.rules.Problems;
import io.mlregistry.internal.rules.Rules;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;

class KnownTest {

    private static final BiConsumer<String, Problems> DOMAIN_RULE = (value, problems) -> {
        if (!Rules.isDomainName(value)) {
            problems.add("domainName", value, "must match " + Rules.DOMAIN_NAME_RULE);
        }
    };

    private static OutputData<String> data(Output<String> output) {
        return Internal.of(output).getDataAsync().join();
    }

    @Test
    void now_plainValue_isKnown_secretFlagKept() {
        assertThat(Known.now(Output.of("ml"))).contains(new Known.Value<>("ml", false));
        assertThat(Known.now(Output.ofSecret("ml"))).contains(new Known.Value<>("ml", true));
    }

    @Test
    void now_unresolvedUnknownNullOrAbsent_isEmpty() {
        assertThat(Known.now(Output.of(new CompletableFuture<String>()))).isEmpty();
        assertThat(Known.now(new OutputInternal<>(OutputData.<String>unknown()))).isEmpty();
        assertThat(Known.now(Output.ofNullable((String) null))).isEmpty();
        assertThat(Known.now(null)).isEmpty();
    }

    @Test
    void checked_validValue_passesWithItsSecrecy() {
        OutputData<String> result = data(Known.checked(Output.ofSecret("ml-platform"), DOMAIN_RULE));

        assertThat(result.getValueNullable()).isEqualTo("ml-platform");
        assertThat(result.isSecret()).isTrue();
    }

    @Test
    void checked_invalidValue_failsWithTheRulesMessage_asARunExceptionCausedByTheCallersFault() {
        String message = "domainName (ML) must match [a-z][a-z0-9-]{0,48}[a-z0-9]";
        assertThatThrownBy(() -> data(Known.checked(Output.of("ML"), DOMAIN_RULE)))
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(com.pulumi.exceptions.RunException.class).hasMessage(message)
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void checked_withARegistry_prefixesEveryLine_andAPreviewsUnreadableSecretPasses() {
        BiConsumer<String, Problems> twoLines = (value, problems) -> {
            problems.add("domainName", value, "is wrong");
            problems.addLine("and so is this");
        };
        assertThatThrownBy(() -> data(Known.checked(Output.of("ML"), "ml", twoLines)))
                .cause().hasMessage("registry ml: domainName (ML) is wrong\nregistry ml: and so is this");
        assertThat(data(Known.checked(Output.ofSecret(Known.UNREADABLE), "ml", twoLines)).getValueNullable())
                .isEqualTo(Known.UNREADABLE);
        assertThatThrownBy(() -> data(Known.checked(Output.of(Known.UNREADABLE), "ml", twoLines)))
                .cause().hasMessageStartingWith("registry ml: domainName (<secret>) is wrong");
    }

    @Test
    void values_keepEachValuesSecrecy_masked_hidesSecretsLongestFirst() {
        java.util.List<Known.Value<String>> values = Internal.of(Known.values(java.util.List.of(Output.of("a"),
                Output.ofSecret("b")))).getDataAsync().join().getValueNullable();

        assertThat(values).containsExactly(new Known.Value<>("a", false), new Known.Value<>("b", true));
        assertThat(Known.masked("x (abc) y (ab) z", java.util.List.of("ab", "abc", ""))).isEqualTo("x ([secret]) y ([secret]) z");
    }

    @Test
    void throwIfAny_throwsTheFailureOnlyWithProblems() {
        Problems problems = new Problems();
        Known.throwIfAny(problems);
        problems.addLine("one");
        problems.addLine("two");

        assertThatThrownBy(() -> Known.throwIfAny(problems)).isInstanceOf(com.pulumi.exceptions.RunException.class)
                .hasMessage("one\ntwo").cause().isInstanceOf(IllegalArgumentException.class).hasMessage("one\ntwo");
    }

    @Test
    void checked_invalidSecret_isShownAsSecret() {
        assertThatThrownBy(() -> data(Known.checked(Output.ofSecret("Hidden_Name"), DOMAIN_RULE)))
                .cause().hasMessage("domainName ([secret]) must match [a-z][a-z0-9-]{0,48}[a-z0-9]");
    }

    @Test
    void checked_unknownValue_passesUnchecked() {
        OutputData<String> result = data(Known.checked(new OutputInternal<>(OutputData.<String>unknown()), DOMAIN_RULE));

        assertThat(result.isKnown()).isFalse();
    }

    @Test
    void sameValue_knownValuesCompareByValue_othersByIdentity() {
        Output<String> unknown = new OutputInternal<>(OutputData.<String>unknown());

        assertThat(Known.sameValue(null, null)).isTrue();
        assertThat(Known.sameValue(Output.of("a"), Output.of("a"))).isTrue();
        assertThat(Known.sameValue(Output.of("a"), Output.of("b"))).isFalse();
        assertThat(Known.sameValue(Output.of("a"), null)).isFalse();
        assertThat(Known.sameValue(null, Output.of("a"))).isFalse();
        assertThat(Known.sameValue(unknown, unknown)).isTrue();
        assertThat(Known.sameValue(unknown, new OutputInternal<>(OutputData.<String>unknown()))).isFalse();
        assertThat(Known.sameValue(unknown, Output.of("a"))).isFalse();
    }

    @Test
    void valueHash_agreesWithSameValue() {
        Output<String> unknown = new OutputInternal<>(OutputData.<String>unknown());

        assertThat(Known.valueHash(null)).isZero();
        assertThat(Known.valueHash(Output.of("a"))).isEqualTo("a".hashCode());
        assertThat(Known.valueHash(unknown)).isEqualTo(System.identityHashCode(unknown));
    }
}
