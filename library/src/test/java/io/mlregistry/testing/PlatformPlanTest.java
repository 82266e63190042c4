package io.mlregistry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The offline plan of a whole platform ({@link PreviewFixtures.Platform}): an owner with an
 * airlock, three teams of three formats, a consumer account, roles of the stack and literal roles
 * of the deploying account. It passes every rule and has one store per external connection.
 */
class PlatformPlanTest {

    @Test
    void platform_offlinePlanPasses_withOneStorePerConnection() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = PreviewMain.run(new String[] {"--format", "json", PreviewFixtures.Platform.class.getName()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(status).isZero();
        List<String> stores = new ArrayList<>();
        List<String> repositories = new ArrayList<>();
        for (JsonElement element : JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject()
                .getAsJsonArray("resources")) {
            JsonObject resource = element.getAsJsonObject();
            if (!resource.get("type").getAsString().equals("aws:codeartifact/repository:Repository")) {
                continue;
            }
            JsonObject inputs = resource.getAsJsonObject("inputs");
            repositories.add(inputs.get("repository").getAsString());
            if (inputs.has("externalConnections")) {
                stores.add(inputs.getAsJsonObject("externalConnections").get("externalConnectionName").getAsString());
            }
        }
        assertThat(stores).containsExactlyInAnyOrder("public:pypi", "public:maven-central", "public:npmjs");
        assertThat(repositories).containsExactlyInAnyOrder("pypi-store", "maven-central-store", "npmjs-store", "shared",
                "vision-models", "search-models", "web-models");
    }
}
