package io.switchboard.domain.verb;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.domain.common.FileFormat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerbTest {
    private static final String SECRET = "s3cr3t-Pa55";

    // --- Gather -----------------------------------------------------------------------------------------------

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
                () -> assertEquals(
                        List.of(SpeakSentence.of("Press 1 for sales."), PlayAudio.of("https://media.example/hold.wav")),
                        gather.prompts()),
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

    // --- Conference -------------------------------------------------------------------------------------------

    @Test
    void conferenceWithEventUrlKeepsEverythingElse() {
        Conference conference = new Conference(
                        "room", true, false, List.of("c-1"), null, Credentials.of("u", SECRET), "tag", 5.0)
                .withEventUrl("/voice/conference");
        assertEquals(Callback.to("/voice/conference"), conference.conferenceEvent());
        assertEquals("room", conference.name());
        assertEquals(List.of("c-1"), conference.callIdsToCoach());
        assertEquals(5.0, conference.callbackTimeout());
        assertEquals(List.of(), Conference.named("room").callIdsToCoach());
    }

    // --- Record, Tag -------------------------------------------------------------------------------------------

    @Test
    void recordBuilderAsksForTranscriptionToTheGivenUrl() {
        Record record = Record.builder()
                .transcribeTo("/voice/transcription")
                .fileFormat(FileFormat.MP3)
                .build();
        assertEquals(Boolean.TRUE, record.transcribe());
        assertEquals(PlainCallback.to("/voice/transcription"), record.transcriptionAvailable());
        assertEquals(FileFormat.MP3, record.fileFormat());
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
                .add(Gather.builder()
                        .credentials(credentials)
                        .prompt(new PlayAudio("https://media.example/a.wav", "user", SECRET))
                        .build())
                .add(Transfer.builder()
                        .credentials(credentials)
                        .target(new PhoneNumber("+15555550100", null, null, credentials, null, null))
                        .build())
                .add(Record.builder().credentials(credentials).build())
                .add(new Redirect(Callback.to("/voice/redirect"), credentials, null))
                .add(new Conference("room", null, null, null, null, credentials, null, null))
                .build();
        assertFalse(response.toString().contains(SECRET), response.toString());
    }

    // --- Response ---------------------------------------------------------------------------------------------

    @Test
    void responseKeepsItsVerbsInOrder() {
        Response response = Response.builder()
                .speak("Hello")
                .pause(0.5)
                .play("/a.wav")
                .redirect("/next")
                .hangup()
                .build();
        assertEquals(
                List.of(
                        SpeakSentence.of("Hello"),
                        new Pause(0.5),
                        PlayAudio.of("/a.wav"),
                        Redirect.to("/next"),
                        new Hangup()),
                response.verbs());
        assertFalse(response.isEmpty());
        assertTrue(Response.empty().isEmpty());
        assertEquals(Response.empty(), Response.builder().build());
    }
}
