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

    /** For Pulumi's deserializer, which fills the fields reflectively. */
    private Upstream() {
        this(null, null, null);
    }

    private Upstream(
            String externalConnection,
            String storeRepositoryName,
            Output<String> repository) {
        this.externalConnection = externalConnection;
        this.storeRepositoryName = storeRepositoryName;
        this.repository = repository;
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
        return new Upstream(null, null, Output.of(name));
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
        return new Upstream(null, null, registry.repositoryName());
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
     * The existing repository's name, as given to {@link #repository(String)} or taken from
     * {@link #repositoryOf(MlDependencyRegistry)}.
     *
     * @return the name, or empty for an external connection
     */
    public Optional<Output<String>> repository() {
        return Optional.ofNullable(repository);
    }

    /** This upstream as the planner reads it. */
    RegistryInputs.UpstreamInput input() {
        return new RegistryInputs.UpstreamInput(externalConnection(), storeRepositoryName(), repository());
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
                // Repositories known now compare by name; outputs of resources only by identity.
                && Known.sameValue(repository, that.repository);
    }

    @Override
    public int hashCode() {
        return Objects.hash(externalConnection, storeRepositoryName, Known.valueHash(repository));
    }

    @Override
    public String toString() {
        if (repository != null) {
            return "Upstream.repository(" + Known.value(repository).orElse("output") + ")";
        }
        if (storeRepositoryName != null) {
            return "Upstream.externalConnection(" + externalConnection + ", " + storeRepositoryName + ")";
        }
        return "Upstream.externalConnection(" + externalConnection + ")";
    }
}
