package io.switchboard.domain.call;

import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.Direction;
import io.switchboard.domain.entity.EntityState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the events of one call leg have told us, rebuilt by {@link #apply} from nothing but those
 * events. Immutable: {@code apply} returns a new state. Collections are shared, never copied, by the states an
 * event leaves them unchanged in; empty ones are the JDK's shared empty list.
 *
 * @param applicationId           the Bandwidth application the call belongs to, as its events name it; the service
 *                                routes the call's events to that application's flow
 * @param parentCallId            set on the B-leg of a transfer: the call that transferred it
 * @param gatheredDigits          the digits of every completed gather, oldest first (empty string: no input)
 * @param recordings              every recording of the call, updated as later events tell more about it
 * @param ending                  how the call ended, once it has
 * @param eventsApplied           how many distinct events the call has seen
 * @param transferOutcome         how the latest {@code <Transfer>} of this call (as A-leg) ended
 * @param bridgeOutcome           how the latest {@code <Bridge>} of this call ended
 * @param referOutcome            how the latest {@code <Refer>} of this call ended
 * @param machineDetection        the latest answering-machine detection verdict
 * @param dtmfDigits              the keys reported by {@code <StartGather>}, oldest first; only the last
 *                                {@value #MAX_DTMF_DIGITS} characters are kept
 * @param activeMediaStreams      ids of the media streams started and not yet stopped or rejected
 * @param activeTranscriptions    ids of the real-time transcriptions started and not yet stopped or rejected
 * @param unrecognizedEvents      how many events of types this version does not know the call has seen
 * @param unrecognizedEventTypes  their distinct types, the most recently seen last; at most
 *                                {@value #MAX_UNRECOGNIZED_TYPES} (the least recently seen is dropped)
 */
public record CallState(
        CallId callId,
        String applicationId,
        CallStatus status,
        Direction direction,
        String from,
        String to,
        String tag,
        CallId parentCallId,
        String transferTo,
        Instant startTime,
        Instant answerTime,
        Instant endTime,
        CallEnding ending,
        List<String> gatheredDigits,
        List<Recording> recordings,
        List<Transcription> transcriptions,
        int eventsApplied,
        Instant lastEventTime,
        CallEnding transferOutcome,
        CallEnding bridgeOutcome,
        ReferOutcome referOutcome,
        MachineDetectionResult machineDetection,
        String dtmfDigits,
        List<String> activeMediaStreams,
        List<String> activeTranscriptions,
        int unrecognizedEvents,
        List<String> unrecognizedEventTypes)
        implements EntityState {

    /** How many DTMF characters a call keeps, the latest ones: a long call cannot grow its state without bound. */
    public static final int MAX_DTMF_DIGITS = 256;
    /** How many distinct unrecognized event types a call remembers. */
    public static final int MAX_UNRECOGNIZED_TYPES = 16;

    public CallState {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(status, "status");
        // List.copyOf returns an unmodifiable list as it is: states that share a list keep sharing it.
        gatheredDigits = List.copyOf(gatheredDigits);
        recordings = List.copyOf(recordings);
        transcriptions = List.copyOf(transcriptions);
        dtmfDigits = lastCharacters(dtmfDigits == null ? "" : dtmfDigits, MAX_DTMF_DIGITS);
        activeMediaStreams = List.copyOf(activeMediaStreams);
        activeTranscriptions = List.copyOf(activeTranscriptions);
        unrecognizedEventTypes = List.copyOf(unrecognizedEventTypes);
    }

    /** A call no event has been applied to yet. */
    public static CallState initial(CallId callId) {
        return new CallState(
                callId,
                null,
                CallStatus.RINGING,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                0,
                null,
                null,
                null,
                null,
                null,
                "",
                List.of(),
                List.of(),
                0,
                List.of());
    }

    public boolean hasEnded() {
        return status == CallStatus.ENDED;
    }

    /** The digits of the most recent gather; empty when there was none or the caller pressed nothing. */
    public String lastDigits() {
        return gatheredDigits.isEmpty() ? "" : gatheredDigits.get(gatheredDigits.size() - 1);
    }

    /** How many gathers in a row, counting back from the latest, ended without input. */
    public int consecutiveEmptyGathers() {
        int count = 0;
        for (int i = gatheredDigits.size() - 1; i >= 0 && gatheredDigits.get(i).isEmpty(); i--) {
            count++;
        }
        return count;
    }

    /** The state after {@code event}. Events of another call are a programming error. */
    public CallState apply(CallEvent event) {
        if (!event.callId().equals(callId)) {
            throw new IllegalArgumentException("event of call " + event.callId() + " applied to call " + callId);
        }
        Builder next = new Builder(this).absorb(event.call());
        if (event instanceof CallAnswered || event instanceof TransferAnswered) {
            next.answered(event.call().answerTime() != null ? event.call().answerTime() : event.eventTime());
        } else if (event instanceof GatherCompleted gather) {
            next.gatheredDigits = appended(next.gatheredDigits, gather.digits());
        } else if (event instanceof RecordingCompleted completed) {
            next.recorded(completed.recording());
        } else if (event instanceof RecordingAvailable available) {
            next.recorded(available.recording());
        } else if (event instanceof TranscriptionAvailable transcribed) {
            next.recorded(transcribed.recording());
            next.transcriptions = appended(next.transcriptions, transcribed.transcription());
        } else if (event instanceof CallDisconnected disconnected) {
            next.ended(disconnected.ending(), event.eventTime());
        } else if (event instanceof TransferDisconnected disconnected) {
            next.ended(disconnected.ending(), event.eventTime());
        } else if (event instanceof TransferCompleted transfer) {
            next.transferOutcome = transfer.outcome();
        } else if (event instanceof BridgeCompleted bridge) {
            next.bridgeOutcome = bridge.outcome();
        } else if (event instanceof ReferCompleted refer) {
            next.referOutcome = refer.outcome();
        } else if (event instanceof MachineDetectionCompleted detection) {
            next.machineDetection = detection.result();
        } else if (event instanceof DtmfReceived dtmf) {
            next.dtmfDigits = lastCharacters(next.dtmfDigits + dtmf.digit(), MAX_DTMF_DIGITS);
        } else if (event instanceof MediaStreamChanged stream) {
            String id = stream.stream().id();
            next.activeMediaStreams = stream.change() == MediaStreamChange.STARTED
                    ? withAdded(next.activeMediaStreams, id)
                    : without(next.activeMediaStreams, id);
        } else if (event instanceof RealTimeTranscriptionChanged transcription) {
            String id = transcription.transcription().id();
            switch (transcription.change()) {
                case STARTED -> next.activeTranscriptions = withAdded(next.activeTranscriptions, id);
                case STOPPED, REJECTED -> next.activeTranscriptions = without(next.activeTranscriptions, id);
                case AVAILABLE -> {} // the transcript of one already stopped: nothing is active any more or less
            }
        } else if (event instanceof UnrecognizedCallEvent unrecognized) {
            next.unrecognizedEvents++;
            next.unrecognizedEventTypes =
                    seenLast(next.unrecognizedEventTypes, unrecognized.eventType(), MAX_UNRECOGNIZED_TYPES);
        }
        // CallInitiated, CallRedirected and BridgeTargetCompleted change nothing beyond the common fields.
        return next.build();
    }

    private static String lastCharacters(String text, int max) {
        return text.length() <= max ? text : text.substring(text.length() - max);
    }

    /** {@code list} and then {@code item}, unmodifiable. */
    private static <T> List<T> appended(List<T> list, T item) {
        List<T> next = new ArrayList<>(list.size() + 1);
        next.addAll(list);
        next.add(item);
        return List.copyOf(next);
    }

    /** {@code list} with {@code item} at its end unless it holds it already (then {@code list} itself). */
    private static <T> List<T> withAdded(List<T> list, T item) {
        return list.contains(item) ? list : appended(list, item);
    }

    /** {@code list} without {@code item} ({@code list} itself when it does not hold it). */
    private static <T> List<T> without(List<T> list, T item) {
        if (!list.contains(item)) {
            return list;
        }
        List<T> next = new ArrayList<>(list);
        next.remove(item);
        return List.copyOf(next);
    }

    /** {@code list} with {@code item} moved or added to its end, its oldest entries dropped beyond {@code max}. */
    private static <T> List<T> seenLast(List<T> list, T item, int max) {
        if (!list.isEmpty() && list.get(list.size() - 1).equals(item)) {
            return list;
        }
        List<T> next = new ArrayList<>(list.size() + 1);
        next.addAll(list);
        next.remove(item);
        next.add(item);
        return List.copyOf(next.size() > max ? next.subList(next.size() - max, next.size()) : next);
    }

    /** Collects the changes one event makes; what it does not change is carried over by reference. */
    private static final class Builder {
        private final CallState from;
        private String applicationId;
        private CallStatus status;
        private Direction direction;
        private String fromNumber;
        private String to;
        private String tag;
        private CallId parentCallId;
        private String transferTo;
        private Instant startTime;
        private Instant answerTime;
        private Instant endTime;
        private CallEnding ending;
        private List<String> gatheredDigits;
        private List<Recording> recordings;
        private List<Transcription> transcriptions;
        private Instant lastEventTime;
        private CallEnding transferOutcome;
        private CallEnding bridgeOutcome;
        private ReferOutcome referOutcome;
        private MachineDetectionResult machineDetection;
        private String dtmfDigits;
        private List<String> activeMediaStreams;
        private List<String> activeTranscriptions;
        private int unrecognizedEvents;
        private List<String> unrecognizedEventTypes;

        Builder(CallState from) {
            this.from = from;
            applicationId = from.applicationId;
            status = from.status;
            direction = from.direction;
            fromNumber = from.from;
            to = from.to;
            tag = from.tag;
            parentCallId = from.parentCallId;
            transferTo = from.transferTo;
            startTime = from.startTime;
            answerTime = from.answerTime;
            endTime = from.endTime;
            ending = from.ending;
            gatheredDigits = from.gatheredDigits;
            recordings = from.recordings;
            transcriptions = from.transcriptions;
            lastEventTime = from.lastEventTime;
            transferOutcome = from.transferOutcome;
            bridgeOutcome = from.bridgeOutcome;
            referOutcome = from.referOutcome;
            machineDetection = from.machineDetection;
            dtmfDigits = from.dtmfDigits;
            activeMediaStreams = from.activeMediaStreams;
            activeTranscriptions = from.activeTranscriptions;
            unrecognizedEvents = from.unrecognizedEvents;
            unrecognizedEventTypes = from.unrecognizedEventTypes;
        }

        /** The fields every call event carries; what an event leaves out keeps its earlier value. */
        Builder absorb(CallDetails details) {
            applicationId = orElse(details.applicationId(), applicationId);
            direction = orElse(details.direction(), direction);
            fromNumber = orElse(details.from(), fromNumber);
            to = orElse(details.to(), to);
            // Bandwidth omits the tag once it is cleared, so every event states the current tag.
            tag = details.tag();
            parentCallId = orElse(details.parentCallId(), parentCallId);
            transferTo = orElse(details.transferTo(), transferTo);
            startTime = orElse(details.startTime(), startTime);
            if (details.answerTime() != null) {
                answered(details.answerTime());
            }
            lastEventTime = orElse(details.eventTime(), lastEventTime);
            return this;
        }

        void answered(Instant at) {
            answerTime = orElse(answerTime, at);
            if (status == CallStatus.RINGING) {
                status = CallStatus.ANSWERED;
            }
        }

        void ended(CallEnding how, Instant eventTime) {
            status = CallStatus.ENDED;
            ending = how;
            endTime = orElse(how.endTime(), eventTime);
        }

        /** Adds a recording, or merges what a later event tells of one already known into it. */
        void recorded(Recording recording) {
            if (recording != null) {
                recordings = Recording.mergeInto(recordings, recording);
            }
        }

        CallState build() {
            return new CallState(
                    from.callId,
                    applicationId,
                    status,
                    direction,
                    fromNumber,
                    to,
                    tag,
                    parentCallId,
                    transferTo,
                    startTime,
                    answerTime,
                    endTime,
                    ending,
                    gatheredDigits,
                    recordings,
                    transcriptions,
                    from.eventsApplied + 1,
                    lastEventTime,
                    transferOutcome,
                    bridgeOutcome,
                    referOutcome,
                    machineDetection,
                    dtmfDigits,
                    activeMediaStreams,
                    activeTranscriptions,
                    unrecognizedEvents,
                    unrecognizedEventTypes);
        }

        private static <T> T orElse(T value, T fallback) {
            return value != null ? value : fallback;
        }
    }
}
