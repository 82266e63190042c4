package io.mlregistry.internal.rules;

import io.mlregistry.internal.rules.PackageGroupPatterns.Parsed;
import io.mlregistry.internal.rules.PackageGroupPatterns.Shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** AWS's package group grammar: the six shapes, where {@code *} may stand, namespaces, normalized names. */
class PackageGroupPatternsTest {

    private static final String SHAPES = "must take one of AWS's six shapes: /*, /<format>/*, "
            + "/<format>/<namespace prefix>~, /<format>/<namespace>/*, /<format>/<namespace>/<name prefix>~ or "
            + "/<format>/<namespace>/<name>$";
    private static final String STAR = "must have * only right after a / at its end (all values of the next "
            + "component); end a prefix with ~";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /*                                          | ALL_FORMATS      |          |                       |
            /npm/*                                      | FORMAT           | npm      |                       |
            /maven/com.anycompany~                      | NAMESPACE_PREFIX | maven    | com.anycompany        |
            /npm/space/*                                | NAMESPACE        | npm      | space                 |
            /npm/space/anycompany-ui~                   | NAME_PREFIX      | npm      | space                 | anycompany-ui
            /maven/org.apache.logging.log4j/log4j-core$ | NAME             | maven    | org.apache.logging.log4j | log4j-core
            /pypi//requests$                            | NAME             | pypi     | ''                    | requests
            /pypi//acme-~                               | NAME_PREFIX      | pypi     | ''                    | acme-
            /pypi//*                                    | NAMESPACE        | pypi     | ''                    |
            /npm//react$                                | NAME             | npm      | ''                    | react
            /nuget//anycompany.core~                    | NAME_PREFIX      | nuget    | ''                    | anycompany.core
            /swift/anycompany/ui$                       | NAME             | swift    | anycompany            | ui
            /generic/anycompany/*                       | NAMESPACE        | generic  | anycompany            |
            /ruby//acme~                                | NAME_PREFIX      | ruby     | ''                    | acme
            /cargo//acme$                               | NAME             | cargo    | ''                    | acme
            /maven/com.acme.~                           | NAMESPACE_PREFIX | maven    | com.acme.             |
            """)
    void parse_oneOfTheSixShapes_isAccepted(String pattern, Shape shape, String format, String namespace, String name) {
        assertThat(PackageGroupPatterns.problem(pattern)).isEmpty();
        assertThat(PackageGroupPatterns.parse(pattern)).isEqualTo(new Parsed(shape, Optional.ofNullable(format),
                Optional.ofNullable(namespace), Optional.ofNullable(name)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            /npm/foo*           | STAR
            /npm/space/ui*      | STAR
            /*/acme$            | STAR
            /npm/*/ui$          | STAR
            /npm*               | STAR
            /npm/a~b$           | must have $ or ~ only as its last character
            /npm/a$b~           | must have $ or ~ only as its last character
            /$npm/acme/x$       | must have $ or ~ only as its last character
            /~npm/acme/x$       | must have $ or ~ only as its last character
            /npm~               | SHAPES
            /npm$               | SHAPES
            /npm/acme$          | SHAPES
            /npm/space/ui/x$    | SHAPES
            /npm/space/ui/*     | SHAPES
            /npm/space/~        | SHAPES
            /npm/space/$        | SHAPES
            /maven/~            | SHAPES
            /npm/acme           | must start with / and end with $ (exact), ~ (prefix) or * (all)
            npm/acme/*          | must start with / and end with $ (exact), ~ (prefix) or * (all)
            /                   | must be 2-520 characters without whitespace or control characters
            /npm/ac me/*        | must be 2-520 characters without whitespace or control characters
            /python//requests$  | must start with a package format: /npm/, /pypi/, /maven/, /nuget/, /generic/, /ruby/, /swift/, /cargo/
            //*                 | must start with a package format: /npm/, /pypi/, /maven/, /nuget/, /generic/, /ruby/, /swift/, /cargo/
            /pypi/acme/*        | must not name a namespace: pypi packages have none; write /pypi//<name>$ or /pypi//<name prefix>~
            /pypi/acme~         | must not name a namespace: pypi packages have none; write /pypi//<name>$ or /pypi//<name prefix>~
            /nuget/acme/core$   | must not name a namespace: nuget packages have none; write /nuget//<name>$ or /nuget//<name prefix>~
            /ruby/acme/rails~   | must not name a namespace: ruby packages have none; write /ruby//<name>$ or /ruby//<name prefix>~
            /cargo/acme/*       | must not name a namespace: cargo packages have none; write /cargo//<name>$ or /cargo//<name prefix>~
            /maven//core$       | must name a namespace with a name: maven packages have one
            /generic//tool~     | must name a namespace with a name: generic packages have one
            /swift//ui$         | must name a namespace with a name: swift packages have one
            /pypi//Acme_ML~     | must be written as CodeArtifact normalizes pypi names: /pypi//acme-ml~
            /pypi//Requests$    | must be written as CodeArtifact normalizes pypi names: /pypi//requests$
            /nuget//Acme.Core~  | must be written as CodeArtifact normalizes nuget names: /nuget//acme.core~
            /swift/Acme/ui$     | must be written as CodeArtifact normalizes swift names: /swift/acme/ui$
            /swift/Acme~        | must be written as CodeArtifact normalizes swift names: /swift/acme~
            /swift/Acme/*       | must be written as CodeArtifact normalizes swift names: /swift/acme/*
            """)
    void problem_patternOutsideTheGrammar_namesTheRule(String pattern, String rule) {
        String expected = rule.equals("STAR") ? STAR : rule.equals("SHAPES") ? SHAPES : rule;

        assertThat(PackageGroupPatterns.problem(pattern)).contains(expected);
        assertThatThrownBy(() -> PackageGroupPatterns.parse(pattern))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pattern (" + pattern + ") " + expected);
    }

    @Test
    void problem_lengthLimits_areTheServiceModels() {
        assertThat(PackageGroupPatterns.problem("/*")).isEmpty();
        assertThat(PackageGroupPatterns.problem("/npm/" + "a".repeat(514) + "~")).isEmpty();
        assertThat(PackageGroupPatterns.problem("/npm/" + "a".repeat(515) + "~"))
                .contains("must be 2-520 characters without whitespace or control characters");
        assertThat(PackageGroupPatterns.problem("/npm/a\u0000/*"))
                .contains("must be 2-520 characters without whitespace or control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"npm", "maven", "generic"})
    void normalize_formatsCodeArtifactDoesNotNormalize_keepTheirCase(String format) {
        assertThat(PackageGroupPatterns.normalizeName(format, "Acme_UI")).isEqualTo("Acme_UI");
        assertThat(PackageGroupPatterns.normalizeNamespace(format, "Acme")).isEqualTo("Acme");
        assertThat(PackageGroupPatterns.problem("/" + format + "/Acme/Acme_UI$")).isEmpty();
    }

    @Test
    void normalize_pypiNugetSwift_asAwsDocumentsThem() {
        assertThat(PackageGroupPatterns.normalizeName("pypi", "Pigeon_CLI..x")).isEqualTo("pigeon-cli-x");
        assertThat(PackageGroupPatterns.normalizeName("nuget", "Newtonsoft.JSON")).isEqualTo("newtonsoft.json");
        assertThat(PackageGroupPatterns.normalizeName("swift", "MyPackage")).isEqualTo("mypackage");
        assertThat(PackageGroupPatterns.normalizeNamespace("swift", "MyScope")).isEqualTo("myscope");
        assertThat(PackageGroupPatterns.normalizeNamespace("pypi", "X")).isEqualTo("X");
    }
}
