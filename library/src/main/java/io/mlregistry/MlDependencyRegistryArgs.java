package io.mlregistry;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.mlregistry.internal.Rules;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The inputs of an {@link MlDependencyRegistry}: which domain and repository to create, where
 * packages come from, and how they are encrypted and protected. Immutable; create one with
 * {@link #builder()}.
 *
 * <p>{@link Builder#build()} checks every rule at once and reports every broken one in a single
 * {@link IllegalArgumentException}, one line per problem, before any resource exists.
 */
public final class MlDependencyRegistryArgs extends ResourceArgs {

    // Every field here becomes an input of the component's inferred Pulumi schema, so rules,
    // defaults and derived values live in io.mlregistry.internal and ArgsValidator instead.

    @Import(name = "domainName", required = true)
    final String domainName;

    @Import(name = "repositoryName", required = true)
    final String repositoryName;

    @Import(name = "description")
    final String description;

    @Import(name = "upstreams")
    final List<Upstream> upstreams;

    @Import(name = "createDomain")
    final Boolean createDomain;

    @Import(name = "domainOwner")
    final String domainOwner;

    @Import(name = "kmsKeyArn")
    final Output<String> kmsKeyArn;

    @Import(name = "createKmsKey")
    final Boolean createKmsKey;

    @Import(name = "tags")
    final Map<String, String> tags;

    @Import(name = "deletionProtection")
    final Boolean deletionProtection;

    @Import(name = "readerPrincipals")
    final List<String> readerPrincipals;

    @Import(name = "publisherPrincipals")
    final List<String> publisherPrincipals;

    @Import(name = "organizationId")
    final String organizationId;

    @Import(name = "createIamPolicies")
    final Boolean createIamPolicies;

    @Import(name = "internalNamespaces")
    final List<InternalNamespace> internalNamespaces;

    @Import(name = "packageGroups")
    final List<PackageGroup> packageGroups;

    /** For Pulumi's deserializer, which fills the fields reflectively. */
    private MlDependencyRegistryArgs() {
        this.domainName = null;
        this.repositoryName = null;
        this.description = null;
        this.upstreams = null;
        this.createDomain = null;
        this.domainOwner = null;
        this.kmsKeyArn = null;
        this.createKmsKey = null;
        this.tags = null;
        this.deletionProtection = null;
        this.readerPrincipals = null;
        this.publisherPrincipals = null;
        this.organizationId = null;
        this.createIamPolicies = null;
        this.internalNamespaces = null;
        this.packageGroups = null;
    }

    private MlDependencyRegistryArgs(Builder builder) {
        this.domainName = builder.domainName;
        this.repositoryName = builder.repositoryName;
        this.description = builder.description;
        this.upstreams = builder.upstreams;
        this.createDomain = builder.createDomain;
        this.domainOwner = builder.domainOwner;
        this.kmsKeyArn = builder.kmsKeyArn;
        this.createKmsKey = builder.createKmsKey;
        this.tags = builder.tags;
        this.deletionProtection = builder.deletionProtection;
        this.readerPrincipals = builder.readerPrincipals;
        this.publisherPrincipals = builder.publisherPrincipals;
        this.organizationId = builder.organizationId;
        this.createIamPolicies = builder.createIamPolicies;
        this.internalNamespaces = builder.internalNamespaces;
        this.packageGroups = builder.packageGroups;
    }

    /**
     * Starts an empty builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding these Args' values, to derive a variant.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The CodeArtifact domain's name.
     *
     * @return the domain name; required
     */
    public String domainName() {
        return domainName;
    }

    /**
     * The primary repository's name.
     *
     * @return the repository name; required
     */
    public String repositoryName() {
        return repositoryName;
    }

    /**
     * The primary repository's description.
     *
     * @return the description given, or {@code Repository for ML Model Dependencies}
     */
    public String description() {
        return description != null ? description : Rules.DEFAULT_DESCRIPTION;
    }

    /**
     * The primary repository's upstream chain, in search order.
     *
     * @return the upstreams given, or {@code [Upstream.externalConnection("public:pypi")]}
     */
    public List<Upstream> upstreams() {
        return upstreams != null
                ? upstreams
                : List.of(Upstream.externalConnection(Rules.DEFAULT_EXTERNAL_CONNECTION));
    }

    /**
     * Whether the component creates the domain.
     *
     * @return the value given, or {@code true}
     */
    public boolean createDomain() {
        return createDomain == null || createDomain;
    }

    /**
     * The account that owns an existing domain.
     *
     * @return the account ID, or empty
     */
    public Optional<String> domainOwner() {
        return Optional.ofNullable(domainOwner);
    }

    /**
     * The key the caller brings to encrypt the domain.
     *
     * @return the key ARN, or empty
     */
    public Optional<Output<String>> kmsKeyArn() {
        return Optional.ofNullable(kmsKeyArn);
    }

    /**
     * Whether the component creates a customer-managed KMS key for the domain.
     *
     * @return the value given, or {@code true} when the component creates the domain and no key
     *     is given
     */
    public boolean createKmsKey() {
        if (createKmsKey != null) {
            return createKmsKey;
        }
        return createDomain() && kmsKeyArn == null;
    }

    /**
     * The tags put on every taggable child resource.
     *
     * @return the tags, in the order given; empty when none
     */
    public Map<String, String> tags() {
        return tags != null ? tags : Map.of();
    }

    /**
     * Whether the key, the domain and every repository are protected from deletion by Pulumi.
     *
     * @return the value given, or {@code true}
     */
    public boolean deletionProtection() {
        return deletionProtection == null || deletionProtection;
    }

    /**
     * The principals that may install packages from the primary repository.
     *
     * @return the principals, in the order given; empty when none
     */
    public List<String> readerPrincipals() {
        return readerPrincipals != null ? readerPrincipals : List.of();
    }

    /**
     * The principals that may publish to (and install from) the primary repository.
     *
     * @return the principals, in the order given; empty when none
     */
    public List<String> publisherPrincipals() {
        return publisherPrincipals != null ? publisherPrincipals : List.of();
    }

    /**
     * The AWS Organization whose principals may all install packages.
     *
     * @return the organization ID, or empty
     */
    public Optional<String> organizationId() {
        return Optional.ofNullable(organizationId);
    }

    /**
     * Whether the component creates the reader and publisher IAM managed policies.
     *
     * @return the value given, or {@code true}
     */
    public boolean createIamPolicies() {
        return createIamPolicies == null || createIamPolicies;
    }

    /**
     * The package names that belong to your organization, each guarded by a package group.
     *
     * @return the namespaces, in the order given; empty when none
     */
    public List<InternalNamespace> internalNamespaces() {
        return internalNamespaces != null ? internalNamespaces : List.of();
    }

    /**
     * Raw package groups created as given.
     *
     * @return the package groups, in the order given; empty when none
     */
    public List<PackageGroup> packageGroups() {
        return packageGroups != null ? packageGroups : List.of();
    }

    @Override
    public String toString() {
        return "MlDependencyRegistryArgs{domainName=" + domainName
                + ", repositoryName=" + repositoryName
                + ", description=" + description()
                + ", upstreams=" + upstreams()
                + ", createDomain=" + createDomain()
                + ", domainOwner=" + domainOwner
                + ", kmsKeyArn=" + (kmsKeyArn == null ? null : "Output")
                + ", createKmsKey=" + createKmsKey()
                + ", tags=" + tags()
                + ", deletionProtection=" + deletionProtection()
                + ", readerPrincipals=" + readerPrincipals()
                + ", publisherPrincipals=" + publisherPrincipals()
                + ", organizationId=" + organizationId
                + ", createIamPolicies=" + createIamPolicies()
                + ", internalNamespaces=" + internalNamespaces()
                + ", packageGroups=" + packageGroups()
                + "}";
    }

    /**
     * Builds {@link MlDependencyRegistryArgs}. Setters reject {@code null} at once; every other rule
     * is checked by {@link #build()}, all together.
     */
    public static final class Builder {
        private String domainName;
        private String repositoryName;
        private String description;
        private List<Upstream> upstreams;
        private Boolean createDomain;
        private String domainOwner;
        private Output<String> kmsKeyArn;
        private String plainKmsKeyArn;
        private Boolean createKmsKey;
        private Map<String, String> tags;
        private Boolean deletionProtection;
        private List<String> readerPrincipals;
        private List<String> publisherPrincipals;
        private String organizationId;
        private Boolean createIamPolicies;
        private List<InternalNamespace> internalNamespaces;
        private List<PackageGroup> packageGroups;

        private Builder() {
        }

        private Builder(MlDependencyRegistryArgs args) {
            this.domainName = args.domainName;
            this.repositoryName = args.repositoryName;
            this.description = args.description;
            this.upstreams = args.upstreams;
            this.createDomain = args.createDomain;
            this.domainOwner = args.domainOwner;
            this.kmsKeyArn = args.kmsKeyArn;
            this.createKmsKey = args.createKmsKey;
            this.tags = args.tags;
            this.deletionProtection = args.deletionProtection;
            this.readerPrincipals = args.readerPrincipals;
            this.publisherPrincipals = args.publisherPrincipals;
            this.organizationId = args.organizationId;
            this.createIamPolicies = args.createIamPolicies;
            this.internalNamespaces = args.internalNamespaces;
            this.packageGroups = args.packageGroups;
        }

        /**
         * The CodeArtifact domain to create, or to attach to with {@code createDomain(false)}.
         * Required. Domain names are unique per account and region and form part of a public DNS
         * name. Changing it replaces the domain and every repository in it.
         *
         * @param domainName 2-50 characters matching {@code [a-z][a-z0-9-]{0,48}[a-z0-9]}
         * @return this builder
         * @throws NullPointerException if {@code domainName} is null
         */
        public Builder domainName(String domainName) {
            this.domainName = Objects.requireNonNull(domainName, "domainName");
            return this;
        }

        /**
         * The primary repository, which ML teams install from and publish to. Required. Changing
         * it replaces the repository and deletes every package version in it.
         *
         * @param repositoryName 2-100 characters matching {@code [A-Za-z0-9][A-Za-z0-9._-]{1,99}}
         * @return this builder
         * @throws NullPointerException if {@code repositoryName} is null
         */
        public Builder repositoryName(String repositoryName) {
            this.repositoryName = Objects.requireNonNull(repositoryName, "repositoryName");
            return this;
        }

        /**
         * The primary repository's description. Default
         * {@code Repository for ML Model Dependencies}. Changed in place.
         *
         * @param description at most 1000 characters, no control characters
         * @return this builder
         * @throws NullPointerException if {@code description} is null
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * The upstream chain, in search order, replacing any set before. Default
         * {@code [Upstream.externalConnection("public:pypi")]}; an empty list means no upstream.
         * Repository names must not repeat, nor equal the primary repository's, and each external
         * connection appears at most once. {@link Upstream#repository(String)} entries need
         * {@code createDomain(false)}.
         *
         * @param upstreams at most 10 entries
         * @return this builder
         * @throws NullPointerException if the list or one of its entries is null
         */
        public Builder upstreams(List<Upstream> upstreams) {
            Objects.requireNonNull(upstreams, "upstreams");
            for (int i = 0; i < upstreams.size(); i++) {
                Objects.requireNonNull(upstreams.get(i), "upstreams[" + i + "]");
            }
            this.upstreams = ImmutableList.copyOf(upstreams);
            return this;
        }

        /**
         * The upstream chain, in search order; see {@link #upstreams(List)}.
         *
         * @param upstreams at most 10 entries
         * @return this builder
         * @throws NullPointerException if the array or one of its entries is null
         */
        public Builder upstreams(Upstream... upstreams) {
            Objects.requireNonNull(upstreams, "upstreams");
            return upstreams(Arrays.asList(upstreams));
        }

        /**
         * Whether to create the domain ({@code true}, the default) or attach the repositories to
         * an existing domain named by {@link #domainName(String)}. When another registry in the
         * same stack creates that domain, pass {@code ComponentResourceOptions.builder()
         * .dependsOn(thatRegistry)} so that the repositories are created after it.
         *
         * @param createDomain whether to create the domain
         * @return this builder
         */
        public Builder createDomain(boolean createDomain) {
            this.createDomain = createDomain;
            return this;
        }

        /**
         * The account that owns an existing domain, for a domain in another account. Only with
         * {@code createDomain(false)}; absent by default, meaning the deploying account. Changing
         * it replaces every repository.
         *
         * @param domainOwner a 12-digit account ID
         * @return this builder
         * @throws NullPointerException if {@code domainOwner} is null
         */
        public Builder domainOwner(String domainOwner) {
            this.domainOwner = Objects.requireNonNull(domainOwner, "domainOwner");
            return this;
        }

        /**
         * A symmetric KMS key the caller brings to encrypt the domain. Absent by default. Only
         * with {@code createDomain(true)}. Changing it replaces the domain.
         *
         * @param kmsKeyArn a key ARN {@code arn:<partition>:kms:<region>:<account>:key/<key id>};
         *     alias ARNs and bare key IDs are rejected because they show as a change on every
         *     preview
         * @return this builder
         * @throws NullPointerException if {@code kmsKeyArn} is null
         */
        public Builder kmsKeyArn(String kmsKeyArn) {
            this.plainKmsKeyArn = Objects.requireNonNull(kmsKeyArn, "kmsKeyArn");
            this.kmsKeyArn = Output.of(kmsKeyArn);
            return this;
        }

        /**
         * A symmetric KMS key the caller brings, as another resource's output (for example
         * {@code key.arn()}). Same rules as {@link #kmsKeyArn(String)}; the ARN's form is checked
         * once the value is known, failing the deployment before the domain is created.
         *
         * @param kmsKeyArn the key ARN
         * @return this builder
         * @throws NullPointerException if {@code kmsKeyArn} is null
         */
        public Builder kmsKeyArn(Output<String> kmsKeyArn) {
            this.kmsKeyArn = Objects.requireNonNull(kmsKeyArn, "kmsKeyArn");
            this.plainKmsKeyArn = null;
            return this;
        }

        /**
         * Whether to create a customer-managed KMS key (symmetric, yearly rotation, 30-day deletion
         * window) and an alias {@code alias/codeartifact/<domainName>}. Default {@code true} when
         * the domain is created and no key is given; {@code false} with no key means the
         * AWS-managed key. Not with {@link #kmsKeyArn(String)} nor {@code createDomain(false)}.
         *
         * @param createKmsKey whether to create the key
         * @return this builder
         */
        public Builder createKmsKey(boolean createKmsKey) {
            this.createKmsKey = createKmsKey;
            return this;
        }

        /**
         * Tags for every taggable child resource, replacing any set before. None by default.
         * Changed in place.
         *
         * @param tags at most 50; keys 1-128 characters not starting with {@code aws:}, values at
         *     most 256 characters; no control characters
         * @return this builder
         * @throws NullPointerException if the map, a key or a value is null
         */
        public Builder tags(Map<String, String> tags) {
            Objects.requireNonNull(tags, "tags");
            tags.forEach((key, value) -> {
                Objects.requireNonNull(key, "tags key");
                Objects.requireNonNull(value, "tags[" + key + "]");
            });
            this.tags = ImmutableMap.copyOf(tags);
            return this;
        }

        /**
         * Whether the KMS key, the domain and every repository are Pulumi-{@code protect}ed, so
         * that no update or destroy can delete them, and the packages in them, by accident.
         * Default {@code true}.
         *
         * @param deletionProtection whether to protect the data-bearing resources
         * @return this builder
         */
        public Builder deletionProtection(boolean deletionProtection) {
            this.deletionProtection = deletionProtection;
            return this;
        }

        /**
         * The principals that may install packages, replacing any set before. None by default.
         * Each gets {@code GetAuthorizationToken} in the domain policy (when the component creates
         * the domain) and the read actions in the repository policy. Their own account must still
         * grant them {@code codeartifact:GetAuthorizationToken} and {@code sts:GetServiceBearerToken}
         * in an identity policy. Changed in place.
         *
         * @param readerPrincipals 12-digit account IDs or IAM ARNs
         *     {@code arn:<partition>:iam::<account>:root}, {@code :role/<path/name>} or
         *     {@code :user/<path/name>}; no {@code *}, no service principals, no duplicates, none
         *     also a publisher; together with the publishers at most what fits AWS's 7168-character
         *     policy limit (about 90 role ARNs of 60 characters, readers and publishers
         *     together; many more account IDs)
         * @return this builder
         * @throws NullPointerException if the list or one of its entries is null
         */
        public Builder readerPrincipals(List<String> readerPrincipals) {
            this.readerPrincipals = copyOf(readerPrincipals, "readerPrincipals");
            return this;
        }

        /**
         * The principals that may install packages; see {@link #readerPrincipals(List)}.
         *
         * @param readerPrincipals account IDs or IAM ARNs
         * @return this builder
         * @throws NullPointerException if the array or one of its entries is null
         */
        public Builder readerPrincipals(String... readerPrincipals) {
            Objects.requireNonNull(readerPrincipals, "readerPrincipals");
            return readerPrincipals(Arrays.asList(readerPrincipals));
        }

        /**
         * The principals that may publish packages, and install them, replacing any set before.
         * None by default. Each gets {@code GetAuthorizationToken} in the domain policy (when the
         * component creates the domain) and the read actions plus {@code PublishPackageVersion} and
         * {@code PutPackageMetadata} in the repository policy. Changed in place.
         *
         * @param publisherPrincipals account IDs or IAM ARNs, as for
         *     {@link #readerPrincipals(List)}; none also a reader
         * @return this builder
         * @throws NullPointerException if the list or one of its entries is null
         */
        public Builder publisherPrincipals(List<String> publisherPrincipals) {
            this.publisherPrincipals = copyOf(publisherPrincipals, "publisherPrincipals");
            return this;
        }

        /**
         * The principals that may publish packages; see {@link #publisherPrincipals(List)}.
         *
         * @param publisherPrincipals account IDs or IAM ARNs
         * @return this builder
         * @throws NullPointerException if the array or one of its entries is null
         */
        public Builder publisherPrincipals(String... publisherPrincipals) {
            Objects.requireNonNull(publisherPrincipals, "publisherPrincipals");
            return publisherPrincipals(Arrays.asList(publisherPrincipals));
        }

        /**
         * An AWS Organization whose principals may all install packages: the domain policy grants
         * them an authorization token and the repository policy the read actions, under a
         * {@code StringEquals aws:PrincipalOrgID} condition. Absent by default. Changed in place.
         *
         * @param organizationId an organization ID matching {@code o-[a-z0-9]{10,32}}
         * @return this builder
         * @throws NullPointerException if {@code organizationId} is null
         */
        public Builder organizationId(String organizationId) {
            this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
            return this;
        }

        /**
         * Whether to create two IAM managed policies to attach to roles in the deploying account:
         * a reader policy (for a SageMaker execution role, say) and a publisher policy (for a CI
         * role). Default {@code true}. With it, tags must also satisfy IAM: only letters, digits,
         * spaces and {@code _.:/=+-@}.
         *
         * @param createIamPolicies whether to create the IAM policies
         * @return this builder
         */
        public Builder createIamPolicies(boolean createIamPolicies) {
            this.createIamPolicies = createIamPolicies;
            return this;
        }

        /**
         * Package names that belong to your organization, replacing any set before. None by
         * default. For each, the component creates a CodeArtifact package group (through Cloud
         * Control, {@code AWS::CodeArtifact::PackageGroup}) whose origin controls block public
         * registries ({@code ExternalUpstream BLOCK}), allow publishing only from the primary
         * repository or the repositories the namespace names, and allow internal upstreams, so
         * that no new version of an internal name comes from a public registry. Origin controls
         * govern only versions entering the domain after they apply: versions already cached in a
         * repository stay installable (docs/security.md gives the commands that find and remove
         * them), and AWS applies a new group after an eventual-consistency delay that grows with
         * the domain's groups and packages. Needs a domain in the
         * deploying account: {@code createDomain(true)}, or {@code createDomain(false)} without
         * {@code domainOwner}. Changing a namespace replaces its package group; no package is
         * deleted.
         *
         * @param internalNamespaces the namespaces; their patterns must not repeat
         * @return this builder
         * @throws NullPointerException if the list or an entry is null
         */
        public Builder internalNamespaces(List<InternalNamespace> internalNamespaces) {
            this.internalNamespaces = copyOf(internalNamespaces, "internalNamespaces");
            return this;
        }

        /**
         * Package names that belong to your organization; see {@link #internalNamespaces(List)}.
         *
         * @param internalNamespaces the namespaces
         * @return this builder
         * @throws NullPointerException if the array or an entry is null
         */
        public Builder internalNamespaces(InternalNamespace... internalNamespaces) {
            Objects.requireNonNull(internalNamespaces, "internalNamespaces");
            return internalNamespaces(Arrays.asList(internalNamespaces));
        }

        /**
         * Raw package groups, created as given, for origin controls {@link InternalNamespace}
         * does not cover; replacing any set before. None by default. Same domain requirement as
         * {@link #internalNamespaces(List)}.
         *
         * @param packageGroups the groups; patterns must not repeat, here or among the internal
         *     namespaces
         * @return this builder
         * @throws NullPointerException if the list or an entry is null
         */
        public Builder packageGroups(List<PackageGroup> packageGroups) {
            this.packageGroups = copyOf(packageGroups, "packageGroups");
            return this;
        }

        /**
         * Raw package groups; see {@link #packageGroups(List)}.
         *
         * @param packageGroups the groups
         * @return this builder
         * @throws NullPointerException if the array or an entry is null
         */
        public Builder packageGroups(PackageGroup... packageGroups) {
            Objects.requireNonNull(packageGroups, "packageGroups");
            return packageGroups(Arrays.asList(packageGroups));
        }

        private static <T> List<T> copyOf(List<T> values, String name) {
            Objects.requireNonNull(values, name);
            for (int i = 0; i < values.size(); i++) {
                Objects.requireNonNull(values.get(i), name + "[" + i + "]");
            }
            return ImmutableList.copyOf(values);
        }

        /**
         * Checks every rule and builds the Args.
         *
         * @return the Args
         * @throws IllegalArgumentException listing every broken rule, one per line, each naming
         *     the field, showing the value and saying what is allowed
         */
        public MlDependencyRegistryArgs build() {
            MlDependencyRegistryArgs args = new MlDependencyRegistryArgs(this);
            ArgsValidator.check(args, Optional.ofNullable(plainKmsKeyArn));
            ArgsValidator.built(args);
            return args;
        }
    }
}
