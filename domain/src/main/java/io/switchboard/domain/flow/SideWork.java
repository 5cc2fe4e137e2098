package io.switchboard.domain.flow;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Asynchronous work a flow starts beside its reply (a recording download, a CRM update, an unmute in a few
 * seconds): it runs after the event's reply is decided, neither holds the call's later events nor counts against
 * the reply deadline, and runs at most once per event.
 *
 * @param owner the call or conference whose event started it, as logged
 * @param name  what it does, as logged and counted when it fails or is refused
 * @param delay how long after the reply it starts; zero for at once
 * @param work  starts the work and returns its stage; it must not block
 */
public record SideWork(String owner, String name, Duration delay, Supplier<? extends CompletionStage<?>> work) {
    public SideWork {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(work, "work");
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("side work " + name + " needs a delay of zero or more, was " + delay);
        }
    }
}
