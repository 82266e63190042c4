package io.mlregistry;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.mlregistry.internal.Rules;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the primary repository's upstream chain: either an external connection to a public
 * registry, held by a store repository the component creates, or an existing repository of the
 * same domain.
 *
 * <p>Create one with {@link #externalConnection(String)},
 * {@link #externalConnection(String, String)} or {@link #repository(String)}. The values are
 * checked by {@link MlDependencyRegistryArgs.Builder#build()}, together with every other input.
 */
public final class Upstream extends ResourceArgs {

    @Import(name = "externalConnection")
    private final String externalConnection;

    @Import(name = "storeRepositoryName")
    private final String storeRepositoryName;

    @Import(name = "repository")
    private final String repository;

    /** For Pulumi's deserializer, which fills the fields reflectively. */
    private Upstream() {
        this(null, null, null);
    }

    private Upstream(
            String externalConnection,
            String storeRepositoryName,
            String repository) {
        this.externalConnection = externalConnection;
        this.storeRepositoryName = storeRepositoryName;
        this.repository = repository;
    }

    /**
     * An external connection held by a store repository the component creates and names after the
     * connection without its {@code public:} prefix: {@code public:pypi} gives {@code pypi-store}.
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
        return new Upstream(connection, null, null);
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
        return new Upstream(connection, storeRepositoryName, null);
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
        return new Upstream(null, null, name);
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
     * The existing repository's name, as given to {@link #repository(String)}.
     *
     * @return the name, or empty for an external connection
     */
    public Optional<String> repository() {
        return Optional.ofNullable(repository);
    }

    /**
     * The name of the repository this entry puts in the chain: the existing repository, the store
     * repository name given, or the default store name derived from the connection.
     *
     * @return the repository name, or empty when neither field is set (possible only for values
     *     built by Pulumi's deserializer, which {@code build()} then rejects)
     */
    public Optional<String> repositoryName() {
        if (repository != null) {
            return Optional.of(repository);
        }
        if (storeRepositoryName != null) {
            return Optional.of(storeRepositoryName);
        }
        return externalConnection().map(Rules::defaultStoreName);
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
                && Objects.equals(repository, that.repository);
    }

    @Override
    public int hashCode() {
        return Objects.hash(externalConnection, storeRepositoryName, repository);
    }

    @Override
    public String toString() {
        if (repository != null) {
            return "Upstream.repository(" + repository + ")";
        }
        if (storeRepositoryName != null) {
            return "Upstream.externalConnection(" + externalConnection + ", " + storeRepositoryName + ")";
        }
        return "Upstream.externalConnection(" + externalConnection + ")";
    }
}
