package com.example.mlregistry.benchmark;

import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestResult;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One measured process: runs N registries, written one way, on the mock engine and prints
 * {@code registered=<resources> cpu_ms=<process CPU> peak_kib=<peak RSS>} and, with a latency,
 * {@code chain=<longest chain of dependent creations>}.
 *
 * <p>Usage: {@code MockRun component|private|hand|wrapped <N> [<latency ms>]}; {@code wrapped} is the
 * hand-written registry under an empty component each, to tell a component's own cost apart;
 * {@code private} is the component with private access.
 */
public final class MockRun {

    private MockRun() {
    }

    public static void main(String[] args) throws IOException {
        String variant = args[0];
        int count = Integer.parseInt(args[1]);
        long latency = args.length > 2 ? Long.parseLong(args[2]) : 0;
        BenchMocks mocks = new BenchMocks(latency);
        TestResult result = PulumiTest.withMocks(mocks).runTest(ctx -> {
            if (variant.equals("component")) {
                Registries.component(ctx, count);
            } else if (variant.equals("private")) {
                Registries.privateAccess(ctx, count);
            } else if (variant.equals("wrapped")) {
                Registries.wrapped = true;
                Registries.handWritten(ctx, count);
            } else {
                Registries.handWritten(ctx, count);
            }
        });
        PulumiTest.cleanup();
        if (!result.exceptions().isEmpty()) {
            result.exceptions().forEach(e -> System.err.println(e.getMessage()));
            System.exit(1);
        }
        long cpuMillis = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        StringBuilder line = new StringBuilder()
                .append("registered=").append(mocks.registered())
                .append(" cpu_ms=").append(cpuMillis)
                .append(" peak_kib=").append(peakKib());
        if (latency > 0) {
            line.append(" chain=").append(mocks.chain());
        }
        System.out.println(line);
        System.out.flush();
        System.exit(0);
    }

    /** The process's peak resident set, VmHWM, from Linux's /proc. */
    static long peakKib() throws IOException {
        for (String entry : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (entry.startsWith("VmHWM:")) {
                return Long.parseLong(entry.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
