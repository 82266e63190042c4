package io.mlregistry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files of the pure core's generated documents (endpoint policies, client configuration,
 * lifecycle scripts) under {@code src/test/resources/golden}. With {@code -Dgolden.update=true} a
 * check rewrites its file instead of comparing: review the diff, a golden is a claim.
 */
public final class GoldenFiles {

    private GoldenFiles() {
    }

    /** Compares {@code actual} with the golden file, byte for byte. */
    public static void assertMatches(String name, String actual) {
        Path file = Path.of("src", "test", "resources", "golden", name);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertThat(actual).as("golden " + file + " (regenerate with -Dgolden.update=true)")
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
