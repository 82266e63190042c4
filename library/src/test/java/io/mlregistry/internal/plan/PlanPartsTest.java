package io.mlregistry.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlregistry.internal.plan.PackageGroupSpec.Restriction;
import io.mlregistry.internal.plan.RegistryPlan.KeyMode;
import io.mlregistry.internal.plan.RegistryPlan.Store;
import io.mlregistry.internal.plan.RegistryPlan.UpstreamKind;
import io.mlregistry.internal.plan.RegistryPlan.UpstreamRef;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The pieces of a plan on their own: package group documents and slugs, URNs, the plan's names. */
class PlanPartsTest {

    @Test
    void slug_followsThePatternsLettersThenAHash() {
        PackageGroupSpec acme = PackageGroupSpec.internal("/pypi//acme-~", List.of("ml-models"), "d");
        PackageGroupSpec root = PackageGroupSpec.internal("/*", List.of("ml-models"), "d");

        assertThat(acme.slug()).matches("pypi-acme-[0-9a-f]{8}");
        assertThat(root.slug()).matches("[0-9a-f]{8}");
        // Patterns that differ only in punctuation get different slugs.
        assertThat(PackageGroupSpec.internal("/npm/acme/*", List.of(), "d").slug())
                .isNotEqualTo(PackageGroupSpec.internal("/npm/acme~", List.of(), "d").slug());
        String long40 = "a".repeat(40);
        assertThat(PackageGroupSpec.internal("/maven/" + "a".repeat(39) + "/*", List.of(), "d").slug())
                .startsWith("maven-" + "a".repeat(34) + "-");
        assertThat(PackageGroupSpec.internal("/" + long40 + "/*", List.of(), "d").slug()).matches(long40 + "-[0-9a-f]{8}");
        assertThat(PackageGroupSpec.internal("/" + long40 + "b/*", List.of(), "d").slug()).matches(long40 + "-[0-9a-f]{8}");
    }

    @Test
    void desiredState_internalGroup_isTheCloudFormationDocument() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("team", "ml");
        tags.put("cost", "42");
        String state = PackageGroupSpec.internal("/npm/acme/*", List.of("ml-models", "ci"), "Internal npm")
                .desiredState("ml-platform", "123456789012", tags);

        assertThat(state).isEqualTo("{\"DomainName\":\"ml-platform\",\"DomainOwner\":\"123456789012\","
                + "\"Pattern\":\"/npm/acme/*\",\"Description\":\"Internal npm\",\"OriginConfiguration\":{\"Restrictions\":{"
                + "\"Publish\":{\"RestrictionMode\":\"ALLOW_SPECIFIC_REPOSITORIES\",\"Repositories\":[\"ml-models\",\"ci\"]},"
                + "\"ExternalUpstream\":{\"RestrictionMode\":\"BLOCK\"},\"InternalUpstream\":{\"RestrictionMode\":\"ALLOW\"}}},"
                + "\"Tags\":[{\"Key\":\"team\",\"Value\":\"ml\"},{\"Key\":\"cost\",\"Value\":\"42\"}]}");
    }

    @Test
    void desiredState_nothingRestricted_sendsNoOriginConfigurationNorTags() {
        PackageGroupSpec bare = new PackageGroupSpec("/pypi//torch$", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        PackageGroupSpec one = new PackageGroupSpec("/pypi//torch$", Optional.empty(), Optional.empty(),
                Optional.of(new Restriction("ALLOW", List.of())), Optional.empty());

        assertThat(bare.desiredState("d", "123456789012", Map.of()))
                .isEqualTo("{\"DomainName\":\"d\",\"DomainOwner\":\"123456789012\",\"Pattern\":\"/pypi//torch$\"}");
        assertThat(one.desiredState("d", "123456789012", Map.of())).isEqualTo("{\"DomainName\":\"d\","
                + "\"DomainOwner\":\"123456789012\",\"Pattern\":\"/pypi//torch$\",\"OriginConfiguration\":{\"Restrictions\":{"
                + "\"ExternalUpstream\":{\"RestrictionMode\":\"ALLOW\"}}}}");
        assertThatThrownBy(() -> new Restriction(null, List.of())).isInstanceOf(NullPointerException.class).hasMessage("mode");
    }

    @Test
    void internalDescription_namesTheRepositoriesWhileTheyFit() {
        assertThat(PackageGroupSpec.internalDescription("npm", List.of("ml-models", "ci"))).isEqualTo(
                "Internal npm packages: published to ml-models, ci only, never fetched from a public registry (mlregistry)");
        assertThat(PackageGroupSpec.internalDescription("npm", java.util.Collections.nCopies(20, "r".repeat(60))))
                .isEqualTo("Internal npm packages: published only to the 20 repositories of the origin configuration, "
                        + "never fetched from a public registry (mlregistry)");
    }

    private static final String URN = "urn:pulumi:dev::ml::mlregistry:index:MlDependencyRegistry$aws:codeartifact/domain:Domain::ml-domain";

    @Test
    void parse_urn_givesItsParts_andPrintsBack() {
        Urns.Parts parts = Urns.parse(URN);

        assertThat(parts).isEqualTo(new Urns.Parts("dev", "ml",
                "mlregistry:index:MlDependencyRegistry$aws:codeartifact/domain:Domain", "ml-domain"));
        assertThat(parts.parentQualifiedType()).contains("mlregistry:index:MlDependencyRegistry");
        assertThat(Urns.parse("urn:pulumi:dev::ml::pulumi:pulumi:Stack::ml-dev").parentQualifiedType()).isEmpty();
        assertThat(parts).hasToString(URN);
    }

    @Test
    void parse_notAUrn_isRefusedNamingTheForm() {
        for (String bad : List.of("urn:pulumi:dev::ml::type", "urn:other:dev::ml::t::n")) {
            assertThatThrownBy(() -> Urns.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("urn (" + bad + ") must have the form urn:pulumi:<stack>::<project>::<type>::<name>");
        }
        assertThatThrownBy(() -> Urns.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("urn");
    }

    private static Urns.AliasSpec alias(Optional<String> name, Optional<String> type, Optional<String> parentUrn,
            boolean noParent) {
        return new Urns.AliasSpec(Optional.empty(), name, type, Optional.empty(), Optional.empty(), parentUrn, noParent);
    }

    @Test
    void formerUrn_replacesWhatTheAliasNames() {
        assertThat(Urns.formerUrn(URN, new Urns.AliasSpec(Optional.of("urn:given"), Optional.of("x"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false))).isEqualTo("urn:given");
        assertThat(Urns.formerUrn(URN, alias(Optional.empty(), Optional.empty(), Optional.empty(), false))).isEqualTo(URN);
        assertThat(Urns.formerUrn(URN, alias(Optional.of("old-domain"), Optional.empty(), Optional.empty(), false)))
                .isEqualTo(URN.replace("::ml-domain", "::old-domain"));
        assertThat(Urns.formerUrn(URN, alias(Optional.empty(), Optional.of("aws:x/y:Z"), Optional.empty(), false)))
                .isEqualTo(URN.replace("aws:codeartifact/domain:Domain", "aws:x/y:Z"));
        assertThat(Urns.formerUrn(URN, alias(Optional.empty(), Optional.empty(), Optional.empty(), true)))
                .isEqualTo("urn:pulumi:dev::ml::aws:codeartifact/domain:Domain::ml-domain");
        assertThat(Urns.formerUrn(URN, alias(Optional.empty(), Optional.empty(),
                Optional.of("urn:pulumi:dev::ml::my:index:Old$my:index:Inner::inner"), false)))
                .isEqualTo("urn:pulumi:dev::ml::my:index:Old$my:index:Inner$aws:codeartifact/domain:Domain::ml-domain");
        assertThat(Urns.formerUrn(URN, new Urns.AliasSpec(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("prod"), Optional.of("old"), Optional.empty(), false)))
                .isEqualTo(URN.replace("urn:pulumi:dev::ml::", "urn:pulumi:prod::old::"));
    }

    private static RegistryPlan plan(String name, Optional<RegistryPlan.Cooldown> cooldown) {
        return new RegistryPlan(name, true, KeyMode.CREATE, "ml-models", List.of(new Store("pypi-store", "public:pypi"),
                new Store("npmjs-store", "public:npmjs")),
                List.of(new UpstreamRef(UpstreamKind.STORE, Optional.of("pypi-store"), Optional.of("public:pypi"), 0, true),
                        new UpstreamRef(UpstreamKind.STORE, Optional.of("npmjs-store"), Optional.of("public:npmjs"), 1, false),
                        new UpstreamRef(UpstreamKind.REPOSITORY, Optional.empty(), Optional.empty(), 2, false)),
                true, true, true, true, List.of(), cooldown);
    }

    @Test
    void plan_namesEveryChildAfterTheComponent() {
        RegistryPlan plan = plan("ml", Optional.empty());
        PackageGroupSpec group = PackageGroupSpec.internal("/npm/acme/*", List.of(), "d");

        assertThat(plan.domainPolicyLogicalName()).isEqualTo("ml-domain-policy");
        assertThat(plan.repositoryPolicyLogicalName()).isEqualTo("ml-repository-policy");
        assertThat(plan.packageGroupLogicalName(group)).isEqualTo("ml-package-group-" + group.slug());
        assertThat(plan.airlockedStores()).extracting(u -> u.name().orElseThrow()).containsExactly("pypi-store");
        assertThat(plan.primaryUpstreams()).extracting(UpstreamRef::index).containsExactly(1, 2);
        assertThat(plan.upstreamNames()).containsExactly("pypi-store", "npmjs-store", "output");
        assertThat(plan.readerPolicyDescription("ml-platform"))
                .isEqualTo("Install packages from CodeArtifact ml-platform/ml-models (mlregistry)");
        assertThat(plan.publisherPolicyDescription("ml-platform"))
                .isEqualTo("Publish and install packages in CodeArtifact ml-platform/ml-models (mlregistry)");
        assertThat(plan.storeDescription(plan.stores().get(1)))
                .isEqualTo("Caches packages from public:npmjs for ml-models (mlregistry)");
        assertThat(plan.hasDomainPolicy()).isTrue();
    }

    @Test
    void plan_withCooldown_needsANameALogGroupCanCarry() {
        RegistryPlan.Cooldown cooldown = new RegistryPlan.Cooldown(Duration.ofDays(3), List.of("pypi"), true, 90, false);

        assertThat(plan("ml", Optional.of(cooldown)).cooldownLogGroupPrefix()).isEqualTo("/aws/vendedlogs/states/ml-cooldown-");
        assertThat(plan("ml platform", Optional.empty()).cooldownLogicalName("x")).isEqualTo("ml platform-cooldown-x");
        assertThatThrownBy(() -> plan("ml platform", Optional.of(cooldown)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("name (ml platform) must match [0-9A-Za-z_./#-]+ with a cooldown");
    }
}
