package io.switchboard.testkit.flow;

import io.switchboard.domain.verb.PauseRecording;
import io.switchboard.domain.verb.ResumeRecording;
import io.switchboard.domain.verb.StartRecording;
import io.switchboard.domain.verb.StartStream;
import io.switchboard.domain.verb.StartTranscription;
import io.switchboard.domain.verb.StopGather;
import io.switchboard.domain.verb.StopRecording;
import io.switchboard.domain.verb.StopStream;
import io.switchboard.domain.verb.StopTranscription;
import io.switchboard.domain.verb.Tag;
import io.switchboard.domain.verb.Verb;

/** Which verbs a caller notices: the rest work in the background, and tests step over them unless asked. */
public final class Audibility {
    private Audibility() {}

    /**
     * Whether the caller can hear or answer {@code verb}. A tag, recording and stream controls, transcription
     * and {@code <StopGather>} change nothing the caller hears or can do (a {@code <StartGather>} does: their keys
     * are heard from then on).
     */
    public static boolean isNoticed(Verb verb) {
        return !(verb instanceof Tag
                || verb instanceof StartRecording
                || verb instanceof StopRecording
                || verb instanceof PauseRecording
                || verb instanceof ResumeRecording
                || verb instanceof StartStream
                || verb instanceof StopStream
                || verb instanceof StartTranscription
                || verb instanceof StopTranscription
                || verb instanceof StopGather);
    }
}
