package io.mlregistry.internal.privateaccess;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class SamenessTest {

    /** An output of a resource, whose value is not known while the program runs. */
    static Output<String> pending() {
        return Output.of(new CompletableFuture<String>());
    }

    @Test
    void same_knownValues_compareByValue_outputsOfResourcesByIdentity() {
        Output<String> vpc = pending();

        assertThat(Sameness.same(Output.of("vpc-1"), Output.of("vpc-1"))).isTrue();
        assertThat(Sameness.same(Output.of("vpc-1"), Output.of("vpc-2"))).isFalse();
        assertThat(Sameness.same(vpc, vpc)).isTrue();
        assertThat(Sameness.same(vpc, pending())).isFalse();
        assertThat(Sameness.same(vpc, Output.of("vpc-1"))).isFalse();
    }

    @Test
    void same_lists_sameInputsInTheSameOrder() {
        Output<String> a = Output.of("a");
        Output<String> b = Output.of("b");
        assertThat(Sameness.same(List.of(a, b), List.of(Output.of("a"), Output.of("b")))).isTrue();
        assertThat(Sameness.same(List.of(a, b), List.of(b, a))).isFalse();
        assertThat(Sameness.same(List.of(a), List.of(a, b))).isFalse();
        assertThat(Sameness.same(List.<Output<String>>of(), List.of())).isTrue();
    }

    @Test
    void same_optionals_absentInBothOrTheSame() {
        assertThat(Sameness.same(Optional.empty(), Optional.empty())).isTrue();
        assertThat(Sameness.same(Optional.of(Output.of("a")), Optional.empty())).isFalse();
        assertThat(Sameness.same(Optional.empty(), Optional.of(Output.of("a")))).isFalse();
        assertThat(Sameness.same(Optional.of(Output.of("a")), Optional.of(Output.of("a")))).isTrue();
        assertThat(Sameness.same(Optional.of(Output.of("a")), Optional.of(Output.of("b")))).isFalse();
    }

    @Test
    void key_knownValue_isTheValue_elseTheOutput() {
        Output<String> vpc = pending();
        assertThat(Sameness.key(Output.of("vpc-1"))).isEqualTo("vpc-1");
        assertThat(Sameness.key(vpc)).isSameAs(vpc);
        assertThat(Sameness.contains(List.of(Output.of("x"), vpc), vpc)).isTrue();
        assertThat(Sameness.contains(List.of(Output.of("x")), Output.of("y"))).isFalse();
    }

    @Test
    void hash_consistentWithSame() {
        Output<String> vpc = pending();
        assertThat(Sameness.hash(Output.of("vpc-1"))).isEqualTo(Sameness.hash(Output.of("vpc-1"))).isEqualTo("vpc-1".hashCode());
        assertThat(Sameness.hash(vpc)).isEqualTo(System.identityHashCode(vpc));
    }
}
