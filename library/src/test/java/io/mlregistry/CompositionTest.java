package io.mlregistry;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.core.Output;
import com.pulumi.test.PulumiTest;
import io.mlregistry.testing.AwsMocks;
import io.mlregistry.testing.RecordedResource;
import io.mlregistry.testing.StackRecording;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** Registries that share a domain: one owner, registries joining it, and what is refused. */
class CompositionTest {

    static final String REPOSITORY = "aws:codeartifact/repository:Repository";
    static final String DOMAIN = "aws:codeartifact/domain:Domain";
    static final String REPOSITORY_POLICY = "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy";

    private final AwsMocks mocks = AwsMocks.create();

    private static MlDependencyRegistry owner(MlDependencyRegistryArgs.Builder extra) {
        return new MlDependencyRegistry("platform", extra
                .domainName("ml-platform")
                .repositoryName("shared")
                .upstreams(Upstream.externalConnection("public:pypi"), Upstream.externalConnection("public:maven-central"),
                        Upstream.externalConnection("public:npmjs"))
                .build(), null);
    }

    private static MlDependencyRegistry team(String name, MlDependencyRegistry owner, String connection) {
        return new MlDependencyRegistry(name, MlDependencyRegistryArgs.builder()
                .inDomainOf(owner)
                .repositoryName(name + "-models")
                .upstreams(Upstream.repositoryOf(owner), Upstream.externalConnection(connection))
                .build(), null);
    }

    private StackRecording run(Consumer<com.pulumi.Context> program) {
        return StackRecording.run(mocks, program);
    }

    private static String message(StackRecording run) {
        assertThat(run.exceptions()).isNotEmpty();
        return Failures.rootMessage(run.exceptions().get(0));
    }

    @Test
    void platform_ownerAndThreeTeams_oneStorePerConnectionInTheDomain() {
        StackRecording run = run(ctx -> {
            MlDependencyRegistry platform = owner(MlDependencyRegistryArgs.builder());
            team("vision", platform, "public:pypi");
            team("search", platform, "public:maven-central");
            team("web", platform, "public:npmjs");
        });

        assertThat(run.exceptions()).isEmpty();
        assertThat(run.resources(DOMAIN)).extracting(RecordedResource::name).containsExactly("platform-domain");
        assertThat(run.resources(REPOSITORY)).extracting(r -> r.input("repository").orElseThrow()).containsExactlyInAnyOrder(
                "pypi-store", "maven-central-store", "npmjs-store", "shared", "vision-models", "search-models", "web-models");
        assertThat(upstreamsOf(run, "vision-repository")).containsExactly("shared", "pypi-store");
        assertThat(upstreamsOf(run, "search-repository")).containsExactly("shared", "maven-central-store");
        assertThat(upstreamsOf(run, "web-repository")).containsExactly("shared", "npmjs-store");
        RecordedResource vision = run.resource(REPOSITORY, "vision-repository");
        assertThat(vision.inputs()).containsEntry("domain", "ml-platform").containsEntry("domainOwner", "123456789012");
        assertThat(vision.parentUrn()).contains(run.resource(MlDependencyRegistry.TYPE, "vision").urn());
    }

    @Test
    void joinedRegistry_withoutOwnerStore_getsAStoreNamedAfterItsRepository() {
        StackRecording run = run(ctx -> {
            MlDependencyRegistry platform = owner(MlDependencyRegistryArgs.builder());
            team("rust", platform, "public:crates-io");
        });

        assertThat(run.exceptions()).isEmpty();
        assertThat(run.resource(REPOSITORY, "rust-upstream-rust-models-crates-io-store").input("repository"))
                .contains("rust-models-crates-io-store");
        assertThat(upstreamsOf(run, "rust-repository")).containsExactly("shared", "rust-models-crates-io-store");
    }

    @Test
    void joinedRegistry_outputs_followTheOwnersDomain() {
        StackRecording run = run(ctx -> {
            MlDependencyRegistry platform = owner(MlDependencyRegistryArgs.builder());
            MlDependencyRegistry vision = team("vision", platform, "public:pypi");
            ctx.export("domainArn", vision.domainArn());
            ctx.export("pip", vision.pypiIndexUrl());
            ctx.export("upstreams", vision.upstreamRepositoryNames());
        });

        assertThat(run.outputs()).containsEntry("domainArn", "arn:aws:codeartifact:us-east-1:123456789012:domain/ml-platform")
                .containsEntry("pip", "https://ml-platform-123456789012.d.codeartifact.us-east-1.amazonaws.com/pypi/vision-models/simple/")
                .containsEntry("upstreams", List.of("shared", "pypi-store"));
    }

    @Test
    void registryJoiningByName_aDomainTheStackCreates_reusesItsStoreAndWaitsForTheDomain() {
        StackRecording run = run(ctx -> {
            new MlDependencyRegistry("platform", MlDependencyRegistryArgs.builder()
                    .domainName("ml-platform").repositoryName("shared").build(), null);
            new MlDependencyRegistry("team", MlDependencyRegistryArgs.builder()
                    .domainName("ml-platform").createDomain(false).repositoryName("team-models").build(), null);
        });

        assertThat(run.exceptions()).isEmpty();
        assertThat(run.resources(REPOSITORY)).extracting(r -> r.input("repository").orElseThrow())
                .containsExactlyInAnyOrder("pypi-store", "shared", "team-models");
        assertThat(upstreamsOf(run, "team-repository")).containsExactly("pypi-store");
        assertThat(run.resources(MlDependencyRegistry.TYPE)).extracting(RecordedResource::name)
                .containsExactly("platform", "team");
    }

    @Test
    void joinedRegistry_primaryNamedLikeTheOwners_isRefusedNamingBoth() {
        StackRecording run = run(ctx -> {
            MlDependencyRegistry platform = owner(MlDependencyRegistryArgs.builder());
            new MlDependencyRegistry("copy", MlDependencyRegistryArgs.builder().inDomainOf(platform)
                    .repositoryName("shared").upstreams().build(), null);
        });

        assertThat(message(run)).isEqualTo("registry copy: repositoryName (shared) is already created in domain "
                + "ml-platform by registry platform; repository names are unique in a domain");
    }

    @Test
    void twoRegistriesCreatingOneDomain_isRefusedNamingBoth() {
        StackRecording run = run(ctx -> {
            new MlDependencyRegistry("a", MlDependencyRegistryArgs.builder()
                    .domainName("ml-platform").repositoryName("one").build(), null);
            new MlDependencyRegistry("b", MlDependencyRegistryArgs.builder()
                    .domainName("ml-platform").repositoryName("two").build(), null);
        });

        assertThat(message(run)).isEqualTo("registry b: domainName (ml-platform) is already created by registry a in "
                + "this stack; domain names are unique per account and region: join it with inDomainOf(a)");
        assertThat(run.resources(DOMAIN)).hasSize(1);
    }

    @Test
    void twoDomainsInOneStack_eachWithItsOwnDefaultStore_areAccepted() {
        StackRecording run = run(ctx -> {
            new MlDependencyRegistry("a", MlDependencyRegistryArgs.builder()
                    .domainName("ml-one").repositoryName("models").build(), null);
            new MlDependencyRegistry("b", MlDependencyRegistryArgs.builder()
                    .domainName("ml-two").repositoryName("models").build(), null);
        });

        assertThat(run.exceptions()).isEmpty();
        assertThat(run.resources(DOMAIN)).hasSize(2);
    }

    @Test
    void domainNamesFromResourceOutputs_areNotComparedWhileTheProgramRuns() {
        // Unknown until deployment: the deploy-time rules of the offline plan compare them.
        StackRecording run = run(ctx -> {
            Output<String> name = new Role("namer", RoleArgs.builder().assumeRolePolicy("{}").build())
                    .arn().applyValue(arn -> "ml-platform");
            new MlDependencyRegistry("a", MlDependencyRegistryArgs.builder()
                    .domainName(name).repositoryName("one").build(), null);
            new MlDependencyRegistry("b", MlDependencyRegistryArgs.builder()
                    .domainName(name).repositoryName("two").build(), null);
        });

        assertThat(run.exceptions()).isEmpty();
        assertThat(run.deployProblems()).anySatisfy(problem -> assertThat(problem).startsWith("domain (ml-platform)"));
    }

    @Test
    void joinedRegistry_readerOfAnotherAccountWithoutGrant_isRefusedNamingBoth() {
        StackRecording run = run(ctx -> {
            MlDependencyRegistry platform = owner(MlDependencyRegistryArgs.builder());
            new MlDependencyRegistry("research", MlDependencyRegistryArgs.builder().inDomainOf(platform)
                    .repositoryName("research-models").upstreams(Upstream.repositoryOf(platform))
                    .readerPrincipals("arn:aws:iam::444455556666:role/notebooks").build(), null);
        });

        assertThat(message(run)).isEqualTo("registry research: readerPrincipals[0] (arn:aws:iam::444455556666:role/notebooks) "
                + "cannot get an authorization token for domain ml-platform: the domain policy of registry platform grants "
                + "none to it or to account 444455556666; add 444455556666 to the tokenAccounts of platform");
        assertThat(run.resources(REPOSITORY_POLICY)).extracting(RecordedResource::name).doesNotContain("research-repository-policy");
    }

    @Test
    void joinedRegistry_readersCoveredByAccountGrantOrOwnAccount_areAccepted() {
        StackRecording run = run(ctx -> {
            MlDependencyRegistry platform = owner(MlDependencyRegistryArgs.builder().tokenAccounts("arn:aws:iam::444455556666:root"));
            new MlDependencyRegistry("research", MlDependencyRegistryArgs.builder().inDomainOf(platform)
                    .repositoryName("research-models").upstreams(Upstream.repositoryOf(platform))
                    .readerPrincipals("arn:aws:iam::444455556666:role/notebooks", "arn:aws:iam::123456789012:role/same")
                    .publisherPrincipals("444455556666")
                    .build(), null);
        });

        // 444455556666 is both a reader role's account and a publisher; a role and its account are distinct principals.
        assertThat(run.exceptions()).isEmpty();
        assertThat(run.resource(REPOSITORY_POLICY, "research-repository-policy").input("policyDocument").orElseThrow())
                .contains("arn:aws:iam::444455556666:role/notebooks", "arn:aws:iam::444455556666:root");
    }

    @Test
    void roleCreatedInTheStack_isAReaderThroughItsOutput() {
        StackRecording run = run(ctx -> {
            Role role = new Role("sagemaker", RoleArgs.builder().assumeRolePolicy("{}").build());
            new MlDependencyRegistry("ml", MlDependencyRegistryArgs.builder().domainName("ml-platform")
                    .repositoryName("ml-models").readerPrincipals(role.arn()).build(), null);
        });

        assertThat(run.exceptions()).isEmpty();
        assertThat(run.resource(REPOSITORY_POLICY, "ml-repository-policy").input("policyDocument").orElseThrow())
                .contains("arn:aws:iam::123456789012:role/sagemaker-");
    }

    @Test
    void outputsKnownAtBuild_areCheckedByBuild() {
        MlDependencyRegistryArgs args = MlDependencyRegistryArgs.builder().domainName(Output.of("ml-platform"))
                .repositoryName("ml-models").tag("team", Output.of("ml")).build();

        assertThat(PulumiTest.extractValue(args.domainName())).isEqualTo("ml-platform");
        assertThat(MlDependencyRegistryArgsTest.values(args.tags())).containsExactly(Map.entry("team", "ml"));
    }

    private static List<String> upstreamsOf(StackRecording run, String name) {
        Object upstreams = run.resource(REPOSITORY, name).inputs().get("upstreams");
        assertThat(upstreams).isInstanceOf(List.class);
        return ((List<?>) upstreams).stream().map(u -> (String) ((Map<?, ?>) u).get("repositoryName")).toList();
    }
}
