package io.mlregistry.provider;

import com.google.protobuf.Empty;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass;

/**
 * The Engine service the provider's inline deployments talk to: every call goes on to the Pulumi
 * engine, except pulumi-java's report of a program that failed, an error log carrying the Java
 * stack trace of the exception ("Running program [PID: ...] failed with an unhandled exception:
 * java.lang.IllegalArgumentException ... at io.mlregistry..."). A rejected {@code Construct}
 * returns the library's lines in its own error, which the engine prints; the report would print
 * them again, wrapped in a stack trace that means nothing to a Python or TypeScript user. With the
 * verbose flag the report goes on too.
 *
 * <p>pulumi-java 1.36.1 sends that report from its runner, whose engine logger cannot be replaced
 * through any public API; relaying the engine is the one seam it leaves.
 */
final class EngineRelay extends EngineGrpc.EngineImplBase {

    private final EngineGrpc.EngineStub engine;
    private final boolean verbose;

    /**
     * A relay to the engine at this address.
     *
     * @param engineAddress the Pulumi engine's gRPC address
     * @param verbose whether the reports of failed programs go on to the engine too
     */
    EngineRelay(String engineAddress, boolean verbose) {
        // One channel for the provider's life, which is the process's: the engine ends both together.
        ManagedChannel channel = NettyChannelBuilder.forTarget(engineAddress).usePlaintext().build();
        this.engine = EngineGrpc.newStub(channel);
        this.verbose = verbose;
    }

    /** Whether a log is pulumi-java's report of a failed program: an error carrying a Java stack trace. */
    static boolean isFailureReport(EngineOuterClass.LogRequest request) {
        String message = request.getMessage();
        return request.getSeverity() == EngineOuterClass.LogSeverity.ERROR
                && (message.startsWith("Running program [PID: ") || message.contains("\n\tat "));
    }

    @Override
    public void log(EngineOuterClass.LogRequest request, StreamObserver<Empty> observer) {
        if (!verbose && isFailureReport(request)) {
            observer.onNext(Empty.getDefaultInstance());
            observer.onCompleted();
            return;
        }
        engine.log(request, observer);
    }

    @Override
    public void getRootResource(EngineOuterClass.GetRootResourceRequest request,
            StreamObserver<EngineOuterClass.GetRootResourceResponse> observer) {
        engine.getRootResource(request, observer);
    }

    @Override
    public void setRootResource(EngineOuterClass.SetRootResourceRequest request,
            StreamObserver<EngineOuterClass.SetRootResourceResponse> observer) {
        engine.setRootResource(request, observer);
    }

    @Override
    public void startDebugging(EngineOuterClass.StartDebuggingRequest request, StreamObserver<Empty> observer) {
        engine.startDebugging(request, observer);
    }

    @Override
    public void requirePulumiVersion(EngineOuterClass.RequirePulumiVersionRequest request,
            StreamObserver<EngineOuterClass.RequirePulumiVersionResponse> observer) {
        engine.requirePulumiVersion(request, observer);
    }
}
