package io.switchboard.domain.flow;

/**
 * A flow set data larger than the configured limit ({@code switchboard.flow-data.max-bytes}): the data is not
 * kept, and the event is answered with the fallback, as when its flow fails.
 */
public final class FlowDataTooLargeException extends IllegalArgumentException {
    public FlowDataTooLargeException(Class<?> type, int bytes, int maxBytes) {
        super("flow data " + type.getSimpleName() + " is " + bytes + " bytes serialized, over the limit of " + maxBytes
                + " (switchboard.flow-data.max-bytes)");
    }
}
