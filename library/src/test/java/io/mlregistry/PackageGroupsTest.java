package io.mlregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.mlregistry.internal.plan.PackageGroupPlanner;
import io.mlregistry.testing.AwsMocks;
import io.mlregistry.testing.RecordedResource;
import io.mlregistry.testing.StackRecording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Package groups against dependency confusion: validation, the documents sent, the resources. */
class PackageGroupsTest {

    static final String CLOUD_CONTROL = "aws:cloudcontrol/resource:Resource";

    // Transcribed from the AWS::CodeArtifact::PackageGroup schema
    // (aws-cloudformation-resource-providers-codeartifact): "required", the property names under
    // "additionalProperties": false, and the RestrictionMode enum.
    static final Set<String> SCHEMA_REQUIRED = Set.of("Pattern", "DomainName");
    static final Set<String> SCHEMA_PROPERTIES =
            Set.of("DomainName", "DomainOwner", "Pattern", "ContactInfo", "Description", "OriginConfiguration", "Tags", "Arn");
    static final Set<String> SCHEMA_RESTRICTIONS = Set.of("Publish", "ExternalUpstream", "InternalUpstream");
    static final Set<String> SCHEMA_RESTRICTION_MODES = Set.of("ALLOW", "BLOCK", "ALLOW_SPECIFIC_REPOSITORIES", "INHERIT");

    private final AwsMocks mocks = AwsMocks.create();

    static MlDependencyRegistryArgs.Builder reference() {
        return MlDependencyRegistryTest.args()
                .tags(Map.of("team", "ml"))
                .internalNamespaces(
                        InternalNamespace.pypiPrefix("acme-"),
                        InternalNamespace.npmScope("@acme"),
                        InternalNamespace.mavenGroup("com.acme"))
                .packageGroups(PackageGroup.builder()
                        .pattern("/pypi//acme-experimental~")
                        .description("Experimental internal packages")
                        .publish(OriginRestriction.allowOnly("ml-models", "sandbox"))
                        .externalUpstream(OriginRestriction.block())
                        .internalUpstream(OriginRestriction.inherit())
                        .build());
    }

    private StackRecording deploy(MlDependencyRegistryArgs args) {
        return StackRecording.run(mocks, ctx -> {
            MlDependencyRegistry registry = new MlDependencyRegistry("ml", args, null);
            ctx.export("packageGroupPatterns", registry.packageGroupPatterns());
            ctx.export("packageGroupArns", registry.packageGroupArns());
        });
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = PackageGroupsTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private static JsonObject desiredState(RecordedResource group) {
        return JsonParser.parseString(group.input("desiredState").orElseThrow()).getAsJsonObject();
    }

    @Test
    void reference_sendsTheGoldenDesiredStates() throws IOException {
        StackRecording run = deploy(reference().build());

        assertThat(run.exceptions()).isEmpty();
        JsonArray sent = new JsonArray();
        for (String pattern : List.of("/pypi//acme-~", "/npm/acme/*", "/maven/com.acme/*", "/pypi//acme-experimental~")) {
            sent.add(run.resources(CLOUD_CONTROL).stream()
                    .map(PackageGroupsTest::desiredState)
                    .filter(state -> state.get("Pattern").getAsString().equals(pattern))
                    .findFirst()
                    .orElseThrow());
        }
        assertThat(sent).isEqualTo(JsonParser.parseString(golden("package-groups.json")));
    }

    @Test
    void reference_everyDesiredStateSatisfiesTheCloudFormationSchema() {
        StackRecording run = deploy(reference().build());

        assertThat(run.resources(CLOUD_CONTROL)).hasSize(4).allSatisfy(group -> {
            assertThat(group.input("typeName")).contains("AWS::CodeArtifact::PackageGroup");
            JsonObject state = desiredState(group);
            assertThat(state.keySet()).containsAll(SCHEMA_REQUIRED);
            assertThat(SCHEMA_PROPERTIES).containsAll(state.keySet());
            assertThat(state.get("Pattern").getAsString().length()).isBetween(2, 520);
            JsonObject restrictions = state.getAsJsonObject("OriginConfiguration").getAsJsonObject("Restrictions");
            assertThat(SCHEMA_RESTRICTIONS).containsAll(restrictions.keySet());
            for (Map.Entry<String, JsonElement> restriction : restrictions.entrySet()) {
                JsonObject value = restriction.getValue().getAsJsonObject();
                assertThat(SCHEMA_RESTRICTION_MODES).contains(value.get("RestrictionMode").getAsString());
                assertThat(Set.of("RestrictionMode", "Repositories")).containsAll(value.keySet());
            }
            for (JsonElement tag : state.getAsJsonArray("Tags")) {
                assertThat(tag.getAsJsonObject().keySet()).containsExactlyInAnyOrder("Key", "Value");
                assertThat(tag.getAsJsonObject().get("Value").getAsString()).isNotEmpty();
            }
        });
    }

    @Test
    void internalNamespace_blocksPublicRegistriesAndLetsOnlyThePrimaryPublish() {
        StackRecording run = deploy(MlDependencyRegistryTest.args()
                .internalNamespaces(InternalNamespace.pypiPrefix("acme-")).build());

        JsonObject restrictions = desiredState(run.resources(CLOUD_CONTROL).get(0))
                .getAsJsonObject("OriginConfiguration").getAsJsonObject("Restrictions");
        assertThat(restrictions).isEqualTo(JsonParser.parseString("{"
                + "\"Publish\":{\"RestrictionMode\":\"ALLOW_SPECIFIC_REPOSITORIES\",\"Repositories\":[\"ml-models\"]},"
                + "\"ExternalUpstream\":{\"RestrictionMode\":\"BLOCK\"},"
                + "\"InternalUpstream\":{\"RestrictionMode\":\"ALLOW\"}}"));
    }

    @Test
    void internalNamespace_publishRepositories_replaceThePrimary() {
        // A domain this stack does not create: a repository named there need not be the stack's.
        StackRecording run = deploy(MlDependencyRegistryTest.args().createDomain(false)
                .internalNamespaces(InternalNamespace.npmScope("acme").publishedFrom("shared", "ml-models")).build());

        assertThat(desiredState(run.resources(CLOUD_CONTROL).get(0)).getAsJsonObject("OriginConfiguration")
                .getAsJsonObject("Restrictions").getAsJsonObject("Publish").getAsJsonArray("Repositories").toString())
                .isEqualTo("[\"shared\",\"ml-models\"]");
    }

    @Test
    void packageGroups_areUnprotectedChildrenNamedAfterTheirPattern() {
        StackRecording run = deploy(reference().build());
        RecordedResource component = run.resource(MlDependencyRegistry.TYPE, "ml");

        assertThat(run.resources(CLOUD_CONTROL)).extracting(RecordedResource::name).containsExactlyInAnyOrder(
                "ml-package-group-pypi-acme-" + slugHash("/pypi//acme-~"),
                "ml-package-group-npm-acme-" + slugHash("/npm/acme/*"),
                "ml-package-group-maven-com-acme-" + slugHash("/maven/com.acme/*"),
                "ml-package-group-pypi-acme-experimental-" + slugHash("/pypi//acme-experimental~"));
        assertThat(run.resources(CLOUD_CONTROL)).allSatisfy(group -> {
            assertThat(group.parentUrn()).contains(component.urn());
            assertThat(group.protect()).isFalse();
        });
    }

    private static String slugHash(String pattern) {
        return com.google.common.hash.Hashing.sha256().hashString(pattern, StandardCharsets.UTF_8).toString().substring(0, 8);
    }

    @Test
    void outputs_listPatternsAndArnsInOrder() {
        StackRecording run = deploy(reference().build());

        assertThat(run.outputs().get("packageGroupPatterns"))
                .isEqualTo(List.of("/pypi//acme-~", "/npm/acme/*", "/maven/com.acme/*", "/pypi//acme-experimental~"));
        assertThat(run.outputs().get("packageGroupArns")).isEqualTo(List.of(
                "arn:aws:codeartifact:us-east-1:123456789012:package-group/ml-platform/%2Fpypi%2F%2Facme-%7E",
                "arn:aws:codeartifact:us-east-1:123456789012:package-group/ml-platform/%2Fnpm%2Facme%2F*",
                "arn:aws:codeartifact:us-east-1:123456789012:package-group/ml-platform/%2Fmaven%2Fcom.acme%2F*",
                "arn:aws:codeartifact:us-east-1:123456789012:package-group/ml-platform/%2Fpypi%2F%2Facme-experimental%7E"));
    }

    @Test
    void none_createNoPackageGroupAndEmptyOutputs() {
        StackRecording run = deploy(MlDependencyRegistryTest.args().build());

        assertThat(run.resources(CLOUD_CONTROL)).isEmpty();
        assertThat(run.outputs()).containsEntry("packageGroupPatterns", List.of()).containsEntry("packageGroupArns", List.of());
    }

    @Test
    void existingDomainOfTheDeployingAccount_getsThePackageGroupsWithItsOwner() {
        StackRecording run = deploy(MlDependencyRegistryTest.args().createDomain(false)
                .internalNamespaces(InternalNamespace.mavenGroupPrefix("com.acme.")).build());

        JsonObject state = desiredState(run.resources(CLOUD_CONTROL).get(0));
        assertThat(state.get("DomainName").getAsString()).isEqualTo("ml-platform");
        assertThat(state.get("DomainOwner").getAsString()).isEqualTo("123456789012");
        assertThat(state.get("Pattern").getAsString()).isEqualTo("/maven/com.acme.~");
    }

    private static Arguments rejected(String label, UnaryOperator<MlDependencyRegistryArgs.Builder> change, String message) {
        return Arguments.of(label, change, message);
    }

    static Stream<Arguments> rejectedInputs() {
        return Stream.of(
                rejected("domain of another account", b -> b.createDomain(false).domainOwner("210987654321")
                                .internalNamespaces(InternalNamespace.pypiPrefix("acme-")),
                        "internalNamespaces requires a domain in the deploying account: createDomain(true), inDomainOf, or "
                                + "createDomain(false) without domainOwner; the domain's owner creates its package groups"),
                rejected("raw group in a domain of another account", b -> b.createDomain(false).domainOwner("210987654321")
                                .packageGroups(PackageGroup.builder().pattern("/npm/acme/*").build()),
                        "packageGroups requires a domain in the deploying account: createDomain(true), inDomainOf, or "
                                + "createDomain(false) without domainOwner; the domain's owner creates its package groups"),
                rejected("empty tag value", b -> b.tags(Map.of("team", "")).internalNamespaces(InternalNamespace.npmScope("acme")),
                        "tags[team] (\"\") must not be empty with internalNamespaces: package groups are tagged through "
                                + "CloudFormation, which requires a value"),
                rejected("unnormalized PyPI prefix", b -> b.internalNamespaces(InternalNamespace.pypiPrefix("Acme_ML.")),
                        "internalNamespaces[0].namePrefix (Acme_ML.) must be written as CodeArtifact normalizes Python "
                                + "names: acme-ml-"),
                rejected("PyPI prefix with a slash", b -> b.internalNamespaces(InternalNamespace.pypiPrefix("acme/")),
                        "internalNamespaces[0].namePrefix (acme/) must be a Python name prefix: letters, digits, and "
                                + "-, _ or . between them"),
                rejected("npm scope in capitals", b -> b.internalNamespaces(InternalNamespace.npmScope("@Acme")),
                        "internalNamespaces[0].namespace (Acme) must be an npm scope: lowercase letters, digits and -._~"),
                rejected("Maven group with a space", b -> b.internalNamespaces(InternalNamespace.mavenGroup("com acme")),
                        "internalNamespaces[0].namespace (com acme) must be a Maven group ID: letters, digits and -._"),
                rejected("Maven prefix with a slash", b -> b.internalNamespaces(InternalNamespace.mavenGroupPrefix("com/acme")),
                        "internalNamespaces[0].namespacePrefix (com/acme) must be a Maven group ID: letters, digits and -._"),
                rejected("no publishing repository", b -> b.internalNamespaces(InternalNamespace.npmScope("acme").publishedFrom()),
                        "internalNamespaces[0].publishRepositories must name at least one repository"),
                rejected("bad publishing repository", b -> b.internalNamespaces(InternalNamespace.npmScope("acme").publishedFrom("a b")),
                        "internalNamespaces[0].publishRepositories[0] (a b) must be 2-100 characters matching [A-Za-z0-9][A-Za-z0-9._-]{1,99}"),
                rejected("repeated namespace", b -> b.internalNamespaces(InternalNamespace.npmScope("@acme"), InternalNamespace.npmScope("acme")),
                        "internalNamespaces[1].pattern (/npm/acme/*) must differ from the pattern of internalNamespaces[0]"),
                rejected("raw group repeating a namespace", b -> b.internalNamespaces(InternalNamespace.npmScope("acme"))
                                .packageGroups(PackageGroup.builder().pattern("/npm/acme/*").build()),
                        "packageGroups[0].pattern (/npm/acme/*) must differ from the pattern of internalNamespaces[0]"),
                rejected("pattern with a space", b -> b.packageGroups(PackageGroup.builder().pattern("/npm/ac me/*").build()),
                        "packageGroups[0].pattern (/npm/ac me/*) must be 2-520 characters without whitespace or control characters"),
                rejected("pattern too short", b -> b.packageGroups(PackageGroup.builder().pattern("/").build()),
                        "packageGroups[0].pattern (/) must be 2-520 characters without whitespace or control characters"),
                rejected("pattern too long", b -> b.packageGroups(PackageGroup.builder().pattern("/npm/" + "a".repeat(515) + "~").build()),
                        "packageGroups[0].pattern (/npm/" + "a".repeat(515) + "~) must be 2-520 characters without "
                                + "whitespace or control characters"),
                rejected("pattern without a suffix", b -> b.packageGroups(PackageGroup.builder().pattern("/npm/acme").build()),
                        "packageGroups[0].pattern (/npm/acme) must start with / and end with $ (exact), ~ (prefix) or * (all)"),
                rejected("pattern without a leading slash", b -> b.packageGroups(PackageGroup.builder().pattern("npm/acme/*").build()),
                        "packageGroups[0].pattern (npm/acme/*) must start with / and end with $ (exact), ~ (prefix) or * (all)"),
                rejected("pattern with an unknown format", b -> b.packageGroups(PackageGroup.builder().pattern("/python//acme~").build()),
                        "packageGroups[0].pattern (/python//acme~) must start with a package format: /npm/, /pypi/, "
                                + "/maven/, /nuget/, /generic/, /ruby/, /swift/, /cargo/"),
                rejected("star not right after a slash", b -> b.packageGroups(PackageGroup.builder().pattern("/npm/foo*").build()),
                        "packageGroups[0].pattern (/npm/foo*) must have * only right after a / at its end (all values "
                                + "of the next component); end a prefix with ~"),
                rejected("namespace in a PyPI pattern", b -> b.packageGroups(PackageGroup.builder().pattern("/pypi/acme/*").build()),
                        "packageGroups[0].pattern (/pypi/acme/*) must not name a namespace: pypi packages have none; "
                                + "write /pypi//<name>$ or /pypi//<name prefix>~"),
                rejected("Maven name without a namespace", b -> b.packageGroups(PackageGroup.builder().pattern("/maven//core$").build()),
                        "packageGroups[0].pattern (/maven//core$) must name a namespace with a name: maven packages have one"),
                rejected("unnormalized NuGet name", b -> b.packageGroups(PackageGroup.builder().pattern("/nuget//Acme.Core~").build()),
                        "packageGroups[0].pattern (/nuget//Acme.Core~) must be written as CodeArtifact normalizes nuget "
                                + "names: /nuget//acme.core~"),
                rejected("Maven prefix too long for a pattern", b -> b.internalNamespaces(
                                InternalNamespace.mavenGroupPrefix("a".repeat(513))),
                        "internalNamespaces[0].pattern (/maven/" + "a".repeat(513) + "~) must be 2-520 characters without "
                                + "whitespace or control characters"),
                rejected("specific repositories without any", b -> b.packageGroups(PackageGroup.builder().pattern("/npm/acme/*")
                                .publish(OriginRestriction.allowOnly()).build()),
                        "packageGroups[0].publish.repositories must name at least one repository with ALLOW_SPECIFIC_REPOSITORIES"),
                rejected("specific repository with a bad name", b -> b.packageGroups(PackageGroup.builder().pattern("/npm/acme/*")
                                .externalUpstream(OriginRestriction.allowOnly("x")).build()),
                        "packageGroups[0].externalUpstream.repositories[0] (x) must be 2-100 characters matching [A-Za-z0-9][A-Za-z0-9._-]{1,99}"),
                rejected("long group description", b -> b.packageGroups(PackageGroup.builder().pattern("/npm/acme/*")
                                .description("d".repeat(1001)).build()),
                        "packageGroups[0].description (1001 characters) must be at most 1000 characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedInputs")
    void build_brokenRule_isRejectedWithExactMessage(
            String label, UnaryOperator<MlDependencyRegistryArgs.Builder> change, String message) {
        assertThatThrownBy(() -> change.apply(MlDependencyRegistryTest.args()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void build_everyFormatAndSuffix_isAccepted() {
        List<PackageGroup> groups = Stream.of("/*", "/npm/*", "/maven/com.acme~", "/npm/acme/*", "/npm/acme/ui~",
                        "/maven/org.acme/core$", "/pypi//acme$", "/nuget//acme.core~", "/generic/acme/*", "/ruby//acme~",
                        "/swift/acme/*", "/cargo//acme~")
                .map(pattern -> PackageGroup.builder().pattern(pattern).build())
                .toList();

        assertThat(MlDependencyRegistryTest.args().packageGroups(groups).build().packageGroups()).hasSize(12);
    }

    @Test
    void factories_derivePatternsInCodeArtifactsSyntax() {
        assertThat(PackageGroupPlanner.pattern(InternalNamespace.pypiPrefix("acme-").input())).contains("/pypi//acme-~");
        assertThat(PackageGroupPlanner.pattern(InternalNamespace.npmScope("@acme").input())).contains("/npm/acme/*");
        assertThat(PackageGroupPlanner.pattern(InternalNamespace.npmScope("acme").input())).contains("/npm/acme/*");
        assertThat(PackageGroupPlanner.pattern(InternalNamespace.mavenGroup("com.acme").input())).contains("/maven/com.acme/*");
        assertThat(PackageGroupPlanner.pattern(InternalNamespace.mavenGroupPrefix("com.acme").input())).contains("/maven/com.acme~");
    }

    @Test
    void setters_null_throwNullPointerExceptionNamingTheParameter() {
        assertThatThrownBy(() -> InternalNamespace.pypiPrefix(null)).isInstanceOf(NullPointerException.class).hasMessage("prefix");
        assertThatThrownBy(() -> InternalNamespace.npmScope(null)).isInstanceOf(NullPointerException.class).hasMessage("scope");
        assertThatThrownBy(() -> InternalNamespace.mavenGroup(null)).isInstanceOf(NullPointerException.class).hasMessage("groupId");
        assertThatThrownBy(() -> InternalNamespace.mavenGroupPrefix(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("groupIdPrefix");
        assertThatThrownBy(() -> InternalNamespace.npmScope("a1").publishedFrom("x1", null))
                .isInstanceOf(NullPointerException.class).hasMessage("repositories[1]");
        assertThatThrownBy(() -> PackageGroup.builder().pattern(null)).isInstanceOf(NullPointerException.class).hasMessage("pattern");
        assertThatThrownBy(() -> OriginRestriction.allowOnly((String[]) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("repositories");
        assertThatThrownBy(() -> MlDependencyRegistryTest.args().internalNamespaces((InternalNamespace[]) null))
                .isInstanceOf(NullPointerException.class).hasMessage("internalNamespaces");
        assertThatThrownBy(() -> MlDependencyRegistryTest.args().packageGroups(java.util.Arrays.asList((PackageGroup) null)))
                .isInstanceOf(NullPointerException.class).hasMessage("packageGroups[0]");
    }

    @Test
    void valueTypes_haveValueEquality() {
        assertThat(InternalNamespace.npmScope("@acme")).isEqualTo(InternalNamespace.npmScope("acme"))
                .hasSameHashCodeAs(InternalNamespace.npmScope("acme"))
                .isNotEqualTo(InternalNamespace.npmScope("acme").publishedFrom("x1"));
        assertThat(OriginRestriction.allowOnly("a1")).isEqualTo(OriginRestriction.allowOnly(List.of("a1")))
                .isNotEqualTo(OriginRestriction.allow());
        assertThat(PackageGroup.builder().pattern("/npm/*").build()).isEqualTo(PackageGroup.builder().pattern("/npm/*").build());
        assertThat(InternalNamespace.pypiPrefix("acme-")).hasToString("InternalNamespace{pypi, namePrefix=acme-}");
    }
}
