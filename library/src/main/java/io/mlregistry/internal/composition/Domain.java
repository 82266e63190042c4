package io.mlregistry.internal.composition;

import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * One CodeArtifact domain as the registries of a stack use it: which registry creates it (if one
 * does), the repositories each creates in it, the domain's one store per external connection,
 * the stores a cooldown airlock holds back, the package group patterns, and whatever else its
 * registries share ({@link #share}). Changed only by {@link StackGraph}, under its lock.
 */
public final class Domain {

    private final Optional<String> name;
    private final String label;
    private Node creator;
    private final List<String> joinedByName = new ArrayList<>();
    private final Map<String, Repository> repositories = new LinkedHashMap<>();
    private final Map<String, Repository> stores = new LinkedHashMap<>();
    private final Map<String, List<String>> airlocks = new LinkedHashMap<>();
    private final Map<String, String[]> patterns = new LinkedHashMap<>();
    private final Map<Shared<?>, Map<Object, Object>> shared = new LinkedHashMap<>();
    private final Slot<String> domainName = new Slot<>();
    private boolean othersCreateRepositories;
    private String[] partition;

    Domain(Optional<String> name, String registry) {
        this.name = name;
        this.label = name.map(n -> "domain " + n).orElse("the domain of registry " + registry);
    }

    /** How messages name the domain: {@code domain ml-platform}, or {@code the domain of registry x} when its name is an output. */
    public String label() {
        return label;
    }

    /** The domain's name when known now. */
    public Optional<String> name() {
        return name;
    }

    /** How messages name it after "here": its name, or its label. */
    String shortName() {
        return name.orElse(label);
    }

    /** The registry of this stack that creates the domain, if one does. */
    public Optional<Node> creator() {
        return Optional.ofNullable(creator);
    }

    void creator(Node node) {
        this.creator = node;
    }

    List<String> joinedByName() {
        return joinedByName;
    }

    Map<String, Repository> repositories() {
        return repositories;
    }

    /** The names of the domain's stores, by external connection, which a registry joining it reuses. */
    public synchronized Map<String, String> storeNames() {
        Map<String, String> names = new LinkedHashMap<>();
        stores.forEach((connection, store) -> names.put(connection, store.name()));
        return names;
    }

    Map<String, Repository> stores() {
        return stores;
    }

    /** The domain's store of a connection, as its repository's output. */
    public Optional<Output<String>> store(String connection) {
        return Optional.ofNullable(stores.get(connection)).map(store -> store.slot().output());
    }

    Map<String, List<String>> airlocks() {
        return airlocks;
    }

    Map<String, String[]> patterns() {
        return patterns;
    }

    /** The domain's name as the created domain's output, for registries that join it by name. */
    public Output<String> domainNameOutput() {
        return domainName.output();
    }

    Slot<String> domainNameSlot() {
        return domainName;
    }

    /** Whether accounts outside the stack may create repositories here, so that a name unknown to the stack may exist. */
    boolean othersCreateRepositories() {
        return othersCreateRepositories;
    }

    void othersCreateRepositories(boolean value) {
        this.othersCreateRepositories = value;
    }

    /**
     * The partition the domain's registries first named a principal or key ARN in, and where:
     * {@code {partition, "registry <name>'s <field>"}}.
     */
    Optional<String[]> partition() {
        return Optional.ofNullable(partition);
    }

    void partition(String[] partition) {
        if (this.partition == null) {
            this.partition = partition;
        }
    }

    /** The names of every repository the stack creates here, sorted, for messages. */
    String repositoryList() {
        return String.join(", ", new TreeSet<>(repositories.keySet()));
    }

    /**
     * The thing of a kind that the domain's registries share, per key: the first registry to ask
     * creates it, later ones get what it recorded. This is the extension point for new kinds of
     * shared resources.
     *
     * @param kind what is shared
     * @param key which one, such as a VPC's ID (or, while it is unknown, the output that holds it)
     * @param first creates it, when no registry of the domain has yet
     * @return what the first registry recorded
     */
    @SuppressWarnings("unchecked")
    public synchronized <T> T share(Shared<T> kind, Object key, Supplier<T> first) {
        return (T) shared.computeIfAbsent(kind, k -> new LinkedHashMap<>()).computeIfAbsent(key, k -> first.get());
    }

    /**
     * What a registry of the domain recorded for a kind and key, without creating it: for a
     * registry that must check, before it registers, that it may share it.
     *
     * @param kind what is shared
     * @param key which one
     * @return what was recorded, or empty when no registry shares one yet
     */
    @SuppressWarnings("unchecked")
    public synchronized <T> Optional<T> shared(Shared<T> kind, Object key) {
        return Optional.ofNullable((T) shared.getOrDefault(kind, Map.of()).get(key));
    }
}
