package io.mlregistry;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.resources.Resource;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import io.mlregistry.testing.AwsMocks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * The order of creation a deployment must follow, read from the dependencies the SDK sends the
 * engine with every registration: the longest chain of creations that wait for each other must be
 * the one AWS imposes (key, domain, store repository, primary repository, then a policy) and no
 * longer, and every dependency must come from data the resource uses, never from a dependsOn.
 * The timing of the same chain is measured by examples/benchmark (docs/performance.md).
 */
class DeployPathTest {

    /** Captures each registration's dependencies as the SDK sends them. */
    static final class DependencyMonitor extends MockMonitor {
        final Map<String, RegisterResourceRequest> requests = new ConcurrentHashMap<>();

        DependencyMonitor(AwsMocks mocks) {
            super(mocks, PulumiTestInternal.mockLog());
        }

        @Override
        public CompletableFuture<RegisterResourceResponse> registerResourceAsync(
                Resource resource, RegisterResourceRequest request) {
            return super.registerResourceAsync(resource, request).thenApply(response -> {
                requests.put(response.getUrn(), request);
                return response;
            });
        }
    }

    @AfterEach
    void cleanup() {
        PulumiTestInternal.cleanup();
    }

    private static DependencyMonitor deploy(MlDependencyRegistryArgs args) {
        AwsMocks mocks = AwsMocks.create();
        DependencyMonitor monitor = new DependencyMonitor(mocks);
        var result = PulumiTestInternal.builder()
                .options(TestOptions.builder().build())
                .mocks(mocks)
                .monitorDecorator(ignored -> monitor)
                .build()
                .runTest(ctx -> new MlDependencyRegistry("ml", args, null));
        assertThat(result.exceptions()).isEmpty();
        return monitor;
    }

    /** The longest chain of custom-resource creations ending at each resource, by logical name. */
    private static Map<String, List<String>> chains(DependencyMonitor monitor) {
        Map<String, List<String>> chains = new HashMap<>();
        for (String urn : monitor.requests.keySet()) {
            chain(urn, monitor, chains);
        }
        return chains;
    }

    private static List<String> chain(String urn, DependencyMonitor monitor, Map<String, List<String>> memo) {
        List<String> known = memo.get(urn);
        if (known != null) {
            return known;
        }
        RegisterResourceRequest request = monitor.requests.get(urn);
        List<String> longest = List.of();
        for (String dependency : request.getDependenciesList()) {
            List<String> candidate = chain(dependency, monitor, memo);
            if (candidate.size() > longest.size()) {
                longest = candidate;
            }
        }
        List<String> chain = new ArrayList<>(longest);
        if (request.getCustom()) {
            chain.add(request.getName());
        }
        memo.put(urn, chain);
        return chain;
    }

    @Test
    void longestChain_isTheOneAwsImposes() {
        DependencyMonitor monitor = deploy(ReliabilityTest.reference());
        Map<String, List<String>> chains = chains(monitor);

        int longest = chains.values().stream().mapToInt(List::size).max().orElseThrow();
        assertThat(longest).isEqualTo(5);
        assertThat(chains.values()).filteredOn(chain -> chain.size() == 5).isNotEmpty().allSatisfy(chain -> {
            assertThat(chain.subList(0, 2)).containsExactly("ml-key", "ml-domain");
            assertThat(chain.get(2)).startsWith("ml-upstream-");
            assertThat(chain.get(3)).isEqualTo("ml-repository");
        });
    }

    @Test
    void policiesAndPackageGroups_startAsSoonAsWhatTheyNameExists() {
        Map<String, List<String>> byName = new HashMap<>();
        chains(deploy(ReliabilityTest.reference())).values().stream()
                .filter(chain -> !chain.isEmpty())
                .forEach(chain -> byName.put(chain.get(chain.size() - 1), chain));

        assertThat(byName.get("ml-key-alias")).hasSize(2);
        assertThat(byName.get("ml-domain-policy")).hasSize(3);
        assertThat(byName.get("ml-repository-policy")).hasSize(5);
        assertThat(byName.get("ml-reader-policy")).hasSize(5);
        assertThat(byName.get("ml-publisher-policy")).hasSize(5);
        assertThat(byName.get("ml-upstream-pypi-store")).hasSize(3);
        assertThat(byName.keySet().stream().filter(name -> name.startsWith("ml-package-group-")))
                .hasSize(3).allSatisfy(name -> assertThat(byName.get(name)).hasSize(5));
    }

    @Test
    void everyDependency_comesFromDataTheResourceUses() {
        DependencyMonitor monitor = deploy(ReliabilityTest.reference());

        assertThat(monitor.requests.values()).allSatisfy(request -> {
            Set<String> fromProperties = new HashSet<>();
            request.getPropertyDependenciesMap().values().forEach(deps -> fromProperties.addAll(deps.getUrnsList()));
            assertThat(fromProperties).as(request.getName()).containsAll(request.getDependenciesList());
        });
    }
}
