package org.prunekit.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package layers of prunekit: each package depends only on those below it, and no two packages form a
 * cycle. Bottom-up: data, eval, spi, prune (shared helpers), the prune modules, bundle, onnx, config, protocol, report, run,
 * api (the public Java API), cli.
 * A new package must be added here at its place, which makes a new arrow between layers a deliberate change.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.prunekit");
    }

    private static LayeredArchitecture layers() {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("data")
                .definedBy("org.prunekit.data..")
                .layer("eval")
                .definedBy("org.prunekit.eval..")
                .layer("spi")
                .definedBy("org.prunekit.spi..")
                .layer("prune-shared")
                .definedBy("org.prunekit.prune")
                .layer("prune-modules")
                .definedBy("org.prunekit.prune.(*)..")
                .layer("bundle")
                .definedBy("org.prunekit.bundle..")
                .layer("onnx")
                .definedBy("org.prunekit.onnx..")
                .layer("config")
                .definedBy("org.prunekit.config..")
                .layer("protocol")
                .definedBy("org.prunekit.protocol..")
                .layer("report")
                .definedBy("org.prunekit.report..")
                .layer("run")
                .definedBy("org.prunekit.run..")
                .layer("api")
                .definedBy("org.prunekit.api..")
                .layer("cli")
                .definedBy("org.prunekit.cli..")
                .whereLayer("cli")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("api")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("run")
                .mayOnlyBeAccessedByLayers("api", "cli")
                .whereLayer("report")
                .mayOnlyBeAccessedByLayers("run", "api", "cli")
                .whereLayer("protocol")
                .mayOnlyBeAccessedByLayers("report", "run", "api", "cli")
                .whereLayer("config")
                .mayOnlyBeAccessedByLayers("protocol", "report", "run", "api", "cli")
                .whereLayer("bundle")
                .mayOnlyBeAccessedByLayers("onnx", "config", "protocol", "report", "run", "api", "cli")
                .whereLayer("onnx")
                .mayOnlyBeAccessedByLayers("config", "protocol", "report", "run", "api", "cli")
                .whereLayer("prune-modules")
                .mayOnlyBeAccessedByLayers("bundle", "onnx", "config", "protocol", "report", "run", "api", "cli")
                .whereLayer("prune-shared")
                .mayOnlyBeAccessedByLayers(
                        "prune-modules", "bundle", "onnx", "config", "protocol", "report", "run", "api", "cli")
                .whereLayer("spi")
                .mayOnlyBeAccessedByLayers(
                        "prune-shared",
                        "prune-modules",
                        "bundle",
                        "onnx",
                        "config",
                        "protocol",
                        "report",
                        "run",
                        "api",
                        "cli")
                .whereLayer("eval")
                .mayOnlyBeAccessedByLayers(
                        "spi",
                        "prune-shared",
                        "prune-modules",
                        "bundle",
                        "onnx",
                        "config",
                        "protocol",
                        "report",
                        "run",
                        "api",
                        "cli");
    }

    @Test
    void packagesDependOnlyOnLayersBelowThem() {
        layers().check(classes);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("org.prunekit.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void pruneModulesDoNotDependOnEachOtherExceptFeatureSelection() {
        // feature selection retrains other modules' families and ranks with the L1 path: it is the one allowed user.
        slices().matching("org.prunekit.prune.(*)..")
                .should()
                .notDependOnEachOther()
                .ignoreDependency(
                        DescribedPredicate.describe("feature selection", (JavaClass c) -> c.getPackageName()
                                .startsWith("org.prunekit.prune.features")),
                        DescribedPredicate.alwaysTrue())
                .check(classes);
    }
}
