package io.switchboard.domain.verb;

/** Ends the call (rejects an unanswered inbound call). */
public record Hangup() implements Verb {}
