package io.mlregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import com.pulumi.test.PulumiTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MlDependencyRegistryArgsTest {

    private static final String KEY_ARN =
            "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private static final String PRINCIPAL_RULE = "must be a 12-digit account ID or an IAM ARN "
            + "arn:<partition>:iam::<account>:root, :role/<name> or :user/<name>";

    private static MlDependencyRegistryArgs.Builder valid() {
        return MlDependencyRegistryArgs.builder().domainName("ml-platform").repositoryName("ml-models");
    }

    private static Arguments rejected(String label, UnaryOperator<MlDependencyRegistryArgs.Builder> change, String message) {
        return Arguments.of(label, change, message);
    }

    @Test
    void build_minimal_appliesDefaults() {
        MlDependencyRegistryArgs args = valid().build();

        assertThat(value(args.domainName())).isEqualTo("ml-platform");
        assertThat(args.repositoryName()).isEqualTo("ml-models");
        assertThat(value(args.description())).isEqualTo("Repository for ML Model Dependencies");
        assertThat(args.upstreams()).containsExactly(Upstream.externalConnection("public:pypi"));
        assertThat(args.createDomain()).isTrue();
        assertThat(args.domainOwner()).isEmpty();
        assertThat(args.kmsKeyArn()).isEmpty();
        assertThat(args.createKmsKey()).isTrue();
        assertThat(args.tags()).isEmpty();
        assertThat(args.deletionProtection()).isTrue();
    }

    @Test
    void build_everySetting_isKept() {
        MlDependencyRegistryArgs args = valid()
                .description("Wheels for training jobs")
                .upstreams(Upstream.externalConnection("public:npmjs", "npm-cache"), Upstream.externalConnection("public:pypi"))
                .kmsKeyArn(KEY_ARN)
                .createKmsKey(false)
                .tags(Map.of("team", "ml"))
                .deletionProtection(false)
                .build();

        assertThat(value(args.description())).isEqualTo("Wheels for training jobs");
        assertThat(args.upstreams()).containsExactly(
                Upstream.externalConnection("public:npmjs", "npm-cache"), Upstream.externalConnection("public:pypi"));
        assertThat(PulumiTest.extractValue(args.kmsKeyArn().orElseThrow())).isEqualTo(KEY_ARN);
        assertThat(args.createKmsKey()).isFalse();
        assertThat(values(args.tags())).containsExactly(Map.entry("team", "ml"));
        assertThat(args.deletionProtection()).isFalse();
    }

    @Test
    void createKmsKey_defaultsFollowTheKeyAndTheDomain() {
        assertThat(valid().kmsKeyArn(KEY_ARN).build().createKmsKey()).isFalse();
        assertThat(valid().createDomain(false).upstreams().build().createKmsKey()).isFalse();
        assertThat(valid().createKmsKey(false).build().createKmsKey()).isFalse();
    }

    @Test
    void upstreams_emptyList_meansNoUpstream() {
        assertThat(valid().upstreams(List.of()).build().upstreams()).isEmpty();
    }

    @Test
    void upstreams_copiesTheList() {
        List<Upstream> upstreams = new ArrayList<>(List.of(Upstream.externalConnection("public:pypi")));
        MlDependencyRegistryArgs args = valid().upstreams(upstreams).build();
        upstreams.add(Upstream.externalConnection("public:npmjs"));

        assertThat(args.upstreams()).hasSize(1);
    }

    @Test
    void tags_keepTheirOrderAndAreCopied() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("team", "ml");
        tags.put("cost-center", "42");
        tags.put("env", "prod");
        MlDependencyRegistryArgs args = valid().tags(tags).build();
        tags.put("late", "x");

        assertThat(values(args.tags())).containsExactly(
                Map.entry("team", "ml"), Map.entry("cost-center", "42"), Map.entry("env", "prod"));
    }

    @Test
    void toBuilder_derivesAVariant() {
        MlDependencyRegistryArgs base = valid().tags(Map.of("team", "ml")).build();
        MlDependencyRegistryArgs variant = base.toBuilder().repositoryName("team-b").build();

        assertThat(variant.repositoryName()).isEqualTo("team-b");
        assertThat(value(variant.domainName())).isEqualTo("ml-platform");
        assertThat(variant.tags()).isEqualTo(base.tags());
        assertThat(base.repositoryName()).isEqualTo("ml-models");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ab", "a1", "ml-platform", "a-b-c", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwx"})
    void domainName_valid_isAccepted(String name) {
        assertThat(value(valid().domainName(name).build().domainName())).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a", "ML-Platform", "1ml", "-ml", "ml-", "ml_platform", "ml platform", "ml.platform",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxy"})
    void domainName_invalid_isRejectedWithThePattern(String name) {
        assertThatThrownBy(() -> valid().domainName(name).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("domainName (" + name + ") must be 2-50 characters matching [a-z][a-z0-9-]{0,48}[a-z0-9]");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ab", "ML", "ml-models", "ml.models_v2", "0models"})
    void repositoryName_valid_isAccepted(String name) {
        assertThat(valid().repositoryName(name).build().repositoryName()).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a", "ml models", "-models", ".models", "_models", "ml/models", "ml:models"})
    void repositoryName_invalid_isRejectedWithThePattern(String name) {
        assertThatThrownBy(() -> valid().repositoryName(name).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("repositoryName (" + name + ") must be 2-100 characters matching [A-Za-z0-9][A-Za-z0-9._-]{1,99}");
    }

    @Test
    void repositoryName_hundredCharacters_isAccepted() {
        String name = "a".repeat(100);
        assertThat(valid().repositoryName(name).build().repositoryName()).isEqualTo(name);
    }

    @Test
    void repositoryName_tooLong_isRejected() {
        String name = "a".repeat(101);
        assertThatThrownBy(() -> valid().repositoryName(name).build())
                .hasMessage("repositoryName (" + name + ") must be 2-100 characters matching [A-Za-z0-9][A-Za-z0-9._-]{1,99}");
    }

    @Test
    void description_atTheLimit_isAccepted() {
        String description = "d".repeat(1000);
        assertThat(value(valid().description(description).build().description())).isEqualTo(description);
    }

    @Test
    void description_empty_isAccepted() {
        assertThat(value(valid().description("").build().description())).isEmpty();
    }

    static Stream<Arguments> rejectedInputs() {
        return Stream.of(
                rejected("description too long", b -> b.description("d".repeat(1001)),
                        "description (1001 characters) must be at most 1000 characters"),
                rejected("description with newline", b -> b.description("line one\nline two"),
                        "description (\"line one\\nline two\") must not contain control characters"),
                rejected("description with bell", b -> b.description("ring\u0007"),
                        "description (\"ring\\u0007\") must not contain control characters"),
                rejected("eleven upstreams", b -> b.upstreams(IntStream.range(0, 11)
                                .mapToObj(i -> Upstream.repository("shared-" + i)).toList()).createDomain(false),
                        "upstreams (11 entries) must have at most 10 entries"),
                rejected("unknown connection", b -> b.upstreams(Upstream.externalConnection("public:pip")),
                        "upstreams[0].externalConnection (public:pip) must be one of public:npmjs, public:pypi, "
                                + "public:maven-central, public:maven-googleandroid, public:maven-gradleplugins, "
                                + "public:maven-commonsware, public:maven-clojars, public:nuget-org, "
                                + "public:ruby-gems-org, public:crates-io"),
                rejected("connection without prefix", b -> b.upstreams(Upstream.externalConnection("pypi")),
                        "upstreams[0].externalConnection (pypi) must be one of public:npmjs, public:pypi, "
                                + "public:maven-central, public:maven-googleandroid, public:maven-gradleplugins, "
                                + "public:maven-commonsware, public:maven-clojars, public:nuget-org, "
                                + "public:ruby-gems-org, public:crates-io"),
                rejected("repeated connection", b -> b.upstreams(
                                Upstream.externalConnection("public:pypi"),
                                Upstream.externalConnection("public:pypi", "pypi-two")),
                        "upstreams[1].externalConnection (public:pypi) must differ from upstreams[0].externalConnection"),
                rejected("bad store name", b -> b.upstreams(Upstream.externalConnection("public:pypi", "pypi store")),
                        "upstreams[0].storeRepositoryName (pypi store) must be 2-100 characters matching [A-Za-z0-9][A-Za-z0-9._-]{1,99}"),
                rejected("store named like the primary", b -> b.upstreams(Upstream.externalConnection("public:pypi", "ml-models")),
                        "upstreams[0].storeRepositoryName (ml-models) must differ from repositoryName"),
                rejected("primary named like the default store", b -> b.repositoryName("pypi-store"),
                        "upstreams[0].storeRepositoryName (pypi-store) must differ from repositoryName"),
                rejected("repository named like the primary", b -> b.createDomain(false)
                                .upstreams(Upstream.repository("ml-models")),
                        "upstreams[0].repository (ml-models) must differ from repositoryName"),
                rejected("repository named like a store", b -> b.createDomain(false).upstreams(
                                Upstream.externalConnection("public:pypi"), Upstream.repository("pypi-store")),
                        "upstreams[1].repository (pypi-store) must differ from upstreams[0].storeRepositoryName"),
                rejected("repository repeated", b -> b.createDomain(false).upstreams(
                                Upstream.repository("shared"), Upstream.repository("shared")),
                        "upstreams[1].repository (shared) must differ from upstreams[0].repository"),
                rejected("bad repository name", b -> b.createDomain(false).upstreams(Upstream.repository("x")),
                        "upstreams[0].repository (x) must be 2-100 characters matching [A-Za-z0-9][A-Za-z0-9._-]{1,99}"),
                rejected("repository upstream in a new domain", b -> b.upstreams(Upstream.repository("shared")),
                        "upstreams[0].repository (shared) requires createDomain(false): "
                                + "a domain the component creates holds no other repository"),
                rejected("short domain owner", b -> b.createDomain(false).domainOwner("12345"),
                        "domainOwner (12345) must be a 12-digit account ID"),
                rejected("domain owner with dashes", b -> b.createDomain(false).domainOwner("1234-5678-9012"),
                        "domainOwner (1234-5678-9012) must be a 12-digit account ID"),
                rejected("domain owner with a new domain", b -> b.domainOwner("123456789012"),
                        "domainOwner (123456789012) requires createDomain(false)"),
                rejected("alias ARN", b -> b.kmsKeyArn("arn:aws:kms:us-east-1:123456789012:alias/ml"),
                        "kmsKeyArn (arn:aws:kms:us-east-1:123456789012:alias/ml) must be a KMS key ARN "
                                + "arn:<partition>:kms:<region>:<account>:key/<key id>, not an alias or a bare key ID"),
                rejected("bare key ID", b -> b.kmsKeyArn("1234abcd-12ab-34cd-56ef-1234567890ab"),
                        "kmsKeyArn (1234abcd-12ab-34cd-56ef-1234567890ab) must be a KMS key ARN "
                                + "arn:<partition>:kms:<region>:<account>:key/<key id>, not an alias or a bare key ID"),
                rejected("alias name", b -> b.kmsKeyArn("alias/ml"),
                        "kmsKeyArn (alias/ml) must be a KMS key ARN "
                                + "arn:<partition>:kms:<region>:<account>:key/<key id>, not an alias or a bare key ID"),
                rejected("key with an existing domain", b -> b.createDomain(false).upstreams().kmsKeyArn(KEY_ARN),
                        "kmsKeyArn (" + KEY_ARN + ") requires createDomain(true)"),
                rejected("key output with an existing domain", b -> b.createDomain(false).upstreams()
                                .kmsKeyArn(Output.of(new java.util.concurrent.CompletableFuture<String>())),
                        "kmsKeyArn (output) requires createDomain(true)"),
                rejected("known key output with an existing domain", b -> b.createDomain(false).upstreams()
                                .kmsKeyArn(Output.of(KEY_ARN)),
                        "kmsKeyArn (" + KEY_ARN + ") requires createDomain(true)"),
                rejected("create key with an existing domain", b -> b.createDomain(false).upstreams().createKmsKey(true),
                        "createKmsKey (true) requires createDomain(true)"),
                rejected("create key and bring one", b -> b.kmsKeyArn(KEY_ARN).createKmsKey(true),
                        "createKmsKey (true) must not be set together with kmsKeyArn"),
                rejected("51 tags", b -> b.tags(manyTags(51)),
                        "tags (51 entries) must have at most 50 entries"),
                rejected("empty tag key", b -> b.tags(Map.of("", "x")),
                        "tags key (\"\") must be 1-128 characters"),
                rejected("long tag key", b -> b.tags(Map.of("k".repeat(129), "x")),
                        "tags key (" + "k".repeat(129) + ") must be 1-128 characters"),
                rejected("reserved tag key", b -> b.tags(Map.of("aws:team", "x")),
                        "tags key (aws:team) must not start with aws:"),
                rejected("reserved tag key in capitals", b -> b.tags(Map.of("AWS:team", "x")),
                        "tags key (AWS:team) must not start with aws:"),
                rejected("tag key with a tab", b -> b.tags(Map.of("te\tam", "x")),
                        "tags key (\"te\\tam\") must not contain control characters"),
                rejected("long tag value", b -> b.tags(Map.of("team", "v".repeat(257))),
                        "tags[team] (257 characters) must be at most 256 characters"),
                rejected("tag value with a newline", b -> b.tags(Map.of("team", "ml\n")),
                        "tags[team] (\"ml\\n\") must not contain control characters"),
                rejected("tag key IAM refuses", b -> b.tags(Map.of("team#1", "ml")),
                        "tags key (team#1) must contain only letters, digits, spaces and _.:/=+-@, "
                                + "as IAM requires for the IAM policies (or set createIamPolicies(false))"),
                rejected("tag value IAM refuses", b -> b.tags(Map.of("team", "ml!")),
                        "tags[team] (ml!) must contain only letters, digits, spaces and _.:/=+-@, "
                                + "as IAM requires for the IAM policies (or set createIamPolicies(false))"),
                rejected("wildcard reader", b -> b.readerPrincipals("*"),
                        "readerPrincipals[0] (*) must name principals; grant an AWS Organization with organizationId"),
                rejected("service principal", b -> b.publisherPrincipals("codebuild.amazonaws.com"),
                        "publisherPrincipals[0] (codebuild.amazonaws.com) " + PRINCIPAL_RULE),
                rejected("short account", b -> b.readerPrincipals("12345678901"),
                        "readerPrincipals[0] (12345678901) " + PRINCIPAL_RULE),
                rejected("group ARN", b -> b.readerPrincipals("arn:aws:iam::123456789012:group/ml"),
                        "readerPrincipals[0] (arn:aws:iam::123456789012:group/ml) " + PRINCIPAL_RULE),
                rejected("assumed-role ARN", b -> b.readerPrincipals("arn:aws:sts::123456789012:assumed-role/ml/session"),
                        "readerPrincipals[0] (arn:aws:sts::123456789012:assumed-role/ml/session) " + PRINCIPAL_RULE),
                rejected("role wildcard", b -> b.readerPrincipals("arn:aws:iam::123456789012:role/*"),
                        "readerPrincipals[0] (arn:aws:iam::123456789012:role/*) " + PRINCIPAL_RULE),
                rejected("role name over IAM's limit", b -> b.readerPrincipals("arn:aws:iam::123456789012:role/" + "r".repeat(65)),
                        "readerPrincipals[0] (arn:aws:iam::123456789012:role/" + "r".repeat(65) + ") must name a role of at "
                                + "most 64 characters, IAM's limit (this one has 65)"),
                rejected("user name with a path over IAM's limit", b -> b.publisherPrincipals(
                                "arn:aws:iam::123456789012:user/ci/" + "u".repeat(70)),
                        "publisherPrincipals[0] (arn:aws:iam::123456789012:user/ci/" + "u".repeat(70) + ") must name a user of "
                                + "at most 64 characters, IAM's limit (this one has 70)"),
                rejected("duplicate reader", b -> b.readerPrincipals("111122223333", "444455556666", "111122223333"),
                        "readerPrincipals[2] (111122223333) must differ from readerPrincipals[0]"),
                rejected("reader and publisher", b -> b.readerPrincipals("111122223333")
                                .publisherPrincipals("arn:aws:iam::123456789012:role/ci", "111122223333"),
                        "publisherPrincipals[1] (111122223333) must not also be readerPrincipals[0]: publishers can read"),
                rejected("principals in two partitions", b -> b.readerPrincipals("arn:aws:iam::111122223333:role/a")
                                .publisherPrincipals("111122223333", "arn:aws-cn:iam::111122223333:role/b"),
                        "publisherPrincipals[1] (arn:aws-cn:iam::111122223333:role/b) must be in partition aws, "
                                + "as readerPrincipals[0] is"),
                rejected("organization ID too short", b -> b.organizationId("o-abc"),
                        "organizationId (o-abc) must be 12-34 characters matching o-[a-z0-9]{10,32}"),
                rejected("organization ID in capitals", b -> b.organizationId("o-A1B2C3D4E5"),
                        "organizationId (o-A1B2C3D4E5) must be 12-34 characters matching o-[a-z0-9]{10,32}"),
                rejected("root ID instead of organization ID", b -> b.organizationId("r-a1b2"),
                        "organizationId (r-a1b2) must be 12-34 characters matching o-[a-z0-9]{10,32}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedInputs")
    void build_brokenRule_isRejectedWithExactMessage(
            String label, UnaryOperator<MlDependencyRegistryArgs.Builder> change, String message) {
        assertThatThrownBy(() -> change.apply(valid()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void build_missingNames_areBothReported() {
        assertThatThrownBy(() -> MlDependencyRegistryArgs.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("domainName is required\nrepositoryName is required");
    }

    @Test
    void build_severalProblems_areReportedTogetherOneLineEach() {
        assertThatThrownBy(() -> MlDependencyRegistryArgs.builder()
                .domainName("ML-Platform")
                .repositoryName("ml models")
                .upstreams(Upstream.externalConnection("public:pip"), Upstream.externalConnection("public:pypi", "ml models"))
                .domainOwner("42")
                .tags(Map.of("aws:team", "ml"))
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(String.join("\n",
                        "domainName (ML-Platform) must be 2-50 characters matching [a-z][a-z0-9-]{0,48}[a-z0-9]",
                        "repositoryName (ml models) must be 2-100 characters matching [A-Za-z0-9][A-Za-z0-9._-]{1,99}",
                        "upstreams[0].externalConnection (public:pip) must be one of public:npmjs, public:pypi, "
                                + "public:maven-central, public:maven-googleandroid, public:maven-gradleplugins, "
                                + "public:maven-commonsware, public:maven-clojars, public:nuget-org, "
                                + "public:ruby-gems-org, public:crates-io",
                        "upstreams[1].storeRepositoryName (ml models) must be 2-100 characters matching [A-Za-z0-9][A-Za-z0-9._-]{1,99}",
                        "domainOwner (42) must be a 12-digit account ID",
                        "domainOwner (42) requires createDomain(false)",
                        "tags key (aws:team) must not start with aws:"));
    }

    @Test
    void build_tenUpstreams_isAccepted() {
        List<Upstream> upstreams = IntStream.range(0, 10).mapToObj(i -> Upstream.repository("shared-" + i)).toList();
        assertThat(valid().createDomain(false).upstreams(upstreams).build().upstreams()).hasSize(10);
    }

    @Test
    void build_everyExternalConnection_isAccepted() {
        List<Upstream> upstreams = Stream.of("public:npmjs", "public:pypi", "public:maven-central",
                        "public:maven-googleandroid", "public:maven-gradleplugins", "public:maven-commonsware",
                        "public:maven-clojars", "public:nuget-org", "public:ruby-gems-org", "public:crates-io")
                .map(Upstream::externalConnection)
                .toList();
        assertThat(valid().upstreams(upstreams).build().upstreams()).hasSize(10);
    }

    @Test
    void build_existingDomainWithOwner_isAccepted() {
        MlDependencyRegistryArgs args = valid().createDomain(false).domainOwner("210987654321")
                .upstreams(Upstream.repository("shared"), Upstream.externalConnection("public:pypi", "team-a-pypi"))
                .build();
        assertThat(args.domainOwner().map(MlDependencyRegistryArgsTest::value)).contains("210987654321");
        assertThat(args.createDomain()).isFalse();
    }

    @Test
    void build_keyArnInOtherPartitions_isAccepted() {
        assertThat(valid().kmsKeyArn("arn:aws-cn:kms:cn-north-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab")
                .build().kmsKeyArn()).isPresent();
        assertThat(valid().kmsKeyArn("arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")
                .build().kmsKeyArn()).isPresent();
    }

    @Test
    void build_fiftyTagsWithLongestKeysAndValues_isAccepted() {
        Map<String, String> tags = new HashMap<>(manyTags(49));
        tags.put("k".repeat(128), "v".repeat(256));
        assertThat(valid().tags(tags).build().tags()).hasSize(50);
    }

    @Test
    void tags_outsideIamCharacters_areAcceptedWithoutIamPolicies() {
        assertThat(valid().createIamPolicies(false).tags(Map.of("team#1", "ml!")).build().tags()).hasSize(1);
    }

    @Test
    void access_everyAcceptedPrincipalForm_isKept() {
        List<String> readers = List.of(
                "111122223333",
                "arn:aws:iam::444455556666:root",
                "arn:aws:iam::111122223333:role/sagemaker-execution",
                "arn:aws:iam::111122223333:role/service-role/AmazonSageMaker-ExecutionRole-20240101T000000",
                "arn:aws:iam::111122223333:user/ml/alice",
                "arn:aws:iam::111122223333:role/a+b=c,d.e@f-g_h");
        MlDependencyRegistryArgs args = valid()
                .readerPrincipals(readers)
                .publisherPrincipals(List.of("arn:aws:iam::123456789012:role/ci"))
                .organizationId("o-a1b2c3d4e5")
                .createIamPolicies(false)
                .build();

        assertThat(values(args.readerPrincipals())).containsExactlyElementsOf(readers);
        assertThat(values(args.publisherPrincipals())).containsExactly("arn:aws:iam::123456789012:role/ci");
        assertThat(args.organizationId().map(MlDependencyRegistryArgsTest::value)).contains("o-a1b2c3d4e5");
        assertThat(args.createIamPolicies()).isFalse();
    }

    @Test
    void access_principalsOfOtherPartitions_areKept() {
        assertThat(valid().readerPrincipals("arn:aws-cn:iam::111122223333:user/ml/alice", "111122223333")
                .build().readerPrincipals()).hasSize(2);
        assertThat(valid().publisherPrincipals("arn:aws-us-gov:iam::111122223333:role/ci")
                .build().publisherPrincipals()).hasSize(1);
    }

    @Test
    void access_defaults_grantNobodyAndCreateIamPolicies() {
        MlDependencyRegistryArgs args = valid().build();

        assertThat(args.readerPrincipals()).isEmpty();
        assertThat(args.publisherPrincipals()).isEmpty();
        assertThat(args.organizationId()).isEmpty();
        assertThat(args.createIamPolicies()).isTrue();
    }

    @Test
    void access_fiftyReadersAndFiftyPublishersOfTypicalLength_fit() {
        MlDependencyRegistryArgs args = valid()
                .readerPrincipals(roles("ml-team-%02d-reader", 50))
                .publisherPrincipals(roles("ml-team-%02d-ci", 50))
                .organizationId("o-a1b2c3d4e5")
                .build();

        assertThat(args.readerPrincipals()).hasSize(50);
    }

    @Test
    void access_fiftyReadersAndFiftyPublishersWithLongNames_areRejectedWithTheSize() {
        String name = "a-very-long-role-name-for-a-sagemaker-execution-role-number-%02d";
        assertThatThrownBy(() -> valid()
                .readerPrincipals(roles(name, 50))
                .publisherPrincipals(roles(name.replace("sagemaker", "ci-publish"), 50))
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("readerPrincipals, publisherPrincipals, organizationId and the added statements make the repository "
                        + "policy ")
                .hasMessageContaining(" characters, over AWS's limit of 7168; name fewer principals, name accounts "
                        + "instead of roles, or grant an AWS Organization with organizationId")
                .hasMessageContaining("\nreaderPrincipals, publisherPrincipals, organizationId and the added statements make the domain policy ");
    }

    private static List<String> roles(String format, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "arn:aws:iam::123456789012:role/" + String.format(format, i))
                .toList();
    }

    @Test
    void setters_null_throwNullPointerExceptionNamingTheParameter() {
        MlDependencyRegistryArgs.Builder builder = MlDependencyRegistryArgs.builder();
        assertThatThrownBy(() -> builder.domainName((String) null)).isInstanceOf(NullPointerException.class).hasMessage("domainName");
        assertThatThrownBy(() -> builder.repositoryName(null)).isInstanceOf(NullPointerException.class).hasMessage("repositoryName");
        assertThatThrownBy(() -> builder.description((String) null)).isInstanceOf(NullPointerException.class).hasMessage("description");
        assertThatThrownBy(() -> builder.upstreams((List<Upstream>) null)).isInstanceOf(NullPointerException.class).hasMessage("upstreams");
        assertThatThrownBy(() -> builder.upstreams((Upstream[]) null)).isInstanceOf(NullPointerException.class).hasMessage("upstreams");
        assertThatThrownBy(() -> builder.upstreams(Arrays.asList(Upstream.repository("a1"), null)))
                .isInstanceOf(NullPointerException.class).hasMessage("upstreams[1]");
        assertThatThrownBy(() -> builder.domainOwner((String) null)).isInstanceOf(NullPointerException.class).hasMessage("domainOwner");
        assertThatThrownBy(() -> builder.kmsKeyArn((String) null)).isInstanceOf(NullPointerException.class).hasMessage("kmsKeyArn");
        assertThatThrownBy(() -> builder.kmsKeyArn((Output<String>) null)).isInstanceOf(NullPointerException.class).hasMessage("kmsKeyArn");
        assertThatThrownBy(() -> builder.tags(null)).isInstanceOf(NullPointerException.class).hasMessage("tags");
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("team", null);
        assertThatThrownBy(() -> builder.tags(nullValue)).isInstanceOf(NullPointerException.class).hasMessage("tags[team]");
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "ml");
        assertThatThrownBy(() -> builder.tags(nullKey)).isInstanceOf(NullPointerException.class).hasMessage("tags key");
        assertThatThrownBy(() -> builder.readerPrincipals((List<String>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("readerPrincipals");
        assertThatThrownBy(() -> builder.readerPrincipals("111122223333", null))
                .isInstanceOf(NullPointerException.class).hasMessage("readerPrincipals[1]");
        assertThatThrownBy(() -> builder.publisherPrincipals((String[]) null))
                .isInstanceOf(NullPointerException.class).hasMessage("publisherPrincipals");
        assertThatThrownBy(() -> builder.publisherPrincipals(Arrays.asList(null, "111122223333")))
                .isInstanceOf(NullPointerException.class).hasMessage("publisherPrincipals[0]");
        assertThatThrownBy(() -> builder.organizationId((String) null))
                .isInstanceOf(NullPointerException.class).hasMessage("organizationId");
    }

    @Test
    void toString_showsEffectiveValues() {
        assertThat(valid().build().toString()).isEqualTo("MlDependencyRegistryArgs{domainName=ml-platform, "
                + "repositoryName=ml-models, description=Repository for ML Model Dependencies, "
                + "upstreams=[Upstream.externalConnection(public:pypi)], createDomain=true, domainOwner=null, "
                + "kmsKeyArn=null, createKmsKey=true, tags={}, deletionProtection=true, readerPrincipals=[], "
                + "publisherPrincipals=[], organizationId=null, createIamPolicies=true, internalNamespaces=[], "
                + "packageGroups=[], tokenAccounts=[], repositoryCreatorAccounts=[], "
                + "additionalDomainPolicyStatements=[], additionalRepositoryPolicyStatements=[], cooldown=null, "
                + "privateAccess=null, requireVpcEndpoints=false, requireVpcEndpointsForPublishers=false, "
                + "createSageMakerLifecycleConfigs=false}");
    }

    static <T> T value(Output<T> output) {
        return PulumiTest.extractValue(output);
    }

    static List<String> values(List<Output<String>> outputs) {
        return outputs.stream().map(MlDependencyRegistryArgsTest::value).toList();
    }

    static Map<String, String> values(Map<String, Output<String>> outputs) {
        Map<String, String> values = new LinkedHashMap<>();
        outputs.forEach((key, output) -> values.put(key, value(output)));
        return values;
    }

    private static Map<String, String> manyTags(int count) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            tags.put("tag-" + i, "value-" + i);
        }
        return tags;
    }
}
