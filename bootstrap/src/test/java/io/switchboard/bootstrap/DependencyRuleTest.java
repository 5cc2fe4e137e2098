package io.switchboard.bootstrap;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows of docs/architecture.md: bootstrap → adapters → testkit → application → domain, and a domain that
 * knows only Akka typed. The test kit sits outside the use case: adapters and bootstrap may run it, the
 * application and the domain never see it.
 */
class DependencyRuleTest {
    private static JavaClasses switchboard;

    @BeforeAll
    static void importClasses() {
        switchboard = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // Test jars of other modules (shared fixtures) are tests too.
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.switchboard");
    }

    @Test
    void layersOnlyPointInward() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Domain")
                .definedBy("io.switchboard.domain..")
                .layer("Application")
                .definedBy("io.switchboard.application..")
                .layer("TestKit")
                .definedBy("io.switchboard.testkit..")
                .layer("BxmlAdapter")
                .definedBy("io.switchboard.adapters.bxml..")
                .layer("HttpAdapter")
                .definedBy("io.switchboard.adapters.http..")
                .layer("BandwidthAdapter")
                .definedBy("io.switchboard.adapters.bandwidth..")
                .layer("Bootstrap")
                .definedBy("io.switchboard.bootstrap..")
                .whereLayer("Bootstrap")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("HttpAdapter")
                .mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("BandwidthAdapter")
                .mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("TestKit")
                .mayOnlyBeAccessedByLayers("HttpAdapter", "Bootstrap")
                .whereLayer("BxmlAdapter")
                .mayOnlyBeAccessedByLayers("TestKit", "HttpAdapter", "BandwidthAdapter", "Bootstrap")
                .whereLayer("Application")
                .mayOnlyBeAccessedByLayers("TestKit", "HttpAdapter", "Bootstrap")
                .whereLayer("Domain")
                .mayOnlyBeAccessedByLayers(
                        "Application", "TestKit", "BxmlAdapter", "HttpAdapter", "BandwidthAdapter", "Bootstrap")
                .check(switchboard);
    }

    @Test
    void domainDependsOnNothingButTheJdkAndAkkaTyped() {
        // akka.japi.function and org.slf4j come with akka-actor-typed's own API (its builders and getLog()).
        classes()
                .that()
                .resideInAPackage("io.switchboard.domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "io.switchboard.domain..",
                        "java..",
                        "akka.actor.typed..",
                        "akka.japi.function..",
                        "org.slf4j..")
                .check(switchboard);
    }

    @Test
    void applicationSeesNoHttpXmlOrJsonOutsideItsSerializationBindings() {
        noClasses()
                .that()
                .resideInAPackage("io.switchboard.application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("akka.http..", "javax.xml..", "org.w3c..")
                .check(switchboard);
        noClasses()
                .that()
                .resideInAPackage("io.switchboard.application..")
                .and()
                .resideOutsideOfPackage("io.switchboard.application.serialization..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.fasterxml.jackson..")
                .check(switchboard);
    }

    @Test
    void testKitPlaysBandwidthWithoutHttpOrJson() {
        // The engine sees events and verbs only; putting them on the wire is a transport's job (adapters-http).
        noClasses()
                .that()
                .resideInAPackage("io.switchboard.testkit..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("akka.http..", "com.fasterxml.jackson..")
                .check(switchboard);
    }

    @Test
    void bxmlAdapterKnowsOnlyTheVerbModelAndTheJdk() {
        classes()
                .that()
                .resideInAPackage("io.switchboard.adapters.bxml..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "io.switchboard.adapters.bxml..",
                        "io.switchboard.domain.verb..",
                        "io.switchboard.domain.common..",
                        "java..",
                        "javax.xml..")
                .check(switchboard);
    }

    @Test
    void bandwidthAdapterSeesNeitherTheApplicationNorAkka() {
        noClasses()
                .that()
                .resideInAPackage("io.switchboard.adapters.bandwidth..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.switchboard.application..", "akka..", "io.switchboard.domain.entity..")
                .check(switchboard);
    }

    @Test
    void adaptersNeverReachIntoEntities() {
        noClasses()
                .that()
                .resideInAPackage("io.switchboard.adapters..")
                .should()
                .dependOnClassesThat(resideInAPackage("io.switchboard.domain..").and(simpleNameEndingWith("Entity")))
                .check(switchboard);
    }
}
