package io.mlregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.mlregistry.testing.AwsMocks;
import io.mlregistry.testing.RecordedResource;
import io.mlregistry.testing.StackRecording;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

class MlDependencyRegistryTest {

    static final String KEY = "aws:kms/key:Key";
    static final String ALIAS = "aws:kms/alias:Alias";
    static final String DOMAIN = "aws:codeartifact/domain:Domain";
    static final String REPOSITORY = "aws:codeartifact/repository:Repository";
    static final String IAM_POLICY = "aws:iam/policy:Policy";
    static final String ACCOUNT = "123456789012";
    static final String KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private final AwsMocks mocks = AwsMocks.create();

    static MlDependencyRegistryArgs.Builder args() {
        return MlDependencyRegistryArgs.builder().domainName("ml-platform").repositoryName("ml-models");
    }

    /** Runs one registry named "ml" and exports every output under its own name. */
    private StackRecording deploy(MlDependencyRegistryArgs args) {
        return deploy(args, null);
    }

    private StackRecording deploy(MlDependencyRegistryArgs args, ComponentResourceOptions options) {
        return StackRecording.run(mocks, ctx -> exportAll(ctx, new MlDependencyRegistry("ml", args, options)));
    }

    static void exportAll(Context ctx, MlDependencyRegistry registry) {
        ctx.export("domainName", registry.domainName());
        ctx.export("domainArn", registry.domainArn());
        ctx.export("domainOwner", registry.domainOwner());
        ctx.export("repositoryName", registry.repositoryName());
        ctx.export("repositoryArn", registry.repositoryArn());
        ctx.export("upstreamRepositoryNames", registry.upstreamRepositoryNames());
        ctx.export("kmsKeyArn", registry.kmsKeyArn());
        ctx.export("pypiIndexUrl", registry.pypiIndexUrl());
        ctx.export("pypiUploadUrl", registry.pypiUploadUrl());
        ctx.export("mavenRepositoryUrl", registry.mavenRepositoryUrl());
        ctx.export("npmRegistryUrl", registry.npmRegistryUrl());
    }

    private static List<RecordedResource> children(StackRecording run) {
        return run.children(run.resource(MlDependencyRegistry.TYPE, "ml"));
    }

    @Test
    void defaults_createKeyAliasDomainStoreAndRepository() {
        StackRecording run = deploy(args().build());

        assertThat(run.exceptions()).isEmpty();
        assertThat(children(run)).extracting(RecordedResource::type, RecordedResource::name).containsExactlyInAnyOrder(
                tuple(KEY, "ml-key"),
                tuple(ALIAS, "ml-key-alias"),
                tuple(DOMAIN, "ml-domain"),
                tuple(REPOSITORY, "ml-upstream-pypi-store"),
                tuple(REPOSITORY, "ml-repository"),
                tuple(IAM_POLICY, "ml-reader-policy"),
                tuple(IAM_POLICY, "ml-publisher-policy"));
        assertThat(run.resources()).hasSize(9); // the stack, the component and its seven children
    }

    @Test
    void defaults_registerEachResourceAfterTheOnesItNeeds() {
        StackRecording run = deploy(args().build());
        List<String> order = children(run).stream().map(RecordedResource::name).toList();

        assertThat(order.indexOf("ml-key")).isLessThan(order.indexOf("ml-key-alias")).isLessThan(order.indexOf("ml-domain"));
        assertThat(order.indexOf("ml-domain")).isLessThan(order.indexOf("ml-upstream-pypi-store"));
        assertThat(order.indexOf("ml-upstream-pypi-store")).isLessThan(order.indexOf("ml-repository"));
    }

    @Test
    void defaults_sendExactlyTheseInputs() {
        StackRecording run = deploy(args().build());
        String keyId = keyId(run);

        assertThat(run.resource(KEY, "ml-key").inputs()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "description", "Encrypts the CodeArtifact domain ml-platform (mlregistry)",
                "keyUsage", "ENCRYPT_DECRYPT",
                "customerMasterKeySpec", "SYMMETRIC_DEFAULT",
                "enableKeyRotation", true,
                "deletionWindowInDays", 30.0));
        assertThat(run.resource(ALIAS, "ml-key-alias").inputs()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "name", "alias/codeartifact/ml-platform",
                "targetKeyId", keyId));
        assertThat(run.resource(DOMAIN, "ml-domain").inputs()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "domain", "ml-platform",
                "encryptionKey", "arn:aws:kms:us-east-1:123456789012:key/" + keyId));
        assertThat(run.resource(REPOSITORY, "ml-upstream-pypi-store").inputs()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "repository", "pypi-store",
                "domain", "ml-platform",
                "domainOwner", ACCOUNT,
                "description", "Caches packages from public:pypi for ml-models (mlregistry)",
                "externalConnections", Map.of("externalConnectionName", "public:pypi")));
        assertThat(run.resource(REPOSITORY, "ml-repository").inputs()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "repository", "ml-models",
                "domain", "ml-platform",
                "domainOwner", ACCOUNT,
                "description", "Repository for ML Model Dependencies",
                "upstreams", List.of(Map.of("repositoryName", "pypi-store"))));
    }

    private static String keyId(StackRecording run) {
        return (String) run.resource(ALIAS, "ml-key-alias").inputs().get("targetKeyId");
    }

    @Test
    void defaults_exportOutputsFormedFromTheArns() {
        StackRecording run = deploy(args().build());
        String keyArn = "arn:aws:kms:us-east-1:123456789012:key/" + keyId(run);

        assertThat(run.outputs()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("domainName", "ml-platform"),
                Map.entry("domainArn", "arn:aws:codeartifact:us-east-1:123456789012:domain/ml-platform"),
                Map.entry("domainOwner", ACCOUNT),
                Map.entry("repositoryName", "ml-models"),
                Map.entry("repositoryArn", "arn:aws:codeartifact:us-east-1:123456789012:repository/ml-platform/ml-models"),
                Map.entry("upstreamRepositoryNames", List.of("pypi-store")),
                Map.entry("kmsKeyArn", keyArn),
                Map.entry("pypiIndexUrl", "https://ml-platform-123456789012.d.codeartifact.us-east-1.amazonaws.com/pypi/ml-models/simple/"),
                Map.entry("pypiUploadUrl", "https://ml-platform-123456789012.d.codeartifact.us-east-1.amazonaws.com/pypi/ml-models/"),
                Map.entry("mavenRepositoryUrl", "https://ml-platform-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/ml-models/"),
                Map.entry("npmRegistryUrl", "https://ml-platform-123456789012.d.codeartifact.us-east-1.amazonaws.com/npm/ml-models/")));
    }

    @Test
    void everyChild_isParentedToTheComponentAndNamedAfterIt() {
        StackRecording run = deploy(args()
                .upstreams(Upstream.externalConnection("public:pypi"), Upstream.externalConnection("public:npmjs"))
                .build());
        RecordedResource component = run.resource(MlDependencyRegistry.TYPE, "ml");

        List<RecordedResource> custom = run.resources().stream()
                .filter(r -> r.type().startsWith("aws:"))
                .toList();
        assertThat(custom).hasSize(8).allSatisfy(r -> {
            assertThat(r.parentUrn()).contains(component.urn());
            assertThat(r.name()).startsWith("ml-");
        });
    }

    @Test
    void deletionProtection_default_protectsKeyDomainAndEveryRepositoryButNotTheAlias() {
        StackRecording run = deploy(args()
                .upstreams(Upstream.externalConnection("public:pypi"), Upstream.externalConnection("public:npmjs"))
                .build());

        assertThat(children(run)).extracting(RecordedResource::name, RecordedResource::protect).containsExactlyInAnyOrder(
                tuple("ml-key", true),
                tuple("ml-key-alias", false),
                tuple("ml-domain", true),
                tuple("ml-upstream-pypi-store", true),
                tuple("ml-upstream-npmjs-store", true),
                tuple("ml-repository", true),
                tuple("ml-reader-policy", false),
                tuple("ml-publisher-policy", false));
    }

    @Test
    void deletionProtection_false_protectsNothing() {
        StackRecording run = deploy(args().deletionProtection(false).build());

        assertThat(children(run)).hasSize(7).extracting(RecordedResource::protect).containsOnly(false);
    }

    @Test
    void deletionProtection_existingDomain_protectsTheRepositories() {
        StackRecording run = deploy(args().createDomain(false).createIamPolicies(false).build());

        assertThat(children(run)).extracting(RecordedResource::name, RecordedResource::protect).containsExactly(
                tuple("ml-upstream-pypi-store", true),
                tuple("ml-repository", true));
    }

    @Test
    void bringYourOwnKey_encryptsTheDomainWithItAndCreatesNoKey() {
        StackRecording run = deploy(args().kmsKeyArn(KEY_ARN).build());

        assertThat(run.resources(KEY)).isEmpty();
        assertThat(run.resources(ALIAS)).isEmpty();
        assertThat(run.resource(DOMAIN, "ml-domain").inputs()).containsEntry("encryptionKey", KEY_ARN);
        assertThat(run.outputs()).containsEntry("kmsKeyArn", KEY_ARN);
    }

    @Test
    void bringYourOwnKey_asAnOutput_isUsedOnceKnown() {
        StackRecording run = deploy(args().kmsKeyArn(Output.of(KEY_ARN)).build());

        assertThat(run.exceptions()).isEmpty();
        assertThat(run.resource(DOMAIN, "ml-domain").inputs()).containsEntry("encryptionKey", KEY_ARN);
    }

    @Test
    void bringYourOwnKey_outputResolvingToAnAlias_failsBeforeTheDomainIsCreated() {
        String alias = "arn:aws:kms:us-east-1:123456789012:alias/ml";
        StackRecording run = StackRecording.run(mocks, ctx -> {
            var key = new com.pulumi.aws.kms.Key("byo-key");
            new MlDependencyRegistry("ml", args().kmsKeyArn(key.arn().applyValue(arn -> alias)).build(), null);
        });

        assertThat(run.exceptions()).isNotEmpty();
        assertThat(run.exceptions().get(0)).hasMessageContaining("kmsKeyArn (" + alias + ") must be a KMS key ARN "
                + "arn:<partition>:kms:<region>:<account>:key/<key id>, not an alias or a bare key ID");
        assertThat(run.resources(DOMAIN)).isEmpty();
    }

    @Test
    void awsManagedKey_createsNoKeyAndSetsNoEncryptionKey() {
        StackRecording run = deploy(args().createKmsKey(false).build());

        assertThat(run.resources(KEY)).isEmpty();
        assertThat(run.resources(ALIAS)).isEmpty();
        assertThat(run.resource(DOMAIN, "ml-domain").inputs()).doesNotContainKey("encryptionKey");
        assertThat(run.outputs()).containsEntry("kmsKeyArn", null);
    }

    @Test
    void existingDomain_createsOnlyRepositoriesAndDerivesDomainOutputsFromTheRepositoryArn() {
        StackRecording run = deploy(args().createDomain(false).build());

        assertThat(run.resources(KEY)).isEmpty();
        assertThat(run.resources(DOMAIN)).isEmpty();
        assertThat(run.resource(REPOSITORY, "ml-repository").inputs())
                .containsEntry("domain", "ml-platform")
                .doesNotContainKey("domainOwner");
        assertThat(run.outputs())
                .containsEntry("domainName", "ml-platform")
                .containsEntry("domainOwner", ACCOUNT)
                .containsEntry("domainArn", "arn:aws:codeartifact:us-east-1:123456789012:domain/ml-platform")
                .containsEntry("kmsKeyArn", null);
    }

    @Test
    void existingDomain_inAnotherAccount_passesTheOwnerAndFormsEndpointsWithIt() {
        StackRecording run = deploy(args().createDomain(false).domainOwner("210987654321").build());

        assertThat(run.resources(REPOSITORY)).extracting(r -> r.inputs().get("domainOwner"))
                .containsExactly("210987654321", "210987654321");
        assertThat(run.outputs())
                .containsEntry("domainOwner", "210987654321")
                .containsEntry("domainArn", "arn:aws:codeartifact:us-east-1:210987654321:domain/ml-platform")
                .containsEntry("repositoryArn",
                        "arn:aws:codeartifact:us-east-1:210987654321:repository/ml-platform/ml-models")
                .containsEntry("pypiIndexUrl",
                        "https://ml-platform-210987654321.d.codeartifact.us-east-1.amazonaws.com/pypi/ml-models/simple/");
    }

    @Test
    void upstreams_keepTheirSearchOrderAndStoresAreNamed() {
        StackRecording run = deploy(args().createDomain(false).upstreams(
                Upstream.repository("shared"),
                Upstream.externalConnection("public:pypi"),
                Upstream.externalConnection("public:npmjs", "npm-cache"),
                Upstream.repository("legacy")).build());

        assertThat(run.resource(REPOSITORY, "ml-repository").inputs().get("upstreams")).isEqualTo(List.of(
                Map.of("repositoryName", "shared"),
                Map.of("repositoryName", "pypi-store"),
                Map.of("repositoryName", "npm-cache"),
                Map.of("repositoryName", "legacy")));
        assertThat(run.resource(REPOSITORY, "ml-upstream-npm-cache").inputs())
                .containsEntry("repository", "npm-cache")
                .containsEntry("externalConnections", Map.of("externalConnectionName", "public:npmjs"));
        assertThat(run.resource(REPOSITORY, "ml-upstream-pypi-store").inputs())
                .containsEntry("externalConnections", Map.of("externalConnectionName", "public:pypi"));
        assertThat(run.resources(REPOSITORY)).extracting(RecordedResource::name)
                .containsExactlyInAnyOrder("ml-upstream-pypi-store", "ml-upstream-npm-cache", "ml-repository");
        assertThat(run.outputs().get("upstreamRepositoryNames"))
                .isEqualTo(List.of("shared", "pypi-store", "npm-cache", "legacy"));
    }

    @Test
    void upstreams_empty_createsNoStoreAndSendsNoUpstreams() {
        StackRecording run = deploy(args().upstreams(List.of()).build());

        assertThat(run.resources(REPOSITORY)).extracting(RecordedResource::name).containsExactly("ml-repository");
        assertThat(run.resource(REPOSITORY, "ml-repository").inputs()).doesNotContainKey("upstreams");
        assertThat(run.outputs().get("upstreamRepositoryNames")).isEqualTo(List.of());
    }

    @Test
    void tags_reachEveryTaggableChild() {
        Map<String, String> tags = Map.of("team", "ml", "cost-center", "42");
        StackRecording run = deploy(args().tags(tags).build());

        assertThat(run.resource(KEY, "ml-key").inputs()).containsEntry("tags", tags);
        assertThat(run.resource(DOMAIN, "ml-domain").inputs()).containsEntry("tags", tags);
        assertThat(run.resources(REPOSITORY)).hasSize(2)
                .allSatisfy(r -> assertThat(r.inputs()).containsEntry("tags", tags));
        // A KMS alias has no tags in AWS.
        assertThat(run.resource(ALIAS, "ml-key-alias").inputs()).doesNotContainKey("tags");
    }

    @Test
    void tags_none_sendNoTagsInput() {
        StackRecording run = deploy(args().build());

        assertThat(children(run)).allSatisfy(r -> assertThat(r.inputs()).doesNotContainKey("tags"));
    }

    @Test
    void endpoints_followTheRegionAndPartitionOfTheProvider() {
        StackRecording run = StackRecording.run(mocks, ctx -> {
            Provider china = new Provider("china", ProviderArgs.builder().region("cn-north-1").build());
            exportAll(ctx, new MlDependencyRegistry("ml", args().build(),
                    ComponentResourceOptions.builder().provider(china).build()));
        });

        assertThat(run.outputs())
                .containsEntry("domainArn", "arn:aws-cn:codeartifact:cn-north-1:123456789012:domain/ml-platform")
                .containsEntry("pypiIndexUrl",
                        "https://ml-platform-123456789012.d.codeartifact.cn-north-1.amazonaws.com.cn/pypi/ml-models/simple/")
                .containsEntry("pypiUploadUrl",
                        "https://ml-platform-123456789012.d.codeartifact.cn-north-1.amazonaws.com.cn/pypi/ml-models/")
                .containsEntry("mavenRepositoryUrl",
                        "https://ml-platform-123456789012.d.codeartifact.cn-north-1.amazonaws.com.cn/maven/ml-models/");
        assertThat(children(run)).allSatisfy(r -> assertThat(r.provider()).hasValueSatisfying(
                p -> assertThat(p).contains("pulumi:providers:aws::china")));
    }

    @Test
    void twoRegistries_inOneStack_doNotCollide() {
        StackRecording run = StackRecording.run(mocks, ctx -> {
            new MlDependencyRegistry("vision", args().domainName("vision").build(), null);
            new MlDependencyRegistry("nlp", args().domainName("nlp").build(), null);
        });

        assertThat(run.exceptions()).isEmpty();
        assertThat(run.resources(REPOSITORY)).extracting(RecordedResource::name).containsExactlyInAnyOrder(
                "vision-upstream-pypi-store", "vision-repository", "nlp-upstream-pypi-store", "nlp-repository");
        assertThat(run.resources(ALIAS)).extracting(r -> r.inputs().get("name"))
                .containsExactlyInAnyOrder("alias/codeartifact/vision", "alias/codeartifact/nlp");
        assertThat(run.resources().stream().map(RecordedResource::urn).distinct()).hasSize(run.resources().size());
    }

    @Test
    void twoRegistriesInTwoParents_withTheSameNames_keepTheirOwnInputs() {
        StackRecording run = StackRecording.run(mocks, ctx -> {
            // URNs carry parent types, not parent names: the two parents differ in type.
            var east = new com.pulumi.resources.ComponentResource("test:index:East", "east", null);
            var west = new com.pulumi.resources.ComponentResource("test:index:West", "west", null);
            new MlDependencyRegistry("ml", args().domainName("east-ml").build(),
                    ComponentResourceOptions.builder().parent(east).build());
            new MlDependencyRegistry("ml", args().domainName("west-ml").build(),
                    ComponentResourceOptions.builder().parent(west).build());
        });

        assertThat(run.exceptions()).isEmpty();
        assertThat(run.resources(DOMAIN)).extracting(r -> r.inputs().get("domain"))
                .containsExactlyInAnyOrder("east-ml", "west-ml");
        assertThat(run.resources(DOMAIN)).allSatisfy(domain -> assertThat(domain.urn()).contains(
                (domain.inputs().get("domain").equals("east-ml") ? "test:index:East" : "test:index:West")
                        + "$mlregistry:index:MlDependencyRegistry$"));
    }

    @Test
    void component_makesNoInvokes() {
        deploy(args().createDomain(false).domainOwner("210987654321").build());
        deploy(args().tags(Map.of("team", "ml")).build());

        assertThat(mocks.calls()).isEmpty();
    }

    @Test
    void component_registersUnderItsTypeToken() {
        StackRecording run = deploy(args().build());

        assertThat(run.resources(MlDependencyRegistry.TYPE)).extracting(RecordedResource::name).containsExactly("ml");
        assertThat(MlDependencyRegistry.TYPE).isEqualTo("mlregistry:index:MlDependencyRegistry");
    }

    @Test
    void component_hasExactlyOnePublicConstructorOfTheAgreedShape() {
        // Pulumi's component provider host takes the first public constructor; a private one that
        // receives the checked plan does not count.
        Constructor<?>[] constructors = MlDependencyRegistry.class.getConstructors();

        assertThat(constructors).hasSize(1);
        assertThat(Modifier.isPublic(constructors[0].getModifiers())).isTrue();
        assertThat(constructors[0].getParameterTypes()).containsExactly(
                String.class, MlDependencyRegistryArgs.class, ComponentResourceOptions.class);
    }

    @Test
    void argsThatSkippedBuild_areRejectedBeforeAnythingIsRegistered() throws Exception {
        Constructor<MlDependencyRegistryArgs> bare = MlDependencyRegistryArgs.class.getDeclaredConstructor();
        bare.setAccessible(true);
        MlDependencyRegistryArgs unchecked = bare.newInstance();
        Consumer<Context> program = ctx -> new MlDependencyRegistry("ml", unchecked, null);

        StackRecording run = StackRecording.run(mocks, program);

        assertThat(run.exceptions()).extracting(Throwable::getMessage)
                .anySatisfy(m -> assertThat(m).contains("registry ml: domainName is required\nregistry ml: repositoryName is required"));
        assertThat(run.resources()).extracting(RecordedResource::type).doesNotContain(MlDependencyRegistry.TYPE, REPOSITORY);
    }

    /** The component's outputs: its public accessors that return an {@code Output}, in declaration order of the fields. */
    static List<String> outputAccessors() {
        return Arrays.stream(MlDependencyRegistry.class.getDeclaredFields())
                .filter(f -> f.getType() == com.pulumi.core.Output.class)
                .map(java.lang.reflect.Field::getName)
                .filter(name -> {
                    try {
                        return java.lang.reflect.Modifier.isPublic(MlDependencyRegistry.class.getMethod(name).getModifiers());
                    } catch (NoSuchMethodException e) {
                        return false;
                    }
                })
                .toList();
    }

    @Test
    void outputs_areFieldsWithPublicAccessorsOfTheSameName_andRegisteredAsTheComponentsOutputs() {
        List<String> outputs = outputAccessors();

        assertThat(outputs).containsExactly("domainName", "domainArn", "domainOwner", "repositoryName",
                "repositoryArn", "upstreamRepositoryNames", "kmsKeyArn", "pypiIndexUrl", "pypiUploadUrl",
                "mavenRepositoryUrl", "npmRegistryUrl", "readerPolicyArn", "publisherPolicyArn", "packageGroupPatterns", "packageGroupArns",
                "cooldownStoreUrls", "cooldownTopicArn", "pipConf", "uvIndex", "uvEnvironment", "npmrc", "mavenSettings",
                "pypirc", "loginCommands", "authorizationTokenCommand", "sageMakerEnvironment", "dualStackUrls", "vpcUrls",
                "vpcEndpointIds", "vpcEndpointDnsNames", "vpcEndpointSecurityGroupId", "s3GatewayEndpointPolicy",
                "studioLifecycleConfigArns", "notebookLifecycleConfigName");
        assertThat(Arrays.stream(MlDependencyRegistry.class.getDeclaredFields())
                .filter(f -> f.isAnnotationPresent(com.pulumi.core.annotations.Export.class)))
                .as("no @Export fields: pulumi-java prepares each of them per instance").isEmpty();
    }
}
