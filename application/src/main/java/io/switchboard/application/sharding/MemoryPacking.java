package io.switchboard.application.sharding;

import akka.serialization.Serialization;
import akka.serialization.Serializer;
import akka.serialization.Serializers;
import io.switchboard.domain.entity.EntityMemory;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a parked memory is held. Packed, it is the bytes of the serializer the journal's snapshots use, compressed:
 * one array, where the memory itself is a graph of some forty records, lists and strings. Ended calls park for
 * minutes by the hundred thousand; each young collection copies the ones parked since the one before, and the old
 * generation keeps them all, so the collector's work follows the objects parked, not their bytes. A memory the
 * serializer cannot write is held as it is; one whose bytes do not read back is forgotten, with a warning, and its
 * entity starts afresh, as after its idle timeout.
 */
final class MemoryPacking {
    private static final Logger log = LoggerFactory.getLogger(MemoryPacking.class);

    /** Memories held as they are. */
    static final MemoryPacking AS_IS = new MemoryPacking(Optional.empty());

    /** One memory as compressed bytes, and what reads them back. */
    private record Packed(byte[] compressed, int length, int serializerId, String manifest) {}

    /**
     * One per thread, reset for each memory: a deflater holds native buffers that are dear to make. The fastest
     * level: the serializer's bytes repeat their class and field names, and even it takes most of them out.
     */
    private static final ThreadLocal<Deflater> DEFLATERS =
            ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));

    private final Optional<Serialization> serialization;
    private final AtomicBoolean unpackableReported = new AtomicBoolean();
    /**
     * The serializer's bytes of the first memory packed, the preset dictionary of every memory after it: memories
     * share most of their class and field names, which a memory of a kilobyte alone compresses poorly. Fixed for
     * the life of the node, as parked memories never leave it.
     */
    private final AtomicReference<byte[]> dictionary = new AtomicReference<>();

    private MemoryPacking(Optional<Serialization> serialization) {
        this.serialization = serialization;
    }

    /** Memories packed with {@code serialization}'s serializer for them. */
    static MemoryPacking serializedBy(Serialization serialization) {
        return new MemoryPacking(Optional.of(serialization));
    }

    /** What the store holds for {@code memory}. */
    Object pack(EntityMemory<?> memory) {
        if (serialization.isEmpty()) {
            return memory;
        }
        try {
            Serializer serializer = serialization.get().findSerializerFor(memory);
            byte[] bytes = serializer.toBinary(memory);
            dictionary.compareAndSet(null, bytes);
            return new Packed(
                    deflate(bytes), bytes.length, serializer.identifier(), Serializers.manifestFor(serializer, memory));
        } catch (Exception unpackable) {
            // Exception, not RuntimeException: Akka's Jackson serializer lets Jackson's checked exceptions through.
            if (unpackableReported.compareAndSet(false, true)) {
                log.warn(
                        "an entity memory cannot be serialized, so memories like it park as they are (more for the"
                                + " garbage collector to copy): {}",
                        unpackable.toString());
            }
            return memory;
        }
    }

    /** The memory {@link #pack} kept; empty if its bytes no longer read (the entity then starts afresh). */
    Optional<EntityMemory<?>> unpack(Object held) {
        if (!(held instanceof Packed packed)) {
            return Optional.of((EntityMemory<?>) held);
        }
        try {
            return Optional.of((EntityMemory<?>) serialization
                    .orElseThrow()
                    .deserialize(inflate(packed), packed.serializerId(), packed.manifest())
                    .get());
        } catch (Exception unreadable) {
            log.warn("a parked memory could not be read back; its entity starts afresh: {}", unreadable.toString());
            return Optional.empty();
        }
    }

    private byte[] deflate(byte[] bytes) {
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setDictionary(dictionary.get());
        deflater.setInput(bytes);
        deflater.finish();
        byte[] buffer = new byte[bytes.length + 64];
        int length = 0;
        while (!deflater.finished()) {
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            length += deflater.deflate(buffer, length, buffer.length - length);
        }
        return Arrays.copyOf(buffer, length);
    }

    private byte[] inflate(Packed packed) throws DataFormatException {
        // Rare (a late event, a redelivery after a pause): a fresh inflater, its native buffers freed at once.
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(packed.compressed());
            byte[] bytes = new byte[packed.length()];
            int read = 0;
            while (read < bytes.length && !inflater.finished()) {
                int more = inflater.inflate(bytes, read, bytes.length - read);
                if (more == 0 && inflater.needsDictionary()) {
                    inflater.setDictionary(dictionary.get());
                    continue;
                }
                if (more == 0 && inflater.needsInput()) {
                    throw new DataFormatException("a parked memory's bytes end early");
                }
                read += more;
            }
            return bytes;
        } finally {
            inflater.end();
        }
    }
}
