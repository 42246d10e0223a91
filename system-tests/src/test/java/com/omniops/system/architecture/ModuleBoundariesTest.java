package com.omniops.system.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
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

/**
 * The two apps share the event store and the database, not code: neither imports the other's, with one exception, the
 * margin erosion check, which reads the books' margins (docs/architecture.md ADR-34) through the ledger's report API
 * and nothing else of the projections.
 */
class ModuleBoundariesTest {

    /** The command side's readers of the books: the margin erosion check, its rule and the configuration. */
    private static final String BOOKS_READERS =
            "com\\.omniops\\.command\\.(alert\\.MarginErosion(Check|Rule)|config\\.BooksConfiguration)(\\$.*)?";
    /** What they may use: the reports, the margin they return, the chart and its settings. */
    private static final String BOOKS_REPORT_API =
            "com\\.omniops\\.projections\\.ledger\\.(LedgerReports|Margin|ChartOfAccounts|LedgerSettings)(\\$.*)?";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.omniops");

    @Test
    void commandSideDoesNotUseTheQuerySideOrTheProjections() {
        noClasses().that().resideInAPackage("com.omniops.command..")
                .should().dependOnClassesThat().resideInAPackage("com.omniops.query..")
                .check(classes);
        noClasses().that().resideInAPackage("com.omniops.command..").and().haveNameNotMatching(BOOKS_READERS)
                .should().dependOnClassesThat().resideInAPackage("com.omniops.projections..")
                .check(classes);
    }

    @Test
    void theMarginErosionCheckReadsTheBooksThroughTheirReportsOnly() {
        noClasses().that().haveNameMatching(BOOKS_READERS)
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("com.omniops.projections..")
                        .and(DescribedPredicate.not(HasName.Predicates.nameMatching(BOOKS_REPORT_API))))
                .check(classes);
        // and the exception is used: the rule above would pass vacuously if the classes were renamed
        classes().that().haveNameMatching(BOOKS_READERS).and().areTopLevelClasses().should().dependOnClassesThat()
                .haveNameMatching(BOOKS_REPORT_API).check(classes);
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
