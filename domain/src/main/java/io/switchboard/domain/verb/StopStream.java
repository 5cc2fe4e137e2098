package io.switchboard.domain.verb;

/**
 * Stops a stream started by {@link StartStream}: {@link #builder}.
 *
 * @param name the stream's name (Bandwidth's 2023 docs require it; the 2026 SDK makes it optional)
 * @param waitUntilStopped the {@code wait} attribute (a record cannot have a component named {@code wait}):
 *                         whether the next verb waits until the stream has stopped (SDK 2026)
 */
public record StopStream(String name, Boolean waitUntilStopped) implements Verb {
    public StopStream {
        Limits.notBlank("StopStream", "name", name);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String name;
        private Boolean waitUntilStopped;

        private Builder() {}

        public Builder name(String value) {
            name = value;
            return this;
        }

        /** The {@code wait} attribute. */
        public Builder waitUntilStopped(boolean value) {
            waitUntilStopped = value;
            return this;
        }

        public StopStream build() {
            return new StopStream(name, waitUntilStopped);
        }
    }
}
