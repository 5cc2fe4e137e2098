package io.switchboard.adapters.http.json;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One event of every kind as the live platform can express it: every field it sends filled in, and on recording
 * events the call's startTime equal to the recording's (the payload has one field for both).
 */
final class WireSamples {
    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private WireSamples() {}

    static CallDetails.Builder aLeg(Instant startTime) {
        return CallDetails.builder(CallId.of("c-a-leg"))
                .eventTime(T0.plusSeconds(5))
                .account("9900000", "04e88489-df02-4e34-a0ee-27a91849555f")
                .parties("+15552223333", "+15553334444", Direction.INBOUND)
                .callUrl("https://voice.bandwidth.com/api/v2/accounts/9900000/calls/c-a-leg")
                .times(startTime, T0.plusSeconds(2), T0.minusSeconds(1))
                .tag("menu");
    }

    static CallDetails bLeg() {
        return CallDetails.builder(CallId.of("c-b-leg"))
                .eventTime(T0.plusSeconds(9))
                .account("9900000", "04e88489-df02-4e34-a0ee-27a91849555f")
                .parties("+15553334444", "+15557778888", Direction.OUTBOUND)
                .callUrl("https://voice.bandwidth.com/api/v2/accounts/9900000/calls/c-b-leg")
                .times(T0.plusSeconds(7), T0.plusSeconds(8), null)
                .transfer(CallId.of("c-a-leg"), "+15553334444", "+15557778888")
                .build();
    }

    static List<VoiceEvent> everyKind() {
        CallDetails call = aLeg(T0).build();
        Recording recording = new Recording(
                "r-1",
                "https://voice.bandwidth.com/r-1/media",
                1,
                Duration.ofMillis(20_056),
                FileFormat.WAV,
                T0.plusSeconds(10),
                T0.plusSeconds(30),
                null);
        CallDetails recorded = aLeg(recording.startTime()).build();
        Recording available = new Recording(
                "r-1",
                "https://voice.bandwidth.com/r-1/media",
                2,
                Duration.ofMillis(20_056),
                FileFormat.MP3,
                T0.plusSeconds(10),
                T0.plusSeconds(30),
                RecordingStatus.COMPLETE);
        CallEnding ending = new CallEnding(T0.plusSeconds(60), DisconnectCause.HANGUP, "ok", "e-1");
        ConferenceDetails conference =
                new ConferenceDetails(ConferenceId.of("conf-1"), "sales", "menu", T0.plusSeconds(3));
        ConferenceMember member = new ConferenceMember(CallId.of("c-a-leg"), "+15552223333", "+15553334444");
        List<VoiceEvent> all = new ArrayList<>(List.of(
                new CallInitiated(aLeg(T0).times(T0, null, null).tag(null).build()),
                new CallAnswered(call),
                new CallRedirected(call),
                new GatherCompleted(call, "12", "#"),
                new GatherCompleted(call, "", ""),
                new RecordingCompleted(recorded, recording),
                new RecordingAvailable(recorded, available),
                new TranscriptionAvailable(
                        recorded,
                        recording,
                        new Transcription("t-1", "https://voice.bandwidth.com/t-1", "available", T0.plusSeconds(90))),
                new TransferAnswered(bLeg()),
                new TransferDisconnected(bLeg(), ending),
                new TransferCompleted(
                        aLeg(T0).transfer(null, "+15553334444", "+15557778888").build(),
                        new CallEnding(null, DisconnectCause.TIMEOUT, "no answer", "e-2")),
                new CallDisconnected(call, ending),
                new BridgeCompleted(call, new CallEnding(null, DisconnectCause.BUSY, "busy", null)),
                new BridgeTargetCompleted(call),
                new DtmfReceived(call, "#"),
                new MachineDetectionCompleted(
                        call,
                        new MachineDetectionResult(MachineDetectionResult.ANSWERING_MACHINE, Duration.ofMillis(3_512))),
                new ReferCompleted(call, ReferCallStatus.FAILURE, 486, 603, "sip:agent@pbx.example.test"),
                new UnrecognizedCallEvent(call, "aiAgentHandoff", Map.of("agentId", "a-1"))));
        MediaStream stream = new MediaStream(
                "s-1",
                "agent-assist",
                "wss://streams.example.test/a",
                List.of("inbound", "outbound"),
                T0.plusSeconds(4),
                Duration.ofSeconds(41));
        for (MediaStreamChange change : MediaStreamChange.values()) {
            all.add(new MediaStreamChanged(call, change, stream, "closed", "socket closed"));
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
            all.add(new RealTimeTranscriptionChanged(call, change, transcription, "error", "failed"));
        }
        all.addAll(List.of(
                new ConferenceCreated(conference),
                new ConferenceMemberJoined(conference, member),
                new ConferenceMemberExited(conference, member),
                new ConferenceCompleted(conference),
                new ConferenceRedirected(conference),
                new ConferenceRecordingAvailable(conference, "9900000", available)));
        return all;
    }
}
