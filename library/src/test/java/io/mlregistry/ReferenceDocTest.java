package io.mlregistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** docs/reference.md documents every public builder method, factory and output, so it cannot drift. */
class ReferenceDocTest {

    private static String reference() throws IOException {
        return Files.readString(Path.of("..", "docs", "reference.md"));
    }

    private static List<String> publicMethods(Class<?> type, boolean statics) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()) == statics)
                .map(Method::getName)
                .filter(name -> !List.of("build", "equals", "hashCode", "toString").contains(name))
                .distinct()
                .collect(Collectors.toList());
    }

    @Test
    void everyBuilderMethod_hasAnEntry() throws IOException {
        String reference = reference();
        List<String> methods = Stream.of(MlDependencyRegistryArgs.Builder.class, PackageGroup.Builder.class,
                        PrivateAccess.Builder.class)
                .flatMap(type -> publicMethods(type, false).stream())
                .collect(Collectors.toList());

        assertThat(methods).isNotEmpty().allSatisfy(name -> assertThat(reference).contains("`" + name + "("));
        assertThat(reference).contains("`toBuilder()`");
    }

    @Test
    void everyFactory_hasAnEntry() throws IOException {
        String reference = reference();
        for (Class<?> type : List.of(Upstream.class, InternalNamespace.class, OriginRestriction.class)) {
            assertThat(publicMethods(type, true)).isNotEmpty().allSatisfy(name ->
                    assertThat(reference).contains("`" + type.getSimpleName() + "." + name + "("));
        }
        assertThat(reference).contains("`publishedFrom(");
    }

    @Test
    void everyCooldownOption_hasAnEntry() throws IOException {
        String reference = reference();
        List<String> options = Arrays.stream(Cooldown.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                        && m.getReturnType() == Cooldown.class)
                .map(Method::getName).distinct().toList();

        assertThat(options).contains("formats", "notifications", "logRetentionDays", "logKmsKeyArn")
                .allSatisfy(name -> assertThat(reference).contains("`" + name + "("));
        assertThat(reference).contains("`Cooldown.of(");
    }

    @Test
    void everyOutput_hasAnEntry() throws IOException {
        String reference = reference();
        List<String> outputs = MlDependencyRegistryTest.outputAccessors();

        assertThat(outputs).hasSize(34).allSatisfy(name -> assertThat(reference).contains("| `" + name + "` |"));
    }
}
