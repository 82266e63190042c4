package com.example.mlregistry.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark: every figure comes from a whole process started for it, JVM start-up included,
 * and every comparison is between figures measured in this one run on this machine.
 *
 * <ol>
 *   <li>N = 1, 20, 200 registries through the component and by hand, under the JDK's default JVM
 *       settings and under the settings the examples ship: wall time, CPU time, peak memory,
 *       medians of {@code reps} runs after a warm-up, and component/hand ratios;</li>
 *   <li>the cost of one more registry at N = 20 and N = 200;</li>
 *   <li>the cost of private access: the component with and without it, per registered resource
 *       (alone with {@code Harness <dir> <reps> private});</li>
 *   <li>simulated deploy time: every creation takes {@code latency} ms, and the longest chain of
 *       creations that wait for each other is reported;</li>
 *   <li>how the 200-registry stack starts: through Maven as {@code pulumi} runs it
 *       ({@code mvn compile exec:java}) without and with {@code .mvn/jvm.config}, and as a plain
 *       {@code java} process (the {@code runtime: binary} option);</li>
 *   <li>the TypeScript equivalent (typescript/run.sh), when Node.js is present.</li>
 * </ol>
 *
 * <p>Usage: {@code Harness <project dir> [reps] [private]}; bench.sh runs it with the right classpath.
 */
public final class Harness {

    static final List<String> FAST = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    static final int[] SIZES = {1, 20, 200};
    static final long LATENCY_MILLIS = 500;

    record Sample(double wallSeconds, double cpuSeconds, double peakMib, long chain, long registered) {
    }

    private final Path project;
    private final int reps;
    private final boolean privateOnly;
    private final String java = ProcessHandle.current().info().command().orElse("java");
    private final String classpath = System.getProperty("java.class.path");

    private Harness(Path project, int reps, boolean privateOnly) {
        this.project = project;
        this.reps = reps;
        this.privateOnly = privateOnly;
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        new Harness(project, reps, args.length > 2 && args[2].equals("private")).run();
    }

    private void run() throws Exception {
        System.out.printf("mlregistry benchmark: %d runs per figure (median, after one warm-up), %d cores, %s%n%n",
                reps, Runtime.getRuntime().availableProcessors(), System.getProperty("java.runtime.version"));

        if (privateOnly) {
            privateAccess();
            return;
        }
        Map<String, Sample> results = new LinkedHashMap<>();
        System.out.println("| JVM settings | N | program | resources | wall s | CPU s | peak MiB | wall ratio | CPU ratio | memory ratio |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (boolean fast : new boolean[] {false, true}) {
            for (int n : SIZES) {
                Sample hand = median(javaCommand(fast, "hand", n, 0));
                Sample wrapped = median(javaCommand(fast, "wrapped", n, 0));
                Sample component = median(javaCommand(fast, "component", n, 0));
                String flags = fast ? "SerialGC, C1" : "JDK defaults";
                results.put(flags + " hand " + n, hand);
                results.put(flags + " component " + n, component);
                System.out.printf("| %s | %d | hand-written | %d | %.2f | %.2f | %.0f | | | |%n",
                        flags, n, 7 * n, hand.wallSeconds(), hand.cpuSeconds(), hand.peakMib());
                System.out.printf("| %s | %d | hand-written, each registry under an empty component | %d (+%d components) "
                                + "| %.2f | %.2f | %.0f | %.3f | %.3f | %.3f |%n",
                        flags, n, 7 * n, n, wrapped.wallSeconds(), wrapped.cpuSeconds(), wrapped.peakMib(),
                        wrapped.wallSeconds() / hand.wallSeconds(), wrapped.cpuSeconds() / hand.cpuSeconds(),
                        wrapped.peakMib() / hand.peakMib());
                System.out.printf("| %s | %d | component | %d (+%d components) | %.2f | %.2f | %.0f | %.3f | %.3f | %.3f |%n",
                        flags, n, 7 * n, n, component.wallSeconds(), component.cpuSeconds(), component.peakMib(),
                        component.wallSeconds() / hand.wallSeconds(), component.cpuSeconds() / hand.cpuSeconds(),
                        component.peakMib() / hand.peakMib());
            }
        }

        System.out.println();
        System.out.println("| JVM settings | program | CPU s per extra registry, N=20 | same, N=200 | ratio |");
        System.out.println("| --- | --- | --- | --- | --- |");
        for (String flags : List.of("JDK defaults", "SerialGC, C1")) {
            for (String program : List.of("hand", "component")) {
                double one = results.get(flags + " " + program + " 1").cpuSeconds();
                double at20 = (results.get(flags + " " + program + " 20").cpuSeconds() - one) / 19;
                double at200 = (results.get(flags + " " + program + " 200").cpuSeconds() - one) / 199;
                System.out.printf("| %s | %s | %.4f | %.4f | %.2f |%n", flags, program, at20, at200, at200 / at20);
            }
        }

        System.out.println();
        privateAccess();

        System.out.println();
        System.out.printf("Simulated deploy, every creation taking %d ms (N = 1):%n", LATENCY_MILLIS);
        for (String program : List.of("hand", "component")) {
            Sample sample = measure(javaCommand(true, program, 1, LATENCY_MILLIS), project);
            System.out.printf("  %-9s longest chain of dependent creations: %d%n", program, sample.chain());
        }

        System.out.println();
        System.out.println("How the 200-registry stack starts (component, N = 200):");
        System.out.println("| start | wall s | CPU s | peak MiB |");
        System.out.println("| --- | --- | --- | --- |");
        Path bare = copyWithoutJvmConfig();
        printStart("mvn compile exec:java, JDK defaults", median(mavenCommand(bare), bare));
        printStart("mvn compile exec:java, .mvn/jvm.config", median(mavenCommand(project), project));
        printStart("java (runtime binary), JDK defaults", results.get("JDK defaults component 200"));
        printStart("java (runtime binary), SerialGC, C1", results.get("SerialGC, C1 component 200"));

        System.out.println();
        Path typescript = project.resolve("typescript");
        if (!onPath("node") || !onPath("npm")) {
            System.out.println("TypeScript row skipped: node and npm are not on the PATH.");
            return;
        }
        System.out.println("TypeScript equivalent (@pulumi/aws, hand-written, 6 resources per registry):");
        System.out.println("| N | wall s | CPU s | peak MiB |");
        System.out.println("| --- | --- | --- | --- |");
        for (int n : SIZES) {
            Sample ts = median(List.of("bash", typescript.resolve("run.sh").toString(), String.valueOf(n)), typescript);
            System.out.printf("| %d | %.2f | %.2f | %.0f |%n", n, ts.wallSeconds(), ts.cpuSeconds(), ts.peakMib());
        }
    }

    /**
     * What private access costs: the component with it (a security group, an ingress rule and three
     * endpoints more per registry) against the component without it, with the settings the examples
     * ship; CPU per registered resource (the component resources included) and the ratios, all from
     * this run.
     */
    private void privateAccess() throws IOException, InterruptedException {
        System.out.println("Private access (SerialGC, C1), the component with and without it:");
        System.out.println("| N | program | registered | CPU s | CPU ms per registered resource | per-resource ratio "
                + "| CPU ratio |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (int n : SIZES) {
            Sample without = median(javaCommand(true, "component", n, 0));
            Sample with = median(javaCommand(true, "private", n, 0));
            double perWithout = 1000 * without.cpuSeconds() / without.registered();
            double perWith = 1000 * with.cpuSeconds() / with.registered();
            System.out.printf("| %d | component | %d | %.2f | %.2f | | |%n", n, without.registered(), without.cpuSeconds(),
                    perWithout);
            System.out.printf("| %d | component with private access | %d | %.2f | %.2f | %.3f | %.3f |%n", n,
                    with.registered(), with.cpuSeconds(), perWith, perWith / perWithout,
                    with.cpuSeconds() / without.cpuSeconds());
        }
    }

    private void printStart(String label, Sample sample) {
        System.out.printf("| %s | %.2f | %.2f | %.0f |%n", label, sample.wallSeconds(), sample.cpuSeconds(), sample.peakMib());
    }

    private List<String> javaCommand(boolean fast, String program, int n, long latency) {
        List<String> command = new ArrayList<>(List.of(java));
        if (fast) {
            command.addAll(FAST);
        }
        command.addAll(List.of("-cp", classpath, MockRun.class.getName(), program, String.valueOf(n), String.valueOf(latency)));
        return command;
    }

    private List<String> mavenCommand(Path dir) {
        return List.of("mvn", "-B", "-q", "-o", "-f", dir.resolve("pom.xml").toString(), "compile", "exec:java",
                "-DmainClass=" + MockRun.class.getName(), "-Dexec.args=component 200 0");
    }

    /** The project without .mvn/jvm.config, to measure Maven under the JDK's defaults. */
    private Path copyWithoutJvmConfig() throws IOException {
        Path copy = Files.createTempDirectory("mlregistry-bench-");
        Files.copy(project.resolve("pom.xml"), copy.resolve("pom.xml"));
        try (var files = Files.walk(project.resolve("src"))) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(project.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return copy;
    }

    private Sample median(List<String> command) throws IOException, InterruptedException {
        return median(command, project);
    }

    private Sample median(List<String> command, Path dir) throws IOException, InterruptedException {
        measure(command, dir);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            samples.add(measure(command, dir));
        }
        return new Sample(
                middle(samples, Comparator.comparingDouble(Sample::wallSeconds)).wallSeconds(),
                middle(samples, Comparator.comparingDouble(Sample::cpuSeconds)).cpuSeconds(),
                middle(samples, Comparator.comparingDouble(Sample::peakMib)).peakMib(),
                samples.get(0).chain(), samples.get(0).registered());
    }

    private static Sample middle(List<Sample> samples, Comparator<Sample> order) {
        List<Sample> sorted = new ArrayList<>(samples);
        sorted.sort(order);
        return sorted.get(sorted.size() / 2);
    }

    private static final Pattern JAVA_LINE =
            Pattern.compile("registered=(\\d+) cpu_ms=(\\d+) peak_kib=(\\d+)(?: chain=(\\d+))?");
    private static final Pattern TS_LINE =
            Pattern.compile("wall_s=([0-9.]+) cpu_s=([0-9.]+) peak_mib=([0-9.]+)");

    /** Runs one process; wall time is measured here, CPU and peak memory reported by the process. */
    private static Sample measure(List<String> command, Path dir) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command) + "\n" + output);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        Matcher java = JAVA_LINE.matcher(output);
        if (java.find()) {
            return new Sample(wall, Long.parseLong(java.group(2)) / 1000.0, Long.parseLong(java.group(3)) / 1024.0,
                    java.group(4) == null ? 0 : Long.parseLong(java.group(4)), Long.parseLong(java.group(1)));
        }
        Matcher ts = TS_LINE.matcher(output);
        if (ts.find()) {
            return new Sample(Double.parseDouble(ts.group(1)), Double.parseDouble(ts.group(2)),
                    Double.parseDouble(ts.group(3)), 0, 0);
        }
        throw new IllegalStateException("no figures in the output of " + String.join(" ", command) + ":\n" + output);
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
