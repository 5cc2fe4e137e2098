package io.switchboard.adapters.bxml;

import io.switchboard.domain.verb.Callback;
import io.switchboard.domain.verb.CallbackMethod;
import io.switchboard.domain.verb.Credentials;
import io.switchboard.domain.verb.PlainCallback;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.xml.stream.XMLStreamException;

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

    /** The prefix of the callback this field spells, if it is one. */
    default Optional<String> callbackPrefix() {
        return Optional.empty();
    }

    /** Where an element's attributes go; a {@code null} value leaves the attribute out. */
    interface AttributeSink {
        void attribute(String name, String value) throws XMLStreamException;

        /** The URL an absent {@code <prefix>Url} is written with, or {@code null} to leave it out. */
        String defaultUrl(String callbackPrefix);
    }

    static <T, V> AttributeField<T, V> single(String name, Function<T, V> component, ValueType<V> type) {
        return new Single<>(name, component, type);
    }

    /** A callback under the verb's prefix: {@code <prefix>Url}, {@code Method}, {@code FallbackUrl}, {@code FallbackMethod}. */
    static <T> AttributeField<T, Callback> callback(String prefix, Function<T, Callback> component) {
        return new CallbackField<>(prefix, component, false);
    }

    /** A callback whose URL BXML requires ({@code redirectUrl}): refused, both ways, when it is absent. */
    static <T> AttributeField<T, Callback> requiredCallback(String prefix, Function<T, Callback> component) {
        return new CallbackField<>(prefix, component, true);
    }

    /** A callback for which BXML has no fallback: only {@code <prefix>Url} and {@code <prefix>Method}. */
    static <T> AttributeField<T, PlainCallback> plainCallback(String prefix, Function<T, PlainCallback> component) {
        return new PlainCallbackField<>(prefix, component);
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

    /**
     * The URL of a callback as written: the one given, else the sink's default for the prefix; a required URL that
     * is neither is refused.
     */
    private static String urlToWrite(String prefix, String given, boolean required, AttributeSink out) {
        String url = given != null ? given : out.defaultUrl(prefix);
        if (url == null && required) {
            throw new IllegalArgumentException(prefix + "Url is required; give one, or write with a callback base");
        }
        return url;
    }

    final class CallbackField<T> implements AttributeField<T, Callback> {
        private final String prefix;
        private final Function<T, Callback> component;
        private final boolean required;
        private final Single<Callback, CallbackMethod> method;
        private final Single<Callback, String> fallbackUrl;
        private final Single<Callback, CallbackMethod> fallbackMethod;

        private CallbackField(String prefix, Function<T, Callback> component, boolean required) {
            this.prefix = prefix;
            this.component = component;
            this.required = required;
            method = new Single<>(prefix + "Method", Callback::method, ValueType.METHOD);
            fallbackUrl = new Single<>(prefix + "FallbackUrl", Callback::fallbackUrl, ValueType.TEXT);
            fallbackMethod = new Single<>(prefix + "FallbackMethod", Callback::fallbackMethod, ValueType.METHOD);
        }

        @Override
        public Optional<String> callbackPrefix() {
            return Optional.of(prefix);
        }

        @Override
        public List<String> names() {
            return List.of(prefix + "Url", method.name(), fallbackUrl.name(), fallbackMethod.name());
        }

        @Override
        public void write(T owner, AttributeSink out) throws XMLStreamException {
            Callback callback = component.apply(owner);
            out.attribute(prefix + "Url", urlToWrite(prefix, callback == null ? null : callback.url(), required, out));
            if (callback != null) {
                method.write(callback, out);
                fallbackUrl.write(callback, out);
                fallbackMethod.write(callback, out);
            }
        }

        @Override
        public Callback read(AttributeValues in) {
            String url = in.parse(prefix + "Url", ValueType.TEXT);
            if (url == null && required) {
                throw BxmlException.missingAttribute(in.element(), prefix + "Url");
            }
            if (!in.hasAny(names())) {
                return null;
            }
            return new Callback(url, method.read(in), fallbackUrl.read(in), fallbackMethod.read(in));
        }
    }

    final class PlainCallbackField<T> implements AttributeField<T, PlainCallback> {
        private final String prefix;
        private final Function<T, PlainCallback> component;
        private final Single<PlainCallback, CallbackMethod> method;

        private PlainCallbackField(String prefix, Function<T, PlainCallback> component) {
            this.prefix = prefix;
            this.component = component;
            method = new Single<>(prefix + "Method", PlainCallback::method, ValueType.METHOD);
        }

        @Override
        public Optional<String> callbackPrefix() {
            return Optional.of(prefix);
        }

        @Override
        public List<String> names() {
            return List.of(prefix + "Url", method.name());
        }

        @Override
        public void write(T owner, AttributeSink out) throws XMLStreamException {
            PlainCallback callback = component.apply(owner);
            out.attribute(prefix + "Url", urlToWrite(prefix, callback == null ? null : callback.url(), false, out));
            if (callback != null) {
                method.write(callback, out);
            }
        }

        @Override
        public PlainCallback read(AttributeValues in) {
            if (!in.hasAny(names())) {
                return null;
            }
            return new PlainCallback(in.parse(prefix + "Url", ValueType.TEXT), method.read(in));
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
            return new Credentials(
                    USERNAME.read(in), PASSWORD.read(in), FALLBACK_USERNAME.read(in), FALLBACK_PASSWORD.read(in));
        }
    }
}
