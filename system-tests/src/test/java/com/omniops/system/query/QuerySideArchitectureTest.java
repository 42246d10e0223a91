package com.omniops.system.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The query side and its projections share only the event contract with the command side. */
class QuerySideArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .importPackages("com.omniops.query", "com.omniops.projections");

    @Test
    void querySideAndProjectionsNeverUseTheCommandSide() {
        noClasses().that().resideInAnyPackage("com.omniops.query..", "com.omniops.projections..")
                .should().dependOnClassesThat().resideInAPackage("com.omniops.command..")
                .check(classes);
    }

    @Test
    void projectionsKnowNothingOfTheWebLayer() {
        noClasses().that().resideInAPackage("com.omniops.projections..")
                .should().dependOnClassesThat().resideInAnyPackage("com.omniops.query..", "org.springframework.web..")
                .check(classes);
    }
}
