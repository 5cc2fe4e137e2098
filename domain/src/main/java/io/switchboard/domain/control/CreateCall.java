package io.switchboard.domain.control;

import io.switchboard.domain.common.Identifiers;
import io.switchboard.domain.verb.Callback;
import io.switchboard.domain.verb.Credentials;
import io.switchboard.domain.verb.PlainCallback;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * Place an outbound call. Bandwidth queues it and dequeues it at the account's rate; once placed, its
 * {@code initiate}/{@code answer} webhooks go to {@link #answer}. Absent values take Bandwidth's defaults, or the
 * adapter's: the configured application, and this service's own channels for the callbacks.
 *
 * @param to               an E.164 number or a {@code sip:} URI
 * @param from             a Bandwidth number of the account, E.164 (also when {@code privacy} hides it)
 * @param applicationId    absent: the adapter's configured application
 * @param answer           {@code answerUrl}, {@code answerMethod}, {@code answerFallbackUrl},
 *                         {@code answerFallbackMethod}; absent URL: this service's answer channel
 * @param disconnect       {@code disconnectUrl} and {@code disconnectMethod}; absent URL: this service's channel
 * @param credentials      what Bandwidth presents to the answer and disconnect URLs ({@code username}, ...); a URL
 *                         given with them must be https, as Bandwidth requires
 * @param callTimeout      seconds the callee may ring, 1 to 300 (30)
 * @param callbackTimeout  seconds Bandwidth waits for each webhook's reply, 1 to 25 (15)
 * @param priority         1 (first) to 5 (5): the call's place in the account's queue
 * @param tag              sent with every webhook of the call, at most 4096 characters
 * @param displayName      at most 256 characters; with {@code privacy}, one of Restricted, Anonymous, Private,
 *                         Unavailable
 * @param uui              comma-separated User-to-User values, each ending in {@code ;encoding=jwt|base64|hex}, at
 *                         most 350 characters in all
 */
public record CreateCall(
        String to,
        String from,
        String applicationId,
        Callback answer,
        PlainCallback disconnect,
        Credentials credentials,
        Double callTimeout,
        Double callbackTimeout,
        MachineDetection machineDetection,
        Integer priority,
        String tag,
        String displayName,
        Boolean privacy,
        String uui)
        implements CallControlRequest {

    static final String OPERATION = "createCall";

    private static final Pattern UUI_VALUE = Pattern.compile("[^,;\\s]+;encoding=(jwt|base64|hex)");

    public CreateCall {
        RequestChecks.destination(OPERATION, "to", to);
        RequestChecks.e164(OPERATION, "from", from);
        if (applicationId != null) {
            try {
                Identifiers.requireValid("applicationId", applicationId);
            } catch (IllegalArgumentException invalid) {
                throw RequestChecks.invalid(OPERATION, "applicationId", applicationId, "must be a Bandwidth id");
            }
        }
        RequestChecks.callback(OPERATION, "answer", answer);
        if (disconnect != null) {
            RequestChecks.url(OPERATION, "disconnectUrl", disconnect.url());
        }
        RequestChecks.credentials(OPERATION, "", credentials);
        requireHttpsWith(credentials, answer, disconnect);
        RequestChecks.between(OPERATION, "callTimeout", callTimeout, 1, 300);
        RequestChecks.between(OPERATION, "callbackTimeout", callbackTimeout, 1, 25);
        if (priority != null && (priority < 1 || priority > 5)) {
            throw RequestChecks.invalid(OPERATION, "priority", priority, "must be between 1 and 5");
        }
        RequestChecks.tag(OPERATION, tag);
        RequestChecks.maxLength(OPERATION, "displayName", displayName, RequestChecks.DISPLAY_NAME_LENGTH);
        RequestChecks.noControlCharacters(OPERATION, "displayName", displayName);
        if (Boolean.TRUE.equals(privacy) && displayName != null && !RequestChecks.PRIVATE_NAMES.contains(displayName)) {
            throw RequestChecks.invalid(
                    OPERATION,
                    "displayName",
                    displayName,
                    "must be one of " + String.join(", ", RequestChecks.PRIVATE_NAMES) + " with privacy");
        }
        requireUui(uui);
    }

    /** A call from {@code from} to {@code to}, everything else Bandwidth's or the adapter's default. */
    public static CreateCall of(String to, String from) {
        return builder(to, from).build();
    }

    public static Builder builder(String to, String from) {
        return new Builder(to, from);
    }

    @Override
    public String operation() {
        return OPERATION;
    }

    @Override
    public CompletionStage<CreatedCall> sendThrough(CallControl control) {
        return control.createCall(this);
    }

    /** "Must use https if specifying username and password" (Bandwidth's createCall reference). */
    private static void requireHttpsWith(Credentials credentials, Callback answer, PlainCallback disconnect) {
        if (credentials == null) {
            return;
        }
        if (credentials.username() != null || credentials.password() != null) {
            requireHttps("answerUrl", answer == null ? null : answer.url());
            requireHttps("disconnectUrl", disconnect == null ? null : disconnect.url());
        }
        if (credentials.fallbackUsername() != null || credentials.fallbackPassword() != null) {
            requireHttps("answerFallbackUrl", answer == null ? null : answer.fallbackUrl());
        }
    }

    private static void requireHttps(String field, String url) {
        if (url != null && !url.startsWith("https://")) {
            throw RequestChecks.invalid(OPERATION, field, url, "must be https when credentials are given");
        }
    }

    private static void requireUui(String uui) {
        if (uui == null) {
            return;
        }
        RequestChecks.maxLength(OPERATION, "uui", uui, RequestChecks.UUI_LENGTH);
        for (String value : uui.split(",", -1)) {
            if (!UUI_VALUE.matcher(value.trim()).matches()) {
                throw RequestChecks.invalid(
                        OPERATION,
                        "uui",
                        uui,
                        "must be comma-separated values each ending in ;encoding=jwt|base64|hex");
            }
        }
    }

    /** The same call with {@code value} as its tag. */
    public CreateCall withTag(String value) {
        return toBuilder().tag(value).build();
    }

    private Builder toBuilder() {
        return builder(to, from)
                .applicationId(applicationId)
                .answer(answer)
                .disconnect(disconnect)
                .credentials(credentials)
                .callTimeout(callTimeout)
                .callbackTimeout(callbackTimeout)
                .machineDetection(machineDetection)
                .priority(priority)
                .tag(tag)
                .displayName(displayName)
                .privacy(privacy)
                .uui(uui);
    }

    public static final class Builder {
        private final String to;
        private final String from;
        private String applicationId;
        private Callback answer;
        private PlainCallback disconnect;
        private Credentials credentials;
        private Double callTimeout;
        private Double callbackTimeout;
        private MachineDetection machineDetection;
        private Integer priority;
        private String tag;
        private String displayName;
        private Boolean privacy;
        private String uui;

        private Builder(String to, String from) {
            this.to = to;
            this.from = from;
        }

        public Builder applicationId(String value) {
            applicationId = value;
            return this;
        }

        public Builder answer(Callback value) {
            answer = value;
            return this;
        }

        /** The answer webhook's URL; {@code null} leaves it to the default (this service). */
        public Builder answerUrl(String url) {
            return url == null ? this : answer(answer == null ? Callback.of(url) : answer.withUrl(url));
        }

        public Builder disconnect(PlainCallback value) {
            disconnect = value;
            return this;
        }

        /** The disconnect webhook's URL; {@code null} leaves it to the default (this service). */
        public Builder disconnectUrl(String url) {
            return url == null
                    ? this
                    : disconnect(disconnect == null ? PlainCallback.of(url) : disconnect.withUrl(url));
        }

        public Builder credentials(Credentials value) {
            credentials = value;
            return this;
        }

        public Builder callTimeout(Double seconds) {
            callTimeout = seconds;
            return this;
        }

        public Builder callbackTimeout(Double seconds) {
            callbackTimeout = seconds;
            return this;
        }

        public Builder machineDetection(MachineDetection value) {
            machineDetection = value;
            return this;
        }

        /** Detection with Bandwidth's defaults in the mode named {@code async} or {@code sync}; {@code null}: none. */
        public Builder machineDetectionMode(String mode) {
            return mode == null ? this : machineDetection(MachineDetection.ofMode(mode));
        }

        public Builder priority(Integer value) {
            priority = value;
            return this;
        }

        public Builder tag(String value) {
            tag = value;
            return this;
        }

        public Builder displayName(String value) {
            displayName = value;
            return this;
        }

        public Builder privacy(Boolean value) {
            privacy = value;
            return this;
        }

        public Builder uui(String value) {
            uui = value;
            return this;
        }

        public CreateCall build() {
            return new CreateCall(
                    to,
                    from,
                    applicationId,
                    answer,
                    disconnect,
                    credentials,
                    callTimeout,
                    callbackTimeout,
                    machineDetection,
                    priority,
                    tag,
                    displayName,
                    privacy,
                    uui);
        }
    }
}
