package io.switchboard.adapters.bandwidth;

import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.Direction;
import io.switchboard.domain.common.FileFormat;
import io.switchboard.domain.common.WireValue;
import io.switchboard.domain.control.CallInfo;
import io.switchboard.domain.control.CreatedCall;
import io.switchboard.domain.control.RecordingInfo;
import io.switchboard.domain.control.RecordingTranscript;
import io.switchboard.domain.verb.CallbackMethod;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The JSON documents of Bandwidth's Voice API v2, field for field as its OpenAPI description names them. Requests
 * leave absent fields out; answers are read tolerantly (unknown fields ignored, a malformed time read as absent).
 */
final class VoiceApiBodies {

    private VoiceApiBodies() {}

    record CreateCallBody(
            String to,
            String from,
            Boolean privacy,
            String displayName,
            String uui,
            String applicationId,
            String answerUrl,
            CallbackMethod answerMethod,
            String username,
            String password,
            String answerFallbackUrl,
            CallbackMethod answerFallbackMethod,
            String fallbackUsername,
            String fallbackPassword,
            String disconnectUrl,
            CallbackMethod disconnectMethod,
            Double callTimeout,
            Double callbackTimeout,
            MachineDetectionBody machineDetection,
            Integer priority,
            String tag) {}

    record MachineDetectionBody(
            String mode,
            Double detectionTimeout,
            Double silenceTimeout,
            Double speechThreshold,
            Double speechEndThreshold,
            Double machineSpeechEndThreshold,
            Boolean delayResult,
            String callbackUrl,
            CallbackMethod callbackMethod,
            String username,
            String password,
            String fallbackUrl,
            CallbackMethod fallbackMethod,
            String fallbackUsername,
            String fallbackPassword) {}

    /** {@code updateCall} and {@code updateConference}: the same redirect fields, under {@code state}/{@code status}. */
    record UpdateCallBody(
            String state,
            String redirectUrl,
            CallbackMethod redirectMethod,
            String username,
            String password,
            String redirectFallbackUrl,
            CallbackMethod redirectFallbackMethod,
            String fallbackUsername,
            String fallbackPassword,
            String tag) {}

    record UpdateConferenceBody(
            String status,
            String redirectUrl,
            CallbackMethod redirectMethod,
            String username,
            String password,
            String redirectFallbackUrl,
            CallbackMethod redirectFallbackMethod,
            String fallbackUsername,
            String fallbackPassword) {}

    record UpdateMemberBody(Boolean mute, Boolean hold, List<String> callIdsToCoach) {}

    record CreatedCallBody(String callId, String callUrl, String enqueuedTime) {
        CreatedCall toDomain() {
            return new CreatedCall(CallId.of(callId), callUrl, time(enqueuedTime));
        }
    }

    record CallStateBody(
            String callId,
            String applicationId,
            String from,
            String to,
            String direction,
            String state,
            String enqueuedTime,
            String startTime,
            String answerTime,
            String endTime,
            String disconnectCause,
            String errorMessage) {
        CallInfo toDomain() {
            return new CallInfo(
                    CallId.of(callId),
                    applicationId,
                    from,
                    to,
                    wire(Direction.class, direction),
                    state,
                    time(enqueuedTime),
                    time(startTime),
                    time(answerTime),
                    time(endTime),
                    disconnectCause,
                    errorMessage);
        }
    }

    record RecordingBody(
            String recordingId,
            String callId,
            String conferenceId,
            String duration,
            Integer channels,
            String fileFormat,
            String status,
            String startTime,
            String endTime,
            String mediaUrl,
            TranscriptionStatusBody transcription) {
        RecordingInfo toDomain() {
            return new RecordingInfo(
                    recordingId,
                    callId != null ? callId : conferenceId,
                    isoDuration(duration),
                    channels,
                    wire(FileFormat.class, fileFormat),
                    status,
                    time(startTime),
                    time(endTime),
                    mediaUrl,
                    transcription == null ? null : transcription.status());
        }
    }

    record TranscriptionStatusBody(String status) {}

    record TranscriptionBody(List<TranscriptBody> transcripts) {
        RecordingTranscript toDomain() {
            return new RecordingTranscript(
                    transcripts == null
                            ? List.of()
                            : transcripts.stream()
                                    .map(t -> new RecordingTranscript.Transcript(t.text(), t.confidence()))
                                    .toList());
        }
    }

    record TranscriptBody(String text, Double confidence) {}

    /** Bandwidth's error document: {@code {type, description, id}}. */
    record ErrorBody(String type, String description, String id) {}

    static Instant time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notIso) {
            return null;
        }
    }

    private static Duration isoDuration(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException notIso) {
            return null;
        }
    }

    /** A constant named on the wire, or none for a value this version does not know. */
    private static <E extends Enum<E> & WireValue> E wire(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.wireName().equals(text)) {
                return constant;
            }
        }
        return null;
    }
}
