package io.switchboard.domain.conference;

import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.common.ReplyContext;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.time.Instant;

/** A webhook about one conference. Each kind knows which {@link ConferenceFlow} method answers it. */
public sealed interface ConferenceEvent extends VoiceEvent
        permits ConferenceCreated,
                ConferenceMemberJoined,
                ConferenceMemberExited,
                ConferenceCompleted,
                ConferenceRedirected,
                ConferenceRecordingAvailable,
                UnrecognizedConferenceEvent {

    ConferenceDetails conference();

    default ConferenceId conferenceId() {
        return conference().conferenceId();
    }

    @Override
    default String entityId() {
        return conferenceId().value();
    }

    @Override
    default String entityIdName() {
        return "conferenceId";
    }

    @Override
    default Instant eventTime() {
        return conference().eventTime();
    }

    /** Only conference verbs apply. */
    @Override
    default ReplyContext replyContext() {
        return ReplyContext.CONFERENCE;
    }

    /** Asks {@code flow} what to reply, given the conference's state after the event was applied. */
    Reply offerTo(ConferenceFlow flow, ConferenceState state, FlowContext context);
}
