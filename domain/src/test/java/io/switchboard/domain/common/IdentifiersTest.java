package io.switchboard.domain.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class IdentifiersTest {

    private static String refusal(Executable executable) {
        return assertThrows(IllegalArgumentException.class, executable).getMessage();
    }

    @Test
    void callIdRefusesMissingAndBlank() {
        assertEquals("callId is required and must not be blank", refusal(() -> CallId.of(null)));
        assertEquals("callId is required and must not be blank", refusal(() -> CallId.of("")));
        assertEquals("callId is required and must not be blank", refusal(() -> CallId.of(" \t ")));
    }

    @Test
    void callIdRefusesMoreThan240Characters() {
        String message = refusal(() -> CallId.of("c".repeat(241)));
        assertTrue(message.contains("callId"), message);
        assertTrue(message.contains("240"), message);
        assertTrue(message.contains("241"), message);
    }

    @Test
    void callIdAccepts240Characters() {
        assertEquals(240, CallId.of("c".repeat(240)).value().length());
    }

    @Test
    void identifiersRefuseTheJournalKeysSeparator() {
        assertEquals("callId must not contain '|'", refusal(() -> CallId.of("c-1|x")));
        assertEquals("conferenceId must not contain '|'", refusal(() -> ConferenceId.of("|")));
    }

    @Test
    void callIdRefusesControlCharacters() {
        for (String id : new String[] {"c-1\n", "c-\r1", "c\u00001", "c-1\u007f", "c\u00851"}) {
            String message = refusal(() -> CallId.of(id));
            assertTrue(message.contains("callId") && message.contains("control characters"), message);
        }
    }

    @Test
    void callIdKeepsARealisticValue() {
        String id = "c-95ac8d6e-1a31c52e-b38f-4198-93c1-51633ec68f8d";
        assertEquals(id, CallId.of(id).value());
        assertEquals(id, CallId.of(id).toString());
        assertEquals(CallId.of(id), new CallId(id));
    }

    @Test
    void conferenceIdNamesItsOwnField() {
        assertEquals("conferenceId is required and must not be blank", refusal(() -> ConferenceId.of(" ")));
        assertTrue(refusal(() -> ConferenceId.of("x".repeat(241))).startsWith("conferenceId"));
        assertEquals("conf-1", ConferenceId.of("conf-1").value());
    }

    @Test
    void requireValidReturnsTheValue() {
        assertEquals("abc", Identifiers.requireValid("accountId", "abc"));
        assertTrue(refusal(() -> Identifiers.requireValid("accountId", "")).startsWith("accountId"));
    }

    @Test
    void disconnectCauseKeepsUnknownCausesAndRefusesBlank() {
        assertEquals("hangup", DisconnectCause.HANGUP.value());
        assertEquals(DisconnectCause.BUSY, new DisconnectCause("busy"));
        assertEquals("carrier-melted", new DisconnectCause("carrier-melted").toString());
        assertTrue(refusal(() -> new DisconnectCause(" ")).contains("cause"));
    }
}
