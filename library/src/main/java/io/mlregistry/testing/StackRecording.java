package io.mlregistry.testing;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import io.mlregistry.internal.plan.Urns;
import io.mlregistry.internal.resources.Aliases;
import io.mlregistry.internal.resources.Stacks;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * What a Pulumi program did on the mock engine: every resource with its inputs, parent and
 * options, the stack outputs, and the errors. pulumi-java's own {@code TestResult} exposes neither
 * inputs nor options; this does.
 *
 * <pre>{@code
 * StackRecording run = StackRecording.run(AwsMocks.create(), ctx -> {
 *     var registry = new MlDependencyRegistry("ml", args, null);
 *     ctx.export("pipIndexUrl", registry.pypiIndexUrl());
 * });
 * run.resource("aws:codeartifact/repository:Repository", "ml-repository").inputs();
 * }</pre>
 */
public final class StackRecording {

    private static final String STACK_TYPE = "pulumi:pulumi:Stack";

    private final List<RecordedResource> resources;
    private final Map<String, Object> outputs;
    private final List<Exception> exceptions;
    private final List<String> errors;
    private final List<String> log;
    private final Set<String> secretOutputs;
    private final String accountId;
    private final String region;
    private final Map<String, String> ec2Names;

    private StackRecording(
            List<RecordedResource> resources, Map<String, Object> outputs,
            List<Exception> exceptions, List<String> errors, List<String> log, Set<String> secretOutputs,
            AwsMocks mocks) {
        this.resources = List.copyOf(resources);
        this.outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        this.exceptions = List.copyOf(exceptions);
        this.errors = List.copyOf(errors);
        this.log = List.copyOf(log);
        this.secretOutputs = Set.copyOf(secretOutputs);
        this.accountId = mocks.accountId();
        this.region = mocks.region();
        this.ec2Names = mocks.ec2Names();
    }

    /**
     * Runs a program on the mock engine as a deployment (not a preview) of stack {@code stack} in
     * project {@code project}.
     *
     * @param mocks the mocks that answer for AWS
     * @param program the stack's program
     * @return what the program did
     */
    public static StackRecording run(AwsMocks mocks, Consumer<Context> program) {
        return run(mocks, TestOptions.builder().build(), program);
    }

    /**
     * Runs a program on the mock engine with the given options. The options' own resource
     * transformations run before the recording one.
     *
     * @param mocks the mocks that answer for AWS
     * @param options project and stack names, preview mode, stack transformations
     * @param program the stack's program
     * @return what the program did
     */
    public static StackRecording run(AwsMocks mocks, TestOptions options, Consumer<Context> program) {
        return run(mocks, options, Map.of(), Set.of(), program);
    }

    /**
     * Runs a program on the mock engine with the given options and stack configuration, as
     * {@code pulumi config} would pass it: {@code ctx.config().require("organizationId")} in
     * project {@code p} reads key {@code p:organizationId}. The engine's log lines go to
     * {@link #log()}, not to the console.
     *
     * @param mocks the mocks that answer for AWS
     * @param options project and stack names, preview mode, stack transformations
     * @param config the configuration, by full key ({@code <namespace>:<name>}); values of
     *     structured keys as JSON
     * @param secretKeys the full keys whose values are secrets
     * @param program the stack's program
     * @return what the program did
     * @throws NullPointerException if an argument is null
     */
    public static StackRecording run(
            AwsMocks mocks, TestOptions options, Map<String, String> config, Set<String> secretKeys,
            Consumer<Context> program) {
        Objects.requireNonNull(mocks, "mocks");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(secretKeys, "secretKeys");
        Objects.requireNonNull(program, "program");
        Map<Resource, ResourceOptions> seen = Collections.synchronizedMap(new IdentityHashMap<>());
        List<ResourceTransformation> transformations = new ArrayList<>(options.resourceTransformations());
        transformations.add(args -> {
            seen.put(args.resource(), args.options());
            return Optional.empty();
        });
        TestOptions recordingOptions = TestOptions.builder()
                .organizationName(options.organizationName())
                .projectName(options.projectName())
                .stackName(options.stackName())
                .rootDirectory(options.rootDirectory())
                .preview(options.preview())
                .resourceTransformations(transformations)
                .build();
        int before = mocks.registrations().size();
        // In placeholder mode the account stands for the deploying one: the library's checks must
        // not tell the deploying account apart from another by it.
        Consumer<Context> run = !mocks.placeholders() ? program : ctx -> {
            Stacks.placeholderAccount(mocks.accountId());
            program.accept(ctx);
        };
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try {
            TestResult result = PulumiTestInternal.builder()
                    .mocks(mocks)
                    .options(recordingOptions)
                    .config(config, secretKeys)
                    .standardLogger(quietLogger(log))
                    .build()
                    .runTest(run);
            List<Mocks.ResourceArgs> registrations = mocks.registrations();
            List<Exception> exceptions = new ArrayList<>();
            result.exceptions().forEach(e -> addOnce(exceptions, e));
            Map<String, Object> outputs = resolve(result.outputs(), exceptions);
            Set<String> secrets = new TreeSet<>();
            result.outputs().forEach((name, output) -> {
                if (!com.pulumi.core.internal.Internal.of(output).getDataAsync().isDone()) {
                    return;
                }
                try {
                    if (PulumiTestInternal.extractOutputData(output).isSecret()) {
                        secrets.add(name);
                    }
                } catch (CompletionException e) {
                    // A failed output is among the exceptions already.
                }
            });
            List<String> logged;
            synchronized (log) {
                logged = List.copyOf(log);
            }
            return new StackRecording(
                    join(result, registrations.subList(before, registrations.size()), seen),
                    outputs,
                    exceptions,
                    result.errors(),
                    logged,
                    secrets,
                    mocks);
        } finally {
            PulumiTest.cleanup();
        }
    }

    /**
     * A logger that keeps the engine's records instead of printing them: pulumi-java logs a failed
     * program at SEVERE with its stack trace before the test harness sees the exception.
     */
    private static Logger quietLogger(List<String> log) {
        Logger logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.INFO);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringBuilder line = new StringBuilder(record.getLevel() + ": " + record.getMessage());
                if (record.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    record.getThrown().printStackTrace(new PrintWriter(trace));
                    line.append('\n').append(trace.toString().stripTrailing());
                }
                log.add(line.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return logger;
    }

    /** Adds the exception unless it, or the exception it wraps, is already there. */
    private static void addOnce(List<Exception> exceptions, Throwable error) {
        Throwable root = root(error);
        boolean known = exceptions.stream().anyMatch(x -> x == error || root(x) == root);
        if (!known) {
            exceptions.add(error instanceof Exception ? (Exception) error : new IllegalStateException(error));
        }
    }

    private static Throwable root(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static List<RecordedResource> join(
            TestResult result, List<Mocks.ResourceArgs> registrations, Map<Resource, ResourceOptions> seen) {
        // The engine hands each registration to the mocks in the order it records the resource,
        // so resources of the same type and name under different parents pair up in order.
        Map<String, Deque<Mocks.ResourceArgs>> byKey = new LinkedHashMap<>();
        for (Mocks.ResourceArgs registration : registrations) {
            byKey.computeIfAbsent(registration.type + "::" + registration.name, k -> new ArrayDeque<>()).add(registration);
        }
        Optional<String> stackUrn = result.resources().stream()
                .filter(r -> r.pulumiResourceType().equals(STACK_TYPE))
                .findFirst()
                .map(stack -> PulumiTest.extractValue(stack.urn()));
        List<RecordedResource> recorded = new ArrayList<>();
        for (Resource resource : result.resources()) {
            String urn = PulumiTest.extractValue(resource.urn());
            ResourceOptions options = seen.get(resource);
            Optional<String> parentUrn = Optional.empty();
            boolean protect = false;
            List<String> aliases = List.of();
            if (options != null) {
                protect = options.isProtect();
                parentUrn = options.getParent().map(parent -> PulumiTest.extractValue(parent.urn()));
                aliases = options.getAliases().stream()
                        .map(alias -> Urns.formerUrn(urn, PulumiTest.extractValue(alias.apply(Aliases::resolve))))
                        .collect(Collectors.toList());
            }
            Deque<Mocks.ResourceArgs> candidates = byKey.get(resource.pulumiResourceType() + "::" + resource.pulumiResourceName());
            Mocks.ResourceArgs registration = candidates == null ? null : candidates.poll();
            if (parentUrn.isEmpty() && !resource.pulumiResourceType().equals(STACK_TYPE)) {
                parentUrn = stackUrn;
            }
            recorded.add(new RecordedResource(
                    urn,
                    resource.pulumiResourceType(),
                    resource.pulumiResourceName(),
                    parentUrn,
                    registration == null || registration.inputs == null ? Map.of() : registration.inputs,
                    protect,
                    registration == null ? Optional.empty() : Optional.ofNullable(registration.provider)
                            .filter(p -> !p.isEmpty()),
                    aliases));
        }
        return recorded;
    }

    /**
     * Resolves the stack outputs; an output that failed maps to null and adds its cause to
     * {@code exceptions}. A program that failed may leave outputs that never resolve (the library
     * holds back what takes a broken input): they map to null.
     */
    private static Map<String, Object> resolve(Map<String, Output<?>> outputs, List<Exception> exceptions) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        outputs.forEach((name, output) -> {
            if (!exceptions.isEmpty() && !com.pulumi.core.internal.Internal.of(output).getDataAsync().isDone()) {
                resolved.put(name, null);
                return;
            }
            try {
                resolved.put(name, PulumiTest.extractValue(output));
            } catch (CompletionException e) {
                resolved.put(name, null);
                addOnce(exceptions, e.getCause() == null ? e : e.getCause());
            }
        });
        return resolved;
    }

    /** The logical name of the EC2 resource of the stack with this ID, if the mocks assigned it. */
    Optional<String> ec2Name(String id) {
        return Optional.ofNullable(ec2Names.get(id));
    }

    /**
     * Every resource the program registered, the stack included, in registration order.
     *
     * @return the resources
     */
    public List<RecordedResource> resources() {
        return resources;
    }

    /**
     * The resources of one type, in registration order.
     *
     * @param type a type token such as {@code aws:iam/policy:Policy}
     * @return the resources of that type
     */
    public List<RecordedResource> resources(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).collect(Collectors.toList());
    }

    /**
     * The one resource of this type and logical name.
     *
     * @param type the type token
     * @param name the logical name
     * @return the resource
     * @throws IllegalArgumentException if there is none, naming the resources of that type
     */
    public RecordedResource resource(String type, String name) {
        return resources.stream()
                .filter(r -> r.type().equals(type) && r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + type + " named " + name + "; registered: "
                        + resources(type).stream().map(RecordedResource::name).collect(Collectors.toList())));
    }

    /**
     * The children of a resource, in registration order.
     *
     * @param parent the parent
     * @return the resources whose parent it is
     */
    public List<RecordedResource> children(RecordedResource parent) {
        return resources.stream()
                .filter(r -> r.parentUrn().equals(Optional.of(parent.urn())))
                .collect(Collectors.toList());
    }

    /**
     * The stack outputs, resolved; an output whose value is null or unknown maps to null, and so
     * does one that failed, whose cause is then among the {@link #exceptions()}.
     *
     * @return the outputs by name, in export order
     */
    public Map<String, Object> outputs() {
        return outputs;
    }

    /**
     * The names of the stack outputs whose values are secrets (from {@code requireSecret},
     * {@code Output.ofSecret} or a secret input); a plan shows them as {@code [secret]}.
     *
     * @return the names
     */
    public Set<String> secretOutputs() {
        return secretOutputs;
    }

    /**
     * The exceptions the program raised; empty when it ran cleanly.
     *
     * @return the exceptions
     */
    public List<Exception> exceptions() {
        return exceptions;
    }

    /**
     * The problems {@code pulumi up} would meet in AWS or in the engine that no single resource
     * shows: every {@link DeployRule} applied to this recording.
     *
     * @return one line per problem, in rule order; empty when there is none
     */
    public List<String> deployProblems() {
        return DeployRule.checkAll(this);
    }

    /**
     * The account the mocks placed resources in, unless a resource names another owner.
     *
     * @return the account ID
     */
    public String accountId() {
        return accountId;
    }

    /**
     * The region of the default provider the mocks answered for.
     *
     * @return the region
     */
    public String region() {
        return region;
    }

    /**
     * What the engine logged (warnings, errors with their causes), one entry per record, each
     * starting with its level: {@code SEVERE: ...}.
     *
     * @return the records
     */
    public List<String> log() {
        return log;
    }

    /**
     * The error messages the engine logged.
     *
     * @return the messages
     */
    public List<String> errors() {
        return errors;
    }
}
