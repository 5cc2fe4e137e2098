package io.switchboard.adapters.bxml;

import io.switchboard.domain.common.FileFormat;
import io.switchboard.domain.verb.Callback;
import io.switchboard.domain.verb.Conference;
import io.switchboard.domain.verb.Credentials;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Hangup;
import io.switchboard.domain.verb.Pause;
import io.switchboard.domain.verb.PhoneNumber;
import io.switchboard.domain.verb.PlayAudio;
import io.switchboard.domain.verb.Record;
import io.switchboard.domain.verb.Redirect;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.SipUri;
import io.switchboard.domain.verb.SpeakSentence;
import io.switchboard.domain.verb.Tag;
import io.switchboard.domain.verb.Transfer;
import org.junit.jupiter.params.provider.Arguments;

import java.util.List;
import java.util.stream.Stream;

import static io.switchboard.domain.verb.CallbackMethod.GET;
import static io.switchboard.domain.verb.CallbackMethod.POST;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Responses with their exact BXML: one per verb with every attribute set, plus typical replies. */
final class Goldens {

    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private static final Credentials CREDENTIALS = new Credentials("user", "secret", "backup-user", "backup-secret");
    private static final String CREDENTIAL_ATTRIBUTES =
            " username=\"user\" password=\"secret\" fallbackUsername=\"backup-user\" fallbackPassword=\"backup-secret\"";

    private Goldens() {
    }

    /** Arguments: a name, the response, its exact BXML. */
    static Stream<Arguments> cases() {
        return Stream.of(
                golden("empty response", Response.empty(), "<Response/>"),
                golden("SpeakSentence", Response.of(new SpeakSentence("Hello there", "julie", "female", "en_US")),
                        "<Response><SpeakSentence voice=\"julie\" gender=\"female\" locale=\"en_US\">Hello there"
                                + "</SpeakSentence></Response>"),
                golden("PlayAudio",
                        Response.of(new PlayAudio("https://audio.example.com/hello.wav", "audio-user", "audio-pass")),
                        "<Response><PlayAudio username=\"audio-user\" password=\"audio-pass\">"
                                + "https://audio.example.com/hello.wav</PlayAudio></Response>"),
                golden("Gather", Response.of(new Gather(
                                new Callback("https://app.example.com/gather", POST, "https://backup.example.com/gather", GET),
                                CREDENTIALS, "menu", "#", 1, 5.0, 0.5, 2,
                                List.of(SpeakSentence.of("Press 1"), PlayAudio.of("https://audio.example.com/menu.mp3")))),
                        "<Response><Gather gatherUrl=\"https://app.example.com/gather\" gatherMethod=\"POST\""
                                + " gatherFallbackUrl=\"https://backup.example.com/gather\" gatherFallbackMethod=\"GET\""
                                + CREDENTIAL_ATTRIBUTES + " tag=\"menu\" terminatingDigits=\"#\" maxDigits=\"1\""
                                + " interDigitTimeout=\"5\" firstDigitTimeout=\"0.5\" repeatCount=\"2\">"
                                + "<SpeakSentence>Press 1</SpeakSentence>"
                                + "<PlayAudio>https://audio.example.com/menu.mp3</PlayAudio></Gather></Response>"),
                golden("Hangup", Response.of(new Hangup()), "<Response><Hangup/></Response>"),
                golden("Pause", Response.of(new Pause(2), new Pause(0.25)),
                        "<Response><Pause duration=\"2\"/><Pause duration=\"0.25\"/></Response>"),
                golden("Redirect", Response.of(new Redirect(
                                new Callback("https://app.example.com/next", GET, "https://backup.example.com/next", POST),
                                CREDENTIALS, "step-2")),
                        "<Response><Redirect redirectUrl=\"https://app.example.com/next\" redirectMethod=\"GET\""
                                + " redirectFallbackUrl=\"https://backup.example.com/next\" redirectFallbackMethod=\"POST\""
                                + CREDENTIAL_ATTRIBUTES + " tag=\"step-2\"/></Response>"),
                golden("Record", Response.of(new Record(
                                new Callback("https://app.example.com/recorded", POST, "https://backup.example.com/recorded", GET),
                                new Callback("https://app.example.com/recording", GET, null, null),
                                true, false,
                                new Callback("https://app.example.com/transcript", POST, null, null),
                                CREDENTIALS, "voicemail", "#", 120, 5, FileFormat.MP3)),
                        "<Response><Record recordCompleteUrl=\"https://app.example.com/recorded\""
                                + " recordCompleteMethod=\"POST\""
                                + " recordCompleteFallbackUrl=\"https://backup.example.com/recorded\""
                                + " recordCompleteFallbackMethod=\"GET\""
                                + " recordingAvailableUrl=\"https://app.example.com/recording\""
                                + " recordingAvailableMethod=\"GET\" transcribe=\"true\" detectLanguage=\"false\""
                                + " transcriptionAvailableUrl=\"https://app.example.com/transcript\""
                                + " transcriptionAvailableMethod=\"POST\"" + CREDENTIAL_ATTRIBUTES
                                + " tag=\"voicemail\" terminatingDigits=\"#\" maxDuration=\"120\" silenceTimeout=\"5\""
                                + " fileFormat=\"mp3\"/></Response>"),
                golden("Transfer", Response.of(new Transfer("+15550100", "Support Line", 30,
                                new Callback("https://app.example.com/transferred", POST,
                                        "https://backup.example.com/transferred", GET),
                                CREDENTIALS, "transfer", "propagate", "userBusy",
                                List.of(new PhoneNumber("+15550123",
                                                new Callback("https://app.example.com/answered", POST,
                                                        "https://backup.example.com/answered", GET),
                                                new Callback("https://app.example.com/b-hangup", GET, null, null),
                                                CREDENTIALS, "leg-b", "0123456789abcdef"),
                                        new SipUri("sip:agent@pbx.example.com",
                                                Callback.to("https://app.example.com/answered"),
                                                new Callback("https://app.example.com/b-hangup", POST, null, null),
                                                Credentials.of("sip-user", "sip-secret"), "leg-sip", "fedcba")))),
                        "<Response><Transfer transferCallerId=\"+15550100\" transferCallerDisplayName=\"Support Line\""
                                + " callTimeout=\"30\" transferCompleteUrl=\"https://app.example.com/transferred\""
                                + " transferCompleteMethod=\"POST\""
                                + " transferCompleteFallbackUrl=\"https://backup.example.com/transferred\""
                                + " transferCompleteFallbackMethod=\"GET\"" + CREDENTIAL_ATTRIBUTES
                                + " tag=\"transfer\" diversionTreatment=\"propagate\" diversionReason=\"userBusy\">"
                                + "<PhoneNumber transferAnswerUrl=\"https://app.example.com/answered\""
                                + " transferAnswerMethod=\"POST\""
                                + " transferAnswerFallbackUrl=\"https://backup.example.com/answered\""
                                + " transferAnswerFallbackMethod=\"GET\""
                                + " transferDisconnectUrl=\"https://app.example.com/b-hangup\""
                                + " transferDisconnectMethod=\"GET\"" + CREDENTIAL_ATTRIBUTES
                                + " tag=\"leg-b\" uui=\"0123456789abcdef\">+15550123</PhoneNumber>"
                                + "<SipUri transferAnswerUrl=\"https://app.example.com/answered\""
                                + " transferDisconnectUrl=\"https://app.example.com/b-hangup\""
                                + " transferDisconnectMethod=\"POST\" username=\"sip-user\" password=\"sip-secret\""
                                + " tag=\"leg-sip\" uui=\"fedcba\">sip:agent@pbx.example.com</SipUri>"
                                + "</Transfer></Response>"),
                golden("Conference", Response.of(new Conference("support-room.1", true, false, List.of("c-1", "c-2"),
                                new Callback("https://app.example.com/conference", POST,
                                        "https://backup.example.com/conference", GET),
                                CREDENTIALS, "conf", 5.0)),
                        "<Response><Conference mute=\"true\" hold=\"false\" callIdsToCoach=\"c-1,c-2\""
                                + " conferenceEventUrl=\"https://app.example.com/conference\""
                                + " conferenceEventMethod=\"POST\""
                                + " conferenceEventFallbackUrl=\"https://backup.example.com/conference\""
                                + " conferenceEventFallbackMethod=\"GET\"" + CREDENTIAL_ATTRIBUTES
                                + " tag=\"conf\" callbackTimeout=\"5\">support-room.1</Conference></Response>"),
                golden("Conference without coached calls", Response.of(Conference.named("lobby")),
                        "<Response><Conference>lobby</Conference></Response>"),
                golden("Tag", Response.of(new Tag("vip"), new Tag("")),
                        "<Response><Tag>vip</Tag><Tag/></Response>"),
                golden("typical IVR reply", Response.builder()
                                .speak("Welcome to Switchboard.")
                                .add(Gather.builder().gatherUrl("/voice/gather").maxDigits(1)
                                        .speak("Press 1 for sales or 2 for support.").build())
                                .hangup()
                                .build(),
                        "<Response><SpeakSentence>Welcome to Switchboard.</SpeakSentence>"
                                + "<Gather gatherUrl=\"/voice/gather\" maxDigits=\"1\">"
                                + "<SpeakSentence>Press 1 for sales or 2 for support.</SpeakSentence></Gather>"
                                + "<Hangup/></Response>"));
    }

    private static Arguments golden(String name, Response response, String body) {
        return arguments(name, response, DECLARATION + body);
    }
}
