package io.mlregistry.provider;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.protobuf.Empty;
import com.pulumi.core.Alias;
import com.pulumi.deployment.internal.DeploymentInstanceHolder;
import com.pulumi.deployment.internal.InlineDeploymentSettings;
import com.pulumi.internal.PulumiInternal;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.DependencyResource;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import com.pulumi.resources.StackOptions;
import com.pulumi.resources.internal.DependencyProviderResource;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.mlregistry.MlDependencyRegistry;
import io.mlregistry.internal.composition.StackGraph;
import io.mlregistry.internal.resources.Stacks;
import pulumirpc.Plugin;
import pulumirpc.Provider;
import pulumirpc.ResourceProviderGrpc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The mlregistry resource provider: the gRPC service the Pulumi engine talks to when a program in
 * any language declares an {@code mlregistry:index:MlDependencyRegistry}.
 *
 * <p>{@code Construct} is handled here rather than by pulumi-java's component host: the inputs are
 * read from the wire with their secrets, unknowns and dependencies ({@link Wire}, {@link ArgsReader}),
 * the component is built with the public builder and constructor inside an inline deployment
 * connected to the caller's resource monitor, and the outputs go back with the URNs they depend on
 * ({@link ComponentState}). The inline deployment is process-global state in pulumi-java, so
 * Constructs run one at a time, and the deployment is destroyed after each, failed or not.
 *
 * <p>The Constructs of one program (one engine's resource monitor, project and stack) share one
 * {@link Program}: the stack's graph, so that its registries reuse each other's stores and are
 * checked against each other as a Java program's are, and the registries constructed so far, which
 * an {@code inDomainOf} resource reference names. Names a Construct gives as strings are settled when
 * it ends: a later Construct cannot be waited for, since each runs alone.
 */
public final class RegistryProvider extends ResourceProviderGrpc.ResourceProviderImplBase {

    private volatile String engineAddress;
    private final String version;
    private final Object constructLock = new Object();
    /** The programs this provider has constructed registries for, by monitor, project and stack. */
    private final Map<String, Program> programs = new HashMap<>();

    /**
     * What the Constructs of one program share.
     *
     * @param graph the stack's graph
     * @param registries the registries constructed, by URN
     */
    record Program(StackGraph graph, Map<String, MlDependencyRegistry> registries) {
    }

    /**
     * Creates the service.
     *
     * @param engineAddress the engine's gRPC address, as the engine passes it on the command line
     * @param version the package version
     */
    public RegistryProvider(String engineAddress, String version) {
        this.engineAddress = engineAddress;
        this.version = version;
    }

    /**
     * Sends the inline deployments' engine calls to this address instead, where {@link EngineRelay}
     * passes them on.
     *
     * @param relayAddress the relay's address
     */
    void relayEngineThrough(String relayAddress) {
        this.engineAddress = relayAddress;
    }

    @Override
    public void getPluginInfo(Empty request, StreamObserver<Plugin.PluginInfo> observer) {
        observer.onNext(Plugin.PluginInfo.newBuilder().setVersion(version).build());
        observer.onCompleted();
    }

    @Override
    public void getSchema(Provider.GetSchemaRequest request, StreamObserver<Provider.GetSchemaResponse> observer) {
        observer.onNext(Provider.GetSchemaResponse.newBuilder().setSchema(PackageSchema.json(version)).build());
        observer.onCompleted();
    }

    @Override
    public void checkConfig(Provider.CheckRequest request, StreamObserver<Provider.CheckResponse> observer) {
        observer.onNext(Provider.CheckResponse.newBuilder().setInputs(request.getNews()).build());
        observer.onCompleted();
    }

    @Override
    public void diffConfig(Provider.DiffRequest request, StreamObserver<Provider.DiffResponse> observer) {
        observer.onNext(Provider.DiffResponse.getDefaultInstance());
        observer.onCompleted();
    }

    @Override
    public void configure(Provider.ConfigureRequest request, StreamObserver<Provider.ConfigureResponse> observer) {
        observer.onNext(Provider.ConfigureResponse.newBuilder()
                .setAcceptSecrets(true)
                .setAcceptResources(true)
                .setAcceptOutputs(true)
                .setSupportsPreview(true)
                .build());
        observer.onCompleted();
    }

    @Override
    public void cancel(Empty request, StreamObserver<Empty> observer) {
        observer.onNext(Empty.getDefaultInstance());
        observer.onCompleted();
    }

    @Override
    public void construct(Provider.ConstructRequest request, StreamObserver<Provider.ConstructResponse> observer) {
        if (!MlDependencyRegistry.TYPE.equals(request.getType())) {
            observer.onError(Status.INVALID_ARGUMENT
                    .withDescription("unknown component type " + request.getType() + "; this package has "
                            + MlDependencyRegistry.TYPE)
                    .asRuntimeException());
            return;
        }
        Provider.ConstructResponse response;
        try {
            response = constructOne(request);
        } catch (RuntimeException | Error e) {
            Throwable cause = unwrap(e);
            Status status = invalidArgs(cause) ? Status.INVALID_ARGUMENT : Status.UNKNOWN;
            observer.onError(status.withDescription(String.join("\n", lines(cause))).asRuntimeException());
            return;
        }
        observer.onNext(response);
        observer.onCompleted();
    }

    private Provider.ConstructResponse constructOne(Provider.ConstructRequest request) {
        Map<String, Wire> inputs = inputs(request);
        synchronized (constructLock) {
            String key = request.getMonitorEndpoint() + "|" + request.getProject() + "|" + request.getStack();
            Program program = programs.computeIfAbsent(key, k -> new Program(new StackGraph(), new HashMap<>()));
            boolean constructedOne = false;
            try {
                InlineDeploymentSettings settings = InlineDeploymentSettings.builder()
                        .monitorAddr(request.getMonitorEndpoint())
                        .engineAddr(engineAddress)
                        .organization(request.getOrganization())
                        .project(request.getProject())
                        .stack(request.getStack())
                        .isDryRun(request.getDryRun())
                        .config(ImmutableMap.copyOf(request.getConfigMap()))
                        .configSecretKeys(ImmutableSet.copyOf(request.getConfigSecretKeysList()))
                        .build();
                PulumiInternal runner = PulumiInternal.fromInline(settings, StackOptions.builder().build());
                MlDependencyRegistry[] constructed = new MlDependencyRegistry[1];
                ComponentState state = runner.runInlineAsync(ctx -> Stacks.within(program.graph(), () -> {
                    constructed[0] = new MlDependencyRegistry(request.getName(),
                            ArgsReader.read(request.getName(), inputs, program.registries()::get), options(request));
                    return ComponentState.of(constructed[0]);
                })).join();
                program.registries().put(state.urn(), constructed[0]);
                Stacks.release(program.graph());
                constructedOne = true;
                Provider.ConstructResponse.Builder response = Provider.ConstructResponse.newBuilder()
                        .setUrn(state.urn())
                        .setState(state.state());
                state.dependencies().forEach((name, urns) -> response.putStateDependencies(name,
                        Provider.ConstructResponse.PropertyDependencies.newBuilder().addAllUrns(urns).build()));
                return response.build();
            } finally {
                DeploymentInstanceHolder.internalUnsafeDestroyInstance();
                if (!constructedOne) {
                    // A failed Construct fails its program; what it left in the graph is not kept.
                    programs.remove(key);
                }
            }
        }
    }

    /** The inputs with the dependencies the engine lists per property folded into each value. */
    static Map<String, Wire> inputs(Provider.ConstructRequest request) {
        Map<String, Wire> inputs = Wire.read(request.getInputs());
        request.getInputDependenciesMap().forEach((name, dependencies) -> {
            Wire value = inputs.get(name);
            if (value != null) {
                inputs.put(name, value.withDependencies(dependencies.getUrnsList()));
            }
        });
        return inputs;
    }

    private static ComponentResourceOptions options(Provider.ConstructRequest request) {
        List<Resource> dependsOn = new ArrayList<>();
        request.getDependenciesList().forEach(urn -> dependsOn.add(new DependencyResource(urn)));
        List<ProviderResource> providers = new ArrayList<>();
        request.getProvidersMap().values().forEach(reference -> providers.add(new DependencyProviderResource(reference)));
        List<Alias> aliases = new ArrayList<>();
        request.getAliasesList().forEach(alias -> {
            if (!alias.getUrn().isEmpty()) {
                aliases.add(Alias.withUrn(alias.getUrn()));
            }
        });
        ComponentResourceOptions.Builder options = ComponentResourceOptions.builder()
                .dependsOn(dependsOn)
                .providers(providers)
                .aliases(aliases.toArray(Alias[]::new))
                .protect(request.getProtect())
                .ignoreChanges(request.getIgnoreChangesList())
                .replaceOnChanges(request.getReplaceOnChangesList())
                .retainOnDelete(request.getRetainOnDelete());
        if (!request.getParent().isEmpty()) {
            options.parent(new DependencyResource(request.getParent()));
        }
        return options.build();
    }

    /** Whether the failure is the caller's: a broken rule of the Args, reported as {@code IllegalArgumentException}. */
    private static boolean invalidArgs(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (invalidArgs(suppressed)) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * The problem lines of a failure: the library's messages split into lines, every suppressed
     * failure of a "Multiple exceptions occurred" included, each line once, in order.
     */
    static List<String> lines(Throwable failure) {
        Set<String> lines = new LinkedHashSet<>();
        collect(unwrap(failure), lines);
        return List.copyOf(lines);
    }

    private static void collect(Throwable failure, Set<String> lines) {
        Throwable[] suppressed = failure.getSuppressed();
        if (suppressed.length > 0 && "Multiple exceptions occurred".equals(failure.getMessage())) {
            for (Throwable each : suppressed) {
                collect(unwrap(each), lines);
            }
            return;
        }
        // pulumi-java wraps a failure inside an apply in exceptions that prefix the property being
        // serialized; the caller wants the library's own line, which is the innermost message.
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost
                && innermost.getCause().getMessage() != null && !innermost.getCause().getMessage().isBlank()) {
            innermost = innermost.getCause();
        }
        if (innermost != failure && innermost.getSuppressed().length > 0) {
            collect(innermost, lines);
            return;
        }
        String message = innermost.getMessage();
        if (message == null || message.isBlank()) {
            lines.add(failure.getClass().getName());
            return;
        }
        for (String line : message.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
    }
}
