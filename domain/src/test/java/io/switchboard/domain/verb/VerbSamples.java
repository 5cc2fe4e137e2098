package io.switchboard.domain.verb;

import static io.switchboard.domain.verb.CallbackMethod.GET;
import static io.switchboard.domain.verb.CallbackMethod.POST;

import io.switchboard.domain.common.FileFormat;
import java.util.LinkedHashMap;
import java.util.List;
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
                new Bridge(
                        "c-86d5e3a2-0f9b4c5d",
                        fullCallback("bridge-complete"),
                        fullCallback("bridge-target-complete"),
                        CREDENTIALS,
                        "bridged"));
        verbs.put(
                "Conference",
                new Conference(
                        "support-room.1",
                        true,
                        false,
                        List.of("c-1", "c-2"),
                        fullCallback("conference"),
                        CREDENTIALS,
                        "conf",
                        5.0));
        verbs.put(
                "Forward",
                new Forward(
                        "+15550100",
                        "+15550199",
                        25.0,
                        DiversionTreatment.STACK,
                        DiversionReason.USER_BUSY,
                        "b3c5ZT1ldmVudA;encoding=base64"));
        verbs.put(
                "Gather",
                new Gather(
                        fullCallback("gather"),
                        CREDENTIALS,
                        "menu",
                        "#",
                        1,
                        5.0,
                        0.5,
                        2,
                        List.of(SpeakSentence.of("Press 1"), PlayAudio.of("https://audio.example.com/menu.mp3"))));
        verbs.put("Hangup", new Hangup());
        verbs.put("Pause", Pause.seconds(2.5));
        verbs.put("PauseRecording", new PauseRecording());
        verbs.put("PlayAudio", new PlayAudio("https://audio.example.com/hello.wav", "audio-user", "audio-pass"));
        verbs.put(
                "Record",
                new Record(
                        fullCallback("recorded"),
                        plainCallback("recording"),
                        true,
                        true,
                        plainCallback("transcript"),
                        CREDENTIALS,
                        "voicemail",
                        "#",
                        120,
                        5,
                        FileFormat.MP3));
        verbs.put("Redirect", new Redirect(fullCallback("next"), CREDENTIALS, "step-2"));
        verbs.put("Refer", new Refer(plainCallback("refer-complete"), "referred", "sip:agent@pbx.example.com"));
        verbs.put("ResumeRecording", new ResumeRecording());
        verbs.put("Ring", new Ring(3.5, false));
        verbs.put("SendDtmf", new SendDtmf("12w34#", 150.0, 300.0));
        verbs.put(
                "SpeakSentence",
                new SpeakSentence(
                        "Hello <emphasis level=\"strong\">there</emphasis>", Voice.JULIE, Gender.FEMALE, "en_US"));
        verbs.put("StartGather", new StartGather(plainCallback("dtmf"), "dtmf-user", "dtmf-pass", "keys"));
        verbs.put(
                "StartRecording",
                new StartRecording(
                        plainCallback("recording"),
                        true,
                        false,
                        plainCallback("transcript"),
                        "rec-user",
                        "rec-pass",
                        "recorded",
                        FileFormat.WAV,
                        true));
        verbs.put(
                "StartStream",
                new StartStream(
                        "live-audio",
                        Tracks.BOTH,
                        "wss://stream.example.com/audio",
                        plainCallback("stream"),
                        "stream-user",
                        "stream-pass",
                        StreamMode.BIDIRECTIONAL,
                        "ws-user",
                        "ws-pass",
                        List.of(new StreamParam("customer", "42"), new StreamParam("queue", "support"))));
        verbs.put(
                "StartTranscription",
                new StartTranscription(
                        "live-text",
                        Tracks.INBOUND,
                        plainCallback("transcription-event"),
                        "tx-user",
                        "tx-pass",
                        "wss://transcripts.example.com/in",
                        false,
                        List.of(new CustomParam("language", "en"))));
        verbs.put("StopGather", new StopGather());
        verbs.put("StopRecording", new StopRecording());
        verbs.put("StopStream", new StopStream("live-audio", true));
        verbs.put("StopTranscription", new StopTranscription("live-text"));
        verbs.put("Tag", new Tag("vip"));
        verbs.put(
                "Transfer",
                new Transfer(
                        "+15550100",
                        "Support Line",
                        30,
                        fullCallback("transferred"),
                        CREDENTIALS,
                        "transfer",
                        DiversionTreatment.PROPAGATE,
                        DiversionReason.NO_ANSWER,
                        List.of(
                                new PhoneNumber(
                                        "+15550123",
                                        fullCallback("answered"),
                                        plainCallback("b-hangup"),
                                        CREDENTIALS,
                                        "leg-b",
                                        "0123456789abcdef"),
                                new SipUri(
                                        "sip:agent@pbx.example.com",
                                        fullCallback("sip-answered"),
                                        plainCallback("sip-hangup"),
                                        Credentials.of("sip-user", "sip-secret"),
                                        "leg-sip",
                                        "fedcba"))));
        return verbs;
    }

    /** Every verb in one response, in element-name order. */
    public static Response everyVerb() {
        return new Response(List.copyOf(everyVerbFullyLoaded().values()));
    }
}
