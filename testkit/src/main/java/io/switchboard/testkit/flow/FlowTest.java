package io.switchboard.testkit.flow;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.common.Direction;
import io.switchboard.domain.conference.ConferenceFlow;
import io.switchboard.domain.control.CallControlRequest;
import io.switchboard.testkit.simulator.CallPlayer;
import io.switchboard.testkit.simulator.CallSetup;
import io.switchboard.testkit.simulator.CallerProfile;
import io.switchboard.testkit.simulator.CallerScript;
import io.switchboard.testkit.simulator.InProcessTransport;
import io.switchboard.testkit.simulator.ReplyChecks;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tests a flow offline, in plain JUnit: no HTTP, no cluster. The simulator plays Bandwidth's side against the
 * real call and conference entities running your flows in a local actor system, so replies, {@code Reply.later},
 * timeouts and the fallback behave as in the service; the test plays the caller.
 *
 * <pre>{@code
 * CallUnderTest call = FlowTest.of(new MyFlow()).placeInboundCall("+15552223333", "+15553334444");
 * call.expectSpeaks("Welcome").expectGather();
 * call.press("2");
 * call.expectRecord();
 * call.hangUp();
 * call.assertNoViolations();
 * }</pre>
 *
 * Every reply is checked as the simulator checks it (status, BXML rules for the event, deadline, fallback); an
 * expectation that fails says what the caller heard instead and which checks failed.
 */
public final class FlowTest {
    /** Where the first webhooks "go"; nothing is sent over a network, the URL only anchors relative ones. */
    private static final URI SERVICE_URL = URI.create("https://flow-test.invalid/voice");

    private static final Duration BANDWIDTH_TIMEOUT = Duration.ofSeconds(15);
    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    private final CallFlow callFlow;
    private final ConferenceFlow conferenceFlow;
    private final SwitchboardSettings settings;
    private final Duration patience;
    private final AtomicInteger calls = new AtomicInteger();
    /** Shared by the test's calls: they reach the same entities, so they can meet in a conference. */
    private final CallPlayer player;
    /** Where the flows' call-control requests go: recorded, all succeed. */
    private final RecordingCallControl callControl = new RecordingCallControl();
    /** The entities the calls reach; asked for their flow data. */
    private final LocalVoiceEventHandler service;

    private FlowTest(
            CallFlow callFlow, ConferenceFlow conferenceFlow, SwitchboardSettings settings, Duration patience) {
        this.callFlow = Objects.requireNonNull(callFlow, "callFlow");
        this.conferenceFlow = Objects.requireNonNull(conferenceFlow, "conferenceFlow");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.patience = Objects.requireNonNull(patience, "patience");
        this.service = new LocalVoiceEventHandler(LocalSystem.SYSTEM, callFlow, conferenceFlow, callControl, settings);
        // Offline nothing goes over a network, so every URL the BXML names may be followed.
        this.player = new CallPlayer(
                new InProcessTransport(service),
                new ReplyChecks(BANDWIDTH_TIMEOUT, settings.replyDeadline()),
                CallerScript.of(CallerProfile.silent("test")),
                url -> true,
                LocalSystem.SYSTEM.executionContext());
    }

    /** A test of {@code callFlow}; conferences answer nothing. */
    public static FlowTest of(CallFlow callFlow) {
        return of(callFlow, new ConferenceFlow() {});
    }

    /** A test of both flows, with the library's default settings (reply deadline, flow timeout, fallback). */
    public static FlowTest of(CallFlow callFlow, ConferenceFlow conferenceFlow) {
        SwitchboardSettings defaults = SwitchboardSettings.from(LocalSystem.CONFIG);
        return new FlowTest(callFlow, conferenceFlow, defaults, patienceFor(defaults));
    }

    /** The same test with other settings, e.g. a shorter flow timeout to test the fallback quickly. */
    public FlowTest withSettings(SwitchboardSettings other) {
        return new FlowTest(callFlow, conferenceFlow, other, patienceFor(other));
    }

    /** An inbound call: Bandwidth sends {@code initiate}; returns once the call waits for the caller or ended. */
    public CallUnderTest placeInboundCall(String from, String to) {
        return place(Direction.INBOUND, from, to);
    }

    /** An outbound call the callee answered: Bandwidth sends {@code answer}. */
    public CallUnderTest placeOutboundCall(String from, String to) {
        return place(Direction.OUTBOUND, from, to);
    }

    /**
     * The next call-control request the flows issued (they go out after the reply that asked for them), which
     * must be a {@code type}: {@code flowTest.expectRequest(UpdateCall.class).hangUp()}. Waits for it as long as
     * for a reply.
     */
    public <R extends CallControlRequest> R expectRequest(Class<R> type) {
        return callControl.next(type, patience);
    }

    /** Every call-control request the flows issued so far, in order; each succeeded. */
    public List<CallControlRequest> requests() {
        return callControl.requests();
    }

    private CallUnderTest place(Direction direction, String from, String to) {
        CallUnderTest call = new CallUnderTest(patience, service);
        int index = calls.getAndIncrement();
        call.start(
                player,
                new CallSetup(
                        index, "test", direction, from, to, SERVICE_URL, SERVICE_URL, START, index, call.caller()));
        return call;
    }

    private static Duration patienceFor(SwitchboardSettings settings) {
        return settings.replyDeadline().plusSeconds(5);
    }

    /** One local actor system for every flow test of the JVM: daemon threads, never joins a cluster. */
    private static final class LocalSystem {
        static final Config CONFIG = ConfigFactory.parseString("""
                akka.actor.provider = local
                akka.daemonic = on
                akka.coordinated-shutdown.exit-jvm = off
                akka.coordinated-shutdown.run-by-jvm-shutdown-hook = off
                """)
                .withFallback(ConfigFactory.load())
                .resolve();
        static final ActorSystem<Void> SYSTEM = ActorSystem.create(Behaviors.empty(), "flow-test", CONFIG);
    }
}
