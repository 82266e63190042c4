package io.mlregistry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plan of each example stack, from its real program compiled from {@code examples/<name>}
 * against this library: its summary and its Mermaid diagram are golden files, and the diagram is
 * the one in the example's README. After changing an example, regenerate all of them with
 * {@code mvn -B -pl library test -Dtest='PreviewMainTest,ExamplePlansTest' -Dgolden.update=true}.
 */
class ExamplePlansTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    @ParameterizedTest
    @ValueSource(strings = {"quickstart", "ml-platform", "cross-account"})
    void preview_example_matchesTheGoldenSummaryAndTheReadmeDiagram(String example) throws Exception {
        Path dir = EXAMPLES.resolve(example);
        try (URLClassLoader loader = compile(example)) {
            String program = mainClass(dir);
            String text = preview(loader, "--dir", dir.toString(), program);
            String mermaid = preview(loader, "--dir", dir.toString(), "--format", "mermaid", program);

            String summary = text.substring(0, text.indexOf("\npulumi:pulumi:Stack") + 1);
            Golden.assertMatches("example-" + example + "-summary.txt", summary);
            Golden.assertMatches("example-" + example + ".mmd", mermaid);
            Golden.assertSection(dir.resolve("README.md"), "mermaid", "```mermaid\n" + mermaid + "```\n");
        }
    }

    @Test
    void preview_readmeSnippet_previewsAsWritten() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int from = readme.indexOf("```java\nimport com.pulumi.Pulumi;");
        assertThat(from).as("README.md has the usage snippet").isNotNegative();
        String snippet = readme.substring(from + "```java\n".length(), readme.indexOf("```", from + 7));
        Path sources = Path.of("target", "readme-snippet", "src");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("App.java"), snippet);

        try (URLClassLoader loader = compile(sources, "readme-snippet")) {
            String plan = preview(loader, "--dir", sources.toString(), "App");

            assertThat(plan).contains("    pipIndexUrl: https://ml-platform-<account-id>.d.codeartifact.<region>.amazonaws.com"
                    + "/pypi/ml-models/simple/\n");
        }
    }

    private static String preview(ClassLoader loader, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        int status;
        try {
            status = PreviewMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
        } finally {
            thread.setContextClassLoader(before);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(status).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The example's {@code mainClass} property. */
    private static String mainClass(Path dir) throws IOException {
        String pom = Files.readString(dir.resolve("pom.xml"));
        int from = pom.indexOf("<mainClass>") + "<mainClass>".length();
        return pom.substring(from, pom.indexOf("</mainClass>", from));
    }

    /** The example's main sources, compiled against the test classpath (this library and its dependencies). */
    private static URLClassLoader compile(String example) throws IOException {
        return compile(EXAMPLES.resolve(example).resolve("src/main/java"), example);
    }

    private static URLClassLoader compile(Path sources, String name) throws IOException {
        Path classes = Path.of("target", "example-classes", name);
        Files.createDirectories(classes);
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).collect(Collectors.toList());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none",
                "-classpath", System.getProperty("java.class.path")));
        args.addAll(files);
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = compiler.run(null, diagnostics, diagnostics, args.toArray(new String[0]));
        assertThat(status).as("compiling " + sources + ":\n" + diagnostics.toString(StandardCharsets.UTF_8)).isZero();
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, ExamplePlansTest.class.getClassLoader());
    }
}
