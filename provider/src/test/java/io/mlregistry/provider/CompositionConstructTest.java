package io.mlregistry.provider;

import static io.mlregistry.provider.WireValues.list;
import static io.mlregistry.provider.WireValues.object;
import static io.mlregistry.provider.WireValues.plain;
import static io.mlregistry.provider.WireValues.resource;
import static io.mlregistry.provider.WireValues.struct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Struct;
import io.grpc.Server;
import io.grpc.StatusRuntimeException;
import pulumirpc.Provider;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registries of one program in another language, each its own {@code Construct}, share the
 * stack's graph as a Java program's do: one store per connection per domain, the checks across
 * registries, and a typed reference to the registry whose domain a registry joins.
 */
class CompositionConstructTest {

    private static final String REPOSITORY = "aws:codeartifact/repository:Repository";

    private final List<TestEngine> engines = new ArrayList<>();
    private Server provider;

    private TestEngine engine() throws IOException {
        TestEngine engine = new TestEngine("ml", "dev", false);
        if (provider == null) {
            provider = Main.start(engine.address());
        }
        engine.useProvider("127.0.0.1:" + provider.getPort());
        engine.registerStack();
        engines.add(engine);
        return engine;
    }

    @AfterEach
    void stop() {
        engines.forEach(TestEngine::close);
        if (provider != null) {
            provider.shutdownNow();
        }
    }

    private static Struct owner() {
        return struct("domainName", "ml-platform", "repositoryName", "shared",
                "upstreams", list(object(Map.of("externalConnection", plain("public:pypi")))));
    }

    private static Struct team(String owner, String name) {
        return struct("inDomainOf", resource(owner), "repositoryName", name + "-models",
                "upstreams", list(object(Map.of("externalConnection", plain("public:pypi")))));
    }

    @Test
    void twoConstructsOfOneProgram_sharingADomain_reuseOneStore() throws IOException {
        TestEngine engine = engine();
        Provider.ConstructResponse platform = engine.construct("platform", owner(), Map.of());

        engine.construct("vision", team(platform.getUrn(), "vision"), Map.of());

        List<TestEngine.Registration> repositories = engine.registrations().stream()
                .filter(r -> r.type().equals(REPOSITORY)).toList();
        assertThat(repositories).extracting(r -> r.plainInputs().get("repository"))
                .containsExactly("pypi-store", "shared", "vision-models");
        TestEngine.Registration vision = engine.registration(REPOSITORY, "vision-repository");
        assertThat(vision.plainInputs()).containsEntry("domain", "ml-platform")
                .containsEntry("upstreams", List.of(Map.of("repositoryName", "pypi-store")));
        assertThat(vision.dependencies()).contains(engine.registration(REPOSITORY, "platform-upstream-pypi-store").urn());
    }

    @Test
    void twoConstructsOfOneProgram_areCheckedAgainstEachOther() throws IOException {
        TestEngine engine = engine();
        Provider.ConstructResponse platform = engine.construct("platform", owner(), Map.of());

        assertThatThrownBy(() -> engine.construct("copy", team(platform.getUrn(), "copy").toBuilder()
                .putFields("repositoryName", plain("shared")).build(), Map.of()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getDescription())
                        .isEqualTo("registry copy: repositoryName (shared) is already created in domain ml-platform by "
                                + "registry platform; repository names are unique in a domain"));
    }

    @Test
    void inDomainOf_namingNoRegistryOfTheProgram_isRefused() throws IOException {
        TestEngine engine = engine();

        assertThatThrownBy(() -> engine.construct("vision", team("urn:pulumi:dev::ml::x:index:Y::other", "vision"), Map.of()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getDescription())
                        .isEqualTo("registry vision: inDomainOf (urn:pulumi:dev::ml::x:index:Y::other) must name an "
                                + "mlregistry:index:MlDependencyRegistry constructed before this one in the same program"));
    }

    @Test
    void twoPrograms_onOneProvider_haveAGraphEach() throws IOException {
        TestEngine first = engine();
        TestEngine second = engine();

        first.construct("platform", owner(), Map.of());
        second.construct("platform", owner(), Map.of());

        assertThat(second.registrations()).filteredOn(r -> r.type().equals(REPOSITORY))
                .extracting(r -> r.plainInputs().get("repository")).containsExactly("pypi-store", "shared");
    }
}
