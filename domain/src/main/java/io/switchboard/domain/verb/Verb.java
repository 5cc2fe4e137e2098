package io.switchboard.domain.verb;

/**
 * One BXML verb. Each is an immutable record named as Bandwidth names the element, with one component per
 * attribute (named as Bandwidth names it; a callback's four attributes form one {@link Callback}, the auth
 * attributes one {@link Credentials}); it rejects an invalid value when it is built with an
 * {@link InvalidVerbException}. An absent ({@code null}) component is left out of the BXML, so Bandwidth's
 * documented default applies.
 */
public sealed interface Verb
        permits Prompt,
                Bridge,
                Conference,
                Forward,
                Gather,
                Hangup,
                Pause,
                PauseRecording,
                Record,
                Redirect,
                Refer,
                ResumeRecording,
                Ring,
                SendDtmf,
                StartGather,
                StartRecording,
                StartStream,
                StartTranscription,
                StopGather,
                StopRecording,
                StopStream,
                StopTranscription,
                Tag,
                Transfer {

    /** The BXML element name, such as {@code Gather}. */
    default String verbName() {
        return getClass().getSimpleName();
    }
}
