package io.switchboard.domain.verb;

/** One BXML verb. Each is an immutable record that rejects invalid values when it is built. */
public sealed interface Verb
        permits Prompt, Gather, Hangup, Pause, Redirect, Record, Transfer, Conference, Tag {
}
