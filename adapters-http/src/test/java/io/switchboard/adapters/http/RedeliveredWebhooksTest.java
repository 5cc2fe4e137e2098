package io.switchboard.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.http.javadsl.model.HttpEntity;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import akka.util.ByteString;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.verb.Response;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A webhook sent again byte for byte, as Bandwidth redelivers, is handed on as the event decoded the first time
 * (not decoded again: the very same instance) and answered with the BXML written then when the application answers
 * with the same document; anything else is decoded and written as ever.
 */
class RedeliveredWebhooksTest {
    private static final ActorTestKit testKit = ActorTestKit.create();

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    private static HttpResponse answered(VoiceWebhookRoutes routes, HttpRequest request) throws Exception {
        return routes.answerDirectly(request)
                .orElseThrow(() -> new AssertionError("not answered directly: " + request))
                .toCompletableFuture()
                .get();
    }

    /** {@code gather} POSTed to the gather channel's URL, answered directly. */
    private static HttpResponse gather(VoiceWebhookRoutes routes, ObjectNode gather) throws Exception {
        return answered(routes, Exchange.post("/voice/gather", gather));
    }

    private static String body(HttpResponse response) throws Exception {
        return Exchange.read(testKit.system(), CompletableFuture.completedFuture(response))
                .body();
    }

    private static VoiceWebhookRoutes routes(FakeVoiceEventHandler useCase, HttpSettings settings) {
        return new VoiceWebhookRoutes(useCase, () -> true, VoiceWebhookRoutesTest.FALLBACK, settings);
    }

    private static VoiceWebhookRoutes routes(FakeVoiceEventHandler useCase) {
        return routes(useCase, HttpSettings.of("127.0.0.1", 0));
    }

    @Test
    void aRedeliveryIsHandedTheEventDecodedBeforeAndGetsTheBxmlWrittenBefore() throws Exception {
        FakeVoiceEventHandler useCase = new FakeVoiceEventHandler();
        VoiceWebhookRoutes routes = routes(useCase);
        ObjectNode gather = Payloads.callEvent("gather");

        HttpResponse first = gather(routes, gather);
        HttpResponse again = gather(routes, gather);

        assertEquals(2, useCase.received().size(), "the application answers the redelivery too");
        assertSame(useCase.received().get(0), useCase.received().get(1), "not decoded again");
        assertSame(written(first), written(again), "the same document, not written again");
        assertEquals(body(first), body(again));
    }

    @Test
    void aRedeliveryAnsweredWithAnotherDocumentGetsThatDocumentWritten() throws Exception {
        FakeVoiceEventHandler useCase = new FakeVoiceEventHandler();
        VoiceWebhookRoutes routes = routes(useCase);
        ObjectNode gather = Payloads.callEvent("gather");
        HttpResponse first = gather(routes, gather);
        Response goodbye = Response.builder().speakSentence("Goodbye").hangup().build();
        useCase.answerWith(event -> CompletableFuture.completedFuture(new EventReply(goodbye, ReplyOrigin.REDELIVERY)));

        HttpResponse again = gather(routes, gather);

        assertNotSame(written(first), written(again));
        assertTrue(body(again).contains("Goodbye"), body(again));
    }

    @Test
    void aRequestThatDiffersInOneByteIsDecodedAsANewOne() throws Exception {
        FakeVoiceEventHandler useCase = new FakeVoiceEventHandler();
        VoiceWebhookRoutes routes = routes(useCase);
        ObjectNode gather = Payloads.callEvent("gather");
        gather(routes, gather);
        ObjectNode otherDigits = gather.deepCopy().put("digits", "2");

        gather(routes, otherDigits);
        answered(routes, Exchange.post("/voice", gather));

        assertEquals(3, useCase.received().size());
        assertNotSame(useCase.received().get(0), useCase.received().get(1));
        assertEquals("2", digitsOf(useCase.received().get(1)));
        assertNotSame(useCase.received().get(0), useCase.received().get(2), "another URL is another request");
        assertEquals(useCase.received().get(0), useCase.received().get(2), "though the same event");
    }

    @Test
    void aReplyThatIsNotTheEventsForGoodIsNotKept() throws Exception {
        FakeVoiceEventHandler useCase = new FakeVoiceEventHandler();
        useCase.answerWith(event -> CompletableFuture.completedFuture(
                new EventReply(FakeVoiceEventHandler.GREETING, ReplyOrigin.OVERLOADED)));
        VoiceWebhookRoutes routes = routes(useCase);
        ObjectNode gather = Payloads.callEvent("gather");

        HttpResponse first = gather(routes, gather);
        HttpResponse again = gather(routes, gather);

        assertNotSame(useCase.received().get(0), useCase.received().get(1), "decoded again");
        assertNotSame(written(first), written(again), "written again");
    }

    @Test
    void noneAreKeptWhenTheLimitIsZero() throws Exception {
        FakeVoiceEventHandler useCase = new FakeVoiceEventHandler();
        VoiceWebhookRoutes routes = routes(
                useCase,
                HttpSettings.of("127.0.0.1", 0).withAnswered(new AnsweredWebhookLimits(0, Duration.ofMinutes(1))));
        ObjectNode gather = Payloads.callEvent("gather");

        HttpResponse first = gather(routes, gather);
        HttpResponse again = gather(routes, gather);

        assertNotSame(useCase.received().get(0), useCase.received().get(1));
        assertNotSame(written(first), written(again));
    }

    /** The bytes of a response's document, as written. */
    private static ByteString written(HttpResponse response) {
        return ((HttpEntity.Strict) response.entity()).getData();
    }

    private static String digitsOf(VoiceEvent event) {
        return ((GatherCompleted) event).digits();
    }
}
