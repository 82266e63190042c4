package io.mlregistry.internal.composition;

import java.util.List;
import java.util.Optional;

/**
 * One repository a registry of the stack creates: a primary repository, with the upstreams it
 * searches, or a store holding an external connection. Its name as the repository's output is in
 * its slot once the registry has registered it.
 *
 * @param name its name, unique in its domain
 * @param registry the registry that creates it
 * @param field the input that names it, such as {@code repositoryName}
 * @param connection the external connection a store holds; empty for a primary repository
 * @param upstreams what a primary repository searches, in order; empty for a store
 * @param slot its name as the repository's output
 */
record Repository(String name, String registry, String field, Optional<String> connection, List<Edge> upstreams,
        Slot<String> slot) {

    Repository {
        upstreams = List.copyOf(upstreams);
    }

}
