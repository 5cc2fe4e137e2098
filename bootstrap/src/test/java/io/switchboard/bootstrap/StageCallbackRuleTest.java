package io.switchboard.bootstrap;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * Every callback the service puts on a {@link CompletionStage} names its executor. Stages from Akka (ask, routes,
 * bindings) wrap Scala futures and run plain callbacks on the JDK's default async executor, which starts a thread
 * per callback on a machine of one or two cores ({@link WebhookThreadsTest} measures it). The test kit (not
 * among these packages) and the simulator's HTTP transport drive the service from outside and are left out.
 */
class StageCallbackRuleTest {
    private static final String CALLBACK_WITHOUT_EXECUTOR =
            "then(Apply|Accept|Run|Compose|Combine|AcceptBoth)|whenComplete|handle|exceptionally(Compose)?"
                    + "|runAfter(Both|Either)|applyToEither|acceptEither";

    @Test
    void serviceCallbacksNameTheirExecutor() {
        JavaClasses service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // Test jars of other modules (shared fixtures) are tests too.
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.switchboard");
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.switchboard.domain..",
                        "io.switchboard.application..",
                        "io.switchboard.adapters..",
                        "io.switchboard.bootstrap..")
                .and()
                .resideOutsideOfPackage("io.switchboard.adapters.http.simulator..")
                .should()
                .callMethodWhere(target(owner(assignableTo(CompletionStage.class)))
                        .and(target(nameMatching(CALLBACK_WITHOUT_EXECUTOR))))
                .because("a stage from Akka runs such a callback on a new thread per call on small machines")
                .check(service);
    }
}
