package com.omniops.system.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The two apps share only the event store: neither may import the other's code. */
class ModuleBoundariesTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.omniops");

    @Test
    void commandSideDoesNotUseTheQuerySideOrTheProjections() {
        noClasses().that().resideInAPackage("com.omniops.command..")
                .should().dependOnClassesThat().resideInAnyPackage("com.omniops.query..", "com.omniops.projections..")
                .check(classes);
    }

    @Test
    void querySideAndProjectionsDoNotUseTheCommandSide() {
        noClasses().that().resideInAnyPackage("com.omniops.query..", "com.omniops.projections..")
                .should().dependOnClassesThat().resideInAPackage("com.omniops.command..")
                .check(classes);
    }

    @Test
    void theEventContractDependsOnNeitherSpringNorTheApps() {
        noClasses().that().resideInAPackage("com.omniops.events..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "org.jooq..", "com.omniops.command..", "com.omniops.query..", "com.omniops.projections..")
                .check(classes);
    }

    @Test
    void thePlanningMathsDependOnTheJdkOnly() {
        classes().that().resideInAPackage("com.omniops.planning..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.omniops.planning..")
                .check(classes);
    }
}
