package io.mlregistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The examples depend on this very version of the library, as published, and nothing else of it. */
class ExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    private static List<Path> examplePoms() throws IOException {
        try (Stream<Path> dirs = Files.list(EXAMPLES)) {
            return dirs.map(dir -> dir.resolve("pom.xml")).filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void everyExample_dependsOnThisVersionOfThePublishedArtifact() throws IOException {
        String version = System.getProperty("project.version");
        assertThat(version).as("project.version, set by the build").isNotBlank();
        List<Path> poms = examplePoms();

        assertThat(poms).extracting(p -> p.getParent().getFileName().toString())
                .containsExactly("benchmark", "cross-account", "ml-platform", "quickstart");
        for (Path pom : poms) {
            String text = Files.readString(pom);
            Matcher declared = Pattern.compile("<mlregistry.version>([^<]+)</mlregistry.version>").matcher(text);
            assertThat(declared.find()).as(pom + " declares mlregistry.version").isTrue();
            assertThat(declared.group(1)).as(pom.toString()).isEqualTo(version);
            assertThat(text).as(pom + " must not reach into the source tree")
                    .doesNotContain("<parent>").doesNotContain("../library").doesNotContain("<systemPath>");
            assertThat(Files.isRegularFile(pom.resolveSibling("Pulumi.yaml"))).as(pom + " has a Pulumi.yaml").isTrue();
            assertThat(Files.readString(pom.resolveSibling("Pulumi.yaml"))).contains("runtime: java");
            assertThat(Files.isRegularFile(pom.resolveSibling("README.md"))).as(pom + " has a README").isTrue();
        }
    }
}
