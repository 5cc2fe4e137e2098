package io.switchboard.adapters.http.json;

import io.switchboard.domain.call.RecordingStatus;
import io.switchboard.domain.call.ReferCallStatus;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.Direction;
import io.switchboard.domain.common.FileFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * What kind of event a channel carries: a call's or a conference's, of the contract or of the live platform only,
 * and which of its fields lie beyond the contract (read tolerantly). A live-only event whose own fields cannot
 * make the domain event is kept as an unrecognized event instead of being refused; a contract event is refused.
 */
record ChannelKind(Scope scope, boolean contract, List<TolerantField> beyondContract) {

    enum Scope {
        CALL,
        CONFERENCE
    }

    /** The live platform sends these with every call event; the contract has none of them. */
    private static final List<TolerantField> CALL_COMMON =
            List.of(TolerantField.of("eventTime", Instant.class), TolerantField.of("enqueuedTime", Instant.class));

    private static final List<TolerantField> CONFERENCE_COMMON = List.of(TolerantField.of("eventTime", Instant.class));

    static final TolerantField[] RECORDING = {
        TolerantField.integerBetween("channels", 1, 2),
        TolerantField.of("duration", Duration.class),
        TolerantField.of("fileFormat", FileFormat.class),
        TolerantField.of("endTime", Instant.class),
        TolerantField.of("status", RecordingStatus.class)
    };
    /** A conference has no start time of its own: {@code startTime} is the recording's. */
    static final TolerantField[] CONFERENCE_RECORDING = Stream.concat(
                    Arrays.stream(RECORDING), Stream.of(TolerantField.of("startTime", Instant.class)))
            .toArray(TolerantField[]::new);

    static final TolerantField[] ENDING = {
        TolerantField.of("endTime", Instant.class), TolerantField.nonBlankText("cause")
    };
    static final TolerantField[] MACHINE_DETECTION = {
        TolerantField.of("machineDetectionResult.duration", Duration.class)
    };
    static final TolerantField[] MEDIA_STREAM = under(
            "mediaStream",
            TolerantField.of("startTime", Instant.class),
            TolerantField.of("duration", Duration.class),
            TolerantField.of("tracks", List.class));
    /** Bandwidth's examples nest it as {@code transcription} as often as {@code realTimeTranscription}. */
    static final TolerantField[] REAL_TIME_TRANSCRIPTION = Stream.of("realTimeTranscription", "transcription")
            .flatMap(prefix -> Arrays.stream(under(
                    prefix,
                    TolerantField.of("startTime", Instant.class),
                    TolerantField.of("completedTime", Instant.class),
                    TolerantField.of("duration", Duration.class),
                    TolerantField.of("stabilized", Boolean.class),
                    TolerantField.of("tracks", List.class))))
            .toArray(TolerantField[]::new);

    static final TolerantField[] REFER = {
        TolerantField.of("referCallStatus", ReferCallStatus.class),
        TolerantField.integerBetween("referSipResponseCode", 100, 699),
        TolerantField.integerBetween("notifySipResponseCode", 100, 699)
    };

    /** An event type nobody knows yet: even its common fields are read tolerantly, it is never refused for them. */
    static final ChannelKind UNKNOWN_CALL = liveCall(
            TolerantField.of("direction", Direction.class),
            TolerantField.of("startTime", Instant.class),
            TolerantField.of("answerTime", Instant.class),
            TolerantField.of("parentCallId", CallId.class),
            TolerantField.of("transferCallId", CallId.class));

    static final ChannelKind UNKNOWN_CONFERENCE = liveConference();

    static ChannelKind contractCall(TolerantField... beyondContract) {
        return new ChannelKind(Scope.CALL, true, concat(CALL_COMMON, beyondContract));
    }

    static ChannelKind contractConference() {
        return new ChannelKind(Scope.CONFERENCE, true, CONFERENCE_COMMON);
    }

    static ChannelKind liveCall(TolerantField... beyondContract) {
        return new ChannelKind(Scope.CALL, false, concat(CALL_COMMON, beyondContract));
    }

    static ChannelKind liveConference(TolerantField... beyondContract) {
        return new ChannelKind(Scope.CONFERENCE, false, concat(CONFERENCE_COMMON, beyondContract));
    }

    private static TolerantField[] under(String prefix, TolerantField... fields) {
        return Arrays.stream(fields).map(field -> field.under(prefix)).toArray(TolerantField[]::new);
    }

    private static List<TolerantField> concat(List<TolerantField> common, TolerantField... extra) {
        List<TolerantField> all = new ArrayList<>(common);
        all.addAll(Arrays.asList(extra));
        return List.copyOf(all);
    }
}
