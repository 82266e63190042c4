package io.mlregistry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewMainTest {

    private static final String SMALL = PreviewFixtures.Small.class.getName();
    private static final String CONFIG = PreviewFixtures.RequiresConfig.class.getName();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path project;

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
        int status = run(SMALL, "dev", "us-east-1");

        assertThat(err()).isEmpty();
        assertThat(status).isZero();
        Golden.assertMatches("preview-small.txt", out());
    }

    @Test
    void run_withPolicies_printsEveryDocumentInFull() {
        assertThat(run("--policies", SMALL)).isZero();

        assertThat(out()).contains("\"Sid\": \"ReadersGetToken\",")
                .doesNotContain("--policies prints it");
    }

    @Test
    void run_withoutPolicies_namesEachDocumentsStatements() {
        assertThat(run(SMALL)).isZero();

        assertThat(out()).contains("policyDocument: policy of 1 statement (ReadersGetToken); --policies prints it")
                .doesNotContain("\"Sid\"");
    }

    @Test
    void run_withoutRegion_showsTheRegionAsAPlaceholder() {
        assertThat(run(SMALL)).isZero();

        assertThat(out()).contains("pip_index_url: https://ml-dependencies-<account-id>.d.codeartifact.<region>.amazonaws.com"
                + "/pypi/ml-models/simple/");
    }

    @Test
    void run_keyCreatedInTheSameStack_previewsWithAPlaceholderKeyArn() {
        int status = run(PreviewFixtures.ByoKey.class.getName());

        assertThat(err()).isEmpty();
        assertThat(status).isZero();
        assertThat(out()).contains("    kms_key_arn: arn:aws:kms:<region>:<account-id>:key/<key-id>\n")
                .contains("encryptionKey: arn:aws:kms:<region>:<account-id>:key/<key-id>");
    }

    @Test
    void run_classWithOnlyMain_previewsTheStackItPassesToPulumiRun() {
        int status = run(PreviewFixtures.MainOnly.class.getName());

        assertThat(err()).isEmpty();
        assertThat(status).isZero();
        assertThat(out()).contains("    pipIndexUrl: https://ml-platform-<account-id>.d.codeartifact.<region>.amazonaws.com"
                + "/pypi/ml-models/simple/\n");
    }

    @Test
    void run_requiredConfigInTheStackFile_readsItWithTheProjectName() throws IOException {
        Files.writeString(project.resolve("Pulumi.yaml"), "name: acme-ml\nruntime: java\n");
        Files.writeString(project.resolve("Pulumi.prod.yaml"), "config:\n"
                + "  aws:region: eu-west-1\n"
                + "  acme-ml:domainName: acme-ml   # the domain\n"
                + "  organizationId: \"o-a1b2c3d4e5\"\n"
                + "  acme-ml:webhookToken:\n"
                + "    secure: AAABAKVc2VjcmV0\n");

        int status = run("--dir", project.toString(), "--stack", "prod", CONFIG);

        assertThat(err()).isEmpty();
        assertThat(status).isZero();
        assertThat(out()).startsWith("Offline plan of project acme-ml, stack prod (" + CONFIG + "), on the Pulumi mock engine.\n"
                + "Nothing was sent to AWS. <placeholders> are assigned by AWS or Pulumi at deploy time.\n"
                + "Config: aws:region=eu-west-1 acme-ml:domainName=acme-ml acme-ml:organizationId=o-a1b2c3d4e5"
                + " acme-ml:webhookToken=[secret]\n"
                + "Encrypted in Pulumi.prod.yaml, read as <secret>: acme-ml:webhookToken"
                + " (pass --config KEY=VALUE to preview with a value)\n")
                .contains("pulumi:pulumi:Stack  acme-ml-prod\n")
                .contains("    organization o-a1b2c3d4e5       acme-ml/ml-models: read\n")
                .contains("Organizations: o-a1b2c3d4e5\n")
                .contains("encryptionKey: arn:aws:kms:eu-west-1:<account-id>:key/<key-id>\n")
                .contains("    token: [secret]\n");
    }

    @Test
    void run_requiredConfigOnTheCommandLine_masksSecretValues() throws IOException {
        Files.writeString(project.resolve("Pulumi.yaml"), "name: acme-ml\n");
        Files.writeString(project.resolve("Pulumi.dev.yaml"), "config:\n  acme-ml:webhookToken:\n    secure: AAABAKVc2VjcmV0\n");

        int status = run("--dir", project.toString(), "--config", "domainName=ml", "--config", "organizationId=o-a1b2c3d4e5",
                "--config", "webhookToken=hunter2-webhook", "--format", "json", CONFIG);

        assertThat(err()).isEmpty();
        assertThat(status).isZero();
        assertThat(out()).contains("\"token\": \"[secret]\"").doesNotContain("hunter2-webhook");
    }

    @Test
    void run_defaultsInPulumiYaml_areOverriddenByTheStackFile() throws IOException {
        Files.writeString(project.resolve("Pulumi.yaml"), "name: acme-ml\nruntime: java\nconfig:\n"
                + "  domainName:\n    type: string\n    default: from-project\n"
                + "  organizationId: o-a1b2c3d4e5\n"
                + "  webhookToken: not-a-secret\n");
        Files.writeString(project.resolve("Pulumi.dev.yaml"), "config:\n  acme-ml:domainName: from-stack\n");

        int status = run("--dir", project.toString(), CONFIG);

        assertThat(err()).isEmpty();
        assertThat(status).isZero();
        assertThat(out()).contains("Config: acme-ml:domainName=from-stack acme-ml:organizationId=o-a1b2c3d4e5"
                + " acme-ml:webhookToken=not-a-secret\n");
    }

    @Test
    void run_missingRequiredConfig_saysWhereToSetIt() {
        int status = run(CONFIG);

        assertThat(status).isEqualTo(1);
        assertThat(err()).isEqualTo("preview: the program failed:\n"
                + "  missing required configuration variable 'testing:domainName': set it in Pulumi.dev.yaml"
                + " or pass --config domainName=<value>\n");
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
    void run_programThatThrows_printsTheMessageOnlyAndRecordsItOnce() {
        List<LogRecord> printed = new ArrayList<>();
        Handler console = new Handler() {
            @Override
            public void publish(LogRecord record) {
                printed.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(console);
        int status;
        try {
            status = run(PreviewFixtures.Throws.class.getName());
        } finally {
            root.removeHandler(console);
        }

        assertThat(status).isEqualTo(1);
        assertThat(err()).isEqualTo("preview: the program failed:\n  the program gave up\n");
        assertThat(printed).as("records that reach the console handlers").isEmpty();
        assertThat(StackRecording.run(AwsMocks.create(), PreviewFixtures.Throws::stack).exceptions()).hasSize(1);
    }

    @Test
    void run_mainFailsBeforePulumiRun_printsTheMessageOnly() {
        int status = run(PreviewFixtures.MainThrows.class.getName());

        assertThat(status).isEqualTo(1);
        assertThat(err()).isEqualTo("preview: the program failed:\n  no stack for you\n");
    }

    @Test
    void run_verbose_addsTheStackTraceAndTheEngineLog() {
        int status = run("--verbose", PreviewFixtures.Throws.class.getName());

        assertThat(status).isEqualTo(1);
        assertThat(err()).startsWith("preview: the program failed:\n  the program gave up\n")
                .contains("at io.mlregistry.testing.PreviewFixtures$Throws.stack(")
                .contains("SEVERE: ");
    }

    @Test
    void run_oneComponentNameTwice_failsNamingTheDuplicates() {
        int status = run(PreviewFixtures.Duplicate.class.getName());

        assertThat(status).isEqualTo(1);
        assertThat(out()).isEmpty();
        // The registry refuses the second declaration itself, before the engine would.
        assertThat(err()).isEqualTo("preview: the program failed:\n"
                + "  registry ml: the name ml is already given to another registry of this stack; the engine refuses a"
                + " duplicate URN: give each registry a distinct name\n");
    }

    @Test
    void run_mermaid_drawsDomainsRepositoriesAndUpstreams() {
        assertThat(run("--format", "mermaid", SMALL)).isZero();

        assertThat(out()).isEqualTo("flowchart LR\n"
                + "  subgraph d_ml_dependencies[\"domain ml-dependencies\"]\n"
                + "    r_ml_dependencies_ml_models[\"ml-models\"]\n"
                + "    r_ml_dependencies_pypi_store[\"pypi-store\"]\n"
                + "  end\n"
                + "  x_public_pypi((\"public:pypi\"))\n"
                + "  r_ml_dependencies_ml_models -->|1| r_ml_dependencies_pypi_store\n"
                + "  r_ml_dependencies_pypi_store --> x_public_pypi\n");
    }

    @Test
    void run_json_listsResourcesOutputsAndNoProblems() {
        assertThat(run("--format", "json", SMALL)).isZero();

        JsonObject plan = JsonParser.parseString(out()).getAsJsonObject();
        assertThat(plan.getAsJsonArray("resources")).hasSize(11);
        assertThat(plan.getAsJsonArray("problems")).isEmpty();
        assertThat(plan.getAsJsonObject("outputs").get("domain_arn").getAsString())
                .isEqualTo("arn:aws:codeartifact:<region>:<account-id>:domain/ml-dependencies");
        assertThat(plan.getAsJsonArray("resources").get(0).getAsJsonObject().get("type").getAsString())
                .isEqualTo("pulumi:pulumi:Stack");
    }

    @Test
    void run_unknownClass_saysSoAndExitsWithTwo() {
        assertThat(run("com.example.Missing")).isEqualTo(2);
        assertThat(err()).isEqualTo("preview: no class com.example.Missing on the classpath\n");
    }

    @Test
    void run_classWithoutEntryPoint_saysWhatIsMissing() {
        assertThat(run(PreviewFixtures.NoStack.class.getName())).isEqualTo(2);
        assertThat(err()).isEqualTo("preview: " + PreviewFixtures.NoStack.class.getName()
                + " has neither public static void stack(com.pulumi.Context) nor public static void main(String[])\n");
    }

    @Test
    void run_unknownFormat_printsUsage() {
        assertThat(run("--format", "yaml", SMALL)).isEqualTo(2);
        assertThat(err()).startsWith("preview: --format (yaml) must be text, json or mermaid\nusage: PreviewMain ");
    }

    @Test
    void run_noArguments_printsUsage() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).startsWith("usage: PreviewMain [--stack NAME]");
    }
}
