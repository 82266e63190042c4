package io.mlregistry.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The golden package schema against Pulumi's package metaschema (JSON Schema 2020-12), read where
 * the property {@code pulumi.metaschema} points: CI's copy beside the clone, or a contributor's own
 * (docs/languages.md). Not part of the default build, which has no metaschema to read: the
 * {@code metaschema} profile of this module runs it when the property is set.
 */
class PackageSchemaMetaschemaTest {

    private static JsonSchema metaschema;

    @BeforeAll
    static void loadMetaschema() throws IOException {
        String location = System.getProperty("pulumi.metaschema");
        assertThat(location).as("the property pulumi.metaschema, the path of Pulumi's pulumi.json").isNotBlank();
        Path path = Path.of(location);
        assertThat(path).as("Pulumi's package metaschema").isRegularFile();
        try (InputStream in = Files.newInputStream(path)) {
            metaschema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static String golden() throws IOException {
        try (InputStream in = PackageSchemaMetaschemaTest.class.getResourceAsStream("/schema.json")) {
            assertThat(in).as("schema.json").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> errors(String schema) {
        return metaschema.validate(schema, InputFormat.JSON).stream().map(ValidationMessage::getMessage)
                .collect(Collectors.toSet());
    }

    @Test
    void goldenSchema_satisfiesThePackageMetaschema() throws IOException {
        assertThat(errors(golden())).isEmpty();
        assertThat(errors(PackageSchema.json(Main.version()))).isEmpty();
    }

    @Test
    void brokenSchema_failsNamingWhatIsWrong() throws IOException {
        JsonObject broken = JsonParser.parseString(golden()).getAsJsonObject();
        broken.addProperty("name", "1mlregistry");
        broken.getAsJsonObject("resources").getAsJsonObject("mlregistry:index:MlDependencyRegistry")
                .getAsJsonObject("inputProperties").getAsJsonObject("domainName").addProperty("type", "text");

        Set<String> errors = errors(broken.toString());

        assertThat(errors).anyMatch(e -> e.startsWith("$.name:") && e.contains("^[a-zA-Z][-a-zA-Z0-9_]*$"));
        assertThat(errors).anyMatch(e -> e.contains("domainName"));
    }
}
