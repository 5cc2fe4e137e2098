package io.switchboard.domain.flow;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A flow's own data about one call or conference, in the serialized form the entity keeps, journals and shows: a
 * JSON document written by a {@link FlowDataCodec}. The domain never looks inside; flows read and write typed
 * records through their {@link FlowContext}.
 *
 * @param json the record as JSON
 */
public record FlowData(String json) {
    public FlowData {
        Objects.requireNonNull(json, "json");
    }

    /** Its size as stored: the UTF-8 bytes of the JSON. */
    public int bytes() {
        return json.getBytes(StandardCharsets.UTF_8).length;
    }
}
