package io.switchboard.domain.call;

import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.Direction;
import io.switchboard.domain.common.DisconnectCause;
import io.switchboard.domain.common.FileFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds realistic events of one call leg, in the shape the live platform sends them: every event a second
 * after the previous one, the answer time on every event after the answer, the current tag on each.
 */
public final class CallEvents {
    public static final Instant START = Instant.parse("2024-05-01T12:00:00Z");
    public static final String ACCOUNT = "9900000";
    public static final String APPLICATION = "04e88489-df02-4e34-a0ee-27a91849555f";
    public static final String CALLER = "+15555550100";
    public static final String CALLED = "+15555550199";

    private static final AtomicInteger IDS = new AtomicInteger();

    private final CallId callId;
    private Instant clock = START;
    private Instant answerTime;
    private String tag;
    private CallId parentCallId;
    private String transferTo;

    private CallEvents(CallId callId) {
        this.callId = callId;
    }

    /** A call with an id no other test uses. */
    public static CallEvents newCall() {
        return new CallEvents(newCallId());
    }

    public static CallId newCallId() {
        return CallId.of("c-2a1f6b3e-" + IDS.incrementAndGet());
    }

    /** The B-leg of a transfer made by {@code parent} to {@code to}. */
    public static CallEvents newTransferLeg(CallId parent, String to) {
        CallEvents leg = newCall();
        leg.parentCallId = parent;
        leg.transferTo = to;
        return leg;
    }

    public CallId callId() {
        return callId;
    }

    /** Events built from now on carry {@code value} as the call's tag ({@code null}: none). */
    public CallEvents tag(String value) {
        tag = value;
        return this;
    }

    /** The common fields of the next event, a second after the previous one. */
    public CallDetails.Builder details() {
        clock = clock.plusSeconds(1);
        CallDetails.Builder details = CallDetails.builder(callId)
                .eventTime(clock)
                .account(ACCOUNT, APPLICATION)
                .parties(CALLER, CALLED, Direction.INBOUND)
                .callUrl("https://voice.bandwidth.com/api/v2/accounts/" + ACCOUNT + "/calls/" + callId)
                .times(START, answerTime, null)
                .tag(tag);
        if (parentCallId != null) {
            details.transfer(parentCallId, CALLER, transferTo);
        }
        return details;
    }

    public CallInitiated initiate() {
        return new CallInitiated(details().build());
    }

    public CallAnswered answer() {
        CallDetails.Builder details = details();
        answerTime = clock;
        return new CallAnswered(details.times(START, answerTime, null).build());
    }

    public CallRedirected redirect() {
        return new CallRedirected(details().build());
    }

    public GatherCompleted gather(String digits) {
        return new GatherCompleted(details().build(), digits, digits.isEmpty() ? "" : "#");
    }

    public RecordingCompleted recordComplete(Recording recording) {
        return new RecordingCompleted(details().build(), recording);
    }

    public TranscriptionAvailable transcription(Recording recording, Transcription transcription) {
        return new TranscriptionAvailable(details().build(), recording, transcription);
    }

    public TransferAnswered transferAnswer() {
        CallDetails.Builder details = details();
        answerTime = clock;
        return new TransferAnswered(details.times(START, answerTime, null).build());
    }

    public CallDisconnected disconnect(DisconnectCause cause) {
        CallDetails details = details().build();
        return new CallDisconnected(details, new CallEnding(details.eventTime(), cause, null, null));
    }

    public TransferDisconnected transferDisconnect(DisconnectCause cause) {
        CallDetails details = details().build();
        return new TransferDisconnected(details, new CallEnding(details.eventTime(), cause, null, null));
    }

    /** The A-leg's {@code <Transfer>} ended with {@code cause}. */
    public TransferCompleted transferComplete(DisconnectCause cause) {
        return new TransferCompleted(
                details().build(), new CallEnding(null, cause, "transfer ended: " + cause, "e-" + cause));
    }

    public BridgeCompleted bridgeComplete(DisconnectCause cause) {
        return new BridgeCompleted(details().build(), new CallEnding(null, cause, "bridge ended: " + cause, null));
    }

    public BridgeTargetCompleted bridgeTargetComplete() {
        return new BridgeTargetCompleted(details().build());
    }

    public RecordingAvailable recordingAvailable(Recording recording) {
        return new RecordingAvailable(details().build(), recording);
    }

    public DtmfReceived dtmf(String digit) {
        return new DtmfReceived(details().build(), digit);
    }

    /** Asynchronous answering-machine detection concluded {@code value} after 3.2 s. */
    public MachineDetectionCompleted machineDetection(String value) {
        return new MachineDetectionCompleted(
                details().build(), new MachineDetectionResult(value, Duration.ofMillis(3_200)));
    }

    /** Stream {@code streamId} changed; a stopped stream ran 30 s, a rejected one says why. */
    public MediaStreamChanged mediaStream(MediaStreamChange change, String streamId) {
        MediaStream stream = new MediaStream(
                streamId,
                "stream-" + streamId,
                "wss://streams.example.test/audio",
                List.of("inbound", "outbound"),
                START.plusSeconds(3),
                change == MediaStreamChange.STOPPED ? Duration.ofSeconds(30) : null);
        String cause = switch (change) {
            case STARTED -> null;
            case REJECTED -> "track-limit";
            case STOPPED -> "closed";
        };
        return new MediaStreamChanged(
                details().build(), change, stream, cause, cause == null ? null : "stream " + cause);
    }

    /** Real-time transcription {@code id} changed; an available one carries its transcript's url. */
    public RealTimeTranscriptionChanged realTimeTranscription(RealTimeTranscriptionChange change, String id) {
        boolean available = change == RealTimeTranscriptionChange.AVAILABLE;
        RealTimeTranscription transcription = new RealTimeTranscription(
                id,
                "rtt-" + id,
                List.of("inbound"),
                null,
                Boolean.TRUE,
                available ? "available" : null,
                available ? "https://voice.bandwidth.com/api/v2/accounts/" + ACCOUNT + "/transcriptions/" + id : null,
                START.plusSeconds(4),
                available ? START.plusSeconds(90) : null,
                change == RealTimeTranscriptionChange.STOPPED ? Duration.ofSeconds(40) : null);
        String cause = change == RealTimeTranscriptionChange.REJECTED ? "error" : null;
        return new RealTimeTranscriptionChanged(details().build(), change, transcription, cause, null);
    }

    public ReferCompleted referComplete(ReferCallStatus status, Integer referSipResponseCode) {
        return new ReferCompleted(
                details().build(),
                status,
                referSipResponseCode,
                status == ReferCallStatus.SUCCESS ? 200 : null,
                "sip:agent@pbx.example.test");
    }

    /** An event of a type nobody knows, carrying {@code fields} beyond the common ones. */
    public UnrecognizedCallEvent unrecognized(String eventType, Map<String, String> fields) {
        return new UnrecognizedCallEvent(details().build(), eventType, fields);
    }

    /** A recording as {@code recordComplete} describes it: everything known. */
    public static Recording fullRecording(String recordingId) {
        return new Recording(
                recordingId,
                "https://voice.bandwidth.com/api/v2/accounts/" + ACCOUNT + "/recordings/" + recordingId + "/media",
                1,
                Duration.ofSeconds(12),
                FileFormat.WAV,
                START.plusSeconds(5),
                START.plusSeconds(17),
                RecordingStatus.COMPLETE);
    }

    /** A transcription of a recording, as the live platform nests it. */
    public static Transcription transcriptionOf(String recordingId) {
        return new Transcription(
                "t-" + recordingId,
                "https://voice.bandwidth.com/api/v2/accounts/" + ACCOUNT + "/recordings/" + recordingId
                        + "/transcription",
                "available",
                START.plusSeconds(60));
    }
}
