package io.mlregistry.internal.airlock;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rule's event pattern against AWS's documented sample event ("CodeArtifact event format and
 * example", CodeArtifact User Guide: an npm version published to {@code myrepo}), kept verbatim in
 * {@code events/codeartifact-npm-published.json}, and variations of it.
 *
 * <p>The matcher implements the subset of EventBridge's matching the pattern uses: a field's array
 * of values matches when the event's value equals one of them; an object matches field by field;
 * a field the event lacks never matches.
 */
class AirlockEventPatternTest {

    /** AWS's sample uses the domain {@code my_domain}, which CreateDomain's pattern rejects, so a spec cannot name it. */
    private static final String SAMPLE_DOMAIN = "my-domain";

    private static JsonObject sample() throws IOException {
        try (InputStream in = AirlockEventPatternTest.class.getResourceAsStream("/events/codeartifact-npm-published.json")) {
            assertThat(in).isNotNull();
            JsonObject event = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            assertThat(event.getAsJsonObject("detail").get("domainName").getAsString()).isEqualTo("my_domain");
            event.getAsJsonObject("detail").addProperty("domainName", SAMPLE_DOMAIN);
            return event;
        }
    }

    private static AirlockSpec sampleSpec(List<String> stores, List<String> formats) {
        return new AirlockSpec("aws", "us-west-2", "123456789012", SAMPLE_DOMAIN, "111122223333", stores,
                "ml-models", formats, Duration.ofDays(3), Optional.empty());
    }

    private static AirlockSpec sampleSpec() {
        return sampleSpec(List.of("myrepo"), List.of("npm"));
    }

    static boolean matches(JsonObject pattern, JsonObject event) {
        for (Map.Entry<String, JsonElement> field : pattern.entrySet()) {
            JsonElement value = event.get(field.getKey());
            if (value == null) {
                return false;
            }
            JsonElement expected = field.getValue();
            if (expected.isJsonObject()) {
                if (!value.isJsonObject() || !matches(expected.getAsJsonObject(), value.getAsJsonObject())) {
                    return false;
                }
            } else if (!expected.getAsJsonArray().contains(value)) {
                return false;
            }
        }
        return true;
    }

    private static JsonObject with(JsonObject event, String detailField, String value) {
        JsonObject copy = event.deepCopy();
        copy.getAsJsonObject("detail").add(detailField, new JsonPrimitive(value));
        return copy;
    }

    @Test
    void pattern_awsSampleEvent_matches() throws IOException {
        assertThat(matches(AirlockEventPattern.pattern(sampleSpec()), sample())).isTrue();
    }

    @Test
    void pattern_awsSampleEvent_matchesAmongSeveralStoresAndFormats() throws IOException {
        AirlockSpec spec = sampleSpec(List.of("pypi-store", "myrepo"), List.of("pypi", "npm"));
        assertThat(matches(AirlockEventPattern.pattern(spec), sample())).isTrue();
    }

    @Test
    void pattern_matcher_isNotVacuous() throws IOException {
        JsonObject pattern = AirlockEventPattern.pattern(sampleSpec());
        JsonObject event = sample();
        event.remove("source");
        assertThat(matches(pattern, event)).isFalse();
        assertThat(matches(pattern, new JsonObject())).isFalse();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "domainName, other-domain",
            "domainOwner, 444455556666",
            "repositoryName, ml-models",
            "repositoryName, MYREPO",
            "packageFormat, pypi",
            "packageVersionState, Unfinished",
            "packageVersionState, Unlisted",
            "packageVersionState, Archived",
            "packageVersionState, Disposed",
            "operationType, Deleted"})
    void pattern_otherDetail_doesNotMatch(String field, String value) throws IOException {
        assertThat(matches(AirlockEventPattern.pattern(sampleSpec()), with(sample(), field, value))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Created", "Updated"})
    void pattern_createdOrUpdated_matches(String operation) throws IOException {
        assertThat(matches(AirlockEventPattern.pattern(sampleSpec()), with(sample(), "operationType", operation))).isTrue();
    }

    @Test
    void pattern_otherSourceOrDetailType_doesNotMatch() throws IOException {
        JsonObject pattern = AirlockEventPattern.pattern(sampleSpec());
        JsonObject otherSource = sample();
        otherSource.addProperty("source", "aws.codecommit");
        JsonObject otherType = sample();
        otherType.addProperty("detail-type", "CodeArtifact Repository Change");
        assertThat(matches(pattern, otherSource)).isFalse();
        assertThat(matches(pattern, otherType)).isFalse();
    }

    @Test
    void json_reference_isCompactAndComplete() {
        assertThat(AirlockEventPattern.json(AirlockFixtures.pypiAndNpmWithTopic())).isEqualTo(
                "{\"source\":[\"aws.codeartifact\"],"
                        + "\"detail-type\":[\"CodeArtifact Package Version State Change\"],"
                        + "\"detail\":{\"domainName\":[\"ml-platform\"],\"domainOwner\":[\"123456789012\"],"
                        + "\"repositoryName\":[\"pypi-store\",\"npmjs-store\"],\"packageFormat\":[\"pypi\",\"npm\"],"
                        + "\"packageVersionState\":[\"Published\"],\"operationType\":[\"Created\",\"Updated\"]}}");
    }

    @Test
    void pattern_awsSampleEvent_carriesWhatTheWorkflowReads() throws IOException {
        JsonObject detail = sample().getAsJsonObject("detail");
        for (String field : List.of("repositoryName", "packageFormat", "packageName", "packageVersion",
                "packageVersionRevision", "packageVersionState", "domainName", "domainOwner")) {
            assertThat(detail.get(field).isJsonPrimitive()).as(field).isTrue();
        }
        assertThat(detail.get("packageNamespace").isJsonNull()).isTrue();
    }
}
