package io.mlregistry.internal.composition;

import com.pulumi.core.Output;
import io.mlregistry.internal.access.Policies;
import io.mlregistry.internal.access.TokenCoverage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One registry in the stack's graph: its name, the domain it creates or joins, its primary
 * repository and stores, and what its policies grant, which the registries joining a domain it
 * creates are checked against.
 */
public final class Node {

    private final String name;
    private final Domain domain;
    private final Repository primary;
    private final Map<String, Repository> stores;
    private final Slot<Policies.Access> access = new Slot<>();
    private final Slot<String> domainName = new Slot<>();
    private final Slot<String> domainOwner = new Slot<>();
    private Optional<TokenCoverage.Grants> grants = Optional.empty();

    Node(String name, Domain domain, Repository primary, List<Repository> stores) {
        this.name = Objects.requireNonNull(name, "name");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.primary = Objects.requireNonNull(primary, "primary");
        this.stores = new LinkedHashMap<>();
        stores.forEach(store -> this.stores.put(store.connection().orElseThrow(), store));
    }

    /** The registry's logical name. */
    public String name() {
        return name;
    }

    /** The domain it creates or joins. */
    public Domain domain() {
        return domain;
    }

    Repository primary() {
        return primary;
    }

    /**
     * Binds the output of a repository this registry created, so that whatever names it waits for it.
     *
     * @param connection the external connection of a store, or empty for the primary repository
     * @param name the repository's name, as its output
     */
    public void bindRepository(Optional<String> connection, Output<String> name) {
        (connection.isEmpty() ? primary : stores.get(connection.get())).slot().bind(name);
    }

    /** Binds the name of the domain this registry created, as the domain's output. */
    public void bindDomain(Output<String> domainName) {
        domain.domainNameSlot().bind(domainName);
    }

    /** Who the registry's policies grant what, once resolved and checked. */
    public Output<Policies.Access> access() {
        return access.output();
    }

    /** What the registry's domain policy grants tokens to, when every value it names is known now. */
    Optional<TokenCoverage.Grants> grants() {
        return grants;
    }

    void grants(Optional<TokenCoverage.Grants> grants) {
        this.grants = grants;
    }

    /** Records the registry's access, once its inputs are checked. */
    public void access(Output<Policies.Access> access) {
        this.access.bind(Objects.requireNonNull(access, "access"));
    }

    /** The registry's {@code domainName} output, which a registry joining its domain takes. */
    public Output<String> domainNameOutput() {
        return domainName.output();
    }

    /** The registry's {@code domainOwner} output, which a registry joining its domain takes. */
    public Output<String> domainOwnerOutput() {
        return domainOwner.output();
    }

    /** Records the registry's domain outputs, once the component has them. */
    public void bindOutputs(Output<String> domainName, Output<String> domainOwner) {
        this.domainName.bind(domainName);
        this.domainOwner.bind(domainOwner);
    }

    void fail(RuntimeException failure) {
        access.fail(failure);
        domainName.fail(failure);
        domainOwner.fail(failure);
    }

    void detach(Detacher detacher) {
        access.detach(detacher);
        domainName.detach(detacher);
        domainOwner.detach(detacher);
    }
}
