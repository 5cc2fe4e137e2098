package io.switchboard.testkit.voiceapi;

import io.switchboard.testkit.simulator.CallActivity;
import io.switchboard.testkit.simulator.CallObserver;
import io.switchboard.testkit.simulator.Callees;
import io.switchboard.testkit.simulator.PlacedCall;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated Voice API's calls played as the platform plays them: a created call, once dialled, is answered
 * by one of the {@link Callees} and its webhooks go to the URLs createCall named ({@code answer} to
 * {@code answerUrl}, {@code machineDetectionComplete} to the detection's {@code callbackUrl} when asynchronous
 * detection was asked for, {@code disconnect} to {@code disconnectUrl}), each reply's BXML followed as an
 * inbound call's is; an update redirects the call's BXML or hangs it up. The call's state in the API follows.
 */
public final class OutboundCalls implements SimulatedVoiceApi.Listener {
    private final SimulatedVoiceApi api;
    private final Callees callees;
    private final Map<String, PlacedCall> live = new ConcurrentHashMap<>();

    private OutboundCalls(SimulatedVoiceApi api, Callees callees) {
        this.api = api;
        this.callees = callees;
    }

    /** Plays every call {@code api} dials from now on. */
    public static OutboundCalls follow(SimulatedVoiceApi api, Callees callees) {
        OutboundCalls calls = new OutboundCalls(Objects.requireNonNull(api, "api"), callees);
        api.listen(calls);
        return calls;
    }

    public Callees callees() {
        return callees;
    }

    @Override
    public void dialled(SimulatedCall call) {
        Map<String, Object> created = call.createdWith().orElseThrow();
        URI answerUrl = URI.create(Documents.text(created, "answerUrl"));
        String disconnectUrl = Documents.text(created, "disconnectUrl");
        call.moveTo(SimulatedCall.State.ANSWERED);
        callees.answer(
                        new Callees.Dialled(
                                call.callId(),
                                Documents.text(created, "from"),
                                Documents.text(created, "to"),
                                answerUrl,
                                // Without a disconnectUrl Bandwidth tells no one; the simulator tells the answer's URL.
                                disconnectUrl == null ? answerUrl : URI.create(disconnectUrl),
                                detectionUrl(created, answerUrl)),
                        new CallObserver() {
                            @Override
                            public void activity(CallActivity activity) {
                                // The call is over once its BXML is: updates during the disconnect find it gone.
                                if (activity.ending() != null
                                        && activity.party() == CallActivity.Party.CALLER
                                        && activity.callId().equals(call.callId())) {
                                    call.moveTo(SimulatedCall.State.DISCONNECTED);
                                }
                            }
                        },
                        placed -> live.put(call.callId(), placed))
                .whenComplete((outcome, failure) -> live.remove(call.callId()));
    }

    @Override
    public void redirected(SimulatedCall call, Map<String, Object> update) {
        PlacedCall placed = live.get(call.callId());
        if (placed != null) {
            placed.redirect(URI.create(Documents.text(update, "redirectUrl")));
        }
    }

    @Override
    public void hungUp(SimulatedCall call) {
        PlacedCall placed = live.get(call.callId());
        if (placed != null) {
            placed.hangUp();
        }
    }

    /** Where asynchronous detection reports: its own callbackUrl, else the answer's URL; none for sync or off. */
    private static URI detectionUrl(Map<String, Object> created, URI answerUrl) {
        Map<String, Object> detection = Documents.object(created, "machineDetection");
        if (detection.isEmpty() || "sync".equals(Documents.text(detection, "mode"))) {
            return null;
        }
        String callbackUrl = Documents.text(detection, "callbackUrl");
        return callbackUrl == null ? answerUrl : URI.create(callbackUrl);
    }
}
