package io.switchboard.application.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.Entity;
import io.switchboard.application.OneNodeCluster;
import io.switchboard.application.SampleEvents;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.common.CallId;
import io.switchboard.domain.entity.EntityInspection;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.entity.VoiceEntity;
import io.switchboard.domain.verb.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An event whose message to its entity is lost (sharding drops what it holds for a shard at the moment the shard is
 * handed over) is sent again before the deadline, with the same reply address; so is an admin query's question. The entities here stand in for
 * the call: each answers in the way its call id names.
 */
class AskAgainTest {
    private static final Duration ASK_AGAIN_AFTER = Duration.ofMillis(200);
    private static final ActorTestKit testKit = OneNodeCluster.testKit("""
            switchboard.reply-deadline = 20s
            switchboard.query-timeout = 20s
            switchboard.ask-again-after = 200ms
            """);
    private static final TestProbe<VoiceEntity.Handle> received = testKit.createTestProbe();
    private static final TestProbe<VoiceEntity.Inspect> questions = testKit.createTestProbe();
    private static ShardedVoiceEventHandler handler;
    private static ShardedEntityQuery query;

    @BeforeAll
    static void start() {
        ClusterMembership.joinSelfUnlessSeeded(testKit.system());
        ClusterSharding.get(testKit.system())
                .init(Entity.of(EntityKeys.CALL, context -> standIn(context.getEntityId())));
        SwitchboardSettings settings =
                SwitchboardSettings.from(testKit.system().settings().config());
        handler = new ShardedVoiceEventHandler(testKit.system(), settings, List.of());
        query = new ShardedEntityQuery(testKit.system(), settings);
    }

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    /**
     * "lost-": the first message (event or question) never arrives, a later one is answered. "late-": answers every message it got once
     * a second one comes, in order. Anything else: answered at once.
     */
    private static Behavior<VoiceEntity.Command> standIn(String callId) {
        List<VoiceEntity.Handle> got = new ArrayList<>();
        List<VoiceEntity.Inspect> asked = new ArrayList<>();
        return Behaviors.receive(VoiceEntity.Command.class)
                .onMessage(VoiceEntity.Inspect.class, inspect -> {
                    questions.getRef().tell(inspect);
                    asked.add(inspect);
                    if (!callId.startsWith("lost-") || asked.size() > 1) {
                        inspect.replyTo()
                                .tell(new EntityInspection(CallState.initial(CallId.of(callId)), List.of(), null));
                    }
                    return Behaviors.same();
                })
                .onMessage(VoiceEntity.Handle.class, handle -> {
                    received.getRef().tell(handle);
                    got.add(handle);
                    if (callId.startsWith("lost-")) {
                        if (got.size() > 1) {
                            handle.replyTo().tell(reply("answered copy " + got.size()));
                        }
                    } else if (callId.startsWith("late-")) {
                        if (got.size() > 1) {
                            for (int each = 0; each < got.size(); each++) {
                                got.get(each).replyTo().tell(reply("answer " + (each + 1)));
                            }
                        }
                    } else {
                        handle.replyTo().tell(reply("at once"));
                    }
                    return Behaviors.same();
                })
                .build();
    }

    private static EventReply reply(String spoken) {
        return new EventReply(Response.builder().speakSentence(spoken).build(), ReplyOrigin.FLOW);
    }

    private static EventReply answerTo(GatherCompleted gather) throws Exception {
        return handler.handle(gather).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void anEventWhoseMessageWasLostIsSentAgainAndAnsweredLongBeforeTheDeadline() throws Exception {
        GatherCompleted gather = SampleEvents.gather("lost-1", "1");

        assertEquals(reply("answered copy 2"), answerTo(gather));

        VoiceEntity.Handle original = received.receiveMessage();
        VoiceEntity.Handle copy = received.receiveMessage();
        assertEquals(gather, original.event());
        assertEquals(gather, copy.event());
        assertEquals(original.replyTo(), copy.replyTo(), "one reply address for both");
    }

    @Test
    void whenBothReachTheEntityTheFirstReplyIsTheAnswer() throws Exception {
        GatherCompleted gather = SampleEvents.gather("late-1", "1");

        assertEquals(reply("answer 1"), answerTo(gather));

        assertEquals(gather, received.receiveMessage().event());
        assertEquals(gather, received.receiveMessage().event());
    }

    @Test
    void anEventAnsweredInTimeIsSentOnce() throws Exception {
        GatherCompleted gather = SampleEvents.gather("quick-1", "1");

        assertEquals(reply("at once"), answerTo(gather));

        assertEquals(gather, received.receiveMessage().event());
        received.expectNoMessage(ASK_AGAIN_AFTER.multipliedBy(3));
    }

    @Test
    void anAdminQueryWhoseQuestionWasLostIsAskedAgainAndAnsweredLongBeforeItsTimeout() throws Exception {
        assertEquals(
                Optional.empty(),
                query.call(CallId.of("lost-q")).toCompletableFuture().get(10, TimeUnit.SECONDS),
                "answered: the stand-in has no history to show");

        VoiceEntity.Inspect original = questions.receiveMessage();
        VoiceEntity.Inspect again = questions.receiveMessage();
        assertEquals(original.replyTo(), again.replyTo(), "one reply address for both");
    }

    @Test
    void anAdminQueryAnsweredInTimeIsAskedOnce() throws Exception {
        query.call(CallId.of("quick-q")).toCompletableFuture().get(10, TimeUnit.SECONDS);

        questions.receiveMessage();
        questions.expectNoMessage(ASK_AGAIN_AFTER.multipliedBy(3));
    }
}
