package io.switchboard.adapters.http;

import akka.util.ByteString;
import com.github.benmanes.caffeine.cache.Cache;
import io.switchboard.adapters.http.json.VoiceChannel;
import io.switchboard.application.RecentAnswers;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.verb.Response;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Optional;

/**
 * The webhooks this node answered for good, by their exact request (channel and body bytes), so that a redelivery
 * (Bandwidth sends an event again byte for byte) skips the two costs of the edge it does not need: decoding its
 * body, as it is the event decoded the first time, and writing its BXML, as the same document was written then.
 * Half the edge's time for a redelivery went to those two. Whether it is a redelivery and what it gets is still the
 * application's to say: it is handed the event as if decoded, and the BXML written before is reused only for the
 * very document the application answers with.
 *
 * <p>Bounded like the application's answered events ({@code switchboard.answered-events}), and lean, as entries
 * live for minutes and every young collection copies them until they are old: a request is kept as a digest of its
 * bytes (SHA-256, of which 128 bits), a reply as the bytes written; the event is the one the application keeps.
 */
final class AnsweredWebhooks {
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException notInThisJdk) {
            // Every Java platform must provide it.
            throw new IllegalStateException(notInThisJdk);
        }
    });

    private final Optional<Cache<Request, Answered>> answered;

    /** One webhook's request as it arrived, by its channel (none for the shared URL) and a digest of its body. */
    record Request(int channel, long high, long low) {
        /** What stands for every request where none is kept: nothing is digested, found or kept. */
        static final Request UNKEPT = new Request(-2, 0, 0);
    }

    /**
     * What a request was: its event, and its reply's document with the bytes written for it (both null when the
     * reply had none). A document that could not be written is not kept: it is tried, and reported, each time.
     */
    record Answered(VoiceEvent event, Response document, ByteString written) {
        /** The bytes written for {@code replied}, if it is the very document written before. */
        Optional<ByteString> writtenFor(Response replied) {
            return replied != null && replied == document ? Optional.of(written) : Optional.empty();
        }
    }

    /**
     * @param maxEntries how many answered webhooks are kept; zero keeps none
     * @param keepFor    how long after its answer a webhook is kept
     */
    AnsweredWebhooks(long maxEntries, Duration keepFor) {
        this.answered = RecentAnswers.cache(maxEntries, keepFor);
    }

    /** {@code body}'s request on {@code channel}; {@link Request#UNKEPT} without a digest where none is kept. */
    Request request(Optional<VoiceChannel> channel, byte[] body) {
        if (answered.isEmpty()) {
            return Request.UNKEPT;
        }
        ByteBuffer digest = ByteBuffer.wrap(SHA_256.get().digest(body));
        return new Request(channel.map(Enum::ordinal).orElse(-1), digest.getLong(), digest.getLong());
    }

    /** What {@code request} was when it was answered before; empty when it was not (or is gone). */
    Optional<Answered> find(Request request) {
        return answered.map(cache -> cache.getIfPresent(request));
    }

    /**
     * Keeps {@code request}'s event and, when its reply had a document that could be written, that document and
     * the bytes written for it (otherwise both null).
     */
    void answered(Request request, VoiceEvent event, Response document, ByteString written) {
        answered.ifPresent(cache -> cache.put(request, new Answered(event, document, written)));
    }
}
