package io.switchboard.adapters.http.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.domain.call.BridgeCompleted;
import io.switchboard.domain.call.CallDetails;
import io.switchboard.domain.call.CallDisconnected;
import io.switchboard.domain.call.CallEnding;
import io.switchboard.domain.call.CallEvent;
import io.switchboard.domain.call.DtmfReceived;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.call.MachineDetectionCompleted;
import io.switchboard.domain.call.MediaStream;
import io.switchboard.domain.call.MediaStreamChanged;
import io.switchboard.domain.call.RealTimeTranscription;
import io.switchboard.domain.call.RealTimeTranscriptionChanged;
import io.switchboard.domain.call.Recording;
import io.switchboard.domain.call.RecordingAvailable;
import io.switchboard.domain.call.RecordingCompleted;
import io.switchboard.domain.call.ReferCompleted;
import io.switchboard.domain.call.Transcription;
import io.switchboard.domain.call.TranscriptionAvailable;
import io.switchboard.domain.call.TransferCompleted;
import io.switchboard.domain.call.TransferDisconnected;
import io.switchboard.domain.call.UnrecognizedCallEvent;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.common.WireValue;
import io.switchboard.domain.conference.ConferenceDetails;
import io.switchboard.domain.conference.ConferenceEvent;
import io.switchboard.domain.conference.ConferenceMember;
import io.switchboard.domain.conference.ConferenceMemberExited;
import io.switchboard.domain.conference.ConferenceMemberJoined;
import io.switchboard.domain.conference.ConferenceRecordingAvailable;
import io.switchboard.domain.conference.UnrecognizedConferenceEvent;
import java.util.List;
import java.util.Objects;

/**
 * Writes domain events as the live platform's JSON (its field names, nested
 * {@code transcription}, {@code parentCallId} for the A-leg, ISO-8601 times and durations); the inverse of
 * {@link VoiceEventDecoder}, so what it writes decodes to an equal event. Absent values are left out, as
 * Bandwidth leaves them out. The call simulator posts what this writes.
 *
 * <p>One payload has one {@code startTime} and {@code endTime}: on recording events they are the recording's
 * (as on the platform), so an event whose call started at another time cannot be told apart on the wire.
 */
public final class VoiceEventEncoder {
    private final ObjectMapper mapper;

    public VoiceEventEncoder(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** The JSON body Bandwidth would post for {@code event}. */
    public byte[] encode(VoiceEvent event) {
        try {
            return mapper.writeValueAsBytes(toJson(event));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a JSON tree could not be written", impossible);
        }
    }

    public ObjectNode toJson(VoiceEvent event) {
        ObjectNode json = mapper.createObjectNode();
        json.put("eventType", event.eventType());
        if (event instanceof CallEvent call) {
            writeCall(json, call.call());
            writeCallEvent(json, call);
        } else if (event instanceof ConferenceEvent conference) {
            writeConference(json, conference.conference());
            writeConferenceEvent(json, conference);
        } else {
            throw new IllegalArgumentException(
                    "no payload is known for " + event.getClass().getName());
        }
        return json;
    }

    private static void writeCall(ObjectNode json, CallDetails call) {
        put(json, "callId", call.callId().value());
        put(json, "eventTime", call.eventTime());
        put(json, "accountId", call.accountId());
        put(json, "applicationId", call.applicationId());
        put(json, "from", call.from());
        put(json, "to", call.to());
        put(json, "direction", call.direction());
        put(json, "callUrl", call.callUrl());
        put(json, "startTime", call.startTime());
        put(json, "answerTime", call.answerTime());
        put(json, "enqueuedTime", call.enqueuedTime());
        put(json, "tag", call.tag());
        if (call.parentCallId() != null) {
            put(json, "parentCallId", call.parentCallId().value());
        }
        put(json, "transferCallerId", call.transferCallerId());
        put(json, "transferTo", call.transferTo());
        call.unparsedFields().forEach(json::put);
    }

    private static void writeCallEvent(ObjectNode json, CallEvent event) {
        if (event instanceof GatherCompleted gather) {
            json.put("digits", gather.digits());
            json.put("terminatingDigit", gather.terminatingDigit());
        } else if (event instanceof CallDisconnected disconnected) {
            writeEnding(json, disconnected.ending());
        } else if (event instanceof TransferDisconnected disconnected) {
            writeEnding(json, disconnected.ending());
        } else if (event instanceof TransferCompleted completed) {
            writeEnding(json, completed.outcome());
        } else if (event instanceof BridgeCompleted completed) {
            writeEnding(json, completed.outcome());
        } else if (event instanceof RecordingCompleted recorded) {
            writeRecording(json, recorded.recording());
        } else if (event instanceof RecordingAvailable available) {
            writeRecording(json, available.recording());
        } else if (event instanceof TranscriptionAvailable transcribed) {
            writeTranscription(json, transcribed);
        } else if (event instanceof DtmfReceived dtmf) {
            put(json, "digit", dtmf.digit());
        } else if (event instanceof MachineDetectionCompleted detected && detected.result() != null) {
            ObjectNode result = json.putObject("machineDetectionResult");
            put(result, "value", detected.result().value());
            put(result, "duration", detected.result().duration());
        } else if (event instanceof MediaStreamChanged stream) {
            writeMediaStream(json, stream);
        } else if (event instanceof RealTimeTranscriptionChanged transcription) {
            writeRealTimeTranscription(json, transcription);
        } else if (event instanceof ReferCompleted refer) {
            put(json, "referCallStatus", refer.referCallStatus());
            put(json, "referSipResponseCode", refer.referSipResponseCode());
            put(json, "notifySipResponseCode", refer.notifySipResponseCode());
            put(json, "referTo", refer.referTo());
        } else if (event instanceof UnrecognizedCallEvent unknown) {
            json.put("eventType", unknown.eventType());
            unknown.fields().forEach(json::put);
        }
    }

    private static void writeEnding(ObjectNode json, CallEnding ending) {
        put(json, "endTime", ending.endTime());
        put(json, "cause", ending.cause().value());
        put(json, "errorMessage", ending.errorMessage());
        put(json, "errorId", ending.errorId());
    }

    /** The recording's fields; its start and end replace the call's, as on the platform. */
    private static void writeRecording(ObjectNode json, Recording recording) {
        if (recording == null) {
            return;
        }
        put(json, "recordingId", recording.recordingId());
        put(json, "mediaUrl", recording.mediaUrl());
        put(json, "channels", recording.channels());
        put(json, "duration", recording.duration());
        put(json, "fileFormat", recording.fileFormat());
        put(json, "startTime", recording.startTime());
        put(json, "endTime", recording.endTime());
        put(json, "status", recording.status());
    }

    private static void writeTranscription(ObjectNode json, TranscriptionAvailable event) {
        writeRecording(json, event.recording());
        Transcription transcription = event.transcription();
        ObjectNode nested = json.putObject("transcription");
        put(nested, "id", transcription.id());
        put(nested, "url", transcription.url());
        put(nested, "status", transcription.status());
        put(nested, "completedTime", transcription.completedTime());
    }

    private static void writeMediaStream(ObjectNode json, MediaStreamChanged event) {
        json.put("eventType", event.change().wireName());
        MediaStream stream = event.stream();
        if (stream != null) {
            ObjectNode nested = json.putObject("mediaStream");
            put(nested, "id", stream.id());
            put(nested, "name", stream.name());
            put(nested, "destination", stream.destination());
            putAll(nested, "tracks", stream.tracks());
            put(nested, "startTime", stream.startTime());
            put(nested, "duration", stream.duration());
            nested.put("type", "WebSocket");
        }
        put(json, "cause", event.cause());
        put(json, "errorMessage", event.errorMessage());
    }

    private static void writeRealTimeTranscription(ObjectNode json, RealTimeTranscriptionChanged event) {
        json.put("eventType", event.change().wireName());
        RealTimeTranscription transcription = event.transcription();
        if (transcription != null) {
            ObjectNode nested = json.putObject("realTimeTranscription");
            put(nested, "id", transcription.id());
            put(nested, "name", transcription.name());
            putAll(nested, "tracks", transcription.tracks());
            put(nested, "destination", transcription.destination());
            if (transcription.stabilized() != null) {
                nested.put("stabilized", transcription.stabilized());
            }
            put(nested, "status", transcription.status());
            put(nested, "url", transcription.url());
            put(nested, "startTime", transcription.startTime());
            put(nested, "completedTime", transcription.completedTime());
            put(nested, "duration", transcription.duration());
        }
        put(json, "cause", event.cause());
        put(json, "errorMessage", event.errorMessage());
    }

    private static void writeConference(ObjectNode json, ConferenceDetails conference) {
        put(json, "conferenceId", conference.conferenceId().value());
        put(json, "name", conference.name());
        put(json, "tag", conference.tag());
        put(json, "eventTime", conference.eventTime());
    }

    private static void writeConferenceEvent(ObjectNode json, ConferenceEvent event) {
        if (event instanceof ConferenceMemberJoined joined) {
            writeMember(json, joined.member());
        } else if (event instanceof ConferenceMemberExited exited) {
            writeMember(json, exited.member());
        } else if (event instanceof ConferenceRecordingAvailable available) {
            put(json, "accountId", available.accountId());
            writeRecording(json, available.recording());
        } else if (event instanceof UnrecognizedConferenceEvent unknown) {
            json.put("eventType", unknown.eventType());
            unknown.fields().forEach(json::put);
        }
    }

    private static void writeMember(ObjectNode json, ConferenceMember member) {
        put(json, "callId", member.callId().value());
        put(json, "from", member.from());
        put(json, "to", member.to());
    }

    private static void put(ObjectNode json, String field, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Integer number) {
            json.put(field, number);
        } else if (value instanceof WireValue wire) {
            json.put(field, wire.wireName());
        } else {
            // Text; an Instant or Duration as ISO-8601 (2026-01-05T09:00:00Z, PT12.5S), as the platform writes them.
            json.put(field, value.toString());
        }
    }

    private static void putAll(ObjectNode json, String field, List<String> values) {
        if (values != null && !values.isEmpty()) {
            values.forEach(json.putArray(field)::add);
        }
    }
}
