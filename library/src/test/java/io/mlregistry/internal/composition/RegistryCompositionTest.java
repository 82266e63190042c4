package io.mlregistry.internal.composition;

import static io.mlregistry.internal.composition.TestInputs.connection;
import static io.mlregistry.internal.composition.TestInputs.done;
import static io.mlregistry.internal.composition.TestInputs.repository;
import static io.mlregistry.internal.composition.TestInputs.store;
import static io.mlregistry.internal.composition.TestInputs.team;
import static io.mlregistry.internal.composition.TestInputs.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import io.mlregistry.internal.access.Policies;
import io.mlregistry.internal.plan.RegistryInputs.CooldownInput;
import io.mlregistry.internal.plan.RegistryInputs.NamespaceInput;
import io.mlregistry.internal.plan.RegistryInputs.PackageGroupInput;
import io.mlregistry.internal.plan.RegistryInputs.RestrictionInput;
import io.mlregistry.internal.plan.RegistryPlan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** How registries join the stack's graph, without Pulumi: {@link RegistryComposition} and the graph it grows. */
// Outputs that never resolve would hang the build: a mistake here must fail instead.
@org.junit.jupiter.api.Timeout(value = 30, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
class RegistryCompositionTest {

    private final StackGraph graph = new StackGraph();

    private RegistryComposition.Composed compose(String name, TestInputs inputs, Optional<Node> owner) {
        return RegistryComposition.compose(graph, name, "", inputs.build(), owner.map(Member::new));
    }

    private RegistryComposition.Composed compose(String name, TestInputs inputs) {
        return compose(name, inputs, Optional.empty());
    }

    /** The owner: domain ml-platform, repository shared, caches of PyPI and npm; its repositories bound. */
    private Node platform() {
        TestInputs inputs = new TestInputs();
        inputs.upstreams = new java.util.ArrayList<>(List.of(connection("public:pypi"), connection("public:npmjs")));
        Node node = compose("platform", inputs).node();
        bind(node);
        return node;
    }

    private void bind(Node node) {
        node.domain().repositories().values().stream()
                .filter(r -> r.registry().equals(node.name()) && r.connection().isPresent())
                .forEach(r -> node.bindRepository(r.connection(), Output.of(r.name())));
        if (node.domain().creator().orElse(null) == node) {
            node.bindDomain(Output.of("ml-platform"));
        }
        graph.bindPrimary(node, Output.of(node.primary().name()));
        node.bindOutputs(Output.of("ml-platform"), Output.of("123456789012"));
        node.access(Output.of(new Policies.Access(List.of(), List.of(), Optional.empty())));
    }

    private static String message(Runnable compose) {
        try {
            compose.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void compose_teamJoiningWithInDomainOf_reusesTheDomainsStores_namesItsOwnAfterItsRepository() {
        Node platform = platform();

        RegistryComposition.Composed vision = compose("vision", team("vision", connection("public:pypi"),
                connection("public:crates-io")), Optional.of(platform));

        assertThat(vision.node().domain()).isSameAs(platform.domain());
        assertThat(vision.plan().upstreams()).extracting(RegistryPlan.UpstreamRef::kind, u -> u.name().orElseThrow())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RegistryPlan.UpstreamKind.SHARED_STORE, "pypi-store"),
                        org.assertj.core.groups.Tuple.tuple(RegistryPlan.UpstreamKind.STORE, "vision-models-crates-io-store"));
        assertThat(platform.domain().storeNames()).containsExactly(Map.entry("public:pypi", "pypi-store"),
                Map.entry("public:npmjs", "npmjs-store"), Map.entry("public:crates-io", "vision-models-crates-io-store"));
    }

    @Test
    void compose_teamJoiningByName_findsTheCreatedDomain_keepsDefaultNames() {
        Node platform = platform();
        TestInputs byName = team("vision", connection("public:npmjs"), connection("public:maven-central"));

        RegistryComposition.Composed vision = compose("vision", byName);

        assertThat(vision.node().domain()).isSameAs(platform.domain());
        assertThat(vision.plan().upstreamNames()).containsExactly("npmjs-store", "maven-central-store");
        assertThat(value(vision.node().domain().domainNameOutput())).isEqualTo("ml-platform");
    }

    @Test
    void compose_domainCreatedAfterARegistryJoinedItByName_isRefusedNamingBoth() {
        compose("early", team("early"));

        assertThat(message(() -> compose("platform", new TestInputs()))).isEqualTo("registry platform: domainName "
                + "(ml-platform) is joined by registry early, declared before platform with createDomain(false), whose "
                + "repositories would not wait for the domain: declare platform first and give early inDomainOf(platform)");
    }

    @Test
    void compose_domainCreatedTwice_isRefused_unlessItsNameIsAnOutputOrAnotherAccountsDomain() {
        platform();
        assertThat(message(() -> compose("copy", new TestInputs()))).isEqualTo("registry copy: domainName (ml-platform) is "
                + "already created by registry platform in this stack; domain names are unique per account and region: "
                + "join it with inDomainOf(platform)");

        TestInputs unnamed = new TestInputs();
        unnamed.domainName = Output.of(new java.util.concurrent.CompletableFuture<>());
        unnamed.repositoryName = "unnamed";
        assertThat(compose("unnamed", unnamed).node().domain().label()).isEqualTo("the domain of registry unnamed");

        TestInputs central = team("central").inDomain("central");
        central.domainOwner = Optional.of(Output.of("999988887777"));
        RegistryComposition.Composed joined = compose("central", central);
        assertThat(joined.node().domain().label()).isEqualTo("domain central");
        assertThat(joined.node().domain().creator()).isEmpty();
    }

    @Test
    void compose_oneNameTwice_isRefused_underParentsOfOneType() {
        Node platform = platform();
        assertThat(message(() -> RegistryComposition.compose(graph, "platform", "", team("x", store("public:pypi", "x-pypi", false)).build(),
                Optional.of(new Member(platform)))))
                .isEqualTo("registry platform: the name platform is already given to another registry of this stack; "
                        + "the engine refuses a duplicate URN: give each registry a distinct name");

        TestInputs other = team("other");
        assertThat(RegistryComposition.compose(graph, "platform", "test:index:Team", other.build(), Optional.empty())
                .node().name()).isEqualTo("platform");
    }

    @Test
    void compose_aRefusedRegistry_leavesNothingInTheGraph() {
        Node platform = platform();
        assertThat(message(() -> compose("copy", team("copy", connection("public:pypi")).withName("shared"),
                Optional.of(platform)))).contains("repositoryName (shared) is already created");

        assertThat(compose("copy", team("copy"), Optional.of(platform)).node().name()).isEqualTo("copy");
        assertThat(platform.domain().repositories()).containsOnlyKeys("pypi-store", "npmjs-store", "shared", "copy-models");
    }

    @Test
    void compose_stringUpstreamOfALaterRegistry_waitsForIt_whileTheGraphWaits() {
        graph.waitForSettlement();
        Node platform = platform();

        RegistryComposition.Composed search = compose("search", team("search", repository("vision-models")),
                Optional.of(platform));
        Output<String> named = search.upstreamNames().get(0);
        assertThat(done(named)).isFalse();

        Node vision = compose("vision", team("vision"), Optional.of(platform)).node();
        assertThat(done(named)).isFalse();
        vision.bindRepository(Optional.empty(), Output.of("vision-models"));
        assertThat(value(named)).isEqualTo("vision-models");
    }

    @Test
    void settle_decidesWaitingNames_refusingOnlyPublishersAndUpstreamsOfACreatedDomain() {
        graph.waitForSettlement();
        TestInputs owner = new TestInputs();
        owner.namespaces.add(new NamespaceInput("pypi", Optional.empty(), Optional.empty(), Optional.of("acme-"),
                Optional.of(List.of("shared", "vison-models"))));
        owner.groups.add(new PackageGroupInput("/pypi//torch$", Optional.empty(),
                Optional.of(new RestrictionInput("ALLOW_SPECIFIC_REPOSITORIES", List.of("sandbox"))),
                Optional.empty(), Optional.empty()));
        RegistryComposition.Composed platform = compose("platform", owner);
        bind(platform.node());
        RegistryComposition.Composed team = compose("vision", team("vision", repository("sahred")),
                Optional.of(platform.node()));
        RegistryComposition.Composed outside = compose("outside", team("outside", repository("elsewhere")).inDomain("central"));

        graph.settle(null);

        assertThat(value(platform.groupWaits().get(0).get(0))).isEqualTo("shared");
        assertThatThrownBy(() -> value(platform.groupWaits().get(0).get(1))).hasMessage("registry platform: "
                + "internalNamespaces[0].publishRepositories[1] (vison-models) names no repository of domain ml-platform: "
                + "no registry of this stack creates one of that name (it has pypi-store, shared, vision-models)");
        assertThat(value(platform.groupWaits().get(1).get(0))).isEqualTo("sandbox");
        assertThatThrownBy(() -> value(team.upstreamNames().get(0))).hasMessageStartingWith(
                "registry vision: upstreams[0].repository (sahred) names no repository of domain ml-platform");
        assertThat(value(outside.upstreamNames().get(0))).isEqualTo("elsewhere");
    }

    @Test
    void settle_afterAFailedProgram_failsWhatWaited_withItsFailure() {
        graph.waitForSettlement();
        RegistryComposition.Composed search = compose("search", team("search", repository("vision-models"))
                .inDomain("central"));
        RuntimeException failure = new IllegalArgumentException("registry vision: broken");

        graph.settle(failure);

        assertThatThrownBy(() -> value(search.upstreamNames().get(0))).isSameAs(failure);
        assertThatThrownBy(() -> value(search.node().domainNameOutput())).isSameAs(failure);
    }

    @Test
    void settle_unboundSlots_failInsteadOfWaitingForever() {
        graph.waitForSettlement();
        Node platform = compose("platform", new TestInputs()).node();

        graph.settle(null);

        assertThatThrownBy(() -> value(platform.domain().domainNameOutput()))
                .hasMessage("a registry of this stack failed before it created its repositories");
    }

    @Test
    void compose_withoutSettlement_decidesUnknownNamesAtOnce() {
        Node platform = platform();

        assertThat(message(() -> compose("vision", team("vision", repository("sahred")), Optional.of(platform))))
                .isEqualTo("registry vision: upstreams[0].repository (sahred) names no repository of domain ml-platform: no "
                        + "registry of this stack creates one of that name (it has npmjs-store, pypi-store, shared, "
                        + "vision-models)");
        TestInputs elsewhere = team("outside", repository("far"));
        elsewhere.domainName = Output.of("central");
        assertThat(value(compose("outside", elsewhere).upstreamNames().get(0))).isEqualTo("far");
    }

    @Test
    void compose_inADomainOtherAccountsCreateRepositoriesIn_takesUnknownNamesAsTheirs() {
        TestInputs owner = new TestInputs();
        owner.creators.add(Output.of("444455556666"));
        Node platform = compose("platform", owner).node();

        assertThat(value(compose("vision", team("vision", repository("theirs")), Optional.of(platform))
                .upstreamNames().get(0))).isEqualTo("theirs");
    }

    @Test
    void compose_aSecondExplicitCache_isRefused_ownCacheIsKeptApart() {
        Node platform = platform();

        assertThat(message(() -> compose("vision", team("vision", store("public:pypi", "vision-pypi", false)),
                Optional.of(platform)))).isEqualTo("registry vision: upstreams[0].storeRepositoryName (vision-pypi) would be "
                + "a second cache of public:pypi in domain ml-platform, where registry platform's pypi-store caches it: "
                + "share it with Upstream.externalConnection(\"public:pypi\"), or say a second cache is deliberate with "
                + "Upstream.ownCache(\"public:pypi\", \"vision-pypi\")");
        compose("vision", team("vision", store("public:pypi", "vision-pypi", true), store("public:crates-io", "crates",
                true)), Optional.of(platform));

        assertThat(platform.domain().storeNames()).containsEntry("public:pypi", "pypi-store")
                .doesNotContainKey("public:crates-io");
        assertThat(compose("search", team("search", connection("public:crates-io")), Optional.of(platform))
                .plan().stores()).extracting(RegistryPlan.Store::repositoryName).containsExactly("search-models-crates-io-store");
    }

    @Test
    void compose_aPatternOfTheDomainTwice_isRefused() {
        TestInputs owner = new TestInputs();
        owner.namespaces.add(new NamespaceInput("pypi", Optional.empty(), Optional.empty(), Optional.of("acme-"),
                Optional.empty()));
        Node platform = compose("platform", owner).node();
        TestInputs vision = team("vision");
        vision.groups.add(new PackageGroupInput("/pypi//acme-~", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));

        assertThat(message(() -> compose("vision", vision, Optional.of(platform)))).isEqualTo("registry vision: "
                + "packageGroups[0].pattern (/pypi//acme-~) is already a package group of domain ml-platform, created by "
                + "registry platform; a pattern is unique in its domain");
    }

    @Test
    void compose_repositoryOfARegistryInAnotherDomain_isRefused() {
        Node platform = platform();
        TestInputs otherInputs = team("other");
        otherInputs.createDomain = true;
        otherInputs.domainName = Output.of("ml-other");
        Node other = compose("other", otherInputs).node();
        // As Upstream.repositoryOf takes it: the repository's output, not known while the program runs.
        java.util.concurrent.CompletableFuture<String> later = new java.util.concurrent.CompletableFuture<>();
        Output<String> otherPrimary = Output.of(later);
        graph.bindPrimary(other, otherPrimary);

        assertThat(message(() -> compose("vision", team("vision", repository(otherPrimary)), Optional.of(platform))))
                .isEqualTo("registry vision: upstreams[0].repository (other-models) is the primary repository of registry "
                        + "other, in domain ml-other; an upstream must be in the same domain, here ml-platform");
    }

    @Test
    void compose_anAirlockHeldStore_isSearchedByNoOneElse() {
        TestInputs owner = new TestInputs();
        owner.cooldown = Optional.of(new CooldownInput("P3D", Optional.empty(), true, Optional.empty(), Optional.empty()));
        Node platform = compose("platform", owner).node();

        assertThat(message(() -> compose("vision", team("vision", connection("public:pypi")), Optional.of(platform))))
                .isEqualTo("registry vision: upstreams[0].externalConnection (public:pypi) would search pypi-store directly, "
                        + "which the cooldown airlock of registry platform holds back; search Upstream.repositoryOf(platform), "
                        + "where versions arrive once aged");
    }

    @Test
    void compose_teamsOrganization_isCheckedAgainstTheCreatorsPlainGrants() {
        TestInputs owner = new TestInputs();
        owner.organizationId = Optional.of(Output.of("o-a1b2c3d4e5"));
        Node platform = compose("platform", owner).node();
        TestInputs vision = team("vision");
        vision.organizationId = Optional.of(Output.of("o-team123456"));

        assertThat(message(() -> compose("vision", vision, Optional.of(platform)))).isEqualTo("registry vision: "
                + "organizationId (o-team123456) cannot get an authorization token for domain ml-platform: the domain "
                + "policy of registry platform grants none to that organization; set organizationId(o-team123456) on "
                + "platform");
        vision.organizationId = Optional.of(Output.of("o-a1b2c3d4e5"));
        assertThat(compose("vision", vision, Optional.of(platform)).node().name()).isEqualTo("vision");
    }

    @Test
    void compose_aPartitionOtherThanTheDomainsFirst_isRefused_accountIdsAndOutputsNameNone() {
        TestInputs owner = new TestInputs();
        owner.readers.add(Output.of("111122223333"));
        owner.publishers.add(Output.ofSecret("arn:aws-cn:iam::999999999999:role/secret"));
        owner.tokenAccounts.add(Output.of("arn:aws:iam::222233334444:root"));
        Node platform = compose("platform", owner).node();
        TestInputs same = team("same");
        same.creators.add(Output.of("arn:aws:iam::333344445555:root"));
        compose("same", same, Optional.of(platform));
        TestInputs keyed = team("keyed");
        keyed.readers.add(Output.of("arn:aws-us-gov:iam::444455556666:role/x"));

        assertThat(message(() -> compose("keyed", keyed, Optional.of(platform)))).isEqualTo("registry keyed: "
                + "readerPrincipals[0] (arn:aws-us-gov:iam::444455556666:role/x) must be in partition aws, as registry "
                + "platform's tokenAccounts[0] is: the registries of one domain are in its partition");
    }

    @Test
    void compose_theCreatorsKeyNamesTheDomainsPartition() {
        TestInputs owner = new TestInputs().inDomain("ml-cn");
        RegistryComposition.Composed platform = RegistryComposition.compose(graph, "platform", "",
                new io.mlregistry.internal.plan.RegistryInputs(owner.domainName, "shared", Output.of("d"), List.of(), true,
                        Optional.empty(), Optional.of(Output.of("arn:aws-cn:kms:cn-north-1:111122223333:key/k")),
                        Optional.empty(), Map.of(), false, List.of(), List.of(), Optional.empty(), false, List.of(),
                        List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty(),
                        io.mlregistry.internal.plan.RegistryInputs.Workloads.NONE), Optional.empty());
        TestInputs vision = team("vision");
        vision.readers.add(Output.of("arn:aws:iam::444455556666:role/x"));

        assertThat(message(() -> compose("vision", vision, Optional.of(platform.node())))).isEqualTo("registry vision: "
                + "readerPrincipals[0] (arn:aws:iam::444455556666:role/x) must be in partition aws-cn, as registry "
                + "platform's kmsKeyArn is: the registries of one domain are in its partition");
    }

    @Test
    void covered_checksJoinersAgainstTheCreator_skippingAPlaceholderAccount() {
        Node platform = platform();
        Node vision = compose("vision", team("vision"), Optional.of(platform)).node();
        Output<Policies.Access> access = Output.of(new Policies.Access(List.of("arn:aws:iam::444455556666:role/r"),
                List.of(), Optional.empty()));

        assertThatThrownBy(() -> value(RegistryComposition.covered(graph, vision, access, Output.of("123456789012"),
                Output.of("ml-platform")))).hasMessageStartingWith("registry vision: readerPrincipals[0] "
                + "(arn:aws:iam::444455556666:role/r) cannot get an authorization token for domain ml-platform");
        assertThat(RegistryComposition.covered(graph, platform, access, Output.of("123456789012"), Output.of("ml-platform")))
                .isSameAs(access);
        graph.placeholderAccount("123456789012");
        assertThat(value(RegistryComposition.covered(graph, vision, access, Output.of("123456789012"),
                Output.of("ml-platform"))).readers()).containsExactly("arn:aws:iam::444455556666:role/r");
    }

    @Test
    void upstreamNames_takeOwnStoresSharedStoresAndNamedRepositories_inSearchOrder() {
        Node platform = platform();
        java.util.concurrent.CompletableFuture<String> given = new java.util.concurrent.CompletableFuture<>();
        TestInputs inputs = team("vision", repository("shared"), connection("public:pypi"), connection("public:crates-io"),
                repository(Output.of(given)));
        RegistryComposition.Composed vision = compose("vision", inputs, Optional.of(platform));
        given.complete("given");

        List<Output<String>> names = RegistryComposition.upstreamNames(vision, inputs.build(),
                Map.of("public:crates-io", Output.of("vision-models-crates-io-store")));

        assertThat(names).extracting(TestInputs::value).containsExactly("shared", "pypi-store",
                "vision-models-crates-io-store", "given");
    }

    @Test
    @SuppressWarnings("unchecked")
    void detach_handsOutWhatTheDetacherMakes_forEveryBoundSlot() {
        Node platform = platform();
        Node unbound = compose("vision", team("vision", connection("public:crates-io")), Optional.of(platform)).node();
        Policies.Access detachedAccess = new Policies.Access(List.of("111122223333"), List.of(), Optional.empty());
        graph.detach(new Detacher() {
            @Override
            public <T> java.util.function.Supplier<Output<T>> detach(Output<T> output) {
                Object resolved = value(output);
                Object made = resolved instanceof String ? "detached " + resolved : detachedAccess;
                return () -> Output.of((T) made);
            }
        });

        assertThat(platform.domain().store("public:pypi").map(TestInputs::value)).contains("detached pypi-store");
        assertThat(value(platform.domain().domainNameOutput())).isEqualTo("detached ml-platform");
        assertThat(value(platform.domainNameOutput())).isEqualTo("detached ml-platform");
        assertThat(value(platform.domainOwnerOutput())).isEqualTo("detached 123456789012");
        assertThat(value(platform.access())).isSameAs(detachedAccess);
        assertThat(done(platform.domain().store("public:crates-io").orElseThrow())).isFalse();
        unbound.bindRepository(Optional.of("public:crates-io"), Output.of("vision-models-crates-io-store"));
        assertThat(platform.domain().store("public:crates-io").map(TestInputs::value))
                .contains("vision-models-crates-io-store");
    }

    @Test
    void member_readsTheOwnersNode() {
        Node platform = platform();
        Member member = new Member(platform);

        assertThat(member.name()).isEqualTo("platform");
        assertThat(value(member.domainName())).isEqualTo("ml-platform");
        assertThat(value(member.domainOwner())).isEqualTo("123456789012");
        assertThat(platform.domain().name()).contains("ml-platform");
        Object args = new Object();
        DomainLinks.link(args, member);
        assertThat(DomainLinks.ownerOf(args)).contains(member);
        assertThat(DomainLinks.ownerOf(new Object())).isEmpty();
    }

    @Test
    void settle_failsEverySlotNeverBound() {
        graph.waitForSettlement();
        Node platform = compose("platform", new TestInputs()).node();

        graph.settle(null);

        for (Output<?> output : List.of(platform.domain().store("public:pypi").orElseThrow(), platform.access(),
                platform.domainNameOutput(), platform.domainOwnerOutput())) {
            assertThatThrownBy(() -> value(output)).hasMessage("a registry of this stack failed before it created its "
                    + "repositories");
        }
    }

    @Test
    void compose_aStoreNamedLikeAnotherRegistrysRepository_isRefused() {
        Node platform = platform();

        assertThat(message(() -> compose("vision", team("vision", store("public:crates-io", "shared", false)),
                Optional.of(platform)))).isEqualTo("registry vision: upstreams[0].storeRepositoryName (shared) is already "
                + "created in domain ml-platform by registry platform; repository names are unique in a domain");
    }

    @Test
    void compose_aCycleThroughRepositoryOf_isFound() {
        graph.waitForSettlement();
        Node platform = platform();
        Node a = compose("a", team("a", repository("b-models")), Optional.of(platform)).node();
        Output<String> aPrimary = Output.of(new java.util.concurrent.CompletableFuture<String>());
        graph.bindPrimary(a, aPrimary);

        assertThat(message(() -> compose("b", team("b", repository(aPrimary)), Optional.of(platform)))).isEqualTo(
                "registry b: upstreams[0].repository (a-models) makes an upstream cycle: b-models (b) -> a-models (a) -> "
                        + "b-models; no repository may search itself through its upstreams");
    }

    @Test
    void compose_aNameOfAnotherDomainOfTheStack_isHinted() {
        Node platform = platform();
        TestInputs otherInputs = team("other").inDomain("ml-other");
        otherInputs.createDomain = true;
        otherInputs.upstreams = new java.util.ArrayList<>();
        compose("other", otherInputs);

        assertThat(message(() -> compose("vision", team("vision", repository("other-models")), Optional.of(platform))))
                .endsWith("; registry other creates one in domain ml-other, and an upstream must be in the same domain");
    }

    @Test
    void compose_domainJoinedWithAnOwnerNotKnownNow_isADomainOfItsOwn() {
        TestInputs first = team("first").inDomain("central");
        first.domainOwner = Optional.of(Output.of(new java.util.concurrent.CompletableFuture<String>()));
        TestInputs second = team("second", connection("public:pypi")).inDomain("central");
        second.domainOwner = first.domainOwner;
        first.upstreams = new java.util.ArrayList<>(List.of(connection("public:pypi")));

        Node one = compose("first", first).node();
        Node two = compose("second", second).node();

        assertThat(one.domain()).isNotSameAs(two.domain());
        assertThat(two.domain().label()).isEqualTo("domain central");
    }

    @Test
    void compose_aSecretOrganization_isLeftToResolution_aCreatorWithoutOneGrantsNone() {
        TestInputs owner = new TestInputs();
        owner.tokenAccounts.add(Output.of("444455556666"));
        Node platform = compose("platform", owner).node();
        TestInputs secret = team("secret");
        secret.organizationId = Optional.of(Output.ofSecret("o-team123456"));
        assertThat(compose("secret", secret, Optional.of(platform)).node().name()).isEqualTo("secret");

        TestInputs plain = team("plain");
        plain.organizationId = Optional.of(Output.of("o-team123456"));
        assertThat(message(() -> compose("plain", plain, Optional.of(platform)))).startsWith(
                "registry plain: organizationId (o-team123456) cannot get an authorization token");
    }

    @Test
    void covered_checksTheJoinersOrganizationWhenItResolves() {
        Node platform = platform();
        Node vision = compose("vision", team("vision"), Optional.of(platform)).node();
        Output<Policies.Access> access = Output.of(new Policies.Access(List.of(), List.of(), Optional.of("o-team123456")));

        assertThatThrownBy(() -> value(RegistryComposition.covered(graph, vision, access, Output.of("123456789012"),
                Output.of("ml-platform")))).hasMessageStartingWith("registry vision: organizationId (o-team123456) cannot "
                + "get an authorization token for domain ml-platform");
    }

    @Test
    void upstreamNames_noneGiven_isEmpty_repeatedOnesAreRefusedWhenTheyResolve() {
        Node platform = platform();
        TestInputs none = team("none");
        RegistryComposition.Composed empty = compose("none", none, Optional.of(platform));
        assertThat(RegistryComposition.upstreamNames(empty, none.build(), Map.of())).isEmpty();

        java.util.concurrent.CompletableFuture<String> later = new java.util.concurrent.CompletableFuture<>();
        TestInputs twice = team("twice", repository("shared"), repository(Output.of(later)));
        RegistryComposition.Composed composed = compose("twice", twice, Optional.of(platform));
        List<Output<String>> names = RegistryComposition.upstreamNames(composed, twice.build(), Map.of());
        later.complete("shared");

        assertThatThrownBy(() -> value(names.get(0))).hasMessage(
                "registry twice: upstreams[1].repository (shared) must differ from upstreams[0].repository");
    }

    @Test
    void groupWaits_nameEveryRestrictionsRepositories() {
        graph.waitForSettlement();
        TestInputs owner = new TestInputs();
        RestrictionInput allowed = new RestrictionInput("ALLOW_SPECIFIC_REPOSITORIES", List.of("a-models"));
        owner.groups.add(new PackageGroupInput("/pypi//torch$", Optional.empty(), Optional.of(allowed),
                Optional.of(new RestrictionInput("ALLOW_SPECIFIC_REPOSITORIES", List.of("b-models"))),
                Optional.of(new RestrictionInput("ALLOW_SPECIFIC_REPOSITORIES", List.of("c-models")))));
        RegistryComposition.Composed platform = compose("platform", owner);

        graph.settle(null);

        assertThat(platform.groupWaits().get(0)).extracting(TestInputs::value).containsExactly("a-models", "b-models",
                "c-models");
    }

    @Test
    void share_keepsTheFirstOfEachKind() {
        Node platform = platform();
        Shared<String> endpoint = new Shared<>("VPC endpoint");

        assertThat(platform.domain().share(endpoint, "vpc-1", () -> "first")).isEqualTo("first");
        assertThat(platform.domain().share(endpoint, "vpc-1", () -> "second")).isEqualTo("first");
        assertThat(platform.domain().share(endpoint, "vpc-2", () -> "other")).isEqualTo("other");
        assertThat(platform.domain().share(new Shared<String>("S3 gateway"), "vpc-1", () -> "gateway")).isEqualTo("gateway");
    }

    @Test
    void exclusive_namesEveryOtherSetter_once() {
        assertThat(DomainLinks.exclusive("platform", List.of())).isEmpty();
        assertThat(DomainLinks.exclusive("platform", List.of("domainName", "inDomainOf(other)"))).contains(
                "inDomainOf(platform) must not be combined with domainName, inDomainOf(other): it takes the domain's name "
                        + "and owner from registry platform and sets createDomain(false)");
    }
}
