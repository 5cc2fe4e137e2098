package io.switchboard.domain.verb;

/**
 * Stops a stream started by {@link StartStream}.
 *
 * @param name the stream's name (Bandwidth's 2023 docs require it; the 2026 SDK makes it optional)
 * @param waitUntilStopped the {@code wait} attribute (a record cannot have a component named {@code wait}):
 *                         whether the next verb waits until the stream has stopped (SDK 2026)
 */
public record StopStream(String name, Boolean waitUntilStopped) implements Verb {
    public StopStream {
        Limits.notBlank("StopStream", "name", name);
    }

    public static StopStream named(String name) {
        return new StopStream(name, null);
    }
}
