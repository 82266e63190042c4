package io.mlregistry.internal.plan;

import io.mlregistry.internal.airlock.Airlock;

import java.util.List;
import java.util.Optional;

/**
 * What one registry will create, worked out from validated inputs without Pulumi: logical names,
 * AWS names, the upstream order and protection. Inputs that may be outputs of other resources
 * (the domain name, principals, tags) are not part of it: they shape no resource's existence,
 * only values, and the component wires them in. {@code MlDependencyRegistry} turns the plan into
 * resources; tests read it directly.
 *
 * @param componentName the component's logical name, the prefix of every child's
 * @param createDomain whether the domain is created here
 * @param keyMode where the domain's encryption key comes from
 * @param repositoryName the primary repository
 * @param stores the store repositories to create, in upstream order
 * @param upstreams the primary repository's upstreams, in search order
 * @param protect whether the key, the domain and the repositories are protected
 * @param domainPolicy whether the domain permissions policy is written
 * @param repositoryPolicy whether the primary repository's permissions policy is written
 * @param createIamPolicies whether the reader and publisher IAM policies are created
 * @param packageGroups the package groups to create, internal namespaces first
 * @param cooldown the cooldown airlock, when one is on
 */
public record RegistryPlan(
        String componentName,
        boolean createDomain,
        KeyMode keyMode,
        String repositoryName,
        List<Store> stores,
        List<UpstreamRef> upstreams,
        boolean protect,
        boolean domainPolicy,
        boolean repositoryPolicy,
        boolean createIamPolicies,
        List<PackageGroupSpec> packageGroups,
        Optional<Cooldown> cooldown) {

    /** Where the domain's encryption key comes from. */
    public enum KeyMode {
        /** A customer-managed key created with the domain. */
        CREATE,
        /** A key the caller brings. */
        BRING_YOUR_OWN,
        /** CodeArtifact's AWS-managed key; also the case for a domain that is not created here. */
        AWS_MANAGED
    }

    /**
     * A store repository: created here, holding one external connection.
     *
     * @param repositoryName its AWS name
     * @param externalConnection the connection it holds, such as {@code public:pypi}
     */
    public record Store(String repositoryName, String externalConnection) {
    }

    /** What an upstream entry points at. */
    public enum UpstreamKind {
        /** A store repository this registry creates. */
        STORE,
        /** The store the domain's owner created for the connection, shared by the domain. */
        SHARED_STORE,
        /** An existing repository, or another registry's primary repository. */
        REPOSITORY
    }

    /**
     * One entry of the upstream chain.
     *
     * @param kind what it points at
     * @param name the repository's name when known now: the store's, or the existing repository's
     *     when given as a plain value
     * @param externalConnection the connection, for stores
     * @param index the entry's position in {@code upstreams}
     * @param airlocked whether the cooldown airlock holds the store back: it is then not an
     *     upstream of the primary repository, whose new versions are copied from it once aged
     */
    public record UpstreamRef(UpstreamKind kind, Optional<String> name, Optional<String> externalConnection, int index,
            boolean airlocked) {
    }

    /**
     * A cooldown airlock.
     *
     * @param duration how long a new public version waits in its store
     * @param formats the package formats held back
     * @param notifications whether an SNS topic is told of promotions and failures
     * @param logRetentionDays how long the workflow's log group keeps its events; 0 for ever
     * @param logsEncryptedWithKey whether a key of the caller's encrypts the log group
     */
    public record Cooldown(java.time.Duration duration, List<String> formats, boolean notifications,
            int logRetentionDays, boolean logsEncryptedWithKey) {
        public Cooldown {
            formats = List.copyOf(formats);
        }
    }

    /**
     * Checks that the component's name can name every child the plan holds.
     *
     * @throws IllegalArgumentException if the cooldown's log group cannot be named after the component
     */
    public RegistryPlan {
        java.util.Objects.requireNonNull(cooldown, "cooldown");
        if (cooldown.isPresent()) {
            Airlock.logGroupPrefix(componentName);
        }
        stores = List.copyOf(stores);
        upstreams = List.copyOf(upstreams);
        packageGroups = List.copyOf(packageGroups);
    }

    /** Named after the group's pattern, so that reordering groups renames nothing. */
    public String packageGroupLogicalName(PackageGroupSpec group) {
        return componentName + "-package-group-" + group.slug();
    }

    public String keyLogicalName() {
        return componentName + "-key";
    }

    public String keyAliasLogicalName() {
        return componentName + "-key-alias";
    }

    public String domainLogicalName() {
        return componentName + "-domain";
    }

    public String repositoryLogicalName() {
        return componentName + "-repository";
    }

    /** Named after the store's AWS name, so reordering the upstreams renames nothing. */
    public String storeLogicalName(Store store) {
        return componentName + "-upstream-" + store.repositoryName();
    }

    public String domainPolicyLogicalName() {
        return componentName + "-domain-policy";
    }

    public String repositoryPolicyLogicalName() {
        return componentName + "-repository-policy";
    }

    public String readerPolicyLogicalName() {
        return componentName + "-reader-policy";
    }

    public String publisherPolicyLogicalName() {
        return componentName + "-publisher-policy";
    }

    /** A domain policy is written only for a domain created here, and only when it grants something. */
    public boolean hasDomainPolicy() {
        return createDomain && domainPolicy;
    }

    public boolean hasRepositoryPolicy() {
        return repositoryPolicy;
    }

    public String readerPolicyDescription(String domainName) {
        return "Install packages from CodeArtifact " + domainName + "/" + repositoryName + " (mlregistry)";
    }

    public String publisherPolicyDescription(String domainName) {
        return "Publish and install packages in CodeArtifact " + domainName + "/" + repositoryName + " (mlregistry)";
    }

    /** The KMS alias, unique per account and region as the domain name is. */
    public static String keyAliasName(String domainName) {
        return "alias/codeartifact/" + domainName;
    }

    public static String keyDescription(String domainName) {
        return "Encrypts the CodeArtifact domain " + domainName + " (mlregistry)";
    }

    public String storeDescription(Store store) {
        return "Caches packages from " + store.externalConnection() + " for " + repositoryName + " (mlregistry)";
    }

    /** The entries of the primary repository's upstream list: every upstream the airlock does not hold back. */
    public List<UpstreamRef> primaryUpstreams() {
        return upstreams.stream().filter(u -> !u.airlocked()).toList();
    }

    /** The store repositories the airlock holds back, in upstream order. */
    public List<UpstreamRef> airlockedStores() {
        return upstreams.stream().filter(UpstreamRef::airlocked).toList();
    }

    public String cooldownLogicalName(String part) {
        return componentName + "-cooldown-" + part;
    }

    /** The name prefix of the airlock's log group, {@code /aws/vendedlogs/states/<name>-cooldown-}. */
    public String cooldownLogGroupPrefix() {
        return Airlock.logGroupPrefix(componentName);
    }

    /** The upstreams' names in search order; {@code output} for a name not known until deployment. */
    public List<String> upstreamNames() {
        return upstreams.stream().map(u -> u.name().orElse("output")).toList();
    }
}
