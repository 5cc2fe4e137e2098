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
import io.switchboard.testkit.simulator.WebhookTransport;
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
    static final URI SERVICE_URL = URI.create("https://flow-test.invalid/voice");

    private static final Duration BANDWIDTH_TIMEOUT = Duration.ofSeconds(15);
    static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    /** The application of a test call unless the test sets one: the simulator's default. */
    public static final String APPLICATION =
            CallerScript.fromConfig(ConfigFactory.empty()).applicationId();

    public static final String CALLER = "+15552223333";
    public static final String CALLED = "+15553334444";

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
        this.player = player(InProcessTransport.explaining(service::answer), settings, LocalSystem.SYSTEM);
    }

    /** Plays calls offline against {@code transport}: the caller is the test's (or the explorer's). */
    static CallPlayer player(WebhookTransport transport, SwitchboardSettings settings, ActorSystem<?> system) {
        // Offline nothing goes over a network, so every URL the BXML names may be followed.
        return new CallPlayer(
                transport,
                new ReplyChecks(BANDWIDTH_TIMEOUT, settings.replyDeadline()),
                CallerScript.of(CallerProfile.silent("test")),
                url -> true,
                system.executionContext());
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

    /**
     * Walks every path a caller can take through {@code callFlow} with the explorer's defaults and reports what a
     * caller can run into: {@code FlowTest.explore(new MyFlow()).assertClean()}. See {@link FlowExplorer}.
     */
    public static Exploration explore(CallFlow callFlow) {
        return of(callFlow).explorer().explore();
    }

    /** An explorer of this test's flows and settings, to bound or steer before {@link FlowExplorer#explore}. */
    public FlowExplorer explorer() {
        return new FlowExplorer(LocalSystem.SYSTEM, callFlow, conferenceFlow, settings, patience);
    }

    /** An inbound call: Bandwidth sends {@code initiate}; returns once the call waits for the caller or ended. */
    public CallUnderTest placeInboundCall(String from, String to) {
        return call().from(from).to(to).place();
    }

    /** An outbound call the callee answered: Bandwidth sends {@code answer}. */
    public CallUnderTest placeOutboundCall(String from, String to) {
        return call().from(from).to(to).outbound().place();
    }

    /**
     * A call to set up before placing it: {@code flowTest.call().application("app-1").from("+15552223333")
     * .outbound().place()}. Unless told otherwise it is inbound, from {@value #CALLER} to {@value #CALLED}, of the
     * application {@link #APPLICATION}.
     */
    public NewCall call() {
        return new NewCall(APPLICATION, Direction.INBOUND, CALLER, CALLED);
    }

    /** A call being set up; each setter returns a new setup. */
    public final class NewCall {
        private final String applicationId;
        private final Direction direction;
        private final String from;
        private final String to;

        private NewCall(String applicationId, Direction direction, String from, String to) {
            this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
            this.direction = Objects.requireNonNull(direction, "direction");
            this.from = Objects.requireNonNull(from, "from");
            this.to = Objects.requireNonNull(to, "to");
        }

        /** The Bandwidth application the call's events name ({@code CallState.applicationId()}). */
        public NewCall application(String id) {
            return new NewCall(id, direction, from, to);
        }

        public NewCall from(String number) {
            return new NewCall(applicationId, direction, number, to);
        }

        public NewCall to(String number) {
            return new NewCall(applicationId, direction, from, number);
        }

        /** Bandwidth sends {@code initiate} (the default). */
        public NewCall inbound() {
            return new NewCall(applicationId, Direction.INBOUND, from, to);
        }

        /** The callee answered a call the service placed: Bandwidth sends {@code answer}. */
        public NewCall outbound() {
            return new NewCall(applicationId, Direction.OUTBOUND, from, to);
        }

        /** Places the call; returns once it waits for the caller or has ended. */
        public CallUnderTest place() {
            CallUnderTest call = new CallUnderTest(patience, service);
            int index = calls.getAndIncrement();
            call.start(
                    player,
                    new CallSetup(
                            index,
                            "test",
                            applicationId,
                            direction,
                            from,
                            to,
                            SERVICE_URL,
                            SERVICE_URL,
                            START,
                            index,
                            call.caller()));
            return call;
        }
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
