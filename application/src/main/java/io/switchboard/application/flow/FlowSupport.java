package io.switchboard.application.flow;

import akka.actor.typed.ActorSystem;
import io.switchboard.application.serialization.JacksonFlowDataCodec;
import io.switchboard.domain.control.CallControl;
import io.switchboard.domain.flow.FlowServices;

/** What the service's entities give their flows: call control, flow data as JSON, bounded side work. */
public final class FlowSupport {

    private FlowSupport() {}

    /** For {@code system}'s entities, as its configuration bounds them ({@code switchboard.flow-data}, ...). */
    public static FlowServices services(ActorSystem<?> system, CallControl callControl) {
        return new FlowServices(
                callControl,
                new JacksonFlowDataCodec(),
                Math.toIntExact(system.settings().config().getBytes("switchboard.flow-data.max-bytes")),
                BoundedSideWork.get(system));
    }
}
