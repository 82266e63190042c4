package io.mlregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlregistry.internal.plan.RegistryPlanner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Property tests of the Args rules, on generated inputs. The generators and oracles are written
 * from AWS's own definitions (the CodeArtifact service model botocore-codeartifact-2018-09-22.json,
 * shapes DomainName, RepositoryName, Description, AccountId, TagKey, TagValue,
 * PackageGroupPattern; AWS Organizations' organization ID pattern), transcribed here rather than
 * taken from the implementation's constants, so that the two cannot be wrong together. Each
 * property runs {@value #TRIES} cases from a fixed seed, so a failure reproduces.
 */
class ArgsPropertiesTest {

    // From the service model, verbatim but for Java escaping.
    private static final Pattern MODEL_DOMAIN_NAME = Pattern.compile("[a-z][a-z0-9\\-]{0,48}[a-z0-9]");
    private static final Pattern MODEL_REPOSITORY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{1,99}");
    private static final Pattern MODEL_DESCRIPTION = Pattern.compile("\\P{C}*");
    private static final Pattern MODEL_ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    private static final Pattern MODEL_TAG_KEY = Pattern.compile("\\P{C}+");
    private static final Pattern MODEL_TAG_VALUE = Pattern.compile("\\P{C}*");
    private static final Pattern MODEL_PACKAGE_GROUP_PATTERN = Pattern.compile("[^\\p{C}\\p{IsWhitespace}]+");
    private static final Pattern ORGANIZATIONS_ID = Pattern.compile("o-[a-z0-9]{10,32}");
    private static final Pattern IAM_PRINCIPAL =
            Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:(root|(role|user)/[\\w+=,.@/-]+)");
    private static final List<String> CONNECTIONS = List.of("public:npmjs", "public:pypi", "public:maven-central",
            "public:maven-googleandroid", "public:maven-gradleplugins", "public:maven-commonsware",
            "public:maven-clojars", "public:nuget-org", "public:ruby-gems-org", "public:crates-io");

    static final int TRIES = 3000;
    private static final long SEED = 20261126L;

    private static boolean domainName(String s) {
        return s.length() >= 2 && s.length() <= 50 && MODEL_DOMAIN_NAME.matcher(s).matches();
    }

    private static boolean repositoryName(String s) {
        return s.length() >= 2 && s.length() <= 100 && MODEL_REPOSITORY_NAME.matcher(s).matches();
    }

    private static MlDependencyRegistryArgs.Builder base() {
        return MlDependencyRegistryArgs.builder().domainName("ml-platform").repositoryName("ml-models");
    }

    // ---- generators of valid values, from the model's patterns and lengths

    static String validDomainName(Gen g) {
        return g.string(Gen.LOWER, 1, 1) + g.string(Gen.LOWER + Gen.DIGITS + "-", 0, 48)
                + g.string(Gen.LOWER + Gen.DIGITS, 1, 1);
    }

    static String validRepositoryName(Gen g) {
        return g.string(Gen.LOWER + Gen.UPPER + Gen.DIGITS, 1, 1) + g.string(Gen.LOWER + Gen.UPPER + Gen.DIGITS + "._-", 1, 99);
    }

    /** Printable text of any script: characters drawn from all of Unicode, kept when the model's pattern accepts them. */
    static String printable(Gen g, int min, int max) {
        int length = g.between(min, max);
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            String c = g.anyUnicode(1, 1);
            if (MODEL_DESCRIPTION.matcher(c).matches()) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static Map<String, String> validTags(Gen g) {
        Map<String, String> tags = new LinkedHashMap<>();
        int count = g.between(0, 50);
        while (tags.size() < count) {
            String key = printable(g, 1, 128);
            if (!key.toLowerCase().startsWith("aws:")) {
                tags.put(key, printable(g, 0, 256));
            }
        }
        return tags;
    }

    static List<Upstream> validUpstreams(Gen g) {
        List<String> connections = new ArrayList<>(CONNECTIONS);
        java.util.Collections.rotate(connections, g.between(0, 9));
        List<Upstream> upstreams = new ArrayList<>();
        int count = g.between(0, 10);
        for (int i = 0; i < count; i++) {
            upstreams.add(g.bool()
                    ? Upstream.externalConnection(connections.get(i))
                    : Upstream.externalConnection(connections.get(i), "store-" + i));
        }
        return upstreams;
    }

    record Valid(String domain, String repository, String description, List<Upstream> upstreams,
                 Map<String, String> tags, String organization, String reader) {
    }

    @Test
    void validArgs_alwaysBuild() {
        Gen.forAll(SEED, TRIES, g -> new Valid(validDomainName(g), validRepositoryName(g), printable(g, 0, 1000),
                validUpstreams(g), validTags(g), "o-" + g.string(Gen.LOWER + Gen.DIGITS, 10, 32),
                g.string(Gen.DIGITS, 12, 12)), v -> {
            boolean clash = v.upstreams().stream().anyMatch(u -> RegistryPlanner.storeName(u.input(), v.repository(), false).equals(v.repository()));
            MlDependencyRegistryArgs args = MlDependencyRegistryArgs.builder()
                    .domainName(v.domain())
                    .repositoryName(clash ? "primary-" + v.repository() : v.repository())
                    .description(v.description())
                    .upstreams(v.upstreams())
                    .tags(v.tags())
                    .createIamPolicies(false)
                    .organizationId(v.organization())
                    .readerPrincipals(v.reader())
                    .build();

            assertThat(MlDependencyRegistryArgsTest.value(args.domainName())).isEqualTo(v.domain());
            assertThat(args.upstreams()).isEqualTo(v.upstreams());
            assertThat(MlDependencyRegistryArgsTest.values(args.tags())).isEqualTo(v.tags());
        });
    }

    // ---- generated invalid values: each is rejected with a message that names its field

    /**
     * Runs {@code check} on every generated value the model's rule refuses, and fails if fewer than
     * half the cases were refused: a generator that drifts towards valid values must not let the
     * property pass unexercised.
     */
    private static void forAllInvalid(
            Function<Gen, String> generator, Predicate<String> valid, Consumer<String> check) {
        AtomicInteger invalid = new AtomicInteger();
        Gen.forAll(SEED, TRIES, generator, value -> {
            if (!valid.test(value)) {
                invalid.incrementAndGet();
                check.accept(value);
            }
        });
        assertThat(invalid.get()).as("invalid cases generated").isGreaterThanOrEqualTo(TRIES / 2);
    }

    private static void rejectedNaming(MlDependencyRegistryArgs.Builder builder, String field) {
        assertThatThrownBy(builder::build)
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage().lines()).anyMatch(line -> line.startsWith(field)));
    }

    @Test
    void invalidDomainName_isRejectedNamingIt() {
        forAllInvalid(Gen::anything,
                ArgsPropertiesTest::domainName,
                value -> rejectedNaming(base().domainName(value), "domainName ("));
    }

    @Test
    void invalidRepositoryName_isRejectedNamingIt() {
        forAllInvalid(Gen::anything,
                ArgsPropertiesTest::repositoryName,
                value -> rejectedNaming(base().repositoryName(value).upstreams(List.of()), "repositoryName ("));
    }

    @Test
    void invalidDescription_isRejectedNamingIt() {
        forAllInvalid(g -> g.bool() ? g.anything() : g.anything() + "d".repeat(1001),
                d -> d.length() <= 1000 && MODEL_DESCRIPTION.matcher(d).matches(),
                value -> rejectedNaming(base().description(value), "description ("));
    }

    @Test
    void invalidDomainOwner_isRejectedNamingIt() {
        forAllInvalid(Gen::anything,
                v -> MODEL_ACCOUNT_ID.matcher(v).matches(),
                value -> rejectedNaming(base().createDomain(false).domainOwner(value), "domainOwner ("));
    }

    @Test
    void invalidTagKey_isRejectedNamingIt() {
        forAllInvalid(g -> g.bool() ? g.anything() : g.anything() + "k".repeat(129),
                k -> !k.isEmpty() && k.length() <= 128 && MODEL_TAG_KEY.matcher(k).matches() && !k.toLowerCase().startsWith("aws:"),
                value -> rejectedNaming(base().createIamPolicies(false).tags(Map.of(value, "v")), "tags key ("));
    }

    @Test
    void invalidTagValue_isRejectedNamingIt() {
        forAllInvalid(g -> g.bool() ? g.anything() : g.anything() + "v".repeat(257),
                v -> v.length() <= 256 && MODEL_TAG_VALUE.matcher(v).matches(),
                value -> rejectedNaming(base().createIamPolicies(false).tags(Map.of("team", value)), "tags[team] ("));
    }

    @Test
    void invalidOrganizationId_isRejectedNamingIt() {
        forAllInvalid(g -> g.bool() ? g.anything() : "o-" + g.string(Gen.LOWER + Gen.DIGITS + "A_", 0, 40),
                v -> ORGANIZATIONS_ID.matcher(v).matches(),
                value -> rejectedNaming(base().organizationId(value), "organizationId ("));
    }

    @Test
    void invalidExternalConnection_isRejectedNamingIt() {
        forAllInvalid(g -> g.bool() ? g.anything() : "public:" + g.string(Gen.LOWER + "-", 1, 20),
                CONNECTIONS::contains,
                value -> rejectedNaming(base().upstreams(Upstream.externalConnection(value, "store")), "upstreams[0].externalConnection ("));
    }

    @Test
    void invalidStoreName_isRejectedNamingIt() {
        forAllInvalid(Gen::anything,
                ArgsPropertiesTest::repositoryName,
                value -> rejectedNaming(base().upstreams(Upstream.externalConnection("public:pypi", value)), "upstreams[0].storeRepositoryName ("));
    }

    @Test
    void invalidPackageGroupPattern_isRejectedNamingIt() {
        forAllInvalid(g -> g.bool() ? g.anything() : "/npm/" + g.anyUnicode(0, 600),
                v -> v.length() >= 2 && v.length() <= 520 && MODEL_PACKAGE_GROUP_PATTERN.matcher(v).matches(),
                value -> rejectedNaming(base().packageGroups(PackageGroup.builder().pattern(value).build()), "packageGroups[0].pattern ("));
    }

    @Test
    void principalNeitherAccountNorIamArn_isRejectedNamingIt() {
        forAllInvalid(g -> g.bool() ? g.anything() : "arn:aws:iam::" + g.string(Gen.DIGITS + ":", 10, 14) + g.oneOf(List.of(":root", ":role/", ":group/x", ":user/a b", "role/*")),
                v -> MODEL_ACCOUNT_ID.matcher(v).matches() || IAM_PRINCIPAL.matcher(v).matches(),
                value -> rejectedNaming(base().readerPrincipals(value), "readerPrincipals[0] ("));
    }

    // ---- nothing but IllegalArgumentException ever escapes a setter given a value, or build()

    private static final List<BiFunction<MlDependencyRegistryArgs.Builder, String, MlDependencyRegistryArgs.Builder>> SETTERS =
            List.of(
                    MlDependencyRegistryArgs.Builder::domainName,
                    MlDependencyRegistryArgs.Builder::repositoryName,
                    MlDependencyRegistryArgs.Builder::description,
                    (b, s) -> b.createDomain(false).domainOwner(s),
                    MlDependencyRegistryArgs.Builder::kmsKeyArn,
                    (b, s) -> b.tags(Map.of(s, s)),
                    (b, s) -> b.upstreams(Upstream.externalConnection(s)),
                    (b, s) -> b.upstreams(Upstream.externalConnection("public:npmjs", s)),
                    (b, s) -> b.createDomain(false).upstreams(Upstream.repository(s)),
                    (b, s) -> b.readerPrincipals(s),
                    (b, s) -> b.publisherPrincipals(s, s),
                    MlDependencyRegistryArgs.Builder::organizationId,
                    (b, s) -> b.internalNamespaces(InternalNamespace.pypiPrefix(s)),
                    (b, s) -> b.internalNamespaces(InternalNamespace.npmScope(s).publishedFrom(s)),
                    (b, s) -> b.internalNamespaces(InternalNamespace.mavenGroup(s)),
                    (b, s) -> b.internalNamespaces(InternalNamespace.mavenGroupPrefix(s)),
                    (b, s) -> b.packageGroups(PackageGroup.builder().pattern(s).description(s)
                            .publish(OriginRestriction.allowOnly(s)).build()));

    record SetterCase(int setter, String value) {
    }

    @Test
    void anyValue_givesTheArgsOrAnIllegalArgumentException() {
        Gen.forAll(SEED, TRIES * SETTERS.size() / 3, g -> new SetterCase(g.between(0, SETTERS.size() - 1), g.anything()),
                c -> {
                    try {
                        SETTERS.get(c.setter()).apply(base(), c.value()).build();
                    } catch (IllegalArgumentException expected) {
                        assertThat(expected.getMessage()).isNotBlank();
                    }
                });
    }

    record ThreeValues(String domain, String repository, String owner) {
    }

    @Test
    void severalBrokenFields_areAllReported() {
        Gen.forAll(SEED, TRIES, g -> new ThreeValues(g.anything(), g.anything(), g.anything()), v -> {
            Map<String, Boolean> broken = new LinkedHashMap<>();
            broken.put("domainName (", !domainName(v.domain()));
            broken.put("repositoryName (", !repositoryName(v.repository()));
            broken.put("domainOwner (", !MODEL_ACCOUNT_ID.matcher(v.owner()).matches());
            if (!broken.containsValue(true)) {
                return;
            }
            MlDependencyRegistryArgs.Builder builder = MlDependencyRegistryArgs.builder()
                    .domainName(v.domain()).repositoryName(v.repository())
                    .createDomain(false).domainOwner(v.owner()).upstreams(List.of());
            assertThatThrownBy(builder::build).isExactlyInstanceOf(IllegalArgumentException.class).satisfies(e ->
                    broken.forEach((field, isBroken) -> {
                        if (isBroken) {
                            assertThat(e.getMessage().lines()).anyMatch(line -> line.startsWith(field));
                        }
                    }));
        });
    }
}
