package io.switchboard.adapters.http.json;

import static io.switchboard.adapters.http.json.ChannelKind.contractCall;
import static io.switchboard.adapters.http.json.ChannelKind.contractConference;
import static io.switchboard.adapters.http.json.ChannelKind.liveCall;
import static io.switchboard.adapters.http.json.ChannelKind.liveConference;

import io.switchboard.domain.call.BridgeCompleted;
import io.switchboard.domain.call.BridgeTargetCompleted;
import io.switchboard.domain.call.CallAnswered;
import io.switchboard.domain.call.CallDisconnected;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.CallRedirected;
import io.switchboard.domain.call.DtmfReceived;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.call.MachineDetectionCompleted;
import io.switchboard.domain.call.MediaStreamChange;
import io.switchboard.domain.call.RealTimeTranscriptionChange;
import io.switchboard.domain.call.RecordingAvailable;
import io.switchboard.domain.call.RecordingCompleted;
import io.switchboard.domain.call.ReferCompleted;
import io.switchboard.domain.call.TranscriptionAvailable;
import io.switchboard.domain.call.TransferAnswered;
import io.switchboard.domain.call.TransferCompleted;
import io.switchboard.domain.call.TransferDisconnected;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.conference.ConferenceCompleted;
import io.switchboard.domain.conference.ConferenceCreated;
import io.switchboard.domain.conference.ConferenceMemberExited;
import io.switchboard.domain.conference.ConferenceMemberJoined;
import io.switchboard.domain.conference.ConferenceRecordingAvailable;
import io.switchboard.domain.conference.ConferenceRedirected;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every webhook channel: the 13 of the contract, then one per event type only the live platform sends. Each has
 * the path segment it is posted to ({@code /voice/{path}}; each of its {@code eventType}s is a path to it too), the
 * {@code eventType}s it accepts (the contract's name and the live platform's where they differ) and how its
 * payload becomes a domain event.
 */
public enum VoiceChannel {
    ANSWER("answer", contractCall(), body -> new CallAnswered(body.call()), CallAnswered.EVENT_TYPE),
    INITIATE("initiate", contractCall(), body -> new CallInitiated(body.call()), CallInitiated.EVENT_TYPE),
    DISCONNECT(
            "disconnect",
            contractCall(),
            body -> new CallDisconnected(
                    body.call(), body.read(EndingFields.class).toDomain()),
            CallDisconnected.EVENT_TYPE),
    TRANSFER_ANSWER(
            "transferAnswer", contractCall(), body -> new TransferAnswered(body.call()), TransferAnswered.EVENT_TYPE),
    TRANSFER_DISCONNECT(
            "transferDisconnect",
            contractCall(),
            body -> new TransferDisconnected(
                    body.call(), body.read(EndingFields.class).toDomain()),
            TransferDisconnected.EVENT_TYPE),
    REDIRECT("redirect", contractCall(), body -> new CallRedirected(body.call()), CallRedirected.EVENT_TYPE),
    // The contract says "recording", every Bandwidth page "recordComplete", its OpenAPI "recordingComplete".
    RECORDING_COMPLETE(
            "recordingComplete",
            contractCall(),
            body -> new RecordingCompleted(
                    body.call(), body.read(RecordingFields.class).toDomain(body.maxIdLength())),
            "recording",
            RecordingCompleted.EVENT_TYPE,
            "recordingComplete"),
    // The contract says "transcription" (a v1 name); the live platform "transcriptionAvailable".
    TRANSCRIPTION_AVAILABLE(
            "transcriptionAvailable",
            contractCall(TolerantField.of("transcription.completedTime", Instant.class)),
            body -> new TranscriptionAvailable(
                    body.call(),
                    body.read(RecordingFields.class).toDomainIfIdentified(body.maxIdLength()),
                    body.read(TranscriptionFields.class).toDomain()),
            "transcription",
            TranscriptionAvailable.EVENT_TYPE),
    GATHER(
            "gather",
            contractCall(),
            body -> {
                GatherFields gathered = body.read(GatherFields.class);
                return new GatherCompleted(body.call(), gathered.digits(), gathered.terminatingDigit());
            },
            GatherCompleted.EVENT_TYPE),
    CONFERENCE_CREATED(
            "conferenceCreated",
            contractConference(),
            body -> new ConferenceCreated(body.conference()),
            ConferenceCreated.EVENT_TYPE),
    CONFERENCE_MEMBER_JOIN(
            "conferenceMemberJoin",
            contractConference(),
            body -> new ConferenceMemberJoined(body.conference(), body.member()),
            ConferenceMemberJoined.EVENT_TYPE),
    CONFERENCE_MEMBER_EXIT(
            "conferenceMemberExit",
            contractConference(),
            body -> new ConferenceMemberExited(body.conference(), body.member()),
            ConferenceMemberExited.EVENT_TYPE),
    CONFERENCE_COMPLETED(
            "conferenceCompleted",
            contractConference(),
            body -> new ConferenceCompleted(body.conference()),
            ConferenceCompleted.EVENT_TYPE),

    TRANSFER_COMPLETE(
            "transferComplete",
            liveCall(ChannelKind.ENDING),
            body -> new TransferCompleted(
                    body.call(), body.read(EndingFields.class).toDomain()),
            TransferCompleted.EVENT_TYPE),
    BRIDGE_COMPLETE(
            "bridgeComplete",
            liveCall(ChannelKind.ENDING),
            body -> new BridgeCompleted(
                    body.call(), body.read(EndingFields.class).toDomain()),
            BridgeCompleted.EVENT_TYPE),
    BRIDGE_TARGET_COMPLETE(
            "bridgeTargetComplete",
            liveCall(),
            body -> new BridgeTargetCompleted(body.call()),
            BridgeTargetCompleted.EVENT_TYPE),
    RECORDING_AVAILABLE(
            "recordingAvailable",
            liveCall(ChannelKind.RECORDING),
            body -> new RecordingAvailable(
                    body.call(), body.read(RecordingFields.class).toDomain(body.maxIdLength())),
            RecordingAvailable.EVENT_TYPE),
    DTMF(
            "dtmf",
            liveCall(),
            body -> new DtmfReceived(
                    body.call(),
                    DomainValues.required("digit", body.read(DtmfFields.class).digit())),
            DtmfReceived.EVENT_TYPE),
    MACHINE_DETECTION_COMPLETE(
            "machineDetectionComplete",
            liveCall(ChannelKind.MACHINE_DETECTION),
            body -> new MachineDetectionCompleted(
                    body.call(), body.read(MachineDetectionFields.class).toDomain()),
            MachineDetectionCompleted.EVENT_TYPE),
    MEDIA_STREAM_STARTED(MediaStreamChange.STARTED),
    MEDIA_STREAM_REJECTED(MediaStreamChange.REJECTED),
    MEDIA_STREAM_STOPPED(MediaStreamChange.STOPPED),
    REAL_TIME_TRANSCRIPTION_STARTED(RealTimeTranscriptionChange.STARTED),
    REAL_TIME_TRANSCRIPTION_REJECTED(RealTimeTranscriptionChange.REJECTED),
    REAL_TIME_TRANSCRIPTION_STOPPED(RealTimeTranscriptionChange.STOPPED),
    REAL_TIME_TRANSCRIPTION_AVAILABLE(RealTimeTranscriptionChange.AVAILABLE),
    REFER_COMPLETE(
            "referComplete",
            liveCall(ChannelKind.REFER),
            body -> body.read(ReferFields.class).toDomain(body.call()),
            ReferCompleted.EVENT_TYPE),
    CONFERENCE_REDIRECT(
            "conferenceRedirect",
            liveConference(),
            body -> new ConferenceRedirected(body.conference()),
            ConferenceRedirected.EVENT_TYPE),
    CONFERENCE_RECORDING_AVAILABLE(
            "conferenceRecordingAvailable",
            liveConference(ChannelKind.CONFERENCE_RECORDING),
            body -> new ConferenceRecordingAvailable(
                    body.conference(),
                    body.read(AccountFields.class).accountId(),
                    body.read(RecordingFields.class).toDomain(body.maxIdLength())),
            ConferenceRecordingAvailable.EVENT_TYPE);

    private static final Map<String, VoiceChannel> BY_PATH = new HashMap<>();
    private static final Map<String, VoiceChannel> BY_EVENT_TYPE = new HashMap<>();

    static {
        for (VoiceChannel channel : values()) {
            BY_PATH.put(channel.path, channel);
            for (String eventType : channel.eventTypes) {
                VoiceChannel previous = BY_EVENT_TYPE.put(eventType, channel);
                if (previous != null) {
                    throw new IllegalStateException(eventType + " is claimed by " + previous + " and " + channel);
                }
                BY_PATH.putIfAbsent(eventType, channel);
            }
        }
    }

    private final String path;
    private final ChannelKind kind;
    private final Function<WebhookBody, VoiceEvent> toEvent;
    private final List<String> eventTypes;

    VoiceChannel(String path, ChannelKind kind, Function<WebhookBody, VoiceEvent> toEvent, String... eventTypes) {
        this.path = path;
        this.kind = kind;
        this.toEvent = toEvent;
        this.eventTypes = List.of(eventTypes);
    }

    /** One channel per media stream change: each is its own event type on the wire. */
    VoiceChannel(MediaStreamChange change) {
        this(
                change.wireName(),
                liveCall(ChannelKind.MEDIA_STREAM),
                body -> body.read(MediaStreamFields.class).toDomain(body.call(), change),
                change.wireName());
    }

    /** One channel per real-time transcription change: each is its own event type on the wire. */
    VoiceChannel(RealTimeTranscriptionChange change) {
        this(
                change.wireName(),
                liveCall(ChannelKind.REAL_TIME_TRANSCRIPTION),
                body -> body.read(RealTimeTranscriptionFields.class).toDomain(body.call(), change),
                change.wireName());
    }

    /** The last segment of the channel's URL, {@code /voice/{path}}. */
    public String path() {
        return path;
    }

    /** The {@code eventType}s a payload posted to this channel may carry. */
    public List<String> eventTypes() {
        return eventTypes;
    }

    /** Whether the webhook contract ({@code docs/asyncapi.yaml}) has this channel; the others are live-only. */
    public boolean inContract() {
        return kind.contract();
    }

    public boolean accepts(String eventType) {
        return eventTypes.contains(eventType);
    }

    /** The channel at {@code /voice/{path}}: its path, or any of its event types. */
    public static Optional<VoiceChannel> forPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    public static Optional<VoiceChannel> forEventType(String eventType) {
        return Optional.ofNullable(BY_EVENT_TYPE.get(eventType));
    }

    /** The channel paths, comma separated, for messages. */
    public static String knownPaths() {
        return KnownPaths.JOINED;
    }

    /** Built once, after the constants exist (an enum's own static fields are set after them). */
    private static final class KnownPaths {
        static final String JOINED =
                Arrays.stream(values()).map(VoiceChannel::path).collect(Collectors.joining(", "));
    }

    ChannelKind kind() {
        return kind;
    }

    /** The event; a value the domain refuses is a fault naming its field. */
    VoiceEvent toEvent(WebhookBody body) {
        return DomainValues.domainValue(() -> toEvent.apply(body));
    }
}
