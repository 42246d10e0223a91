package com.omniops.system.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

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

    /**
     * Time comes from the injected {@code Clock}: the demo drives it through simulated months and tests pin it. Only
     * the one clock definition both apps use (app-support) and the few places that need real seconds whatever the
     * simulation says (the demo clock itself, the authentication cache) read the system clock; the benchmark and the
     * CLI are outside the apps.
     */
    @Test
    void onlyTheClockDefinitionsReadTheSystemClock() {
        noClasses().that().resideInAnyPackage("com.omniops.command..", "com.omniops.query..",
                        "com.omniops.projections..", "com.omniops.support..", "com.omniops.events..",
                        "com.omniops.planning..")
                .and().doNotHaveFullyQualifiedName("com.omniops.support.time.TimeConfiguration")
                .and().doNotHaveFullyQualifiedName("com.omniops.command.demo.DemoClock")
                .and().doNotHaveFullyQualifiedName("com.omniops.support.security.CachingAuthenticationProvider")
                .should().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(classes);
    }

    @Test
    void thePlanningMathsDependOnTheJdkOnly() {
        classes().that().resideInAPackage("com.omniops.planning..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.omniops.planning..")
                .check(classes);
    }
}
