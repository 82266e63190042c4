package io.mlregistry;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout of the library (docs/contributing.md, "How the code is organized"): the public API in
 * {@code io.mlregistry}, the Pulumi layer in {@code internal.resources}, the pure core in the other
 * {@code internal} packages, and dependencies that point one way only.
 */
@AnalyzeClasses(packages = "io.mlregistry", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String API = "io.mlregistry";
    static final String TESTING = "io.mlregistry.testing..";
    static final String PULUMI_LAYER = "io.mlregistry.internal.resources..";
    static final String[] PURE_CORE = {
        "io.mlregistry.internal.rules..", "io.mlregistry.internal.outputs..", "io.mlregistry.internal.plan..",
        "io.mlregistry.internal.validation..", "io.mlregistry.internal.access..", "io.mlregistry.internal.airlock..",
        "io.mlregistry.internal.composition..", "io.mlregistry.internal.privateaccess..",
        "io.mlregistry.internal.clients..",
    };

    /**
     * Public API -> Pulumi layer -> pure core, never back. {@code io.mlregistry.testing} is public
     * API too (it previews and tests stacks), so it may use the component and the internals.
     */
    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("API").definedBy(API)
            .layer("Testing").definedBy(TESTING)
            .layer("Pulumi layer").definedBy(PULUMI_LAYER)
            .layer("Pure core").definedBy(PURE_CORE)
            .whereLayer("API").mayOnlyBeAccessedByLayers("Testing")
            .whereLayer("Testing").mayNotBeAccessedByAnyLayer()
            .whereLayer("Pulumi layer").mayOnlyBeAccessedByLayers("API", "Testing")
            .whereLayer("Pure core").mayOnlyBeAccessedByLayers("API", "Testing", "Pulumi layer");

    /**
     * The pure core registers nothing and reads no running deployment: a test calls it without
     * Pulumi's engine. {@code com.pulumi.core} (Output, its known values) is allowed: inputs may be
     * outputs of other resources, and the core checks them when they resolve.
     */
    @ArchTest
    static final ArchRule pureCore_registersNothing = noClasses().that().resideInAnyPackage(PURE_CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.pulumi.resources..", "com.pulumi.deployment..", "com.pulumi.aws..", "com.pulumi.test..")
            .because("the pure core must be callable without Pulumi's engine");

    /**
     * One slice per package, {@code io.mlregistry} itself included: {@code "io.mlregistry.(**)"}
     * would leave the root package out of every slice, and with it every cycle through the API.
     */
    @ArchTest
    static final ArchRule packages_haveNoCycles = slices().matching("io.(**)").should().beFreeOfCycles();

    /**
     * Within the library, {@code internal} is used by the public API, the testing API and itself;
     * the provider module, which is built from this library, also uses it. No other package may
     * (none exists yet: the rule stands for the next one, hence {@code allowEmptyShould}).
     */
    @ArchTest
    static final ArchRule internal_isUsedOnlyByTheApiAndTesting = noClasses()
            .that().resideOutsideOfPackages(API, TESTING, "io.mlregistry.internal..", "io.mlregistry.provider..")
            .should().dependOnClassesThat().resideInAPackage("io.mlregistry.internal..")
            .allowEmptyShould(true);

    /** {@code io.mlregistry} holds the public API only: machinery lives in {@code internal}. */
    @ArchTest
    static final ArchRule api_holdsOnlyPublicTypes = classes().that().resideInAPackage(API)
            .and().areTopLevelClasses().and().doNotHaveSimpleName("package-info")
            .should().bePublic();

    /**
     * No public member of the public API exposes an internal type: the Javadoc leaves
     * {@code internal} out, and a user could not name the type.
     */
    @ArchTest
    static final ArchRule api_exposesNoInternalType = members().that().areDeclaredInClassesThat().resideInAPackage(API)
            .and(describe("are public or protected", (JavaMember m) -> m.getModifiers().contains(JavaModifier.PUBLIC)
                    || m.getModifiers().contains(JavaModifier.PROTECTED)))
            .should(exposeNoTypeOf("io.mlregistry.internal"));

    private static ArchCondition<JavaMember> exposeNoTypeOf(String packagePrefix) {
        return new ArchCondition<>("expose no type of " + packagePrefix) {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                List<JavaClass> types = new ArrayList<>();
                if (member instanceof JavaCodeUnit unit) {
                    types.add(unit.getRawReturnType());
                    types.addAll(unit.getRawParameterTypes());
                } else if (member instanceof JavaField field) {
                    types.add(field.getRawType());
                }
                for (JavaClass type : types) {
                    if (type.getPackageName().startsWith(packagePrefix)) {
                        events.add(SimpleConditionEvent.violated(member,
                                member.getFullName() + " exposes " + type.getName()));
                    }
                }
            }
        };
    }
}
