package io.switchboard.adapters.http.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.domain.call.UnrecognizedCallEvent;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.conference.UnrecognizedConferenceEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes webhooks (a JSON body, or the query parameters of a GET) into domain events. Every fault is an
 * {@link InvalidPayloadException} naming the JSON field (and the channel once known); nothing a client sends
 * makes it throw anything else.
 *
 * <p>Strict where the contract speaks: identity ({@code eventType}, {@code callId}, {@code conferenceId}) and the
 * contract's fields must be right. Forgiving where Bandwidth is: a malformed field beyond the contract is kept as
 * sent, a live-only event whose own fields cannot make its domain event is kept as an unrecognized event, and an
 * event type nobody knows yet becomes an unrecognized event of its call (or conference).
 */
public final class VoiceEventDecoder {
    private static final Logger log = LoggerFactory.getLogger(VoiceEventDecoder.class);
    private static final Set<String> COMMON_CALL_FIELDS = fieldsOf(CallFields.class);
    private static final Set<String> COMMON_CONFERENCE_FIELDS = fieldsOf(ConferenceFields.class);

    private final ObjectMapper mapper;
    private final PayloadLimits limits;

    public VoiceEventDecoder(ObjectMapper mapper, PayloadLimits limits) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public VoiceEventDecoder(ObjectMapper mapper) {
        this(mapper, PayloadLimits.DEFAULTS);
    }

    /** Decodes a body posted to {@code channel}'s own URL; its {@code eventType} must be one the channel accepts. */
    public VoiceEvent decode(VoiceChannel channel, byte[] body) {
        return onChannel(channel, () -> decode(channel, WebhookBody.parse(mapper, limits, body)));
    }

    /** Decodes a GET to {@code channel}'s own URL, its fields given as query parameters. */
    public VoiceEvent decode(VoiceChannel channel, List<Map.Entry<String, String>> query) {
        return onChannel(channel, () -> decode(channel, WebhookBody.fromQuery(mapper, limits, query)));
    }

    /** Decodes a body posted to the shared URL, choosing the channel by its {@code eventType}. */
    public DecodedWebhook decode(byte[] body) {
        return decode(WebhookBody.parse(mapper, limits, body));
    }

    /** Decodes a GET to the shared URL, its fields given as query parameters. */
    public DecodedWebhook decode(List<Map.Entry<String, String>> query) {
        return decode(WebhookBody.fromQuery(mapper, limits, query));
    }

    private VoiceEvent decode(VoiceChannel channel, WebhookBody webhook) {
        String eventType = webhook.eventType();
        if (!channel.accepts(eventType)) {
            throw new InvalidPayloadException(
                    "eventType",
                    channel.path(),
                    "Channel " + channel.path() + " accepts eventType " + String.join(", ", channel.eventTypes())
                            + "; got '" + JsonFaults.abbreviate(eventType) + "'");
        }
        return toEvent(channel, webhook, eventType);
    }

    private DecodedWebhook decode(WebhookBody webhook) {
        String eventType = webhook.eventType();
        Optional<VoiceChannel> channel = VoiceChannel.forEventType(eventType);
        if (channel.isPresent()) {
            return new DecodedWebhook(
                    eventType, Optional.of(onChannel(channel.get(), () -> toEvent(channel.get(), webhook, eventType))));
        }
        // An event of the call if it names one, else of the conference it names (the domain's rule).
        ChannelKind kind = webhook.has("callId")
                ? ChannelKind.UNKNOWN_CALL
                : webhook.has("conferenceId") ? ChannelKind.UNKNOWN_CONFERENCE : null;
        if (kind == null) {
            return new DecodedWebhook(eventType, Optional.empty());
        }
        webhook.tolerate(kind.beyondContract(), eventType);
        return new DecodedWebhook(eventType, Optional.of(unrecognized(kind, eventType, webhook)));
    }

    private VoiceEvent toEvent(VoiceChannel channel, WebhookBody webhook, String eventType) {
        webhook.tolerate(channel.kind().beyondContract(), eventType);
        try {
            return channel.toEvent(webhook);
        } catch (InvalidPayloadException invalid) {
            if (channel.inContract() || isCommon(channel.kind(), invalid.field().orElse(null))) {
                throw invalid;
            }
            // Beyond the contract, a real event is never refused: keep what was sent, understood or not.
            VoiceEvent kept = unrecognized(channel.kind(), eventType, webhook);
            log.warn("Kept a {} webhook of {} as unrecognized: {}", eventType, kept.entityId(), invalid.detail());
            return kept;
        }
    }

    private static boolean isCommon(ChannelKind kind, String field) {
        Set<String> common = kind.scope() == ChannelKind.Scope.CALL ? COMMON_CALL_FIELDS : COMMON_CONFERENCE_FIELDS;
        return field == null || field.equals("eventType") || common.contains(field);
    }

    private static VoiceEvent unrecognized(ChannelKind kind, String eventType, WebhookBody webhook) {
        return kind.scope() == ChannelKind.Scope.CALL
                ? new UnrecognizedCallEvent(webhook.call(), eventType, webhook.otherFields(COMMON_CALL_FIELDS))
                : new UnrecognizedConferenceEvent(
                        webhook.conference(), eventType, webhook.otherFields(COMMON_CONFERENCE_FIELDS));
    }

    /** Runs one decoding step, tying any fault it finds to {@code channel}. */
    private static <T> T onChannel(VoiceChannel channel, Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidPayloadException invalid) {
            throw invalid.onChannel(channel.path());
        }
    }

    private static Set<String> fieldsOf(Class<? extends Record> part) {
        return Arrays.stream(part.getRecordComponents())
                .map(component -> component.getName())
                .collect(Collectors.toUnmodifiableSet());
    }
}
