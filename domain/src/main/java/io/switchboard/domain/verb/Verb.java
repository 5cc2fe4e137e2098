package io.switchboard.domain.verb;

/**
 * One BXML verb. Each is an immutable record named as Bandwidth names the element, with one component per
 * attribute (named as Bandwidth names it; a callback's four attributes form one {@link Callback}, the auth
 * attributes one {@link Credentials}); it rejects an invalid value when it is built with an
 * {@link InvalidVerbException}. An absent ({@code null}) component is left out of the BXML, so Bandwidth's
 * documented default applies. Numbers are typed as Bandwidth accepts them: {@code Double} where it documents a
 * decimal (every timeout and duration but Record's {@code maxDuration}), {@code Integer} for counts.
 *
 * <p>How a verb is made, one rule for all: a verb with required values has {@code of(required...)} and
 * {@code builder(required...)} ({@code SpeakSentence.of("Hi")}, {@code Conference.builder("sales").mute(true)});
 * a verb without has {@code builder()} ({@code Gather.builder()}); a verb without attributes has {@code of()}
 * ({@code Hangup.of()}). {@link Response.Builder} has one method per verb in the same shape. The records'
 * canonical constructors stay public only because Java gives a public record no other choice: they take every
 * attribute positionally, {@code null} for absent, which is what the BXML reader and the serializers need;
 * flows and tests use the factories. The compact constructor is the one place each verb checks its values, so
 * whatever way a verb is made, it meets the same rules.
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
