package io.mlregistry.internal.plan;

import com.pulumi.core.Output;
import io.mlregistry.internal.airlock.Airlock;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plain snapshot of one registry's Args, taken by {@code MlDependencyRegistryArgs}, so that the
 * validator and the planner read the inputs without depending on the public classes. Defaults are
 * applied as the Args' accessors apply them; what a rule must tell apart from its default (a
 * missing name, a {@code createKmsKey} that was set) stays visible. Args that Pulumi's deserializer
 * filled may hold nulls where the builder never would: those are kept, for the validator to report.
 *
 * @param domainName the domain's name; null when missing
 * @param repositoryName the primary repository's name; null when missing
 * @param description the primary repository's description, the default applied
 * @param upstreams the upstreams in search order, the default applied; an entry is null where the
 *     deserializer left one
 * @param createDomain whether the domain is created here
 * @param domainOwner the account that owns a domain joined, when given
 * @param kmsKeyArn the key brought, when given
 * @param createKmsKeySet {@code createKmsKey} as set, when it was
 * @param tags the tags
 * @param deletionProtection whether data-bearing resources are protected
 * @param readerPrincipals who may read
 * @param publisherPrincipals who may publish and read
 * @param organizationId the organization whose principals may read, when given
 * @param createIamPolicies whether the reader and publisher IAM policies are created
 * @param internalNamespaces the internal namespaces
 * @param packageGroups the raw package groups
 * @param tokenAccounts accounts granted authorization tokens by the domain policy
 * @param repositoryCreatorAccounts accounts granted repository creation by the domain policy
 * @param additionalDomainPolicyStatements the caller's statements for the domain policy
 * @param additionalRepositoryPolicyStatements the caller's statements for the repository policy
 * @param cooldown the cooldown airlock, when one is on
 * @param workloads how ML workloads reach the registry: private access, the VPC-endpoint
 *     requirement, SageMaker lifecycle configurations
 */
public record RegistryInputs(
        Output<String> domainName,
        String repositoryName,
        Output<String> description,
        List<UpstreamInput> upstreams,
        boolean createDomain,
        Optional<Output<String>> domainOwner,
        Optional<Output<String>> kmsKeyArn,
        Optional<Boolean> createKmsKeySet,
        Map<String, Output<String>> tags,
        boolean deletionProtection,
        List<Output<String>> readerPrincipals,
        List<Output<String>> publisherPrincipals,
        Optional<Output<String>> organizationId,
        boolean createIamPolicies,
        List<NamespaceInput> internalNamespaces,
        List<PackageGroupInput> packageGroups,
        List<Output<String>> tokenAccounts,
        List<Output<String>> repositoryCreatorAccounts,
        List<String> additionalDomainPolicyStatements,
        List<String> additionalRepositoryPolicyStatements,
        Optional<CooldownInput> cooldown,
        Workloads workloads) {

    /** Whether a key is created: as set, else when the domain is created here and no key is brought. */
    public boolean createKmsKey() {
        return createKmsKeySet.orElse(createDomain && kmsKeyArn.isEmpty());
    }

    /**
     * One upstream: exactly one of an external connection (with the store's name, when given) and
     * a repository, unless the deserializer left both or neither.
     *
     * @param externalConnection the public registry, such as {@code public:pypi}
     * @param storeRepositoryName the store repository's name, when given
     * @param repository an existing repository's name
     * @param ownCache whether the store is deliberately a cache of its own, not the domain's shared one
     */
    public record UpstreamInput(Optional<String> externalConnection, Optional<String> storeRepositoryName,
            Optional<Output<String>> repository, boolean ownCache) {
    }

    /**
     * One internal namespace.
     *
     * @param format {@code pypi}, {@code npm} or {@code maven}; null when the deserializer left it
     * @param namespace the npm scope or Maven group
     * @param namespacePrefix the Maven group prefix
     * @param namePrefix the PyPI name prefix
     * @param publishRepositories the repositories that may publish, when given
     */
    public record NamespaceInput(String format, Optional<String> namespace, Optional<String> namespacePrefix,
            Optional<String> namePrefix, Optional<List<String>> publishRepositories) {
    }

    /**
     * One raw package group.
     *
     * @param pattern the pattern; null when the deserializer left it
     * @param description the description, when given
     * @param publish the publish restriction, when given
     * @param externalUpstream the external-upstream restriction, when given
     * @param internalUpstream the internal-upstream restriction, when given
     */
    public record PackageGroupInput(String pattern, Optional<String> description, Optional<RestrictionInput> publish,
            Optional<RestrictionInput> externalUpstream, Optional<RestrictionInput> internalUpstream) {
    }

    /**
     * One origin restriction.
     *
     * @param mode the mode; null when the deserializer left it
     * @param repositories the allowed repositories
     */
    public record RestrictionInput(String mode, List<String> repositories) {
    }

    /**
     * The cooldown airlock.
     *
     * @param duration an ISO-8601 duration; null when the deserializer left it
     * @param formatsGiven the formats held back, when given
     * @param notifications whether an SNS topic is told of promotions and failures
     * @param logRetentionDays how long the workflow's log group keeps its events, when given
     * @param logKmsKeyArn the key that encrypts the workflow's log group, when given
     */
    public record CooldownInput(String duration, Optional<List<String>> formatsGiven, boolean notifications,
            Optional<Integer> logRetentionDays, Optional<Output<String>> logKmsKeyArn) {

        /** The formats held back: as given, else {@link Airlock#DEFAULT_FORMATS}. */
        public List<String> formats() {
            return formatsGiven.orElse(Airlock.DEFAULT_FORMATS);
        }
    }

    /**
     * How ML workloads reach the registry.
     *
     * @param privateAccess the VPC whose workloads reach the registry through endpoints, when given
     * @param requireVpcEndpoints whether the repository policy denies reads that do not come through
     *     the endpoints
     * @param requireVpcEndpointsForPublishers whether that applies to publishers too
     * @param sageMakerLifecycleConfigs whether the SageMaker lifecycle configurations are created
     */
    public record Workloads(Optional<PrivateAccessInput> privateAccess, boolean requireVpcEndpoints,
            boolean requireVpcEndpointsForPublishers, boolean sageMakerLifecycleConfigs) {

        /** No private access, no requirement, no lifecycle configuration. */
        public static final Workloads NONE = new Workloads(Optional.empty(), false, false, false);
    }

    /**
     * Private access to the registry from one VPC. An entry of a list is null where the
     * deserializer left one.
     *
     * @param vpcId the VPC; null when the deserializer left it
     * @param subnetIds the subnets the interface endpoints get a network interface in
     * @param allowedSecurityGroupIds the security groups whose members may reach the endpoints
     * @param allowedCidrs the CIDR blocks that may reach the endpoints
     * @param allowAnyAddress whether a CIDR block may admit every address
     * @param routeTableIds the route tables of the S3 gateway endpoint created here
     * @param existingS3GatewayEndpointId an S3 gateway endpoint the VPC has already, when given
     * @param privateDns whether the interface endpoints have private DNS
     */
    public record PrivateAccessInput(Output<String> vpcId, List<Output<String>> subnetIds,
            List<Output<String>> allowedSecurityGroupIds, List<Output<String>> allowedCidrs, boolean allowAnyAddress,
            List<Output<String>> routeTableIds, Optional<Output<String>> existingS3GatewayEndpointId,
            boolean privateDns) {
    }
}
