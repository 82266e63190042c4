package io.mlregistry;

import com.google.gson.JsonParser;
import com.pulumi.aws.codeartifact.Domain;
import com.pulumi.aws.codeartifact.Repository;
import com.pulumi.core.Output;
import com.pulumi.core.Tuples.Tuple2;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.mlregistry.internal.AccessRules;
import io.mlregistry.internal.Arn;
import io.mlregistry.internal.DeployerPolicies;
import io.mlregistry.internal.DomainLedger;
import io.mlregistry.internal.Endpoints;
import io.mlregistry.internal.Known;
import io.mlregistry.internal.PackageGroupSpec;
import io.mlregistry.internal.Policies;
import io.mlregistry.internal.Problems;
import io.mlregistry.internal.RegistryPlan;
import io.mlregistry.internal.StackLedger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
    private final DomainLedger ledger;
    private final Output<Policies.Access> access;

    // The outputs are plain fields, not @Export ones: the component package (provider/) declares
    // them in its own schema and reads them through the accessors, and pulumi-java 1.36.1 would
    // otherwise prepare every @Export field of every instance anew when it registers (a measured
    // few percent per registered resource; docs/performance.md). registerOutputs names them.

    private final Output<String> domainName;

    private final Output<String> domainArn;

    private final Output<String> domainOwner;

    private final Output<String> repositoryName;

    private final Output<String> repositoryArn;

    private final Output<List<String>> upstreamRepositoryNames;

    private final Output<String> kmsKeyArn;

    private final Output<String> pypiIndexUrl;

    private final Output<String> pypiUploadUrl;

    private final Output<String> mavenRepositoryUrl;

    private final Output<String> npmRegistryUrl;

    private final Output<String> readerPolicyArn;

    private final Output<String> publisherPolicyArn;

    private final Output<List<String>> packageGroupPatterns;

    private final Output<List<String>> packageGroupArns;

    private final Output<List<String>> cooldownStoreUrls;

    private final Output<String> cooldownTopicArn;

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
     *     not come from {@code build()}), or if this registry would create a domain or a repository
     *     another registry of the stack already creates, before any resource is registered
     */
    public MlDependencyRegistry(String name, MlDependencyRegistryArgs args, ComponentResourceOptions options) {
        this(prepare(name, args), options);
    }

    /** What is settled before the component registers: checked Args, the domain's ledger, the plan. */
    private record Prepared(String name, MlDependencyRegistryArgs args, Optional<MlDependencyRegistry> owner,
            DomainLedger ledger, RegistryPlan plan) {
    }

    /**
     * Checks the Args, finds the domain's ledger and claims this registry's repositories in it, so
     * that a clash is refused before the component or any child is registered.
     */
    private static Prepared prepare(String name, MlDependencyRegistryArgs args) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
        ArgsValidator.checkUnlessBuilt(args);
        Optional<MlDependencyRegistry> owner = DomainLinks.ownerOf(args);
        DomainLedger ledger = RegistryComposition.ledger(name, args, owner.map(o -> o.ledger));
        RegistryPlan plan = RegistryPlanner.plan(name, args, owner.map(o -> o.ledger));
        RegistryComposition.claimRepositories(name, plan, ledger);
        return new Prepared(name, args, owner, ledger, plan);
    }

    private MlDependencyRegistry(Prepared prepared, ComponentResourceOptions options) {
        // Args are not passed on as component inputs: measured, they cost about 10% per resource
        // on the mock engine and only feed the preview display.
        super(TYPE, prepared.name(), null, options);
        String name = prepared.name();
        MlDependencyRegistryArgs args = prepared.args();
        Optional<MlDependencyRegistry> owner = prepared.owner();
        RegistryPlan plan = prepared.plan();
        this.componentName = name;
        this.ledger = prepared.ledger();
        CheckedInputs inputs = new CheckedInputs(args);
        this.access = inputs.access;
        RegistryChildren children = new RegistryChildren(this, name, plan, inputs, options);

        Output<String> keyArn = children.encryptionKey();
        Domain domain = plan.createDomain() ? children.domain(keyArn) : null;
        // Repositories take the domain's name and owner from its outputs, so that they wait for it.
        Output<String> domainInput = domain != null ? domain.domain() : inputs.domainName;
        Output<String> ownerInput = domain != null ? domain.owner() : inputs.domainOwner.orElse(null);
        Map<String, Output<String>> stores = children.stores(domainInput, ownerInput);
        stores.forEach((connection, store) -> {
            if (plan.createDomain()) {
                ledger.shareStore(connection, RegistryComposition.storeName(plan, connection), store);
            }
        });
        if (plan.createDomain()) {
            plan.airlockedStores().forEach(s -> ledger.airlock(s.externalConnection().orElseThrow(), name));
        }
        List<Output<String>> upstreams = RegistryComposition.upstreamNames(plan, args, stores, owner.map(o -> o.ledger));
        Repository repository = children.repository(domainInput, ownerInput, upstreams);

        this.repositoryName = repository.repository();
        this.repositoryArn = repository.arn();
        if (domain != null) {
            this.domainName = domain.domain();
            this.domainOwner = domain.owner();
            this.domainArn = domain.arn();
        } else {
            this.domainName = inputs.domainName;
            // A repository's ARN carries the account of its domain's owner and the domain's name.
            this.domainOwner = ownerInput != null
                    ? ownerInput
                    : repository.arn().applyValue(arn -> Arn.parse(arn).account());
            this.domainArn = repository.arn().applyValue(MlDependencyRegistry::domainArnOf);
        }
        // The domain's ARN carries its partition, region, owner and name: all an endpoint needs.
        Output<String> endpoint = domainArn.applyValue(arn -> {
            Arn parsed = Arn.parse(arn);
            return Endpoints.domainEndpoint(parsed, parsed.resource().substring("domain/".length()), parsed.account());
        });
        if (plan.cooldown().isPresent()) {
            List<Output<String>> held = new ArrayList<>();
            List<String> connections = new ArrayList<>();
            for (RegistryPlan.UpstreamRef store : plan.airlockedStores()) {
                String connection = store.externalConnection().orElseThrow();
                connections.add(connection);
                held.add(store.kind() == RegistryPlan.UpstreamKind.STORE ? stores.get(connection)
                        : owner.orElseThrow().ledger.sharedStore(connection).orElseThrow());
            }
            AirlockResources.Outputs airlock = AirlockResources.create(children, plan, held, connections, domainArn,
                    endpoint, repository.repository());
            this.cooldownStoreUrls = airlock.storeUrls();
            this.cooldownTopicArn = airlock.topicArn();
        } else {
            this.cooldownStoreUrls = Output.of(List.of());
            this.cooldownTopicArn = Output.ofNullable(null);
        }
        Output<String> partition = domainArn.applyValue(arn -> Arn.parse(arn).partition());
        if (plan.hasDomainPolicy()) {
            children.domainPolicy(domainInput, ownerInput, access, partition);
        }
        if (plan.hasRepositoryPolicy()) {
            Output<Policies.Access> checkedAccess = owner.isPresent()
                    ? RegistryComposition.coveredBy(name, owner.get().componentName, owner.get().access, access,
                            domainOwner, domainName)
                    : access;
            children.repositoryPolicy(domainInput, ownerInput, repository, checkedAccess, partition);
        }
        if (plan.createIamPolicies()) {
            Output<Tuple2<String, String>> arns = Output.tuple(this.domainArn, repository.arn());
            this.readerPolicyArn = children.iamPolicy(plan.readerPolicyLogicalName(),
                    inputs.domainName.applyValue(plan::readerPolicyDescription),
                    arns.applyValue(t -> Policies.readerPolicy(t.t1, t.t2).toJson()));
            this.publisherPolicyArn = children.iamPolicy(plan.publisherPolicyLogicalName(),
                    inputs.domainName.applyValue(plan::publisherPolicyDescription),
                    arns.applyValue(t -> Policies.publisherPolicy(t.t1, t.t2).toJson()));
        } else {
            this.readerPolicyArn = Output.ofNullable(null);
            this.publisherPolicyArn = Output.ofNullable(null);
        }
        // Outputs are derived from what the plan knows, and shared, wherever they can be: every
        // Output costs the engine work, and the benchmark holds the component to the cost of the
        // same resources written by hand.
        List<String> patterns = plan.packageGroups().stream().map(PackageGroupSpec::pattern).toList();
        Output<List<String>> noGroups = patterns.isEmpty() ? Output.of(List.of()) : null;
        this.packageGroupPatterns = noGroups != null ? noGroups : Output.of(patterns);
        this.packageGroupArns = noGroups != null
                ? noGroups
                : Output.all(children.packageGroups(domainInput, domainOwner, repository).stream()
                        .map(group -> group.properties().applyValue(MlDependencyRegistry::arnOf))
                        .toList());
        this.upstreamRepositoryNames = upstreams.isEmpty() ? Output.of(List.of()) : Output.all(upstreams);
        this.kmsKeyArn = keyArn != null ? keyArn : Output.ofNullable(null);
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
        outputs.put("cooldownStoreUrls", cooldownStoreUrls);
        outputs.put("cooldownTopicArn", cooldownTopicArn);
        registerOutputs(outputs);
    }

    /** The domain's ARN, from a repository's: same partition, region and owner; the domain's name. */
    private static String domainArnOf(String repositoryArn) {
        Arn arn = Arn.parse(repositoryArn);
        String domain = arn.resource().substring("repository/".length()).split("/", 2)[0];
        return new Arn(arn.partition(), "codeartifact", arn.region(), arn.account(), "domain/" + domain).toString();
    }

    /** The ARN in a Cloud Control resource's properties document. */
    private static String arnOf(String properties) {
        return JsonParser.parseString(properties).getAsJsonObject().get("Arn").getAsString();
    }

    /** What the component will create for these inputs, without Pulumi. */
    static RegistryPlan plan(String name, MlDependencyRegistryArgs args) {
        return RegistryPlanner.plan(name, args, Optional.empty());
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
     * The endpoints of the store repositories the cooldown airlock holds back, where new public
     * versions enter (a pip index URL for PyPI stores, the repository endpoint otherwise): point a
     * dependency-update bot or a scheduled job at them. Installing from the primary repository
     * gets only versions that have aged.
     *
     * @return the URLs, in upstream order; empty without a cooldown
     */
    public Output<List<String>> cooldownStoreUrls() {
        return cooldownStoreUrls;
    }

    /**
     * The ARN of the SNS topic told of every promotion and every failed one.
     *
     * @return the topic ARN; its value is null without a cooldown or with
     *     {@code Cooldown.notifications(false)}
     */
    public Output<String> cooldownTopicArn() {
        return cooldownTopicArn;
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
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
        ArgsValidator.checkUnlessBuilt(args);
        String domainName = Known.value(args.domainName()).orElseThrow(() -> new IllegalArgumentException(
                "domainName (output) must be known to write the deployer policy: pass it as a plain value"));
        Optional<String> domainOwner = args.domainOwner().map(owner -> Known.value(owner).orElseThrow(() ->
                new IllegalArgumentException("domainOwner (output) must be known to write the deployer policy: "
                        + "pass it as a plain value")));
        return DeployerPolicies.deployerPolicy(plan(name, args), domainName, domainOwner,
                new DeployerPolicies.Target(partition, region, accountId)).toJson();
    }
}
