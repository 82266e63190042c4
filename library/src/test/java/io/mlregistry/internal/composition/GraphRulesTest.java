package io.mlregistry.internal.composition;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlregistry.internal.rules.Problems;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class GraphRulesTest {

    private final Map<String, Repository> repositories = new LinkedHashMap<>();
    private final Map<String, List<String>> airlocks = new LinkedHashMap<>();

    /** A primary repository of {@code registry} searching {@code targets}, each named by {@code upstreams[i].repository}. */
    private Repository primary(String name, String registry, String... targets) {
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < targets.length; i++) {
            edges.add(new Edge(registry, targets[i], i, "upstreams[" + i + "].repository", targets[i]));
        }
        Repository repository = new Repository(name, registry, "repositoryName", Optional.empty(), edges, new Slot<>());
        repositories.put(name, repository);
        return repository;
    }

    private void store(String name, String registry, String connection) {
        repositories.put(name, new Repository(name, registry, "upstreams[0].storeRepositoryName", Optional.of(connection),
                List.of(), new Slot<>()));
    }

    private List<String> check(String registry, Repository primary) {
        Problems problems = new Problems();
        GraphRules.check(registry, primary, repositories, airlocks, problems);
        return problems.lines();
    }

    @Test
    void check_aCycleThroughTheNewPrimary_isNamedFromIt_withEveryRegistry() {
        primary("a-models", "a", "b-models");
        primary("b-models", "b", "c-models", "x");
        Repository c = primary("c-models", "c", "elsewhere", "a-models");

        assertThat(check("c", c)).containsExactly("registry c: upstreams[1].repository (a-models) makes an upstream "
                + "cycle: c-models (c) -> a-models (a) -> b-models (b) -> c-models; no repository may search itself "
                + "through its upstreams");
    }

    @Test
    void check_aCycleElsewhereOrAChainToOutsideNames_isNotTheNewPrimarysCycle() {
        primary("a-models", "a", "b-models");
        primary("b-models", "b", "a-models");
        Repository c = primary("c-models", "c", "outside", "a-models");

        assertThat(check("c", c)).isEmpty();
    }

    @Test
    void searched_countsEachRepositoryOnce_theRequestedFirst_depthFirst() {
        primary("shared", "platform", "pypi-store");
        store("pypi-store", "platform", "public:pypi");
        primary("b-models", "b", "shared", "outside");
        Repository a = primary("a-models", "a", "b-models", "shared", "pypi-store");

        assertThat(GraphRules.searched(a, repositories)).containsExactly("a-models", "b-models", "shared", "pypi-store",
                "outside");
    }

    @Test
    void check_ownSearchOverTheLimit_isRefused_atTheLimitAccepted() {
        List<String> leaves = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            leaves.add("leaf" + i);
        }
        Repository hub = primary("hub", "hub", leaves.toArray(String[]::new));
        assertThat(check("hub", hub)).isEmpty();

        leaves.add("leaf24");
        Repository bigger = primary("hub", "hub", leaves.toArray(String[]::new));
        assertThat(check("hub", bigger)).containsExactly("registry hub: upstreams (" + String.join(", ", leaves)
                + ") make a request to hub look in 26 repositories; CodeArtifact looks in at most 25 repositories for "
                + "one request: search fewer");
    }

    @Test
    void check_anotherPrimarysSearchGrownOverTheLimit_namesItsRegistry() {
        List<String> leaves = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            leaves.add("leaf" + i);
        }
        primary("hub", "hub", "team-models");
        primary("other", "other", "elsewhere");
        Repository team = primary("team-models", "team", leaves.toArray(String[]::new));

        assertThat(check("team", team)).isEmpty();
        leaves.add("leaf20");
        leaves.add("leaf21");
        leaves.add("leaf22");
        Repository atTheLimit = primary("team-models", "team", leaves.toArray(String[]::new));
        assertThat(check("team", atTheLimit)).isEmpty();
        for (int i = 23; i < 24; i++) {
            leaves.add("leaf" + i);
        }
        Repository grown = primary("team-models", "team", leaves.toArray(String[]::new));
        assertThat(check("team", grown)).containsExactly("registry team: its repositories would make a request to hub "
                + "of registry hub look in 26 repositories; CodeArtifact looks in at most 25 repositories for one "
                + "request: search fewer");
    }

    @Test
    void check_anEdgeOfTheNewRegistryToAHeldBackStore_namesTheAirlocksRegistry() {
        store("pypi-store", "platform", "public:pypi");
        airlocks.put("pypi-store", List.of("platform", "other"));
        Repository vision = primary("vision-models", "vision", "shared", "pypi-store");

        assertThat(check("vision", vision)).containsExactly("registry vision: upstreams[1].repository (pypi-store) would "
                + "search pypi-store directly, which the cooldown airlock of registry platform holds back; search "
                + "Upstream.repositoryOf(platform), where versions arrive once aged");
    }

    @Test
    void check_aNewAirlockOnAStoreOthersSearch_namesTheSearcher() {
        store("npmjs-store", "platform", "public:npmjs");
        primary("shared", "platform", "npmjs-store");
        primary("other-models", "other", "elsewhere");
        airlocks.put("npmjs-store", List.of("web"));
        Repository web = primary("web-models", "web", "shared");

        assertThat(check("web", web)).containsExactly("registry web: cooldown.formats (npm) would hold back npmjs-store, "
                + "which registry platform searches directly (upstreams[0] of shared): new versions would reach shared, "
                + "and whoever searches it, without waiting; put the cooldown on platform instead");
    }

    @Test
    void check_airlocksOfOthers_withNoEdgeOfTheNewRegistry_areNotItsProblem() {
        store("pypi-store", "platform", "public:pypi");
        primary("old-models", "old", "pypi-store");
        airlocks.put("pypi-store", List.of("platform"));
        Repository vision = primary("vision-models", "vision", "old-models");

        assertThat(check("vision", vision)).isEmpty();
    }

    @Test
    void check_aCycle_isReportedAlone() {
        primary("a-models", "a", "b-models");
        store("pypi-store", "platform", "public:pypi");
        airlocks.put("pypi-store", List.of("platform"));
        Repository b = primary("b-models", "b", "a-models", "pypi-store");

        assertThat(check("b", b)).hasSize(1).allSatisfy(line -> assertThat(line).contains("makes an upstream cycle"));
    }
}
