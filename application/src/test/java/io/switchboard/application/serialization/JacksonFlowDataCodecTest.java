package io.switchboard.application.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.domain.flow.FlowData;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Flow data as JSON, read by older and newer versions of the record that wrote it. */
class JacksonFlowDataCodecTest {
    private final JacksonFlowDataCodec codec = new JacksonFlowDataCodec();

    /** The first version of a PIN flow's data. */
    record PinV1(int attempts) {}

    /** The next version: it remembers the account, "unknown" when the data predates it. */
    record PinV2(int attempts, String account, List<String> tried, Instant lockedUntil) {
        PinV2 {
            account = Objects.requireNonNullElse(account, "unknown");
            tried = tried == null ? List.of() : List.copyOf(tried);
        }
    }

    @Test
    void aRecordReadsWhatItWrote() {
        PinV2 data = new PinV2(2, "A-17", List.of("1234", "9999"), Instant.parse("2026-01-05T09:00:00Z"));

        FlowData written = codec.write(data);

        assertEquals(data, codec.read(written, PinV2.class));
        assertTrue(written.json().contains("\"lockedUntil\":\"2026-01-05T09:00:00Z\""), written.json());
    }

    @Test
    void anOlderRecordIgnoresTheFieldsANewerOneAdded() {
        FlowData newer = codec.write(new PinV2(3, "A-17", List.of("1"), null));

        assertEquals(new PinV1(3), codec.read(newer, PinV1.class));
    }

    @Test
    void aNewerRecordGivesTheFieldsMissingFromOlderDataTheirDefaults() {
        FlowData older = codec.write(new PinV1(1));

        assertEquals(new PinV2(1, "unknown", List.of(), null), codec.read(older, PinV2.class));
    }

    @Test
    void dataThatIsNotTheRecordIsAClearError() {
        IllegalArgumentException wrong = assertThrows(
                IllegalArgumentException.class, () -> codec.read(new FlowData("{\"attempts\":\"many\"}"), PinV1.class));

        assertTrue(
                wrong.getMessage().startsWith("flow data cannot be read as a " + PinV1.class.getName()),
                wrong.getMessage());
    }

    /** A getter that throws: Jackson cannot write it. */
    static final class Unwritable {
        public String getValue() {
            throw new IllegalStateException("no value");
        }
    }

    @Test
    void aValueThatCannotBeWrittenIsAClearError() {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> codec.write(new Unwritable()));

        assertTrue(refused.getMessage().contains("cannot be written as JSON"), refused.getMessage());
    }
}
