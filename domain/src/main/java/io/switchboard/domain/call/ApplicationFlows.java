package io.switchboard.domain.call;

import java.util.Map;
import java.util.Objects;

/**
 * The call flows of a service serving several Bandwidth applications: each call's events go to the flow of the
 * application they name ({@link CallState#applicationId}), and those of any other application, or of none, to the
 * default flow. Routing happens where the entity picks the flow for an event, so no flow wraps another.
 *
 * @param byApplication the flow of each application id the service knows
 * @param defaultFlow   the flow of every other call
 */
public record ApplicationFlows(Map<String, CallFlow> byApplication, CallFlow defaultFlow) {

    public ApplicationFlows {
        byApplication = Map.copyOf(byApplication);
        Objects.requireNonNull(defaultFlow, "defaultFlow");
    }

    /** One flow for every call, whatever its application. */
    public static ApplicationFlows only(CallFlow flow) {
        return new ApplicationFlows(Map.of(), flow);
    }

    /** Whether {@code applicationId} has a flow of its own. */
    public boolean serves(String applicationId) {
        return applicationId != null && byApplication.containsKey(applicationId);
    }

    /** The flow of {@code applicationId}: its own, else the default. */
    public CallFlow flowFor(String applicationId) {
        return serves(applicationId) ? byApplication.get(applicationId) : defaultFlow;
    }
}
