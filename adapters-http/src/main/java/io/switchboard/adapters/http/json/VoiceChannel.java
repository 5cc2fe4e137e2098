package io.switchboard.adapters.http.json;

import io.switchboard.domain.call.CallAnswered;
import io.switchboard.domain.call.CallDisconnected;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.CallRedirected;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.call.RecordingCompleted;
import io.switchboard.domain.call.TranscriptionAvailable;
import io.switchboard.domain.call.TransferAnswered;
import io.switchboard.domain.call.TransferDisconnected;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.conference.ConferenceCompleted;
import io.switchboard.domain.conference.ConferenceCreated;
import io.switchboard.domain.conference.ConferenceMemberExited;
import io.switchboard.domain.conference.ConferenceMemberJoined;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 13 channels of the webhook contract: the path segment each is posted to ({@code /voice/{path}}), the
 * {@code eventType}s it accepts (the contract's name and the live platform's where they differ) and how its
 * payload becomes a domain event.
 */
public enum VoiceChannel {
    ANSWER("answer", body -> new CallAnswered(body.call()), CallAnswered.EVENT_TYPE),
    INITIATE("initiate", body -> new CallInitiated(body.call()), CallInitiated.EVENT_TYPE),
    DISCONNECT("disconnect",
            body -> new CallDisconnected(body.call(), body.read(EndingFields.class).toDomain()),
            CallDisconnected.EVENT_TYPE),
    TRANSFER_ANSWER("transferAnswer", body -> new TransferAnswered(body.call()), TransferAnswered.EVENT_TYPE),
    TRANSFER_DISCONNECT("transferDisconnect",
            body -> new TransferDisconnected(body.call(), body.read(EndingFields.class).toDomain()),
            TransferDisconnected.EVENT_TYPE),
    REDIRECT("redirect", body -> new CallRedirected(body.call()), CallRedirected.EVENT_TYPE),
    // The contract says "recording", every Bandwidth page "recordComplete", its OpenAPI "recordingComplete".
    RECORDING_COMPLETE("recordingComplete",
            body -> new RecordingCompleted(body.call(), body.read(RecordingFields.class).toDomain()),
            "recording", RecordingCompleted.EVENT_TYPE, "recordingComplete"),
    // The contract says "transcription" (a v1 name); the live platform "transcriptionAvailable".
    TRANSCRIPTION_AVAILABLE("transcriptionAvailable",
            body -> new TranscriptionAvailable(body.call(),
                    body.read(RecordingFields.class).toDomainIfIdentified(),
                    body.read(TranscriptionFields.class).toDomain()),
            "transcription", TranscriptionAvailable.EVENT_TYPE),
    GATHER("gather",
            body -> {
                GatherFields gathered = body.read(GatherFields.class);
                return new GatherCompleted(body.call(), gathered.digits(), gathered.terminatingDigit());
            },
            GatherCompleted.EVENT_TYPE),
    CONFERENCE_CREATED("conferenceCreated", body -> new ConferenceCreated(body.conference()),
            ConferenceCreated.EVENT_TYPE),
    CONFERENCE_MEMBER_JOIN("conferenceMemberJoin",
            body -> new ConferenceMemberJoined(body.conference(), body.member()),
            ConferenceMemberJoined.EVENT_TYPE),
    CONFERENCE_MEMBER_EXIT("conferenceMemberExit",
            body -> new ConferenceMemberExited(body.conference(), body.member()),
            ConferenceMemberExited.EVENT_TYPE),
    CONFERENCE_COMPLETED("conferenceCompleted", body -> new ConferenceCompleted(body.conference()),
            ConferenceCompleted.EVENT_TYPE);

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
            }
        }
    }

    private final String path;
    private final Function<WebhookBody, VoiceEvent> toEvent;
    private final List<String> eventTypes;

    VoiceChannel(String path, Function<WebhookBody, VoiceEvent> toEvent, String... eventTypes) {
        this.path = path;
        this.toEvent = toEvent;
        this.eventTypes = List.of(eventTypes);
    }

    /** The last segment of the channel's URL, {@code /voice/{path}}. */
    public String path() {
        return path;
    }

    /** The {@code eventType}s a payload posted to this channel may carry. */
    public List<String> eventTypes() {
        return eventTypes;
    }

    public boolean accepts(String eventType) {
        return eventTypes.contains(eventType);
    }

    public static Optional<VoiceChannel> forPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    public static Optional<VoiceChannel> forEventType(String eventType) {
        return Optional.ofNullable(BY_EVENT_TYPE.get(eventType));
    }

    /** The channel paths, comma separated, for messages. */
    public static String knownPaths() {
        return Arrays.stream(values()).map(VoiceChannel::path).collect(Collectors.joining(", "));
    }

    VoiceEvent toEvent(WebhookBody body) {
        return toEvent.apply(body);
    }
}
