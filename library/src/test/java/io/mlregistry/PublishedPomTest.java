package io.mlregistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The POM consumers download (written by the flatten plugin before the tests run) is complete and
 * clean: project metadata present, no parent to fetch, no build settings, no property left
 * unresolved, and only the runtime dependencies, each with its version.
 */
class PublishedPomTest {

    private static String pom() throws IOException {
        String path = System.getProperty("published.pom");
        assertThat(path).as("published.pom, set by the build").isNotBlank();
        return Files.readString(Path.of(path));
    }

    @Test
    void publishedPom_carriesTheProjectMetadata() throws IOException {
        String pom = pom();

        assertThat(pom)
                .contains("<groupId>io.mlregistry</groupId>")
                .contains("<artifactId>mlregistry</artifactId>")
                .contains("<version>" + System.getProperty("project.version") + "</version>")
                .contains("<name>mlregistry</name>")
                .contains("<description>Pulumi component (Java) for a private, KMS-encrypted AWS CodeArtifact registry")
                .contains("<url>https://github.com/mlregistry/mlregistry</url>")
                .contains("<name>Apache-2.0</name>")
                .contains("<connection>scm:git:https://github.com/mlregistry/mlregistry.git</connection>")
                .contains("<developer>");
    }

    @Test
    void publishedPom_leaksNoBuildSettings() throws IOException {
        String pom = pom();

        assertThat(pom).doesNotContain("<parent>").doesNotContain("<build>").doesNotContain("<properties>")
                .doesNotContain("<dependencyManagement>").doesNotContain("<repositories>").doesNotContain("${")
                .doesNotContain("<scope>test</scope>");
    }

    @Test
    void publishedPom_listsExactlyTheRuntimeDependenciesWithVersions() throws IOException {
        Matcher dependency = Pattern.compile(
                "<dependency>\\s*<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom());
        StringBuilder found = new StringBuilder();
        while (dependency.find()) {
            found.append(dependency.group(1)).append(':').append(dependency.group(2)).append('\n');
            assertThat(dependency.group(3)).as(dependency.group(2) + " version").matches("[0-9][0-9A-Za-z.-]*");
        }

        assertThat(found.toString().lines()).containsExactly(
                "com.pulumi:pulumi", "com.pulumi:aws", "com.google.guava:guava",
                "software.amazon.awssdk:iam-policy-builder", "com.google.code.gson:gson");
    }
}
