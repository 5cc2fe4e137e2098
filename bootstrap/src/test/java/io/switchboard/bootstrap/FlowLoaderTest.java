package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.switchboard.bootstrap.demo.DemoConferenceFlow;
import io.switchboard.bootstrap.demo.DemoIvrFlow;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.conference.ConferenceFlow;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FlowLoaderTest {
    /** A flow with settings of its own. */
    public static final class GreetingFlow implements CallFlow {
        final String greeting;

        public GreetingFlow(Config settings) {
            this.greeting = settings.getString("greeting");
        }
    }

    /** A flow for calls and conferences alike. */
    public static final class RoomFlow implements CallFlow, ConferenceFlow {}

    public static final class BrokenFlow implements CallFlow {
        public BrokenFlow() {
            throw new IllegalStateException("no CRM url configured");
        }
    }

    public static final class NotAFlow {}

    public static final class PrivateFlow implements CallFlow {
        private PrivateFlow() {}
    }

    private static final ClassLoader TESTS = FlowLoaderTest.class.getClassLoader();

    private static Config config(String flowConfig) {
        return ConfigFactory.parseString(flowConfig)
                .withFallback(ConfigFactory.load())
                .resolve();
    }

    private static FlowLoader.Flows load(String flowConfig) {
        return new FlowLoader(config(flowConfig), TESTS).load();
    }

    private static String refusal(String flowConfig) {
        return assertThrows(FlowLoader.FlowNotLoaded.class, () -> load(flowConfig))
                .getMessage();
    }

    @Test
    void nothingChosenServesTheDemo() {
        FlowLoader.Flows flows = load("");

        assertInstanceOf(DemoIvrFlow.class, flows.callFlow());
        assertInstanceOf(DemoConferenceFlow.class, flows.conferenceFlow());
    }

    @Test
    void aNamedFlowGetsItsOwnSettings() {
        FlowLoader.Flows flows = load("""
                switchboard.flow.class = "%s"
                switchboard.flow.settings.greeting = "Hello from Acme"
                """.formatted(GreetingFlow.class.getName()));

        assertEquals("Hello from Acme", ((GreetingFlow) flows.callFlow()).greeting);
        assertTrue(flows.conferenceFlow().getClass().isAnonymousClass(), "the default conference flow");
    }

    @Test
    void aFlowThatIsBothServesConferencesToo() {
        FlowLoader.Flows flows = load("switchboard.flow.class = \"%s\"".formatted(RoomFlow.class.getName()));

        assertSame(flows.callFlow(), flows.conferenceFlow());
    }

    @Test
    void eachRefusalSaysWhatIsWrongInOneLine() {
        String missing = refusal("switchboard.flow.class = com.acme.NoSuchFlow");
        String wrongType = refusal("switchboard.flow.class = \"%s\"".formatted(NotAFlow.class.getName()));
        String failing = refusal("switchboard.flow.class = \"%s\"".formatted(BrokenFlow.class.getName()));
        String noConstructor = refusal("switchboard.flow.class = \"%s\"".formatted(PrivateFlow.class.getName()));
        String wrongConference =
                refusal("switchboard.flow.conference-class = \"%s\"".formatted(GreetingFlow.class.getName()));

        assertEquals(
                "SWITCHBOARD_FLOW: no class com.acme.NoSuchFlow on the classpath; add its jar (java -cp"
                        + " switchboard.jar:your-flows.jar io.switchboard.bootstrap.Main serve) or fix the name",
                missing);
        assertTrue(wrongType.contains("is not a io.switchboard.domain.call.CallFlow"), wrongType);
        assertTrue(failing.endsWith("failed: IllegalStateException: no CRM url configured"), failing);
        assertTrue(noConstructor.contains("needs a public constructor"), noConstructor);
        assertTrue(wrongConference.startsWith("SWITCHBOARD_CONFERENCE_FLOW: "), wrongConference);
        for (String message : new String[] {missing, wrongType, failing, noConstructor, wrongConference}) {
            assertEquals(1, message.lines().count(), message);
        }
    }

    @Test
    void eachApplicationGetsItsFlowWithItsOwnSettingsBesideTheDefault() {
        FlowLoader.Flows flows = load("""
                switchboard.applications {
                  "app-sales" { class = "%s", settings.greeting = "Sales here" }
                  "app-rooms" { class = "%s" }
                }
                """.formatted(GreetingFlow.class.getName(), RoomFlow.class.getName()));

        assertEquals("Sales here", ((GreetingFlow) flows.callFlows().flowFor("app-sales")).greeting);
        assertInstanceOf(RoomFlow.class, flows.callFlows().flowFor("app-rooms"));
        assertInstanceOf(DemoIvrFlow.class, flows.callFlows().flowFor("app-unknown"));
        assertInstanceOf(DemoConferenceFlow.class, flows.conferenceFlow(), "conferences name no application");
    }

    @Test
    void listedApplicationsBecomeTheirConfiguration() {
        Config listed = FlowLoader.applicationClasses(
                "SWITCHBOARD_APPLICATIONS", List.of("app-a=com.acme.SalesFlow", " app-b = com.acme.SupportFlow "));

        assertEquals("com.acme.SalesFlow", listed.getString("switchboard.applications.app-a.class"));
        assertEquals("com.acme.SupportFlow", listed.getString("switchboard.applications.app-b.class"));
    }

    @Test
    void serveTakesEachApplicationsFlowOnTheCommandLine() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve)
                .parseArgs("--application", "app-a=com.acme.SalesFlow", "--application", "app-b=com.acme.SupportFlow");

        Config chosen = serve.withOptions(config(""));

        assertEquals("com.acme.SalesFlow", chosen.getString("switchboard.applications.app-a.class"));
        assertEquals("com.acme.SupportFlow", chosen.getString("switchboard.applications.app-b.class"));
    }

    @Test
    void eachApplicationRefusalSaysWhatIsWrongInOneLine() {
        String duplicate = assertThrows(
                        FlowLoader.FlowNotLoaded.class,
                        () -> FlowLoader.applicationClasses("--application", List.of("app-a=A", "app-a=B")))
                .getMessage();
        String malformed = assertThrows(
                        FlowLoader.FlowNotLoaded.class,
                        () -> FlowLoader.applicationClasses("SWITCHBOARD_APPLICATIONS", List.of("com.acme.SalesFlow")))
                .getMessage();
        String missing = refusal("switchboard.applications.app-a.class = com.acme.NoSuchFlow");
        String noClass = refusal("switchboard.applications.app-a.settings.greeting = hello");

        assertEquals("--application names application app-a twice; give each application one flow", duplicate);
        assertTrue(
                malformed.contains("<applicationId>=<class>") && malformed.endsWith("got 'com.acme.SalesFlow'"),
                malformed);
        assertTrue(
                missing.startsWith("SWITCHBOARD_APPLICATIONS, application app-a: no class com.acme.NoSuchFlow"),
                missing);
        assertTrue(noClass.contains("application app-a: no flow class"), noClass);
        for (String message : new String[] {duplicate, malformed, missing, noClass}) {
            assertEquals(1, message.lines().count(), message);
        }
    }

    @Test
    void aFlowListedForTheServiceLoaderIsFoundWithoutConfiguration(@TempDir Path jar) throws IOException {
        try (URLClassLoader withListing = listing(jar, RoomFlow.class)) {
            FlowLoader.Flows flows = new FlowLoader(config(""), withListing).load();

            assertInstanceOf(RoomFlow.class, flows.callFlow());
        }
    }

    @Test
    void twoListedFlowsAskForAChoice(@TempDir Path jar) throws IOException {
        try (URLClassLoader withListing = listing(jar, RoomFlow.class, FlowLoaderTest.ListedFlow.class)) {
            String message = assertThrows(
                            FlowLoader.FlowNotLoaded.class, () -> new FlowLoader(config(""), withListing).load())
                    .getMessage();

            assertTrue(
                    message.contains("lists 2 call flows") && message.endsWith("--flow or SWITCHBOARD_FLOW"), message);
        }
    }

    public static final class ListedFlow implements CallFlow {}

    /** A class path entry that lists {@code flows} in META-INF/services, over the test classes. */
    private static URLClassLoader listing(Path root, Class<?>... flows) throws IOException {
        Path services = Files.createDirectories(root.resolve("META-INF/services"));
        StringBuilder lines = new StringBuilder();
        for (Class<?> flow : flows) {
            lines.append(flow.getName()).append('\n');
        }
        Files.writeString(services.resolve(CallFlow.class.getName()), lines);
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, TESTS);
    }
}
