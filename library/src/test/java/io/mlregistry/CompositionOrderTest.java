package io.mlregistry;

import static io.mlregistry.Mistakes.platform;
import static io.mlregistry.Mistakes.team;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import io.mlregistry.testing.AwsMocks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * Every dependency between registries of one stack, with answers the mock engine gives late: a
 * resource that waits for another is registered only after the other's answer, and names it among
 * the dependencies the SDK sends (as {@link DeployPathTest} reads them). A registration that took
 * a plain name instead of the other's output would arrive before that answer and name nothing.
 */
class CompositionOrderTest {

    /** AWS's answers, each given later than asked: the domains and stores latest. */
    static final class LateMocks implements Mocks {
        private final AwsMocks aws = AwsMocks.create();

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            long delay = args.type.endsWith("Domain") || args.name.contains("-upstream-") ? 120 : 40;
            return aws.newResourceAsync(args).thenApplyAsync(result -> result,
                    CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS));
        }
    }

    /** When each registration arrived and was answered, and what it named as dependencies. */
    static final class OrderMonitor extends MockMonitor {
        private final AtomicInteger clock = new AtomicInteger();
        final Map<String, Integer> arrived = new ConcurrentHashMap<>();
        final Map<String, Integer> answered = new ConcurrentHashMap<>();
        final Map<String, RegisterResourceRequest> requests = new ConcurrentHashMap<>();
        final Map<String, String> urns = new ConcurrentHashMap<>();

        OrderMonitor(Mocks mocks) {
            super(mocks, PulumiTestInternal.mockLog());
        }

        @Override
        public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource,
                RegisterResourceRequest request) {
            arrived.put(request.getName(), clock.incrementAndGet());
            requests.put(request.getName(), request);
            return super.registerResourceAsync(resource, request).thenApply(response -> {
                answered.put(request.getName(), clock.incrementAndGet());
                urns.put(request.getName(), response.getUrn());
                return response;
            });
        }

        /** Asserts that {@code waiting} was registered after {@code awaited} was answered, and names it. */
        void assertWaits(String waiting, String awaited) {
            assertThat(arrived).as("registered").containsKeys(waiting, awaited);
            assertThat(arrived.get(waiting)).as(waiting + " registered after " + awaited + " was answered")
                    .isGreaterThan(answered.get(awaited));
            assertThat(requests.get(waiting).getDependenciesList()).as(waiting + "'s dependencies")
                    .contains(urns.get(awaited));
        }
    }

    @AfterEach
    void cleanup() {
        PulumiTestInternal.cleanup();
    }

    private static OrderMonitor run(Consumer<Context> program) {
        OrderMonitor monitor = new OrderMonitor(new LateMocks());
        var result = PulumiTestInternal.builder()
                .options(TestOptions.builder().build())
                .mocks(new LateMocks())
                .monitorDecorator(ignored -> monitor)
                .build()
                .runTest(program);
        assertThat(result.exceptions()).isEmpty();
        return monitor;
    }

    @Test
    void joinedTeam_waitsForTheDomainsSharedStoreAndTheOwnersPrimary() {
        OrderMonitor monitor = run(ctx -> team("vision", platform(),
                b -> b.upstreams(Upstream.repository("shared"), Upstream.externalConnection("public:pypi"))));

        monitor.assertWaits("vision-repository", "platform-upstream-pypi-store");
        monitor.assertWaits("vision-repository", "platform-repository");
    }

    @Test
    void stringUpstream_namingATeamDeclaredLater_waitsForIt() {
        OrderMonitor monitor = run(ctx -> {
            MlDependencyRegistry platform = platform();
            team("search", platform, b -> b.upstreams(Upstream.repository("vision-models")));
            team("vision", platform);
        });

        monitor.assertWaits("search-repository", "vision-repository");
    }

    @Test
    void domainJoinedByName_waitsForTheDomainAndItsStore() {
        OrderMonitor monitor = run(ctx -> {
            platform();
            new MlDependencyRegistry("vision", MlDependencyRegistryArgs.builder().domainName("ml-platform")
                    .createDomain(false).repositoryName("vision-models").upstreams(Upstream.externalConnection("public:pypi"),
                            Upstream.externalConnection("public:crates-io")).build(), null);
        });

        monitor.assertWaits("vision-upstream-crates-io-store", "platform-domain");
        monitor.assertWaits("vision-repository", "platform-domain");
        monitor.assertWaits("vision-repository", "platform-upstream-pypi-store");
    }

    @Test
    void publishedFrom_namingATeamDeclaredLater_makesTheGroupWaitForIt() {
        OrderMonitor monitor = run(ctx -> {
            MlDependencyRegistry platform = platform(b -> b.internalNamespaces(
                    InternalNamespace.pypiPrefix("acme-").publishedFrom("shared", "vision-models")));
            team("vision", platform);
        });

        String group = monitor.arrived.keySet().stream().filter(name -> name.startsWith("platform-package-group-"))
                .findFirst().orElseThrow();
        monitor.assertWaits(group, "vision-repository");
        monitor.assertWaits(group, "platform-repository");
    }

    @Test
    void storeOfAnotherTeam_isSharedAndWaitedFor() {
        OrderMonitor monitor = run(ctx -> {
            MlDependencyRegistry platform = platform(b -> b.upstreams());
            team("web", platform, b -> b.upstreams(Upstream.externalConnection("public:npmjs")));
            team("app", platform, b -> b.upstreams(Upstream.repositoryOf(platform), Upstream.externalConnection("public:npmjs")));
        });

        monitor.assertWaits("app-repository", "web-upstream-web-models-npmjs-store");
        monitor.assertWaits("app-repository", "platform-repository");
        assertThat(monitor.arrived.keySet()).filteredOn(name -> name.startsWith("app-upstream-")).isEmpty();
    }

    @Test
    void everyCrossRegistryDependency_comesFromDataTheResourceUses() {
        OrderMonitor monitor = run(ctx -> {
            MlDependencyRegistry platform = platform(b -> b.internalNamespaces(
                    InternalNamespace.pypiPrefix("acme-").publishedFrom("shared", "vision-models")));
            team("search", platform, b -> b.upstreams(Upstream.repository("vision-models")));
            team("vision", platform, b -> b.upstreams(Upstream.repositoryOf(platform), Upstream.externalConnection("public:pypi")));
        });

        assertThat(monitor.requests.values()).allSatisfy(request -> {
            List<String> fromProperties = request.getPropertyDependenciesMap().values().stream()
                    .flatMap(deps -> deps.getUrnsList().stream()).toList();
            assertThat(fromProperties).as(request.getName()).containsAll(request.getDependenciesList());
        });
    }
}
