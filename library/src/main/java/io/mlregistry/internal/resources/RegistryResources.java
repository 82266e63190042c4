package io.mlregistry.internal.resources;

import com.google.gson.JsonParser;
import com.pulumi.aws.codeartifact.Domain;
import com.pulumi.aws.codeartifact.Repository;
import com.pulumi.core.Output;
import com.pulumi.core.Tuples.Tuple2;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.mlregistry.internal.access.Policies;
import io.mlregistry.internal.composition.Member;
import io.mlregistry.internal.composition.Node;
import io.mlregistry.internal.composition.RegistryComposition;
import io.mlregistry.internal.composition.StackGraph;
import io.mlregistry.internal.plan.PackageGroupSpec;
import io.mlregistry.internal.plan.RegistryInputs;
import io.mlregistry.internal.plan.RegistryPlan;
import io.mlregistry.internal.privateaccess.EndpointPolicies;
import io.mlregistry.internal.rules.Arn;
import io.mlregistry.internal.rules.Endpoints;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * The steps that turn one registry's plan into its children, in the order the component calls
 * them: key, domain, stores, repository, airlock, workloads (private access, SageMaker, client
 * configuration), policies, package groups, and finally the outputs. Each step registers what it
 * creates through {@link RegistryChildren} and hands the next steps what they wait for, as outputs.
 */
public final class RegistryResources {

    private final String name;
    private final RegistryPlan plan;
    private final RegistryInputs given;
    private final Optional<Member> owner;
    private final StackGraph graph;
    private final RegistryComposition.Composed composed;
    private final Node node;
    private final CheckedInputs inputs;
    private final ChildOptions options;
    private final RegistryChildren children;
    /** The endpoints the repository policy requires reads to come through, once the workloads step ran. */
    private Optional<Output<List<String>>> requiredEndpoints = Optional.empty();

    /**
     * Prepares the steps of one registry.
     *
     * @param component the registry's component, the parent of every child
     * @param registration what was settled before the component registered
     * @param options the component's options, whose aliases every child follows; may be null
     */
    public RegistryResources(ComponentResource component, Registration registration, ComponentResourceOptions options) {
        this.name = registration.name();
        this.plan = registration.plan();
        this.given = registration.inputs();
        this.owner = registration.owner();
        this.graph = registration.graph();
        this.composed = registration.composed();
        this.node = composed.node();
        this.inputs = new CheckedInputs(name, registration.inputs());
        node.access(inputs.access);
        this.options = new ChildOptions(component, name, options, inputs.tags);
        this.children = new RegistryChildren(this.options, plan, inputs);
    }

    /**
     * How the domain is named in its children's inputs: by the created domain's outputs, so that
     * they wait for it, or by the inputs for a domain that exists.
     *
     * @param created the domain created here, or null
     * @param name the domain's name
     * @param owner the domain's owner, or null for the deploying account's domain
     */
    public record DomainRef(Domain created, Output<String> name, Output<String> owner) {
    }

    /**
     * The primary repository and its upstreams' names, in search order.
     *
     * @param repository the repository
     * @param upstreams its upstreams' names, as the outputs it waits for
     */
    public record Primary(Repository repository, List<Output<String>> upstreams) {
    }

    /**
     * Where the registry lives, once its domain or repository exists: a domain's ARN carries its
     * partition, region, owner and name, all an endpoint needs.
     *
     * @param domainName the domain's name
     * @param domainOwner the domain's owner
     * @param domainArn the domain's ARN
     * @param endpoint the domain's endpoint, which every repository URL extends
     * @param partition the domain's partition
     */
    public record Location(Output<String> domainName, Output<String> domainOwner, Output<String> domainArn,
            Output<String> endpoint, Output<String> partition) {
    }

    /**
     * The IAM managed policies' ARNs.
     *
     * @param reader the reader policy's ARN; null without IAM policies
     * @param publisher the publisher policy's ARN; null without IAM policies
     */
    public record IamPolicyArns(Output<String> reader, Output<String> publisher) {
    }

    /**
     * What a registry joining this one's domain reads of it.
     *
     * @return its place in the stack's graph
     */
    public Member member() {
        return new Member(node);
    }

    /**
     * Creates the key and its alias, or takes the key brought.
     *
     * @return the key's ARN, or null for the AWS-managed key
     */
    public Output<String> encryptionKey() {
        return children.encryptionKey();
    }

    /**
     * Creates the domain, unless the registry joins one.
     *
     * @param keyArn the key that encrypts it, or null for the AWS-managed key
     * @return how children name the domain
     */
    public DomainRef domain(Output<String> keyArn) {
        if (!plan.createDomain()) {
            // A domain another registry of the stack creates, joined by name, is named by its
            // output, so that this registry's children wait for it.
            boolean joinedByName = owner.isEmpty() && node.domain().creator().isPresent();
            return new DomainRef(null, joinedByName ? node.domain().domainNameOutput() : inputs.domainName,
                    inputs.domainOwner.orElse(null));
        }
        Domain domain = children.domain(keyArn);
        node.bindDomain(domain.domain());
        return new DomainRef(domain, domain.domain(), domain.owner());
    }

    /**
     * Creates the store repositories, which the registries of the domain that come later share
     * (one store per external connection per domain).
     *
     * @return each store's name as its output, by external connection
     */
    public Map<String, Output<String>> stores(DomainRef domain) {
        Map<String, Output<String>> stores = children.stores(domain.name(), domain.owner());
        stores.forEach((connection, store) -> node.bindRepository(Optional.of(connection), store));
        return stores;
    }

    /**
     * Creates the primary repository with its upstreams in search order: its own stores, the
     * domain's shared stores and other repositories, each by its output so that it waits for it.
     */
    public Primary repository(DomainRef domain, Map<String, Output<String>> stores) {
        List<Output<String>> upstreams = RegistryComposition.upstreamNames(composed, given, stores).stream()
                .map(Reporter::owned).toList();
        Repository repository = children.repository(domain.name(), domain.owner(), upstreams);
        graph.bindPrimary(node, repository.repository());
        return new Primary(repository, upstreams);
    }

    /** Where the registry lives: from the domain created, else from the repository's ARN. */
    public Location location(DomainRef domain, Repository repository) {
        Output<String> domainName;
        Output<String> domainOwner;
        Output<String> domainArn;
        if (domain.created() != null) {
            domainName = domain.created().domain();
            domainOwner = domain.created().owner();
            domainArn = domain.created().arn();
        } else {
            domainName = inputs.domainName;
            // A repository's ARN carries the account of its domain's owner and the domain's name.
            domainOwner = domain.owner() != null
                    ? domain.owner()
                    : repository.arn().applyValue(arn -> Arn.parse(arn).account());
            domainArn = repository.arn().applyValue(arn -> Arn.parse(arn).domain().toString());
        }
        Output<String> endpoint = domainArn.applyValue(arn -> {
            Arn parsed = Arn.parse(arn);
            return Endpoints.domainEndpoint(parsed, parsed.domainName(), parsed.account());
        });
        return new Location(domainName, domainOwner, domainArn, endpoint,
                domainArn.applyValue(arn -> Arn.parse(arn).partition()));
    }

    /** Creates the cooldown airlock, when one is on, over the stores it holds back. */
    public AirlockResources.Outputs airlock(Map<String, Output<String>> stores, Location location, Repository repository) {
        if (plan.cooldown().isEmpty()) {
            return new AirlockResources.Outputs(Output.of(List.of()), Output.ofNullable(null));
        }
        List<Output<String>> held = new ArrayList<>();
        List<String> connections = new ArrayList<>();
        for (RegistryPlan.UpstreamRef store : plan.airlockedStores()) {
            String connection = store.externalConnection().orElseThrow();
            connections.add(connection);
            held.add(store.kind() == RegistryPlan.UpstreamKind.STORE ? stores.get(connection)
                    : node.domain().store(connection).orElseThrow());
        }
        return AirlockResources.create(options, plan, held, connections, location.domainArn(), location.endpoint(),
                repository.repository(), given.cooldown().orElseThrow().logKmsKeyArn());
    }

    /**
     * Creates what lets ML workloads reach the registry: the private access endpoints (or shares a
     * domain's), the SageMaker lifecycle configurations, and the client configuration outputs. A
     * registry that creates its domain records the domain's asset bucket for the registries joining
     * it.
     */
    public WorkloadResources.Outputs workloads(DomainRef domain, Location location, Repository repository) {
        if (domain.created() != null) {
            WorkloadResources.shareAssetBucket(node.domain(), domain.created().s3BucketArn());
        }
        WorkloadResources.Created created = WorkloadResources.create(options, name, plan, given, graph, node.domain(),
                location, repository);
        if (given.workloads().requireVpcEndpoints()) {
            requiredEndpoints = created.endpointIds();
        }
        return created.outputs();
    }

    /**
     * Creates the domain's and the repository's permissions policies, as planned, and the reader and
     * publisher IAM policies. A registry joining another's domain has its principals checked against
     * the owner's domain policy before its repository policy registers.
     */
    public IamPolicyArns policies(DomainRef domain, Location location, Repository repository) {
        if (plan.hasDomainPolicy()) {
            children.domainPolicy(domain.name(), domain.owner(), inputs.access,
                    location.domainArn().applyValue(arn -> Arn.parse(arn).repository(plan.repositoryName()).toString()));
        }
        if (plan.hasRepositoryPolicy()) {
            Output<Policies.Access> checkedAccess = Reporter.owned(RegistryComposition.covered(graph, node,
                    inputs.access, location.domainOwner(), location.domainName()));
            children.repositoryPolicy(domain.name(), domain.owner(), repository, checkedAccess, location.partition(),
                    requiredStatements(checkedAccess, location.partition()));
        }
        if (!plan.createIamPolicies()) {
            return new IamPolicyArns(Output.ofNullable(null), Output.ofNullable(null));
        }
        Output<Tuple2<String, String>> arns = Output.tuple(location.domainArn(), repository.arn());
        return new IamPolicyArns(
                children.iamPolicy(plan.readerPolicyLogicalName(),
                        inputs.domainName.applyValue(plan::readerPolicyDescription),
                        arns.applyValue(t -> Policies.readerPolicy(t.t1, t.t2).toJson())),
                children.iamPolicy(plan.publisherPolicyLogicalName(),
                        inputs.domainName.applyValue(plan::publisherPolicyDescription),
                        arns.applyValue(t -> Policies.publisherPolicy(t.t1, t.t2).toJson())));
    }

    /** The statement that denies reads outside the VPC endpoints, when they are required. */
    private Output<List<IamStatement>> requiredStatements(Output<Policies.Access> access, Output<String> partition) {
        if (requiredEndpoints.isEmpty()) {
            return Output.of(List.of());
        }
        boolean publishersToo = given.workloads().requireVpcEndpointsForPublishers();
        return Output.tuple(partition, requiredEndpoints.get(), access).applyValue(t -> List.of(
                EndpointPolicies.requireEndpoints(t.t1, t.t2, t.t3.publishers(), publishersToo)));
    }

    /**
     * Creates the package groups.
     *
     * @return their ARNs, in plan order, or empty when there are none
     */
    public Optional<Output<List<String>>> packageGroups(DomainRef domain, Location location, Repository repository) {
        if (plan.packageGroups().isEmpty()) {
            return Optional.empty();
        }
        List<List<Output<String>>> waits = composed.groupWaits().stream()
                .map(named -> named.stream().map(Reporter::owned).toList()).toList();
        return Optional.of(Output.all(children.packageGroups(domain.name(), location.domainOwner(), repository,
                waits).stream()
                .map(group -> group.properties().applyValue(RegistryResources::arnOf))
                .toList()));
    }

    /**
     * Every output of the registry, derived from what the plan knows, and shared, wherever they can
     * be: every Output costs the engine work, and the benchmark holds the component to the cost of
     * the same resources written by hand.
     */
    public RegistryOutputs outputs(Output<String> keyArn, Location location, Primary primary,
            AirlockResources.Outputs airlock, IamPolicyArns iam, Optional<Output<List<String>>> groupArns,
            WorkloadResources.Outputs workloads) {
        List<String> patterns = plan.packageGroups().stream().map(PackageGroupSpec::pattern).toList();
        Output<List<String>> noGroups = patterns.isEmpty() ? Output.of(List.of()) : null;
        String repo = plan.repositoryName();
        Output<String> endpoint = location.endpoint();
        List<Output<String>> upstreams = primary.upstreams();
        node.bindOutputs(location.domainName(), location.domainOwner());
        return new RegistryOutputs(location.domainName(), location.domainArn(), location.domainOwner(),
                primary.repository().repository(), primary.repository().arn(),
                upstreams.isEmpty() ? Output.of(List.of()) : Output.all(upstreams),
                keyArn != null ? keyArn : Output.ofNullable(null),
                endpoint.applyValue(url -> Endpoints.pypiIndexUrl(url, repo)),
                endpoint.applyValue(url -> Endpoints.repositoryEndpoint(url, "pypi", repo)),
                endpoint.applyValue(url -> Endpoints.repositoryEndpoint(url, "maven", repo)),
                endpoint.applyValue(url -> Endpoints.repositoryEndpoint(url, "npm", repo)),
                iam.reader(), iam.publisher(),
                noGroups != null ? noGroups : Output.of(patterns),
                groupArns.orElse(noGroups),
                airlock.storeUrls(), airlock.topicArn(), workloads);
    }

    /** The ARN in a Cloud Control resource's properties document. */
    private static String arnOf(String properties) {
        return JsonParser.parseString(properties).getAsJsonObject().get("Arn").getAsString();
    }
}
