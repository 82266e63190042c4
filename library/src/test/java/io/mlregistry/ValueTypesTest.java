package io.mlregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import com.pulumi.core.internal.OutputData;
import com.pulumi.core.internal.OutputInternal;
import io.mlregistry.internal.outputs.Known;
import io.mlregistry.internal.plan.RegistryInputs;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The small value types of the public API ({@link InternalNamespace}, {@link OriginRestriction},
 * {@link PackageGroup}, {@link Upstream}) as values: accessors, equality, their text and the
 * snapshot the planner reads, without an engine.
 */
class ValueTypesTest {

    private static Output<String> unknown() {
        return new OutputInternal<>(OutputData.<String>unknown());
    }

    @Test
    void internalNamespace_accessorsFollowTheFactory() {
        InternalNamespace pypi = InternalNamespace.pypiPrefix("acme-");
        InternalNamespace npm = InternalNamespace.npmScope("acme").publishedFrom("a", "b");
        InternalNamespace group = InternalNamespace.mavenGroup("com.acme");
        InternalNamespace prefix = InternalNamespace.mavenGroupPrefix("com.acme");

        assertThat(pypi.format()).isEqualTo("pypi");
        assertThat(pypi.namePrefix()).contains("acme-");
        assertThat(pypi.namespace()).isEmpty();
        assertThat(pypi.namespacePrefix()).isEmpty();
        assertThat(pypi.publishRepositories()).isEmpty();
        assertThat(npm.format()).isEqualTo("npm");
        assertThat(npm.namespace()).contains("acme");
        assertThat(npm.publishRepositories()).contains(List.of("a", "b"));
        assertThat(group.format()).isEqualTo("maven");
        assertThat(group.namespace()).contains("com.acme");
        assertThat(prefix.namespacePrefix()).contains("com.acme");
        assertThat(prefix.namespace()).isEmpty();
        assertThat(prefix.namePrefix()).isEmpty();
    }

    @Test
    void internalNamespace_textReadsWhatItHolds() {
        assertThat(InternalNamespace.pypiPrefix("acme-")).hasToString("InternalNamespace{pypi, namePrefix=acme-}");
        assertThat(InternalNamespace.mavenGroupPrefix("com.acme"))
                .hasToString("InternalNamespace{maven, namespacePrefix=com.acme}");
        assertThat(InternalNamespace.npmScope("acme").publishedFrom("ml-models"))
                .hasToString("InternalNamespace{npm, namespace=acme, publishRepositories=[ml-models]}");
    }

    @Test
    void internalNamespace_equalsComparesEveryField() {
        InternalNamespace npm = InternalNamespace.npmScope("acme");

        assertThat(npm).isEqualTo(npm).isEqualTo(InternalNamespace.npmScope("acme"))
                .hasSameHashCodeAs(InternalNamespace.npmScope("acme"))
                .isNotEqualTo(InternalNamespace.npmScope("other"))
                .isNotEqualTo(InternalNamespace.mavenGroup("acme"))
                .isNotEqualTo(npm.publishedFrom("ml-models"))
                .isNotEqualTo("acme").isNotEqualTo(null);
        assertThat(InternalNamespace.mavenGroup("com.acme")).isNotEqualTo(InternalNamespace.mavenGroupPrefix("com.acme"));
        assertThat(InternalNamespace.pypiPrefix("acme-")).isNotEqualTo(InternalNamespace.pypiPrefix("acme_"));
        assertThat(npm.publishedFrom("a")).isEqualTo(npm.publishedFrom("a")).isNotEqualTo(npm.publishedFrom("b"));
        assertThat(npm.hashCode()).isNotEqualTo(npm.publishedFrom("a").hashCode());
    }

    @Test
    void internalNamespace_publishedFromNull_failsNamingTheEntry() {
        assertThatThrownBy(() -> InternalNamespace.npmScope("acme").publishedFrom((String[]) null))
                .isInstanceOf(NullPointerException.class).hasMessage("repositories");
        assertThatThrownBy(() -> InternalNamespace.npmScope("acme").publishedFrom("a", null))
                .isInstanceOf(NullPointerException.class).hasMessage("repositories[1]");
    }

    @Test
    void internalNamespace_input_isThePlannersSnapshot() {
        RegistryInputs.NamespaceInput input = InternalNamespace.mavenGroupPrefix("com.acme").publishedFrom("r").input();

        assertThat(input).isEqualTo(new RegistryInputs.NamespaceInput("maven", Optional.empty(), Optional.of("com.acme"),
                Optional.empty(), Optional.of(List.of("r"))));
    }

    @Test
    void originRestriction_modesRepositoriesAndText() {
        assertThat(OriginRestriction.allow().mode()).isEqualTo("ALLOW");
        assertThat(OriginRestriction.block().mode()).isEqualTo("BLOCK");
        assertThat(OriginRestriction.inherit().mode()).isEqualTo("INHERIT");
        assertThat(OriginRestriction.allow().repositories()).isEmpty();
        assertThat(OriginRestriction.allowOnly("a", "b").mode()).isEqualTo("ALLOW_SPECIFIC_REPOSITORIES");
        assertThat(OriginRestriction.allowOnly("a", "b").repositories()).containsExactly("a", "b");
        assertThat(OriginRestriction.allowOnly(List.of("a"))).isEqualTo(OriginRestriction.allowOnly("a"));
        assertThat(OriginRestriction.block()).hasToString("BLOCK");
        assertThat(OriginRestriction.allowOnly("a", "b")).hasToString("ALLOW_SPECIFIC_REPOSITORIES[a, b]");
        assertThat(OriginRestriction.allowOnly("a").input())
                .isEqualTo(new RegistryInputs.RestrictionInput("ALLOW_SPECIFIC_REPOSITORIES", List.of("a")));
        assertThat(OriginRestriction.allow().input()).isEqualTo(new RegistryInputs.RestrictionInput("ALLOW", List.of()));
        assertThatThrownBy(() -> OriginRestriction.allowOnly((List<String>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("repositories");
        assertThatThrownBy(() -> OriginRestriction.allowOnly(java.util.Arrays.asList("a", null)))
                .isInstanceOf(NullPointerException.class).hasMessage("repositories[1]");
    }

    @Test
    void originRestriction_equalsComparesModeAndRepositories() {
        OriginRestriction allow = OriginRestriction.allow();

        assertThat(allow).isEqualTo(allow).isEqualTo(OriginRestriction.allow()).hasSameHashCodeAs(OriginRestriction.allow())
                .isNotEqualTo(OriginRestriction.block()).isNotEqualTo("ALLOW").isNotEqualTo(null);
        assertThat(OriginRestriction.allowOnly("a")).isNotEqualTo(OriginRestriction.allowOnly("b"));
        assertThat(OriginRestriction.allow().hashCode()).isNotEqualTo(OriginRestriction.block().hashCode());
    }

    private static PackageGroup.Builder torch() {
        return PackageGroup.builder().pattern("/pypi//torch$");
    }

    @Test
    void packageGroup_accessorsEqualityAndText() {
        PackageGroup plain = torch().build();
        PackageGroup full = torch().description("PyTorch").publish(OriginRestriction.block())
                .externalUpstream(OriginRestriction.allow()).internalUpstream(OriginRestriction.inherit()).build();

        assertThat(plain.pattern()).isEqualTo("/pypi//torch$");
        assertThat(plain.description()).isEmpty();
        assertThat(plain.publish()).isEmpty();
        assertThat(plain.externalUpstream()).isEmpty();
        assertThat(plain.internalUpstream()).isEmpty();
        assertThat(full.description()).contains("PyTorch");
        assertThat(full.publish()).contains(OriginRestriction.block());
        assertThat(full.externalUpstream()).contains(OriginRestriction.allow());
        assertThat(full.internalUpstream()).contains(OriginRestriction.inherit());
        assertThat(full).hasToString("PackageGroup{pattern=/pypi//torch$, publish=BLOCK, externalUpstream=ALLOW, "
                + "internalUpstream=INHERIT}");
        assertThat(plain).hasToString("PackageGroup{pattern=/pypi//torch$, publish=null, externalUpstream=null, "
                + "internalUpstream=null}");

        assertThat(full).isEqualTo(full).isNotEqualTo(plain).isNotEqualTo("x").isNotEqualTo(null);
        assertThat(plain).isEqualTo(torch().build()).hasSameHashCodeAs(torch().build());
        assertThat(plain).isNotEqualTo(PackageGroup.builder().pattern("/pypi//jax$").build());
        assertThat(plain).isNotEqualTo(torch().description("d").build());
        assertThat(plain).isNotEqualTo(torch().publish(OriginRestriction.block()).build());
        assertThat(plain).isNotEqualTo(torch().externalUpstream(OriginRestriction.block()).build());
        assertThat(plain).isNotEqualTo(torch().internalUpstream(OriginRestriction.block()).build());
        assertThat(plain.hashCode()).isNotEqualTo(full.hashCode());
    }

    @Test
    void packageGroup_input_isThePlannersSnapshot() {
        RegistryInputs.PackageGroupInput input = torch().description("PyTorch").externalUpstream(OriginRestriction.allow())
                .internalUpstream(OriginRestriction.allowOnly("r")).build().input();

        assertThat(input).isEqualTo(new RegistryInputs.PackageGroupInput("/pypi//torch$", Optional.of("PyTorch"),
                Optional.empty(), Optional.of(new RegistryInputs.RestrictionInput("ALLOW", List.of())),
                Optional.of(new RegistryInputs.RestrictionInput("ALLOW_SPECIFIC_REPOSITORIES", List.of("r")))));
    }

    @Test
    void upstream_outputNames_compareByValueWhenKnown_byIdentityOtherwise() {
        Output<String> unknown = unknown();
        Upstream fromUnknown = Upstream.repository(unknown);

        assertThat(fromUnknown.repository()).containsSame(unknown);
        assertThat(fromUnknown).isEqualTo(fromUnknown).isEqualTo(Upstream.repository(unknown))
                .hasSameHashCodeAs(Upstream.repository(unknown))
                .isNotEqualTo(Upstream.repository(unknown()))
                .isNotEqualTo(Upstream.repository("shared"));
        assertThat(Upstream.repository("shared")).isNotEqualTo(fromUnknown);
        assertThat(Upstream.repository(Output.of("shared"))).isEqualTo(Upstream.repository("shared"))
                .hasSameHashCodeAs(Upstream.repository("shared"));
        assertThat(Upstream.repository("shared").hashCode()).isNotEqualTo(Upstream.repository("other").hashCode());
        assertThat(fromUnknown).hasToString("Upstream.repository(output)");
        assertThatThrownBy(() -> Upstream.repository((Output<String>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> Upstream.repositoryOf(null)).isInstanceOf(NullPointerException.class).hasMessage("registry");
        assertThat(Known.value(Upstream.repository("shared").repository().orElseThrow())).contains("shared");
    }
}
