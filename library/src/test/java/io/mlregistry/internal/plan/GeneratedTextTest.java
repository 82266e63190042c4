package io.mlregistry.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlregistry.internal.plan.RegistryPlan.KeyMode;
import io.mlregistry.internal.plan.RegistryPlan.Store;
import io.mlregistry.internal.rules.Rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text the library writes for AWS stays within AWS's limits, even for the longest inputs. */
class GeneratedTextTest {

    private static final String LONGEST_DOMAIN = "d" + "-".repeat(48) + "d";
    private static final String LONGEST_REPOSITORY = "r".repeat(100);

    @Test
    void internalDescription_fewRepositories_namesThem() {
        assertThat(PackageGroupSpec.internalDescription("pypi", List.of("ml-models", "shared")))
                .isEqualTo("Internal pypi packages: published to ml-models, shared only, never fetched from a public "
                        + "registry (mlregistry)");
    }

    @Test
    void internalDescription_namesUpToTheLimit_thenCountsThem() {
        // 9 names of 100 characters and their separators make 916 characters of list: over the limit.
        List<String> nine = IntStream.range(0, 9).mapToObj(i -> i + "r".repeat(99)).toList();
        List<String> eight = nine.subList(0, 8);

        assertThat(PackageGroupSpec.internalDescription("maven", eight)).hasSizeLessThanOrEqualTo(1000)
                .contains(String.join(", ", eight));
        assertThat(PackageGroupSpec.internalDescription("maven", nine)).isEqualTo("Internal maven packages: published "
                + "only to the 9 repositories of the origin configuration, never fetched from a public registry (mlregistry)");
    }

    @Test
    void internalDescription_exactlyAtTheLimit_stillNamesTheRepository() {
        int room = Rules.DESCRIPTION_MAX - PackageGroupSpec.internalDescription("npm", List.of("")).length();

        assertThat(PackageGroupSpec.internalDescription("npm", List.of("r".repeat(room))))
                .hasSize(Rules.DESCRIPTION_MAX).contains("r".repeat(room));
        assertThat(PackageGroupSpec.internalDescription("npm", List.of("r".repeat(room + 1))))
                .contains("the 1 repositories of the origin configuration");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 9, 10, 50, 500})
    void internalDescription_anyNumberOfLongestNames_fitsAwsLimit(int count) {
        List<String> repositories = IntStream.range(0, count).mapToObj(i -> LONGEST_REPOSITORY).toList();

        assertThat(PackageGroupSpec.internalDescription("pypi", repositories).length())
                .isLessThanOrEqualTo(Rules.DESCRIPTION_MAX);
    }

    @Test
    void planTexts_longestNames_fitTheirLimits() {
        RegistryPlan plan = new RegistryPlan("ml", true, KeyMode.CREATE,
                LONGEST_REPOSITORY, List.of(new Store(LONGEST_REPOSITORY, "public:maven-gradleplugins")),
                List.of(new RegistryPlan.UpstreamRef(RegistryPlan.UpstreamKind.STORE, Optional.of(LONGEST_REPOSITORY),
                        Optional.of("public:maven-gradleplugins"), 0, false)), true, false, false, true, List.of(),
                Optional.empty());

        // CodeArtifact repository description: Description shape, 1000.
        assertThat(plan.storeDescription(plan.stores().get(0)).length()).isLessThanOrEqualTo(Rules.DESCRIPTION_MAX);
        // IAM CreatePolicy Description: 1000.
        assertThat(plan.readerPolicyDescription(LONGEST_DOMAIN).length()).isLessThanOrEqualTo(Rules.IAM_POLICY_DESCRIPTION_MAX);
        assertThat(plan.publisherPolicyDescription(LONGEST_DOMAIN).length()).isLessThanOrEqualTo(Rules.IAM_POLICY_DESCRIPTION_MAX);
        // KMS CreateKey Description: 8192; CreateAlias AliasName: 256.
        assertThat(RegistryPlan.keyDescription(LONGEST_DOMAIN).length()).isLessThanOrEqualTo(Rules.KMS_KEY_DESCRIPTION_MAX);
        assertThat(RegistryPlan.keyAliasName(LONGEST_DOMAIN).length()).isLessThanOrEqualTo(Rules.KMS_ALIAS_NAME_MAX);
    }
}
