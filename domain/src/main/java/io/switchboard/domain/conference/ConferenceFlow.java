package io.switchboard.domain.conference;

import io.switchboard.domain.flow.Flow;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;

/**
 * The port your conference logic plugs into, one default method per conference event. Replies to
 * conference events may hold only the verbs Bandwidth allows there (PlayAudio, SpeakSentence and recording
 * control); {@link Reply#none()} answers without BXML, which Bandwidth accepts for these events. As in
 * {@link io.switchboard.domain.call.CallFlow}, every method also comes with a {@link FlowContext}, through which
 * the flow mutes, holds or coaches members, redirects or ends the conference.
 *
 * <p>One instance serves every conference: keep nothing about a conference in its fields. What it must remember
 * (who joined late, a host's PIN) is the conference's flow data ({@link FlowContext#setData},
 * {@link FlowContext#data}); work the conference need not wait for (unmuting a late joiner after a few seconds)
 * is side work ({@link FlowContext#sideWorkAfter}).
 */
public interface ConferenceFlow extends Flow {

    default Reply onCreated(ConferenceCreated event, ConferenceState conference) {
        return Reply.none();
    }

    default Reply onMemberJoin(ConferenceMemberJoined event, ConferenceState conference) {
        return Reply.none();
    }

    default Reply onMemberExit(ConferenceMemberExited event, ConferenceState conference) {
        return Reply.none();
    }

    /** The conference was redirected through the API; the reply (if any) is run in the conference. */
    default Reply onRedirect(ConferenceRedirected event, ConferenceState conference) {
        return Reply.none();
    }

    default void onCompleted(ConferenceCompleted event, ConferenceState conference) {}

    default void onRecordingAvailable(ConferenceRecordingAvailable event, ConferenceState conference) {}

    /** An event of a type this version does not know; already counted in the conference's state. */
    default void onUnrecognized(UnrecognizedConferenceEvent event, ConferenceState conference) {}

    // Each event again, with the context of the event: override these to steer calls, conferences and members.

    default Reply onCreated(ConferenceCreated event, ConferenceState conference, FlowContext context) {
        return onCreated(event, conference);
    }

    default Reply onMemberJoin(ConferenceMemberJoined event, ConferenceState conference, FlowContext context) {
        return onMemberJoin(event, conference);
    }

    default Reply onMemberExit(ConferenceMemberExited event, ConferenceState conference, FlowContext context) {
        return onMemberExit(event, conference);
    }

    default Reply onRedirect(ConferenceRedirected event, ConferenceState conference, FlowContext context) {
        return onRedirect(event, conference);
    }

    default void onCompleted(ConferenceCompleted event, ConferenceState conference, FlowContext context) {
        onCompleted(event, conference);
    }

    default void onRecordingAvailable(
            ConferenceRecordingAvailable event, ConferenceState conference, FlowContext context) {
        onRecordingAvailable(event, conference);
    }

    default void onUnrecognized(UnrecognizedConferenceEvent event, ConferenceState conference, FlowContext context) {
        onUnrecognized(event, conference);
    }
}
