package io.atomcover.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.BaseStream;
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
        // The other modules reach Surefire as jars (each module packages before its tests) or as
        // target/classes folders; only io.atomcover classes are imported either way.
        classes = new ClassFileImporter()
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

    /**
     * Spark lives in the spark module alone: the engine and the command line neither compile against
     * Spark (nor its Scala and Hadoop) nor name the module's classes; the command line reaches it as
     * the "spark" backend provider, found through ServiceLoader. (The module's own rules are in its
     * SparkHouseRulesTest: it depends on the engine only, and Spark's executors are its only threads
     * besides util.Parallel.)
     */
    @Test
    void sparkStaysOutOfTheEngineAndTheCommandLine() {
        noClasses().that().resideInAnyPackage(ENGINE).or().resideInAPackage("io.atomcover.cli..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.atomcover.spark..", "org.apache.spark..", "scala..", "org.apache.hadoop..")
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

    /** The chart package draws charts and knows nothing of the commands, their options or their reports. */
    @Test
    void chartsKnowNothingOfTheCommands() {
        noClasses().that().resideInAPackage("io.atomcover.cli.plot..")
                .should().dependOnClassesThat().resideInAnyPackage("io.atomcover.cli", "picocli..", "com.fasterxml.jackson..",
                        "io.atomcover.ilpselect..", "io.atomcover.api..")
                .check(classes);
    }

    @Test
    void theOpenClBackendIsReachedOnlyThroughTheBackendSpi() {
        noClasses().that().resideInAnyPackage("io.atomcover.cli..", "io.atomcover.ilpselect..")
                .should().dependOnClassesThat().resideInAPackage("io.atomcover.opencl..")
                .check(classes);
    }

    /**
     * Threads for parallel work come from {@code util.Parallel} only. Two classes start threads that
     * are not parallel work, and are named here: the relaunched JVM's shutdown hook, and the readers
     * that drain a child JVM's output.
     */
    @Test
    void utilParallelIsTheOnlyThreadPool() {
        String[] outside = {"io.atomcover.util..", "io.atomcover.jmh.jmh_generated.."};
        String[] io = {"io.atomcover.cli.ChainedRelaunch", "io.atomcover.backend.ChildJvm"};
        noClasses().that().resideOutsideOfPackages(outside).and(notNamed(io))
                .should().dependOnClassesThat().belongToAnyOf(Executors.class, ExecutorService.class,
                        ThreadPoolExecutor.class, ForkJoinPool.class, CompletableFuture.class)
                .orShould().callConstructorWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                        JavaClass.Predicates.assignableTo(Thread.class))))
                .check(classes);
        noClasses().that().resideOutsideOfPackages(outside)
                .should().callMethod(Collection.class, "parallelStream")
                .orShould().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.name("parallel"))
                        .and(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                                JavaClass.Predicates.assignableTo(BaseStream.class)))))
                .check(classes);
    }

    /** Classes other than these (and their nested classes). */
    private static DescribedPredicate<HasName> notNamed(String... names) {
        String pattern = "(" + String.join("|", names).replace(".", "\\.") + ")(\\$.*)?";
        return DescribedPredicate.not(HasName.Predicates.nameMatching(pattern));
    }

    /** The engine's packages: everything but the other modules'. */
    private static final String[] ENGINE = {
            "io.atomcover.structure..", "io.atomcover.io..", "io.atomcover.descriptor..", "io.atomcover.backend..",
            "io.atomcover.metrics..", "io.atomcover.select..", "io.atomcover.util..", "io.atomcover.api..",
            "io.atomcover.neighbours..", "io.atomcover.generate.."};
}
