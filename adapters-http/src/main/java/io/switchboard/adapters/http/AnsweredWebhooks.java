package io.switchboard.adapters.http;

import akka.http.javadsl.model.HttpResponse;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.switchboard.adapters.http.json.VoiceChannel;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.verb.Response;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The webhooks this node answered for good, by their exact request (channel and body bytes), so that a redelivery
 * (Bandwidth sends an event again byte for byte) skips the two costs of the edge it does not need: decoding its
 * body, as it is the event decoded the first time, and writing its BXML, as the same document was written then.
 * Half the edge's time for a redelivery went to those two. Whether it is a redelivery and what it gets is still the
 * application's to say: it is handed the event as if decoded, and the BXML written before is reused only for the
 * very document the application answers with.
 *
 * <p>Bounded like the application's answered events ({@code switchboard.answered-events}): each entry holds the
 * body (a copy, about as large as the request) and the written reply, besides the event the application keeps too.
 */
final class AnsweredWebhooks {
    private final Optional<Cache<Request, Answered>> answered;

    /** One webhook's request as it arrived: its channel (none for the shared URL) and its body. */
    static final class Request {
        private final int channel;
        private final byte[] body;
        private final int hash;

        Request(Optional<VoiceChannel> channel, byte[] body) {
            this.channel = channel.map(Enum::ordinal).orElse(-1);
            this.body = body;
            this.hash = 31 * this.channel + Arrays.hashCode(body);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Request request
                    && request.hash == hash
                    && request.channel == channel
                    && Arrays.equals(request.body, body);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * What a request was: its event, and its reply's document with the response written for it (both null when
     * the reply had none). A document that could not be written is not kept: it is tried, and reported, each time.
     */
    record Answered(VoiceEvent event, Response document, HttpResponse written) {
        /** The response written for {@code replied}, if it is the very document written before. */
        Optional<HttpResponse> writtenFor(Response replied) {
            return replied != null && replied == document ? Optional.of(written) : Optional.empty();
        }
    }

    /**
     * @param maxEntries how many answered webhooks are kept; zero keeps none
     * @param keepFor    how long after its answer a webhook is kept
     */
    AnsweredWebhooks(long maxEntries, Duration keepFor) {
        this.answered = maxEntries == 0
                ? Optional.empty()
                : Optional.of(Caffeine.newBuilder()
                        .maximumSize(maxEntries)
                        .expireAfterWrite(keepFor)
                        // Evictions run on the thread that writes, never on the JDK's common pool.
                        .executor(Runnable::run)
                        .build());
    }

    /** What {@code request} was when it was answered before; empty when it was not (or is gone). */
    Optional<Answered> find(Request request) {
        return answered.map(cache -> cache.getIfPresent(request));
    }

    /**
     * Keeps {@code request}'s event and, when its reply had a document that could be written, that document and
     * what was written for it (otherwise both null).
     */
    void answered(Request request, VoiceEvent event, Response document, HttpResponse written) {
        answered.ifPresent(cache -> cache.put(request, new Answered(event, document, written)));
    }
}
