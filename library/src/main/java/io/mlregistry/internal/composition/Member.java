package io.mlregistry.internal.composition;

import com.pulumi.core.Output;
import io.mlregistry.internal.access.Policies;

import java.util.Objects;

/**
 * What a registry that joins another's domain with {@code inDomainOf} reads of that registry: its
 * name, for messages; the ledger of its domain, whose shared stores it reuses and whose repository
 * names it claims; and its access, whose domain policy must let the joining registry's principals
 * get a token.
 *
 * @param name the owning component's logical name
 * @param ledger the ledger of the domain it creates or joins
 * @param access who its policies grant what, once resolved and checked
 */
public record Member(String name, DomainLedger ledger, Output<Policies.Access> access) {

    public Member {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(access, "access");
    }
}
