package io.atomcover.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * The house rules as they apply to this module: it is an adapter of the engine alone, and it starts
 * no threads of its own (the CPU backend's util.Parallel pool is the one pool; Spark's executors are
 * Spark's).
 */
class SparkHouseRulesTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.atomcover.spark");

    @Test
    void dependsOnTheEngineOnly() {
        if (!classes.contain(SparkKdeBackend.class.getName())) throw new AssertionError("nothing imported");
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.atomcover.cli..", "io.atomcover.ilpselect..", "io.atomcover.opencl..", "io.atomcover.jmh..")
                .check(classes);
    }

    @Test
    void startsNoThreadsOfItsOwn() {
        noClasses().should().dependOnClassesThat().belongToAnyOf(Executors.class, ExecutorService.class,
                        ForkJoinPool.class, CompletableFuture.class)
                .orShould().callConstructorWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                        JavaClass.Predicates.assignableTo(Thread.class))))
                .check(classes);
    }
}
