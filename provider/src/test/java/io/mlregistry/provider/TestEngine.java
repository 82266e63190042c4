package io.mlregistry.provider;

import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.test.Mocks;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.mlregistry.MlDependencyRegistry;
import io.mlregistry.testing.AwsMocks;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass;
import pulumirpc.Provider;
import pulumirpc.Resource;
import pulumirpc.ResourceMonitorGrpc;
import pulumirpc.ResourceProviderGrpc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A Pulumi engine for tests, on loopback: the {@code ResourceMonitor} and {@code Engine} gRPC
 * services a program (or a component provider's inline deployment) talks to. Custom resources are
 * answered by {@link AwsMocks} in a deployment and with their inputs in a preview, as the engine
 * does before a resource exists; a remote {@code mlregistry:index:MlDependencyRegistry} is sent to
 * the provider as a {@code Construct} carrying this monitor's address, as the engine does.
 */
final class TestEngine implements AutoCloseable {

    /** One registration the monitor received. */
    record Registration(String urn, String type, String name, String parent, boolean custom, boolean remote,
            Map<String, Wire> inputs, Map<String, Object> plainInputs, Map<String, Set<String>> propertyDependencies,
            List<String> dependencies, Struct outputs) {
    }

    private final String project;
    private final String stack;
    private final boolean dryRun;
    private final AwsMocks mocks = AwsMocks.create();
    private final Server server;
    private final List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());
    private final List<String> logs = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Struct> componentOutputs = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile ResourceProviderGrpc.ResourceProviderBlockingStub provider;
    private volatile String rootUrn = "";

    TestEngine(String project, String stack, boolean dryRun) throws IOException {
        this.project = project;
        this.stack = stack;
        this.dryRun = dryRun;
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new Monitor())
                .addService(new EngineService())
                .build()
                .start();
    }

    /** The address of both services, {@code 127.0.0.1:<port>}. */
    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    boolean dryRun() {
        return dryRun;
    }

    String project() {
        return project;
    }

    String stack() {
        return stack;
    }

    /** Connects to the provider the remote components are constructed by. */
    void useProvider(String providerAddress) {
        ManagedChannel channel = NettyChannelBuilder.forTarget(providerAddress).usePlaintext().build();
        this.provider = ResourceProviderGrpc.newBlockingStub(channel).withDeadlineAfter(120, TimeUnit.SECONDS);
        channels.add(channel);
    }

    private final List<ManagedChannel> channels = Collections.synchronizedList(new ArrayList<>());

    ResourceProviderGrpc.ResourceProviderBlockingStub provider() {
        return provider.withDeadlineAfter(120, TimeUnit.SECONDS);
    }

    List<Registration> registrations() {
        synchronized (registrations) {
            return List.copyOf(registrations);
        }
    }

    /** Whether a registration failed and the program has since logged an error, as the engine waits for before ending it. */
    boolean failureReported() {
        return failed && logs().stream().anyMatch(line -> line.startsWith("ERROR"));
    }

    private volatile boolean failed;

    List<String> logs() {
        synchronized (logs) {
            return List.copyOf(logs);
        }
    }

    /** The registration of the given type and name. */
    Registration registration(String type, String name) {
        return registrations().stream()
                .filter(r -> r.type().equals(type) && r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name + " in " + registrations()));
    }

    /** The outputs a component registered, by URN. */
    Optional<Struct> componentOutputs(String urn) {
        return Optional.ofNullable(componentOutputs.get(urn));
    }

    /** Registers the stack resource, as a program's first registration does. */
    String registerStack() {
        String urn = urn("", "pulumi:pulumi:Stack", project + "-" + stack);
        registrations.add(new Registration(urn, "pulumi:pulumi:Stack", project + "-" + stack, "", false, false,
                Map.of(), Map.of(), Map.of(), List.of(), Struct.getDefaultInstance()));
        rootUrn = urn;
        return urn;
    }

    /**
     * Sends a Construct for a registry as the engine does for a program's remote registration.
     *
     * @param name the component's name
     * @param inputs the inputs as the program sent them
     * @param inputDependencies the URNs each input depends on
     * @return the provider's response
     * @throws StatusRuntimeException with the provider's error
     */
    Provider.ConstructResponse construct(String name, Struct inputs, Map<String, List<String>> inputDependencies) {
        Provider.ConstructRequest.Builder request = Provider.ConstructRequest.newBuilder()
                .setProject(project)
                .setStack(stack)
                .setOrganization("organization")
                .setDryRun(dryRun)
                .setMonitorEndpoint(address())
                .setType(MlDependencyRegistry.TYPE)
                .setName(name)
                .setParent(rootUrn.isEmpty() ? registerStack() : rootUrn)
                .setInputs(inputs)
                .setAcceptsOutputValues(true);
        inputDependencies.forEach((key, urns) -> request.putInputDependencies(key,
                Provider.ConstructRequest.PropertyDependencies.newBuilder().addAllUrns(urns).build()));
        Set<String> all = new LinkedHashSet<>();
        inputDependencies.values().forEach(all::addAll);
        request.addAllDependencies(all);
        return provider().construct(request.build());
    }

    private String urn(String parent, String type, String name) {
        String qualified = type;
        if (!parent.isEmpty()) {
            String[] parts = parent.split("::");
            String parentType = parts[2];
            if (!parentType.equals("pulumi:pulumi:Stack")) {
                qualified = parentType + "$" + type;
            }
        }
        return "urn:pulumi:" + stack + "::" + project + "::" + qualified + "::" + name;
    }

    /** A value as the mock engine hands it to {@code Mocks}: secrets unwrapped, unknowns dropped. */
    static Optional<Object> plain(Wire value) {
        switch (value.kind()) {
            case UNKNOWN:
            case UNSUPPORTED:
                return Optional.empty();
            case NULL:
                return Optional.empty();
            case LIST: {
                List<Object> items = new ArrayList<>();
                for (Wire item : value.items()) {
                    Optional<Object> plain = plain(item);
                    if (plain.isEmpty() && item.kind() != Wire.Kind.NULL) {
                        return Optional.empty();
                    }
                    items.add(plain.orElse(null));
                }
                return Optional.of(items);
            }
            case OBJECT: {
                Map<String, Object> fields = new LinkedHashMap<>();
                for (Map.Entry<String, Wire> field : value.fields().entrySet()) {
                    Optional<Object> plain = plain(field.getValue());
                    if (plain.isEmpty() && field.getValue().kind() != Wire.Kind.NULL) {
                        return Optional.empty();
                    }
                    plain.ifPresent(v -> fields.put(field.getKey(), v));
                }
                return Optional.of(fields);
            }
            default:
                return Optional.of(value.value());
        }
    }

    static Map<String, Object> plain(Map<String, Wire> values) {
        Map<String, Object> plain = new LinkedHashMap<>();
        values.forEach((key, value) -> plain(value).ifPresent(v -> plain.put(key, v)));
        return plain;
    }

    private final class Monitor extends ResourceMonitorGrpc.ResourceMonitorImplBase {

        @Override
        public void supportsFeature(Resource.SupportsFeatureRequest request,
                StreamObserver<Resource.SupportsFeatureResponse> observer) {
            boolean supported = Set.of("secrets", "resourceReferences", "outputValues", "deletedWith", "aliasSpecs")
                    .contains(request.getId());
            observer.onNext(Resource.SupportsFeatureResponse.newBuilder().setHasSupport(supported).build());
            observer.onCompleted();
        }

        @Override
        public void registerResource(Resource.RegisterResourceRequest request,
                StreamObserver<Resource.RegisterResourceResponse> observer) {
            try {
                observer.onNext(register(request));
                observer.onCompleted();
            } catch (StatusRuntimeException e) {
                failed = true;
                observer.onError(e);
            } catch (RuntimeException e) {
                failed = true;
                observer.onError(Status.INTERNAL.withDescription(String.valueOf(e)).withCause(e).asRuntimeException());
            }
        }

        private Resource.RegisterResourceResponse register(Resource.RegisterResourceRequest request) {
            String urn = urn(request.getParent(), request.getType(), request.getName());
            Map<String, Wire> inputs = Wire.read(request.getObject());
            Map<String, Set<String>> propertyDependencies = new LinkedHashMap<>();
            request.getPropertyDependenciesMap().forEach((key, deps) ->
                    propertyDependencies.put(key, new LinkedHashSet<>(deps.getUrnsList())));
            Map<String, Object> plainInputs = plain(inputs);
            Resource.RegisterResourceResponse.Builder response = Resource.RegisterResourceResponse.newBuilder().setUrn(urn);
            Struct outputs = Struct.getDefaultInstance();
            if (request.getType().equals("pulumi:pulumi:Stack")) {
                rootUrn = urn;
            } else if (request.getRemote()) {
                Provider.ConstructRequest.Builder construct = Provider.ConstructRequest.newBuilder()
                        .setProject(project)
                        .setStack(stack)
                        .setOrganization("organization")
                        .setDryRun(dryRun)
                        .setMonitorEndpoint(address())
                        .setType(request.getType())
                        .setName(request.getName())
                        .setParent(request.getParent())
                        .setInputs(request.getObject())
                        .addAllDependencies(request.getDependenciesList())
                        .setProtect(request.getProtect())
                        .setAcceptsOutputValues(true);
                request.getPropertyDependenciesMap().forEach((key, deps) -> construct.putInputDependencies(key,
                        Provider.ConstructRequest.PropertyDependencies.newBuilder().addAllUrns(deps.getUrnsList()).build()));
                Provider.ConstructResponse constructed = provider().construct(construct.build());
                urn = constructed.getUrn();
                outputs = constructed.getState();
                response.setUrn(urn).setObject(outputs);
                constructed.getStateDependenciesMap().forEach((key, deps) -> response.putPropertyDependencies(key,
                        Resource.RegisterResourceResponse.PropertyDependencies.newBuilder()
                                .addAllUrns(deps.getUrnsList()).build()));
            } else if (request.getCustom()) {
                if (dryRun) {
                    outputs = request.getObject();
                } else {
                    Mocks.ResourceResult result = mocks.newResourceAsync(new Mocks.ResourceArgs(
                            request.getType(), request.getName(), plainInputs, request.getProvider(),
                            request.getImportId())).join();
                    result.id.ifPresent(response::setId);
                    outputs = secretLike(inputs, result.state);
                }
                response.setObject(outputs);
            }
            registrations.add(new Registration(urn, request.getType(), request.getName(), request.getParent(),
                    request.getCustom(), request.getRemote(), inputs, plainInputs, propertyDependencies,
                    request.getDependenciesList(), outputs));
            return response.build();
        }

        /** The state as the engine returns it: an output whose input was secret stays secret. */
        private Struct secretLike(Map<String, Wire> inputs, Object state) {
            Struct.Builder struct = Struct.newBuilder();
            if (state instanceof Map) {
                ((Map<?, ?>) state).forEach((key, value) -> {
                    Value encoded = Wire.encode(value);
                    Wire input = inputs.get(String.valueOf(key));
                    struct.putFields(String.valueOf(key), input != null && input.containsSecret()
                            ? Wire.secret(encoded) : encoded);
                });
            }
            return struct.build();
        }

        @Override
        public void registerResourceOutputs(Resource.RegisterResourceOutputsRequest request,
                StreamObserver<Empty> observer) {
            componentOutputs.put(request.getUrn(), request.getOutputs());
            observer.onNext(Empty.getDefaultInstance());
            observer.onCompleted();
        }

        @Override
        public void invoke(Resource.ResourceInvokeRequest request, StreamObserver<Resource.ResourceInvokeResponse> observer) {
            observer.onError(Status.UNIMPLEMENTED.withDescription("the component calls no invokes: " + request.getTok())
                    .asRuntimeException());
        }

        @Override
        public void signalAndWaitForShutdown(Empty request, StreamObserver<Empty> observer) {
            observer.onNext(Empty.getDefaultInstance());
            observer.onCompleted();
        }
    }

    private final class EngineService extends EngineGrpc.EngineImplBase {

        @Override
        public void log(EngineOuterClass.LogRequest request, StreamObserver<Empty> observer) {
            logs.add(request.getSeverity() + ": " + request.getMessage());
            observer.onNext(Empty.getDefaultInstance());
            observer.onCompleted();
        }

        @Override
        public void getRootResource(EngineOuterClass.GetRootResourceRequest request,
                StreamObserver<EngineOuterClass.GetRootResourceResponse> observer) {
            observer.onNext(EngineOuterClass.GetRootResourceResponse.newBuilder().setUrn(rootUrn).build());
            observer.onCompleted();
        }

        @Override
        public void setRootResource(EngineOuterClass.SetRootResourceRequest request,
                StreamObserver<EngineOuterClass.SetRootResourceResponse> observer) {
            rootUrn = request.getUrn();
            observer.onNext(EngineOuterClass.SetRootResourceResponse.getDefaultInstance());
            observer.onCompleted();
        }
    }

    @Override
    public void close() {
        channels.forEach(ManagedChannel::shutdownNow);
        server.shutdownNow();
    }
}
