package io.switchboard.domain.verb;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.domain.common.FileFormat;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VerbTest {
    private static final String SECRET = "s3cr3t-Pa55";

    // --- Gather -----------------------------------------------------------------------------------------------

    @Test
    void gatherBuilderKeepsItsPromptsInOrderAndLeavesTheRestAbsent() {
        Gather gather = Gather.builder()
                .gatherUrl("/voice/gather")
                .terminatingDigits("#")
                .speakSentence("Press 1 for sales.")
                .prompt(PlayAudio.of("https://media.example/hold.wav"))
                .build();
        assertAll(
                () -> assertEquals(Callback.of("/voice/gather"), gather.gather()),
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
        Gather gather = new Gather(null, null, null, null, null, null, null, null, prompts); // the reader's way in
        prompts.add(SpeakSentence.of("later"));
        assertEquals(1, gather.prompts().size());
        assertThrows(UnsupportedOperationException.class, () -> gather.prompts().add(SpeakSentence.of("x")));
    }

    // --- Conference -------------------------------------------------------------------------------------------

    @Test
    void conferenceBuilderSetsWhatItIsGivenAndLeavesTheRestAbsent() {
        Conference conference = Conference.builder("room")
                .mute(true)
                .coach("c-1")
                .conferenceEventUrl("/voice/conference")
                .callbackTimeout(5)
                .build();
        assertEquals(Callback.of("/voice/conference"), conference.conferenceEvent());
        assertEquals("room", conference.name());
        assertEquals(List.of("c-1"), conference.callIdsToCoach());
        assertEquals(5.0, conference.callbackTimeout());
        assertEquals(null, conference.hold());
        assertEquals(List.of(), Conference.of("room").callIdsToCoach());
    }

    // --- Record, Tag -------------------------------------------------------------------------------------------

    @Test
    void recordBuilderAsksForTranscriptionToTheGivenUrl() {
        Record record = Record.builder()
                .transcribeTo("/voice/transcription")
                .fileFormat(FileFormat.MP3)
                .build();
        assertEquals(Boolean.TRUE, record.transcribe());
        assertEquals(PlainCallback.of("/voice/transcription"), record.transcriptionAvailable());
        assertEquals(FileFormat.MP3, record.fileFormat());
    }

    @Test
    void tagWithoutValueClears() {
        assertEquals("", Tag.of(null).value());
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
        PlayAudio audio = PlayAudio.builder("https://media.example/a.wav")
                .credentials("user", SECRET)
                .build();
        assertFalse(audio.toString().contains(SECRET), audio.toString());
        assertTrue(audio.toString().contains("https://media.example/a.wav"));
    }

    @Test
    void verbsAndResponsesHoldingCredentialsNeverShowThePasswords() {
        Credentials credentials = Credentials.of("user", SECRET);
        Response response = Response.builder()
                .gather(gather -> gather.credentials(credentials)
                        .playAudio("https://media.example/a.wav", audio -> audio.credentials("user", SECRET)))
                .transfer(transfer -> transfer.credentials(credentials)
                        .phoneNumber("+15555550100", number -> number.credentials(credentials)))
                .record(record -> record.credentials(credentials))
                .redirect(redirect -> redirect.redirectUrl("/voice/redirect").credentials(credentials))
                .conference("room", conference -> conference.credentials(credentials))
                .build();
        assertFalse(response.toString().contains(SECRET), response.toString());
    }

    // --- Response ---------------------------------------------------------------------------------------------

    @Test
    void responseKeepsItsVerbsInOrder() {
        Response response = Response.builder()
                .speakSentence("Hello")
                .pause(p -> p.duration(0.5))
                .playAudio("/a.wav")
                .redirect(r -> r.redirectUrl("/next"))
                .hangup()
                .build();
        assertEquals(
                List.of(
                        SpeakSentence.of("Hello"),
                        Pause.builder().duration(0.5).build(),
                        PlayAudio.of("/a.wav"),
                        Redirect.builder().redirectUrl("/next").build(),
                        Hangup.of()),
                response.verbs());
        assertFalse(response.isEmpty());
        assertTrue(Response.empty().isEmpty());
        assertEquals(Response.empty(), Response.builder().build());
    }

    @Test
    void responseBuilderHasAMethodNamedAfterEachVerb() {
        Set<String> methods = Arrays.stream(Response.Builder.class.getMethods())
                .map(Method::getName)
                .collect(Collectors.toSet());
        for (String verb : VerbSamples.everyVerbFullyLoaded().keySet()) {
            String method = Character.toLowerCase(verb.charAt(0)) + verb.substring(1);
            assertTrue(methods.contains(method), "Response.Builder has no " + method + "(...)");
        }
    }

    @Test
    void responseBuilderMethodsBuildWhatTheFactoriesBuild() {
        Response shortcuts = Response.builder()
                .bridge("c-1", bridge -> bridge.tag("b"))
                .conference("room")
                .forward("+15555550100", forward -> forward.callTimeout(12.5))
                .gather(gather -> gather.maxDigits(1).speakSentence("Press 1", s -> s.voice(Voice.KATE)))
                .pauseRecording()
                .playAudio("/a.wav")
                .record(record -> record.maxDuration(30).silenceTimeout(2.5))
                .refer("sip:a@b.example")
                .resumeRecording()
                .ring(ring -> ring.duration(2))
                .sendDtmf("12", dtmf -> dtmf.toneDuration(100))
                .startGather(startGather -> startGather.dtmfUrl("/dtmf"))
                .startRecording(startRecording -> startRecording.multiChannel(true))
                .startStream("wss://s.example/a", stream -> stream.streamParam("k", "v"))
                .startTranscription(transcription -> transcription.customParam("k", "v"))
                .stopGather()
                .stopRecording()
                .stopStream(stream -> stream.name("s"))
                .stopTranscription(transcription -> transcription.name("t"))
                .tag("vip")
                .transfer(transfer -> transfer.callTimeout(15.0).sipUri("sip:a@b.example", uri -> uri.uui("u")))
                .build();
        Response factories = Response.of(
                Bridge.builder("c-1").tag("b").build(),
                Conference.of("room"),
                Forward.builder("+15555550100").callTimeout(12.5).build(),
                Gather.builder()
                        .maxDigits(1)
                        .prompt(SpeakSentence.builder("Press 1")
                                .voice(Voice.KATE)
                                .build())
                        .build(),
                PauseRecording.of(),
                PlayAudio.of("/a.wav"),
                Record.builder().maxDuration(30).silenceTimeout(2.5).build(),
                Refer.of("sip:a@b.example"),
                ResumeRecording.of(),
                Ring.builder().duration(2).build(),
                SendDtmf.builder("12").toneDuration(100).build(),
                StartGather.builder().dtmfUrl("/dtmf").build(),
                StartRecording.builder().multiChannel(true).build(),
                StartStream.builder("wss://s.example/a")
                        .streamParam(StreamParam.of("k", "v"))
                        .build(),
                StartTranscription.builder()
                        .customParam(CustomParam.of("k", "v"))
                        .build(),
                StopGather.of(),
                StopRecording.of(),
                StopStream.builder().name("s").build(),
                StopTranscription.builder().name("t").build(),
                Tag.of("vip"),
                Transfer.builder()
                        .callTimeout(15.0)
                        .target(SipUri.builder("sip:a@b.example").uui("u").build())
                        .build());
        assertEquals(factories, shortcuts);
    }
}
