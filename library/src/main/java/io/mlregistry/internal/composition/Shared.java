package io.mlregistry.internal.composition;

import java.util.Objects;

/**
 * A kind of thing that the registries of one domain share rather than each creating their own,
 * such as the store repository of an external connection: the first registry that needs one
 * creates it, and every later registry of the domain reuses it. New kinds (a VPC endpoint per VPC,
 * say) are new constants of this type, kept with {@link Domain#share}; nothing else changes.
 *
 * @param name what it is, for messages, such as {@code VPC endpoint}
 * @param <T> what the first registry records for the others: an output, a name
 */
public record Shared<T>(String name) {

    public Shared {
        Objects.requireNonNull(name, "name");
    }
}
