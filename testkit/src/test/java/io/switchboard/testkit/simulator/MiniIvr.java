package io.switchboard.testkit.simulator;

import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.CallRedirected;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.call.RecordingCompleted;
import io.switchboard.domain.call.TransferAnswered;
import io.switchboard.domain.call.TransferCompleted;
import io.switchboard.domain.conference.ConferenceFlow;
import io.switchboard.domain.conference.ConferenceMemberJoined;
import io.switchboard.domain.conference.ConferenceState;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import java.util.concurrent.CompletableFuture;

/**
 * A small IVR whose callbacks use relative URLs, as many real applications do: 1 transfers (with
 * transferComplete), 2 records with transcription, 3 joins a conference, 4 redirects to the menu, 5 answers
 * later (Reply.later), anything else says goodbye.
 */
public final class MiniIvr implements CallFlow {
    public static final String AGENT = "+15555550100";

    public static final ConferenceFlow ROOM = new ConferenceFlow() {
        @Override
        public Reply onMemberJoin(ConferenceMemberJoined event, ConferenceState conference) {
            return Response.builder()
                    .speakSentence("Members: " + conference.members().size())
                    .build();
        }
    };

    @Override
    public Reply onInitiate(CallInitiated event, CallState call) {
        return menu("Welcome.");
    }

    @Override
    public Reply onRedirect(CallRedirected event, CallState call) {
        return menu("Again.");
    }

    @Override
    public Reply onGather(GatherCompleted event, CallState call) {
        return switch (event.digits()) {
            case "1" ->
                Response.builder()
                        .speakSentence("Transferring.")
                        .transfer(transfer -> transfer.transferCompleteUrl("transfer/complete")
                                .phoneNumber(
                                        AGENT,
                                        agent -> agent.transferAnswerUrl("transfer/answer")
                                                .transferDisconnectUrl("transfer/disconnect")))
                        .build();
            case "2" ->
                Response.builder()
                        .speakSentence("Leave a message.")
                        .record(record -> record.recordCompleteUrl("recorded")
                                .recordingAvailableUrl("available")
                                .transcribeTo("transcribed"))
                        .build();
            case "3" ->
                Response.builder()
                        .conference("room", conference -> conference.conferenceEventUrl("/voice/conference"))
                        .build();
            case "4" -> Response.builder().redirect(r -> r.redirectUrl("menu")).build();
            case "5" ->
                Reply.later(CompletableFuture.supplyAsync(() -> Response.builder()
                        .speakSentence("Looked it up.")
                        .hangup()
                        .build()));
            default -> Response.builder().speakSentence("Goodbye.").hangup().build();
        };
    }

    @Override
    public Reply onTransferAnswer(TransferAnswered event, CallState call) {
        return Response.builder().speakSentence("A caller for you.").build();
    }

    @Override
    public Reply onTransferComplete(TransferCompleted event, CallState call) {
        return Response.builder().speakSentence("The transfer ended.").hangup().build();
    }

    @Override
    public Reply onRecordingComplete(RecordingCompleted event, CallState call) {
        return Response.builder().speakSentence("Thanks.").hangup().build();
    }

    private static Response menu(String preface) {
        return Response.builder()
                .gather(gather -> gather.gatherUrl("gather")
                        .maxDigits(1)
                        .terminatingDigits("#")
                        .speakSentence(preface + " Press a key."))
                .build();
    }
}
