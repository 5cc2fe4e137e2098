package io.switchboard.adapters.bxml;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where the callbacks a flow leaves without a URL go: this service's channel for the event each one causes, under
 * one base such as {@code https://ivr.example.com/voice}. So a flow may write {@code Gather.builder()...} without a
 * {@code gatherUrl} and the digits still come home to {@code /voice/gather}.
 */
public final class CallbackUrls {

    /**
     * The channel (the last path segment) each callback prefix's webhook is answered on. Callbacks that carry
     * several event types (conference events, stream and real-time transcription events) go to the base itself,
     * which routes by {@code eventType}.
     */
    private static final Map<String, String> CHANNEL_BY_PREFIX = Map.ofEntries(
            Map.entry("gather", "gather"),
            Map.entry("recordComplete", "recordingComplete"),
            Map.entry("recordingAvailable", "recordingAvailable"),
            Map.entry("transcriptionAvailable", "transcriptionAvailable"),
            Map.entry("transferAnswer", "transferAnswer"),
            Map.entry("transferDisconnect", "transferDisconnect"),
            Map.entry("transferComplete", "transferComplete"),
            Map.entry("redirect", "redirect"),
            Map.entry("bridgeComplete", "bridgeComplete"),
            Map.entry("bridgeTargetComplete", "bridgeTargetComplete"),
            Map.entry("dtmf", "dtmf"),
            Map.entry("referComplete", "referComplete"),
            Map.entry("conferenceEvent", ""),
            Map.entry("streamEvent", ""),
            Map.entry("transcriptionEvent", ""));

    private static final CallbackUrls NONE = new CallbackUrls(null);

    private final String base;

    private CallbackUrls(String base) {
        this.base = base;
    }

    /**
     * Callbacks under {@code base}, the URL Bandwidth reaches this service's {@code /voice} routes at (a trailing
     * slash is ignored).
     */
    public static CallbackUrls under(String base) {
        Objects.requireNonNull(base, "base");
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        if (trimmed.isBlank() || trimmed.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("callback base must be a URL without whitespace, was '" + base + "'");
        }
        return new CallbackUrls(trimmed);
    }

    /** No filling: a callback without a URL is written without one. */
    public static CallbackUrls none() {
        return NONE;
    }

    /** The URL for a callback of {@code prefix} (such as {@code gather}), or {@code null} without a base. */
    public String urlFor(String prefix) {
        if (base == null) {
            return null;
        }
        String channel = CHANNEL_BY_PREFIX.get(prefix);
        if (channel == null) {
            throw new IllegalArgumentException("no channel is known for the callback " + prefix);
        }
        return channel.isEmpty() ? base : base + "/" + channel;
    }

    /** Every callback prefix BXML has, for tests that check each one comes home. */
    public static Set<String> prefixes() {
        return CHANNEL_BY_PREFIX.keySet();
    }
}
