package io.switchboard.adapters.bxml;

import static io.switchboard.adapters.bxml.AttributeField.callback;
import static io.switchboard.adapters.bxml.AttributeField.credentials;
import static io.switchboard.adapters.bxml.AttributeField.plainCallback;
import static io.switchboard.adapters.bxml.AttributeField.requiredCallback;
import static io.switchboard.adapters.bxml.AttributeField.single;
import static io.switchboard.adapters.bxml.ValueType.BOOLEAN;
import static io.switchboard.adapters.bxml.ValueType.CALL_IDS;
import static io.switchboard.adapters.bxml.ValueType.NUMBER;
import static io.switchboard.adapters.bxml.ValueType.TEXT;
import static io.switchboard.adapters.bxml.ValueType.WHOLE;
import static io.switchboard.adapters.bxml.ValueType.wire;

import io.switchboard.domain.common.FileFormat;
import io.switchboard.domain.verb.Bridge;
import io.switchboard.domain.verb.Callback;
import io.switchboard.domain.verb.Conference;
import io.switchboard.domain.verb.Credentials;
import io.switchboard.domain.verb.CustomParam;
import io.switchboard.domain.verb.DiversionReason;
import io.switchboard.domain.verb.DiversionTreatment;
import io.switchboard.domain.verb.Forward;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Gender;
import io.switchboard.domain.verb.Hangup;
import io.switchboard.domain.verb.Pause;
import io.switchboard.domain.verb.PauseRecording;
import io.switchboard.domain.verb.PhoneNumber;
import io.switchboard.domain.verb.PlainCallback;
import io.switchboard.domain.verb.PlayAudio;
import io.switchboard.domain.verb.Prompt;
import io.switchboard.domain.verb.Record;
import io.switchboard.domain.verb.Redirect;
import io.switchboard.domain.verb.Refer;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.ResumeRecording;
import io.switchboard.domain.verb.Ring;
import io.switchboard.domain.verb.SendDtmf;
import io.switchboard.domain.verb.SipUri;
import io.switchboard.domain.verb.SpeakSentence;
import io.switchboard.domain.verb.StartGather;
import io.switchboard.domain.verb.StartRecording;
import io.switchboard.domain.verb.StartStream;
import io.switchboard.domain.verb.StartTranscription;
import io.switchboard.domain.verb.StopGather;
import io.switchboard.domain.verb.StopRecording;
import io.switchboard.domain.verb.StopStream;
import io.switchboard.domain.verb.StopTranscription;
import io.switchboard.domain.verb.StreamMode;
import io.switchboard.domain.verb.StreamParam;
import io.switchboard.domain.verb.Tag;
import io.switchboard.domain.verb.Tracks;
import io.switchboard.domain.verb.Transfer;
import io.switchboard.domain.verb.TransferTarget;
import io.switchboard.domain.verb.Verb;
import io.switchboard.domain.verb.Voice;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every BXML element Switchboard writes and reads: the one table both directions use. Each element lists its
 * attributes in the order of its record's components (the component carried as content, such as a
 * SpeakSentence's text, is not an attribute). The reader builds each verb with its canonical constructor: it
 * maps attributes one for one onto components, {@code null} for an absent one, and the constructor is where
 * the verb checks its values, so a read verb meets the same rules as a built one.
 */
final class Vocabulary {

    static final ElementFormat<Response, List<Verb>> RESPONSE;

    /** Root names the reader accepts; {@code Bxml} is the root of Bandwidth's update-call request. */
    static final List<String> ROOTS = List.of("Response", "Bxml");

    /** Every verb element, in Bandwidth's alphabetical order. */
    static final List<ElementFormat<? extends Verb, ?>> VERBS = List.of(
            BridgeVerb.FORMAT,
            ConferenceVerb.FORMAT,
            ForwardVerb.FORMAT,
            GatherVerb.FORMAT,
            attributeless("Hangup", Hangup.class, Hangup::new),
            PauseVerb.FORMAT,
            attributeless("PauseRecording", PauseRecording.class, PauseRecording::new),
            Play.FORMAT,
            RecordVerb.FORMAT,
            RedirectVerb.FORMAT,
            ReferVerb.FORMAT,
            attributeless("ResumeRecording", ResumeRecording.class, ResumeRecording::new),
            RingVerb.FORMAT,
            SendDtmfVerb.FORMAT,
            Speak.FORMAT,
            StartGatherVerb.FORMAT,
            StartRecordingVerb.FORMAT,
            StartStreamVerb.FORMAT,
            StartTranscriptionVerb.FORMAT,
            attributeless("StopGather", StopGather.class, StopGather::new),
            attributeless("StopRecording", StopRecording.class, StopRecording::new),
            StopStreamVerb.FORMAT,
            StopTranscriptionVerb.FORMAT,
            TagVerb.FORMAT,
            TransferVerb.FORMAT);

    static {
        RESPONSE = ElementFormat.of(
                "Response",
                Response.class,
                AttributeTable.of(),
                Response::verbs,
                Content.children(Verb.class, VERBS),
                (none, children) -> new Response(children));
    }

    private Vocabulary() {}

    private static <T> ElementFormat<T, Void> attributeless(String name, Class<T> type, Supplier<T> create) {
        return ElementFormat.empty(name, type, AttributeTable.of(), values -> create.get());
    }

    private static <T> AttributeField<T, String> tag(Function<T, String> component) {
        return single("tag", component, TEXT);
    }

    private static final class Speak {
        static final AttributeField<SpeakSentence, Voice> VOICE =
                single("voice", SpeakSentence::voice, wire(Voice.class));
        static final AttributeField<SpeakSentence, Gender> GENDER =
                single("gender", SpeakSentence::gender, wire(Gender.class));
        static final AttributeField<SpeakSentence, String> LOCALE = single("locale", SpeakSentence::locale, TEXT);
        static final ElementFormat<SpeakSentence, String> FORMAT = ElementFormat.of(
                "SpeakSentence",
                SpeakSentence.class,
                AttributeTable.of(VOICE, GENDER, LOCALE),
                SpeakSentence::text,
                Content.SPOKEN_TEXT,
                (values, text) ->
                        new SpeakSentence(text, VOICE.read(values), GENDER.read(values), LOCALE.read(values)));
    }

    private static final class Play {
        static final AttributeField<PlayAudio, String> USERNAME = single("username", PlayAudio::username, TEXT);
        static final AttributeField<PlayAudio, String> PASSWORD = single("password", PlayAudio::password, TEXT);
        static final ElementFormat<PlayAudio, String> FORMAT = ElementFormat.of(
                "PlayAudio",
                PlayAudio.class,
                AttributeTable.of(USERNAME, PASSWORD),
                PlayAudio::url,
                Content.TEXT,
                (values, url) -> new PlayAudio(url, USERNAME.read(values), PASSWORD.read(values)));
    }

    private static final class BridgeVerb {
        static final AttributeField<Bridge, Callback> COMPLETE = callback("bridgeComplete", Bridge::bridgeComplete);
        static final AttributeField<Bridge, Callback> TARGET_COMPLETE =
                callback("bridgeTargetComplete", Bridge::bridgeTargetComplete);
        static final AttributeField<Bridge, Credentials> CREDENTIALS = credentials(Bridge::credentials);
        static final AttributeField<Bridge, String> TAG = tag(Bridge::tag);
        static final ElementFormat<Bridge, String> FORMAT = ElementFormat.of(
                "Bridge",
                Bridge.class,
                AttributeTable.of(COMPLETE, TARGET_COMPLETE, CREDENTIALS, TAG),
                Bridge::targetCall,
                Content.TEXT,
                (values, callId) -> new Bridge(
                        callId,
                        COMPLETE.read(values),
                        TARGET_COMPLETE.read(values),
                        CREDENTIALS.read(values),
                        TAG.read(values)));
    }

    private static final class ConferenceVerb {
        static final AttributeField<Conference, Boolean> MUTE = single("mute", Conference::mute, BOOLEAN);
        static final AttributeField<Conference, Boolean> HOLD = single("hold", Conference::hold, BOOLEAN);
        static final AttributeField<Conference, List<String>> CALL_IDS_TO_COACH =
                single("callIdsToCoach", Conference::callIdsToCoach, CALL_IDS);
        static final AttributeField<Conference, Callback> CONFERENCE_EVENT =
                callback("conferenceEvent", Conference::conferenceEvent);
        static final AttributeField<Conference, Credentials> CREDENTIALS = credentials(Conference::credentials);
        static final AttributeField<Conference, String> TAG = tag(Conference::tag);
        static final AttributeField<Conference, Double> CALLBACK_TIMEOUT =
                single("callbackTimeout", Conference::callbackTimeout, NUMBER);
        static final ElementFormat<Conference, String> FORMAT = ElementFormat.of(
                "Conference",
                Conference.class,
                AttributeTable.of(MUTE, HOLD, CALL_IDS_TO_COACH, CONFERENCE_EVENT, CREDENTIALS, TAG, CALLBACK_TIMEOUT),
                Conference::name,
                Content.TEXT,
                (values, name) -> new Conference(
                        name,
                        MUTE.read(values),
                        HOLD.read(values),
                        CALL_IDS_TO_COACH.read(values),
                        CONFERENCE_EVENT.read(values),
                        CREDENTIALS.read(values),
                        TAG.read(values),
                        CALLBACK_TIMEOUT.read(values)));
    }

    private static final class ForwardVerb {
        static final AttributeField<Forward, String> TO = single("to", Forward::to, TEXT);
        static final AttributeField<Forward, String> FROM = single("from", Forward::from, TEXT);
        static final AttributeField<Forward, Double> CALL_TIMEOUT = single("callTimeout", Forward::callTimeout, NUMBER);
        static final AttributeField<Forward, DiversionTreatment> DIVERSION_TREATMENT =
                single("diversionTreatment", Forward::diversionTreatment, wire(DiversionTreatment.class));
        static final AttributeField<Forward, DiversionReason> DIVERSION_REASON =
                single("diversionReason", Forward::diversionReason, wire(DiversionReason.class));
        static final AttributeField<Forward, String> UUI = single("uui", Forward::uui, TEXT);
        static final ElementFormat<Forward, Void> FORMAT = ElementFormat.empty(
                "Forward",
                Forward.class,
                AttributeTable.of(TO, FROM, CALL_TIMEOUT, DIVERSION_TREATMENT, DIVERSION_REASON, UUI),
                values -> new Forward(
                        TO.read(values),
                        FROM.read(values),
                        CALL_TIMEOUT.read(values),
                        DIVERSION_TREATMENT.read(values),
                        DIVERSION_REASON.read(values),
                        UUI.read(values)));
    }

    private static final class GatherVerb {
        static final AttributeField<Gather, Callback> GATHER = callback("gather", Gather::gather);
        static final AttributeField<Gather, Credentials> CREDENTIALS = credentials(Gather::credentials);
        static final AttributeField<Gather, String> TAG = tag(Gather::tag);
        static final AttributeField<Gather, String> TERMINATING_DIGITS =
                single("terminatingDigits", Gather::terminatingDigits, TEXT);
        static final AttributeField<Gather, Integer> MAX_DIGITS = single("maxDigits", Gather::maxDigits, WHOLE);
        static final AttributeField<Gather, Double> INTER_DIGIT_TIMEOUT =
                single("interDigitTimeout", Gather::interDigitTimeout, NUMBER);
        static final AttributeField<Gather, Double> FIRST_DIGIT_TIMEOUT =
                single("firstDigitTimeout", Gather::firstDigitTimeout, NUMBER);
        static final AttributeField<Gather, Integer> REPEAT_COUNT = single("repeatCount", Gather::repeatCount, WHOLE);
        static final ElementFormat<Gather, List<Prompt>> FORMAT = ElementFormat.of(
                "Gather",
                Gather.class,
                AttributeTable.of(
                        GATHER,
                        CREDENTIALS,
                        TAG,
                        TERMINATING_DIGITS,
                        MAX_DIGITS,
                        INTER_DIGIT_TIMEOUT,
                        FIRST_DIGIT_TIMEOUT,
                        REPEAT_COUNT),
                Gather::prompts,
                Content.children(Prompt.class, List.of(Speak.FORMAT, Play.FORMAT)),
                (values, prompts) -> new Gather(
                        GATHER.read(values),
                        CREDENTIALS.read(values),
                        TAG.read(values),
                        TERMINATING_DIGITS.read(values),
                        MAX_DIGITS.read(values),
                        INTER_DIGIT_TIMEOUT.read(values),
                        FIRST_DIGIT_TIMEOUT.read(values),
                        REPEAT_COUNT.read(values),
                        prompts));
    }

    private static final class PauseVerb {
        static final AttributeField<Pause, Double> DURATION = single("duration", Pause::duration, NUMBER);
        static final ElementFormat<Pause, Void> FORMAT = ElementFormat.empty(
                "Pause", Pause.class, AttributeTable.of(DURATION), values -> new Pause(DURATION.read(values)));
    }

    private static final class RecordVerb {
        static final AttributeField<Record, Callback> RECORD_COMPLETE =
                callback("recordComplete", Record::recordComplete);
        static final AttributeField<Record, PlainCallback> RECORDING_AVAILABLE =
                plainCallback("recordingAvailable", Record::recordingAvailable);
        static final AttributeField<Record, Boolean> TRANSCRIBE = single("transcribe", Record::transcribe, BOOLEAN);
        static final AttributeField<Record, Boolean> DETECT_LANGUAGE =
                single("detectLanguage", Record::detectLanguage, BOOLEAN);
        static final AttributeField<Record, PlainCallback> TRANSCRIPTION_AVAILABLE =
                plainCallback("transcriptionAvailable", Record::transcriptionAvailable);
        static final AttributeField<Record, Credentials> CREDENTIALS = credentials(Record::credentials);
        static final AttributeField<Record, String> TAG = tag(Record::tag);
        static final AttributeField<Record, String> TERMINATING_DIGITS =
                single("terminatingDigits", Record::terminatingDigits, TEXT);
        static final AttributeField<Record, Integer> MAX_DURATION = single("maxDuration", Record::maxDuration, WHOLE);
        static final AttributeField<Record, Double> SILENCE_TIMEOUT =
                single("silenceTimeout", Record::silenceTimeout, NUMBER);
        static final AttributeField<Record, FileFormat> FILE_FORMAT =
                single("fileFormat", Record::fileFormat, wire(FileFormat.class));
        static final ElementFormat<Record, Void> FORMAT = ElementFormat.empty(
                "Record",
                Record.class,
                AttributeTable.of(
                        RECORD_COMPLETE,
                        RECORDING_AVAILABLE,
                        TRANSCRIBE,
                        DETECT_LANGUAGE,
                        TRANSCRIPTION_AVAILABLE,
                        CREDENTIALS,
                        TAG,
                        TERMINATING_DIGITS,
                        MAX_DURATION,
                        SILENCE_TIMEOUT,
                        FILE_FORMAT),
                values -> new Record(
                        RECORD_COMPLETE.read(values),
                        RECORDING_AVAILABLE.read(values),
                        TRANSCRIBE.read(values),
                        DETECT_LANGUAGE.read(values),
                        TRANSCRIPTION_AVAILABLE.read(values),
                        CREDENTIALS.read(values),
                        TAG.read(values),
                        TERMINATING_DIGITS.read(values),
                        MAX_DURATION.read(values),
                        SILENCE_TIMEOUT.read(values),
                        FILE_FORMAT.read(values)));
    }

    private static final class RedirectVerb {
        static final AttributeField<Redirect, Callback> REDIRECT = requiredCallback("redirect", Redirect::redirect);
        static final AttributeField<Redirect, Credentials> CREDENTIALS = credentials(Redirect::credentials);
        static final AttributeField<Redirect, String> TAG = tag(Redirect::tag);
        static final ElementFormat<Redirect, Void> FORMAT = ElementFormat.empty(
                "Redirect",
                Redirect.class,
                AttributeTable.of(REDIRECT, CREDENTIALS, TAG),
                values -> new Redirect(REDIRECT.read(values), CREDENTIALS.read(values), TAG.read(values)));
    }

    private static final class ReferVerb {
        static final AttributeField<Refer, PlainCallback> REFER_COMPLETE =
                plainCallback("referComplete", Refer::referComplete);
        static final AttributeField<Refer, String> TAG = tag(Refer::tag);
        static final ElementFormat<Refer, String> FORMAT = ElementFormat.of(
                "Refer",
                Refer.class,
                AttributeTable.of(REFER_COMPLETE, TAG),
                Refer::sipUri,
                Content.textChild("SipUri"),
                (values, sipUri) -> new Refer(REFER_COMPLETE.read(values), TAG.read(values), sipUri));
    }

    private static final class RingVerb {
        static final AttributeField<Ring, Double> DURATION = single("duration", Ring::duration, NUMBER);
        static final AttributeField<Ring, Boolean> ANSWER_CALL = single("answerCall", Ring::answerCall, BOOLEAN);
        static final ElementFormat<Ring, Void> FORMAT = ElementFormat.empty(
                "Ring",
                Ring.class,
                AttributeTable.of(DURATION, ANSWER_CALL),
                values -> new Ring(DURATION.read(values), ANSWER_CALL.read(values)));
    }

    private static final class SendDtmfVerb {
        static final AttributeField<SendDtmf, Double> TONE_DURATION =
                single("toneDuration", SendDtmf::toneDuration, NUMBER);
        static final AttributeField<SendDtmf, Double> TONE_INTERVAL =
                single("toneInterval", SendDtmf::toneInterval, NUMBER);
        static final ElementFormat<SendDtmf, String> FORMAT = ElementFormat.of(
                "SendDtmf",
                SendDtmf.class,
                AttributeTable.of(TONE_DURATION, TONE_INTERVAL),
                SendDtmf::digits,
                Content.TEXT,
                (values, digits) -> new SendDtmf(digits, TONE_DURATION.read(values), TONE_INTERVAL.read(values)));
    }

    private static final class StartGatherVerb {
        static final AttributeField<StartGather, PlainCallback> DTMF = plainCallback("dtmf", StartGather::dtmf);
        static final AttributeField<StartGather, String> USERNAME = single("username", StartGather::username, TEXT);
        static final AttributeField<StartGather, String> PASSWORD = single("password", StartGather::password, TEXT);
        static final AttributeField<StartGather, String> TAG = tag(StartGather::tag);
        static final ElementFormat<StartGather, Void> FORMAT = ElementFormat.empty(
                "StartGather",
                StartGather.class,
                AttributeTable.of(DTMF, USERNAME, PASSWORD, TAG),
                values -> new StartGather(
                        DTMF.read(values), USERNAME.read(values), PASSWORD.read(values), TAG.read(values)));
    }

    private static final class StartRecordingVerb {
        static final AttributeField<StartRecording, PlainCallback> RECORDING_AVAILABLE =
                plainCallback("recordingAvailable", StartRecording::recordingAvailable);
        static final AttributeField<StartRecording, Boolean> TRANSCRIBE =
                single("transcribe", StartRecording::transcribe, BOOLEAN);
        static final AttributeField<StartRecording, Boolean> DETECT_LANGUAGE =
                single("detectLanguage", StartRecording::detectLanguage, BOOLEAN);
        static final AttributeField<StartRecording, PlainCallback> TRANSCRIPTION_AVAILABLE =
                plainCallback("transcriptionAvailable", StartRecording::transcriptionAvailable);
        static final AttributeField<StartRecording, String> USERNAME =
                single("username", StartRecording::username, TEXT);
        static final AttributeField<StartRecording, String> PASSWORD =
                single("password", StartRecording::password, TEXT);
        static final AttributeField<StartRecording, String> TAG = tag(StartRecording::tag);
        static final AttributeField<StartRecording, FileFormat> FILE_FORMAT =
                single("fileFormat", StartRecording::fileFormat, wire(FileFormat.class));
        static final AttributeField<StartRecording, Boolean> MULTI_CHANNEL =
                single("multiChannel", StartRecording::multiChannel, BOOLEAN);
        static final ElementFormat<StartRecording, Void> FORMAT = ElementFormat.empty(
                "StartRecording",
                StartRecording.class,
                AttributeTable.of(
                        RECORDING_AVAILABLE,
                        TRANSCRIBE,
                        DETECT_LANGUAGE,
                        TRANSCRIPTION_AVAILABLE,
                        USERNAME,
                        PASSWORD,
                        TAG,
                        FILE_FORMAT,
                        MULTI_CHANNEL),
                values -> new StartRecording(
                        RECORDING_AVAILABLE.read(values),
                        TRANSCRIBE.read(values),
                        DETECT_LANGUAGE.read(values),
                        TRANSCRIPTION_AVAILABLE.read(values),
                        USERNAME.read(values),
                        PASSWORD.read(values),
                        TAG.read(values),
                        FILE_FORMAT.read(values),
                        MULTI_CHANNEL.read(values)));
    }

    /** {@code <StreamParam>} and {@code <CustomParam>}: a name and a value, nothing else. */
    private static final class Params {
        static final AttributeField<StreamParam, String> STREAM_NAME = single("name", StreamParam::name, TEXT);
        static final AttributeField<StreamParam, String> STREAM_VALUE = single("value", StreamParam::value, TEXT);
        static final ElementFormat<StreamParam, Void> STREAM_PARAM = ElementFormat.empty(
                "StreamParam",
                StreamParam.class,
                AttributeTable.of(STREAM_NAME, STREAM_VALUE),
                values -> new StreamParam(STREAM_NAME.read(values), STREAM_VALUE.read(values)));

        static final AttributeField<CustomParam, String> CUSTOM_NAME = single("name", CustomParam::name, TEXT);
        static final AttributeField<CustomParam, String> CUSTOM_VALUE = single("value", CustomParam::value, TEXT);
        static final ElementFormat<CustomParam, Void> CUSTOM_PARAM = ElementFormat.empty(
                "CustomParam",
                CustomParam.class,
                AttributeTable.of(CUSTOM_NAME, CUSTOM_VALUE),
                values -> new CustomParam(CUSTOM_NAME.read(values), CUSTOM_VALUE.read(values)));
    }

    private static final class StartStreamVerb {
        static final AttributeField<StartStream, String> NAME = single("name", StartStream::name, TEXT);
        static final AttributeField<StartStream, Tracks> TRACKS =
                single("tracks", StartStream::tracks, wire(Tracks.class));
        static final AttributeField<StartStream, String> DESTINATION =
                single("destination", StartStream::destination, TEXT);
        static final AttributeField<StartStream, PlainCallback> STREAM_EVENT =
                plainCallback("streamEvent", StartStream::streamEvent);
        static final AttributeField<StartStream, String> USERNAME = single("username", StartStream::username, TEXT);
        static final AttributeField<StartStream, String> PASSWORD = single("password", StartStream::password, TEXT);
        static final AttributeField<StartStream, StreamMode> MODE =
                single("mode", StartStream::mode, wire(StreamMode.class));
        static final AttributeField<StartStream, String> DESTINATION_USERNAME =
                single("destinationUsername", StartStream::destinationUsername, TEXT);
        static final AttributeField<StartStream, String> DESTINATION_PASSWORD =
                single("destinationPassword", StartStream::destinationPassword, TEXT);
        static final ElementFormat<StartStream, List<StreamParam>> FORMAT = ElementFormat.of(
                "StartStream",
                StartStream.class,
                AttributeTable.of(
                        NAME,
                        TRACKS,
                        DESTINATION,
                        STREAM_EVENT,
                        USERNAME,
                        PASSWORD,
                        MODE,
                        DESTINATION_USERNAME,
                        DESTINATION_PASSWORD),
                StartStream::streamParams,
                Content.children(StreamParam.class, List.of(Params.STREAM_PARAM)),
                (values, params) -> new StartStream(
                        NAME.read(values),
                        TRACKS.read(values),
                        DESTINATION.read(values),
                        STREAM_EVENT.read(values),
                        USERNAME.read(values),
                        PASSWORD.read(values),
                        MODE.read(values),
                        DESTINATION_USERNAME.read(values),
                        DESTINATION_PASSWORD.read(values),
                        params));
    }

    private static final class StartTranscriptionVerb {
        static final AttributeField<StartTranscription, String> NAME = single("name", StartTranscription::name, TEXT);
        static final AttributeField<StartTranscription, Tracks> TRACKS =
                single("tracks", StartTranscription::tracks, wire(Tracks.class));
        static final AttributeField<StartTranscription, PlainCallback> TRANSCRIPTION_EVENT =
                plainCallback("transcriptionEvent", StartTranscription::transcriptionEvent);
        static final AttributeField<StartTranscription, String> USERNAME =
                single("username", StartTranscription::username, TEXT);
        static final AttributeField<StartTranscription, String> PASSWORD =
                single("password", StartTranscription::password, TEXT);
        static final AttributeField<StartTranscription, String> DESTINATION =
                single("destination", StartTranscription::destination, TEXT);
        static final AttributeField<StartTranscription, Boolean> STABILIZED =
                single("stabilized", StartTranscription::stabilized, BOOLEAN);
        static final ElementFormat<StartTranscription, List<CustomParam>> FORMAT = ElementFormat.of(
                "StartTranscription",
                StartTranscription.class,
                AttributeTable.of(NAME, TRACKS, TRANSCRIPTION_EVENT, USERNAME, PASSWORD, DESTINATION, STABILIZED),
                StartTranscription::customParams,
                Content.children(CustomParam.class, List.of(Params.CUSTOM_PARAM)),
                (values, params) -> new StartTranscription(
                        NAME.read(values),
                        TRACKS.read(values),
                        TRANSCRIPTION_EVENT.read(values),
                        USERNAME.read(values),
                        PASSWORD.read(values),
                        DESTINATION.read(values),
                        STABILIZED.read(values),
                        params));
    }

    private static final class StopStreamVerb {
        static final AttributeField<StopStream, String> NAME = single("name", StopStream::name, TEXT);
        static final AttributeField<StopStream, Boolean> WAIT = single("wait", StopStream::waitUntilStopped, BOOLEAN);
        static final ElementFormat<StopStream, Void> FORMAT = ElementFormat.empty(
                "StopStream",
                StopStream.class,
                AttributeTable.of(NAME, WAIT),
                values -> new StopStream(NAME.read(values), WAIT.read(values)));
    }

    private static final class StopTranscriptionVerb {
        static final AttributeField<StopTranscription, String> NAME = single("name", StopTranscription::name, TEXT);
        static final ElementFormat<StopTranscription, Void> FORMAT = ElementFormat.empty(
                "StopTranscription",
                StopTranscription.class,
                AttributeTable.of(NAME),
                values -> new StopTranscription(NAME.read(values)));
    }

    private static final class TagVerb {
        static final ElementFormat<Tag, String> FORMAT = ElementFormat.of(
                "Tag", Tag.class, AttributeTable.of(), Tag::value, Content.TEXT, (values, value) -> Tag.of(value));
    }

    /** PhoneNumber and SipUri carry the same attributes; only the record differs. */
    private static final class Target {
        static final AttributeField<TransferTarget, Callback> TRANSFER_ANSWER =
                callback("transferAnswer", TransferTarget::transferAnswer);
        static final AttributeField<TransferTarget, PlainCallback> TRANSFER_DISCONNECT =
                plainCallback("transferDisconnect", TransferTarget::transferDisconnect);
        static final AttributeField<TransferTarget, Credentials> CREDENTIALS = credentials(TransferTarget::credentials);
        static final AttributeField<TransferTarget, String> TAG = tag(TransferTarget::tag);
        static final AttributeField<TransferTarget, String> UUI = single("uui", TransferTarget::uui, TEXT);
        static final AttributeTable<TransferTarget> ATTRIBUTES =
                AttributeTable.of(TRANSFER_ANSWER, TRANSFER_DISCONNECT, CREDENTIALS, TAG, UUI);

        static final ElementFormat<PhoneNumber, String> PHONE_NUMBER = ElementFormat.of(
                "PhoneNumber",
                PhoneNumber.class,
                ATTRIBUTES,
                PhoneNumber::address,
                Content.TEXT,
                (values, number) -> new PhoneNumber(
                        number,
                        TRANSFER_ANSWER.read(values),
                        TRANSFER_DISCONNECT.read(values),
                        CREDENTIALS.read(values),
                        TAG.read(values),
                        UUI.read(values)));
        static final ElementFormat<SipUri, String> SIP_URI = ElementFormat.of(
                "SipUri",
                SipUri.class,
                ATTRIBUTES,
                SipUri::address,
                Content.TEXT,
                (values, uri) -> new SipUri(
                        uri,
                        TRANSFER_ANSWER.read(values),
                        TRANSFER_DISCONNECT.read(values),
                        CREDENTIALS.read(values),
                        TAG.read(values),
                        UUI.read(values)));
    }

    private static final class TransferVerb {
        static final AttributeField<Transfer, String> CALLER_ID =
                single("transferCallerId", Transfer::transferCallerId, TEXT);
        static final AttributeField<Transfer, String> CALLER_DISPLAY_NAME =
                single("transferCallerDisplayName", Transfer::transferCallerDisplayName, TEXT);
        static final AttributeField<Transfer, Double> CALL_TIMEOUT =
                single("callTimeout", Transfer::callTimeout, NUMBER);
        static final AttributeField<Transfer, Callback> TRANSFER_COMPLETE =
                callback("transferComplete", Transfer::transferComplete);
        static final AttributeField<Transfer, Credentials> CREDENTIALS = credentials(Transfer::credentials);
        static final AttributeField<Transfer, String> TAG = tag(Transfer::tag);
        static final AttributeField<Transfer, DiversionTreatment> DIVERSION_TREATMENT =
                single("diversionTreatment", Transfer::diversionTreatment, wire(DiversionTreatment.class));
        static final AttributeField<Transfer, DiversionReason> DIVERSION_REASON =
                single("diversionReason", Transfer::diversionReason, wire(DiversionReason.class));
        static final ElementFormat<Transfer, List<TransferTarget>> FORMAT = ElementFormat.of(
                "Transfer",
                Transfer.class,
                AttributeTable.of(
                        CALLER_ID,
                        CALLER_DISPLAY_NAME,
                        CALL_TIMEOUT,
                        TRANSFER_COMPLETE,
                        CREDENTIALS,
                        TAG,
                        DIVERSION_TREATMENT,
                        DIVERSION_REASON),
                Transfer::targets,
                Content.children(TransferTarget.class, List.of(Target.PHONE_NUMBER, Target.SIP_URI)),
                (values, targets) -> new Transfer(
                        CALLER_ID.read(values),
                        CALLER_DISPLAY_NAME.read(values),
                        CALL_TIMEOUT.read(values),
                        TRANSFER_COMPLETE.read(values),
                        CREDENTIALS.read(values),
                        TAG.read(values),
                        DIVERSION_TREATMENT.read(values),
                        DIVERSION_REASON.read(values),
                        targets));
    }
}
