package io.switchboard.application.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.ManualTime;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import com.typesafe.config.ConfigFactory;
import io.switchboard.application.serialization.JacksonFlowDataCodec;
import io.switchboard.domain.call.CallEntity;
import io.switchboard.domain.call.CallEvents;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.call.RecordingAvailable;
import io.switchboard.domain.control.CallControl;
import io.switchboard.domain.entity.EntityTestSupport;
import io.switchboard.domain.entity.EntityWiring;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.InMemoryVoiceEntity;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.entity.VoiceEntity;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.flow.FlowServices;
import io.switchboard.domain.flow.SideWork;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Side work runs beside the call: a slow download started on a recording neither holds the call's next event nor
 * counts against its deadline; failures and refusals are counted; the bounds hold; delayed work waits its delay.
 * Time is manual: nothing here waits for a clock.
 */
class SideWorkTest {
    private static final ActorTestKit testKit = ActorTestKit.create(ManualTime.config()
            .withFallback(ConfigFactory.parseString(EntityTestSupport.TESTKIT_CONFIG))
            .withFallback(ConfigFactory.load()));
    private static final ManualTime time = ManualTime.get(testKit.system());

    @AfterAll
    static void shutDown() {
        testKit.shutdownTestKit();
    }

    private static BoundedSideWork runner(int maxRunning, int maxWaiting) {
        return new BoundedSideWork(
                new SideWorkSettings(maxRunning, maxWaiting, Duration.ofMinutes(10), Duration.ofMinutes(5)),
                testKit.system().scheduler(),
                testKit.system().executionContext());
    }

    private static SideWork work(String name, Duration delay, CompletableFuture<?> stage) {
        return new SideWork("c-1", name, delay, () -> stage);
    }

    /** Downloads each recording as side work (the test holds the download), and answers gathers at once. */
    private static final class DownloadingFlow implements CallFlow {
        private final CompletableFuture<byte[]> download;

        DownloadingFlow(CompletableFuture<byte[]> download) {
            this.download = download;
        }

        @Override
        public void onRecordingAvailable(RecordingAvailable event, CallState call, FlowContext context) {
            context.sideWork("download " + event.recording().recordingId(), () -> download);
        }

        @Override
        public Reply onGather(GatherCompleted event, CallState call, FlowContext context) {
            return Response.builder().speakSentence("Thanks").build();
        }
    }

    @Test
    void aSlowDownloadDoesNotHoldTheCallsNextEventAndItsFailureIsCounted() {
        CompletableFuture<byte[]> download = new CompletableFuture<>();
        BoundedSideWork runner = runner(64, 16);
        CallEvents call = CallEvents.newCall();
        ActorRef<VoiceEntity.Command> entity = testKit.spawn(InMemoryVoiceEntity.create(
                CallEntity.rules(call.callId(), new DownloadingFlow(download)),
                new EntityWiring(
                        testKit.system().executionContext(),
                        new FlowServices(CallControl.unavailable(), new JacksonFlowDataCodec(), 1024, runner),
                        EntityTestSupport.settings(),
                        self -> {},
                        self -> {})));
        TestProbe<EventReply> replies = testKit.createTestProbe();

        EventReply recorded =
                EntityTestSupport.ask(entity, call.recordingAvailable(CallEvents.fullRecording("r-1")), replies);
        EventReply gathered = EntityTestSupport.ask(entity, call.gather("1"), replies);

        assertEquals(ReplyOrigin.FLOW, recorded.origin());
        assertEquals(ReplyOrigin.FLOW, gathered.origin(), "answered by the flow while the download runs");
        assertFalse(download.isDone());
        assertEquals(1, runner.running());

        download.completeExceptionally(new IllegalStateException("the media server went away"));

        testKit.createTestProbe().awaitAssert(() -> {
            assertEquals(1, runner.failed());
            assertEquals(0, runner.running());
            return null;
        });
    }

    @Test
    void pastTheConcurrencyBoundNewSideWorkIsRefusedUntilASlotFrees() {
        BoundedSideWork runner = runner(2, 0);
        CompletableFuture<Void> first = new CompletableFuture<>();
        runner.start(work("first", Duration.ZERO, first));
        runner.start(work("second", Duration.ZERO, new CompletableFuture<>()));
        CompletableFuture<Void> third = new CompletableFuture<>();

        runner.start(work("third", Duration.ZERO, third));

        assertEquals(1, runner.refused());
        testKit.createTestProbe().awaitAssert(() -> {
            assertEquals(2, runner.running());
            return null;
        });
        first.complete(null);
        testKit.createTestProbe().awaitAssert(() -> {
            assertEquals(1, runner.succeeded());
            assertEquals(1, runner.running());
            return null;
        });
        runner.start(work("fourth", Duration.ZERO, new CompletableFuture<>()));
        assertEquals(1, runner.refused(), "a slot was free again");
    }

    @Test
    void sideWorkThatThrowsIsCountedAsFailed() {
        BoundedSideWork runner = runner(2, 0);

        runner.start(new SideWork("c-1", "throws", Duration.ZERO, () -> {
            throw new IllegalStateException("broken before it started");
        }));

        testKit.createTestProbe().awaitAssert(() -> {
            assertEquals(1, runner.failed());
            assertEquals(0, runner.running());
            return null;
        });
    }

    @Test
    void delayedSideWorkStartsAfterItsDelayWithinItsOwnBound() {
        BoundedSideWork runner = runner(2, 1);
        AtomicBoolean started = new AtomicBoolean();

        runner.start(new SideWork("conf-1", "unmute", Duration.ofSeconds(5), () -> {
            started.set(true);
            return CompletableFuture.completedFuture(null);
        }));
        runner.start(work("second delayed", Duration.ofSeconds(5), new CompletableFuture<>()));
        runner.start(work("too late", Duration.ofMinutes(11), new CompletableFuture<>()));

        assertEquals(2, runner.refused(), "one past max-delayed, one past max-delay");
        assertEquals(1, runner.waiting());
        time.timePasses(Duration.ofSeconds(4));
        assertFalse(started.get());
        time.timePasses(Duration.ofSeconds(1));
        testKit.createTestProbe().awaitAssert(() -> {
            assertEquals(1, runner.succeeded());
            assertEquals(0, runner.waiting());
            return null;
        });
    }

    @Test
    void sideWorkNotDoneWithinTheTimeoutIsCountedAsFailedAndFreesItsSlot() {
        BoundedSideWork runner = runner(1, 0);
        runner.start(work("hangs", Duration.ZERO, new CompletableFuture<>()));
        testKit.createTestProbe().awaitAssert(() -> {
            assertEquals(1, runner.running());
            return null;
        });

        time.timePasses(Duration.ofMinutes(5));

        testKit.createTestProbe().awaitAssert(() -> {
            assertEquals(1, runner.failed());
            assertEquals(0, runner.running());
            return null;
        });
    }
}
