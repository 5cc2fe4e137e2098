package io.switchboard.adapters.bandwidth;

import io.switchboard.adapters.bandwidth.VoiceApiBodies.CreateCallBody;
import io.switchboard.adapters.bandwidth.VoiceApiBodies.MachineDetectionBody;
import io.switchboard.adapters.bandwidth.VoiceApiBodies.UpdateCallBody;
import io.switchboard.adapters.bandwidth.VoiceApiBodies.UpdateConferenceBody;
import io.switchboard.adapters.bandwidth.VoiceApiBodies.UpdateMemberBody;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.control.CreateCall;
import io.switchboard.domain.control.InvalidRequestException;
import io.switchboard.domain.control.MachineDetection;
import io.switchboard.domain.control.MachineDetectionMode;
import io.switchboard.domain.control.UpdateCall;
import io.switchboard.domain.control.UpdateConference;
import io.switchboard.domain.control.UpdateConferenceMember;
import io.switchboard.domain.verb.Callback;
import io.switchboard.domain.verb.Credentials;
import io.switchboard.domain.verb.PlainCallback;
import java.util.Optional;

/**
 * Turns the domain's requests into the API's bodies, filling what a request leaves to the service: the configured
 * application, and callbacks without a URL pointed at this service's own channels, with this service's webhook
 * credentials when the request gives none (never to a URL the request chose itself).
 */
final class CallbackDefaults {

    private final BandwidthSettings settings;

    CallbackDefaults(BandwidthSettings settings) {
        this.settings = settings;
    }

    CreateCallBody createCall(CreateCall call) {
        String applicationId = call.applicationId() != null ? call.applicationId() : settings.applicationId();
        if (applicationId == null) {
            throw new InvalidRequestException(
                    call.operation(),
                    "applicationId",
                    null,
                    "is required: name one, or set SWITCHBOARD_BANDWIDTH_APPLICATION_ID");
        }
        Callback answer = call.answer() != null ? call.answer() : Callback.of(null);
        PlainCallback disconnect = call.disconnect() != null ? call.disconnect() : PlainCallback.of(null);
        boolean allOurs = answer.url() == null && disconnect.url() == null;
        Secrets secrets = Secrets.of(credentials(call.credentials(), allOurs));
        return new CreateCallBody(
                call.to(),
                call.from(),
                call.privacy(),
                call.displayName(),
                call.uui(),
                applicationId,
                orChannel(answer.url(), "answer"),
                answer.method(),
                secrets.username(),
                secrets.password(),
                answer.fallbackUrl(),
                answer.fallbackMethod(),
                secrets.fallbackUsername(),
                secrets.fallbackPassword(),
                orChannel(disconnect.url(), "disconnect"),
                disconnect.method(),
                call.callTimeout(),
                call.callbackTimeout(),
                machineDetection(call.machineDetection()),
                call.priority(),
                call.tag());
    }

    private MachineDetectionBody machineDetection(MachineDetection detection) {
        if (detection == null) {
            return null;
        }
        boolean async = detection.mode() != MachineDetectionMode.SYNC;
        Callback callback = detection.callback() != null ? detection.callback() : Callback.of(null);
        // Only asynchronous detection reports to a callback; Bandwidth's default mode is async.
        boolean ours = async && callback.url() == null;
        Secrets secrets = Secrets.of(credentials(detection.credentials(), ours));
        return new MachineDetectionBody(
                detection.mode() == null ? null : detection.mode().wireName(),
                detection.detectionTimeout(),
                detection.silenceTimeout(),
                detection.speechThreshold(),
                detection.speechEndThreshold(),
                detection.machineSpeechEndThreshold(),
                detection.delayResult(),
                ours ? channel("machineDetectionComplete") : callback.url(),
                callback.method(),
                secrets.username(),
                secrets.password(),
                callback.fallbackUrl(),
                callback.fallbackMethod(),
                secrets.fallbackUsername(),
                secrets.fallbackPassword());
    }

    UpdateCallBody updateCall(UpdateCall update) {
        if (update.hangUp()) {
            return new UpdateCallBody("completed", null, null, null, null, null, null, null, null, null);
        }
        Redirect redirect = redirect(update.redirect(), update.credentials(), "redirect");
        return new UpdateCallBody(
                null,
                redirect.url(),
                redirect.callback().method(),
                redirect.secrets().username(),
                redirect.secrets().password(),
                redirect.callback().fallbackUrl(),
                redirect.callback().fallbackMethod(),
                redirect.secrets().fallbackUsername(),
                redirect.secrets().fallbackPassword(),
                update.tag());
    }

    UpdateConferenceBody updateConference(UpdateConference update) {
        if (update.complete()) {
            return new UpdateConferenceBody("completed", null, null, null, null, null, null, null, null);
        }
        Redirect redirect = redirect(update.redirect(), update.credentials(), "conferenceRedirect");
        return new UpdateConferenceBody(
                null,
                redirect.url(),
                redirect.callback().method(),
                redirect.secrets().username(),
                redirect.secrets().password(),
                redirect.callback().fallbackUrl(),
                redirect.callback().fallbackMethod(),
                redirect.secrets().fallbackUsername(),
                redirect.secrets().fallbackPassword());
    }

    static UpdateMemberBody updateMember(UpdateConferenceMember update) {
        return new UpdateMemberBody(
                update.mute(),
                update.hold(),
                update.callIdsToCoach() == null
                        ? null
                        : update.callIdsToCoach().stream().map(CallId::value).toList());
    }

    /** A redirect's URL (this service's {@code channel} when absent) and the credentials that go with it. */
    private Redirect redirect(Callback given, Credentials givenCredentials, String channel) {
        Callback callback = given != null ? given : Callback.of(null);
        boolean ours = callback.url() == null;
        return new Redirect(
                callback, ours ? channel(channel) : callback.url(), Secrets.of(credentials(givenCredentials, ours)));
    }

    private record Redirect(Callback callback, String url, Secrets secrets) {}

    /** The parts of credentials that may be absent, each {@code null} when they are. */
    private record Secrets(String username, String password, String fallbackUsername, String fallbackPassword) {
        static Secrets of(Credentials credentials) {
            return credentials == null
                    ? new Secrets(null, null, null, null)
                    : new Secrets(
                            credentials.username(),
                            credentials.password(),
                            credentials.fallbackUsername(),
                            credentials.fallbackPassword());
        }
    }

    private Credentials credentials(Credentials given, boolean toThisService) {
        if (given != null) {
            return given;
        }
        Optional<Credentials> ours = toThisService ? settings.callbackCredentials() : Optional.empty();
        return ours.orElse(null);
    }

    private String orChannel(String url, String channel) {
        return url != null ? url : channel(channel);
    }

    private String channel(String name) {
        return settings.callbackBase() + "/" + name;
    }
}
