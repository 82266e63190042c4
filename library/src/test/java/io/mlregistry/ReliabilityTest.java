package io.mlregistry;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Alias;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import io.mlregistry.testing.AwsMocks;
import io.mlregistry.testing.RecordedResource;
import io.mlregistry.testing.StackRecording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stable identities, deletion protection, providers and caller options. */
class ReliabilityTest {

    private final AwsMocks mocks = AwsMocks.create();

    /** Every option on: created key, two stores, every kind of grant, IAM policies, package groups, tags. */
    static MlDependencyRegistryArgs reference() {
        return MlDependencyRegistryTest.args()
                .upstreams(Upstream.externalConnection("public:pypi"), Upstream.externalConnection("public:npmjs", "npm-cache"))
                .tags(Map.of("team", "ml"))
                .readerPrincipals("111122223333")
                .publisherPrincipals("arn:aws:iam::123456789012:role/ci-publisher")
                .organizationId("o-a1b2c3d4e5")
                .internalNamespaces(InternalNamespace.pypiPrefix("acme-"), InternalNamespace.npmScope("@acme"))
                .packageGroups(PackageGroup.builder().pattern("/maven/com.acme~").externalUpstream(OriginRestriction.block()).build())
                .build();
    }

    private static List<RecordedResource> children(StackRecording run, String component) {
        return run.children(run.resource(MlDependencyRegistry.TYPE, component));
    }

    @Test
    void childIdentities_matchTheGoldenFile() throws IOException {
        StackRecording run = StackRecording.run(mocks, ctx -> new MlDependencyRegistry("ml", reference(), null));
        String actual = children(run, "ml").stream()
                .map(r -> r.type() + " " + r.urn())
                .sorted()
                .collect(Collectors.joining("\n"));

        String golden;
        try (InputStream in = ReliabilityTest.class.getResourceAsStream("/golden/reference-urns.txt")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        assertThat(actual)
                .as("A child's URN or type changed, so existing stacks would replace it (a repository with every "
                        + "package in it). If that is intended, update golden/reference-urns.txt and give the child "
                        + "an alias to its old URN; see docs/upgrading.md.")
                .isEqualTo(golden);
    }

    @Test
    void renamedComponent_withAnAlias_carriesEveryChildWithIt() {
        StackRecording before = StackRecording.run(mocks, ctx -> new MlDependencyRegistry("ml", reference(), null));
        StackRecording after = StackRecording.run(mocks, ctx -> new MlDependencyRegistry("ml-platform-registry", reference(),
                ComponentResourceOptions.builder().aliases(Alias.builder().name("ml").build()).build()));

        Map<String, String> formerUrns = children(before, "ml").stream()
                .collect(Collectors.toMap(r -> r.type() + " " + r.name().substring("ml".length()), RecordedResource::urn));
        List<RecordedResource> renamed = children(after, "ml-platform-registry");
        assertThat(renamed).hasSize(formerUrns.size()).allSatisfy(child -> {
            String key = child.type() + " " + child.name().substring("ml-platform-registry".length());
            assertThat(child.aliases()).as(child.name()).contains(formerUrns.get(key));
        });
        assertThat(after.resource(MlDependencyRegistry.TYPE, "ml-platform-registry").aliases())
                .containsExactly(before.resource(MlDependencyRegistry.TYPE, "ml").urn());
    }

    @Test
    void componentAliasedByUrn_carriesEveryChildToo() {
        StackRecording before = StackRecording.run(mocks, ctx -> new MlDependencyRegistry("old", reference(), null));
        String oldUrn = before.resource(MlDependencyRegistry.TYPE, "old").urn();
        StackRecording after = StackRecording.run(mocks, ctx -> new MlDependencyRegistry("new", reference(),
                ComponentResourceOptions.builder().aliases(Alias.withUrn(oldUrn)).build()));

        List<String> formerChildUrns = children(before, "old").stream().map(RecordedResource::urn).toList();
        List<String> aliases = children(after, "new").stream().flatMap(r -> r.aliases().stream()).toList();
        assertThat(aliases).containsExactlyInAnyOrderElementsOf(formerChildUrns);
    }

    @Test
    void noAlias_givesChildrenNoAlias() {
        StackRecording run = StackRecording.run(mocks, ctx -> new MlDependencyRegistry("ml", reference(), null));

        assertThat(children(run, "ml")).allSatisfy(r -> assertThat(r.aliases()).isEmpty());
    }

    @Test
    void deletionProtection_keepsTheKeysThirtyDayWindowEitherWay() {
        for (boolean protect : List.of(true, false)) {
            StackRecording run = StackRecording.run(mocks, ctx -> new MlDependencyRegistry("ml",
                    MlDependencyRegistryTest.args().deletionProtection(protect).build(), null));
            RecordedResource key = run.resource(MlDependencyRegistryTest.KEY, "ml-key");

            assertThat(key.protect()).isEqualTo(protect);
            assertThat(key.inputs()).containsEntry("deletionWindowInDays", 30.0);
        }
    }

    @Test
    void deletionProtection_coversEveryDataBearingChildAndNothingElse() {
        StackRecording run = StackRecording.run(mocks, ctx -> new MlDependencyRegistry("ml", reference(), null));
        List<String> dataBearing = List.of(MlDependencyRegistryTest.KEY, MlDependencyRegistryTest.DOMAIN,
                MlDependencyRegistryTest.REPOSITORY);

        assertThat(children(run, "ml")).allSatisfy(r ->
                assertThat(r.protect()).as(r.name()).isEqualTo(dataBearing.contains(r.type())));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"provider", "providers"})
    void providerOption_reachesEveryChild(String option) {
        StackRecording run = StackRecording.run(mocks, ctx -> {
            Provider west = new Provider("west", ProviderArgs.builder().region("us-west-2").build());
            ComponentResourceOptions.Builder options = ComponentResourceOptions.builder();
            new MlDependencyRegistry("ml", reference(),
                    (option.equals("provider") ? options.provider(west) : options.providers(west)).build());
        });

        assertThat(children(run, "ml")).isNotEmpty().allSatisfy(r ->
                assertThat(r.provider()).as(r.name()).hasValueSatisfying(p -> assertThat(p).contains("::west::")));
    }

    @Test
    void explicitRegionBesideTheDefault_inOneStack_eachFollowsItsOwnRegion() {
        StackRecording run = StackRecording.run(mocks, ctx -> {
            Provider west = new Provider("west", ProviderArgs.builder().region("us-west-2").build());
            MlDependencyRegistry east = new MlDependencyRegistry("east",
                    MlDependencyRegistryTest.args().domainName("ml-east").build(), null);
            MlDependencyRegistry oregon = new MlDependencyRegistry("oregon",
                    MlDependencyRegistryTest.args().domainName("ml-west").build(),
                    ComponentResourceOptions.builder().provider(west).build());
            ctx.export("east", east.pypiIndexUrl());
            ctx.export("west", oregon.pypiIndexUrl());
            ctx.export("westDomain", oregon.domainArn());
        });

        assertThat(run.exceptions()).isEmpty();
        assertThat(run.outputs())
                .containsEntry("east", "https://ml-east-123456789012.d.codeartifact.us-east-1.amazonaws.com/pypi/ml-models/simple/")
                .containsEntry("west", "https://ml-west-123456789012.d.codeartifact.us-west-2.amazonaws.com/pypi/ml-models/simple/")
                .containsEntry("westDomain", "arn:aws:codeartifact:us-west-2:123456789012:domain/ml-west");
        assertThat(children(run, "east")).allSatisfy(r -> assertThat(r.provider()).isEmpty());
    }

    @Test
    void callersTransformations_seeEveryChildAndKeepWorking() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        ResourceTransformation recordAndRetag = args -> {
            seen.add(args.resource().pulumiResourceName());
            return Optional.empty();
        };
        StackRecording run = StackRecording.run(mocks, ctx -> new MlDependencyRegistry("ml", reference(),
                ComponentResourceOptions.builder().resourceTransformations(recordAndRetag).build()));

        List<String> expected = new ArrayList<>(List.of("ml"));
        children(run, "ml").forEach(r -> expected.add(r.name()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void callersOptions_together_doNotDisplaceEachOther() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        StackRecording run = StackRecording.run(mocks, ctx -> {
            Provider west = new Provider("west", ProviderArgs.builder().region("us-west-2").build());
            new MlDependencyRegistry("ml-renamed", reference(), ComponentResourceOptions.builder()
                    .provider(west)
                    .aliases(Alias.builder().name("ml").build())
                    .resourceTransformations(args -> {
                        seen.add(args.resource().pulumiResourceName());
                        return Optional.empty();
                    })
                    .build());
        });

        List<RecordedResource> children = children(run, "ml-renamed");
        assertThat(children).allSatisfy(r -> {
            assertThat(r.provider()).hasValueSatisfying(p -> assertThat(p).contains("::west::"));
            assertThat(r.aliases()).hasSize(1);
        });
        assertThat(seen).hasSize(children.size() + 1); // the children and the component itself
        Function<RecordedResource, Boolean> protectedAsBefore = r -> r.protect() == List.of(
                MlDependencyRegistryTest.KEY, MlDependencyRegistryTest.DOMAIN, MlDependencyRegistryTest.REPOSITORY).contains(r.type());
        assertThat(children).allSatisfy(r -> assertThat(protectedAsBefore.apply(r)).isTrue());
    }
}
