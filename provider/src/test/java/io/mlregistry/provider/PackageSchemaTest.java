package io.mlregistry.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import io.mlregistry.InternalNamespace;
import io.mlregistry.MlDependencyRegistry;
import io.mlregistry.MlDependencyRegistryArgs;
import io.mlregistry.OriginRestriction;
import io.mlregistry.PackageGroup;
import io.mlregistry.PrivateAccess;
import io.mlregistry.Upstream;
import io.mlregistry.internal.rules.Rules;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The package schema: equal to the golden {@code schema.json} and in step with the Java API:
 * every {@code @Import} field is an input and every public {@code Output} accessor of the component an output, each with a
 * description.
 */
class PackageSchemaTest {

    private static final String VERSION = System.getProperty("project.version");

    private static String resource(String name) throws IOException {
        try (InputStream in = PackageSchemaTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonObject generated() {
        return PackageSchema.schema(VERSION);
    }

    @Test
    void schema_equalsTheGolden() throws IOException {
        JsonObject golden = JsonParser.parseString(resource("schema.json")).getAsJsonObject();
        JsonObject actual = generated();
        // The golden keeps the version it was written at; the version itself is checked below.
        actual.addProperty("version", golden.get("version").getAsString());
        if (!actual.equals(golden) && Boolean.getBoolean("updateGolden")) {
            Files.writeString(Path.of("src/test/resources/schema.json"), PackageSchema.json(golden.get("version").getAsString()));
        }
        assertThat(PackageSchema.json(golden.get("version").getAsString()))
                .as("run with -DupdateGolden=true to rewrite src/test/resources/schema.json, then review the diff")
                .isEqualTo(resource("schema.json"));
    }

    @Test
    void schema_versionIsThePomVersion() {
        assertThat(VERSION).isNotBlank();
        assertThat(generated().get("version").getAsString()).isEqualTo(VERSION).isEqualTo(Main.version());
    }

    private static JsonObject registry() {
        return generated().getAsJsonObject("resources").getAsJsonObject(MlDependencyRegistry.TYPE);
    }

    private static JsonObject type(String name) {
        return generated().getAsJsonObject("types").getAsJsonObject(PackageSchema.PACKAGE + ":index:" + name);
    }

    static Stream<Arguments> objectTypes() {
        // inDomainOf is the Java builder's inDomainOf(MlDependencyRegistry), which keeps no Args field
        // (a resource reference cannot be one); it supplies domainName, so the schema requires none.
        return Stream.of(
                Arguments.of(MlDependencyRegistryArgs.class, registry().getAsJsonObject("inputProperties"),
                        registry().getAsJsonArray("requiredInputs"), Set.of("inDomainOf"), Set.of("domainName")),
                Arguments.of(Upstream.class, type("Upstream").getAsJsonObject("properties"), null, Set.of(), Set.of()),
                Arguments.of(InternalNamespace.class, type("InternalNamespace").getAsJsonObject("properties"),
                        type("InternalNamespace").getAsJsonArray("required"), Set.of(), Set.of()),
                Arguments.of(PackageGroup.class, type("PackageGroup").getAsJsonObject("properties"),
                        type("PackageGroup").getAsJsonArray("required"), Set.of(), Set.of()),
                Arguments.of(OriginRestriction.class, type("OriginRestriction").getAsJsonObject("properties"),
                        type("OriginRestriction").getAsJsonArray("required"), Set.of(), Set.of()),
                Arguments.of(PrivateAccess.class, type("PrivateAccess").getAsJsonObject("properties"),
                        type("PrivateAccess").getAsJsonArray("required"), Set.of(), Set.of()),
                Arguments.of(io.mlregistry.Cooldown.class, type("Cooldown").getAsJsonObject("properties"),
                        type("Cooldown").getAsJsonArray("required"), Set.of(), Set.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("objectTypes")
    void properties_areTheImportFields_plainWhereJavaIsPlain_requiredWhereJavaRequires(Class<?> type,
            JsonObject properties, com.google.gson.JsonArray required, Set<String> providerOnly, Set<String> optional) {
        Map<String, Boolean> plainByName = new LinkedHashMap<>();
        List<String> requiredNames = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            Import annotation = field.getAnnotation(Import.class);
            if (annotation == null || Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            plainByName.put(annotation.name(), !takesOutputs(field.getGenericType()));
            if (annotation.required() && !optional.contains(annotation.name())) {
                requiredNames.add(annotation.name());
            }
        }
        providerOnly.forEach(name -> assertThat(properties.getAsJsonObject(name).has("plain")).as(name).isFalse());
        Set<String> fromJava = new java.util.LinkedHashSet<>(properties.keySet());
        fromJava.removeAll(providerOnly);

        assertThat(fromJava).containsExactlyInAnyOrderElementsOf(plainByName.keySet());
        plainByName.forEach((name, plain) -> assertThat(properties.getAsJsonObject(name).has("plain"))
                .as(name + " plain").isEqualTo(plain));
        List<String> schemaRequired = new ArrayList<>();
        if (required != null) {
            required.forEach(e -> schemaRequired.add(e.getAsString()));
        }
        assertThat(schemaRequired).containsExactlyInAnyOrderElementsOf(requiredNames);
    }

    private static boolean takesOutputs(Type type) {
        if (type instanceof ParameterizedType) {
            ParameterizedType parameterized = (ParameterizedType) type;
            if (parameterized.getRawType() == Output.class) {
                return true;
            }
            for (Type argument : parameterized.getActualTypeArguments()) {
                if (takesOutputs(argument)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void outputs_areTheOutputAccessors_requiredUnlessSometimesUnset() {
        List<String> exports = new ArrayList<>();
        for (java.lang.reflect.Method method : MlDependencyRegistry.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                    && method.getParameterCount() == 0 && method.getReturnType() == Output.class) {
                exports.add(method.getName());
            }
        }
        JsonObject outputs = registry().getAsJsonObject("properties");
        List<String> required = new ArrayList<>();
        registry().getAsJsonArray("required").forEach(e -> required.add(e.getAsString()));

        assertThat(ComponentState.OUTPUTS).containsExactlyInAnyOrderElementsOf(exports);
        assertThat(outputs.keySet()).containsExactlyElementsOf(ComponentState.OUTPUTS);
        assertThat(required).doesNotContainAnyElementsOf(PackageSchema.OPTIONAL_OUTPUTS)
                .hasSize(exports.size() - PackageSchema.OPTIONAL_OUTPUTS.size());
    }

    @Test
    void everyInputOutputTypeAndProperty_hasADescription() {
        List<String> missing = new ArrayList<>();
        JsonObject schema = generated();
        schema.getAsJsonObject("resources").entrySet().forEach(resource -> {
            JsonObject spec = resource.getValue().getAsJsonObject();
            describe(resource.getKey(), spec, missing);
            spec.getAsJsonObject("inputProperties").entrySet().forEach(p -> describe("input " + p.getKey(), p.getValue(), missing));
            spec.getAsJsonObject("properties").entrySet().forEach(p -> describe("output " + p.getKey(), p.getValue(), missing));
        });
        schema.getAsJsonObject("types").entrySet().forEach(type -> {
            JsonObject spec = type.getValue().getAsJsonObject();
            describe(type.getKey(), spec, missing);
            if (spec.has("properties")) {
                spec.getAsJsonObject("properties").entrySet()
                        .forEach(p -> describe(type.getKey() + "." + p.getKey(), p.getValue(), missing));
            }
        });

        assertThat(missing).isEmpty();
        assertThat(schema.get("homepage").getAsString()).startsWith("https://");
        assertThat(schema.get("license").getAsString()).isEqualTo("Apache-2.0");
        assertThat(schema.get("repository").getAsString()).startsWith("https://");
    }

    private static void describe(String where, JsonElement spec, List<String> missing) {
        JsonObject object = spec.getAsJsonObject();
        if (!object.has("description") || object.get("description").getAsString().isBlank()) {
            missing.add(where);
        }
    }

    @Test
    void enums_holdExactlyTheValuesTheLibraryAccepts() {
        List<String> connections = new ArrayList<>();
        type("ExternalConnection").getAsJsonArray("enum").forEach(e -> connections.add(e.getAsJsonObject().get("value").getAsString()));
        List<String> modes = new ArrayList<>();
        type("OriginRestrictionMode").getAsJsonArray("enum").forEach(e -> modes.add(e.getAsJsonObject().get("value").getAsString()));

        assertThat(connections).containsExactlyElementsOf(Rules.EXTERNAL_CONNECTIONS);
        assertThat(modes).containsExactlyInAnyOrder(OriginRestriction.allow().mode(), OriginRestriction.block().mode(),
                OriginRestriction.inherit().mode(), OriginRestriction.allowOnly("r").mode());
        assertThat(type("Upstream").getAsJsonObject("properties").getAsJsonObject("externalConnection").get("$ref").getAsString())
                .endsWith(":index:ExternalConnection");
        assertThat(PackageSchema.enumName("public:maven-central")).isEqualTo("PublicMavenCentral");
    }
}
