package io.switchboard.domain.verb;

import static io.switchboard.domain.verb.CallbackMethod.GET;
import static io.switchboard.domain.verb.CallbackMethod.POST;

import io.switchboard.domain.common.FileFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One instance of every BXML verb (and nested element) with every attribute set, for tests that must cover the
 * whole catalogue: golden renderings, serialization, the linter.
 */
public final class VerbSamples {

    public static final Credentials CREDENTIALS = new Credentials("user", "secret", "backup-user", "backup-secret");

    private VerbSamples() {}

    /** A callback with all four parts, under {@code name}. */
    public static Callback fullCallback(String name) {
        return new Callback("https://app.example.com/" + name, POST, "https://backup.example.com/" + name, GET);
    }

    /** A callback without a fallback, under {@code name}. */
    public static PlainCallback plainCallback(String name) {
        return new PlainCallback("https://app.example.com/" + name, GET);
    }

    /** Each verb's element name, mapped to that verb with every attribute (and nested element kind) set. */
    public static Map<String, Verb> everyVerbFullyLoaded() {
        Map<String, Verb> verbs = new LinkedHashMap<>();
        verbs.put(
                "Bridge",
                Bridge.builder("c-86d5e3a2-0f9b4c5d")
                        .bridgeComplete(fullCallback("bridge-complete"))
                        .bridgeTargetComplete(fullCallback("bridge-target-complete"))
                        .credentials(CREDENTIALS)
                        .tag("bridged")
                        .build());
        verbs.put(
                "Conference",
                Conference.builder("support-room.1")
                        .mute(true)
                        .hold(false)
                        .coach("c-1", "c-2")
                        .conferenceEvent(fullCallback("conference"))
                        .credentials(CREDENTIALS)
                        .tag("conf")
                        .callbackTimeout(5.0)
                        .build());
        verbs.put(
                "Forward",
                Forward.builder("+15550100")
                        .from("+15550199")
                        .callTimeout(25.0)
                        .diversion(DiversionTreatment.STACK, DiversionReason.USER_BUSY)
                        .uui("b3c5ZT1ldmVudA;encoding=base64")
                        .build());
        verbs.put(
                "Gather",
                Gather.builder()
                        .gather(fullCallback("gather"))
                        .credentials(CREDENTIALS)
                        .tag("menu")
                        .terminatingDigits("#")
                        .maxDigits(1)
                        .interDigitTimeout(5.0)
                        .firstDigitTimeout(0.5)
                        .repeatCount(2)
                        .speakSentence("Press 1")
                        .playAudio("https://audio.example.com/menu.mp3")
                        .build());
        verbs.put("Hangup", Hangup.of());
        verbs.put("Pause", Pause.builder().duration(2.5).build());
        verbs.put("PauseRecording", PauseRecording.of());
        verbs.put(
                "PlayAudio",
                PlayAudio.builder("https://audio.example.com/hello.wav")
                        .credentials("audio-user", "audio-pass")
                        .build());
        verbs.put(
                "Record",
                Record.builder()
                        .recordComplete(fullCallback("recorded"))
                        .recordingAvailable(plainCallback("recording"))
                        .transcribe(true)
                        .detectLanguage(true)
                        .transcriptionAvailable(plainCallback("transcript"))
                        .credentials(CREDENTIALS)
                        .tag("voicemail")
                        .terminatingDigits("#")
                        .maxDuration(120)
                        .silenceTimeout(5.5)
                        .fileFormat(FileFormat.MP3)
                        .build());
        verbs.put(
                "Redirect",
                Redirect.builder()
                        .redirect(fullCallback("next"))
                        .credentials(CREDENTIALS)
                        .tag("step-2")
                        .build());
        verbs.put(
                "Refer",
                Refer.builder("sip:agent@pbx.example.com")
                        .referComplete(plainCallback("refer-complete"))
                        .tag("referred")
                        .build());
        verbs.put("ResumeRecording", ResumeRecording.of());
        verbs.put("Ring", Ring.builder().duration(3.5).answerCall(false).build());
        verbs.put(
                "SendDtmf",
                SendDtmf.builder("12w34#").toneDuration(150).toneInterval(300).build());
        verbs.put(
                "SpeakSentence",
                SpeakSentence.builder("Hello <emphasis level=\"strong\">there</emphasis>")
                        .voice(Voice.JULIE)
                        .gender(Gender.FEMALE)
                        .locale("en_US")
                        .build());
        verbs.put(
                "StartGather",
                StartGather.builder()
                        .dtmf(plainCallback("dtmf"))
                        .credentials("dtmf-user", "dtmf-pass")
                        .tag("keys")
                        .build());
        verbs.put(
                "StartRecording",
                StartRecording.builder()
                        .recordingAvailable(plainCallback("recording"))
                        .transcribe(true)
                        .detectLanguage(false)
                        .transcriptionAvailable(plainCallback("transcript"))
                        .credentials("rec-user", "rec-pass")
                        .tag("recorded")
                        .fileFormat(FileFormat.WAV)
                        .multiChannel(true)
                        .build());
        verbs.put(
                "StartStream",
                StartStream.builder("wss://stream.example.com/audio")
                        .name("live-audio")
                        .tracks(Tracks.BOTH)
                        .streamEvent(plainCallback("stream"))
                        .credentials("stream-user", "stream-pass")
                        .mode(StreamMode.BIDIRECTIONAL)
                        .destinationCredentials("ws-user", "ws-pass")
                        .streamParam("customer", "42")
                        .streamParam("queue", "support")
                        .build());
        verbs.put(
                "StartTranscription",
                StartTranscription.builder()
                        .name("live-text")
                        .tracks(Tracks.INBOUND)
                        .transcriptionEvent(plainCallback("transcription-event"))
                        .credentials("tx-user", "tx-pass")
                        .destination("wss://transcripts.example.com/in")
                        .stabilized(false)
                        .customParam("language", "en")
                        .build());
        verbs.put("StopGather", StopGather.of());
        verbs.put("StopRecording", StopRecording.of());
        verbs.put(
                "StopStream",
                StopStream.builder().name("live-audio").waitUntilStopped(true).build());
        verbs.put(
                "StopTranscription",
                StopTranscription.builder().name("live-text").build());
        verbs.put("Tag", Tag.of("vip"));
        verbs.put(
                "Transfer",
                Transfer.builder()
                        .transferCallerId("+15550100")
                        .transferCallerDisplayName("Support Line")
                        .callTimeout(15.0)
                        .transferComplete(fullCallback("transferred"))
                        .credentials(CREDENTIALS)
                        .tag("transfer")
                        .diversion(DiversionTreatment.PROPAGATE, DiversionReason.NO_ANSWER)
                        .phoneNumber(
                                "+15550123",
                                number -> number.transferAnswer(fullCallback("answered"))
                                        .transferDisconnect(plainCallback("b-hangup"))
                                        .credentials(CREDENTIALS)
                                        .tag("leg-b")
                                        .uui("0123456789abcdef"))
                        .sipUri(
                                "sip:agent@pbx.example.com",
                                uri -> uri.transferAnswer(fullCallback("sip-answered"))
                                        .transferDisconnect(plainCallback("sip-hangup"))
                                        .credentials(Credentials.of("sip-user", "sip-secret"))
                                        .tag("leg-sip")
                                        .uui("fedcba"))
                        .build());
        return verbs;
    }

    /** Every verb in one response, in element-name order. */
    public static Response everyVerb() {
        return Response.of(everyVerbFullyLoaded().values().toArray(Verb[]::new));
    }
}
