package io.switchboard.domain.verb;

/** Stops the DTMF collection a {@link StartGather} began. No attributes: {@link #of}. */
public record StopGather() implements Verb {
    private static final StopGather INSTANCE = new StopGather();

    public static StopGather of() {
        return INSTANCE;
    }
}
