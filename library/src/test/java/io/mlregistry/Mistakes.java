package io.mlregistry;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import com.pulumi.test.TestOptions;
import io.mlregistry.testing.AwsMocks;
import io.mlregistry.testing.RecordedResource;
import io.mlregistry.testing.StackRecording;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The composition mistakes a platform team makes, as rows of a table: a program, and the exact
 * message it must fail with, or {@link #ACCEPTED}. A program runs on the mock engine as a
 * deployment ({@link #row}) or as the offline preview runs it, in placeholder mode
 * ({@link #preview}). What it did is one text: the distinct root messages of its failures, or the
 * deploy-time problems of the offline plan, or {@link #ACCEPTED}.
 */
final class Mistakes {

    static final String ACCEPTED = "accepted";

    private Mistakes() {
    }

    /** How a row's program runs. */
    interface Runner {
        StackRecording run(Consumer<Context> program);
    }

    /**
     * One row.
     *
     * @param rule the rule it breaks (or keeps, for a correct program)
     * @param what the mistake, as a user would describe it
     * @param program the stack's program
     * @param expected the exact message, or {@link #ACCEPTED}
     * @param runner how the program runs
     * @param also what an accepted program must also have done
     */
    record Mistake(String rule, String what, Consumer<Context> program, String expected, Runner runner,
            Consumer<StackRecording> also) {

        @Override
        public String toString() {
            return rule + ": " + what;
        }

        /** Runs the row and checks what it did. */
        void check() {
            StackRecording run = runner.run(program);
            assertThat(outcome(run)).as(toString()).isEqualTo(expected);
            also.accept(run);
        }
    }

    static Mistake row(String rule, String what, Consumer<Context> program, String expected) {
        return new Mistake(rule, what, program, expected, program1 -> StackRecording.run(AwsMocks.create(), program1),
                run -> { });
    }

    static Mistake row(String rule, String what, Consumer<Context> program, Consumer<StackRecording> also) {
        return new Mistake(rule, what, program, ACCEPTED, program1 -> StackRecording.run(AwsMocks.create(), program1),
                also);
    }

    /** A row run as {@code PreviewMain} runs a stack: placeholder account, region and key IDs. */
    static Mistake preview(String rule, String what, Consumer<Context> program, String expected) {
        return preview(rule, what, Map.of(), program, expected);
    }

    /** A row run as the preview runs it, with stack configuration; keys ending in {@code !} are secrets. */
    static Mistake preview(String rule, String what, Map<String, String> config, Consumer<Context> program,
            String expected) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        Set<String> secrets = new LinkedHashSet<>();
        config.forEach((key, value) -> {
            String plain = key.endsWith("!") ? key.substring(0, key.length() - 1) : key;
            values.put("ml:" + plain, value);
            if (key.endsWith("!")) {
                secrets.add("ml:" + plain);
            }
        });
        return new Mistake(rule, what, program, expected, program1 -> StackRecording.run(
                AwsMocks.builder().accountId("000000000000").region("placeholder-region-1").placeholders(true).build(),
                TestOptions.builder().projectName("ml").preview(true).build(), values, secrets, program1), run -> { });
    }

    /** The distinct root messages of the failures, sorted; the deploy-time problems; or {@link #ACCEPTED}. */
    static String outcome(StackRecording run) {
        if (!run.exceptions().isEmpty()) {
            Set<String> messages = new java.util.TreeSet<>();
            run.exceptions().forEach(e -> messages.add(Failures.rootMessage(e)));
            return String.join("\n", messages);
        }
        List<String> problems = run.deployProblems();
        return problems.isEmpty() ? ACCEPTED : "deploy: " + String.join("\n", problems);
    }

    /**
     * The platform's owner: domain {@code ml-platform}, repository {@code shared}, the domain's
     * caches of PyPI, Maven Central and npm.
     */
    static MlDependencyRegistry platform(UnaryOperator<MlDependencyRegistryArgs.Builder> extra) {
        return new MlDependencyRegistry("platform", extra.apply(MlDependencyRegistryArgs.builder()
                .domainName("ml-platform")
                .repositoryName("shared")
                .upstreams(Upstream.externalConnection("public:pypi"), Upstream.externalConnection("public:maven-central"),
                        Upstream.externalConnection("public:npmjs")))
                .build(), null);
    }

    static MlDependencyRegistry platform() {
        return platform(b -> b);
    }

    /** A team joining {@code owner}'s domain: {@code <name>-models}, searching the owner's primary. */
    static MlDependencyRegistry team(String name, MlDependencyRegistry owner,
            UnaryOperator<MlDependencyRegistryArgs.Builder> extra) {
        return new MlDependencyRegistry(name, args(name, owner, extra), null);
    }

    static MlDependencyRegistry team(String name, MlDependencyRegistry owner) {
        return team(name, owner, b -> b);
    }

    static MlDependencyRegistryArgs args(String name, MlDependencyRegistry owner,
            UnaryOperator<MlDependencyRegistryArgs.Builder> extra) {
        return extra.apply(MlDependencyRegistryArgs.builder()
                .inDomainOf(owner)
                .repositoryName(name + "-models")
                .upstreams(Upstream.repositoryOf(owner))).build();
    }

    /** A registry creating its own domain {@code <domain>}, with no upstream. */
    static MlDependencyRegistry alone(String name, String domain, String repository) {
        return new MlDependencyRegistry(name, MlDependencyRegistryArgs.builder()
                .domainName(domain).repositoryName(repository).upstreams().build(), null);
    }

    /** The repositories the run registered for an external connection, by name. */
    static List<String> storesOf(StackRecording run, String connection) {
        List<String> stores = new ArrayList<>();
        for (RecordedResource repository : run.resources("aws:codeartifact/repository:Repository")) {
            Object external = repository.inputs().get("externalConnections");
            if (external instanceof Map && connection.equals(((Map<?, ?>) external).get("externalConnectionName"))) {
                stores.add(repository.input("repository").orElseThrow());
            }
        }
        return stores;
    }

    /** The primary repository's upstreams, by name, in search order. */
    static List<String> upstreamsOf(StackRecording run, String logicalName) {
        Object upstreams = run.resource("aws:codeartifact/repository:Repository", logicalName).inputs().get("upstreams");
        if (!(upstreams instanceof List)) {
            return List.of();
        }
        return ((List<?>) upstreams).stream().map(u -> (String) ((Map<?, ?>) u).get("repositoryName")).toList();
    }
}
