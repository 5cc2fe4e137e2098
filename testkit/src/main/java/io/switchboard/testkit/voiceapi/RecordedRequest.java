package io.switchboard.testkit.voiceapi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the simulated Voice API received, as it came: method, path (without the query), headers by
 * lower-case name, body as text, and when it arrived.
 */
public record RecordedRequest(
        String method, String path, Map<String, List<String>> headers, String body, Instant receivedAt) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header, by any case of its name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** {@code "POST /api/v2/accounts/9900000/calls"}. */
    public String line() {
        return method + " " + path;
    }
}
