package io.switchboard.testkit.voiceapi;

import java.util.Map;

/**
 * What the simulated Voice API answers, for its transport to put on the wire.
 *
 * @param status   the HTTP status
 * @param headers  extra headers ({@code Location}, {@code Retry-After})
 * @param document a JSON document (maps, lists and values) to send as {@code application/json}; or {@code null}
 * @param media    raw bytes to send as {@code mediaType} instead (a recording's media); or {@code null}
 */
public record ApiReply(int status, Map<String, String> headers, Object document, String mediaType, byte[] media) {

    public ApiReply {
        headers = Map.copyOf(headers);
    }

    static ApiReply empty(int status) {
        return new ApiReply(status, Map.of(), null, null, null);
    }

    static ApiReply json(int status, Object document) {
        return new ApiReply(status, Map.of(), document, null, null);
    }

    ApiReply withHeader(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new ApiReply(status, more, document, mediaType, media);
    }
}
