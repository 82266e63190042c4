package io.mlregistry.internal.composition;

import java.util.List;
import java.util.Optional;

/**
 * What one registry adds to the stack's graph, worked out from its plan: its primary repository
 * and what it searches, the stores it creates, what its cooldown airlock holds back and its
 * package group patterns.
 *
 * @param registry the registry's name
 * @param createsDomain whether it creates its domain
 * @param primary its primary repository's name
 * @param upstreams what its primary repository searches, in order
 * @param stores the stores it creates
 * @param holds the stores its cooldown airlock holds back
 * @param patterns its package groups' patterns
 * @param othersCreateRepositories whether it lets other accounts create repositories in the domain
 */
record Addition(String registry, boolean createsDomain, String primary, List<Upstreaming> upstreams,
        List<NewStore> stores, List<Hold> holds, List<Pattern> patterns, boolean othersCreateRepositories) {

    Addition {
        upstreams = List.copyOf(upstreams);
        stores = List.copyOf(stores);
        holds = List.copyOf(holds);
        patterns = List.copyOf(patterns);
    }

    /**
     * One upstream of the primary repository.
     *
     * @param index its position in {@code upstreams}
     * @param field the input that names it
     * @param shown the input's value, as a message shows it; empty for one named by its output,
     *     shown as the name of the repository found
     * @param name the repository's name, when known now
     * @param reference the output {@code Upstream.repositoryOf} took, to find the registry it names
     */
    record Upstreaming(int index, String field, Optional<String> shown, Optional<String> name,
            Optional<Object> reference) {
    }

    /**
     * A store the registry creates.
     *
     * @param name its name
     * @param connection its external connection
     * @param index its position in {@code upstreams}
     * @param explicit whether the caller named it
     * @param ownCache whether the caller asked for a cache of its own
     */
    record NewStore(String name, String connection, int index, boolean explicit, boolean ownCache) {
    }

    /**
     * A store the airlock holds back.
     *
     * @param store its name
     * @param connection its external connection
     */
    record Hold(String store, String connection) {
    }

    /**
     * A package group's pattern.
     *
     * @param pattern the pattern
     * @param field the input that makes it, such as {@code internalNamespaces[0]}
     */
    record Pattern(String pattern, String field) {
    }
}
