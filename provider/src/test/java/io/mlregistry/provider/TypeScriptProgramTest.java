package io.mlregistry.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import io.mlregistry.MlDependencyRegistry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * examples/typescript, a program using {@code @pulumi/pulumi} from npm, run by the Node.js SDK's
 * own entry point against the test engine, with the provider as a separate process: what a
 * {@code pulumi up} and a {@code pulumi preview} of that stack do, without the CLI and without AWS.
 * The build installs the pinned packages ({@code npm ci}) and compiles the program before the tests.
 */
class TypeScriptProgramTest {

    private static final Path PROGRAM = Path.of(System.getProperty("typescript.example", "../examples/typescript"))
            .toAbsolutePath().normalize();

    private record Run(int exitCode, String output) {
    }

    private static Run run(TestEngine engine) throws IOException, InterruptedException {
        assertThat(PROGRAM.resolve("node_modules/@pulumi/pulumi/package.json"))
                .as("npm ci in examples/typescript (the build runs it)").isRegularFile();
        assertThat(PROGRAM.resolve("bin/index.js")).as("the compiled program (the build runs tsc)").isRegularFile();
        try (ProviderProcess provider = new ProviderProcess(engine.address())) {
            engine.useProvider(provider.address());
            List<String> command = new ArrayList<>(List.of("node",
                    PROGRAM.resolve("node_modules/@pulumi/pulumi/cmd/run").toString(),
                    "--monitor", engine.address(),
                    "--engine", engine.address(),
                    "--organization", "organization",
                    "--project", engine.project(),
                    "--stack", engine.stack(),
                    "--pwd", PROGRAM.toString(),
                    "--dry-run", Boolean.toString(engine.dryRun()),
                    "."));
            Path output = Files.createTempFile("mlregistry-typescript", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(PROGRAM.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("PULUMI_NODEJS_TYPESCRIPT", "false");
            Process node = builder.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!node.waitFor(200, TimeUnit.MILLISECONDS)) {
                assertThat(System.nanoTime()).as("the program ends within 120 s").isLessThan(deadline);
                // The engine ends the program once a step has failed and the error is reported;
                // left alone, the Node.js SDK lingers on its open gRPC channels for over a minute.
                if (engine.failureReported()) {
                    node.destroy();
                }
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            return new Run(node.exitValue(), text);
        }
    }

    private static Map<String, Wire> stackOutputs(TestEngine engine) {
        String stackUrn = engine.registration("pulumi:pulumi:Stack", "mlregistry-typescript-dev").urn();
        Struct outputs = engine.componentOutputs(stackUrn).orElseThrow();
        return Wire.read(outputs);
    }

    @Test
    void up_buildsTheRegistry_withTags_andPrincipalsFromAnotherResourcesOutput() throws Exception {
        try (TestEngine engine = new TestEngine("mlregistry-typescript", "dev", false)) {
            Run run = run(engine);

            assertThat(run.exitCode()).as(run.output() + engine.logs()).isZero();
            TestEngine.Registration remote = engine.registrations().stream()
                    .filter(r -> r.type().equals(MlDependencyRegistry.TYPE) && r.remote()).findFirst().orElseThrow();
            String roleUrn = engine.registration("aws:iam/role:Role", "ci").urn();
            assertThat(remote.inputs().get("publisherPrincipals").items().get(0).dependencies()).contains(roleUrn);
            assertThat(remote.inputs().get("tags").fields().get("cost-centre").secret()).isTrue();

            TestEngine.Registration domain = engine.registration("aws:codeartifact/domain:Domain", "ml-domain");
            assertThat(domain.plainInputs().get("tags")).isEqualTo(Map.of("team", "ml-platform", "cost-centre", "4711"));
            assertThat(domain.inputs().get("tags").containsSecret()).isTrue();
            TestEngine.Registration policy = engine.registration(
                    "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy", "ml-repository-policy");
            assertThat(policy.dependencies()).contains(roleUrn);
            assertThat((String) policy.plainInputs().get("policyDocument"))
                    .contains("arn:aws:iam::123456789012:role/ci")
                    .contains("arn:aws:iam::123456789012:role/sagemaker-execution");

            Map<String, Wire> outputs = stackOutputs(engine);
            assertThat(outputs.get("repositoryArn").value())
                    .isEqualTo("arn:aws:codeartifact:us-east-1:123456789012:repository/ml-platform/ml-models");
            assertThat(outputs.get("pypiIndexUrl").value())
                    .isEqualTo("https://ml-platform-123456789012.d.codeartifact.us-east-1.amazonaws.com/pypi/ml-models/simple/");
            assertThat(outputs.get("upstreams").items()).extracting(Wire::value).containsExactly("pypi-store");
            assertThat(outputs.get("packageGroups").items()).extracting(Wire::value).containsExactly("/pypi//acme-~");
            TestEngine.Registration team = engine.registrations().stream()
                    .filter(r -> r.type().equals(MlDependencyRegistry.TYPE) && r.remote() && r.name().equals("vision"))
                    .findFirst().orElseThrow();
            assertThat(team.inputs().get("inDomainOf").kind()).isEqualTo(Wire.Kind.RESOURCE);
            assertThat(team.inputs().get("inDomainOf").value()).isEqualTo(remote.urn());
            assertThat(engine.registrations()).filteredOn(r -> r.type().equals("aws:codeartifact/repository:Repository"))
                    .extracting(r -> r.plainInputs().get("repository"))
                    .containsExactlyInAnyOrder("pypi-store", "ml-models", "vision-models");
            TestEngine.Registration vision = engine.registration("aws:codeartifact/repository:Repository", "vision-repository");
            assertThat(vision.plainInputs()).containsEntry("domain", "ml-platform").containsEntry("upstreams",
                    List.of(Map.of("repositoryName", "ml-models"), Map.of("repositoryName", "pypi-store")));
            assertThat(vision.dependencies()).contains(
                    engine.registration("aws:codeartifact/repository:Repository", "ml-upstream-pypi-store").urn(),
                    engine.registration("aws:codeartifact/repository:Repository", "ml-repository").urn());
        }
    }

    @Test
    void preview_withTheRolesArnUnknown_plansEveryChild() throws Exception {
        try (TestEngine engine = new TestEngine("mlregistry-typescript", "dev", true)) {
            Run run = run(engine);

            assertThat(run.exitCode()).as(run.output() + engine.logs()).isZero();
            TestEngine.Registration remote = engine.registrations().stream()
                    .filter(r -> r.type().equals(MlDependencyRegistry.TYPE) && r.remote()).findFirst().orElseThrow();
            assertThat(remote.inputs().get("publisherPrincipals").items().get(0).kind()).isEqualTo(Wire.Kind.UNKNOWN);
            assertThat(engine.registration("aws:codeartifact/repository:Repository", "ml-repository")).isNotNull();
            TestEngine.Registration policy = engine.registration(
                    "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy", "ml-repository-policy");
            assertThat(policy.inputs().get("policyDocument").kind()).isEqualTo(Wire.Kind.UNKNOWN);
            Map<String, Wire> outputs = stackOutputs(engine);
            assertThat(outputs.get("repositoryArn").kind()).isEqualTo(Wire.Kind.UNKNOWN);
        }
    }

    @Test
    void invalidArgs_theProgramPrintsTheLibrarysLines() throws Exception {
        Path program = PROGRAM.resolve("bin/index.js");
        String original = Files.readString(program);
        try (TestEngine engine = new TestEngine("mlregistry-typescript", "dev", false)) {
            Files.writeString(program, original.replace("\"ml-platform\"", "\"ML_Platform\"")
                    .replace("\"ml-models\"", "\"ml models\""));
            Run run = run(engine);

            assertThat(run.exitCode()).isNotZero();
            assertThat(String.join("\n", engine.logs()) + run.output())
                    .contains("domainName (ML_Platform) must")
                    .contains("repositoryName (ml models) must")
                    .doesNotContain("Multiple exceptions occurred");
        } finally {
            Files.writeString(program, original);
        }
    }
}
