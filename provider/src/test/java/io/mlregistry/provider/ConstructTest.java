package io.mlregistry.provider;

import static io.mlregistry.provider.WireValues.list;
import static io.mlregistry.provider.WireValues.object;
import static io.mlregistry.provider.WireValues.output;
import static io.mlregistry.provider.WireValues.plain;
import static io.mlregistry.provider.WireValues.secret;
import static io.mlregistry.provider.WireValues.struct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Struct;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.mlregistry.InternalNamespace;
import io.mlregistry.MlDependencyRegistry;
import io.mlregistry.MlDependencyRegistryArgs;
import io.mlregistry.OriginRestriction;
import io.mlregistry.PackageGroup;
import io.mlregistry.PrivateAccess;
import io.mlregistry.Upstream;
import io.mlregistry.testing.AwsMocks;
import io.mlregistry.testing.RecordedResource;
import io.mlregistry.testing.StackRecording;
import pulumirpc.Provider;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the provider as the engine does: a {@code Construct} with the test engine's monitor
 * address, the children answered by {@link AwsMocks}. Every kind of wire value reaches the Args,
 * the children equal what the Java API registers for the same Args, and outputs and errors come
 * back as the engine expects them.
 */
class ConstructTest {

    private static final String ROLE = "urn:pulumi:dev::ml::aws:iam/role:Role::ci";
    private static final String KEY = "urn:pulumi:dev::ml::aws:kms/key:Key::brought";

    private TestEngine engine;
    private Server provider;

    private TestEngine start(boolean dryRun) throws IOException {
        return start(dryRun, false);
    }

    private TestEngine start(boolean dryRun, boolean verbose) throws IOException {
        engine = new TestEngine("ml", "dev", dryRun);
        provider = Main.start(engine.address(), verbose);
        engine.useProvider("127.0.0.1:" + provider.getPort());
        engine.registerStack();
        return engine;
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        if (provider != null) {
            provider.shutdownNow();
        }
    }

    /** A registry using every input: the wire form and the same Args through the Java builder. */
    private static Struct everyInput() {
        return struct(
                "domainName", "ml-platform",
                "repositoryName", "ml-models",
                "description", "Models and their dependencies",
                "upstreams", list(
                        object(Map.of("externalConnection", plain("public:pypi"))),
                        object(Map.of("externalConnection", plain("public:npmjs"), "storeRepositoryName", plain("npm-store")))),
                "tags", object(ordered("team", plain("ml"), "cost-centre", plain("42"))),
                "readerPrincipals", list(plain("arn:aws:iam::123456789012:role/sagemaker")),
                "publisherPrincipals", list(plain("arn:aws:iam::123456789012:role/ci")),
                "organizationId", "o-abcdef1234",
                "internalNamespaces", list(
                        object(Map.of("format", plain("pypi"), "namePrefix", plain("acme-"))),
                        object(Map.of("format", plain("npm"), "namespace", plain("acme")))),
                "packageGroups", list(object(Map.of(
                        "pattern", plain("/pypi//torch$"),
                        "description", plain("PyTorch from PyPI only"),
                        "externalUpstream", object(Map.of("mode", plain("ALLOW"))),
                        "publish", object(Map.of("mode", plain("BLOCK")))))),
                "privateAccess", object(Map.of(
                        "vpcId", plain("vpc-0a1b2c3d4e5f60718"),
                        "subnetIds", list(plain("subnet-0a1b2c3d4e5f60718"), plain("subnet-0b1b2c3d4e5f60718")),
                        "allowedCidrs", list(plain("10.20.0.0/16")),
                        "routeTableIds", list(plain("rtb-0a1b2c3d4e5f60718")),
                        "privateDns", plain(false))),
                "requireVpcEndpoints", true,
                "createSageMakerLifecycleConfigs", true,
                "deletionProtection", false);
    }

    private static MlDependencyRegistryArgs everyInputArgs() {
        return MlDependencyRegistryArgs.builder()
                .domainName("ml-platform")
                .repositoryName("ml-models")
                .description("Models and their dependencies")
                .upstreams(Upstream.externalConnection("public:pypi"), Upstream.externalConnection("public:npmjs", "npm-store"))
                .tag("team", "ml")
                .tag("cost-centre", "42")
                .readerPrincipals("arn:aws:iam::123456789012:role/sagemaker")
                .publisherPrincipals("arn:aws:iam::123456789012:role/ci")
                .organizationId("o-abcdef1234")
                .internalNamespaces(InternalNamespace.pypiPrefix("acme-"), InternalNamespace.npmScope("acme"))
                .packageGroups(PackageGroup.builder()
                        .pattern("/pypi//torch$")
                        .description("PyTorch from PyPI only")
                        .externalUpstream(OriginRestriction.allow())
                        .publish(OriginRestriction.block())
                        .build())
                .privateAccess(PrivateAccess.builder()
                        .vpcId("vpc-0a1b2c3d4e5f60718")
                        .subnetIds("subnet-0a1b2c3d4e5f60718", "subnet-0b1b2c3d4e5f60718")
                        .allowedCidrs("10.20.0.0/16")
                        .routeTableIds("rtb-0a1b2c3d4e5f60718")
                        .privateDns(false)
                        .build())
                .requireVpcEndpoints(true)
                .createSageMakerLifecycleConfigs(true)
                .deletionProtection(false)
                .build();
    }

    private static Map<String, Map<String, Object>> children(List<TestEngine.Registration> registrations) {
        return registrations.stream()
                .filter(r -> r.custom())
                .collect(Collectors.toMap(r -> r.type() + "::" + r.name(), TestEngine.Registration::plainInputs,
                        (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test
    void construct_everyInput_registersTheChildrenTheJavaApiRegisters() throws IOException {
        start(false);

        Provider.ConstructResponse response = engine.construct("ml", everyInput(), Map.of());

        StackRecording java = StackRecording.run(AwsMocks.create(),
                ctx -> new MlDependencyRegistry("ml", everyInputArgs(), null));
        assertThat(java.exceptions()).isEmpty();
        Map<String, Map<String, Object>> expected = java.resources().stream()
                .filter(r -> !r.type().equals("pulumi:pulumi:Stack") && !r.type().equals(MlDependencyRegistry.TYPE))
                .collect(Collectors.toMap(r -> r.type() + "::" + r.name(), RecordedResource::inputs,
                        (a, b) -> a, java.util.LinkedHashMap::new));
        assertThat(children(engine.registrations())).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(expected).hasSizeGreaterThan(8);
        assertThat(response.getUrn()).isEqualTo("urn:pulumi:dev::ml::" + MlDependencyRegistry.TYPE + "::ml");
        TestEngine.Registration component = engine.registration(MlDependencyRegistry.TYPE, "ml");
        assertThat(component.custom()).isFalse();
        assertThat(component.parent()).isEqualTo("urn:pulumi:dev::ml::pulumi:pulumi:Stack::ml-dev");
        assertThat(engine.registrations().stream().filter(TestEngine.Registration::custom))
                .allSatisfy(child -> assertThat(child.urn()).contains(MlDependencyRegistry.TYPE + "$"));
    }

    @Test
    void construct_cooldownWithLogOptions_registersTheChildrenTheJavaApiRegisters() throws IOException {
        start(false);
        String key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        Struct inputs = everyInput().toBuilder()
                .putFields("cooldown", object(Map.of("duration", plain("P3D"), "formats", list(plain("pypi")),
                        "notifications", plain(false), "logRetentionDays", plain(30.0),
                        "logKmsKeyArn", output(key, true, false, List.of(KEY)))))
                .build();

        engine.construct("ml", inputs, Map.of());

        io.mlregistry.Cooldown cooldown = io.mlregistry.Cooldown.of(java.time.Duration.ofDays(3))
                .formats("pypi").notifications(false).logRetentionDays(30).logKmsKeyArn(key);
        StackRecording recording = StackRecording.run(AwsMocks.create(), ctx -> new MlDependencyRegistry("ml",
                everyInputArgs().toBuilder().cooldown(cooldown).build(), null));
        assertThat(recording.exceptions()).isEmpty();
        Map<String, Map<String, Object>> expected = recording.resources().stream()
                .filter(r -> !r.type().equals("pulumi:pulumi:Stack") && !r.type().equals(MlDependencyRegistry.TYPE))
                .collect(Collectors.toMap(r -> r.type() + "::" + r.name(), RecordedResource::inputs,
                        (a, b) -> a, java.util.LinkedHashMap::new));
        Map<String, Map<String, Object>> children = children(engine.registrations());
        assertThat(children.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        TestEngine.Registration logs = engine.registration("aws:cloudwatch/logGroup:LogGroup", "ml-cooldown-logs");
        assertThat(logs.plainInputs()).containsEntry("retentionInDays", 30.0).containsEntry("kmsKeyId", key);
        assertThat(logs.dependencies()).contains(KEY);
        assertThat(children.get("aws:cloudwatch/logGroup:LogGroup::ml-cooldown-logs"))
                .isEqualTo(expected.get("aws:cloudwatch/logGroup:LogGroup::ml-cooldown-logs"));
    }

    @Test
    void construct_cooldownLogRetentionNotAWholeNumber_failsWithOneLine() throws IOException {
        start(false);
        Struct text = everyInput().toBuilder().putFields("cooldown", object(Map.of("duration", plain("P3D"),
                "logRetentionDays", plain("thirty")))).build();
        Struct fraction = everyInput().toBuilder().putFields("cooldown", object(Map.of("duration", plain("P3D"),
                "logRetentionDays", plain(2.5)))).build();

        assertThatThrownBy(() -> engine.construct("ml", text, Map.of()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getDescription())
                        .isEqualTo("registry ml: cooldown.logRetentionDays must be a whole number, not a string"));
        assertThatThrownBy(() -> engine.construct("ml", fraction, Map.of()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getDescription())
                        .isEqualTo("registry ml: cooldown.logRetentionDays (2.5) must be a whole number"));
    }

    @Test
    void construct_outputs_comeBackWithTheirValuesAndDependencies() throws IOException {
        start(false);

        Provider.ConstructResponse response = engine.construct("ml", everyInput(), Map.of());

        Map<String, Wire> state = Wire.read(response.getState());
        assertThat(state.keySet()).containsExactlyElementsOf(ComponentState.OUTPUTS);
        assertThat(state.get("repositoryName").value()).isEqualTo("ml-models");
        assertThat((String) state.get("repositoryArn").value())
                .isEqualTo("arn:aws:codeartifact:us-east-1:123456789012:repository/ml-platform/ml-models");
        assertThat((String) state.get("pypiIndexUrl").value())
                .isEqualTo("https://ml-platform-123456789012.d.codeartifact.us-east-1.amazonaws.com/pypi/ml-models/simple/");
        assertThat(state.get("upstreamRepositoryNames").items()).extracting(Wire::value)
                .containsExactly("pypi-store", "npm-store");
        assertThat(state.get("readerPolicyArn").kind()).isEqualTo(Wire.Kind.STRING);
        String repositoryUrn = engine.registration("aws:codeartifact/repository:Repository", "ml-repository").urn();
        assertThat(response.getStateDependenciesMap().get("repositoryArn").getUrnsList()).containsExactly(repositoryUrn);
        assertThat(response.getStateDependenciesMap().get("domainArn").getUrnsList())
                .containsExactly(engine.registration("aws:codeartifact/domain:Domain", "ml-domain").urn());
    }

    @Test
    void construct_outputWithDependencies_reachesTheChildrenThatTakeIt() throws IOException {
        start(false);
        Struct inputs = everyInput().toBuilder()
                .putFields("publisherPrincipals", list(output("arn:aws:iam::123456789012:role/ci", true, false, List.of(ROLE))))
                .putFields("kmsKeyArn", output("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                        true, false, List.of(KEY)))
                .build();

        engine.construct("ml", inputs, Map.of());

        TestEngine.Registration policy = engine.registration(
                "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy", "ml-repository-policy");
        assertThat(policy.dependencies()).contains(ROLE);
        assertThat((String) policy.plainInputs().get("policyDocument")).contains("arn:aws:iam::123456789012:role/ci");
        TestEngine.Registration domain = engine.registration("aws:codeartifact/domain:Domain", "ml-domain");
        assertThat(domain.dependencies()).contains(KEY);
        assertThat(domain.plainInputs().get("encryptionKey"))
                .isEqualTo("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    }

    @Test
    void construct_inputDependenciesListedByTheEngine_reachTheChildren() throws IOException {
        start(false);
        Struct inputs = everyInput().toBuilder()
                .putFields("organizationId", plain("o-abcdef1234"))
                .build();

        engine.construct("ml", inputs, Map.of("organizationId", List.of(ROLE)));

        assertThat(engine.registration("aws:codeartifact/domainPermissions:DomainPermissions", "ml-domain-policy")
                .dependencies()).contains(ROLE);
    }

    @Test
    void construct_secret_staysSecretOnTheChildren() throws IOException {
        start(false);
        Struct inputs = everyInput().toBuilder()
                .putFields("tags", object(ordered("team", plain("ml"), "cost-centre", secret("42"))))
                .putFields("organizationId", secret("o-abcdef1234"))
                .build();

        Provider.ConstructResponse response = engine.construct("ml", inputs, Map.of());

        TestEngine.Registration domain = engine.registration("aws:codeartifact/domain:Domain", "ml-domain");
        assertThat(domain.inputs().get("tags").containsSecret()).isTrue();
        assertThat(domain.plainInputs().get("tags")).isEqualTo(Map.of("team", "ml", "cost-centre", "42"));
        TestEngine.Registration policy = engine.registration(
                "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy", "ml-repository-policy");
        assertThat(policy.inputs().get("policyDocument").secret()).isTrue();
        assertThat(Wire.read(response.getState()).get("repositoryName").secret()).isFalse();
    }

    @Test
    void construct_unknownsInPreview_becomeUnknownInputsAndOutputs() throws IOException {
        start(true);
        Struct inputs = everyInput().toBuilder()
                .putFields("kmsKeyArn", output(null, false, false, List.of(KEY)))
                .putFields("readerPrincipals", list(output(null, false, false, List.of(ROLE))))
                .putFields("tags", object(Map.of("team", output(null, false, false, List.of()))))
                .build();

        Provider.ConstructResponse response = engine.construct("ml", inputs, Map.of());

        TestEngine.Registration domain = engine.registration("aws:codeartifact/domain:Domain", "ml-domain");
        assertThat(domain.inputs().get("encryptionKey").kind()).isEqualTo(Wire.Kind.UNKNOWN);
        assertThat(domain.dependencies()).contains(KEY);
        Map<String, Wire> state = Wire.read(response.getState());
        assertThat(state.get("domainArn").kind()).isEqualTo(Wire.Kind.UNKNOWN);
        assertThat(state.get("kmsKeyArn").kind()).isEqualTo(Wire.Kind.UNKNOWN);
        assertThat(state.get("repositoryName").kind()).isEqualTo(Wire.Kind.STRING);
        assertThat(engine.registration("aws:codeartifact/repository:Repository", "ml-repository")).isNotNull();
    }

    @Test
    void construct_invalidArgs_failsWithTheLibrarysLines() throws IOException {
        start(false);
        Struct inputs = everyInput().toBuilder()
                .putFields("domainName", plain("ML_Platform"))
                .putFields("repositoryName", plain("ml models"))
                .build();
        String expected = messageOf(() -> everyInputArgs().toBuilder()
                .domainName("ML_Platform").repositoryName("ml models").build());
        assertThat(expected.split("\n")).hasSizeGreaterThanOrEqualTo(2);

        assertThatThrownBy(() -> engine.construct("ml", inputs, Map.of()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).isEqualTo(expected.lines()
                            .map(line -> "registry ml: " + line).collect(Collectors.joining("\n")));
                });
        assertThat(engine.registrations()).noneMatch(TestEngine.Registration::custom);
    }

    /** What pulumi-java's runner reports of a failed program: the exception's Java stack trace. */
    private static boolean stackTrace(String log) {
        return log.contains("failed with an unhandled exception") || log.contains("\tat ");
    }

    @Test
    void construct_rejected_sendsTheEngineNothingButTheLibrarysLines() throws IOException {
        start(false);
        Struct now = everyInput().toBuilder().putFields("domainName", plain("ML_Platform")).build();
        Struct later = everyInput().toBuilder()
                .putFields("organizationId", output("o-x", true, false, List.of(ROLE))).build();

        assertThatThrownBy(() -> engine.construct("bad", now, Map.of())).isInstanceOf(StatusRuntimeException.class);
        assertThatThrownBy(() -> engine.construct("bad-later", later, Map.of())).isInstanceOf(StatusRuntimeException.class);

        assertThat(engine.logs()).noneMatch(ConstructTest::stackTrace);
        assertThat(engine.logs()).noneMatch(log -> log.contains("java.lang."));
    }

    @Test
    void construct_rejectedWhileVerbose_sendsTheStackTraceToo() throws IOException {
        start(false, true);
        Struct now = everyInput().toBuilder().putFields("domainName", plain("ML_Platform")).build();

        assertThatThrownBy(() -> engine.construct("bad", now, Map.of())).isInstanceOf(StatusRuntimeException.class);

        assertThat(engine.logs()).anyMatch(log -> log.startsWith("ERROR: Running program [PID: ")
                && log.contains("java.lang.IllegalArgumentException: registry bad: domainName (ML_Platform) must be"));
    }

    @Test
    void construct_wireMismatches_failWithOneLineEach() throws IOException {
        start(true);
        Struct inputs = everyInput().toBuilder()
                .putFields("repositoryName", output(null, false, false, List.of()))
                .putFields("createDomain", plain("yes"))
                .putFields("colour", plain("blue"))
                .putFields("upstreams", list(object(Map.of("externalConnection", plain("public:pypi"),
                        "repository", plain("other")))))
                .build();

        assertThatThrownBy(() -> engine.construct("ml", inputs, Map.of()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getDescription())
                        .isEqualTo(String.join("\n",
                                "registry ml: colour is not an input of mlregistry:index:MlDependencyRegistry",
                                "registry ml: repositoryName (unknown) must be known during a preview: it is a plain input that decides which resources exist",
                                "registry ml: upstreams[0] must set exactly one of externalConnection and repository",
                                "registry ml: createDomain must be a boolean, not a string")));
    }

    @Test
    void construct_afterAFailedConstruct_succeeds() throws IOException {
        start(false);
        Struct invalid = everyInput().toBuilder().putFields("domainName", plain("ML")).build();
        assertThatThrownBy(() -> engine.construct("bad", invalid, Map.of())).isInstanceOf(StatusRuntimeException.class);
        Struct invalidLater = everyInput().toBuilder()
                .putFields("organizationId", output("o-x", true, false, List.of(ROLE))).build();
        assertThatThrownBy(() -> engine.construct("bad-later", invalidLater, Map.of()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getDescription()).startsWith("registry bad-later: organizationId (o-x) must"));

        Provider.ConstructResponse response = engine.construct("ml", everyInput(), Map.of());

        assertThat(response.getUrn()).endsWith("::ml");
        assertThat(Wire.read(response.getState()).get("repositoryName").value()).isEqualTo("ml-models");
    }

    @Test
    void construct_everyInputKindAtOnce_buildsTheRegistry() throws IOException {
        start(false);
        Struct inputs = struct(
                "domainName", output("ml-platform", true, false, List.of(ROLE)),
                "repositoryName", "ml-models",
                "createDomain", true,
                "createKmsKey", true,
                "createIamPolicies", false,
                "description", secret("internal"),
                "tokenAccounts", list(output("210987654321", true, false, List.of(ROLE))),
                "repositoryCreatorAccounts", list(plain("210987654321")),
                "additionalDomainPolicyStatements", list(),
                "additionalRepositoryPolicyStatements", list(),
                "internalNamespaces", list(object(Map.of("format", plain("maven"), "namespacePrefix", plain("com.acme"),
                        "publishRepositories", list(plain("ml-models"))))),
                "packageGroups", list(object(Map.of("pattern", plain("/maven/org.acme/*"),
                        "internalUpstream", object(Map.of("mode", plain("ALLOW_SPECIFIC_REPOSITORIES"),
                                "repositories", list(plain("ml-models"))))))));

        Provider.ConstructResponse response = engine.construct("ml", inputs, Map.of());

        Map<String, Wire> state = Wire.read(response.getState());
        assertThat(state.get("readerPolicyArn").kind()).isEqualTo(Wire.Kind.NULL);
        assertThat(state.get("packageGroupPatterns").items()).extracting(Wire::value)
                .containsExactly("/maven/com.acme~", "/maven/org.acme/*");
        assertThat(engine.registration("aws:codeartifact/domain:Domain", "ml-domain").dependencies()).contains(ROLE);
        assertThat(engine.registration("aws:codeartifact/repository:Repository", "ml-repository")
                .inputs().get("description").secret()).isTrue();
        assertThat(Set.copyOf(engine.registrations().stream().map(TestEngine.Registration::type).toList()))
                .doesNotContain("aws:iam/policy:Policy");
    }

    /** Tags keep the order the program gives them, as in the Java builder. */
    private static Map<String, com.google.protobuf.Value> ordered(String key1, com.google.protobuf.Value value1,
            String key2, com.google.protobuf.Value value2) {
        Map<String, com.google.protobuf.Value> map = new java.util.LinkedHashMap<>();
        map.put(key1, value1);
        map.put(key2, value2);
        return map;
    }

    @Test
    void construct_twoAtOnce_bothSucceedWithTheirOwnChildren() throws Exception {
        start(false);
        Struct vision = everyInput().toBuilder().putFields("domainName", plain("vision")).build();
        Struct search = everyInput().toBuilder().putFields("domainName", plain("search")).build();
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<Provider.ConstructResponse> first = callers.submit(() -> engine.construct("vision", vision, Map.of()));
            java.util.concurrent.Future<Provider.ConstructResponse> second = callers.submit(() -> engine.construct("search", search, Map.of()));

            assertThat(Wire.read(first.get().getState()).get("domainName").value()).isEqualTo("vision");
            assertThat(Wire.read(second.get().getState()).get("domainName").value()).isEqualTo("search");
        } finally {
            callers.shutdownNow();
        }
        assertThat(engine.registration("aws:codeartifact/domain:Domain", "vision-domain").plainInputs().get("domain"))
                .isEqualTo("vision");
        assertThat(engine.registration("aws:codeartifact/domain:Domain", "search-domain").plainInputs().get("domain"))
                .isEqualTo("search");
    }

    private static String messageOf(Runnable build) {
        try {
            build.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("no IllegalArgumentException");
    }
}
