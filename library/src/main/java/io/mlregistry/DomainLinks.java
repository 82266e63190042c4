package io.mlregistry;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Which registry's domain a set of Args joins, as set by
 * {@link MlDependencyRegistryArgs.Builder#inDomainOf}. Kept beside the Args rather than in them:
 * every field of the Args is a schema input, and a resource reference cannot be one.
 */
final class DomainLinks {

    /** Args to the registry whose domain they join; weakly held, by identity of the Args. */
    private static final Map<MlDependencyRegistryArgs, MlDependencyRegistry> OWNERS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private DomainLinks() {
    }

    static void link(MlDependencyRegistryArgs args, MlDependencyRegistry owner) {
        OWNERS.put(args, owner);
    }

    static Optional<MlDependencyRegistry> ownerOf(MlDependencyRegistryArgs args) {
        return Optional.ofNullable(OWNERS.get(args));
    }
}
