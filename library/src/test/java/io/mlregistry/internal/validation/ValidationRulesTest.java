package io.mlregistry.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import io.mlregistry.Cooldown;
import io.mlregistry.InternalNamespace;
import io.mlregistry.MlDependencyRegistryArgs;
import io.mlregistry.OriginRestriction;
import io.mlregistry.PackageGroup;
import io.mlregistry.Upstream;
import io.mlregistry.internal.plan.RegistryInputs;
import io.mlregistry.internal.plan.RegistryInputs.CooldownInput;
import io.mlregistry.internal.plan.RegistryInputs.NamespaceInput;
import io.mlregistry.internal.plan.RegistryInputs.PackageGroupInput;
import io.mlregistry.internal.plan.RegistryInputs.RestrictionInput;
import io.mlregistry.internal.plan.RegistryInputs.UpstreamInput;
import io.mlregistry.internal.rules.PackageGroupPatterns;
import io.mlregistry.internal.rules.Problems;
import io.mlregistry.internal.rules.Rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The validator's rules for package groups, the cooldown, the domain and key, and Args that
 * Pulumi's deserializer filled (with nulls the builder never lets through), each broken rule with
 * its exact line. No engine: the Args are built, or their snapshot checked directly.
 */
class ValidationRulesTest {

    private static final String NOT_HERE = " requires a domain in the deploying account: createDomain(true), inDomainOf, "
            + "or createDomain(false) without domainOwner; the domain's owner creates its package groups";

    private static MlDependencyRegistryArgs.Builder base() {
        return MlDependencyRegistryArgs.builder().domainName("ml-platform").repositoryName("ml-models");
    }

    private static List<String> problems(UnaryOperator<MlDependencyRegistryArgs.Builder> change) {
        try {
            change.apply(base()).build();
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage().split("\n"));
        }
    }

    private static Arguments rule(String label, UnaryOperator<MlDependencyRegistryArgs.Builder> change, String... lines) {
        return Arguments.of(label, change, List.of(lines));
    }

    private static PackageGroup.Builder acme() {
        return PackageGroup.builder().pattern("/npm/acme/*");
    }

    static Stream<Arguments> builtArgs() {
        return Stream.of(
                rule("namespaces in another account's domain", b -> b.createDomain(false).domainOwner("111122223333")
                        .upstreams(List.of()).internalNamespaces(InternalNamespace.npmScope("acme")),
                        "internalNamespaces" + NOT_HERE),
                rule("groups in another account's domain", b -> b.createDomain(false).domainOwner("111122223333")
                        .upstreams(List.of()).packageGroups(acme().build()),
                        "packageGroups" + NOT_HERE),
                rule("groups in the deploying account's existing domain", b -> b.createDomain(false).upstreams(List.of())
                        .packageGroups(acme().build())),
                rule("the same namespace twice", b -> b.internalNamespaces(InternalNamespace.npmScope("acme"),
                        InternalNamespace.npmScope("acme")),
                        "internalNamespaces[1].pattern (/npm/acme/*) must differ from the pattern of internalNamespaces[0]"),
                rule("a group with a namespace's pattern", b -> b.internalNamespaces(InternalNamespace.npmScope("acme"))
                        .packageGroups(acme().build()),
                        "packageGroups[0].pattern (/npm/acme/*) must differ from the pattern of internalNamespaces[0]"),
                rule("a PyPI prefix not normalized", b -> b.internalNamespaces(InternalNamespace.pypiPrefix("Acme_")),
                        "internalNamespaces[0].namePrefix (Acme_) must be written as CodeArtifact normalizes Python names: acme-"),
                rule("a PyPI prefix no name starts with", b -> b.internalNamespaces(InternalNamespace.pypiPrefix("-")),
                        "internalNamespaces[0].namePrefix (-) must be a Python name prefix: letters, digits, and -, _ or . "
                                + "between them"),
                rule("an npm scope with a space", b -> b.internalNamespaces(InternalNamespace.npmScope("ac me")),
                        "internalNamespaces[0].namespace (ac me) must be an npm scope: lowercase letters, digits and -._~"),
                rule("a Maven group with a space", b -> b.internalNamespaces(InternalNamespace.mavenGroup("com acme")),
                        "internalNamespaces[0].namespace (com acme) must be a Maven group ID: letters, digits and -._"),
                rule("a Maven prefix with a space", b -> b.internalNamespaces(InternalNamespace.mavenGroupPrefix("com acme")),
                        "internalNamespaces[0].namespacePrefix (com acme) must be a Maven group ID: letters, digits and -._"),
                rule("published from nowhere", b -> b.internalNamespaces(InternalNamespace.npmScope("acme").publishedFrom()),
                        "internalNamespaces[0].publishRepositories must name at least one repository"),
                rule("published from a bad name", b -> b.internalNamespaces(
                        InternalNamespace.npmScope("acme").publishedFrom("ml-models", "bad name")),
                        "internalNamespaces[0].publishRepositories[1] (bad name) " + Rules.REPOSITORY_NAME_MESSAGE),
                rule("a raw pattern AWS refuses", b -> b.packageGroups(PackageGroup.builder().pattern("/npm/foo*").build()),
                        "packageGroups[0].pattern (/npm/foo*) " + PackageGroupPatterns.problem("/npm/foo*").orElseThrow()),
                rule("a description too long", b -> b.packageGroups(acme().description("d".repeat(Rules.DESCRIPTION_MAX + 1))
                        .build()), "packageGroups[0].description (1001 characters) must be at most 1000 characters"),
                rule("a description at the limit", b -> b.packageGroups(acme().description("d".repeat(Rules.DESCRIPTION_MAX))
                        .build())),
                rule("a description with a control character", b -> b.packageGroups(acme().description("a\u0007b").build()),
                        "packageGroups[0].description (" + Problems.show("a\u0007b") + ") must not contain control characters"),
                rule("each restriction's repositories", b -> b.packageGroups(acme()
                                .publish(OriginRestriction.allowOnly("bad name"))
                                .externalUpstream(OriginRestriction.allowOnly(List.of()))
                                .internalUpstream(OriginRestriction.allowOnly("x y")).build()),
                        "packageGroups[0].publish.repositories[0] (bad name) " + Rules.REPOSITORY_NAME_MESSAGE,
                        "packageGroups[0].externalUpstream.repositories must name at least one repository with "
                                + "ALLOW_SPECIFIC_REPOSITORIES",
                        "packageGroups[0].internalUpstream.repositories[0] (x y) " + Rules.REPOSITORY_NAME_MESSAGE),
                rule("a cooldown in another account's domain", b -> b.createDomain(false).domainOwner("111122223333")
                        .cooldown(Cooldown.of(Duration.ofDays(3))),
                        "cooldown requires a domain in the deploying account: createDomain(true), inDomainOf, "
                                + "or createDomain(false) without domainOwner; the airlock's workflow copies within the domain"),
                rule("a cooldown in the deploying account's existing domain", b -> b.createDomain(false)
                        .cooldown(Cooldown.of(Duration.ofDays(3)))),
                rule("a cooldown's duration and logs at once", b -> b.cooldown(Cooldown.of(Duration.ofMinutes(5))
                        .logRetentionDays(4)),
                        "cooldown.duration (PT5M) must be between 1 hour and 364 days",
                        "cooldown.logRetentionDays (4) must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, "
                                + "545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (the periods CloudWatch Logs accepts), "
                                + "or 0 to keep the logs forever"),
                rule("a cooldown's key as an alias", b -> b.cooldown(Cooldown.of(Duration.ofDays(3)).logKmsKeyArn("alias/logs")),
                        "cooldown.logKmsKeyArn (alias/logs) " + Rules.KMS_KEY_ARN_MESSAGE),
                rule("a cooldown format served by no store", b -> b.cooldown(Cooldown.of(Duration.ofDays(3)).formats("npm")),
                        "cooldown.formats (npm) needs an Upstream.externalConnection serving npm: the airlock holds back "
                                + "the versions of a store repository"),
                rule("a cooldown format listed twice", b -> b.cooldown(Cooldown.of(Duration.ofDays(3)).formats("pypi", "pypi")),
                        "cooldown.formats (pypi) is listed twice"),
                rule("a key created and brought", b -> b.createKmsKey(true).kmsKeyArn("arn:aws:kms:us-east-1:123456789012:key/k1"),
                        "createKmsKey (true) must not be set together with kmsKeyArn"),
                rule("a key for a domain not created", b -> b.createDomain(false).createKmsKey(true),
                        "createKmsKey (true) requires createDomain(true)"),
                rule("domain policy inputs for a domain not created", b -> b.createDomain(false)
                        .tokenAccounts("111122223333").repositoryCreatorAccounts("444455556666"),
                        "tokenAccounts requires createDomain(true): only the registry that creates the domain writes its policy",
                        "repositoryCreatorAccounts requires createDomain(true): only the registry that creates the domain "
                                + "writes its policy"),
                rule("an empty tag value with package groups", b -> b.tags(Map.of("team", "")).packageGroups(acme().build()),
                        "tags[team] (\"\") must not be empty with packageGroups: package groups are tagged through "
                                + "CloudFormation, which requires a value"),
                rule("an empty tag value without package groups", b -> b.tags(Map.of("team", ""))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtArgs")
    void build_brokenRule_givesItsExactLines(String label, UnaryOperator<MlDependencyRegistryArgs.Builder> change,
            List<String> expected) {
        assertThat(problems(change)).containsExactlyElementsOf(expected);
    }

    @Test
    void build_secretInput_isLeftToTheCheckWhenItResolves() {
        assertThat(problems(b -> b.domainName(Output.ofSecret("ML_Platform")))).isEmpty();
        assertThat(problems(b -> b.kmsKeyArn(Output.ofSecret("alias/mine")))).isEmpty();
        assertThat(problems(b -> b.kmsKeyArn("alias/mine"))).containsExactly("kmsKeyArn (alias/mine) " + Rules.KMS_KEY_ARN_MESSAGE);
    }

    @Test
    void kmsKeyArn_null_isShownAsNull() {
        Problems problems = new Problems();
        ArgsValidator.kmsKeyArn(null, problems);
        ArgsValidator.kmsKeyArn("arn:aws:kms:us-east-1:123456789012:key/k1", problems);

        assertThat(problems.lines()).containsExactly("kmsKeyArn (null) " + Rules.KMS_KEY_ARN_MESSAGE);
    }

    /** A snapshot as Pulumi's deserializer may leave it. */
    private static RegistryInputs inputs(List<UpstreamInput> upstreams, List<NamespaceInput> namespaces,
            List<PackageGroupInput> groups, Optional<CooldownInput> cooldown) {
        return new RegistryInputs(Output.of("ml-platform"), "ml-models", Output.of(Rules.DEFAULT_DESCRIPTION), upstreams,
                true, Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), true, List.of(), List.of(),
                Optional.empty(), true, namespaces, groups, List.of(), List.of(), List.of(), List.of(), cooldown,
                RegistryInputs.Workloads.NONE);
    }

    private static List<String> deserialized(RegistryInputs inputs) {
        try {
            ArgsValidator.check(inputs, false);
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage().split("\n"));
        }
    }

    @Test
    void deserializedNulls_areReportedOneLineEach() {
        List<UpstreamInput> upstreams = new ArrayList<>(Arrays.asList((UpstreamInput) null,
                new UpstreamInput(Optional.of("public:pypi"), Optional.empty(), Optional.of(Output.of("x")), false)));
        List<NamespaceInput> namespaces = List.of(
                new NamespaceInput(null, Optional.of("acme"), Optional.empty(), Optional.empty(), Optional.empty()),
                new NamespaceInput("npm", Optional.of("acme"), Optional.of("acme"), Optional.empty(), Optional.empty()),
                new NamespaceInput("pypi", Optional.of("acme"), Optional.empty(), Optional.empty(), Optional.empty()));
        List<PackageGroupInput> groups = List.of(
                new PackageGroupInput(null, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                new PackageGroupInput("/npm/other/*", Optional.empty(), Optional.of(new RestrictionInput(null, List.of())),
                        Optional.of(new RestrictionInput("SOMETIMES", List.of())), Optional.empty()));
        Optional<CooldownInput> cooldown = Optional.of(new CooldownInput(null, Optional.empty(), true, Optional.empty(),
                Optional.empty()));

        assertThat(deserialized(inputs(upstreams, namespaces, groups, cooldown))).containsExactly(
                "upstreams[0] is required",
                "upstreams[1] must set exactly one of externalConnection and repository",
                "internalNamespaces[0] must set a format and exactly one of namespace, namespacePrefix and namePrefix",
                "internalNamespaces[1] must set a format and exactly one of namespace, namespacePrefix and namePrefix",
                "internalNamespaces[2] must be one of pypiPrefix, npmScope, mavenGroup and mavenGroupPrefix",
                "packageGroups[0].pattern is required",
                "packageGroups[1].publish.mode (null) must be one of " + String.join(", ", Rules.RESTRICTION_MODES),
                "packageGroups[1].externalUpstream.mode (SOMETIMES) must be one of " + String.join(", ", Rules.RESTRICTION_MODES),
                "cooldown.duration is required");
    }

    @Test
    void groupsField_namesWhatCarriesTheTags() {
        NamespaceInput npm = new NamespaceInput("npm", Optional.of("acme"), Optional.empty(), Optional.empty(), Optional.empty());
        PackageGroupInput group = new PackageGroupInput("/npm/x/*", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        assertThat(ArgsValidator.groupsField(inputs(List.of(), List.of(), List.of(), Optional.empty()))).isNull();
        assertThat(ArgsValidator.groupsField(inputs(List.of(), List.of(npm), List.of(group), Optional.empty())))
                .isEqualTo("internalNamespaces");
        assertThat(ArgsValidator.groupsField(inputs(List.of(), List.of(), List.of(group), Optional.empty())))
                .isEqualTo("packageGroups");
    }

    @Test
    void checkUnlessBuilt_checksOnlyArgsThatBuildDidNotCheck() {
        RegistryInputs broken = inputs(List.of(), List.of(),
                List.of(new PackageGroupInput(null, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())),
                Optional.empty());
        MlDependencyRegistryArgs built = base().upstreams(Upstream.externalConnection("public:pypi")).build();

        ArgsValidator.checkUnlessBuilt(built, broken);
        assertThatThrownBy(() -> ArgsValidator.checkUnlessBuilt(new Object(), broken))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("packageGroups[0].pattern is required");
    }
}
