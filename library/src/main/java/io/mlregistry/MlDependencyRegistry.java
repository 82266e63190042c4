package io.mlregistry;

import com.pulumi.aws.codeartifact.Domain;
import com.pulumi.aws.codeartifact.DomainArgs;
import com.pulumi.aws.codeartifact.Repository;
import com.pulumi.aws.codeartifact.RepositoryArgs;
import com.pulumi.aws.codeartifact.inputs.RepositoryExternalConnectionsArgs;
import com.pulumi.aws.codeartifact.inputs.RepositoryUpstreamArgs;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.mlregistry.internal.Arn;
import io.mlregistry.internal.Endpoints;
import io.mlregistry.internal.RegistryPlan;
import io.mlregistry.internal.RegistryPlan.KeyMode;
import io.mlregistry.internal.RegistryPlan.Store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

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
 *   <li>{@code <name>-repository}: the primary repository, with its upstreams in search order.</li>
 * </ul>
 * The key, the domain and the repositories are {@code protect}ed unless
 * {@code deletionProtection(false)}. The component calls no invokes: regions, partitions and
 * accounts are read from the ARNs AWS returns.
 */
public final class MlDependencyRegistry extends ComponentResource {

    /** The Pulumi type token of this component. */
    public static final String TYPE = "mlregistry:index:MlDependencyRegistry";

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

    @Export(name = "mavenRepositoryUrl", refs = {String.class}, tree = "[0]")
    private final Output<String> mavenRepositoryUrl;

    @Export(name = "npmRegistryUrl", refs = {String.class}, tree = "[0]")
    private final Output<String> npmRegistryUrl;

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

        CustomResourceOptions keep = CustomResourceOptions.builder().parent(this).protect(plan.protect()).build();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        Map<String, String> tags = plan.tags();

        Output<String> keyArn = null;
        if (plan.keyMode() == KeyMode.CREATE) {
            Key key = new Key(plan.keyLogicalName(), withTags(KeyArgs.builder()
                    .description(plan.keyDescription())
                    .keyUsage("ENCRYPT_DECRYPT")
                    .customerMasterKeySpec("SYMMETRIC_DEFAULT")
                    .enableKeyRotation(true)
                    .deletionWindowInDays(30), tags, KeyArgs.Builder::tags).build(), keep);
            new Alias(plan.keyAliasLogicalName(), AliasArgs.builder()
                    .name(plan.keyAliasName())
                    .targetKeyId(key.keyId())
                    .build(), child);
            keyArn = key.arn();
        } else if (plan.keyMode() == KeyMode.BRING_YOUR_OWN) {
            keyArn = args.kmsKeyArn().orElseThrow().applyValue(ArgsValidator::checkKmsKeyArn);
        }

        Domain domain = null;
        Output<String> domainInput = Output.of(plan.domainName());
        Output<String> ownerInput = plan.domainOwner().map(Output::of).orElse(null);
        if (plan.createDomain()) {
            DomainArgs.Builder domainArgs = DomainArgs.builder().domain(plan.domainName());
            if (keyArn != null) {
                domainArgs.encryptionKey(keyArn);
            }
            domain = new Domain(plan.domainLogicalName(),
                    withTags(domainArgs, tags, DomainArgs.Builder::tags).build(), keep);
            // Taken from the domain's outputs so that every repository waits for the domain.
            domainInput = domain.domain();
            ownerInput = domain.owner();
        }

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
                    withTags(storeArgs, tags, RepositoryArgs.Builder::tags).build(), keep));
        }

        List<RepositoryUpstreamArgs> upstreams = new ArrayList<>();
        List<Output<String>> upstreamNames = new ArrayList<>();
        for (String upstream : plan.upstreamNames()) {
            Repository store = stores.get(upstream);
            // A store's name is taken from its output so that the primary repository waits for it.
            Output<String> upstreamName = store != null ? store.repository() : Output.of(upstream);
            upstreams.add(RepositoryUpstreamArgs.builder().repositoryName(upstreamName).build());
            upstreamNames.add(upstreamName);
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
        Repository repository = new Repository(plan.repositoryLogicalName(),
                withTags(repositoryArgs, tags, RepositoryArgs.Builder::tags).build(), keep);

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
        this.upstreamRepositoryNames = Output.all(upstreamNames);
        this.kmsKeyArn = keyArn != null ? keyArn : Output.ofNullable(null);
        this.pypiIndexUrl = endpoint(plan.domainName(), "pypi").applyValue(url -> url + "simple/");
        this.mavenRepositoryUrl = endpoint(plan.domainName(), "maven");
        this.npmRegistryUrl = endpoint(plan.domainName(), "npm");

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("domainName", domainName);
        outputs.put("domainArn", domainArn);
        outputs.put("domainOwner", domainOwner);
        outputs.put("repositoryName", repositoryName);
        outputs.put("repositoryArn", repositoryArn);
        outputs.put("upstreamRepositoryNames", upstreamRepositoryNames);
        outputs.put("kmsKeyArn", kmsKeyArn);
        outputs.put("pypiIndexUrl", pypiIndexUrl);
        outputs.put("mavenRepositoryUrl", mavenRepositoryUrl);
        outputs.put("npmRegistryUrl", npmRegistryUrl);
        registerOutputs(outputs);
    }

    private Output<String> endpoint(String domain, String format) {
        return Output.tuple(domainArn, domainOwner, repositoryName).applyValue(t ->
                Endpoints.repositoryEndpoint(Arn.parse(t.t1), domain, t.t2, format, t.t3));
    }

    /** Checks the inputs before the component registers itself; returns {@code name}. */
    private static String checked(String name, MlDependencyRegistryArgs args) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
        ArgsValidator.check(args, Optional.empty());
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
                args.deletionProtection());
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
}
