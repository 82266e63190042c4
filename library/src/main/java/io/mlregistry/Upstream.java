package io.mlregistry;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.mlregistry.internal.outputs.Known;
import io.mlregistry.internal.plan.RegistryInputs;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the primary repository's upstream chain: either an external connection to a public
 * registry, held by a store repository the component creates, or an existing repository of the
 * same domain.
 *
 * <p>Create one with {@link #externalConnection(String)},
 * {@link #externalConnection(String, String)}, {@link #repository(String)} or
 * {@link #repositoryOf(MlDependencyRegistry)}. The values are
 * checked by {@link MlDependencyRegistryArgs.Builder#build()}, together with every other input.
 */
public final class Upstream extends ResourceArgs {

    @Import(name = "externalConnection")
    private final String externalConnection;

    @Import(name = "storeRepositoryName")
    private final String storeRepositoryName;

    @Import(name = "repository")
    private final Output<String> repository;

    @Import(name = "ownCache")
    private final Boolean ownCache;

    /** For Pulumi's deserializer, which fills the fields reflectively. */
    private Upstream() {
        this(null, null, null, null);
    }

    private Upstream(
            String externalConnection,
            String storeRepositoryName,
            Output<String> repository,
            Boolean ownCache) {
        this.externalConnection = externalConnection;
        this.storeRepositoryName = storeRepositoryName;
        this.repository = repository;
        this.ownCache = ownCache;
    }

    /**
     * An external connection held by a store repository the component creates and names after the
     * connection without its {@code public:} prefix: {@code public:pypi} gives {@code pypi-store}.
     * In a registry that joins another's domain
     * ({@link MlDependencyRegistryArgs.Builder#inDomainOf}), the store the domain's owner created for
     * the connection is reused instead; without one, the store is named
     * {@code <repositoryName>-<connection>-store}, so that it cannot collide.
     *
     * @param connection one of {@code public:npmjs}, {@code public:pypi},
     *     {@code public:maven-central}, {@code public:maven-googleandroid},
     *     {@code public:maven-gradleplugins}, {@code public:maven-commonsware},
     *     {@code public:maven-clojars}, {@code public:nuget-org}, {@code public:ruby-gems-org},
     *     {@code public:crates-io}; checked when the Args are built
     * @return the upstream
     * @throws NullPointerException if {@code connection} is null
     */
    public static Upstream externalConnection(String connection) {
        Objects.requireNonNull(connection, "connection");
        return new Upstream(connection, null, null, null);
    }

    /**
     * An external connection held by a store repository the component creates under the given
     * name. Changing the name later replaces the store repository and deletes the packages cached
     * in it.
     *
     * @param connection one of the external connections listed at
     *     {@link #externalConnection(String)}; checked when the Args are built
     * @param storeRepositoryName the store repository's name, 2-100 characters matching
     *     {@code [A-Za-z0-9][A-Za-z0-9._-]{1,99}}; checked when the Args are built
     * @return the upstream
     * @throws NullPointerException if either argument is null
     */
    public static Upstream externalConnection(String connection, String storeRepositoryName) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(storeRepositoryName, "storeRepositoryName");
        return new Upstream(connection, storeRepositoryName, null, null);
    }

    /**
     * An external connection held by a store repository of this registry's own, under the given
     * name, even where its domain already has a store for the connection: a second cache of the
     * same public registry, said to be deliberate (a team whose cooldown airlock holds back its own
     * copy of PyPI, say). Without it, a second store named for a connection the domain already
     * caches is refused; {@link #externalConnection(String)} shares the domain's. Changing the name
     * later replaces the store repository and deletes the packages cached in it.
     *
     * @param connection one of the external connections listed at
     *     {@link #externalConnection(String)}; checked when the Args are built
     * @param storeRepositoryName the store repository's name, as for
     *     {@link #externalConnection(String, String)}
     * @return the upstream
     * @throws NullPointerException if either argument is null
     */
    public static Upstream ownCache(String connection, String storeRepositoryName) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(storeRepositoryName, "storeRepositoryName");
        return new Upstream(connection, storeRepositoryName, null, Boolean.TRUE);
    }

    /**
     * An existing repository of the same domain, searched in its place in the chain. Only with
     * {@link MlDependencyRegistryArgs.Builder#createDomain(boolean) createDomain(false)}: a domain
     * the component creates holds no other repository yet.
     *
     * @param name the repository's name, 2-100 characters matching
     *     {@code [A-Za-z0-9][A-Za-z0-9._-]{1,99}}; checked when the Args are built
     * @return the upstream
     * @throws NullPointerException if {@code name} is null
     */
    public static Upstream repository(String name) {
        Objects.requireNonNull(name, "name");
        return new Upstream(null, null, Output.of(name), null);
    }

    /**
     * The primary repository of another registry in the same domain, searched in its place in the
     * chain. Its name comes from that registry's output, so the repository this upstream belongs
     * to waits for it without a {@code dependsOn}. Only in a registry that does not create the
     * domain, usually one built with
     * {@link MlDependencyRegistryArgs.Builder#inDomainOf(MlDependencyRegistry) inDomainOf}.
     *
     * @param registry the registry whose primary repository to search
     * @return the upstream
     * @throws NullPointerException if {@code registry} is null
     */
    public static Upstream repositoryOf(MlDependencyRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        return new Upstream(null, null, registry.repositoryName(), null);
    }

    /**
     * An existing repository whose name is another resource's output; see
     * {@link #repository(String)}. Its name is checked when it resolves.
     *
     * @param name the repository's name
     * @return the upstream
     * @throws NullPointerException if {@code name} is null
     */
    public static Upstream repository(Output<String> name) {
        Objects.requireNonNull(name, "name");
        return new Upstream(null, null, name, null);
    }

    /**
     * The external connection, such as {@code public:pypi}.
     *
     * @return the connection, or empty for an existing repository
     */
    public Optional<String> externalConnection() {
        return Optional.ofNullable(externalConnection);
    }

    /**
     * The store repository name as given to {@link #externalConnection(String, String)}.
     *
     * @return the name given, or empty when none was given
     */
    public Optional<String> storeRepositoryName() {
        return Optional.ofNullable(storeRepositoryName);
    }

    /**
     * The existing repository's name, as given to {@link #repository(String)} or taken from
     * {@link #repositoryOf(MlDependencyRegistry)}.
     *
     * @return the name, or empty for an external connection
     */
    public Optional<Output<String>> repository() {
        return Optional.ofNullable(repository);
    }

    /**
     * Whether the store is deliberately a cache of this registry's own, as {@link #ownCache(String, String)} makes it.
     *
     * @return true for {@link #ownCache(String, String)}, false otherwise
     */
    public boolean ownCache() {
        return ownCache != null && ownCache;
    }

    /** This upstream as the planner reads it. */
    RegistryInputs.UpstreamInput input() {
        return new RegistryInputs.UpstreamInput(externalConnection(), storeRepositoryName(), repository(), ownCache());
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Upstream)) {
            return false;
        }
        Upstream that = (Upstream) other;
        return Objects.equals(externalConnection, that.externalConnection)
                && Objects.equals(storeRepositoryName, that.storeRepositoryName)
                && ownCache() == that.ownCache()
                // Repositories known now compare by name; outputs of resources only by identity.
                && Known.sameValue(repository, that.repository);
    }

    @Override
    public int hashCode() {
        return Objects.hash(externalConnection, storeRepositoryName, ownCache(), Known.valueHash(repository));
    }

    @Override
    public String toString() {
        if (repository != null) {
            return "Upstream.repository(" + Known.value(repository).orElse("output") + ")";
        }
        if (ownCache()) {
            return "Upstream.ownCache(" + externalConnection + ", " + storeRepositoryName + ")";
        }
        if (storeRepositoryName != null) {
            return "Upstream.externalConnection(" + externalConnection + ", " + storeRepositoryName + ")";
        }
        return "Upstream.externalConnection(" + externalConnection + ")";
    }
}
