package io.switchboard.adapters.bxml;

import io.switchboard.domain.verb.Callback;
import io.switchboard.domain.verb.CallbackMethod;
import io.switchboard.domain.verb.Credentials;

import javax.xml.stream.XMLStreamException;
import java.util.List;
import java.util.function.Function;

/**
 * One record component of an element, spelled as one or more attributes. The writer takes the component from
 * the record and writes its attributes; the reader parses the same attributes back into the component.
 *
 * @param <T> the record that owns the component
 * @param <V> the component's type
 */
interface AttributeField<T, V> {

    /** The attribute names, in the order they are written. */
    List<String> names();

    void write(T owner, AttributeSink out) throws XMLStreamException;

    /** The component, or {@code null} when none of its attributes is present. */
    V read(AttributeValues in);

    /** Where an element's attributes go; a {@code null} value leaves the attribute out. */
    interface AttributeSink {
        void attribute(String name, String value) throws XMLStreamException;
    }

    static <T, V> AttributeField<T, V> single(String name, Function<T, V> component, ValueType<V> type) {
        return new Single<>(name, component, type);
    }

    /** A callback under the verb's prefix: {@code <prefix>Url}, {@code Method}, {@code FallbackUrl}, {@code FallbackMethod}. */
    static <T> AttributeField<T, Callback> callback(String prefix, Function<T, Callback> component) {
        return new CallbackField<>(prefix, component, true);
    }

    /** A callback for which BXML has no fallback: only {@code <prefix>Url} and {@code <prefix>Method}. */
    static <T> AttributeField<T, Callback> callbackWithoutFallback(String prefix, Function<T, Callback> component) {
        return new CallbackField<>(prefix, component, false);
    }

    /** {@code username}, {@code password}, {@code fallbackUsername}, {@code fallbackPassword}. */
    static <T> AttributeField<T, Credentials> credentials(Function<T, Credentials> component) {
        return new CredentialsField<>(component);
    }

    record Single<T, V>(String name, Function<T, V> component, ValueType<V> type) implements AttributeField<T, V> {
        @Override
        public List<String> names() {
            return List.of(name);
        }

        @Override
        public void write(T owner, AttributeSink out) throws XMLStreamException {
            V value = component.apply(owner);
            out.attribute(name, value == null ? null : type.format().apply(value));
        }

        @Override
        public V read(AttributeValues in) {
            return in.parse(name, type);
        }
    }

    final class CallbackField<T> implements AttributeField<T, Callback> {
        private final String prefix;
        private final Function<T, Callback> component;
        private final boolean hasFallback;
        private final Single<Callback, String> url;
        private final Single<Callback, CallbackMethod> method;
        private final Single<Callback, String> fallbackUrl;
        private final Single<Callback, CallbackMethod> fallbackMethod;

        private CallbackField(String prefix, Function<T, Callback> component, boolean hasFallback) {
            this.prefix = prefix;
            this.component = component;
            this.hasFallback = hasFallback;
            url = new Single<>(prefix + "Url", Callback::url, ValueType.TEXT);
            method = new Single<>(prefix + "Method", Callback::method, ValueType.METHOD);
            fallbackUrl = new Single<>(prefix + "FallbackUrl", Callback::fallbackUrl, ValueType.TEXT);
            fallbackMethod = new Single<>(prefix + "FallbackMethod", Callback::fallbackMethod, ValueType.METHOD);
        }

        @Override
        public List<String> names() {
            return hasFallback
                    ? List.of(url.name(), method.name(), fallbackUrl.name(), fallbackMethod.name())
                    : List.of(url.name(), method.name());
        }

        @Override
        public void write(T owner, AttributeSink out) throws XMLStreamException {
            Callback callback = component.apply(owner);
            if (callback == null) {
                return;
            }
            url.write(callback, out);
            method.write(callback, out);
            if (hasFallback) {
                fallbackUrl.write(callback, out);
                fallbackMethod.write(callback, out);
            } else if (callback.fallbackUrl() != null || callback.fallbackMethod() != null) {
                // Dropping it silently would lose a URL the flow relies on.
                throw new IllegalArgumentException(
                        "the " + prefix + " callback has no fallback in BXML, but one was given: " + callback);
            }
        }

        @Override
        public Callback read(AttributeValues in) {
            if (!in.hasAny(names())) {
                return null;
            }
            return hasFallback
                    ? new Callback(url.read(in), method.read(in), fallbackUrl.read(in), fallbackMethod.read(in))
                    : new Callback(url.read(in), method.read(in), null, null);
        }
    }

    final class CredentialsField<T> implements AttributeField<T, Credentials> {
        private static final Single<Credentials, String> USERNAME =
                new Single<>("username", Credentials::username, ValueType.TEXT);
        private static final Single<Credentials, String> PASSWORD =
                new Single<>("password", Credentials::password, ValueType.TEXT);
        private static final Single<Credentials, String> FALLBACK_USERNAME =
                new Single<>("fallbackUsername", Credentials::fallbackUsername, ValueType.TEXT);
        private static final Single<Credentials, String> FALLBACK_PASSWORD =
                new Single<>("fallbackPassword", Credentials::fallbackPassword, ValueType.TEXT);
        private static final List<Single<Credentials, String>> PARTS =
                List.of(USERNAME, PASSWORD, FALLBACK_USERNAME, FALLBACK_PASSWORD);

        private final Function<T, Credentials> component;

        private CredentialsField(Function<T, Credentials> component) {
            this.component = component;
        }

        @Override
        public List<String> names() {
            return PARTS.stream().map(Single::name).toList();
        }

        @Override
        public void write(T owner, AttributeSink out) throws XMLStreamException {
            Credentials credentials = component.apply(owner);
            if (credentials == null) {
                return;
            }
            for (Single<Credentials, String> part : PARTS) {
                part.write(credentials, out);
            }
        }

        @Override
        public Credentials read(AttributeValues in) {
            if (!in.hasAny(names())) {
                return null;
            }
            return new Credentials(USERNAME.read(in), PASSWORD.read(in), FALLBACK_USERNAME.read(in),
                    FALLBACK_PASSWORD.read(in));
        }
    }
}
