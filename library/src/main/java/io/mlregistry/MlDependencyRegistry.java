package io.mlregistry;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import io.mlregistry.internal.access.DeployerPolicies;
import io.mlregistry.internal.composition.DomainLinks;
import io.mlregistry.internal.composition.Member;
import io.mlregistry.internal.plan.RegistryInputs;
import io.mlregistry.internal.plan.RegistryPlan;
import io.mlregistry.internal.plan.RegistryPlanner;
import io.mlregistry.internal.resources.AirlockResources;
import io.mlregistry.internal.resources.Registration;
import io.mlregistry.internal.resources.RegistryOutputs;
import io.mlregistry.internal.resources.RegistryResources;
import io.mlregistry.internal.resources.RegistryResources.DomainRef;
import io.mlregistry.internal.resources.RegistryResources.IamPolicyArns;
import io.mlregistry.internal.resources.RegistryResources.Location;
import io.mlregistry.internal.resources.RegistryResources.Primary;
import io.mlregistry.internal.resources.WorkloadResources;
import io.mlregistry.internal.validation.ArgsValidator;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 *       namespace or raw package group, through Cloud Control;</li>
 *   <li>with {@code privateAccess}: {@code <name>-vpce-api} and {@code <name>-vpce-repositories}
 *       (the CodeArtifact interface endpoints), {@code <name>-vpce-s3} (the S3 gateway endpoint,
 *       unless the VPC has one), {@code <name>-vpce-sg} (their security group) and
 *       {@code <name>-vpce-from-sg-<i>} / {@code -from-cidr-<i>} (one HTTPS ingress rule per
 *       source); a registry sharing its domain's endpoints in the same VPC creates only the rules
 *       of its own sources;</li>
 *   <li>with {@code createSageMakerLifecycleConfigs}: {@code <name>-studio-jupyterlab},
 *       {@code <name>-studio-codeeditor} and {@code <name>-notebook-lifecycle}.</li>
 * </ul>
 * The key, the domain and the repositories are {@code protect}ed unless
 * {@code deletionProtection(false)}. The component calls no invokes: regions, partitions and
 * accounts are read from the ARNs AWS returns.
 */
public final class MlDependencyRegistry extends ComponentResource {

    /** The Pulumi type token of this component. */
    public static final String TYPE = "mlregistry:index:MlDependencyRegistry";

    /** What a registry joining this one's domain with {@code inDomainOf} reads of it. */
    private final Member member;

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
    private final Output<String> pipConf;
    private final Output<String> uvIndex;
    private final Output<String> uvEnvironment;
    private final Output<String> npmrc;
    private final Output<String> mavenSettings;
    private final Output<String> pypirc;
    private final Output<Map<String, String>> loginCommands;
    private final Output<String> authorizationTokenCommand;
    private final Output<Map<String, String>> sageMakerEnvironment;
    private final Output<Map<String, String>> dualStackUrls;
    private final Output<Map<String, String>> vpcUrls;
    private final Output<Map<String, String>> vpcEndpointIds;
    private final Output<Map<String, String>> vpcEndpointDnsNames;
    private final Output<String> vpcEndpointSecurityGroupId;
    private final Output<String> s3GatewayEndpointPolicy;
    private final Output<Map<String, String>> studioLifecycleConfigArns;
    private final Output<String> notebookLifecycleConfigName;

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
        this(prepare(name, args, options), options);
    }

    /**
     * Checks the Args and places the registry in the stack's graph (its domain, repositories and edges), so
     * that a clash is refused before the component or any child is registered.
     */
    private static Registration prepare(String name, MlDependencyRegistryArgs args, ComponentResourceOptions options) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
        RegistryInputs inputs = args.inputs();
        ArgsValidator.checkUnlessBuilt(args, inputs, name);
        // A URN carries the types of the parents, not their names: registries of one name under
        // parents of different types do not collide.
        String parentType = options == null ? "" : options.getParent().map(Resource::pulumiResourceType).orElse("");
        return Registration.prepare(name, parentType, inputs, DomainLinks.ownerOf(args));
    }

    private MlDependencyRegistry(Registration registration, ComponentResourceOptions options) {
        // Args are not passed on as component inputs: measured, they cost about 10% per resource
        // on the mock engine and only feed the preview display.
        super(TYPE, registration.name(), null, options);
        RegistryResources resources = new RegistryResources(this, registration, options);
        Output<String> keyArn = resources.encryptionKey();
        DomainRef domain = resources.domain(keyArn);
        Map<String, Output<String>> stores = resources.stores(domain);
        Primary primary = resources.repository(domain, stores);
        Location location = resources.location(domain, primary.repository());
        AirlockResources.Outputs airlock = resources.airlock(stores, location, primary.repository());
        WorkloadResources.Outputs workloads = resources.workloads(domain, location, primary.repository());
        IamPolicyArns iam = resources.policies(domain, location, primary.repository());
        Optional<Output<List<String>>> groupArns = resources.packageGroups(domain, location, primary.repository());
        RegistryOutputs outputs = resources.outputs(keyArn, location, primary, airlock, iam, groupArns, workloads);
        this.member = resources.member();
        this.domainName = outputs.domainName();
        this.domainArn = outputs.domainArn();
        this.domainOwner = outputs.domainOwner();
        this.repositoryName = outputs.repositoryName();
        this.repositoryArn = outputs.repositoryArn();
        this.upstreamRepositoryNames = outputs.upstreamRepositoryNames();
        this.kmsKeyArn = outputs.kmsKeyArn();
        this.pypiIndexUrl = outputs.pypiIndexUrl();
        this.pypiUploadUrl = outputs.pypiUploadUrl();
        this.mavenRepositoryUrl = outputs.mavenRepositoryUrl();
        this.npmRegistryUrl = outputs.npmRegistryUrl();
        this.readerPolicyArn = outputs.readerPolicyArn();
        this.publisherPolicyArn = outputs.publisherPolicyArn();
        this.packageGroupPatterns = outputs.packageGroupPatterns();
        this.packageGroupArns = outputs.packageGroupArns();
        this.cooldownStoreUrls = outputs.cooldownStoreUrls();
        this.cooldownTopicArn = outputs.cooldownTopicArn();
        this.pipConf = workloads.pipConf();
        this.uvIndex = workloads.uvIndex();
        this.uvEnvironment = workloads.uvEnvironment();
        this.npmrc = workloads.npmrc();
        this.mavenSettings = workloads.mavenSettings();
        this.pypirc = workloads.pypirc();
        this.loginCommands = workloads.loginCommands();
        this.authorizationTokenCommand = workloads.authorizationTokenCommand();
        this.sageMakerEnvironment = workloads.sageMakerEnvironment();
        this.dualStackUrls = workloads.dualStackUrls();
        this.vpcUrls = workloads.vpcUrls();
        this.vpcEndpointIds = workloads.vpcEndpointIds();
        this.vpcEndpointDnsNames = workloads.vpcEndpointDnsNames();
        this.vpcEndpointSecurityGroupId = workloads.vpcEndpointSecurityGroupId();
        this.s3GatewayEndpointPolicy = workloads.s3GatewayEndpointPolicy();
        this.studioLifecycleConfigArns = workloads.studioLifecycleConfigArns();
        this.notebookLifecycleConfigName = workloads.notebookLifecycleConfigName();
        registerOutputs(outputs.asMap());
    }

    /** What a registry joining this one's domain reads of it. */
    Member member() {
        return member;
    }

    /** What the component will create for these inputs, without Pulumi. */
    static RegistryPlan plan(String name, MlDependencyRegistryArgs args) {
        return RegistryPlanner.plan(name, args.inputs(), Optional.empty());
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
     * {@code pip.conf} for the primary repository, with the token left as
     * {@code ${CODEARTIFACT_AUTH_TOKEN}}: pip does not expand it, so fill it in when writing the
     * file, {@code pulumi stack output pipConf | envsubst > ~/.config/pip/pip.conf} after
     * {@link #authorizationTokenCommand()}. Points at the VPC endpoint when private DNS is off.
     *
     * @return the file's text
     */
    public Output<String> pipConf() {
        return pipConf;
    }

    /**
     * uv's index table for {@code pyproject.toml}: the primary repository as the default index
     * (instead of PyPI) named {@code codeartifact}, with its upload URL for {@code uv publish
     * --index codeartifact}. The credentials come from {@link #uvEnvironment()}.
     *
     * @return the TOML text
     */
    public Output<String> uvIndex() {
        return uvIndex;
    }

    /**
     * The variables uv reads the index's credentials from, {@code UV_INDEX_CODEARTIFACT_USERNAME=aws}
     * and {@code UV_INDEX_CODEARTIFACT_PASSWORD} from {@code $CODEARTIFACT_AUTH_TOKEN}, as
     * {@code export} lines: {@code eval "$(pulumi stack output uvEnvironment)"}.
     *
     * @return the shell text
     */
    public Output<String> uvEnvironment() {
        return uvEnvironment;
    }

    /**
     * {@code .npmrc} for the primary repository: the registry and its {@code _authToken} from
     * {@code ${CODEARTIFACT_AUTH_TOKEN}}, which npm expands itself.
     *
     * @return the file's text
     */
    public Output<String> npmrc() {
        return npmrc;
    }

    /**
     * Maven's {@code settings.xml}: server {@code codeartifact} (user {@code aws}, the password from
     * {@code ${env.CODEARTIFACT_AUTH_TOKEN}}) and an active profile with the repository.
     *
     * @return the file's text
     */
    public Output<String> mavenSettings() {
        return mavenSettings;
    }

    /**
     * twine's {@code .pypirc} with the repository {@code codeartifact} and the user {@code aws};
     * twine reads the password from {@code TWINE_PASSWORD}.
     *
     * @return the file's text
     */
    public Output<String> pypirc() {
        return pypirc;
    }

    /**
     * {@code aws codeartifact login} for each tool it configures ({@code pip}, {@code twine},
     * {@code npm}; Maven has none), by tool.
     *
     * @return the commands; empty when private DNS is off, since {@code login} then writes a host
     *     the VPC's clients cannot reach
     */
    public Output<Map<String, String>> loginCommands() {
        return loginCommands;
    }

    /**
     * The command that sets {@code CODEARTIFACT_AUTH_TOKEN} from
     * {@code aws codeartifact get-authorization-token} (a token valid 12 hours), which every client
     * configuration reads; through the api endpoint when private DNS is off.
     *
     * @return the shell command
     */
    public Output<String> authorizationTokenCommand() {
        return authorizationTokenCommand;
    }

    /**
     * The environment of a SageMaker training or processing job that installs its
     * {@code requirements.txt} from the primary repository: {@code CA_REPOSITORY_ARN}. Attach
     * {@link #readerPolicyArn()} to the job's role.
     *
     * @return the variables by name
     */
    public Output<Map<String, String>> sageMakerEnvironment() {
        return sageMakerEnvironment;
    }

    /**
     * The dual-stack (IPv4 and IPv6) URLs, {@code https://<domain>-<owner>.codeartifact.<region>.on.aws/...},
     * keyed {@code pypi} (pip's index), {@code pypiUpload}, {@code maven} and {@code npm}.
     *
     * @return the URLs; empty outside the {@code aws} partition
     */
    public Output<Map<String, String>> dualStackUrls() {
        return dualStackUrls;
    }

    /**
     * The URLs clients inside the VPC use when private DNS is off,
     * {@code https://<repositories endpoint DNS name>/<format>/d/<domain>-<owner>/<repository>/},
     * keyed as {@link #dualStackUrls()}.
     *
     * @return the URLs; empty without private access or with private DNS on
     */
    public Output<Map<String, String>> vpcUrls() {
        return vpcUrls;
    }

    /**
     * The VPC endpoints' IDs, keyed {@code api}, {@code repositories} and {@code s3} (the one
     * created or brought); for a registry sharing its domain's endpoints, the shared ones.
     *
     * @return the IDs; empty without private access
     */
    public Output<Map<String, String>> vpcEndpointIds() {
        return vpcEndpointIds;
    }

    /**
     * The interface endpoints' regional DNS names, keyed {@code api} and {@code repositories}.
     *
     * @return the names; empty without private access
     */
    public Output<Map<String, String>> vpcEndpointDnsNames() {
        return vpcEndpointDnsNames;
    }

    /**
     * The security group of the interface endpoints.
     *
     * @return its ID; its value is null without private access
     */
    public Output<String> vpcEndpointSecurityGroupId() {
        return vpcEndpointSecurityGroupId;
    }

    /**
     * The S3 gateway endpoint's policy: {@code s3:GetObject} on the region's CodeArtifact asset
     * bucket. With {@code existingS3GatewayEndpointId}, the statement to add to that endpoint's
     * policy.
     *
     * @return the policy as IAM JSON; its value is null without private access
     */
    public Output<String> s3GatewayEndpointPolicy() {
        return s3GatewayEndpointPolicy;
    }

    /**
     * The Studio lifecycle configurations' ARNs, keyed by app type ({@code JupyterLab},
     * {@code CodeEditor}): list them in a domain's or user profile's app settings.
     *
     * @return the ARNs; empty without {@code createSageMakerLifecycleConfigs}
     */
    public Output<Map<String, String>> studioLifecycleConfigArns() {
        return studioLifecycleConfigArns;
    }

    /**
     * The notebook-instance lifecycle configuration's name, for a notebook instance's
     * {@code lifecycleConfigName}.
     *
     * @return the name; its value is null without {@code createSageMakerLifecycleConfigs}
     */
    public Output<String> notebookLifecycleConfigName() {
        return notebookLifecycleConfigName;
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
     * <p>With many options on (a cooldown, package groups, private access, SageMaker lifecycle
     * configurations) the document can be longer than IAM's 6,144 characters for one managed
     * policy (it stays within the 10,240 of a role's inline policies): use
     * {@link #deployerPolicies} for managed policies.
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
        return deployer(name, args, partition, region, accountId).toJson();
    }

    /**
     * {@link #deployerPolicy}, split into managed policies of at most IAM's 6,144 characters each,
     * its statements whole and in order: attach every one to the deploying role.
     *
     * @param name the component's logical name, as passed to the constructor
     * @param args the registry's inputs
     * @param partition the partition deployed to, such as {@code aws}
     * @param region the region deployed to, such as {@code us-east-1}
     * @param accountId the deploying account
     * @return the policy documents, as IAM JSON; one when it fits
     * @throws NullPointerException if {@code name} or {@code args} is null
     * @throws IllegalArgumentException if the Args break a rule, or the partition, region or
     *     account is malformed
     */
    public static List<String> deployerPolicies(
            String name, MlDependencyRegistryArgs args, String partition, String region, String accountId) {
        return DeployerPolicies.managedPolicies(deployer(name, args, partition, region, accountId)).stream()
                .map(IamPolicy::toJson).toList();
    }

    private static IamPolicy deployer(
            String name, MlDependencyRegistryArgs args, String partition, String region, String accountId) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
        RegistryInputs inputs = args.inputs();
        ArgsValidator.checkUnlessBuilt(args, inputs);
        return DeployerPolicies.forRegistry(name, inputs, new DeployerPolicies.Target(partition, region, accountId));
    }
}
