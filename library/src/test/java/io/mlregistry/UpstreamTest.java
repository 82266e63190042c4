package io.mlregistry;

import com.pulumi.test.PulumiTest;
import io.mlregistry.internal.plan.RegistryPlanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpstreamTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "public:pypi, pypi-store",
            "public:npmjs, npmjs-store",
            "public:maven-central, maven-central-store",
            "public:crates-io, crates-io-store"})
    void externalConnection_withoutName_derivesTheStoreName(String connection, String store) {
        Upstream upstream = Upstream.externalConnection(connection);

        assertThat(upstream.externalConnection()).contains(connection);
        assertThat(upstream.storeRepositoryName()).isEmpty();
        assertThat(upstream.repository()).isEmpty();
        assertThat(RegistryPlanner.storeName(upstream.input(), "ml-models", false)).isEqualTo(store);
        assertThat(RegistryPlanner.storeName(upstream.input(), "ml-models", true)).isEqualTo("ml-models-" + store);
    }

    @Test
    void externalConnection_withName_usesIt() {
        Upstream upstream = Upstream.externalConnection("public:pypi", "team-a-pypi");

        assertThat(upstream.externalConnection()).contains("public:pypi");
        assertThat(upstream.storeRepositoryName()).contains("team-a-pypi");
        assertThat(RegistryPlanner.storeName(upstream.input(), "ml-models", false)).isEqualTo("team-a-pypi");
        assertThat(RegistryPlanner.storeName(upstream.input(), "ml-models", true)).isEqualTo("team-a-pypi");
    }

    @Test
    void storeName_joinedRegistryWithALongName_isCutToAHundredCharacters() {
        String repository = "r".repeat(89);

        assertThat(RegistryPlanner.storeName(Upstream.externalConnection("public:pypi").input(), repository, true))
                .isEqualTo(repository + "-pypi-store");
        assertThat(RegistryPlanner.storeName(Upstream.externalConnection("public:pypi").input(), repository + "r", true))
                .isEqualTo(repository + "r-pypi-stor");
    }

    @Test
    void repository_namesAnExistingRepository() {
        Upstream upstream = Upstream.repository("shared");

        assertThat(upstream.repository().map(PulumiTest::extractValue)).contains("shared");
        assertThat(upstream.externalConnection()).isEmpty();
        assertThat(upstream.storeRepositoryName()).isEmpty();
    }

    @Test
    void factories_null_throwNullPointerExceptionNamingTheParameter() {
        assertThatThrownBy(() -> Upstream.externalConnection(null))
                .isInstanceOf(NullPointerException.class).hasMessage("connection");
        assertThatThrownBy(() -> Upstream.externalConnection(null, "store"))
                .isInstanceOf(NullPointerException.class).hasMessage("connection");
        assertThatThrownBy(() -> Upstream.externalConnection("public:pypi", null))
                .isInstanceOf(NullPointerException.class).hasMessage("storeRepositoryName");
        assertThatThrownBy(() -> Upstream.repository((String) null))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
    }

    @Test
    void equalsAndHashCode_followTheValues() {
        assertThat(Upstream.externalConnection("public:pypi")).isEqualTo(Upstream.externalConnection("public:pypi"))
                .hasSameHashCodeAs(Upstream.externalConnection("public:pypi"));
        assertThat(Upstream.externalConnection("public:pypi"))
                .isNotEqualTo(Upstream.externalConnection("public:pypi", "pypi-store"))
                .isNotEqualTo(Upstream.repository("pypi-store"))
                .isNotEqualTo(null);
        assertThat(Upstream.repository("shared")).isEqualTo(Upstream.repository("shared"));
    }

    @Test
    void toString_readsLikeTheFactoryCall() {
        assertThat(Upstream.externalConnection("public:pypi")).hasToString("Upstream.externalConnection(public:pypi)");
        assertThat(Upstream.externalConnection("public:pypi", "cache"))
                .hasToString("Upstream.externalConnection(public:pypi, cache)");
        assertThat(Upstream.repository("shared")).hasToString("Upstream.repository(shared)");
    }
}
