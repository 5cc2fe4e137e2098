package io.switchboard.application;

import io.switchboard.domain.call.BridgeCompleted;
import io.switchboard.domain.call.BridgeTargetCompleted;
import io.switchboard.domain.call.CallAnswered;
import io.switchboard.domain.call.CallDetails;
import io.switchboard.domain.call.CallDisconnected;
import io.switchboard.domain.call.CallEnding;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.CallRedirected;
import io.switchboard.domain.call.DtmfReceived;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.call.MachineDetectionCompleted;
import io.switchboard.domain.call.MachineDetectionResult;
import io.switchboard.domain.call.MediaStream;
import io.switchboard.domain.call.MediaStreamChange;
import io.switchboard.domain.call.MediaStreamChanged;
import io.switchboard.domain.call.RealTimeTranscription;
import io.switchboard.domain.call.RealTimeTranscriptionChange;
import io.switchboard.domain.call.RealTimeTranscriptionChanged;
import io.switchboard.domain.call.Recording;
import io.switchboard.domain.call.RecordingAvailable;
import io.switchboard.domain.call.RecordingCompleted;
import io.switchboard.domain.call.RecordingStatus;
import io.switchboard.domain.call.ReferCallStatus;
import io.switchboard.domain.call.ReferCompleted;
import io.switchboard.domain.call.Transcription;
import io.switchboard.domain.call.TranscriptionAvailable;
import io.switchboard.domain.call.TransferAnswered;
import io.switchboard.domain.call.TransferCompleted;
import io.switchboard.domain.call.TransferDisconnected;
import io.switchboard.domain.call.UnrecognizedCallEvent;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.ConferenceId;
import io.switchboard.domain.common.Direction;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.common.FileFormat;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.conference.ConferenceCompleted;
import io.switchboard.domain.conference.ConferenceCreated;
import io.switchboard.domain.conference.ConferenceDetails;
import io.switchboard.domain.conference.ConferenceMember;
import io.switchboard.domain.conference.ConferenceMemberExited;
import io.switchboard.domain.conference.ConferenceMemberJoined;
import io.switchboard.domain.conference.ConferenceRecordingAvailable;
import io.switchboard.domain.conference.ConferenceRedirected;
import io.switchboard.domain.conference.UnrecognizedConferenceEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Realistic events, every optional field filled, for tests of this module. */
public final class SampleEvents {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private SampleEvents() {}

    public static CallDetails call(String callId) {
        return CallDetails.builder(CallId.of(callId))
                .eventTime(T0.plusSeconds(5))
                .account("9900000", "04e88489-df02-4e34-a0ee-27a91849555f")
                .parties("+15552223333", "+15553334444", Direction.INBOUND)
                .callUrl("https://voice.bandwidth.com/api/v2/accounts/9900000/calls/" + callId)
                .times(T0, T0.plusSeconds(2), null)
                .tag("menu")
                .transfer(CallId.of("c-parent"), "+15559990000", "+15557778888")
                .unparsed("enqueuedTime", "not-a-time")
                .build();
    }

    public static GatherCompleted gather(String callId, String digits) {
        return new GatherCompleted(call(callId), digits, "#");
    }

    /** One event of every kind for {@code callId} (and a conference named after it), every change of each. */
    public static List<VoiceEvent> everyKind(String callId) {
        CallDetails call = call(callId);
        Recording recording = new Recording(
                "r-1",
                "https://example.test/r-1/media",
                2,
                Duration.ofMillis(20_056),
                FileFormat.WAV,
                T0.plusSeconds(10),
                T0.plusSeconds(30),
                RecordingStatus.COMPLETE);
        CallEnding ending = new CallEnding(T0.plusSeconds(60), DisconnectCause.HANGUP, "ok", "e-1");
        CallEnding failed = new CallEnding(null, new DisconnectCause("some-future-cause"), "no answer", "e-2");
        ConferenceDetails conference =
                new ConferenceDetails(ConferenceId.of("conf-" + callId), "sales", "t", T0.plusSeconds(3));
        ConferenceMember member = new ConferenceMember(CallId.of(callId), "+15552223333", "+15553334444");
        List<VoiceEvent> all = new ArrayList<>(List.of(
                new CallInitiated(call),
                new CallAnswered(call),
                new CallRedirected(call),
                new GatherCompleted(call, "12", "#"),
                new RecordingCompleted(call, recording),
                new TranscriptionAvailable(
                        call,
                        recording,
                        new Transcription("t-1", "https://example.test/t-1", "available", T0.plusSeconds(90))),
                new TransferAnswered(call),
                new TransferDisconnected(call, ending),
                new CallDisconnected(call, ending),
                new TransferCompleted(call, failed),
                new BridgeCompleted(call, new CallEnding(null, DisconnectCause.BUSY, "busy", null)),
                new BridgeTargetCompleted(call),
                new RecordingAvailable(call, recording),
                new DtmfReceived(call, "#"),
                new MachineDetectionCompleted(
                        call,
                        new MachineDetectionResult(MachineDetectionResult.ANSWERING_MACHINE, Duration.ofMillis(3_512))),
                new ReferCompleted(call, ReferCallStatus.FAILURE, 486, 603, "sip:agent@pbx.example.test"),
                new UnrecognizedCallEvent(
                        call,
                        "aiAgentHandoff",
                        Map.of("agentId", "a-1", "details", "{\"score\":0.9}", "attempt", "2"))));
        MediaStream stream = new MediaStream(
                "s-1",
                "agent-assist",
                "wss://streams.example.test/a",
                List.of("inbound", "outbound"),
                T0.plusSeconds(4),
                Duration.ofSeconds(41));
        for (MediaStreamChange change : MediaStreamChange.values()) {
            all.add(new MediaStreamChanged(
                    call,
                    change,
                    stream,
                    change == MediaStreamChange.STARTED ? null : "closed",
                    change == MediaStreamChange.STARTED ? null : "socket closed"));
        }
        RealTimeTranscription transcription = new RealTimeTranscription(
                "rt-1",
                "live-notes",
                List.of("inbound"),
                "wss://transcripts.example.test",
                Boolean.TRUE,
                "available",
                "https://example.test/rt-1",
                T0.plusSeconds(4),
                T0.plusSeconds(70),
                Duration.ofSeconds(60));
        for (RealTimeTranscriptionChange change : RealTimeTranscriptionChange.values()) {
            all.add(new RealTimeTranscriptionChanged(
                    call,
                    change,
                    transcription,
                    change == RealTimeTranscriptionChange.REJECTED ? "error" : null,
                    null));
        }
        all.addAll(List.of(
                new ConferenceCreated(conference),
                new ConferenceMemberJoined(conference, member),
                new ConferenceMemberExited(conference, member),
                new ConferenceCompleted(conference),
                new ConferenceRedirected(conference),
                new ConferenceRecordingAvailable(conference, "9900000", recording),
                new UnrecognizedConferenceEvent(conference, "conferenceSpeakerChanged", Map.of("callId", callId))));
        return all;
    }
}
