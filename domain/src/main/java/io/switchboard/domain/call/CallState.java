package io.switchboard.domain.call;

import io.switchboard.domain.common.CallId;
import io.switchboard.domain.common.Direction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the events of one call leg have told us, rebuilt by {@link #apply} from nothing but those
 * events. Immutable: {@code apply} returns a new state.
 *
 * @param parentCallId    set on the B-leg of a transfer: the call that transferred it
 * @param gatheredDigits  the digits of every completed gather, oldest first (empty string: no input)
 * @param recordings      every recording of the call, updated as later events tell more about it
 * @param ending          how the call ended, once it has
 * @param eventsApplied   how many distinct events the call has seen
 */
public record CallState(
        CallId callId,
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
        Instant lastEventTime) {

    public CallState {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(status, "status");
        gatheredDigits = List.copyOf(gatheredDigits);
        recordings = List.copyOf(recordings);
        transcriptions = List.copyOf(transcriptions);
    }

    /** A call no event has been applied to yet. */
    public static CallState initial(CallId callId) {
        return new CallState(callId, CallStatus.RINGING, null, null, null, null, null, null, null, null, null, null,
                List.of(), List.of(), List.of(), 0, null);
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
            next.gatheredDigits.add(gather.digits());
        } else if (event instanceof RecordingCompleted completed) {
            next.recorded(completed.recording());
        } else if (event instanceof TranscriptionAvailable transcribed) {
            next.recorded(transcribed.recording());
            next.transcriptions.add(transcribed.transcription());
        } else if (event instanceof CallDisconnected disconnected) {
            next.ended(disconnected.ending(), event.eventTime());
        } else if (event instanceof TransferDisconnected disconnected) {
            next.ended(disconnected.ending(), event.eventTime());
        }
        // CallInitiated and CallRedirected change nothing beyond the common fields.
        return next.build();
    }

    /** Collects the changes one event makes. */
    private static final class Builder {
        private final CallState from;
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
        private final List<String> gatheredDigits;
        private final List<Recording> recordings;
        private final List<Transcription> transcriptions;
        private Instant lastEventTime;

        Builder(CallState from) {
            this.from = from;
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
            gatheredDigits = new ArrayList<>(from.gatheredDigits);
            recordings = new ArrayList<>(from.recordings);
            transcriptions = new ArrayList<>(from.transcriptions);
            lastEventTime = from.lastEventTime;
        }

        /** The fields every call event carries; what an event leaves out keeps its earlier value. */
        Builder absorb(CallDetails details) {
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

        /** Adds a recording, or replaces what was known of it with the newer, fuller description. */
        void recorded(Recording recording) {
            if (recording == null) {
                return;
            }
            for (int i = 0; i < recordings.size(); i++) {
                if (recordings.get(i).recordingId().equals(recording.recordingId())) {
                    recordings.set(i, merge(recordings.get(i), recording));
                    return;
                }
            }
            recordings.add(recording);
        }

        private static Recording merge(Recording known, Recording told) {
            return new Recording(known.recordingId(),
                    orElse(told.mediaUrl(), known.mediaUrl()),
                    orElse(told.channels(), known.channels()),
                    orElse(told.duration(), known.duration()),
                    orElse(told.fileFormat(), known.fileFormat()),
                    orElse(told.startTime(), known.startTime()),
                    orElse(told.endTime(), known.endTime()),
                    orElse(told.status(), known.status()));
        }

        CallState build() {
            return new CallState(from.callId, status, direction, fromNumber, to, tag, parentCallId, transferTo,
                    startTime, answerTime, endTime, ending, gatheredDigits, recordings, transcriptions,
                    from.eventsApplied + 1, lastEventTime);
        }

        private static <T> T orElse(T value, T fallback) {
            return value != null ? value : fallback;
        }
    }
}
