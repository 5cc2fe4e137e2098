package io.switchboard.domain.verb;

/** Stops the DTMF collection a {@link StartGather} began. No attributes. */
public record StopGather() implements Verb {}
