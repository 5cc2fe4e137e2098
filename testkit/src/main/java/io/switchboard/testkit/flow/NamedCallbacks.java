package io.switchboard.testkit.flow;

import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.conference.ConferenceFlow;
import io.switchboard.domain.verb.Bridge;
import io.switchboard.domain.verb.Callback;
import io.switchboard.domain.verb.Conference;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.PlainCallback;
import io.switchboard.domain.verb.Record;
import io.switchboard.domain.verb.Redirect;
import io.switchboard.domain.verb.Refer;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.StartGather;
import io.switchboard.domain.verb.StartRecording;
import io.switchboard.domain.verb.StartStream;
import io.switchboard.domain.verb.StartTranscription;
import io.switchboard.domain.verb.Transfer;
import io.switchboard.domain.verb.TransferTarget;
import io.switchboard.domain.verb.Verb;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The callbacks a reply names by URL, and whether the flows serve them: a flow that names a
 * {@code recordingAvailableUrl} but keeps {@link CallFlow}'s default {@code onRecordingAvailable} asked for an
 * event it then drops.
 */
final class NamedCallbacks {
    /** A callback URL a verb names, and the flow method its event reaches ({@code null}: the conference flow). */
    record Named(String verb, String attribute, String handler) {}

    private final CallFlow callFlow;
    private final ConferenceFlow conferenceFlow;
    private final Map<String, Boolean> served = new ConcurrentHashMap<>();

    NamedCallbacks(CallFlow callFlow, ConferenceFlow conferenceFlow) {
        this.callFlow = callFlow;
        this.conferenceFlow = conferenceFlow;
    }

    /** What is wrong with each callback {@code response} names and no flow serves, as a sentence. */
    List<String> unserved(Response response) {
        List<String> unserved = new ArrayList<>();
        for (Named named : named(response)) {
            if (!serves(named.handler())) {
                unserved.add("<" + named.verb() + "> names " + named.attribute() + ", but "
                        + (named.handler() == null
                                ? "the conference flow handles no event"
                                : "the flow keeps the default " + named.handler())
                        + ": the event it asks for is dropped");
            }
        }
        return unserved;
    }

    static List<Named> named(Response response) {
        List<Named> named = new ArrayList<>();
        for (Verb verb : response.verbs()) {
            String name = verb.verbName();
            if (verb instanceof Gather gather) {
                add(named, name, "gatherUrl", gather.gather(), "onGather");
            } else if (verb instanceof Redirect redirect) {
                add(named, name, "redirectUrl", redirect.redirect(), "onRedirect");
            } else if (verb instanceof Record record) {
                add(named, name, "recordCompleteUrl", record.recordComplete(), "onRecordingComplete");
                addRecordingCallbacks(
                        named, name, record.recordingAvailable(), record.transcribe(), record.transcriptionAvailable());
            } else if (verb instanceof StartRecording recording) {
                addRecordingCallbacks(
                        named,
                        name,
                        recording.recordingAvailable(),
                        recording.transcribe(),
                        recording.transcriptionAvailable());
            } else if (verb instanceof Transfer transfer) {
                add(named, name, "transferCompleteUrl", transfer.transferComplete(), "onTransferComplete");
                for (TransferTarget target : transfer.targets()) {
                    add(named, name, "transferAnswerUrl", target.transferAnswer(), "onTransferAnswer");
                    add(named, name, "transferDisconnectUrl", target.transferDisconnect(), "onTransferDisconnect");
                }
            } else if (verb instanceof Bridge bridge) {
                add(named, name, "bridgeCompleteUrl", bridge.bridgeComplete(), "onBridgeComplete");
                add(named, name, "bridgeTargetCompleteUrl", bridge.bridgeTargetComplete(), "onBridgeTargetComplete");
            } else if (verb instanceof Refer refer) {
                add(named, name, "referCompleteUrl", refer.referComplete(), "onReferComplete");
            } else if (verb instanceof StartGather startGather) {
                add(named, name, "dtmfUrl", startGather.dtmf(), "onDtmf");
            } else if (verb instanceof StartStream stream) {
                add(named, name, "streamEventUrl", stream.streamEvent(), "onMediaStream");
            } else if (verb instanceof StartTranscription transcription) {
                add(
                        named,
                        name,
                        "transcriptionEventUrl",
                        transcription.transcriptionEvent(),
                        "onRealTimeTranscription");
            } else if (verb instanceof Conference conference) {
                add(named, name, "conferenceEventUrl", conference.conferenceEvent(), null);
            }
        }
        return named;
    }

    /** A recording's media, and its transcription when one is asked for. */
    private static void addRecordingCallbacks(
            List<Named> named,
            String verb,
            PlainCallback available,
            Boolean transcribe,
            PlainCallback transcriptionAvailable) {
        add(named, verb, "recordingAvailableUrl", available, "onRecordingAvailable");
        if (Boolean.TRUE.equals(transcribe)) {
            add(named, verb, "transcriptionAvailableUrl", transcriptionAvailable, "onTranscriptionAvailable");
        }
    }

    private static void add(List<Named> named, String verb, String attribute, Object callback, String handler) {
        String url = callback instanceof Callback full
                ? full.url()
                : callback instanceof PlainCallback plain ? plain.url() : null;
        if (url != null && named.stream().noneMatch(known -> known.attribute().equals(attribute))) {
            named.add(new Named(verb, attribute, handler));
        }
    }

    /** Whether the flow overrides {@code handler} (either form of it); {@code null}: any conference handler. */
    private boolean serves(String handler) {
        return served.computeIfAbsent(
                String.valueOf(handler),
                key -> handler == null
                        ? overridesAny(conferenceFlow, ConferenceFlow.class, name -> name.startsWith("on"))
                        : overridesAny(callFlow, CallFlow.class, handler::equals));
    }

    private static boolean overridesAny(Object flow, Class<?> port, Predicate<String> handlers) {
        return Arrays.stream(flow.getClass().getMethods())
                .filter(method -> handlers.test(method.getName()))
                .map(Method::getDeclaringClass)
                .anyMatch(declaring -> declaring != port && declaring != Object.class);
    }
}
