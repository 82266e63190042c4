package io.mlregistry;

import static io.mlregistry.Mistakes.ACCEPTED;
import static io.mlregistry.Mistakes.alone;
import static io.mlregistry.Mistakes.args;
import static io.mlregistry.Mistakes.platform;
import static io.mlregistry.Mistakes.row;
import static io.mlregistry.Mistakes.storesOf;
import static io.mlregistry.Mistakes.team;
import static io.mlregistry.Mistakes.upstreamsOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlregistry.Mistakes.Mistake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stack's domain graph, as a platform team meets it: one owner ({@code platform}, domain
 * {@code ml-platform}), teams joining it, and the mistakes they make, one row each, grouped by
 * the rule they break. Each row gives the exact message, or "accepted" for a program that is right.
 * Token coverage and messages are in {@link CompositionAccessMistakesTest}.
 */
class CompositionMistakesTest {

    private static final String EXCLUSIVE = ": it takes the domain's name and owner from registry platform and sets "
            + "createDomain(false)";
    private static final String UNIQUE = "; repository names are unique in a domain";
    private static final String TWICE = "; the engine refuses a duplicate URN: give each registry a distinct name";
    private static final String AGED = ", where versions arrive once aged";

    static Stream<Mistake> mistakes() {
        List<Mistake> rows = new ArrayList<>();
        inDomainOfIsExclusive(rows);
        namesAreUniqueInTheStack(rows);
        domainsJoinedByName(rows);
        upstreamsFormOneGraph(rows);
        oneStorePerConnection(rows);
        airlocksAreNotBypassed(rows);
        packageGroupsNameRepositoriesOfTheirDomain(rows);
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void mistake(Mistake mistake) {
        mistake.check();
    }

    private static void inDomainOfIsExclusive(List<Mistake> rows) {
        String rule = "inDomainOf is exclusive";
        rows.add(row(rule, "domainName after inDomainOf", ctx -> team("vision", platform(), b -> b.domainName("elsewhere")),
                "inDomainOf(platform) must not be combined with domainName" + EXCLUSIVE));
        rows.add(row(rule, "domainName before inDomainOf", ctx -> {
            MlDependencyRegistry platform = platform();
            new MlDependencyRegistry("vision", MlDependencyRegistryArgs.builder().domainName("elsewhere")
                    .inDomainOf(platform).repositoryName("vision-models").build(), null);
        }, "inDomainOf(platform) must not be combined with domainName" + EXCLUSIVE));
        rows.add(row(rule, "domainOwner of another account", ctx -> team("vision", platform(),
                b -> b.domainOwner("210987654321")),
                "inDomainOf(platform) must not be combined with domainOwner" + EXCLUSIVE));
        rows.add(row(rule, "createDomain(true)", ctx -> team("vision", platform(), b -> b.createDomain(true)),
                "inDomainOf(platform) must not be combined with createDomain(true)" + EXCLUSIVE));
        rows.add(row(rule, "a second inDomainOf", ctx -> {
            MlDependencyRegistry platform = platform();
            MlDependencyRegistry other = alone("other", "ml-other", "other-models");
            team("vision", platform, b -> b.inDomainOf(other));
        }, "inDomainOf(platform) must not be combined with inDomainOf(other)" + EXCLUSIVE));
        rows.add(row(rule, "every conflict at once, one line", ctx -> team("vision", platform(),
                b -> b.domainName("elsewhere").domainOwner("210987654321").createDomain(true)),
                "inDomainOf(platform) must not be combined with domainName, domainOwner, createDomain(true)" + EXCLUSIVE));
        rows.add(row(rule, "toBuilder of joined Args, then domainName", ctx -> {
            MlDependencyRegistryArgs vision = args("vision", platform(), b -> b);
            new MlDependencyRegistry("vision", vision.toBuilder().domainName("elsewhere").build(), null);
        }, "inDomainOf(platform) must not be combined with domainName" + EXCLUSIVE));
        rows.add(row(rule, "toBuilder of joined Args for a second team (right)", ctx -> {
            MlDependencyRegistryArgs vision = args("vision", platform(), b -> b);
            new MlDependencyRegistry("vision", vision, null);
            new MlDependencyRegistry("search", vision.toBuilder().repositoryName("search-models").build(), null);
        }, run -> assertThat(run.resource(CompositionTest.REPOSITORY, "search-repository").inputs())
                .containsEntry("domain", "ml-platform")));
        rows.add(row(rule, "toBuilder of joined Args moved to another owner (right)", ctx -> {
            MlDependencyRegistry platform = platform();
            MlDependencyRegistry other = alone("other", "ml-other", "other-models");
            MlDependencyRegistryArgs vision = args("vision", platform, b -> b.upstreams());
            new MlDependencyRegistry("vision", vision.toBuilder().inDomainOf(other).build(), null);
        }, run -> assertThat(run.resource(CompositionTest.REPOSITORY, "vision-repository").inputs())
                .containsEntry("domain", "ml-other")));
        rows.add(row(rule, "createDomain(false) as well (right)", ctx -> team("vision", platform(), b -> b.createDomain(false)),
                ACCEPTED));
    }

    private static void namesAreUniqueInTheStack(List<Mistake> rows) {
        String rule = "names are unique in the stack";
        rows.add(row(rule, "one component name in two domains", ctx -> {
            alone("twin", "ml-one", "one-models");
            alone("twin", "ml-two", "two-models");
        }, "registry twin: the name twin is already given to another registry of this stack" + TWICE));
        rows.add(row(rule, "one component name twice in one domain", ctx -> {
            MlDependencyRegistry platform = platform();
            team("vision", platform);
            new MlDependencyRegistry("vision", args("search", platform, b -> b), null);
        }, "registry vision: the name vision is already given to another registry of this stack" + TWICE));
        rows.add(row(rule, "two registries creating one domain", ctx -> {
            platform();
            alone("copy", "ml-platform", "copy-models");
        }, "registry copy: domainName (ml-platform) is already created by registry platform in this stack; domain "
                + "names are unique per account and region: join it with inDomainOf(platform)"));
        rows.add(row(rule, "a team's primary named like the owner's", ctx -> team("copy", platform(),
                b -> b.repositoryName("shared")),
                "registry copy: repositoryName (shared) is already created in domain ml-platform by registry platform"
                        + UNIQUE));
        rows.add(row(rule, "a team's primary named like the owner's store", ctx -> team("copy", platform(),
                b -> b.repositoryName("pypi-store")),
                "registry copy: repositoryName (pypi-store) is already created in domain ml-platform by registry platform"
                        + UNIQUE));
        rows.add(row(rule, "two teams with one primary name", ctx -> {
            MlDependencyRegistry platform = platform();
            team("vision", platform);
            team("search", platform, b -> b.repositoryName("vision-models"));
        }, "registry search: repositoryName (vision-models) is already created in domain ml-platform by registry vision"
                + UNIQUE));
        rows.add(row(rule, "one internal namespace in two registries", ctx -> {
            MlDependencyRegistry platform = platform(b -> b.internalNamespaces(InternalNamespace.pypiPrefix("acme-")));
            team("vision", platform, b -> b.internalNamespaces(InternalNamespace.pypiPrefix("acme-")));
        }, "registry vision: internalNamespaces[0].pattern (/pypi//acme-~) is already a package group of domain "
                + "ml-platform, created by registry platform; a pattern is unique in its domain"));
        rows.add(row(rule, "one raw package group in two registries", ctx -> {
            MlDependencyRegistry platform = platform(b -> b.packageGroups(torch()));
            team("vision", platform, b -> b.packageGroups(torch()));
        }, "registry vision: packageGroups[0].pattern (/pypi//torch$) is already a package group of domain "
                + "ml-platform, created by registry platform; a pattern is unique in its domain"));
        rows.add(row(rule, "one pattern in two domains (right)", ctx -> {
            platform(b -> b.internalNamespaces(InternalNamespace.pypiPrefix("acme-")));
            new MlDependencyRegistry("other", MlDependencyRegistryArgs.builder().domainName("ml-other")
                    .repositoryName("other-models").internalNamespaces(InternalNamespace.pypiPrefix("acme-")).build(), null);
        }, ACCEPTED));
    }

    private static PackageGroup torch() {
        return PackageGroup.builder().pattern("/pypi//torch$").externalUpstream(OriginRestriction.allow()).build();
    }

    private static void domainsJoinedByName(List<Mistake> rows) {
        String rule = "a domain joined by name";
        rows.add(row(rule, "createDomain(false) by name, after its creator, reuses its cache (right)", ctx -> {
            platform();
            new MlDependencyRegistry("vision", MlDependencyRegistryArgs.builder().domainName("ml-platform")
                    .createDomain(false).repositoryName("vision-models")
                    .upstreams(Upstream.repository("shared"), Upstream.externalConnection("public:pypi")).build(), null);
        }, run -> assertThat(upstreamsOf(run, "vision-repository")).containsExactly("shared", "pypi-store")));
        rows.add(row(rule, "createDomain(false) by name, before its creator", ctx -> {
            new MlDependencyRegistry("early", MlDependencyRegistryArgs.builder().domainName("ml-platform")
                    .createDomain(false).repositoryName("early-models").upstreams().build(), null);
            platform();
        }, "registry platform: domainName (ml-platform) is joined by registry early, declared before platform with "
                + "createDomain(false), whose repositories would not wait for the domain: declare platform first and give "
                + "early inDomainOf(platform)"));
        rows.add(row(rule, "two registries joining one existing domain share its cache (right)", ctx -> {
            for (String name : List.of("vision", "search")) {
                new MlDependencyRegistry(name, MlDependencyRegistryArgs.builder().domainName("central").createDomain(false)
                        .repositoryName(name + "-models").build(), null);
            }
        }, run -> assertThat(storesOf(run, "public:pypi")).containsExactly("pypi-store")));
    }

    private static void upstreamsFormOneGraph(List<Mistake> rows) {
        String rule = "the upstream graph";
        rows.add(row(rule, "a string upstream naming the owner's primary (right)", ctx -> team("vision", platform(),
                b -> b.upstreams(Upstream.repository("shared"))), ACCEPTED));
        rows.add(row(rule, "a string upstream naming a team declared later (right)", ctx -> {
            MlDependencyRegistry platform = platform();
            team("search", platform, b -> b.upstreams(Upstream.repository("vision-models")));
            team("vision", platform);
        }, run -> assertThat(upstreamsOf(run, "search-repository")).containsExactly("vision-models")));
        rows.add(row(rule, "a typo in a string upstream of a domain the stack creates", ctx -> team("vision", platform(),
                b -> b.upstreams(Upstream.repository("sahred"))),
                "registry vision: upstreams[0].repository (sahred) names no repository of domain ml-platform: no registry "
                        + "of this stack creates one of that name (it has maven-central-store, npmjs-store, pypi-store, "
                        + "shared, vision-models)"));
        rows.add(row(rule, "a string upstream naming a repository of another domain", ctx -> {
            MlDependencyRegistry platform = platform();
            alone("other", "ml-other", "other-models");
            team("vision", platform, b -> b.upstreams(Upstream.repository("other-models")));
        }, "registry vision: upstreams[0].repository (other-models) names no repository of domain ml-platform: no registry "
                + "of this stack creates one of that name (it has maven-central-store, npmjs-store, pypi-store, shared, "
                + "vision-models); registry other creates one in domain ml-other, and an upstream must be in the same domain"));
        rows.add(row(rule, "repositoryOf a registry of another domain", ctx -> {
            MlDependencyRegistry platform = platform();
            MlDependencyRegistry other = alone("other", "ml-other", "other-models");
            team("vision", platform, b -> b.upstreams(Upstream.repositoryOf(other)));
        }, "registry vision: upstreams[0].repository (other-models) is the primary repository of registry other, in domain "
                + "ml-other; an upstream must be in the same domain, here ml-platform"));
        rows.add(row(rule, "a cycle, string name first", ctx -> {
            MlDependencyRegistry platform = platform();
            MlDependencyRegistry search = team("search", platform, b -> b.upstreams(Upstream.repository("vision-models")));
            team("vision", platform, b -> b.upstreams(Upstream.repositoryOf(search)));
        }, "registry vision: upstreams[0].repository (search-models) makes an upstream cycle: vision-models (vision) -> "
                + "search-models (search) -> vision-models; no repository may search itself through its upstreams"));
        rows.add(row(rule, "a cycle, repositoryOf first", ctx -> {
            MlDependencyRegistry platform = platform();
            MlDependencyRegistry vision = team("vision", platform, b -> b.upstreams(Upstream.repository("search-models")));
            team("search", platform, b -> b.upstreams(Upstream.repositoryOf(vision)));
        }, "registry search: upstreams[0].repository (vision-models) makes an upstream cycle: search-models (search) -> "
                + "vision-models (vision) -> search-models; no repository may search itself through its upstreams"));
        rows.add(row(rule, "a cycle of three registries", ctx -> {
            MlDependencyRegistry platform = platform();
            team("a", platform, b -> b.upstreams(Upstream.repository("b-models")));
            team("b", platform, b -> b.upstreams(Upstream.repository("c-models")));
            team("c", platform, b -> b.upstreams(Upstream.repository("a-models")));
        }, "registry c: upstreams[0].repository (a-models) makes an upstream cycle: c-models (c) -> a-models (a) -> "
                + "b-models (b) -> c-models; no repository may search itself through its upstreams"));
        rows.add(row(rule, "a search over 28 repositories", ctx -> hub(8),
                "registry hub: upstreams (m1-models, m2-models, m3-models) make a request to hub-models look in 28 "
                        + "repositories; CodeArtifact looks in at most 25 repositories for one request: search fewer"));
        rows.add(row(rule, "a search over exactly 25 repositories (right)", ctx -> hub(7), ACCEPTED));
    }

    /** A hub searching three registries that each search {@code leaves} leaves: 1 + 3 + 3 * leaves repositories. */
    private static void hub(int leaves) {
        MlDependencyRegistry platform = alone("platform", "ml-platform", "shared");
        List<Upstream> mids = new ArrayList<>();
        for (int m = 1; m <= 3; m++) {
            List<Upstream> leaf = new ArrayList<>();
            for (int l = 1; l <= leaves; l++) {
                leaf.add(Upstream.repositoryOf(team("l" + m + l, platform, b -> b.upstreams())));
            }
            mids.add(Upstream.repositoryOf(team("m" + m, platform, b -> b.upstreams(leaf))));
        }
        team("hub", platform, b -> b.upstreams(mids));
    }

    private static void oneStorePerConnection(List<Mistake> rows) {
        String rule = "one cache per public registry";
        rows.add(row(rule, "two npm teams share the first one's cache (right)", ctx -> {
            MlDependencyRegistry platform = alone("platform", "ml-platform", "shared");
            team("web", platform, b -> b.upstreams(Upstream.externalConnection("public:npmjs")));
            team("app", platform, b -> b.upstreams(Upstream.externalConnection("public:npmjs")));
        }, run -> {
            assertThat(storesOf(run, "public:npmjs")).containsExactly("web-models-npmjs-store");
            assertThat(upstreamsOf(run, "app-repository")).containsExactly("web-models-npmjs-store");
        }));
        rows.add(row(rule, "a team's explicitly named second PyPI cache", ctx -> {
            MlDependencyRegistry platform = platform();
            team("vision", platform, b -> b.upstreams(Upstream.repositoryOf(platform),
                    Upstream.externalConnection("public:pypi", "vision-pypi")));
        },
                "registry vision: upstreams[1].storeRepositoryName (vision-pypi) would be a second cache of public:pypi in "
                        + "domain ml-platform, where registry platform's pypi-store caches it: share it with "
                        + "Upstream.externalConnection(\"public:pypi\"), or say a second cache is deliberate with "
                        + "Upstream.ownCache(\"public:pypi\", \"vision-pypi\")"));
        rows.add(row(rule, "a team's second PyPI cache, said to be deliberate (right)", ctx -> {
            MlDependencyRegistry platform = platform();
            team("vision", platform, b -> b.upstreams(Upstream.repositoryOf(platform),
                    Upstream.ownCache("public:pypi", "vision-pypi")).cooldown(Cooldown.of(Duration.ofDays(3))));
        }, run -> assertThat(storesOf(run, "public:pypi")).containsExactlyInAnyOrder("pypi-store", "vision-pypi")));
        rows.add(row(rule, "a team naming the domain's cache by its own name (right)", ctx -> team("vision", platform(),
                b -> b.upstreams(Upstream.externalConnection("public:pypi", "pypi-store"))),
                run -> assertThat(storesOf(run, "public:pypi")).containsExactly("pypi-store")));
        rows.add(row(rule, "two domains, a cache each (right)", ctx -> {
            new MlDependencyRegistry("a", MlDependencyRegistryArgs.builder().domainName("ml-one").repositoryName("one").build(), null);
            new MlDependencyRegistry("b", MlDependencyRegistryArgs.builder().domainName("ml-two").repositoryName("two").build(), null);
        }, run -> assertThat(storesOf(run, "public:pypi")).containsExactly("pypi-store", "pypi-store")));
    }

    private static void airlocksAreNotBypassed(List<Mistake> rows) {
        String rule = "the airlock is not bypassed";
        rows.add(row(rule, "a team's external connection to the held-back cache", ctx -> {
            MlDependencyRegistry platform = airlocked();
            team("vision", platform, b -> b.upstreams(Upstream.repositoryOf(platform), Upstream.externalConnection("public:pypi")));
        },
                "registry vision: upstreams[1].externalConnection (public:pypi) would search pypi-store directly, which the "
                        + "cooldown airlock of registry platform holds back; search Upstream.repositoryOf(platform)" + AGED));
        rows.add(row(rule, "a team naming the held-back cache by string", ctx -> team("vision", airlocked(),
                b -> b.upstreams(Upstream.repository("pypi-store"))),
                "registry vision: upstreams[0].repository (pypi-store) would search pypi-store directly, which the "
                        + "cooldown airlock of registry platform holds back; search Upstream.repositoryOf(platform)" + AGED));
        rows.add(row(rule, "a team's cooldown on a cache the owner's primary searches directly", ctx -> {
            MlDependencyRegistry platform = platform();
            team("vision", platform, b -> b.upstreams(Upstream.repositoryOf(platform), Upstream.externalConnection("public:pypi"))
                    .cooldown(Cooldown.of(Duration.ofDays(3))));
        },
                "registry vision: cooldown.formats (pypi) would hold back pypi-store, which registry platform searches "
                        + "directly (upstreams[0] of shared): new versions would reach shared, and whoever searches it, "
                        + "without waiting; put the cooldown on platform instead"));
        rows.add(row(rule, "a team searching the airlocked owner (right)", ctx -> team("vision", airlocked()), ACCEPTED));
        rows.add(row(rule, "a team holding back the same cache with its own cooldown (right)", ctx -> team("vision",
                airlocked(), b -> b.upstreams(Upstream.externalConnection("public:pypi"))
                        .cooldown(Cooldown.of(Duration.ofDays(5)))), ACCEPTED));
    }

    /** The owner with a three-day cooldown on its PyPI cache. */
    private static MlDependencyRegistry airlocked() {
        return platform(b -> b.cooldown(Cooldown.of(Duration.ofDays(3))));
    }

    private static void packageGroupsNameRepositoriesOfTheirDomain(List<Mistake> rows) {
        String rule = "package groups name repositories of their domain";
        rows.add(row(rule, "publishedFrom naming a team declared later (right)", ctx -> {
            MlDependencyRegistry platform = platform(b -> b.internalNamespaces(
                    InternalNamespace.pypiPrefix("acme-").publishedFrom("shared", "vision-models")));
            team("vision", platform);
        }, ACCEPTED));
        rows.add(row(rule, "a typo in publishedFrom", ctx -> {
            MlDependencyRegistry platform = platform(b -> b.internalNamespaces(
                    InternalNamespace.pypiPrefix("acme-").publishedFrom("shared", "vison-models")));
            team("vision", platform);
        }, "registry platform: internalNamespaces[0].publishRepositories[1] (vison-models) names no repository of domain "
                + "ml-platform: no registry of this stack creates one of that name (it has maven-central-store, "
                + "npmjs-store, pypi-store, shared, vision-models)"));
        rows.add(row(rule, "a raw group naming a repository outside the stack (right: created as given)", ctx -> {
            MlDependencyRegistry platform = platform(b -> b.packageGroups(PackageGroup.builder().pattern("/pypi//torch$")
                    .publish(OriginRestriction.allowOnly("sandbox", "vision-models")).build()));
            team("vision", platform);
        }, ACCEPTED));
        rows.add(row(rule, "publishedFrom naming a repository of another domain", ctx -> {
            platform(b -> b.internalNamespaces(InternalNamespace.pypiPrefix("acme-").publishedFrom("other-models")));
            alone("other", "ml-other", "other-models");
        }, "registry platform: internalNamespaces[0].publishRepositories[0] (other-models) names no repository of domain "
                + "ml-platform: no registry of this stack creates one of that name (it has maven-central-store, "
                + "npmjs-store, pypi-store, shared); registry other creates one in domain ml-other, and a package group "
                + "names repositories of its own domain"));
        rows.add(row(rule, "publishedFrom in an existing domain the stack does not create (right: not known here)", ctx ->
                new MlDependencyRegistry("vision", MlDependencyRegistryArgs.builder().domainName("central")
                        .createDomain(false).repositoryName("vision-models")
                        .internalNamespaces(InternalNamespace.pypiPrefix("acme-").publishedFrom("vison-models")).build(), null),
                ACCEPTED));
    }
}
