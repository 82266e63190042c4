package io.mlregistry.internal.resources;

import com.pulumi.aws.codeartifact.Repository;
import com.pulumi.aws.sagemaker.NotebookInstanceLifecycleConfiguration;
import com.pulumi.aws.sagemaker.NotebookInstanceLifecycleConfigurationArgs;
import com.pulumi.aws.sagemaker.StudioLifecycleConfig;
import com.pulumi.aws.sagemaker.StudioLifecycleConfigArgs;
import com.pulumi.core.Output;
import io.mlregistry.internal.clients.ClientConfigs;
import io.mlregistry.internal.clients.ClientSettings;
import io.mlregistry.internal.clients.ClientSettings.VpcHosts;
import io.mlregistry.internal.clients.LifecycleScripts;
import io.mlregistry.internal.composition.Domain;
import io.mlregistry.internal.composition.Shared;
import io.mlregistry.internal.composition.StackGraph;
import io.mlregistry.internal.plan.RegistryInputs;
import io.mlregistry.internal.plan.RegistryInputs.PrivateAccessInput;
import io.mlregistry.internal.plan.RegistryPlan;
import io.mlregistry.internal.privateaccess.EndpointPolicies;
import io.mlregistry.internal.privateaccess.PrivateAccessPlan;
import io.mlregistry.internal.privateaccess.PrivateAccessPlanner;
import io.mlregistry.internal.privateaccess.Sameness;
import io.mlregistry.internal.privateaccess.SharedEndpoints;
import io.mlregistry.internal.resources.RegistryResources.Location;
import io.mlregistry.internal.rules.Problems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How ML workloads reach one registry: its private access (through {@link PrivateAccessResources}),
 * the SageMaker lifecycle configurations, and the client configuration outputs, all derived from the
 * registry's ARNs and, when private DNS is off, the endpoints' DNS names; never from a token.
 */
public final class WorkloadResources {

    /**
     * What the component exposes of how workloads reach it, in the order it registers them.
     *
     * @param pipConf pip's {@code pip.conf}
     * @param uvIndex uv's index table for {@code pyproject.toml}
     * @param uvEnvironment the variables uv reads the credentials from
     * @param npmrc npm's {@code .npmrc}
     * @param mavenSettings Maven's {@code settings.xml}
     * @param pypirc twine's {@code .pypirc}
     * @param loginCommands {@code aws codeartifact login} by tool
     * @param authorizationTokenCommand the command that sets {@code CODEARTIFACT_AUTH_TOKEN}
     * @param sageMakerEnvironment a SageMaker job's environment
     * @param dualStackUrls the dual-stack URLs by format
     * @param vpcUrls the URLs through the endpoints, when private DNS is off
     * @param vpcEndpointIds the endpoints' IDs
     * @param vpcEndpointDnsNames the interface endpoints' DNS names
     * @param vpcEndpointSecurityGroupId the endpoints' security group
     * @param s3GatewayEndpointPolicy the S3 gateway endpoint's policy
     * @param studioLifecycleConfigArns the Studio lifecycle configurations by app type
     * @param notebookLifecycleConfigName the notebook-instance lifecycle configuration
     */
    public record Outputs(Output<String> pipConf, Output<String> uvIndex, Output<String> uvEnvironment,
            Output<String> npmrc, Output<String> mavenSettings, Output<String> pypirc,
            Output<Map<String, String>> loginCommands, Output<String> authorizationTokenCommand,
            Output<Map<String, String>> sageMakerEnvironment, Output<Map<String, String>> dualStackUrls,
            Output<Map<String, String>> vpcUrls, Output<Map<String, String>> vpcEndpointIds,
            Output<Map<String, String>> vpcEndpointDnsNames, Output<String> vpcEndpointSecurityGroupId,
            Output<String> s3GatewayEndpointPolicy, Output<Map<String, String>> studioLifecycleConfigArns,
            Output<String> notebookLifecycleConfigName) {

        /** Adds the outputs, by name, to the component's. */
        void putInto(Map<String, Output<?>> outputs) {
            outputs.put("pipConf", pipConf);
            outputs.put("uvIndex", uvIndex);
            outputs.put("uvEnvironment", uvEnvironment);
            outputs.put("npmrc", npmrc);
            outputs.put("mavenSettings", mavenSettings);
            outputs.put("pypirc", pypirc);
            outputs.put("loginCommands", loginCommands);
            outputs.put("authorizationTokenCommand", authorizationTokenCommand);
            outputs.put("sageMakerEnvironment", sageMakerEnvironment);
            outputs.put("dualStackUrls", dualStackUrls);
            outputs.put("vpcUrls", vpcUrls);
            outputs.put("vpcEndpointIds", vpcEndpointIds);
            outputs.put("vpcEndpointDnsNames", vpcEndpointDnsNames);
            outputs.put("vpcEndpointSecurityGroupId", vpcEndpointSecurityGroupId);
            outputs.put("s3GatewayEndpointPolicy", s3GatewayEndpointPolicy);
            outputs.put("studioLifecycleConfigArns", studioLifecycleConfigArns);
            outputs.put("notebookLifecycleConfigName", notebookLifecycleConfigName);
        }
    }

    /**
     * What the step created: the outputs, and the endpoints requests must come through, which the
     * repository policy names when it requires them.
     *
     * @param outputs the outputs
     * @param endpointIds the interface endpoints' IDs, or empty without private access
     */
    record Created(Outputs outputs, Optional<Output<List<String>>> endpointIds) {
    }

    /** The endpoints one registry of a domain created in a VPC, by VPC, for the others to share. */
    static final Shared<SharedEndpoints> VPC_ENDPOINTS = new Shared<>("VPC endpoints");
    /** The domain's asset bucket, as the domain created in the stack reports it. */
    static final Shared<Output<String>> ASSET_BUCKET = new Shared<>("asset bucket");

    private WorkloadResources() {
    }

    /** Records the asset bucket a domain created in the stack reports, for its registries' S3 endpoints. */
    static void shareAssetBucket(Domain domain, Output<String> bucketArn) {
        domain.share(ASSET_BUCKET, "", () -> bucketArn);
    }

    /**
     * Checks, before the component registers, that a registry naming a VPC in which another
     * registry of its domain created the endpoints may share them.
     *
     * @throws IllegalArgumentException naming both registries when their settings differ
     */
    static void checkSharing(String name, RegistryInputs inputs, Domain domain) {
        Optional<PrivateAccessInput> access = inputs.workloads().privateAccess();
        if (access.isEmpty() || access.get().vpcId() == null) {
            return;
        }
        domain.shared(VPC_ENDPOINTS, Sameness.key(access.get().vpcId())).ifPresent(shared -> {
            Problems problems = new Problems();
            PrivateAccessPlanner.checkSharing(name, access.get(), shared, problems);
            problems.throwIfAny();
        });
    }

    static Created create(ChildOptions children, String name, RegistryPlan plan, RegistryInputs given,
            StackGraph graph, Domain domain, Location location, Repository repository) {
        Optional<PrivateAccessInput> access = given.workloads().privateAccess();
        Optional<SharedEndpoints> endpoints = Optional.empty();
        Optional<Output<String>> assetBucket = Optional.empty();
        if (access.isPresent()) {
            Object vpc = Sameness.key(access.get().vpcId());
            Optional<SharedEndpoints> shared = domain.shared(VPC_ENDPOINTS, vpc);
            PrivateAccessPlan accessPlan = PrivateAccessPlanner.plan(name, plan.repositoryName(), access.get(), shared);
            // The bucket the domain reports, where the stack creates the domain; else AWS's table.
            assetBucket = Optional.of(domain.shared(ASSET_BUCKET, "")
                    .map(reported -> reported.apply(bucket -> bucket != null ? Output.of(bucket)
                            : PrivateAccessResources.tableAssetBucket(name, location.domainArn())))
                    .orElseGet(() -> PrivateAccessResources.tableAssetBucket(name, location.domainArn())));
            endpoints = Optional.of(PrivateAccessResources.create(children, accessPlan, access.get(), shared,
                    location.domainArn(), assetBucket.get(), PrivateAccessResources.claims(graph)));
            if (shared.isEmpty()) {
                domain.share(VPC_ENDPOINTS, vpc, endpoints::get);
            }
        }
        Output<ClientSettings> settings = settings(plan, location, repository, access, endpoints);
        Lifecycle lifecycle = given.workloads().sageMakerLifecycleConfigs()
                ? sageMaker(children, name, plan, location, settings)
                : new Lifecycle(Output.of(Map.of()), Output.ofNullable(null));
        Outputs outputs = new Outputs(
                settings.applyValue(ClientConfigs::pipConf),
                settings.applyValue(ClientConfigs::uvIndex),
                settings.applyValue(ClientConfigs::uvEnvironment),
                settings.applyValue(ClientConfigs::npmrc),
                settings.applyValue(ClientConfigs::mavenSettings),
                settings.applyValue(ClientConfigs::pypirc),
                settings.applyValue(ClientConfigs::loginCommands),
                settings.applyValue(ClientConfigs::tokenCommand),
                settings.applyValue(ClientConfigs::sageMakerEnvironment),
                settings.applyValue(ClientSettings::dualStackUrls),
                settings.applyValue(ClientSettings::vpcUrls),
                endpoints.map(WorkloadResources::endpointIds).orElseGet(() -> Output.of(Map.of())),
                endpoints.map(WorkloadResources::dnsNames).orElseGet(() -> Output.of(Map.of())),
                endpoints.map(SharedEndpoints::securityGroupId).orElseGet(() -> Output.ofNullable(null)),
                assetBucket.map(bucket -> bucket.applyValue(b -> EndpointPolicies.s3(b).toJson()))
                        .orElseGet(() -> Output.ofNullable(null)),
                lifecycle.studioArns(), lifecycle.notebookName());
        return new Created(outputs, endpoints.map(e -> Output.all(e.apiEndpointId(), e.repositoriesEndpointId())));
    }

    /** The SageMaker lifecycle configurations' ARNs by Studio app type, and the notebook one's name. */
    private record Lifecycle(Output<Map<String, String>> studioArns, Output<String> notebookName) {
    }

    /** Where clients find the repository: its own host, or the endpoints' when private DNS is off. */
    private static Output<ClientSettings> settings(RegistryPlan plan, Location location, Repository repository,
            Optional<PrivateAccessInput> access, Optional<SharedEndpoints> endpoints) {
        Output<Optional<VpcHosts>> hosts = endpoints.filter(e -> !access.orElseThrow().privateDns())
                .map(e -> Output.tuple(e.apiDnsName(), e.repositoriesDnsName())
                        .applyValue(t -> Optional.of(new VpcHosts(t.t1, t.t2))))
                .orElseGet(() -> Output.of(Optional.empty()));
        String repositoryName = plan.repositoryName();
        return Output.tuple(location.domainArn(), repository.arn(), hosts)
                .applyValue(t -> new ClientSettings(t.t1, repositoryName, t.t2, t.t3));
    }

    private static Output<Map<String, String>> endpointIds(SharedEndpoints endpoints) {
        return Output.tuple(endpoints.apiEndpointId(), endpoints.repositoriesEndpointId(), endpoints.s3EndpointId())
                .applyValue(t -> {
                    Map<String, String> ids = new LinkedHashMap<>();
                    ids.put("api", t.t1);
                    ids.put("repositories", t.t2);
                    ids.put("s3", t.t3);
                    return ids;
                });
    }

    private static Output<Map<String, String>> dnsNames(SharedEndpoints endpoints) {
        return Output.tuple(endpoints.apiDnsName(), endpoints.repositoriesDnsName()).applyValue(t -> {
            Map<String, String> names = new LinkedHashMap<>();
            names.put("api", t.t1);
            names.put("repositories", t.t2);
            return names;
        });
    }

    /** Creates the Studio configurations (one per app type) and the notebook-instance configuration. */
    private static Lifecycle sageMaker(ChildOptions children, String name, RegistryPlan plan, Location location,
            Output<ClientSettings> settings) {
        String repositoryName = plan.repositoryName();
        Map<String, Output<String>> arns = new LinkedHashMap<>();
        for (String appType : LifecycleScripts.STUDIO_APP_TYPES) {
            String suffix = LifecycleScripts.studioSuffix(appType);
            String logicalName = name + "-studio-" + suffix;
            arns.put(appType, new StudioLifecycleConfig(logicalName, children.tagged(StudioLifecycleConfigArgs.builder()
                    .studioLifecycleConfigName(location.domainName()
                            .applyValue(domain -> LifecycleScripts.studioConfigName(domain, repositoryName, appType)))
                    .studioLifecycleConfigAppType(appType)
                    .studioLifecycleConfigContent(settings.applyValue(s -> LifecycleScripts.base64(
                            LifecycleScripts.studio(s, appType)))), StudioLifecycleConfigArgs.Builder::tags).build(),
                    children.options(logicalName, false)).arn());
        }
        String notebookName = name + "-notebook-lifecycle";
        NotebookInstanceLifecycleConfiguration notebook = new NotebookInstanceLifecycleConfiguration(notebookName,
                children.tagged(NotebookInstanceLifecycleConfigurationArgs.builder()
                        .name(location.domainName()
                                .applyValue(domain -> LifecycleScripts.notebookConfigName(domain, repositoryName)))
                        .onStart(settings.applyValue(s -> LifecycleScripts.base64(LifecycleScripts.notebookOnStart(s)))),
                        NotebookInstanceLifecycleConfigurationArgs.Builder::tags).build(),
                children.options(notebookName, false));
        List<String> types = List.copyOf(arns.keySet());
        Output<Map<String, String>> studio = Output.all(List.copyOf(arns.values())).applyValue(values -> {
            Map<String, String> byType = new LinkedHashMap<>();
            for (int i = 0; i < types.size(); i++) {
                byType.put(types.get(i), values.get(i));
            }
            return byType;
        });
        return new Lifecycle(studio, notebook.name());
    }
}
