package io.switchboard.bootstrap;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValueFactory;
import io.switchboard.bootstrap.demo.DemoConferenceFlow;
import io.switchboard.bootstrap.demo.DemoIvrFlow;
import io.switchboard.bootstrap.demo.DemoSettings;
import io.switchboard.domain.call.ApplicationFlows;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.conference.ConferenceFlow;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the flows {@code serve} runs: the classes named in {@code switchboard.flow}, else the one {@link CallFlow}
 * the classpath lists for {@link ServiceLoader}, else the demo; and the call flow of each Bandwidth application
 * named in {@code switchboard.applications}. Every refusal is a {@link FlowNotLoaded} whose message says, in one
 * line, what is wrong and how to fix it.
 */
final class FlowLoader {
    static final String CLASS = "switchboard.flow.class";
    static final String CONFERENCE_CLASS = "switchboard.flow.conference-class";
    static final String SETTINGS = "switchboard.flow.settings";
    static final String APPLICATIONS = "switchboard.applications";
    /** The variable listing application flows as {@code <applicationId>=<class>}, comma-separated. */
    static final String APPLICATIONS_VARIABLE = "SWITCHBOARD_APPLICATIONS";

    /** The flows of a service: a call flow per application and the default one, and the conference flow. */
    record Flows(ApplicationFlows callFlows, ConferenceFlow conferenceFlow) {
        /** The flow of calls whose application has none of its own. */
        CallFlow callFlow() {
            return callFlows.defaultFlow();
        }

        /** The default flow's class, then each application's, for the start's log line. */
        String described() {
            StringBuilder text = new StringBuilder(callFlow().getClass().getName());
            callFlows.byApplication().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(application -> text.append(", application ")
                            .append(application.getKey())
                            .append(": ")
                            .append(application.getValue().getClass().getName()));
            return text.toString();
        }
    }

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
        CallFlow callFlow = callClass.isEmpty()
                ? listedOrDemo()
                : instantiate(callClass, CallFlow.class, "SWITCHBOARD_FLOW", SETTINGS);
        ConferenceFlow conferenceFlow;
        if (!conferenceClass.isEmpty()) {
            conferenceFlow =
                    instantiate(conferenceClass, ConferenceFlow.class, "SWITCHBOARD_CONFERENCE_FLOW", SETTINGS);
        } else if (callFlow instanceof ConferenceFlow both) {
            conferenceFlow = both;
        } else if (callFlow instanceof DemoIvrFlow) {
            conferenceFlow = DemoConferenceFlow.from(config, CallControlConfig.configured(config));
        } else {
            conferenceFlow = new ConferenceFlow() {};
        }
        return new Flows(new ApplicationFlows(applicationFlows(), callFlow), conferenceFlow);
    }

    /**
     * {@code <applicationId>=<class>} entries, as {@code SWITCHBOARD_APPLICATIONS} and {@code serve --application}
     * give them, as {@code switchboard.applications} configuration; refused: an entry without both parts, an
     * application named twice.
     */
    static Config applicationClasses(String source, List<String> entries) {
        Config chosen = ConfigFactory.empty();
        Set<String> named = new HashSet<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            String id = equals < 0 ? "" : entry.substring(0, equals).strip();
            String className = equals < 0 ? "" : entry.substring(equals + 1).strip();
            if (id.isEmpty() || className.isEmpty()) {
                throw new FlowNotLoaded(source + " names each application's flow as <applicationId>=<class>"
                        + " (comma-separated in " + APPLICATIONS_VARIABLE + "), got '" + entry + "'");
            }
            if (!named.add(id)) {
                throw new FlowNotLoaded(source + " names application " + id + " twice; give each application one flow");
            }
            chosen = chosen.withValue(applicationPath(id, "class"), ConfigValueFactory.fromAnyRef(className));
        }
        return chosen;
    }

    /** The flow of each application in {@code switchboard.applications}, with its own settings. */
    private Map<String, CallFlow> applicationFlows() {
        Map<String, CallFlow> flows = new LinkedHashMap<>();
        for (String id : new TreeSet<>(config.getObject(APPLICATIONS).keySet())) {
            String source = APPLICATIONS_VARIABLE + ", application " + id;
            String className = config.hasPath(applicationPath(id, "class"))
                    ? config.getString(applicationPath(id, "class")).strip()
                    : "";
            if (className.isEmpty()) {
                throw new FlowNotLoaded(source + ": no flow class; set " + applicationPath(id, "class")
                        + " or list it as " + id + "=<class>");
            }
            flows.put(id, instantiate(className, CallFlow.class, source, applicationPath(id, "settings")));
        }
        return flows;
    }

    private static String applicationPath(String applicationId, String key) {
        return ConfigUtil.joinPath("switchboard", "applications", applicationId, key);
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

    /** {@code className}, with the settings at {@code settingsPath} if its constructor takes them. */
    private <T> T instantiate(String className, Class<T> type, String variable, String settingsPath) {
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
            return type.cast(construct(found, settingsPath));
        } catch (InvocationTargetException failed) {
            throw new FlowNotLoaded(
                    variable + ": the constructor of " + className + " failed: " + oneLine(failed.getCause()));
        } catch (ReflectiveOperationException unusable) {
            throw new FlowNotLoaded(variable + ": " + className + " needs a public constructor taking nothing or a"
                    + " com.typesafe.config.Config (the settings under " + settingsPath + ")");
        }
    }

    /** With the flow's own settings if it takes them, else with nothing. */
    private Object construct(Class<?> found, String settingsPath) throws ReflectiveOperationException {
        try {
            Constructor<?> withSettings = found.getConstructor(Config.class);
            return withSettings.newInstance(
                    config.hasPath(settingsPath) ? config.getConfig(settingsPath) : ConfigFactory.empty());
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
