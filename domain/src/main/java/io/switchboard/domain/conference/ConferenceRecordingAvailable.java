package io.switchboard.domain.conference;

import io.switchboard.domain.call.Recording;
import io.switchboard.domain.common.ReplyExpectation;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import java.util.Objects;

/**
 * A recording of the conference ({@code <StartRecording>} in a conference) is ready, or failed. Bandwidth ignores
 * the reply; it may come after the conference completed.
 *
 * @param accountId the account, which this event carries unlike the other conference events; kept as sent
 */
public record ConferenceRecordingAvailable(ConferenceDetails conference, String accountId, Recording recording)
        implements ConferenceEvent {
    public static final String EVENT_TYPE = "conferenceRecordingAvailable";

    public ConferenceRecordingAvailable {
        Objects.requireNonNull(conference, "conference");
        Objects.requireNonNull(recording, "recording");
    }

    @Override
    public String eventType() {
        return EVENT_TYPE;
    }

    @Override
    public ReplyExpectation replyExpectation() {
        return ReplyExpectation.IGNORED;
    }

    @Override
    public Reply offerTo(ConferenceFlow flow, ConferenceState state, FlowContext context) {
        flow.onRecordingAvailable(this, state, context);
        return Reply.none();
    }
}
