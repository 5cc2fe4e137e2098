package io.switchboard.domain.verb;

/** The verbs that play something to the caller: the only ones a {@link Gather} may hold. */
public sealed interface Prompt extends Verb permits SpeakSentence, PlayAudio {}
