package io.mlregistry.internal.composition;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Which registry's domain a set of Args joins, as set by {@code inDomainOf}. Kept beside the Args
 * rather than in them: every field of the Args is a schema input, and a resource reference cannot
 * be one.
 */
public final class DomainLinks {

    /** Args to the registry whose domain they join; weakly held, by the Args' identity. */
    private static final Map<Object, Member> OWNERS = Collections.synchronizedMap(new WeakHashMap<>());

    private DomainLinks() {
    }

    /**
     * Records that Args join the domain of a registry.
     *
     * @param args the {@code MlDependencyRegistryArgs}
     * @param owner the registry whose domain they join
     */
    public static void link(Object args, Member owner) {
        OWNERS.put(args, owner);
    }

    /**
     * The registry whose domain Args join.
     *
     * @param args the {@code MlDependencyRegistryArgs}
     * @return the owner, or empty when the Args do not come from {@code inDomainOf}
     */
    public static Optional<Member> ownerOf(Object args) {
        return Optional.ofNullable(OWNERS.get(args));
    }
}
