package org.splitscope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of the intended architecture (the design notes' architecture.md) that code can break without
 * a test noticing: a pure engine, and only the window (and the command that opens it) on the GUI.
 */
class ArchitectureTest {
    /** The engine: records, the evaluator, the searches, the model builders, what-if and explanations. */
    private static final String[] ENGINE = {"org.splitscope.model..", "org.splitscope.perf..", "org.splitscope.optimize..",
        "org.splitscope.zoo..", "org.splitscope.whatif..", "org.splitscope.explain.."};

    private static JavaClasses production;

    @BeforeAll
    static void load() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.splitscope");
    }

    @Test
    void theEngineUsesOnlyItselfTheJdkAndJacksonsAnnotations() {
        String[] allowed = new String[ENGINE.length + 3];
        System.arraycopy(ENGINE, 0, allowed, 0, ENGINE.length);
        allowed[ENGINE.length] = "java..";
        allowed[ENGINE.length + 1] = "com.fasterxml.jackson.annotation..";
        allowed[ENGINE.length + 2] = ""; // arrays and primitives live in the default package
        classes().that().resideInAnyPackage(ENGINE).should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
                .check(production);
    }

    @Test
    void theEngineDoesNoIo() {
        noClasses().that().resideInAnyPackage(ENGINE).should().dependOnClassesThat()
                .resideInAnyPackage("java.nio.file..", "java.net..", "java.nio.channels..")
                .orShould().dependOnClassesThat().haveNameMatching("java\\.io\\.(File|Random).*")
                .check(production);
    }

    @Test
    void onlyTheWindowUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.splitscope.ui..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..").check(production);
    }

    @Test
    void nothingButTheCommandThatOpensTheWindowDependsOnIt() {
        noClasses().that().resideOutsideOfPackages("org.splitscope.ui..").and().doNotHaveFullyQualifiedName("org.splitscope.cli.Main")
                .should().dependOnClassesThat().resideInAPackage("org.splitscope.ui..").check(production);
    }

    @Test
    void fileFormatsSitBelowReportsTestbedChartsAndTheFrontEnds() {
        noClasses().that().resideInAPackage("org.splitscope.io..").should().dependOnClassesThat()
                .resideInAnyPackage("org.splitscope.report..", "org.splitscope.testbed..", "org.splitscope.chart..",
                        "org.splitscope.ui..", "org.splitscope.cli..")
                .check(production);
    }
}
