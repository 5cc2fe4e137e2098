package io.switchboard.testkit.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.TranscriptionAvailable;
import io.switchboard.domain.call.TransferCompleted;
import io.switchboard.domain.conference.ConferenceFlow;
import io.switchboard.domain.conference.ConferenceMemberJoined;
import io.switchboard.domain.conference.ConferenceState;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamedCallbacksTest {
    private static final Response NAMING_CALLBACKS = Response.builder()
            .startRecording(recording -> recording
                    .recordingAvailableUrl("/voice/recordingAvailable")
                    .transcribeTo("/voice/transcriptionAvailable"))
            .transfer(transfer -> transfer.transferCompleteUrl("/voice/transferComplete")
                    .phoneNumber("+15555550100", number -> number.transferDisconnectUrl("/voice/transferDisconnect")))
            .build();

    @Test
    void aCallbackIsServedByEitherFormOfItsHandlerAndUnservedOtherwise() {
        CallFlow servingSome = new CallFlow() {
            @Override
            public Reply onTransferComplete(TransferCompleted event, CallState call, FlowContext context) {
                return Response.empty();
            }

            @Override
            public void onTranscriptionAvailable(TranscriptionAvailable event, CallState call) {}
        };

        List<String> unserved = new NamedCallbacks(servingSome, new ConferenceFlow() {}).unserved(NAMING_CALLBACKS);

        assertEquals(
                List.of(
                        "<StartRecording> names recordingAvailableUrl, but the flow keeps the default "
                                + "onRecordingAvailable: the event it asks for is dropped",
                        "<Transfer> names transferDisconnectUrl, but the flow keeps the default "
                                + "onTransferDisconnect: the event it asks for is dropped"),
                unserved);
    }

    @Test
    void callbacksLeftOutAreNotNamedAndAConferenceEventUrlNeedsAConferenceFlow() {
        Response leftOut = Response.builder()
                .gather(gather -> gather.maxDigits(1))
                .conference("sales", conference -> conference.conferenceEventUrl("/voice/conference"))
                .build();
        ConferenceFlow greeting = new ConferenceFlow() {
            @Override
            public Reply onMemberJoin(ConferenceMemberJoined event, ConferenceState conference) {
                return Response.empty();
            }
        };

        assertEquals(
                List.of("<Conference> names conferenceEventUrl, but the conference flow handles no event: the event it "
                        + "asks for is dropped"),
                new NamedCallbacks(new CallFlow() {}, new ConferenceFlow() {}).unserved(leftOut));
        assertEquals(List.of(), new NamedCallbacks(new CallFlow() {}, greeting).unserved(leftOut));
    }
}
