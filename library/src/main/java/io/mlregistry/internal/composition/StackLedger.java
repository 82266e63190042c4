package io.mlregistry.internal.composition;

import io.mlregistry.internal.rules.Problems;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The domains the registries of one running Pulumi program create or join, by name and owner,
 * so that two registries creating one domain, or two registries creating one repository in a
 * domain, are refused before anything is deployed. The Pulumi layer keeps one per deployment; a
 * test run on the mock engine starts a new one.
 */
public final class StackLedger {

    private final Map<String, String> domainCreators = new HashMap<>();
    private final Map<String, DomainLedger> domains = new HashMap<>();

    /** Starts the ledger of one program, with no domain yet. */
    public StackLedger() {
    }

    /**
     * The ledger of a domain a registry creates; reports a second registry creating a domain of the
     * same name in the same account.
     *
     * @param registry the registry's name
     * @param domainName the domain's name when known now
     * @param problems where a clash goes
     * @return the new domain's ledger
     */
    public synchronized DomainLedger created(String registry, Optional<String> domainName, Problems problems) {
        if (domainName.isEmpty()) {
            return new DomainLedger("the domain of registry " + registry);
        }
        String key = key(domainName.get(), Optional.empty());
        String first = domainCreators.putIfAbsent(key, registry);
        if (registry.equals(first)) {
            problems.addLine(DomainLedger.twice(registry));
            return new DomainLedger("domain " + domainName.get());
        }
        if (first != null) {
            problems.add("registry " + registry + ": domainName", domainName.get(),
                    "is already created by registry " + first + " in this stack; domain names are unique per account "
                            + "and region: join it with inDomainOf(" + first + ")");
            return new DomainLedger("domain " + domainName.get());
        }
        return domains.computeIfAbsent(key, k -> new DomainLedger("domain " + domainName.get()));
    }

    /**
     * The ledger of a domain a registry joins by name: the one a registry of this stack creates in
     * the deploying account, or one shared by every registry joining the same name and owner.
     *
     * @param registry the registry's name
     * @param domainName the domain's name when known now
     * @param domainOwner the owner's account when given and known now
     * @return the domain's ledger
     */
    public synchronized DomainLedger joined(String registry, Optional<String> domainName, Optional<String> domainOwner) {
        if (domainName.isEmpty()) {
            return new DomainLedger("the domain of registry " + registry);
        }
        return domains.computeIfAbsent(key(domainName.get(), domainOwner),
                k -> new DomainLedger("domain " + domainName.get()));
    }

    private static String key(String domainName, Optional<String> owner) {
        return domainName + "@" + owner.orElse("");
    }
}
