package io.mlregistry.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProblemsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ml-platform|ml-platform",
            "ml models|ml models",
            "ünïcødé|ünïcødé"})
    void show_printableValue_isShownAsItIs(String value, String shown) {
        assertThat(Problems.show(value)).isEqualTo(shown);
    }

    @Test
    void show_invisibleCharacters_areQuotedAndEscaped() {
        assertThat(Problems.show("")).isEqualTo("\"\"");
        assertThat(Problems.show(" padded")).isEqualTo("\" padded\"");
        assertThat(Problems.show("a\nb")).isEqualTo("\"a\\nb\"");
        assertThat(Problems.show("a\tb\r")).isEqualTo("\"a\\tb\\r\"");
        assertThat(Problems.show("say \"hi\"\u0000")).isEqualTo("\"say \\\"hi\\\"\\u0000\"");
        assertThat(Problems.show("zero\u200bwidth")).isEqualTo("\"zero\\u200bwidth\"");
        assertThat(Problems.show("back\\slash\u0007")).isEqualTo("\"back\\\\slash\\u0007\"");
    }

    @Test
    void throwIfAny_listsEveryProblemOnItsOwnLine() {
        Problems problems = new Problems();
        problems.add("domainName", "ML", "must match x");
        problems.addLine("repositoryName is required");

        assertThat(problems.lines()).hasSize(2);
        assertThatThrownBy(problems::throwIfAny)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("domainName (ML) must match x\nrepositoryName is required");
    }

    @Test
    void throwIfAny_noProblem_doesNotThrow() {
        Problems problems = new Problems();

        problems.throwIfAny();

        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void hasLineStartingWith_looksAtTheStartOfEveryLine() {
        Problems problems = new Problems();
        assertThat(problems.hasLineStartingWith("domainName")).isFalse();
        problems.addLine("repositoryName is required");
        problems.add("domainName", "ML", "must be lowercase");

        assertThat(problems.hasLineStartingWith("domainName (ML)")).isTrue();
        assertThat(problems.hasLineStartingWith("repositoryName")).isTrue();
        assertThat(problems.hasLineStartingWith("is required")).isFalse();
    }
}
