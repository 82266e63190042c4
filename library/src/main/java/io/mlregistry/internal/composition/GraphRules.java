package io.mlregistry.internal.composition;

import io.mlregistry.internal.rules.Problems;
import io.mlregistry.internal.rules.Rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of a domain's upstream graph, checked on the graph as it would be with one more
 * registry: no repository searches itself through its upstreams; no request looks in more
 * repositories than CodeArtifact does; no repository searches a store a cooldown airlock holds
 * back. Each problem is the joining registry's, naming the other registries involved.
 */
final class GraphRules {

    private GraphRules() {
    }

    /**
     * Checks the domain's graph with the registry's repositories added.
     *
     * @param registry the joining registry
     * @param primary its primary repository
     * @param repositories the domain's repositories, the joining registry's included, by name
     * @param airlocks the stores airlocks hold back, with the registries holding them, the joining
     *     registry's included
     * @param problems where broken rules go
     */
    static void check(String registry, Repository primary, Map<String, Repository> repositories,
            Map<String, List<String>> airlocks, Problems problems) {
        int before = problems.lines().size();
        cycle(primary, repositories).ifPresent(path -> problems.add("registry " + registry + ": " + path.edge.field(),
                path.edge.shown(), "makes an upstream cycle: " + path.shown(repositories)
                        + "; no repository may search itself through its upstreams"));
        if (problems.lines().size() > before) {
            return;
        }
        searchLimit(registry, primary, repositories, problems);
        airlocks(registry, repositories, airlocks, problems);
    }

    /** A cycle through the primary: the repositories from it back to it, and its edge that starts it. */
    private record Cycle(List<String> names, Edge edge) {

        String shown(Map<String, Repository> repositories) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < names.size() - 1; i++) {
                parts.add(names.get(i) + " (" + repositories.get(names.get(i)).registry() + ")");
            }
            parts.add(names.get(names.size() - 1));
            return String.join(" -> ", parts);
        }
    }

    private static Optional<Cycle> cycle(Repository start, Map<String, Repository> repositories) {
        for (Edge edge : start.upstreams()) {
            List<String> path = new ArrayList<>(List.of(start.name()));
            if (reaches(edge.target(), start.name(), repositories, path, new HashSet<>())) {
                return Optional.of(new Cycle(path, edge));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code from} leads back to {@code goal}; {@code path} then holds the way, goal last. */
    private static boolean reaches(String from, String goal, Map<String, Repository> repositories, List<String> path,
            Set<String> seen) {
        path.add(from);
        if (from.equals(goal)) {
            return true;
        }
        Repository node = repositories.get(from);
        if (node != null && seen.add(from)) {
            for (Edge edge : node.upstreams()) {
                if (reaches(edge.target(), goal, repositories, path, seen)) {
                    return true;
                }
            }
        }
        path.remove(path.size() - 1);
        return false;
    }

    /** The repositories a request to {@code start} looks in, itself first, in search order. */
    static Set<String> searched(Repository start, Map<String, Repository> repositories) {
        Set<String> searched = new LinkedHashSet<>();
        visit(start.name(), repositories, searched);
        return searched;
    }

    private static void visit(String name, Map<String, Repository> repositories, Set<String> searched) {
        if (!searched.add(name)) {
            return;
        }
        Repository node = repositories.get(name);
        if (node != null) {
            node.upstreams().forEach(edge -> visit(edge.target(), repositories, searched));
        }
    }

    private static void searchLimit(String registry, Repository primary, Map<String, Repository> repositories,
            Problems problems) {
        String rule = "; CodeArtifact looks in at most " + Rules.MAX_REPOSITORIES_SEARCHED
                + " repositories for one request: search fewer";
        int own = searched(primary, repositories).size();
        if (own > Rules.MAX_REPOSITORIES_SEARCHED) {
            problems.addLine("registry " + registry + ": upstreams (" + primary.upstreams().stream().map(Edge::target)
                    .collect(Collectors.joining(", ")) + ") make a request to " + primary.name() + " look in " + own
                    + " repositories" + rule);
        }
        for (Repository other : repositories.values()) {
            if (other == primary) {
                continue;
            }
            Set<String> searched = searched(other, repositories);
            if (searched.contains(primary.name()) && searched.size() > Rules.MAX_REPOSITORIES_SEARCHED) {
                problems.addLine("registry " + registry + ": its repositories would make a request to " + other.name()
                        + " of registry " + other.registry() + " look in " + searched.size() + " repositories" + rule);
            }
        }
    }

    private static void airlocks(String registry, Map<String, Repository> repositories,
            Map<String, List<String>> airlocks, Problems problems) {
        airlocks.forEach((store, holders) -> {
            for (Repository searcher : repositories.values()) {
                for (Edge edge : searcher.upstreams()) {
                    if (!edge.target().equals(store)) {
                        continue;
                    }
                    if (edge.registry().equals(registry)) {
                        String holder = holders.get(0);
                        problems.add("registry " + registry + ": " + edge.field(), edge.shown(), "would search " + store
                                + " directly, which the cooldown airlock of registry " + holder + " holds back; search "
                                + "Upstream.repositoryOf(" + holder + "), where versions arrive once aged");
                    } else if (holders.contains(registry)) {
                        String format = Rules.formatOf(repositories.get(store).connection().orElseThrow());
                        problems.add("registry " + registry + ": cooldown.formats", format, "would hold back " + store
                                + ", which registry " + edge.registry() + " searches directly (upstreams[" + edge.index()
                                + "] of " + searcher.name() + "): new versions would reach " + searcher.name()
                                + ", and whoever searches it, without waiting; put the cooldown on " + edge.registry()
                                + " instead");
                    }
                }
            }
        });
    }
}
