package io.atomcover.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of the house plan (docs/api.md, "Modules and packages"), checked on the compiled main classes of every
 * module on the command line's class path: engine, ilpselect, kernels-opencl and cli.
 */
class HouseRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.atomcover");
        // the module jars are directories under target/classes when Surefire runs in the reactor, and jars
        // otherwise: import them from either so the rules never pass on an empty set
        if (classes.size() < 100) classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.atomcover");
    }

    @Test
    void everyModuleIsOnTheClassPath() {
        for (String c : new String[] {"io.atomcover.select.MscSelector", "io.atomcover.ilpselect.ilp.IlpRanker",
                "io.atomcover.opencl.OpenClKdeBackend", "io.atomcover.cli.Main"})
            if (!classes.contain(c)) throw new AssertionError("not imported: " + c + " (" + classes.size() + " classes)");
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.atomcover.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theEngineKnowsNothingOfItsAdaptersOrOfOrTools() {
        noClasses().that().resideInAnyPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.atomcover.ilpselect..", "io.atomcover.cli..", "io.atomcover.opencl..", "io.atomcover.jmh..",
                        "com.google.ortools..", "picocli..", "com.fasterxml.jackson..", "org.knowm.xchart..",
                        "me.tongfei.progressbar..", "org.jocl..")
                .check(classes);
    }

    @Test
    void ilpselectKnowsNothingOfTheCommandLineOrOpenCl() {
        noClasses().that().resideInAPackage("io.atomcover.ilpselect..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.atomcover.cli..", "io.atomcover.opencl..", "picocli..", "org.knowm.xchart..",
                        "me.tongfei.progressbar..", "org.jocl..")
                .check(classes);
    }

    @Test
    void theOpenClBackendIsReachedOnlyThroughTheBackendSpi() {
        noClasses().that().resideInAnyPackage("io.atomcover.cli..", "io.atomcover.ilpselect..")
                .should().dependOnClassesThat().resideInAPackage("io.atomcover.opencl..")
                .check(classes);
    }

    /** The engine's packages: everything but the other modules'. */
    private static final String[] ENGINE = {
            "io.atomcover.structure..", "io.atomcover.io..", "io.atomcover.descriptor..", "io.atomcover.backend..",
            "io.atomcover.metrics..", "io.atomcover.select..", "io.atomcover.util..", "io.atomcover.api.."};
}
