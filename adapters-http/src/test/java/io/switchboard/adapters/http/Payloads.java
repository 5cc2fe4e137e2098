package io.switchboard.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.adapters.http.json.VoiceChannel;
import io.switchboard.adapters.http.json.WebhookObjectMapper;
import java.io.UncheckedIOException;

/** Webhook bodies shaped like the contract's examples; tests add, change or remove fields as they need. */
public final class Payloads {
    public static final ObjectMapper MAPPER = WebhookObjectMapper.create();

    public static final String CALL_ID = "c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85";
    public static final String PARENT_CALL_ID = "c-2a913f94-6a486f3a-3cae-4034-bcc3-f0c9fa77ca2f";
    public static final String CONFERENCE_ID = "conf-fe23a767-a75a5b77-20c5-4cca-b581-cbbf0776eca9";
    public static final String ACCOUNT_ID = "9900000";
    public static final String APPLICATION_ID = "04e88489-df02-4e34-a0ee-27a91849555f";
    public static final String FROM = "+15555555555";
    public static final String TO = "+15555555556";
    public static final String START_TIME = "2019-06-20T15:54:22.234Z";
    public static final String CALL_URL = "https://voice.bandwidth.com/api/v2/accounts/9900000/calls/" + CALL_ID;

    private Payloads() {}

    /** The contract's BaseCallEvent fields under {@code eventType}. */
    public static ObjectNode callEvent(String eventType) {
        return MAPPER.createObjectNode()
                .put("eventType", eventType)
                .put("accountId", ACCOUNT_ID)
                .put("applicationId", APPLICATION_ID)
                .put("callId", CALL_ID)
                .put("to", TO)
                .put("from", FROM)
                .put("direction", "outbound")
                .put("callUrl", CALL_URL)
                .put("startTime", START_TIME)
                .put("tag", "customer-42");
    }

    public static ObjectNode conferenceEvent(String eventType) {
        return MAPPER.createObjectNode()
                .put("eventType", eventType)
                .put("conferenceId", CONFERENCE_ID)
                .put("name", "sales-huddle")
                .put("tag", "team-a");
    }

    /** A payload of {@code channel} as the contract shapes it, under the contract's eventType name. */
    public static ObjectNode contractPayload(VoiceChannel channel) {
        String eventType = channel.eventTypes().get(0);
        return switch (channel) {
            case ANSWER -> callEvent(eventType).put("answerTime", "2019-06-20T15:54:25.432Z");
            case INITIATE, REDIRECT -> callEvent(eventType);
            case DISCONNECT ->
                callEvent(eventType).put("endTime", "2019-06-20T15:59:22.234Z").put("cause", "hangup");
            case TRANSFER_ANSWER ->
                callEvent(eventType).put("transferCallId", PARENT_CALL_ID).put("transferTo", "+15555555557");
            case TRANSFER_DISCONNECT ->
                callEvent(eventType).put("transferCallId", PARENT_CALL_ID).put("cause", "busy");
            case RECORDING_COMPLETE ->
                callEvent(eventType)
                        .put("recordingId", "r-fbe05094-87bd8d7d-7c53-4bdb-bd1f-0e3c1eb9be22")
                        .put("channels", 1)
                        .put("duration", "PT20.056S")
                        .put("fileFormat", "wav")
                        .put("mediaUrl", "https://voice.bandwidth.com/api/v2/recordings/r-1/media")
                        .put("status", "complete");
            case TRANSCRIPTION_AVAILABLE ->
                callEvent(eventType)
                        .put("recordingId", "r-fbe05094-87bd8d7d-7c53-4bdb-bd1f-0e3c1eb9be22")
                        .put("transcriptionId", "t-aa11")
                        .put("transcriptionUrl", "https://voice.bandwidth.com/api/v2/transcriptions/t-aa11");
            case GATHER -> callEvent(eventType).put("digits", "123").put("terminatingDigit", "#");
            case CONFERENCE_CREATED, CONFERENCE_COMPLETED -> conferenceEvent(eventType);
            case CONFERENCE_MEMBER_JOIN, CONFERENCE_MEMBER_EXIT ->
                conferenceEvent(eventType).put("callId", CALL_ID);
            default -> throw new IllegalArgumentException(channel + " is not a channel of the contract");
        };
    }

    /** A payload of any channel: the contract's shape for its channels, the live platform's for the others. */
    public static ObjectNode payloadOf(VoiceChannel channel) {
        if (channel.inContract()) {
            return contractPayload(channel);
        }
        String eventType = channel.eventTypes().get(0);
        ObjectNode payload =
                channel.name().startsWith("CONFERENCE_") ? conferenceEvent(eventType) : callEvent(eventType);
        switch (channel) {
            case TRANSFER_COMPLETE, BRIDGE_COMPLETE ->
                payload.put("cause", "busy").put("errorMessage", "Callee is busy");
            case RECORDING_AVAILABLE, CONFERENCE_RECORDING_AVAILABLE ->
                payload.put("recordingId", "r-115da407-e3d9-4ea7-889f-5f4ad7386a80")
                        .put("channels", 1)
                        .put("duration", "PT20.056S")
                        .put("fileFormat", "wav")
                        .put("status", "complete");
            case DTMF -> payload.put("digit", "5");
            case MACHINE_DETECTION_COMPLETE ->
                payload.putObject("machineDetectionResult")
                        .put("value", "answering-machine")
                        .put("duration", "PT4.1S");
            case MEDIA_STREAM_STARTED, MEDIA_STREAM_REJECTED, MEDIA_STREAM_STOPPED ->
                payload.putObject("mediaStream")
                        .put("id", "s-95ac90b3")
                        .put("name", "agent-assist")
                        .put("destination", "wss://streams.example.test")
                        .putArray("tracks")
                        .add("inbound");
            case REAL_TIME_TRANSCRIPTION_STARTED,
                    REAL_TIME_TRANSCRIPTION_REJECTED,
                    REAL_TIME_TRANSCRIPTION_STOPPED,
                    REAL_TIME_TRANSCRIPTION_AVAILABLE ->
                payload.putObject("realTimeTranscription")
                        .put("id", "t-95ac90b3")
                        .put("name", "live-notes")
                        .putArray("tracks")
                        .add("inbound");
            case REFER_COMPLETE -> payload.put("referCallStatus", "failure").put("referSipResponseCode", 603);
            default -> {}
        }
        return payload;
    }

    public static String json(ObjectNode payload) {
        try {
            return MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
