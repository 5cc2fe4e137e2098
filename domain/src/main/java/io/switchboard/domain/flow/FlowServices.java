package io.switchboard.domain.flow;

import io.switchboard.domain.control.CallControl;
import java.util.Objects;

/**
 * What the entities give their flows' {@link FlowContext}s: call control, the codec and size limit of flow data,
 * and the runner of side work.
 *
 * @param maxDataBytes the largest serialized flow data an event may set
 */
public record FlowServices(
        CallControl callControl, FlowDataCodec dataCodec, int maxDataBytes, SideWorkRunner sideWork) {

    /** The default of {@code switchboard.flow-data.max-bytes}: 16 KiB. */
    public static final int DEFAULT_MAX_DATA_BYTES = 16 * 1024;

    public FlowServices {
        Objects.requireNonNull(callControl, "callControl");
        Objects.requireNonNull(dataCodec, "dataCodec");
        Objects.requireNonNull(sideWork, "sideWork");
        if (maxDataBytes < 1) {
            throw new IllegalArgumentException("maxDataBytes must be at least 1, was " + maxDataBytes);
        }
    }

    /** Call control only: flow data and side work are refused, with messages that say so. */
    public static FlowServices of(CallControl callControl) {
        return new FlowServices(
                callControl, FlowDataCodec.unavailable(), DEFAULT_MAX_DATA_BYTES, SideWorkRunner.refusing());
    }
}
