package io.mlregistry;

import com.google.common.collect.ImmutableList;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.mlregistry.internal.composition.DomainLinks;
import io.mlregistry.internal.composition.Member;
import io.mlregistry.internal.outputs.InputLists;
import io.mlregistry.internal.outputs.Shown;
import io.mlregistry.internal.plan.RegistryInputs;
import io.mlregistry.internal.rules.Problems;
import io.mlregistry.internal.rules.Rules;
import io.mlregistry.internal.validation.ArgsValidator;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
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
    final Output<String> domainName;

    @Import(name = "repositoryName", required = true)
    final String repositoryName;

    @Import(name = "description")
    final Output<String> description;

    @Import(name = "upstreams")
    final List<Upstream> upstreams;

    @Import(name = "createDomain")
    final Boolean createDomain;

    @Import(name = "domainOwner")
    final Output<String> domainOwner;

    @Import(name = "kmsKeyArn")
    final Output<String> kmsKeyArn;

    @Import(name = "createKmsKey")
    final Boolean createKmsKey;

    @Import(name = "tags")
    final Map<String, Output<String>> tags;

    @Import(name = "deletionProtection")
    final Boolean deletionProtection;

    @Import(name = "readerPrincipals")
    final List<Output<String>> readerPrincipals;

    @Import(name = "publisherPrincipals")
    final List<Output<String>> publisherPrincipals;

    @Import(name = "organizationId")
    final Output<String> organizationId;

    @Import(name = "createIamPolicies")
    final Boolean createIamPolicies;

    @Import(name = "internalNamespaces")
    final List<InternalNamespace> internalNamespaces;

    @Import(name = "packageGroups")
    final List<PackageGroup> packageGroups;

    @Import(name = "tokenAccounts")
    final List<Output<String>> tokenAccounts;

    @Import(name = "repositoryCreatorAccounts")
    final List<Output<String>> repositoryCreatorAccounts;

    @Import(name = "additionalDomainPolicyStatements")
    final List<String> additionalDomainPolicyStatements;

    @Import(name = "additionalRepositoryPolicyStatements")
    final List<String> additionalRepositoryPolicyStatements;

    @Import(name = "cooldown")
    final Cooldown cooldown;

    @Import(name = "privateAccess")
    final PrivateAccess privateAccess;

    @Import(name = "requireVpcEndpoints")
    final Boolean requireVpcEndpoints;

    @Import(name = "requireVpcEndpointsForPublishers")
    final Boolean requireVpcEndpointsForPublishers;

    @Import(name = "createSageMakerLifecycleConfigs")
    final Boolean createSageMakerLifecycleConfigs;

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
        this.tokenAccounts = null;
        this.repositoryCreatorAccounts = null;
        this.additionalDomainPolicyStatements = null;
        this.additionalRepositoryPolicyStatements = null;
        this.cooldown = null;
        this.privateAccess = null;
        this.requireVpcEndpoints = null;
        this.requireVpcEndpointsForPublishers = null;
        this.createSageMakerLifecycleConfigs = null;
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
        this.tokenAccounts = builder.tokenAccounts;
        this.repositoryCreatorAccounts = builder.repositoryCreatorAccounts;
        this.additionalDomainPolicyStatements = builder.additionalDomainPolicyStatements;
        this.additionalRepositoryPolicyStatements = builder.additionalRepositoryPolicyStatements;
        this.cooldown = builder.cooldown;
        this.privateAccess = builder.privateAccess;
        this.requireVpcEndpoints = builder.requireVpcEndpoints;
        this.requireVpcEndpointsForPublishers = builder.requireVpcEndpointsForPublishers;
        this.createSageMakerLifecycleConfigs = builder.createSageMakerLifecycleConfigs;
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
    public Output<String> domainName() {
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
    public Output<String> description() {
        return description != null ? description : Output.of(Rules.DEFAULT_DESCRIPTION);
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
    public Optional<Output<String>> domainOwner() {
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
    public Map<String, Output<String>> tags() {
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
    public List<Output<String>> readerPrincipals() {
        return readerPrincipals != null ? readerPrincipals : List.of();
    }

    /**
     * The principals that may publish to (and install from) the primary repository.
     *
     * @return the principals, in the order given; empty when none
     */
    public List<Output<String>> publisherPrincipals() {
        return publisherPrincipals != null ? publisherPrincipals : List.of();
    }

    /**
     * The AWS Organization whose principals may all install packages.
     *
     * @return the organization ID, or empty
     */
    public Optional<Output<String>> organizationId() {
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

    /**
     * The accounts whose principals may get an authorization token for the domain.
     *
     * @return the accounts, in the order given; empty when none
     */
    public List<Output<String>> tokenAccounts() {
        return tokenAccounts != null ? tokenAccounts : List.of();
    }

    /**
     * The accounts that may create repositories in the domain.
     *
     * @return the accounts, in the order given; empty when none
     */
    public List<Output<String>> repositoryCreatorAccounts() {
        return repositoryCreatorAccounts != null ? repositoryCreatorAccounts : List.of();
    }

    /**
     * The caller's own statements added to the domain policy.
     *
     * @return the statements as JSON, in the order given; empty when none
     */
    public List<String> additionalDomainPolicyStatements() {
        return additionalDomainPolicyStatements != null ? additionalDomainPolicyStatements : List.of();
    }

    /**
     * The caller's own statements added to the primary repository's policy.
     *
     * @return the statements as JSON, in the order given; empty when none
     */
    public List<String> additionalRepositoryPolicyStatements() {
        return additionalRepositoryPolicyStatements != null ? additionalRepositoryPolicyStatements : List.of();
    }

    /**
     * The cooldown airlock, when one is on.
     *
     * @return the cooldown, or empty
     */
    public Optional<Cooldown> cooldown() {
        return Optional.ofNullable(cooldown);
    }

    /**
     * Private access from a VPC, when given.
     *
     * @return the private access, or empty
     */
    public Optional<PrivateAccess> privateAccess() {
        return Optional.ofNullable(privateAccess);
    }

    /**
     * Whether the repository policy denies reads that do not come through the VPC endpoints.
     *
     * @return the value given, or {@code false}
     */
    public boolean requireVpcEndpoints() {
        return requireVpcEndpoints != null && requireVpcEndpoints;
    }

    /**
     * Whether publishers, too, must come through the VPC endpoints.
     *
     * @return the value given, or {@code false}
     */
    public boolean requireVpcEndpointsForPublishers() {
        return requireVpcEndpointsForPublishers != null && requireVpcEndpointsForPublishers;
    }

    /**
     * Whether the SageMaker lifecycle configurations are created.
     *
     * @return the value given, or {@code false}
     */
    public boolean createSageMakerLifecycleConfigs() {
        return createSageMakerLifecycleConfigs != null && createSageMakerLifecycleConfigs;
    }

    /** The plain snapshot the validator and the planner read: defaults applied, "not set" kept where a rule needs it. */
    RegistryInputs inputs() {
        return new RegistryInputs(domainName, repositoryName, description(),
                upstreams().stream().map(upstream -> upstream == null ? null : upstream.input()).toList(),
                createDomain(), domainOwner(), kmsKeyArn(), Optional.ofNullable(createKmsKey), tags(),
                deletionProtection(), readerPrincipals(), publisherPrincipals(), organizationId(), createIamPolicies(),
                internalNamespaces().stream().map(namespace -> namespace == null ? null : namespace.input()).toList(),
                packageGroups().stream().map(group -> group == null ? null : group.input()).toList(),
                tokenAccounts(), repositoryCreatorAccounts(), additionalDomainPolicyStatements(),
                additionalRepositoryPolicyStatements(), cooldown().map(Cooldown::input),
                new RegistryInputs.Workloads(privateAccess().map(PrivateAccess::input), requireVpcEndpoints(),
                        requireVpcEndpointsForPublishers(), createSageMakerLifecycleConfigs()));
    }

    /** Values known now as themselves, others as {@code output}; secrets as {@code [secret]}. */
    @Override
    public String toString() {
        return "MlDependencyRegistryArgs{domainName=" + Shown.of(domainName)
                + ", repositoryName=" + repositoryName
                + ", description=" + Shown.of(description())
                + ", upstreams=" + upstreams()
                + ", createDomain=" + createDomain()
                + ", domainOwner=" + Shown.of(domainOwner)
                + ", kmsKeyArn=" + Shown.of(kmsKeyArn)
                + ", createKmsKey=" + createKmsKey()
                + ", tags=" + Shown.of(tags())
                + ", deletionProtection=" + deletionProtection()
                + ", readerPrincipals=" + Shown.of(readerPrincipals())
                + ", publisherPrincipals=" + Shown.of(publisherPrincipals())
                + ", organizationId=" + Shown.of(organizationId)
                + ", createIamPolicies=" + createIamPolicies()
                + ", internalNamespaces=" + internalNamespaces()
                + ", packageGroups=" + packageGroups()
                + ", tokenAccounts=" + Shown.of(tokenAccounts())
                + ", repositoryCreatorAccounts=" + Shown.of(repositoryCreatorAccounts())
                + ", additionalDomainPolicyStatements=" + additionalDomainPolicyStatements()
                + ", additionalRepositoryPolicyStatements=" + additionalRepositoryPolicyStatements()
                + ", cooldown=" + cooldown
                + ", privateAccess=" + privateAccess
                + ", requireVpcEndpoints=" + requireVpcEndpoints()
                + ", requireVpcEndpointsForPublishers=" + requireVpcEndpointsForPublishers()
                + ", createSageMakerLifecycleConfigs=" + createSageMakerLifecycleConfigs()
                + "}";
    }

    /**
     * Builds {@link MlDependencyRegistryArgs}. Setters reject {@code null} at once; every other rule
     * is checked by {@link #build()}, all together. Inputs that other resources usually supply
     * (names, accounts, principals, tag values) also take an {@link Output}: its value is checked
     * with the same rules and messages when it resolves, before any resource that takes it is
     * registered.
     */
    public static final class Builder {
        private Output<String> domainName;
        private String repositoryName;
        private Output<String> description;
        private List<Upstream> upstreams;
        private Boolean createDomain;
        private Output<String> domainOwner;
        private Output<String> kmsKeyArn;
        private Boolean createKmsKey;
        private Map<String, Output<String>> tags;
        private Boolean deletionProtection;
        private List<Output<String>> readerPrincipals;
        private List<Output<String>> publisherPrincipals;
        private Output<String> organizationId;
        private Boolean createIamPolicies;
        private List<InternalNamespace> internalNamespaces;
        private List<PackageGroup> packageGroups;
        private List<Output<String>> tokenAccounts;
        private List<Output<String>> repositoryCreatorAccounts;
        private List<String> additionalDomainPolicyStatements;
        private List<String> additionalRepositoryPolicyStatements;
        private Cooldown cooldown;
        private PrivateAccess privateAccess;
        private Boolean requireVpcEndpoints;
        private Boolean requireVpcEndpointsForPublishers;
        private Boolean createSageMakerLifecycleConfigs;
        private Member domainOf;
        // What inDomainOf took from its owner, and which domain setters the caller also used:
        // inDomainOf is exclusive with them, in whichever order they are called.
        private Output<String> linkedDomainName;
        private Output<String> linkedDomainOwner;
        private boolean inheritedLink;
        private boolean domainNameSet;
        private boolean domainOwnerSet;
        private boolean createDomainTrue;
        private final List<String> otherOwners = new java.util.ArrayList<>();

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
            this.tokenAccounts = args.tokenAccounts;
            this.repositoryCreatorAccounts = args.repositoryCreatorAccounts;
            this.additionalDomainPolicyStatements = args.additionalDomainPolicyStatements;
            this.additionalRepositoryPolicyStatements = args.additionalRepositoryPolicyStatements;
            this.cooldown = args.cooldown;
            this.privateAccess = args.privateAccess;
            this.requireVpcEndpoints = args.requireVpcEndpoints;
            this.requireVpcEndpointsForPublishers = args.requireVpcEndpointsForPublishers;
            this.createSageMakerLifecycleConfigs = args.createSageMakerLifecycleConfigs;
            this.domainOf = DomainLinks.ownerOf(args).orElse(null);
            // The domain's name and owner came from inDomainOf: a variant may join another owner.
            this.linkedDomainName = args.domainName;
            this.linkedDomainOwner = args.domainOwner;
            this.inheritedLink = domainOf != null;
        }

        /**
         * The CodeArtifact domain to create, or to attach to with {@code createDomain(false)}.
         * Required (or set by {@link #inDomainOf}). Domain names are unique per account and region
         * and form part of a public DNS name. Changing it replaces the domain and every repository
         * in it.
         *
         * @param domainName 2-50 characters matching {@code [a-z][a-z0-9-]{0,48}[a-z0-9]}
         * @return this builder
         * @throws NullPointerException if {@code domainName} is null
         */
        public Builder domainName(String domainName) {
            return domainName(Output.of(Objects.requireNonNull(domainName, "domainName")));
        }

        /**
         * The domain's name as another resource's output or a config value; same rules as
         * {@link #domainName(String)}, checked when the value resolves.
         *
         * @param domainName the domain name
         * @return this builder
         * @throws NullPointerException if {@code domainName} is null
         */
        public Builder domainName(Output<String> domainName) {
            this.domainName = Objects.requireNonNull(domainName, "domainName");
            this.domainNameSet = true;
            return this;
        }

        /**
         * Puts this registry's repositories in the domain another registry of the same stack
         * creates (or attaches to): the domain's name and owner come from that registry's outputs,
         * so the repositories wait for the domain without a {@code dependsOn}, and
         * {@code createDomain} becomes {@code false}. An {@link Upstream#externalConnection(String)}
         * then reuses the store repository {@code owner} created for that connection (one cache of
         * each public registry per domain) or, when it has none, gets a store named after this
         * registry's repository ({@code <repositoryName>-<connection>-store}). The repositories this
         * registry creates must not collide with any other registry's in the domain, and its
         * readers and publishers must be able to get a token from the domain's policy; both are
         * checked, naming both registries. It is exclusive: {@code build()} refuses it together with
         * {@code domainName}, {@code domainOwner}, {@code createDomain(true)} or a second
         * {@code inDomainOf} naming another registry, in whichever order they are called. On a
         * builder from {@link MlDependencyRegistryArgs#toBuilder()}, it replaces the owner the Args
         * joined.
         *
         * @param owner the registry whose domain to join
         * @return this builder
         * @throws NullPointerException if {@code owner} is null
         */
        public Builder inDomainOf(MlDependencyRegistry owner) {
            Objects.requireNonNull(owner, "owner");
            Member member = owner.member();
            if (domainOf != null && !inheritedLink && domainOf.node() != member.node()) {
                otherOwners.add(member.name());
                return this;
            }
            this.inheritedLink = false;
            // Read through the owner's node, which a component provider carries from one
            // deployment of a program to the next.
            this.linkedDomainName = member.domainName();
            this.linkedDomainOwner = member.domainOwner();
            this.domainName = linkedDomainName;
            this.domainOwner = linkedDomainOwner;
            this.createDomain = false;
            this.domainOf = member;
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
            return description(Output.of(Objects.requireNonNull(description, "description")));
        }

        /**
         * The primary repository's description as an output; same rules as
         * {@link #description(String)}, checked when the value resolves.
         *
         * @param description the description
         * @return this builder
         * @throws NullPointerException if {@code description} is null
         */
        public Builder description(Output<String> description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * The upstream chain, in search order, replacing any set before. Default
         * {@code [Upstream.externalConnection("public:pypi")]}; an empty list means no upstream.
         * Repository names must not repeat, nor equal the primary repository's, and each external
         * connection appears at most once. {@link Upstream#repository(String)} and
         * {@link Upstream#repositoryOf(MlDependencyRegistry)} entries need
         * {@code createDomain(false)} or {@link #inDomainOf}.
         *
         * @param upstreams at most 10 entries
         * @return this builder
         * @throws NullPointerException if the list or one of its entries is null
         */
        public Builder upstreams(List<Upstream> upstreams) {
            this.upstreams = copyOf(upstreams, "upstreams");
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
         * an existing domain named by {@link #domainName(String)}. For a domain another registry of
         * the same stack creates, prefer {@link #inDomainOf}, which also orders the deployment.
         *
         * @param createDomain whether to create the domain
         * @return this builder
         */
        public Builder createDomain(boolean createDomain) {
            this.createDomain = createDomain;
            this.createDomainTrue = createDomain;
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
            return domainOwner(Output.of(Objects.requireNonNull(domainOwner, "domainOwner")));
        }

        /**
         * The account that owns an existing domain, as an output (a stack reference, say); same
         * rules as {@link #domainOwner(String)}, checked when the value resolves.
         *
         * @param domainOwner a 12-digit account ID
         * @return this builder
         * @throws NullPointerException if {@code domainOwner} is null
         */
        public Builder domainOwner(Output<String> domainOwner) {
            this.domainOwner = Objects.requireNonNull(domainOwner, "domainOwner");
            this.domainOwnerSet = true;
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
            return kmsKeyArn(Output.of(Objects.requireNonNull(kmsKeyArn, "kmsKeyArn")));
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
            Map<String, Output<String>> copy = new LinkedHashMap<>();
            tags.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "tags key"),
                    Output.of(Objects.requireNonNull(value, "tags[" + key + "]"))));
            this.tags = Collections.unmodifiableMap(copy);
            return this;
        }

        /**
         * Adds one tag, or replaces the value of a tag of the same key; see {@link #tags(Map)}.
         *
         * @param key the tag key
         * @param value the tag value
         * @return this builder
         * @throws NullPointerException if {@code key} or {@code value} is null
         */
        public Builder tag(String key, String value) {
            return tag(key, Output.of(Objects.requireNonNull(value, "tags[" + key + "]")));
        }

        /**
         * Adds one tag whose value is an output (a cost centre from a config value, say), or
         * replaces the value of a tag of the same key; the value's rules are checked when it
         * resolves.
         *
         * @param key the tag key
         * @param value the tag value
         * @return this builder
         * @throws NullPointerException if {@code key} or {@code value} is null
         */
        public Builder tag(String key, Output<String> value) {
            Objects.requireNonNull(key, "tags key");
            Objects.requireNonNull(value, "tags[" + key + "]");
            Map<String, Output<String>> copy = new LinkedHashMap<>(tags != null ? tags : Map.of());
            copy.put(key, value);
            this.tags = Collections.unmodifiableMap(copy);
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
         * in an identity policy. An account ID and that account's {@code :root} ARN are the same
         * principal. Changed in place.
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
            this.readerPrincipals = InputLists.outputsOf(readerPrincipals, "readerPrincipals");
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
         * The principals that may install packages, as outputs of other resources (for example
         * {@code sagemakerRole.arn()}), replacing any set before; see {@link #readerPrincipals(List)}.
         * Each value is checked when it resolves.
         *
         * @param readerPrincipals account IDs or IAM ARNs
         * @return this builder
         * @throws NullPointerException if the array or one of its entries is null
         */
        @SafeVarargs
        public final Builder readerPrincipals(Output<String>... readerPrincipals) {
            if (readerPrincipals == null) {
                throw new NullPointerException("readerPrincipals");
            }
            ImmutableList.Builder<Output<String>> copy = ImmutableList.builder();
            for (int i = 0; i < readerPrincipals.length; i++) {
                copy.add(Objects.requireNonNull(readerPrincipals[i], "readerPrincipals[" + i + "]"));
            }
            this.readerPrincipals = copy.build();
            return this;
        }

        /**
         * Adds one principal that may install packages; see {@link #readerPrincipals(List)}.
         *
         * @param readerPrincipal an account ID or IAM ARN
         * @return this builder
         * @throws NullPointerException if {@code readerPrincipal} is null
         */
        public Builder addReaderPrincipal(String readerPrincipal) {
            return addReaderPrincipal(Output.of(Objects.requireNonNull(readerPrincipal, "readerPrincipal")));
        }

        /**
         * Adds one principal that may install packages, as another resource's output; see
         * {@link #readerPrincipals(List)}.
         *
         * @param readerPrincipal an account ID or IAM ARN
         * @return this builder
         * @throws NullPointerException if {@code readerPrincipal} is null
         */
        public Builder addReaderPrincipal(Output<String> readerPrincipal) {
            this.readerPrincipals = InputLists.appended(readerPrincipals, readerPrincipal, "readerPrincipal");
            return this;
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
            this.publisherPrincipals = InputLists.outputsOf(publisherPrincipals, "publisherPrincipals");
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
         * The principals that may publish packages, as outputs of other resources (for example
         * {@code ciRole.arn()}), replacing any set before; see {@link #publisherPrincipals(List)}.
         *
         * @param publisherPrincipals account IDs or IAM ARNs
         * @return this builder
         * @throws NullPointerException if the array or one of its entries is null
         */
        @SafeVarargs
        public final Builder publisherPrincipals(Output<String>... publisherPrincipals) {
            if (publisherPrincipals == null) {
                throw new NullPointerException("publisherPrincipals");
            }
            ImmutableList.Builder<Output<String>> copy = ImmutableList.builder();
            for (int i = 0; i < publisherPrincipals.length; i++) {
                copy.add(Objects.requireNonNull(publisherPrincipals[i], "publisherPrincipals[" + i + "]"));
            }
            this.publisherPrincipals = copy.build();
            return this;
        }

        /**
         * Adds one principal that may publish packages; see {@link #publisherPrincipals(List)}.
         *
         * @param publisherPrincipal an account ID or IAM ARN
         * @return this builder
         * @throws NullPointerException if {@code publisherPrincipal} is null
         */
        public Builder addPublisherPrincipal(String publisherPrincipal) {
            return addPublisherPrincipal(Output.of(Objects.requireNonNull(publisherPrincipal, "publisherPrincipal")));
        }

        /**
         * Adds one principal that may publish packages, as another resource's output; see
         * {@link #publisherPrincipals(List)}.
         *
         * @param publisherPrincipal an account ID or IAM ARN
         * @return this builder
         * @throws NullPointerException if {@code publisherPrincipal} is null
         */
        public Builder addPublisherPrincipal(Output<String> publisherPrincipal) {
            this.publisherPrincipals = InputLists.appended(publisherPrincipals, publisherPrincipal, "publisherPrincipal");
            return this;
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
            return organizationId(Output.of(Objects.requireNonNull(organizationId, "organizationId")));
        }

        /**
         * The AWS Organization, as an output (for example from {@code aws.organizations} or a
         * config value); same rules as {@link #organizationId(String)}, checked when it resolves.
         *
         * @param organizationId an organization ID
         * @return this builder
         * @throws NullPointerException if {@code organizationId} is null
         */
        public Builder organizationId(Output<String> organizationId) {
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
         * deploying account: {@code createDomain(true)}, {@link #inDomainOf}, or {@code createDomain(false)} without
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

        /**
         * Accounts whose principals may get an authorization token for the domain, replacing any
         * set before: the consumer accounts of a central domain, whose own registries (created
         * there with {@link #repositoryCreatorAccounts}) grant their roles read access. None by
         * default. Only with {@code createDomain(true)}: the domain's owner writes its one domain
         * policy. Changed in place.
         *
         * @param tokenAccounts 12-digit account IDs or {@code arn:<partition>:iam::<account>:root};
         *     no duplicates
         * @return this builder
         * @throws NullPointerException if the list or one of its entries is null
         */
        public Builder tokenAccounts(List<String> tokenAccounts) {
            this.tokenAccounts = InputLists.outputsOf(tokenAccounts, "tokenAccounts");
            return this;
        }

        /**
         * Accounts whose principals may get an authorization token; see
         * {@link #tokenAccounts(List)}.
         *
         * @param tokenAccounts account IDs or root ARNs
         * @return this builder
         * @throws NullPointerException if the array or one of its entries is null
         */
        public Builder tokenAccounts(String... tokenAccounts) {
            Objects.requireNonNull(tokenAccounts, "tokenAccounts");
            return tokenAccounts(Arrays.asList(tokenAccounts));
        }

        /**
         * Adds one account whose principals may get an authorization token, as an output (a stack
         * reference, say); see {@link #tokenAccounts(List)}.
         *
         * @param tokenAccount an account ID or root ARN
         * @return this builder
         * @throws NullPointerException if {@code tokenAccount} is null
         */
        public Builder addTokenAccount(Output<String> tokenAccount) {
            this.tokenAccounts = InputLists.appended(tokenAccounts, tokenAccount, "tokenAccount");
            return this;
        }

        /**
         * Accounts that may create repositories in the domain, replacing any set before: the
         * domain policy lets them {@code CreateRepository}, tag what they create
         * ({@code TagResource}, which AWS applies to the domain and every repository in it) and
         * use this domain's repositories as upstreams ({@code AssociateWithDownstreamRepository}).
         * Nothing else: they cannot read, change or delete repositories they do not own. None by
         * default. Only with {@code createDomain(true)}. Changed in place.
         *
         * @param repositoryCreatorAccounts 12-digit account IDs or
         *     {@code arn:<partition>:iam::<account>:root}; no duplicates
         * @return this builder
         * @throws NullPointerException if the list or one of its entries is null
         */
        public Builder repositoryCreatorAccounts(List<String> repositoryCreatorAccounts) {
            this.repositoryCreatorAccounts = InputLists.outputsOf(repositoryCreatorAccounts, "repositoryCreatorAccounts");
            return this;
        }

        /**
         * Accounts that may create repositories in the domain; see
         * {@link #repositoryCreatorAccounts(List)}.
         *
         * @param repositoryCreatorAccounts account IDs or root ARNs
         * @return this builder
         * @throws NullPointerException if the array or one of its entries is null
         */
        public Builder repositoryCreatorAccounts(String... repositoryCreatorAccounts) {
            Objects.requireNonNull(repositoryCreatorAccounts, "repositoryCreatorAccounts");
            return repositoryCreatorAccounts(Arrays.asList(repositoryCreatorAccounts));
        }

        /**
         * Adds one account that may create repositories in the domain, as an output; see
         * {@link #repositoryCreatorAccounts(List)}.
         *
         * @param repositoryCreatorAccount an account ID or root ARN
         * @return this builder
         * @throws NullPointerException if {@code repositoryCreatorAccount} is null
         */
        public Builder addRepositoryCreatorAccount(Output<String> repositoryCreatorAccount) {
            this.repositoryCreatorAccounts = InputLists.appended(repositoryCreatorAccounts, repositoryCreatorAccount,
                    "repositoryCreatorAccount");
            return this;
        }

        /**
         * Your own statements, added after the component's to the domain policy, replacing any set
         * before: the domain has one policy, and this is how to extend it without a second writer
         * overwriting the first. None by default. Only with {@code createDomain(true)}. The
         * combined document must fit AWS's 7168-character limit. Changed in place.
         *
         * @param statements each one IAM policy statement as a JSON object with {@code Effect},
         *     {@code Principal}, {@code Action} and {@code Resource}; a {@code Sid}, when given,
         *     unique and none of the component's own
         * @return this builder
         * @throws NullPointerException if the list or one of its entries is null
         */
        public Builder additionalDomainPolicyStatements(List<String> statements) {
            this.additionalDomainPolicyStatements = copyOf(statements, "additionalDomainPolicyStatements");
            return this;
        }

        /**
         * Your own statements for the domain policy; see
         * {@link #additionalDomainPolicyStatements(List)}.
         *
         * @param statements IAM policy statements as JSON objects
         * @return this builder
         * @throws NullPointerException if the array or one of its entries is null
         */
        public Builder additionalDomainPolicyStatements(String... statements) {
            Objects.requireNonNull(statements, "additionalDomainPolicyStatements");
            return additionalDomainPolicyStatements(Arrays.asList(statements));
        }

        /**
         * Your own statements, added after the component's to the primary repository's policy,
         * replacing any set before. None by default. The combined document must fit AWS's
         * 7168-character limit. Changed in place.
         *
         * @param statements each one IAM policy statement as a JSON object, as for
         *     {@link #additionalDomainPolicyStatements(List)}
         * @return this builder
         * @throws NullPointerException if the list or one of its entries is null
         */
        public Builder additionalRepositoryPolicyStatements(List<String> statements) {
            this.additionalRepositoryPolicyStatements = copyOf(statements, "additionalRepositoryPolicyStatements");
            return this;
        }

        /**
         * Your own statements for the repository policy; see
         * {@link #additionalRepositoryPolicyStatements(List)}.
         *
         * @param statements IAM policy statements as JSON objects
         * @return this builder
         * @throws NullPointerException if the array or one of its entries is null
         */
        public Builder additionalRepositoryPolicyStatements(String... statements) {
            Objects.requireNonNull(statements, "additionalRepositoryPolicyStatements");
            return additionalRepositoryPolicyStatements(Arrays.asList(statements));
        }

        /**
         * A cooldown airlock (experimental): a new version from a public registry reaches the
         * primary repository only after it has waited {@link Cooldown#of(java.time.Duration) this
         * long} in its store, enforced by AWS. The primary repository then no longer lists the
         * airlocked formats' stores as upstreams; an EventBridge rule starts a Step Functions
         * workflow for every version a store ingests, which copies the version to the primary
         * repository once it has aged, unless it was archived in the store meanwhile (the veto).
         * New versions enter a store only when requested through the store's own endpoint (the
         * {@code cooldownStoreUrls} output): point a dependency-update bot or a scheduled job at it.
         * Packages published to the primary repository never wait. Absent by default. Needs an
         * {@link Upstream#externalConnection(String)} for each held-back format and a domain in
         * the deploying account. Turning it on or off changes the primary repository's upstreams in
         * place; no package is deleted.
         *
         * @param cooldown the cooldown; its duration 1 hour to 364 days
         * @return this builder
         * @throws NullPointerException if {@code cooldown} is null
         */
        public Builder cooldown(Cooldown cooldown) {
            this.cooldown = Objects.requireNonNull(cooldown, "cooldown");
            return this;
        }

        /**
         * Private access from a VPC, for ML workloads in private subnets: the CodeArtifact interface
         * endpoints, their security group and an S3 gateway endpoint (see {@link PrivateAccess}).
         * Absent by default. Registries that join one domain with {@link #inDomainOf} and name the
         * same VPC share the endpoints the first of them creates; their private DNS setting, subnets
         * and S3 gateway endpoint must then be the same, and each one's sources are admitted. The
         * client configuration outputs then point at the endpoints when private DNS is off. Changing
         * the VPC replaces the endpoints; no package is affected.
         *
         * @param privateAccess the VPC, subnets, sources and S3 gateway endpoint
         * @return this builder
         * @throws NullPointerException if {@code privateAccess} is null
         */
        public Builder privateAccess(PrivateAccess privateAccess) {
            this.privateAccess = Objects.requireNonNull(privateAccess, "privateAccess");
            return this;
        }

        /**
         * Whether the primary repository's policy denies {@code ReadFromRepository}, the action every
         * package download needs, to any request that does not come through this registry's VPC
         * endpoints ({@code aws:SourceVpce}). Default {@code false}. Publishers are exempt unless
         * {@link #requireVpcEndpointsForPublishers(boolean)}. Requires {@link #privateAccess}.
         *
         * <p><b>Warning:</b> this locks out every reader outside the VPC: a CI system on the
         * internet (GitHub Actions, a laptop, CodeBuild outside the VPC) can no longer install from
         * the repository, whatever its IAM permissions, and neither can a reader in another VPC.
         * Turn it on only when every reader runs inside the VPC. Changed in place.
         *
         * @param requireVpcEndpoints whether to require the endpoints
         * @return this builder
         */
        public Builder requireVpcEndpoints(boolean requireVpcEndpoints) {
            this.requireVpcEndpoints = requireVpcEndpoints;
            return this;
        }

        /**
         * Whether {@link #requireVpcEndpoints(boolean)} applies to publishers too, denying their
         * reads and their publishing outside the endpoints. Default {@code false}: a CI role that
         * publishes from outside the VPC keeps working. Requires {@code requireVpcEndpoints(true)}.
         * Changed in place.
         *
         * @param requireVpcEndpointsForPublishers whether publishers must come through the endpoints
         * @return this builder
         */
        public Builder requireVpcEndpointsForPublishers(boolean requireVpcEndpointsForPublishers) {
            this.requireVpcEndpointsForPublishers = requireVpcEndpointsForPublishers;
            return this;
        }

        /**
         * Whether to create SageMaker lifecycle configurations that point pip at the primary
         * repository: one Studio configuration per app type ({@code JupyterLab} and
         * {@code CodeEditor}) and one notebook-instance configuration ({@code OnStart}). Each script
         * fetches a token with the app's or instance's role, which needs the reader policy, and
         * writes the user's {@code ~/.config/pip/pip.conf}. Default {@code false}. With it, tags
         * must satisfy SageMaker: only letters, digits, spaces and {@code _.:/=+-@}. Attach the
         * configurations to a Studio domain or user profile ({@code studioLifecycleConfigArns}) or
         * a notebook instance ({@code notebookLifecycleConfigName}). A changed script replaces a
         * Studio configuration and updates the notebook one in place.
         *
         * @param createSageMakerLifecycleConfigs whether to create the configurations
         * @return this builder
         */
        public Builder createSageMakerLifecycleConfigs(boolean createSageMakerLifecycleConfigs) {
            this.createSageMakerLifecycleConfigs = createSageMakerLifecycleConfigs;
            return this;
        }

        private static <T> List<T> copyOf(List<T> values, String name) {
            Objects.requireNonNull(values, name);
            for (int i = 0; i < values.size(); i++) {
                Objects.requireNonNull(values.get(i), name + "[" + i + "]");
            }
            return ImmutableList.copyOf(values);
        }

        /**
         * Checks every rule on the values known now and builds the Args. Values that are outputs
         * of resources are checked with the same rules when they resolve.
         *
         * @return the Args
         * @throws IllegalArgumentException listing every broken rule, one per line, each naming
         *     the field, showing the value and saying what is allowed
         */
        public MlDependencyRegistryArgs build() {
            Problems problems = new Problems();
            if (domainOf != null) {
                List<String> alsoSet = new java.util.ArrayList<>();
                if (domainNameSet) {
                    alsoSet.add("domainName");
                }
                if (domainOwnerSet) {
                    alsoSet.add("domainOwner");
                }
                if (createDomainTrue) {
                    alsoSet.add("createDomain(true)");
                }
                otherOwners.forEach(other -> alsoSet.add("inDomainOf(" + other + ")"));
                DomainLinks.exclusive(domainOf.name(), alsoSet).ifPresent(problems::addLine);
                // The other checks read the Args as inDomainOf makes them.
                this.domainName = linkedDomainName;
                this.domainOwner = linkedDomainOwner;
                this.createDomain = false;
            }
            MlDependencyRegistryArgs args = new MlDependencyRegistryArgs(this);
            ArgsValidator.check(args.inputs(), domainOf != null, problems);
            if (domainOf != null) {
                DomainLinks.link(args, domainOf);
            }
            ArgsValidator.built(args);
            return args;
        }
    }
}
