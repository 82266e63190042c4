package io.mlregistry.internal.composition;

import java.util.Collections;
import java.util.List;
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

    /**
     * The rule that {@code inDomainOf} is exclusive: the domain's name, its owner and
     * {@code createDomain(false)} all come from the owner.
     *
     * @param owner the registry whose domain the Args join
     * @param alsoSet the setters used as well, such as {@code domainName} or {@code inDomainOf(x)}
     * @return the problem line, or empty when none was used
     */
    public static java.util.Optional<String> exclusive(String owner, List<String> alsoSet) {
        if (alsoSet.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("inDomainOf(" + owner + ") must not be combined with " + String.join(", ", alsoSet)
                + ": it takes the domain's name and owner from registry " + owner + " and sets createDomain(false)");
    }
}
