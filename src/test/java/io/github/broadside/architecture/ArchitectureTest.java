package io.github.broadside.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's walls, checked on its compiled classes: Maven stays in the goals, packages do not
 * depend on each other in a circle, the model knows nothing of rendering, publishing or serving, and
 * form providers see only the forms SPI. A change that breaks one fails here with the offending
 * dependency named.
 */
class ArchitectureTest {
    private static final String ROOT = "io.github.broadside";
    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        // The compiled engine only: scanning the test classpath's jars for the package takes a minute.
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Path.of("target", "classes"));
        if (engine.size() < 100) {
            throw new IllegalStateException("the engine's classes were not found under target/classes");
        }
    }

    @Test
    void onlyTheGoalsKnowMaven() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage(ROOT + ".maven..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..");
        rule.check(engine);
    }

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(engine);
    }

    @Test
    void theModelKnowsNothingOfRenderingPublishingOrServing() {
        noClasses().that().resideInAnyPackage(ROOT + ".content..", ROOT + ".config..", ROOT + ".yaml..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".render..", ROOT + ".publish..",
                        ROOT + ".serve..", ROOT + ".incremental..", ROOT + ".check..", ROOT + ".maven..")
                .check(engine);
    }

    @Test
    void providersSeeOnlyTheFormsSpi() {
        noClasses().that().resideInAPackage(ROOT + ".forms.providers..")
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(resideInAPackage(ROOT + ".forms.."))))
                .check(engine);
    }

    @Test
    void theEngineDoesNotReachIntoServeOrTheGoals() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".serve..", ROOT + ".maven..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".serve..", ROOT + ".maven..")
                .check(engine);
    }
}
