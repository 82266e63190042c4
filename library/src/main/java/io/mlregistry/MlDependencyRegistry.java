package io.mlregistry;

import com.google.gson.JsonParser;
import com.pulumi.aws.codeartifact.Domain;
import com.pulumi.aws.codeartifact.DomainArgs;
import com.pulumi.aws.codeartifact.DomainPermissions;
import com.pulumi.aws.codeartifact.DomainPermissionsArgs;
import com.pulumi.aws.codeartifact.Repository;
import com.pulumi.aws.codeartifact.RepositoryArgs;
import com.pulumi.aws.codeartifact.RepositoryPermissionsPolicy;
import com.pulumi.aws.codeartifact.RepositoryPermissionsPolicyArgs;
import com.pulumi.aws.codeartifact.inputs.RepositoryExternalConnectionsArgs;
import com.pulumi.aws.codeartifact.inputs.RepositoryUpstreamArgs;
import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.core.Tuples.Tuple2;
import com.pulumi.core.Tuples.Tuple3;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.mlregistry.internal.Arn;
import io.mlregistry.internal.DeployerPolicies;
import io.mlregistry.internal.Endpoints;
import io.mlregistry.internal.PackageGroupSpec;
import io.mlregistry.internal.Policies;
import io.mlregistry.internal.Problems;
import io.mlregistry.internal.RegistryPlan;
import io.mlregistry.internal.RegistryPlan.KeyMode;
import io.mlregistry.internal.RegistryPlan.Store;
import io.mlregistry.internal.Rules;
import io.mlregistry.internal.Urns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/**
 * A private AWS CodeArtifact registry for ML dependencies: a KMS-encrypted domain, the primary
 * repository ML teams install from and publish to, and the upstream chain to public registries.
 *
 * <p>One constructor call creates, as children of this component and named after it:
 * <ul>
 *   <li>{@code <name>-key} and {@code <name>-key-alias}: a customer-managed symmetric KMS key with
 *       rotation on and a 30-day deletion window, aliased {@code alias/codeartifact/<domainName>}
 *       (unless a key is brought or the AWS-managed key is chosen);</li>
 *   <li>{@code <name>-domain}: the domain (unless {@code createDomain(false)});</li>
 *   <li>{@code <name>-upstream-<store>}: one store repository per external connection;</li>
 *   <li>{@code <name>-repository}: the primary repository, with its upstreams in search order;</li>
 *   <li>{@code <name>-domain-policy} and {@code <name>-repository-policy}: the domain and
 *       repository permissions policies, when readers, publishers or an organization are named
 *       (the domain policy only for a domain created here);</li>
 *   <li>{@code <name>-reader-policy} and {@code <name>-publisher-policy}: IAM managed policies to
 *       attach to roles of the deploying account (unless {@code createIamPolicies(false)});</li>
 *   <li>{@code <name>-package-group-<pattern>}: one CodeArtifact package group per internal
 *       namespace or raw package group, through Cloud Control.</li>
 * </ul>
 * The key, the domain and the repositories are {@code protect}ed unless
 * {@code deletionProtection(false)}. The component calls no invokes: regions, partitions and
 * accounts are read from the ARNs AWS returns.
 */
public final class MlDependencyRegistry extends ComponentResource {

    /** The Pulumi type token of this component. */
    public static final String TYPE = "mlregistry:index:MlDependencyRegistry";

    private final String componentName;
    private final List<Output<String>> formerUrns;

    @Export(name = "domainName", refs = {String.class}, tree = "[0]")
    private final Output<String> domainName;

    @Export(name = "domainArn", refs = {String.class}, tree = "[0]")
    private final Output<String> domainArn;

    @Export(name = "domainOwner", refs = {String.class}, tree = "[0]")
    private final Output<String> domainOwner;

    @Export(name = "repositoryName", refs = {String.class}, tree = "[0]")
    private final Output<String> repositoryName;

    @Export(name = "repositoryArn", refs = {String.class}, tree = "[0]")
    private final Output<String> repositoryArn;

    @Export(name = "upstreamRepositoryNames", refs = {List.class, String.class}, tree = "[0,1]")
    private final Output<List<String>> upstreamRepositoryNames;

    @Export(name = "kmsKeyArn", refs = {String.class}, tree = "[0]")
    private final Output<String> kmsKeyArn;

    @Export(name = "pypiIndexUrl", refs = {String.class}, tree = "[0]")
    private final Output<String> pypiIndexUrl;

    @Export(name = "pypiUploadUrl", refs = {String.class}, tree = "[0]")
    private final Output<String> pypiUploadUrl;

    @Export(name = "mavenRepositoryUrl", refs = {String.class}, tree = "[0]")
    private final Output<String> mavenRepositoryUrl;

    @Export(name = "npmRegistryUrl", refs = {String.class}, tree = "[0]")
    private final Output<String> npmRegistryUrl;

    @Export(name = "readerPolicyArn", refs = {String.class}, tree = "[0]")
    private final Output<String> readerPolicyArn;

    @Export(name = "publisherPolicyArn", refs = {String.class}, tree = "[0]")
    private final Output<String> publisherPolicyArn;

    @Export(name = "packageGroupPatterns", refs = {List.class, String.class}, tree = "[0,1]")
    private final Output<List<String>> packageGroupPatterns;

    @Export(name = "packageGroupArns", refs = {List.class, String.class}, tree = "[0,1]")
    private final Output<List<String>> packageGroupArns;

    /**
     * Creates the registry.
     *
     * @param name the component's logical name, unique in the stack; every child's name starts
     *     with it
     * @param args the registry's inputs, from {@link MlDependencyRegistryArgs#builder()}
     * @param options component options such as {@code provider}, {@code providers},
     *     {@code aliases} or {@code resourceTransformations}, passed on to the children; may be
     *     null
     * @throws NullPointerException if {@code name} or {@code args} is null
     * @throws IllegalArgumentException if the Args break a rule (possible only for Args that did
     *     not come from {@code build()}), before any resource is registered
     */
    public MlDependencyRegistry(String name, MlDependencyRegistryArgs args, ComponentResourceOptions options) {
        // Args are not passed on as component inputs: measured, they cost about 10% per resource
        // on the mock engine and only feed the preview display.
        super(TYPE, checked(name, args), null, options);
        RegistryPlan plan = plan(name, args);
        this.componentName = name;
        // Where this component lived before each of its aliases, so that every child can carry an
        // alias to its own former URN and a renamed registry keeps its resources.
        this.formerUrns = options == null ? List.of() : options.getAliases().stream()
                .map(alias -> Output.tuple(alias.apply(Urns::resolve), urn())
                        .applyValue(t -> Urns.formerUrn(t.t2, t.t1)))
                .toList();

        Output<String> none = Output.ofNullable(null);
        Output<String> keyArn = encryptionKey(plan, args);
        Domain domain = plan.createDomain() ? createDomain(plan, keyArn) : null;
        // Repositories take the domain's name and owner from its outputs, so that they wait for it.
        Output<String> domainInput = domain != null ? domain.domain() : Output.of(plan.domainName());
        Output<String> ownerInput = domain != null ? domain.owner() : plan.domainOwner().map(Output::of).orElse(null);
        Repository repository = createRepositories(plan, domainInput, ownerInput);

        this.repositoryName = repository.repository();
        this.repositoryArn = repository.arn();
        if (domain != null) {
            this.domainName = domain.domain();
            this.domainOwner = domain.owner();
            this.domainArn = domain.arn();
        } else {
            this.domainName = Output.of(plan.domainName());
            // A repository's ARN carries the account of its domain's owner, given or not.
            this.domainOwner = ownerInput != null
                    ? ownerInput
                    : repository.arn().applyValue(arn -> Arn.parse(arn).account());
            this.domainArn = Output.tuple(repository.arn(), this.domainOwner).applyValue(t -> {
                Arn arn = Arn.parse(t.t1);
                return new Arn(arn.partition(), "codeartifact", arn.region(), t.t2,
                        "domain/" + plan.domainName()).toString();
            });
        }
        createResourcePolicies(plan, domainInput, ownerInput, repository);
        if (plan.createIamPolicies()) {
            Output<Tuple2<String, String>> arns = Output.tuple(this.domainArn, repository.arn());
            this.readerPolicyArn = createIamPolicy(plan.readerPolicyLogicalName(), plan.readerPolicyDescription(),
                    arns.applyValue(t -> Policies.readerPolicy(t.t1, t.t2).toJson()), plan);
            this.publisherPolicyArn = createIamPolicy(plan.publisherPolicyLogicalName(),
                    plan.publisherPolicyDescription(),
                    arns.applyValue(t -> Policies.publisherPolicy(t.t1, t.t2).toJson()), plan);
        } else {
            this.readerPolicyArn = none;
            this.publisherPolicyArn = none;
        }
        // Outputs are derived from what the plan knows, and shared, wherever they can be: every
        // Output costs the engine work, and the benchmark holds the component to the cost of the
        // same resources written by hand.
        List<String> patterns = plan.packageGroups().stream().map(PackageGroupSpec::pattern).toList();
        Output<List<String>> noGroups = patterns.isEmpty() ? Output.of(List.of()) : null;
        this.packageGroupPatterns = noGroups != null ? noGroups : Output.of(patterns);
        this.packageGroupArns = noGroups != null
                ? noGroups
                : Output.all(createPackageGroups(plan, domainInput, repository).stream()
                        .map(group -> group.properties().applyValue(MlDependencyRegistry::arnOf))
                        .toList());
        this.upstreamRepositoryNames = Output.of(plan.upstreamNames());
        this.kmsKeyArn = keyArn != null ? keyArn : none;
        // The domain's ARN carries its partition, region and owner: all an endpoint needs.
        Output<String> endpoint = domainArn.applyValue(arn -> {
            Arn parsed = Arn.parse(arn);
            return Endpoints.domainEndpoint(parsed, plan.domainName(), parsed.account());
        });
        String repo = plan.repositoryName();
        this.pypiIndexUrl = endpoint.applyValue(url -> Endpoints.pypiIndexUrl(url, repo));
        this.pypiUploadUrl = endpoint.applyValue(url -> Endpoints.repositoryEndpoint(url, "pypi", repo));
        this.mavenRepositoryUrl = endpoint.applyValue(url -> Endpoints.repositoryEndpoint(url, "maven", repo));
        this.npmRegistryUrl = endpoint.applyValue(url -> Endpoints.repositoryEndpoint(url, "npm", repo));

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("domainName", domainName);
        outputs.put("domainArn", domainArn);
        outputs.put("domainOwner", domainOwner);
        outputs.put("repositoryName", repositoryName);
        outputs.put("repositoryArn", repositoryArn);
        outputs.put("upstreamRepositoryNames", upstreamRepositoryNames);
        outputs.put("kmsKeyArn", kmsKeyArn);
        outputs.put("pypiIndexUrl", pypiIndexUrl);
        outputs.put("pypiUploadUrl", pypiUploadUrl);
        outputs.put("mavenRepositoryUrl", mavenRepositoryUrl);
        outputs.put("npmRegistryUrl", npmRegistryUrl);
        outputs.put("readerPolicyArn", readerPolicyArn);
        outputs.put("publisherPolicyArn", publisherPolicyArn);
        outputs.put("packageGroupPatterns", packageGroupPatterns);
        outputs.put("packageGroupArns", packageGroupArns);
        registerOutputs(outputs);
    }

    /** Creates the key and its alias, or takes the key brought; returns null for the AWS-managed key. */
    private Output<String> encryptionKey(RegistryPlan plan, MlDependencyRegistryArgs args) {
        if (plan.keyMode() == KeyMode.BRING_YOUR_OWN) {
            return args.kmsKeyArn().orElseThrow().applyValue(ArgsValidator::checkKmsKeyArn);
        }
        if (plan.keyMode() != KeyMode.CREATE) {
            return null;
        }
        Key key = new Key(plan.keyLogicalName(), withTags(KeyArgs.builder()
                .description(plan.keyDescription())
                .keyUsage("ENCRYPT_DECRYPT")
                .customerMasterKeySpec("SYMMETRIC_DEFAULT")
                .enableKeyRotation(true)
                .deletionWindowInDays(30), plan.tags(), KeyArgs.Builder::tags).build(),
                childOptions(plan.keyLogicalName(), plan.protect()));
        new com.pulumi.aws.kms.Alias(plan.keyAliasLogicalName(), AliasArgs.builder()
                .name(plan.keyAliasName())
                .targetKeyId(key.keyId())
                .build(), childOptions(plan.keyAliasLogicalName(), false));
        return key.arn();
    }

    private Domain createDomain(RegistryPlan plan, Output<String> keyArn) {
        DomainArgs.Builder domainArgs = DomainArgs.builder().domain(plan.domainName());
        if (keyArn != null) {
            domainArgs.encryptionKey(keyArn);
        }
        return new Domain(plan.domainLogicalName(), withTags(domainArgs, plan.tags(), DomainArgs.Builder::tags).build(),
                childOptions(plan.domainLogicalName(), plan.protect()));
    }

    /** Creates the store repositories and the primary repository; returns the primary. */
    private Repository createRepositories(RegistryPlan plan, Output<String> domainInput, Output<String> ownerInput) {
        Map<String, Repository> stores = new HashMap<>();
        for (Store store : plan.stores()) {
            RepositoryArgs.Builder storeArgs = RepositoryArgs.builder()
                    .repository(store.repositoryName())
                    .domain(domainInput)
                    .description(plan.storeDescription(store))
                    .externalConnections(RepositoryExternalConnectionsArgs.builder()
                            .externalConnectionName(store.externalConnection())
                            .build());
            if (ownerInput != null) {
                storeArgs.domainOwner(ownerInput);
            }
            stores.put(store.repositoryName(), new Repository(plan.storeLogicalName(store),
                    withTags(storeArgs, plan.tags(), RepositoryArgs.Builder::tags).build(),
                    childOptions(plan.storeLogicalName(store), plan.protect())));
        }

        List<RepositoryUpstreamArgs> upstreams = new ArrayList<>();
        for (String upstream : plan.upstreamNames()) {
            Repository store = stores.get(upstream);
            // A store's name is taken from its output so that the primary repository waits for it.
            Output<String> upstreamName = store != null ? store.repository() : Output.of(upstream);
            upstreams.add(RepositoryUpstreamArgs.builder().repositoryName(upstreamName).build());
        }
        RepositoryArgs.Builder repositoryArgs = RepositoryArgs.builder()
                .repository(plan.repositoryName())
                .domain(domainInput)
                .description(plan.description());
        if (ownerInput != null) {
            repositoryArgs.domainOwner(ownerInput);
        }
        if (!upstreams.isEmpty()) {
            repositoryArgs.upstreams(upstreams);
        }
        return new Repository(plan.repositoryLogicalName(),
                withTags(repositoryArgs, plan.tags(), RepositoryArgs.Builder::tags).build(),
                childOptions(plan.repositoryLogicalName(), plan.protect()));
    }

    /** Writes the domain and repository permissions policies, when they grant anything. */
    private void createResourcePolicies(
            RegistryPlan plan, Output<String> domainInput, Output<String> ownerInput, Repository repository) {
        Output<String> partition = domainArn.applyValue(arn -> Arn.parse(arn).partition());
        if (plan.hasDomainPolicy()) {
            new DomainPermissions(plan.domainPolicyLogicalName(), DomainPermissionsArgs.builder()
                    .domain(domainInput)
                    .domainOwner(ownerInput)
                    .policyDocument(partition.applyValue(p -> resourcePolicy(p, plan, Policies::domainPolicy)))
                    .build(), childOptions(plan.domainPolicyLogicalName(), false));
        }
        if (plan.hasRepositoryPolicy()) {
            RepositoryPermissionsPolicyArgs.Builder policyArgs = RepositoryPermissionsPolicyArgs.builder()
                    .domain(domainInput)
                    .repository(repository.repository())
                    .policyDocument(partition.applyValue(p -> resourcePolicy(p, plan, Policies::repositoryPolicy)));
            if (ownerInput != null) {
                policyArgs.domainOwner(ownerInput);
            }
            new RepositoryPermissionsPolicy(plan.repositoryPolicyLogicalName(), policyArgs.build(),
                    childOptions(plan.repositoryPolicyLogicalName(), false));
        }
    }

    /**
     * Creates the package groups through Cloud Control. The desired state names the primary
     * repository through its output, so that a group that lets it publish waits for it.
     */
    private List<com.pulumi.aws.cloudcontrol.Resource> createPackageGroups(
            RegistryPlan plan, Output<String> domainInput, Repository repository) {
        List<com.pulumi.aws.cloudcontrol.Resource> groups = new ArrayList<>();
        Output<Tuple3<String, String, String>> place = Output.tuple(domainInput, domainOwner, repository.repository());
        for (PackageGroupSpec group : plan.packageGroups()) {
            groups.add(new com.pulumi.aws.cloudcontrol.Resource(plan.packageGroupLogicalName(group),
                    com.pulumi.aws.cloudcontrol.ResourceArgs.builder()
                            .typeName(PackageGroupSpec.TYPE_NAME)
                            .desiredState(place.applyValue(t -> group.desiredState(t.t1, t.t2, plan.tags())))
                            .build(), childOptions(plan.packageGroupLogicalName(group), false)));
        }
        return groups;
    }

    /** The ARN in a Cloud Control resource's properties document. */
    private static String arnOf(String properties) {
        return JsonParser.parseString(properties).getAsJsonObject().get("Arn").getAsString();
    }

    private Output<String> createIamPolicy(
            String logicalName, String description, Output<String> document, RegistryPlan plan) {
        return new Policy(logicalName, withTags(PolicyArgs.builder().description(description).policy(document),
                plan.tags(), PolicyArgs.Builder::tags).build(), childOptions(logicalName, false)).arn();
    }

    /**
     * Options for one child: parented here, protected as asked, and aliased to its former URN
     * under each former URN of this component. Child names start with the component's name, so a
     * renamed component's children were named after its former name.
     */
    private CustomResourceOptions childOptions(String logicalName, boolean protect) {
        CustomResourceOptions.Builder options = CustomResourceOptions.builder().parent(this).protect(protect);
        if (!formerUrns.isEmpty()) {
            String suffix = logicalName.substring(componentName.length());
            options.aliases(formerUrns.stream()
                    // parentUrn before name: pulumi-java 1.36.1's Alias.Builder.parentUrn refuses to
                    // follow name, checking the wrong field.
                    .map(former -> former.applyValue(urn -> Alias.builder()
                            .parentUrn(Output.of(urn))
                            .name(Urns.parse(urn).name() + suffix)
                            .build()))
                    .toList());
        }
        return options.build();
    }

    /**
     * Writes a resource policy once the partition is known. Principals given as ARNs must be in
     * the registry's partition, which {@code build()} cannot know.
     */
    private static String resourcePolicy(
            String partition, RegistryPlan plan, BiFunction<String, Policies.Access, Optional<IamPolicy>> policy) {
        Problems problems = new Problems();
        checkPartition("readerPrincipals", plan.access().readers(), partition, problems);
        checkPartition("publisherPrincipals", plan.access().publishers(), partition, problems);
        problems.throwIfAny();
        return policy.apply(partition, plan.access()).orElseThrow().toJson();
    }

    private static void checkPartition(String field, List<String> principals, String partition, Problems problems) {
        for (int i = 0; i < principals.size(); i++) {
            String principal = principals.get(i);
            int index = i;
            Rules.principalPartition(principal).filter(p -> !p.equals(partition)).ifPresent(p ->
                    problems.add(field + "[" + index + "]", principal,
                            "must be in partition " + partition + ", the registry's"));
        }
    }

    /** Checks the inputs before the component registers itself; returns {@code name}. */
    private static String checked(String name, MlDependencyRegistryArgs args) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
        ArgsValidator.checkUnlessBuilt(args);
        return name;
    }

    /** What the component will create for these inputs, without Pulumi. */
    static RegistryPlan plan(String name, MlDependencyRegistryArgs args) {
        List<Store> stores = new ArrayList<>();
        List<String> upstreamNames = new ArrayList<>();
        for (Upstream upstream : args.upstreams()) {
            String repository = upstream.repositoryName().orElseThrow();
            upstream.externalConnection().ifPresent(connection -> stores.add(new Store(repository, connection)));
            upstreamNames.add(repository);
        }
        KeyMode keyMode = args.kmsKeyArn().isPresent() ? KeyMode.BRING_YOUR_OWN
                : args.createKmsKey() ? KeyMode.CREATE
                : KeyMode.AWS_MANAGED;
        return new RegistryPlan(name, args.domainName(), args.createDomain(), args.domainOwner(), keyMode,
                args.repositoryName(), args.description(), stores, upstreamNames, args.tags(),
                args.deletionProtection(),
                new Policies.Access(args.readerPrincipals(), args.publisherPrincipals(), args.organizationId()),
                args.createIamPolicies(),
                PackageGroupPlanner.specs(args));
    }

    /** Sets tags only when there are some, so that an untagged resource shows no empty map. */
    private static <B> B withTags(B builder, Map<String, String> tags, BiFunction<B, Map<String, String>, B> setter) {
        return tags.isEmpty() ? builder : setter.apply(builder, tags);
    }

    /**
     * The CodeArtifact domain's name.
     *
     * @return the domain name
     */
    public Output<String> domainName() {
        return domainName;
    }

    /**
     * The domain's ARN; for an existing domain, formed from the repository's ARN.
     *
     * @return the domain ARN
     */
    public Output<String> domainArn() {
        return domainArn;
    }

    /**
     * The account that owns the domain.
     *
     * @return the 12-digit account ID
     */
    public Output<String> domainOwner() {
        return domainOwner;
    }

    /**
     * The primary repository's name.
     *
     * @return the repository name
     */
    public Output<String> repositoryName() {
        return repositoryName;
    }

    /**
     * The primary repository's ARN.
     *
     * @return the repository ARN
     */
    public Output<String> repositoryArn() {
        return repositoryArn;
    }

    /**
     * The primary repository's upstreams, in search order: store repositories and existing
     * repositories alike.
     *
     * @return the upstream repository names
     */
    public Output<List<String>> upstreamRepositoryNames() {
        return upstreamRepositoryNames;
    }

    /**
     * The ARN of the key that encrypts the domain: the key created here or the one brought.
     *
     * @return the key ARN; its value is null for the AWS-managed key and for an existing domain
     */
    public Output<String> kmsKeyArn() {
        return kmsKeyArn;
    }

    /**
     * The ARN of the IAM managed policy that lets a role install packages: attach it to a
     * SageMaker execution role or a training job's role.
     *
     * @return the policy ARN; its value is null with {@code createIamPolicies(false)}
     */
    public Output<String> readerPolicyArn() {
        return readerPolicyArn;
    }

    /**
     * The ARN of the IAM managed policy that lets a role publish and install packages: attach it to
     * a CI role.
     *
     * @return the policy ARN; its value is null with {@code createIamPolicies(false)}
     */
    public Output<String> publisherPolicyArn() {
        return publisherPolicyArn;
    }

    /**
     * The patterns of the package groups created, internal namespaces first, in the order given.
     *
     * @return the patterns; empty when none
     */
    public Output<List<String>> packageGroupPatterns() {
        return packageGroupPatterns;
    }

    /**
     * The ARNs of the package groups created, in the order of {@link #packageGroupPatterns()}.
     *
     * @return the ARNs; empty when none
     */
    public Output<List<String>> packageGroupArns() {
        return packageGroupArns;
    }

    /**
     * The index URL for pip, {@code https://<domain>-<owner>.d.codeartifact.<region>.<dns suffix>/pypi/<repository>/simple/}.
     *
     * @return the pip index URL
     */
    public Output<String> pypiIndexUrl() {
        return pypiIndexUrl;
    }

    /**
     * The Maven repository URL, {@code https://<domain>-<owner>.d.codeartifact.<region>.<dns suffix>/maven/<repository>/}.
     *
     * @return the Maven repository URL
     */
    public Output<String> mavenRepositoryUrl() {
        return mavenRepositoryUrl;
    }

    /**
     * The npm registry URL, {@code https://<domain>-<owner>.d.codeartifact.<region>.<dns suffix>/npm/<repository>/}.
     *
     * @return the npm registry URL
     */
    public Output<String> npmRegistryUrl() {
        return npmRegistryUrl;
    }

    /**
     * The URL twine uploads to, {@code https://<domain>-<owner>.d.codeartifact.<region>.<dns suffix>/pypi/<repository>/}:
     * the PyPI repository endpoint, which is {@link #pypiIndexUrl()} without {@code simple/}.
     *
     * @return the twine repository URL
     */
    public Output<String> pypiUploadUrl() {
        return pypiUploadUrl;
    }

    /**
     * The least-privilege identity policy for the role that runs {@code pulumi up} (or
     * {@code destroy}, {@code refresh}) for a registry with these Args: create, read, update and
     * delete exactly the resources this component would create, on their ARNs wherever they are
     * known before the deployment. Attach it to a CI role; it includes {@code kms:DescribeKey} and
     * {@code kms:CreateGrant} on the domain's key, which CodeArtifact requires of whoever creates a
     * domain with a customer-managed key. A brought key is granted as any key of the region, since
     * its ARN may be an output: narrow that statement ({@code UseKmsKeyForDomain}) to your key.
     * Creating no resource, this method needs no Pulumi engine.
     *
     * @param name the component's logical name, as passed to the constructor; it names the IAM
     *     policies
     * @param args the registry's inputs
     * @param partition the partition deployed to, such as {@code aws}
     * @param region the region deployed to, such as {@code us-east-1}
     * @param accountId the deploying account
     * @return the policy document, as IAM JSON
     * @throws NullPointerException if {@code name} or {@code args} is null
     * @throws IllegalArgumentException if the Args break a rule, or the partition, region or
     *     account is malformed
     */
    public static String deployerPolicy(
            String name, MlDependencyRegistryArgs args, String partition, String region, String accountId) {
        checked(name, args);
        return DeployerPolicies.deployerPolicy(plan(name, args), new DeployerPolicies.Target(partition, region, accountId))
                .toJson();
    }
}
