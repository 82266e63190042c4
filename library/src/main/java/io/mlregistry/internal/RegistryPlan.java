package io.mlregistry.internal;

import com.google.common.collect.ImmutableMap;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one registry will create, worked out from validated inputs without Pulumi: logical names,
 * AWS names, the upstream order, tags and protection. {@code MlDependencyRegistry} turns it into
 * resources; tests read it directly.
 *
 * @param componentName the component's logical name, the prefix of every child's
 * @param domainName the CodeArtifact domain
 * @param createDomain whether the domain is created here
 * @param domainOwner the account owning an existing domain, when given
 * @param keyMode where the domain's encryption key comes from
 * @param repositoryName the primary repository
 * @param description the primary repository's description
 * @param stores the store repositories to create, in upstream order
 * @param upstreamNames the primary repository's upstreams, in search order
 * @param tags tags for every taggable child
 * @param protect whether the key, the domain and the repositories are protected
 * @param access who is granted what through the resource policies
 * @param createIamPolicies whether the reader and publisher IAM policies are created
 * @param packageGroups the package groups to create, internal namespaces first
 */
public record RegistryPlan(
        String componentName,
        String domainName,
        boolean createDomain,
        Optional<String> domainOwner,
        KeyMode keyMode,
        String repositoryName,
        String description,
        List<Store> stores,
        List<String> upstreamNames,
        Map<String, String> tags,
        boolean protect,
        Policies.Access access,
        boolean createIamPolicies,
        List<PackageGroupSpec> packageGroups) {

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

    public RegistryPlan {
        stores = List.copyOf(stores);
        upstreamNames = List.copyOf(upstreamNames);
        tags = ImmutableMap.copyOf(tags);
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
        return createDomain && access.grantsAnyone();
    }

    public boolean hasRepositoryPolicy() {
        return access.grantsAnyone();
    }

    public String readerPolicyDescription() {
        return "Install packages from CodeArtifact " + domainName + "/" + repositoryName + " (mlregistry)";
    }

    public String publisherPolicyDescription() {
        return "Publish and install packages in CodeArtifact " + domainName + "/" + repositoryName + " (mlregistry)";
    }

    /** The KMS alias, unique per account and region as the domain name is. */
    public String keyAliasName() {
        return "alias/codeartifact/" + domainName;
    }

    public String keyDescription() {
        return "Encrypts the CodeArtifact domain " + domainName + " (mlregistry)";
    }

    public String storeDescription(Store store) {
        return "Caches packages from " + store.externalConnection() + " for " + repositoryName + " (mlregistry)";
    }
}
