package io.mlregistry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files and generated sections of documents. With {@code -Dgolden.update=true} each check
 * rewrites the file (or the section) instead of comparing, so that after a deliberate change one
 * command regenerates every golden:
 * {@code mvn -B -pl library test -Dtest='PreviewMainTest,ExamplePlansTest' -Dgolden.update=true}.
 */
final class Golden {

    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private Golden() {
    }

    /** Compares {@code actual} with the golden file under {@code src/test/resources/golden}. */
    static void assertMatches(String name, String actual) throws IOException {
        Path file = Path.of("src", "test", "resources", "golden", name);
        if (UPDATE) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("golden " + file + " (regenerate with -Dgolden.update=true)")
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Compares {@code actual} with the text between the lines {@code <!-- begin: marker -->} and
     * {@code <!-- end: marker -->} of a document.
     */
    static void assertSection(Path document, String marker, String actual) throws IOException {
        String begin = "<!-- begin: " + marker + " (generated; see library/src/test/java/io/mlregistry/testing/Golden.java) -->\n";
        String end = "<!-- end: " + marker + " -->";
        String text = Files.readString(document, StandardCharsets.UTF_8);
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        assertThat(from).as(document + " has the line " + begin.strip()).isNotNegative();
        assertThat(to).as(document + " has the line " + end).isGreaterThan(from);
        if (UPDATE) {
            text = text.substring(0, from + begin.length()) + actual + text.substring(to);
            Files.writeString(document, text, StandardCharsets.UTF_8);
            to = text.indexOf(end);
        }
        assertThat(text.substring(from + begin.length(), to)).as("section " + marker + " of " + document
                + " (regenerate with -Dgolden.update=true)").isEqualTo(actual);
    }
}
