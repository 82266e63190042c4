package io.mlregistry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PreviewMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return PreviewMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void run_smallRegistry_printsTheGoldenPlan() throws IOException {
        int status = run(PreviewFixtures.Small.class.getName(), "dev", "us-east-1");

        assertThat(status).isZero();
        assertThat(err()).isEmpty();
        String golden;
        try (InputStream in = PreviewMainTest.class.getResourceAsStream("/golden/preview-small.txt")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(out()).isEqualTo(golden);
    }

    @Test
    void run_withoutRegion_showsTheRegionAsAPlaceholder() {
        assertThat(run(PreviewFixtures.Small.class.getName())).isZero();

        assertThat(out()).contains("pip_index_url: https://ml-dependencies-<account-id>.d.codeartifact.<region>.amazonaws.com"
                + "/pypi/ml-models/simple/");
    }

    @Test
    void run_invalidArgs_printsEveryProblemAndNoStackTrace() {
        int status = run(PreviewFixtures.Invalid.class.getName());

        assertThat(status).isEqualTo(1);
        assertThat(out()).isEmpty();
        assertThat(err()).isEqualTo("preview: the program failed:\n"
                + "  domainName (ML) must be 2-50 characters matching [a-z][a-z0-9-]{0,48}[a-z0-9]\n"
                + "  repositoryName (ml models) must be 2-100 characters matching [A-Za-z0-9][A-Za-z0-9._-]{1,99}\n");
    }

    @Test
    void run_unknownClass_saysSoAndExitsWithTwo() {
        assertThat(run("com.example.Missing")).isEqualTo(2);
        assertThat(err()).isEqualTo("preview: no class com.example.Missing on the classpath\n");
    }

    @Test
    void run_classWithoutStackMethod_saysWhatIsMissing() {
        assertThat(run(PreviewFixtures.NoStack.class.getName())).isEqualTo(2);
        assertThat(err()).isEqualTo("preview: " + PreviewFixtures.NoStack.class.getName()
                + " has no public static void stack(com.pulumi.Context)\n");
    }

    @Test
    void run_noArguments_printsUsage() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).startsWith("usage: PreviewMain <program class");
    }
}
