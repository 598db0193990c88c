package io.praas.manager;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Keeps the manager packaged by feature, with dependencies that point one way. */
class ArchitectureTest {

    private static final JavaClasses MANAGER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.praas.manager");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("io.praas.manager.(*)..").should().beFreeOfCycles().check(MANAGER);
    }

    @Test
    void storageClientKnowsNothingOfProcessesOrApps() {
        noClasses().that().resideInAPackage("..manager.store..")
                .should().dependOnClassesThat().resideInAnyPackage("..manager.process..", "..manager.app..")
                .check(MANAGER);
    }

    @Test
    void stateEncodingKnowsNothingOfProcessesOrTheWeb() {
        noClasses().that().resideInAPackage("..manager.state..")
                .should().dependOnClassesThat().resideInAnyPackage("..manager.process..", "org.springframework.web..")
                .check(MANAGER);
    }
}
