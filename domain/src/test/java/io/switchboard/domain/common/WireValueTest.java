package io.switchboard.domain.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.domain.call.RecordingStatus;
import org.junit.jupiter.api.Test;

class WireValueTest {

    @Test
    void parsesEachConstantByItsWireName() {
        assertEquals(Direction.INBOUND, WireValue.parse(Direction.class, "direction", "inbound"));
        assertEquals(Direction.OUTBOUND, WireValue.parse(Direction.class, "direction", "outbound"));
        assertEquals(FileFormat.MP3, WireValue.parse(FileFormat.class, "fileFormat", "mp3"));
        for (RecordingStatus status : RecordingStatus.values()) {
            assertEquals(status, WireValue.parse(RecordingStatus.class, "status", status.wireName()));
        }
    }

    @Test
    void unknownValueIsRefusedNamingFieldValueAndAllowedValues() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> WireValue.parse(Direction.class, "direction", "sideways"));
        assertEquals("direction must be one of inbound, outbound, was 'sideways'", refused.getMessage());
    }

    @Test
    void constantNameIsNotAWireName() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> WireValue.parse(RecordingStatus.class, "status", "COMPLETE"));
        assertTrue(
                refused.getMessage().contains("complete, partial, error, processing, deleted"), refused.getMessage());
        assertTrue(refused.getMessage().contains("'COMPLETE'"), refused.getMessage());
    }

    @Test
    void missingValueIsRefused() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> WireValue.parse(FileFormat.class, "fileFormat", null));
        assertTrue(refused.getMessage().startsWith("fileFormat must be one of wav, mp3"), refused.getMessage());
    }

    @Test
    void allowedListsTheWireNamesInOrder() {
        assertEquals("wav, mp3", WireValue.allowed(FileFormat.class));
    }
}
