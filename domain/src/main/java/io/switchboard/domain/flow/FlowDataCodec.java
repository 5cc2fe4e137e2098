package io.switchboard.domain.flow;

/**
 * The port through which a flow's typed records become {@link FlowData} and back; the application implements it
 * with JSON, tolerant of versions: a field the record no longer has is ignored, a field it gained takes its
 * default.
 */
public interface FlowDataCodec {

    /** {@code value} serialized; throws {@link IllegalArgumentException} when it cannot be. */
    FlowData write(Object value);

    /** {@code data} read as a {@code type}; throws {@link IllegalArgumentException} when it cannot be. */
    <T> T read(FlowData data, Class<T> type);

    /** Where no codec is configured: a flow that uses its data fails with a message that says so. */
    static FlowDataCodec unavailable() {
        return Unavailable.INSTANCE;
    }

    /** Refuses both ways. */
    enum Unavailable implements FlowDataCodec {
        INSTANCE;

        @Override
        public FlowData write(Object value) {
            throw new IllegalStateException("no flow data codec is configured for these entities");
        }

        @Override
        public <T> T read(FlowData data, Class<T> type) {
            throw new IllegalStateException("no flow data codec is configured for these entities");
        }
    }
}
