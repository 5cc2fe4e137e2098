package io.switchboard.bootstrap;

import com.typesafe.config.Config;
import io.switchboard.bootstrap.demo.DemoConferenceFlow;
import io.switchboard.bootstrap.demo.DemoIvrFlow;
import io.switchboard.bootstrap.demo.DemoSettings;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.conference.ConferenceFlow;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the flows {@code serve} runs: the classes named in {@code switchboard.flow}, else the one {@link CallFlow}
 * the classpath lists for {@link ServiceLoader}, else the demo. Every refusal is a {@link FlowNotLoaded} whose
 * message says, in one line, what is wrong and how to fix it.
 */
final class FlowLoader {
    static final String CLASS = "switchboard.flow.class";
    static final String CONFERENCE_CLASS = "switchboard.flow.conference-class";
    static final String SETTINGS = "switchboard.flow.settings";

    /** The flows of a service. */
    record Flows(CallFlow callFlow, ConferenceFlow conferenceFlow) {}

    /** A flow that cannot be loaded, with the reason as one line an operator can act on. */
    static final class FlowNotLoaded extends IllegalArgumentException {
        FlowNotLoaded(String message) {
            super(message);
        }
    }

    private final Config config;
    private final ClassLoader classLoader;

    FlowLoader(Config config, ClassLoader classLoader) {
        this.config = config;
        this.classLoader = classLoader;
    }

    Flows load() {
        String callClass = config.getString(CLASS).strip();
        String conferenceClass = config.getString(CONFERENCE_CLASS).strip();
        CallFlow callFlow =
                callClass.isEmpty() ? listedOrDemo() : instantiate(callClass, CallFlow.class, "SWITCHBOARD_FLOW");
        ConferenceFlow conferenceFlow;
        if (!conferenceClass.isEmpty()) {
            conferenceFlow = instantiate(conferenceClass, ConferenceFlow.class, "SWITCHBOARD_CONFERENCE_FLOW");
        } else if (callFlow instanceof ConferenceFlow both) {
            conferenceFlow = both;
        } else if (callFlow instanceof DemoIvrFlow) {
            conferenceFlow = new DemoConferenceFlow();
        } else {
            conferenceFlow = new ConferenceFlow() {};
        }
        return new Flows(callFlow, conferenceFlow);
    }

    private CallFlow listedOrDemo() {
        List<ServiceLoader.Provider<CallFlow>> listed =
                ServiceLoader.load(CallFlow.class, classLoader).stream().toList();
        if (listed.size() > 1) {
            throw new FlowNotLoaded("the classpath lists " + listed.size() + " call flows ("
                    + String.join(
                            ", ", listed.stream().map(p -> p.type().getName()).toList())
                    + "); choose one with --flow or SWITCHBOARD_FLOW");
        }
        if (listed.isEmpty()) {
            return new DemoIvrFlow(DemoSettings.from(config));
        }
        try {
            return listed.get(0).get();
        } catch (ServiceConfigurationError failed) {
            throw new FlowNotLoaded("the call flow listed in META-INF/services could not be created: "
                    + oneLine(failed.getCause() == null ? failed : failed.getCause()));
        }
    }

    private <T> T instantiate(String className, Class<T> type, String variable) {
        Class<?> found;
        try {
            found = Class.forName(className, false, classLoader);
        } catch (ClassNotFoundException | LinkageError missing) {
            throw new FlowNotLoaded(variable + ": no class " + className
                    + " on the classpath; add its jar (java -cp switchboard.jar:your-flows.jar"
                    + " io.switchboard.bootstrap.Main serve) or fix the name");
        }
        if (!type.isAssignableFrom(found)) {
            throw new FlowNotLoaded(
                    variable + ": " + className + " is not a " + type.getName() + "; implement that interface");
        }
        try {
            return type.cast(construct(found));
        } catch (InvocationTargetException failed) {
            throw new FlowNotLoaded(
                    variable + ": the constructor of " + className + " failed: " + oneLine(failed.getCause()));
        } catch (ReflectiveOperationException unusable) {
            throw new FlowNotLoaded(variable + ": " + className + " needs a public constructor taking nothing or a"
                    + " com.typesafe.config.Config (the settings under " + SETTINGS + ")");
        }
    }

    /** With the flow's own settings if it takes them, else with nothing. */
    private Object construct(Class<?> found) throws ReflectiveOperationException {
        try {
            Constructor<?> withSettings = found.getConstructor(Config.class);
            return withSettings.newInstance(config.getConfig(SETTINGS));
        } catch (NoSuchMethodException noSettings) {
            return found.getConstructor().newInstance();
        }
    }

    private static String oneLine(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName()
                + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
