package org.homeward;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** Conventions of docs/architecture that the compiler and Spring Modulith do not check. */
@AnalyzeClasses(packages = "org.homeward", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** Time comes from the injected Clock, so tests and replays are deterministic; now(clock) is fine. */
    @ArchTest
    static final ArchRule takesTimeOnlyFromTheInjectedClock = noClasses()
            .should().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(Instant.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(LocalTime.class, "now")
            .because("time comes from an injected java.time.Clock (now(clock)), never the system clock directly");

    @ArchTest
    static final ArchRule keepsRepositoriesInsideTheirModule = classes()
            .that().haveSimpleNameEndingWith("Repository")
            .should().notBePublic()
            .because("aggregates and repositories are package-private; other modules use the XxxService");

    /*
     * The scoring package does not exist yet: it arrives with the next issue (NEWS2, PEWS, CFS, 4AT). Until then this
     * rule has nothing to check, so it must allow an empty "should"; once the package exists it guards it from the
     * first class on.
     */
    /*
     * The module's package-info.java is the one exception: it carries the module declaration
     * (@ApplicationModule(allowedDependencies = {})), an annotation the scoring code never sees.
     */
    @ArchTest
    static final ArchRule keepsScoringPureJava = noClasses()
            .that().resideInAPackage("org.homeward.scoring..").and().doNotHaveSimpleName("package-info")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "java.sql..")
            .allowEmptyShould(true)
            .because("clinical scores are pure Java: no Spring, no persistence");

    /** docs/architecture: "the planning model is separate from entities and JSON". */
    @ArchTest
    static final ArchRule keepsTheRoutingModelPureJava = noClasses()
            .that().resideInAPackage("org.homeward.visit.routing..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "java.sql..", "com.fasterxml.jackson..")
            .because("the planning model is pure Java: the visit module maps its records onto it and back");

    @ArchTest
    static final ArchRule keepsControllersInWebPackages = classes()
            .that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
            .should().resideInAPackage("..web..")
            .because("controllers live in web/ sub-packages and see only their module's API");

    @ArchTest
    static final ArchRule avoidsGrabBagClassNames = noClasses()
            .should().haveSimpleNameEndingWith("Impl")
            .orShould().haveSimpleNameEndingWith("Manager")
            .orShould().haveSimpleNameEndingWith("Util")
            .orShould().haveSimpleNameEndingWith("Utils")
            .because("names say what a class is: XxxService, XxxController, no Impl, Manager or Util grab-bags");
}
