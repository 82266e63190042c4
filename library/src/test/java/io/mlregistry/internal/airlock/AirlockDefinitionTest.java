package io.mlregistry.internal.airlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.mlregistry.internal.airlock.AirlockFixtures.Case;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The state machine definitions: golden files for two configurations, and the rules every
 * definition of the grid keeps. Every definition is also written to {@code target/asl/} (or the
 * directory {@code airlock.asl.dir} names), where the build validates it against the Amazon States
 * Language with {@code asl-validator}.
 */
class AirlockDefinitionTest {

    private static Path aslDirectory() {
        return Path.of(System.getProperty("airlock.asl.dir", "target/asl"));
    }

    /** Definitions of an earlier run, perhaps of a configuration since removed, must not be validated again. */
    @BeforeAll
    static void clearAslDirectory() throws IOException {
        Path dir = aslDirectory();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).collect(Collectors.toList())) {
                    Files.delete(file);
                }
            }
        }
    }

    static Stream<Case> grid() {
        return AirlockFixtures.grid().stream();
    }

    static Stream<Case> aslSample() {
        return AirlockFixtures.aslSample().stream();
    }

    static String golden(String name) throws IOException {
        try (InputStream in = AirlockDefinitionTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private static Map<String, JsonElement> states(JsonObject definition) {
        return definition.getAsJsonObject("States").asMap();
    }

    private static Set<String> targets(JsonObject state) {
        Set<String> targets = new TreeSet<>();
        if (state.has("Next")) {
            targets.add(state.get("Next").getAsString());
        }
        if (state.has("Default")) {
            targets.add(state.get("Default").getAsString());
        }
        for (String list : List.of("Choices", "Catch")) {
            if (state.has(list)) {
                state.getAsJsonArray(list).forEach(e -> targets.add(e.getAsJsonObject().get("Next").getAsString()));
            }
        }
        return targets;
    }

    @Test
    void json_reference_matchesGolden() throws IOException {
        assertThat(AirlockDefinition.json(AirlockFixtures.pypi())).isEqualTo(golden("airlock-definition-pypi.json"));
    }

    @Test
    void json_twoStoresWithTopic_matchesGolden() throws IOException {
        assertThat(AirlockDefinition.json(AirlockFixtures.pypiAndNpmWithTopic()))
                .isEqualTo(golden("airlock-definition-pypi-npm-topic.json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aslSample")
    void json_eachShape_isWrittenForTheAslValidator(Case c) throws IOException {
        Path dir = Files.createDirectories(aslDirectory());
        String json = AirlockDefinition.json(c.spec());
        Files.writeString(dir.resolve(c.name() + ".json"), json + "\n", StandardCharsets.UTF_8);
        assertThat(JsonParser.parseString(json)).isEqualTo(AirlockDefinition.definition(c.spec()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grid")
    void definition_everyTransition_namesAStateAndEveryStateIsReachable(Case c) {
        JsonObject definition = AirlockDefinition.definition(c.spec());
        Map<String, JsonElement> states = states(definition);
        Set<String> reached = new HashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(definition.get("StartAt").getAsString()));
        while (!next.isEmpty()) {
            String name = next.pop();
            assertThat(states).as("transition target").containsKey(name);
            if (reached.add(name)) {
                next.addAll(targets(states.get(name).getAsJsonObject()));
            }
        }
        assertThat(reached).containsExactlyInAnyOrderElementsOf(states.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grid")
    void definition_usesOnlyAwsSdkAndSnsIntegrations(Case c) {
        JsonObject definition = AirlockDefinition.definition(c.spec());
        assertThat(definition.get("QueryLanguage").getAsString()).isEqualTo("JSONata");
        states(definition).values().stream().map(JsonElement::getAsJsonObject)
                .filter(s -> s.get("Type").getAsString().equals("Task"))
                .forEach(task -> assertThat(task.get("Resource").getAsString()).isIn(
                        "arn:" + c.spec().partition() + ":states:::aws-sdk:codeartifact:describePackageVersion",
                        "arn:" + c.spec().partition() + ":states:::aws-sdk:codeartifact:copyPackageVersions",
                        "arn:" + c.spec().partition() + ":states:::sns:publish"));
        assertThat(definition.toString()).doesNotContain("lambda");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grid")
    void definition_waitsTheCooldownWithinOneExecution(Case c) {
        JsonObject definition = AirlockDefinition.definition(c.spec());
        List<JsonObject> waits = states(definition).values().stream().map(JsonElement::getAsJsonObject)
                .filter(s -> s.get("Type").getAsString().equals("Wait")).collect(Collectors.toList());
        assertThat(waits).singleElement().satisfies(wait ->
                assertThat(wait.get("Seconds").getAsLong()).isEqualTo(c.spec().cooldown().getSeconds()));
        long timeout = definition.get("TimeoutSeconds").getAsLong();
        assertThat(timeout).isEqualTo(c.spec().cooldown().getSeconds() + 86_400);
        assertThat(timeout).isLessThanOrEqualTo(365L * 86_400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grid")
    void definition_everyAwsCall_retriesThrottlingAndCatchesTheRest(Case c) {
        Map<String, JsonElement> states = states(AirlockDefinition.definition(c.spec()));
        String failure = c.spec().notificationTopicArn().isPresent() ? "NotifyFailure" : "PromotionFailed";
        for (String name : List.of("DescribeInStore", "DescribeInPrimary", "DescribeAfterCooldown", "Promote")) {
            JsonObject task = states.get(name).getAsJsonObject();
            assertThat(task.getAsJsonArray("Retry").get(0).getAsJsonObject().getAsJsonArray("ErrorEquals"))
                    .extracting(JsonElement::getAsString)
                    .containsExactly("Codeartifact.ThrottlingException", "Codeartifact.InternalServerException");
            JsonArray catchers = task.getAsJsonArray("Catch");
            JsonObject last = catchers.get(catchers.size() - 1).getAsJsonObject();
            assertThat(last.getAsJsonArray("ErrorEquals")).extracting(JsonElement::getAsString).containsExactly("States.ALL");
            assertThat(last.get("Next").getAsString()).isEqualTo(failure);
        }
        // Only the primary repository may lack the version: that is how the airlock tells a new version.
        JsonArray primaryCatchers = states.get("DescribeInPrimary").getAsJsonObject().getAsJsonArray("Catch");
        assertThat(primaryCatchers).hasSize(2);
        assertThat(primaryCatchers.get(0).getAsJsonObject().getAsJsonArray("ErrorEquals"))
                .extracting(JsonElement::getAsString).containsExactly("Codeartifact.ResourceNotFoundException");
        assertThat(primaryCatchers.get(0).getAsJsonObject().get("Next").getAsString()).isEqualTo("NotInPrimary");
        assertThat(states.get("DescribeInPrimary").getAsJsonObject().get("Arguments").getAsString())
                .contains("'Repository': 'ml-models'");
        for (String name : List.of("DescribeInStore", "DescribeAfterCooldown", "Promote")) {
            assertThat(states.get(name).getAsJsonObject().getAsJsonArray("Catch")).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grid")
    void definition_copiesThePinnedRevision_overwritingOnlyWhatTheAirlockPromoted(Case c) {
        Map<String, JsonElement> states = states(AirlockDefinition.definition(c.spec()));
        String arguments = states.get("Promote").getAsJsonObject().get("Arguments").getAsString();
        assertThat(arguments)
                .contains("'VersionRevisions': {$version: $revision}")
                .contains("'AllowOverwrite': $overwrite")
                .contains("'IncludeFromUpstream': false")
                .contains("'DestinationRepository': 'ml-models'")
                .contains("'SourceRepository': $store")
                .doesNotContain("'Versions'");
        JsonArray primary = states.get("CheckPrimary").getAsJsonObject().getAsJsonArray("Choices");
        assertThat(primary.get(1).getAsJsonObject().get("Condition").getAsString())
                .isEqualTo("{% $states.input.Origin.OriginType = 'EXTERNAL' %}");
        assertThat(primary.get(1).getAsJsonObject().getAsJsonObject("Assign").get("overwrite").getAsString())
                .isEqualTo("{% true %}");
        assertThat(states.get("NotInPrimary").getAsJsonObject().getAsJsonArray("Choices").get(0).getAsJsonObject()
                .getAsJsonObject("Assign").get("overwrite").getAsString()).isEqualTo("{% false %}");
        // The revision promoted is the store's, described after the cooldown; the event's is never read.
        assertThat(states.get("CheckAfterCooldown").getAsJsonObject().getAsJsonArray("Choices").get(0).getAsJsonObject()
                .getAsJsonObject("Assign").get("revision").getAsString()).isEqualTo("{% $states.input.Revision %}");
        assertThat(AirlockDefinition.json(c.spec())).doesNotContain("packageVersionRevision");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grid")
    void definition_absentFailedVersionsCountAsNone(Case c) {
        JsonObject rule = states(AirlockDefinition.definition(c.spec())).get("CheckCopied").getAsJsonObject()
                .getAsJsonArray("Choices").get(0).getAsJsonObject();
        assertThat(rule.get("Condition").getAsString()).isEqualTo("{% $count($keys($states.input.FailedVersions)) = 0 %}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grid")
    void definition_acceptsOnlyItsOwnStoresAndFormats(Case c) {
        JsonObject check = states(AirlockDefinition.definition(c.spec())).get("CheckEvent").getAsJsonObject();
        String condition = check.getAsJsonArray("Choices").get(0).getAsJsonObject().get("Condition").getAsString();
        String stores = c.spec().storeRepositories().stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "));
        String formats = c.spec().formats().stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "));
        assertThat(condition)
                .contains("repositoryName in [" + stores + "]")
                .contains("packageFormat in [" + formats + "]")
                .contains("domainName = 'ml-platform'")
                .contains("domainOwner = '" + c.spec().domainOwner() + "'")
                .contains("packageVersionState = 'Published'");
        assertThat(check.get("Default").getAsString()).isEqualTo("NotForTheAirlock");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grid")
    void definition_notifiesOnlyWithATopic(Case c) {
        Map<String, JsonElement> states = states(AirlockDefinition.definition(c.spec()));
        if (c.spec().notificationTopicArn().isPresent()) {
            assertThat(states).containsKeys("NotifyPromoted", "NotifyFailure");
            for (String name : List.of("NotifyPromoted", "NotifyFailure")) {
                assertThat(states.get(name).getAsJsonObject().getAsJsonObject("Arguments").get("TopicArn").getAsString())
                        .isEqualTo(c.spec().notificationTopicArn().orElseThrow());
            }
            assertThat(states.get("NotifyPromoted").getAsJsonObject().get("Next").getAsString()).isEqualTo("Promoted");
            assertThat(states.get("NotifyFailure").getAsJsonObject().get("Next").getAsString()).isEqualTo("PromotionFailed");
        } else {
            assertThat(states).doesNotContainKeys("NotifyPromoted", "NotifyFailure");
            assertThat(AirlockDefinition.json(c.spec())).doesNotContain("sns");
        }
    }

    @Test
    void definition_vetoAndSupersededPaths_endQuietly() {
        Map<String, JsonElement> states = states(AirlockDefinition.definition(AirlockFixtures.pypi()));
        for (String name : List.of("NotForTheAirlock", "NotFromAPublicRegistry", "NotPublishedInStore", "AlreadyPromoted",
                "Vetoed", "Promoted")) {
            assertThat(states.get(name).getAsJsonObject().get("Type").getAsString()).isEqualTo("Succeed");
        }
        JsonObject fail = states.get("PromotionFailed").getAsJsonObject();
        assertThat(fail.get("Type").getAsString()).isEqualTo("Fail");
        assertThat(fail.get("Error").getAsString()).isEqualTo("Airlock.PromotionFailed");
    }

    @Test
    void literal_quoteOrBackslash_isRejected() {
        assertThat(AirlockDefinition.literal("ml-models")).isEqualTo("'ml-models'");
        assertThatThrownBy(() -> AirlockDefinition.literal("it's"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value (it's) must not hold a quote or a backslash");
        assertThatThrownBy(() -> AirlockDefinition.literal("a\\b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value (a\\b) must not hold a quote or a backslash");
        assertThatThrownBy(() -> AirlockDefinition.literal("'quoted"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AirlockDefinition.literal("\\start"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
