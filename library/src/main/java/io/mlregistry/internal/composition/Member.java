package io.mlregistry.internal.composition;

import java.util.Objects;

/**
 * What a registry that joins another's domain with {@code inDomainOf} reads of that registry: its
 * place in the stack's graph, whose domain it joins.
 *
 * @param node the owning registry's node
 */
public record Member(Node node) {

    public Member {
        Objects.requireNonNull(node, "node");
    }

    /** The owning component's logical name. */
    public String name() {
        return node.name();
    }

    /** The owner's {@code domainName} output. */
    public com.pulumi.core.Output<String> domainName() {
        return node.domainNameOutput();
    }

    /** The owner's {@code domainOwner} output. */
    public com.pulumi.core.Output<String> domainOwner() {
        return node.domainOwnerOutput();
    }
}
