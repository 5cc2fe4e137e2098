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
import io.switchboard.domain.verb.Prompt;
import io.switchboard.domain.verb.Record;
import io.switchboard.domain.verb.Redirect;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.SipUri;
import io.switchboard.domain.verb.SpeakSentence;
import io.switchboard.domain.verb.Tag;
import io.switchboard.domain.verb.Transfer;
import io.switchboard.domain.verb.TransferTarget;
import io.switchboard.domain.verb.Verb;

import java.util.List;

import static io.switchboard.adapters.bxml.AttributeField.callback;
import static io.switchboard.adapters.bxml.AttributeField.callbackWithoutFallback;
import static io.switchboard.adapters.bxml.AttributeField.credentials;
import static io.switchboard.adapters.bxml.AttributeField.single;
import static io.switchboard.adapters.bxml.ValueType.BOOLEAN;
import static io.switchboard.adapters.bxml.ValueType.CALL_IDS;
import static io.switchboard.adapters.bxml.ValueType.FILE_FORMAT;
import static io.switchboard.adapters.bxml.ValueType.NUMBER;
import static io.switchboard.adapters.bxml.ValueType.TEXT;
import static io.switchboard.adapters.bxml.ValueType.WHOLE;

/**
 * Every BXML element Switchboard writes and reads: the one table both directions use. Each element lists its
 * attributes in the order of its record's components (the component carried as content, such as a
 * SpeakSentence's text, is not an attribute).
 */
final class Vocabulary {

    static final ElementFormat<Response, List<Verb>> RESPONSE;

    /** Root names the reader accepts; {@code Bxml} is the root of Bandwidth's update-call request. */
    static final List<String> ROOTS = List.of("Response", "Bxml");

    static {
        List<ElementFormat<? extends Verb, ?>> verbs = List.of(Speak.FORMAT, Play.FORMAT, GatherVerb.FORMAT,
                HangupVerb.FORMAT, PauseVerb.FORMAT, RedirectVerb.FORMAT, RecordVerb.FORMAT, TransferVerb.FORMAT,
                ConferenceVerb.FORMAT, TagVerb.FORMAT);
        RESPONSE = ElementFormat.of("Response", Response.class, AttributeTable.of(), Response::verbs,
                Content.children(Verb.class, verbs), (none, children) -> new Response(children));
    }

    private Vocabulary() {
    }

    private static final class Speak {
        static final AttributeField<SpeakSentence, String> VOICE = single("voice", SpeakSentence::voice, TEXT);
        static final AttributeField<SpeakSentence, String> GENDER = single("gender", SpeakSentence::gender, TEXT);
        static final AttributeField<SpeakSentence, String> LOCALE = single("locale", SpeakSentence::locale, TEXT);
        static final ElementFormat<SpeakSentence, String> FORMAT = ElementFormat.of("SpeakSentence",
                SpeakSentence.class, AttributeTable.of(VOICE, GENDER, LOCALE), SpeakSentence::text,
                Content.SPOKEN_TEXT,
                (values, text) -> new SpeakSentence(text, VOICE.read(values), GENDER.read(values), LOCALE.read(values)));
    }

    private static final class Play {
        static final AttributeField<PlayAudio, String> USERNAME = single("username", PlayAudio::username, TEXT);
        static final AttributeField<PlayAudio, String> PASSWORD = single("password", PlayAudio::password, TEXT);
        static final ElementFormat<PlayAudio, String> FORMAT = ElementFormat.of("PlayAudio", PlayAudio.class,
                AttributeTable.of(USERNAME, PASSWORD), PlayAudio::url, Content.TEXT,
                (values, url) -> new PlayAudio(url, USERNAME.read(values), PASSWORD.read(values)));
    }

    private static final class GatherVerb {
        static final AttributeField<Gather, Callback> GATHER = callback("gather", Gather::gather);
        static final AttributeField<Gather, Credentials> CREDENTIALS = credentials(Gather::credentials);
        static final AttributeField<Gather, String> TAG = single("tag", Gather::tag, TEXT);
        static final AttributeField<Gather, String> TERMINATING_DIGITS =
                single("terminatingDigits", Gather::terminatingDigits, TEXT);
        static final AttributeField<Gather, Integer> MAX_DIGITS = single("maxDigits", Gather::maxDigits, WHOLE);
        static final AttributeField<Gather, Double> INTER_DIGIT_TIMEOUT =
                single("interDigitTimeout", Gather::interDigitTimeout, NUMBER);
        static final AttributeField<Gather, Double> FIRST_DIGIT_TIMEOUT =
                single("firstDigitTimeout", Gather::firstDigitTimeout, NUMBER);
        static final AttributeField<Gather, Integer> REPEAT_COUNT = single("repeatCount", Gather::repeatCount, WHOLE);
        static final ElementFormat<Gather, List<Prompt>> FORMAT = ElementFormat.of("Gather", Gather.class,
                AttributeTable.of(GATHER, CREDENTIALS, TAG, TERMINATING_DIGITS, MAX_DIGITS, INTER_DIGIT_TIMEOUT,
                        FIRST_DIGIT_TIMEOUT, REPEAT_COUNT),
                Gather::prompts, Content.children(Prompt.class, List.of(Speak.FORMAT, Play.FORMAT)),
                (values, prompts) -> new Gather(GATHER.read(values), CREDENTIALS.read(values), TAG.read(values),
                        TERMINATING_DIGITS.read(values), MAX_DIGITS.read(values), INTER_DIGIT_TIMEOUT.read(values),
                        FIRST_DIGIT_TIMEOUT.read(values), REPEAT_COUNT.read(values), prompts));
    }

    private static final class HangupVerb {
        static final ElementFormat<Hangup, Void> FORMAT =
                ElementFormat.empty("Hangup", Hangup.class, AttributeTable.of(), values -> new Hangup());
    }

    private static final class PauseVerb {
        /** Bandwidth's default when the attribute is absent. */
        private static final double DEFAULT_DURATION = 1;
        static final AttributeField<Pause, Double> DURATION = single("duration", Pause::duration, NUMBER);
        static final ElementFormat<Pause, Void> FORMAT = ElementFormat.empty("Pause", Pause.class,
                AttributeTable.of(DURATION), values -> new Pause(orDefault(DURATION.read(values), DEFAULT_DURATION)));
    }

    private static final class RedirectVerb {
        static final AttributeField<Redirect, Callback> REDIRECT = callback("redirect", Redirect::redirect);
        static final AttributeField<Redirect, Credentials> CREDENTIALS = credentials(Redirect::credentials);
        static final AttributeField<Redirect, String> TAG = single("tag", Redirect::tag, TEXT);
        static final ElementFormat<Redirect, Void> FORMAT = ElementFormat.empty("Redirect", Redirect.class,
                AttributeTable.of(REDIRECT, CREDENTIALS, TAG),
                values -> new Redirect(REDIRECT.read(values), CREDENTIALS.read(values), TAG.read(values)));
    }

    private static final class RecordVerb {
        static final AttributeField<Record, Callback> RECORD_COMPLETE = callback("recordComplete", Record::recordComplete);
        static final AttributeField<Record, Callback> RECORDING_AVAILABLE =
                callbackWithoutFallback("recordingAvailable", Record::recordingAvailable);
        static final AttributeField<Record, Boolean> TRANSCRIBE = single("transcribe", Record::transcribe, BOOLEAN);
        static final AttributeField<Record, Boolean> DETECT_LANGUAGE =
                single("detectLanguage", Record::detectLanguage, BOOLEAN);
        static final AttributeField<Record, Callback> TRANSCRIPTION_AVAILABLE =
                callbackWithoutFallback("transcriptionAvailable", Record::transcriptionAvailable);
        static final AttributeField<Record, Credentials> CREDENTIALS = credentials(Record::credentials);
        static final AttributeField<Record, String> TAG = single("tag", Record::tag, TEXT);
        static final AttributeField<Record, String> TERMINATING_DIGITS =
                single("terminatingDigits", Record::terminatingDigits, TEXT);
        static final AttributeField<Record, Integer> MAX_DURATION = single("maxDuration", Record::maxDuration, WHOLE);
        static final AttributeField<Record, Integer> SILENCE_TIMEOUT =
                single("silenceTimeout", Record::silenceTimeout, WHOLE);
        static final AttributeField<Record, FileFormat> FILE_FORMAT_FIELD =
                single("fileFormat", Record::fileFormat, FILE_FORMAT);
        static final ElementFormat<Record, Void> FORMAT = ElementFormat.empty("Record", Record.class,
                AttributeTable.of(RECORD_COMPLETE, RECORDING_AVAILABLE, TRANSCRIBE, DETECT_LANGUAGE,
                        TRANSCRIPTION_AVAILABLE, CREDENTIALS, TAG, TERMINATING_DIGITS, MAX_DURATION, SILENCE_TIMEOUT,
                        FILE_FORMAT_FIELD),
                values -> new Record(RECORD_COMPLETE.read(values), RECORDING_AVAILABLE.read(values),
                        TRANSCRIBE.read(values), DETECT_LANGUAGE.read(values), TRANSCRIPTION_AVAILABLE.read(values),
                        CREDENTIALS.read(values), TAG.read(values), TERMINATING_DIGITS.read(values),
                        MAX_DURATION.read(values), SILENCE_TIMEOUT.read(values), FILE_FORMAT_FIELD.read(values)));
    }

    /** PhoneNumber and SipUri carry the same attributes; only the record differs. */
    private static final class Target {
        static final AttributeField<TransferTarget, Callback> TRANSFER_ANSWER =
                callback("transferAnswer", TransferTarget::transferAnswer);
        static final AttributeField<TransferTarget, Callback> TRANSFER_DISCONNECT =
                callbackWithoutFallback("transferDisconnect", TransferTarget::transferDisconnect);
        static final AttributeField<TransferTarget, Credentials> CREDENTIALS =
                credentials(TransferTarget::credentials);
        static final AttributeField<TransferTarget, String> TAG = single("tag", TransferTarget::tag, TEXT);
        static final AttributeField<TransferTarget, String> UUI = single("uui", Target::uui, TEXT);
        static final AttributeTable<TransferTarget> ATTRIBUTES =
                AttributeTable.of(TRANSFER_ANSWER, TRANSFER_DISCONNECT, CREDENTIALS, TAG, UUI);

        static final ElementFormat<PhoneNumber, String> PHONE_NUMBER = ElementFormat.of("PhoneNumber",
                PhoneNumber.class, ATTRIBUTES, PhoneNumber::address, Content.TEXT,
                (values, number) -> new PhoneNumber(number, TRANSFER_ANSWER.read(values),
                        TRANSFER_DISCONNECT.read(values), CREDENTIALS.read(values), TAG.read(values),
                        UUI.read(values)));
        static final ElementFormat<SipUri, String> SIP_URI = ElementFormat.of("SipUri",
                SipUri.class, ATTRIBUTES, SipUri::address, Content.TEXT,
                (values, uri) -> new SipUri(uri, TRANSFER_ANSWER.read(values), TRANSFER_DISCONNECT.read(values),
                        CREDENTIALS.read(values), TAG.read(values), UUI.read(values)));

        // TransferTarget does not declare uui, though both of its records have it.
        private static String uui(TransferTarget target) {
            return target instanceof PhoneNumber number ? number.uui() : ((SipUri) target).uui();
        }
    }

    private static final class TransferVerb {
        static final AttributeField<Transfer, String> CALLER_ID =
                single("transferCallerId", Transfer::transferCallerId, TEXT);
        static final AttributeField<Transfer, String> CALLER_DISPLAY_NAME =
                single("transferCallerDisplayName", Transfer::transferCallerDisplayName, TEXT);
        static final AttributeField<Transfer, Integer> CALL_TIMEOUT = single("callTimeout", Transfer::callTimeout, WHOLE);
        static final AttributeField<Transfer, Callback> TRANSFER_COMPLETE =
                callback("transferComplete", Transfer::transferComplete);
        static final AttributeField<Transfer, Credentials> CREDENTIALS = credentials(Transfer::credentials);
        static final AttributeField<Transfer, String> TAG = single("tag", Transfer::tag, TEXT);
        static final AttributeField<Transfer, String> DIVERSION_TREATMENT =
                single("diversionTreatment", Transfer::diversionTreatment, TEXT);
        static final AttributeField<Transfer, String> DIVERSION_REASON =
                single("diversionReason", Transfer::diversionReason, TEXT);
        static final ElementFormat<Transfer, List<TransferTarget>> FORMAT = ElementFormat.of("Transfer",
                Transfer.class,
                AttributeTable.of(CALLER_ID, CALLER_DISPLAY_NAME, CALL_TIMEOUT, TRANSFER_COMPLETE, CREDENTIALS, TAG,
                        DIVERSION_TREATMENT, DIVERSION_REASON),
                Transfer::targets, Content.children(TransferTarget.class, List.of(Target.PHONE_NUMBER, Target.SIP_URI)),
                (values, targets) -> new Transfer(CALLER_ID.read(values), CALLER_DISPLAY_NAME.read(values),
                        CALL_TIMEOUT.read(values), TRANSFER_COMPLETE.read(values), CREDENTIALS.read(values),
                        TAG.read(values), DIVERSION_TREATMENT.read(values), DIVERSION_REASON.read(values), targets));
    }

    private static final class ConferenceVerb {
        static final AttributeField<Conference, Boolean> MUTE = single("mute", Conference::mute, BOOLEAN);
        static final AttributeField<Conference, Boolean> HOLD = single("hold", Conference::hold, BOOLEAN);
        static final AttributeField<Conference, List<String>> CALL_IDS_TO_COACH =
                single("callIdsToCoach", Conference::callIdsToCoach, CALL_IDS);
        static final AttributeField<Conference, Callback> CONFERENCE_EVENT =
                callback("conferenceEvent", Conference::conferenceEvent);
        static final AttributeField<Conference, Credentials> CREDENTIALS = credentials(Conference::credentials);
        static final AttributeField<Conference, String> TAG = single("tag", Conference::tag, TEXT);
        static final AttributeField<Conference, Double> CALLBACK_TIMEOUT =
                single("callbackTimeout", Conference::callbackTimeout, NUMBER);
        static final ElementFormat<Conference, String> FORMAT = ElementFormat.of("Conference", Conference.class,
                AttributeTable.of(MUTE, HOLD, CALL_IDS_TO_COACH, CONFERENCE_EVENT, CREDENTIALS, TAG, CALLBACK_TIMEOUT),
                Conference::name, Content.TEXT,
                (values, name) -> new Conference(name, MUTE.read(values), HOLD.read(values),
                        CALL_IDS_TO_COACH.read(values), CONFERENCE_EVENT.read(values), CREDENTIALS.read(values),
                        TAG.read(values), CALLBACK_TIMEOUT.read(values)));
    }

    private static final class TagVerb {
        static final ElementFormat<Tag, String> FORMAT = ElementFormat.of("Tag", Tag.class, AttributeTable.of(),
                Tag::value, Content.TEXT, (values, value) -> new Tag(value));
    }

    private static double orDefault(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
