package com.example.mlregistry.benchmark;

import com.pulumi.test.Mocks;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lightest mock engine that still answers like AWS (ARNs, key IDs, owners), so that the
 * measurement is the program's, not the mock's. With a latency, every creation completes that
 * many milliseconds after it was asked for, as on a real deployment. A creation asked for k
 * latencies after the first one waited for a chain of k earlier creations, so the largest such k,
 * plus one, is the longest chain of creations that wait for each other (the engine's own work
 * between them is small next to the latency).
 */
final class BenchMocks implements Mocks {

    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "us-east-1";

    private final long latencyMillis;
    private final long start = System.nanoTime();
    private final AtomicInteger registered = new AtomicInteger();
    private final AtomicLong firstAskNanos = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong longestChain = new AtomicLong();
    private final Executor delayed;

    BenchMocks(long latencyMillis) {
        this.latencyMillis = latencyMillis;
        this.delayed = CompletableFuture.delayedExecutor(latencyMillis, TimeUnit.MILLISECONDS);
    }

    int registered() {
        return registered.get();
    }

    /** The longest chain of dependent creations. */
    long chain() {
        return longestChain.get();
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        registered.incrementAndGet();
        Map<String, Object> state = new HashMap<>(args.inputs == null ? Map.of() : args.inputs);
        String id = args.name + "-id";
        switch (String.valueOf(args.type)) {
            case "aws:kms/key:Key" -> {
                state.put("keyId", id);
                state.put("arn", arn("kms", "key/" + id));
            }
            case "aws:codeartifact/domain:Domain" -> {
                state.put("arn", arn("codeartifact", "domain/" + state.get("domain")));
                state.put("owner", ACCOUNT);
                state.put("s3BucketArn", "arn:aws:s3:::assets-193858265520-us-east-1");
            }
            case "aws:codeartifact/repository:Repository" ->
                    state.put("arn", arn("codeartifact", "repository/" + state.get("domain") + "/" + state.get("repository")));
            default -> {
            }
        }
        ResourceResult result = ResourceResult.of(Optional.of(id), state);
        // The engine registers component resources itself, at once; only provider resources take time.
        if (latencyMillis <= 0 || !String.valueOf(args.type).startsWith("aws:")) {
            return CompletableFuture.completedFuture(result);
        }
        long asked = System.nanoTime();
        long first = firstAskNanos.accumulateAndGet(asked, Math::min);
        long depth = (asked - first) / TimeUnit.MILLISECONDS.toNanos(latencyMillis) + 1;
        longestChain.accumulateAndGet(depth, Math::max);
        if (System.getenv("BENCH_TRACE") != null) {
            System.err.printf("%-44s asked at %6.0f ms, chain position %d%n", args.name, (asked - start) / 1e6, depth);
        }
        return CompletableFuture.supplyAsync(() -> result, delayed);
    }

    private static String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + REGION + ":" + ACCOUNT + ":" + resource;
    }
}
