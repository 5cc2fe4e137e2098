package io.switchboard.domain.verb;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.domain.common.FileFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class VerbTest {
    private static final String SECRET = "s3cr3t-Pa55";

    /** Asserts {@code build} is refused with a message naming each of {@code words}. */
    private static void assertRefused(Executable build, String... words) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, build);
        for (String word : words) {
            assertTrue(refused.getMessage().contains(word),
                    "message should name '" + word + "': " + refused.getMessage());
        }
    }

    private static List<TransferTarget> numbers(int count) {
        return IntStream.range(0, count).mapToObj(i -> (TransferTarget) PhoneNumber.of("+1555555010" + i)).toList();
    }

    // --- Gather -----------------------------------------------------------------------------------------------

    @Test
    void gatherRefusesMaxDigitsOutsideOneToFifty() {
        assertRefused(() -> Gather.builder().maxDigits(0).build(), "Gather", "maxDigits", "0");
        assertRefused(() -> Gather.builder().maxDigits(51).build(), "Gather", "maxDigits", "51");
    }

    @Test
    void gatherAcceptsMaxDigitsBoundaries() {
        assertEquals(1, Gather.builder().maxDigits(1).build().maxDigits());
        assertEquals(50, Gather.builder().maxDigits(50).build().maxDigits());
    }

    @Test
    void gatherRefusesRepeatCountBelowOne() {
        assertRefused(() -> Gather.builder().repeatCount(0).build(), "Gather", "repeatCount");
        assertEquals(1, Gather.builder().repeatCount(1).build().repeatCount());
    }

    @Test
    void gatherBuilderKeepsItsPromptsInOrderAndLeavesTheRestAbsent() {
        Gather gather = Gather.builder()
                .gatherUrl("/voice/gather")
                .terminatingDigits("#")
                .speak("Press 1 for sales.")
                .prompt(PlayAudio.of("https://media.example/hold.wav"))
                .build();
        assertAll(
                () -> assertEquals(Callback.to("/voice/gather"), gather.gather()),
                () -> assertEquals("#", gather.terminatingDigits()),
                () -> assertEquals(List.of(SpeakSentence.of("Press 1 for sales."),
                        PlayAudio.of("https://media.example/hold.wav")), gather.prompts()),
                () -> assertEquals(null, gather.maxDigits()),
                () -> assertEquals(null, gather.interDigitTimeout()));
    }

    @Test
    void gatherPromptsCannotBeChangedAfterwards() {
        List<Prompt> prompts = new ArrayList<>(List.of(SpeakSentence.of("Hello")));
        Gather gather = new Gather(null, null, null, null, null, null, null, null, prompts);
        prompts.add(SpeakSentence.of("later"));
        assertEquals(1, gather.prompts().size());
        assertThrows(UnsupportedOperationException.class, () -> gather.prompts().add(SpeakSentence.of("x")));
    }

    // --- Transfer ---------------------------------------------------------------------------------------------

    @Test
    void transferRefusesNoTargetAndMoreThanEight() {
        assertRefused(() -> Transfer.builder().build(), "Transfer", "targets", "0");
        Transfer.Builder nine = Transfer.builder();
        numbers(9).forEach(nine::target);
        assertRefused(nine::build, "Transfer", "targets", "9");
    }

    @Test
    void transferAcceptsOneToEightTargets() {
        assertEquals(1, Transfer.builder().phoneNumber("+15555550100").build().targets().size());
        Transfer.Builder eight = Transfer.builder();
        numbers(7).forEach(eight::target);
        eight.target(SipUri.of("sip:agent@pbx.example.com"));
        assertEquals(8, eight.build().targets().size());
    }

    @Test
    void transferRefusesCallTimeoutOutsideOneToThreeHundred() {
        assertRefused(() -> Transfer.builder().phoneNumber("+15555550100").callTimeout(301).build(),
                "Transfer", "callTimeout", "301");
        assertRefused(() -> Transfer.builder().phoneNumber("+15555550100").callTimeout(0).build(),
                "Transfer", "callTimeout", "0");
    }

    @Test
    void transferAcceptsCallTimeoutBoundaries() {
        assertEquals(300, Transfer.builder().phoneNumber("+15555550100").callTimeout(300).build().callTimeout());
        assertEquals(1, Transfer.builder().phoneNumber("+15555550100").callTimeout(1).build().callTimeout());
    }

    @Test
    void phoneNumberRequiresANumber() {
        assertRefused(() -> PhoneNumber.of(" "), "PhoneNumber");
        assertRefused(() -> PhoneNumber.of(null), "PhoneNumber");
    }

    @Test
    void sipUriRequiresTheSipScheme() {
        assertRefused(() -> SipUri.of("agent@pbx.example.com"), "SipUri", "sip:", "agent@pbx.example.com");
        assertRefused(() -> SipUri.of("sips:agent@pbx.example.com"), "SipUri", "sip:");
        assertEquals("sip:agent@pbx.example.com", SipUri.of("sip:agent@pbx.example.com").address());
    }

    // --- Conference -------------------------------------------------------------------------------------------

    @Test
    void conferenceRefusesBadNames() {
        assertRefused(() -> Conference.named("sales room"), "Conference", "name", "sales room");
        assertRefused(() -> Conference.named(""), "Conference", "name");
        assertRefused(() -> Conference.named(null), "Conference", "name");
        assertRefused(() -> Conference.named("ü-room"), "Conference", "name");
        assertRefused(() -> Conference.named("a".repeat(101)), "Conference", "name", "100");
    }

    @Test
    void conferenceAcceptsNamesUpToOneHundredCharactersOfTheAllowedSet() {
        assertEquals("a".repeat(100), Conference.named("a".repeat(100)).name());
        assertEquals("Sales_Room-2.b", Conference.named("Sales_Room-2.b").name());
        assertEquals("x", Conference.named("x").name());
    }

    @Test
    void conferenceRefusesCallbackTimeoutOutsideOneToTwentyFive() {
        assertRefused(() -> new Conference("room", null, null, null, null, null, null, 25.5),
                "Conference", "callbackTimeout", "25.5");
        assertRefused(() -> new Conference("room", null, null, null, null, null, null, 0.5),
                "Conference", "callbackTimeout");
        assertDoesNotThrow(() -> new Conference("room", null, null, null, null, null, null, 25.0));
        assertDoesNotThrow(() -> new Conference("room", null, null, null, null, null, null, 1.0));
    }

    @Test
    void conferenceWithEventUrlKeepsEverythingElse() {
        Conference conference = new Conference("room", true, false, List.of("c-1"), null, Credentials.of("u", SECRET),
                "tag", 5.0).withEventUrl("/voice/conference");
        assertEquals(Callback.to("/voice/conference"), conference.conferenceEvent());
        assertEquals("room", conference.name());
        assertEquals(List.of("c-1"), conference.callIdsToCoach());
        assertEquals(5.0, conference.callbackTimeout());
        assertEquals(List.of(), Conference.named("room").callIdsToCoach());
    }

    // --- Pause, Record, SpeakSentence, PlayAudio, Tag ---------------------------------------------------------

    @Test
    void pauseRefusesLessThanATenthOfASecondAndMoreThanADay() {
        assertRefused(() -> new Pause(0.05), "Pause", "duration", "0.05");
        assertRefused(() -> new Pause(86_400.5), "Pause", "duration");
        assertRefused(() -> new Pause(Double.NaN), "Pause", "duration");
        assertEquals(0.1, new Pause(0.1).duration());
        assertEquals(86_400.0, new Pause(86_400.0).duration());
    }

    @Test
    void recordRefusesMaxDurationOverThreeHours() {
        assertRefused(() -> Record.builder().maxDuration(10_801).build(), "Record", "maxDuration", "10801");
        assertRefused(() -> Record.builder().maxDuration(0).build(), "Record", "maxDuration");
        assertEquals(10_800, Record.builder().maxDuration(10_800).build().maxDuration());
        assertEquals(1, Record.builder().maxDuration(1).build().maxDuration());
    }

    @Test
    void recordRefusesNegativeSilenceTimeout() {
        assertRefused(() -> Record.builder().silenceTimeout(-1).build(), "Record", "silenceTimeout");
        assertEquals(0, Record.builder().silenceTimeout(0).build().silenceTimeout());
    }

    @Test
    void recordBuilderAsksForTranscriptionToTheGivenUrl() {
        Record record = Record.builder().transcribeTo("/voice/transcription").fileFormat(FileFormat.MP3).build();
        assertEquals(Boolean.TRUE, record.transcribe());
        assertEquals(PlainCallback.to("/voice/transcription"), record.transcriptionAvailable());
        assertEquals(FileFormat.MP3, record.fileFormat());
    }

    @Test
    void speakSentenceRefusesBlankText() {
        assertRefused(() -> SpeakSentence.of("   "), "SpeakSentence", "text");
        assertRefused(() -> SpeakSentence.of(""), "SpeakSentence", "text");
        assertRefused(() -> SpeakSentence.of(null), "SpeakSentence", "text");
        assertEquals("Hi", SpeakSentence.of("Hi").text());
    }

    @Test
    void playAudioRefusesBlankUrl() {
        assertRefused(() -> PlayAudio.of(" "), "PlayAudio", "url");
    }

    @Test
    void tagWithoutValueClears() {
        assertEquals("", new Tag(null).value());
    }

    // --- secrets ----------------------------------------------------------------------------------------------

    @Test
    void credentialsNeverShowTheirPasswords() {
        Credentials credentials = new Credentials("user", SECRET, "fallback-user", SECRET + "-fb");
        String shown = credentials.toString();
        assertFalse(shown.contains(SECRET), shown);
        assertTrue(shown.contains("user"), shown);
        assertTrue(shown.contains("***"), shown);
        assertEquals(SECRET, credentials.password(), "the value itself is kept");
    }

    @Test
    void playAudioNeverShowsItsPassword() {
        PlayAudio audio = new PlayAudio("https://media.example/a.wav", "user", SECRET);
        assertFalse(audio.toString().contains(SECRET), audio.toString());
        assertTrue(audio.toString().contains("https://media.example/a.wav"));
    }

    @Test
    void verbsAndResponsesHoldingCredentialsNeverShowThePasswords() {
        Credentials credentials = Credentials.of("user", SECRET);
        Response response = Response.builder()
                .add(Gather.builder().credentials(credentials)
                        .prompt(new PlayAudio("https://media.example/a.wav", "user", SECRET)).build())
                .add(Transfer.builder().credentials(credentials)
                        .target(new PhoneNumber("+15555550100", null, null, credentials, null, null)).build())
                .add(Record.builder().credentials(credentials).build())
                .add(new Redirect(Callback.to("/voice/redirect"), credentials, null))
                .add(new Conference("room", null, null, null, null, credentials, null, null))
                .build();
        assertFalse(response.toString().contains(SECRET), response.toString());
    }

    // --- Response ---------------------------------------------------------------------------------------------

    @Test
    void responseKeepsItsVerbsInOrder() {
        Response response = Response.builder().speak("Hello").pause(0.5).play("/a.wav").redirect("/next").hangup().build();
        assertEquals(List.of(SpeakSentence.of("Hello"), new Pause(0.5), PlayAudio.of("/a.wav"), Redirect.to("/next"),
                new Hangup()), response.verbs());
        assertFalse(response.isEmpty());
        assertTrue(Response.empty().isEmpty());
        assertEquals(Response.empty(), Response.builder().build());
    }
}
