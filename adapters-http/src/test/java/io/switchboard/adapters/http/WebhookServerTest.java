package io.switchboard.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import io.switchboard.adapters.bxml.BxmlWriter;
import io.switchboard.adapters.http.json.VoiceChannel;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class WebhookServerTest {
    private static final ActorTestKit testKit = ActorTestKit.create();
    private static final Duration HARD_TERMINATION = Duration.ofSeconds(3);

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    private static VoiceWebhookRoutes routesAt(int port) {
        return new VoiceWebhookRoutes(
                new FakeVoiceEventHandler(),
                () -> true,
                VoiceWebhookRoutesTest.FALLBACK,
                HttpSettings.of("127.0.0.1", port));
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void servesTheWebhookRoutesAtTheBoundAddress() throws Exception {
        ServerBinding binding = await(WebhookServer.start(testKit.system(), routesAt(0), HARD_TERMINATION));
        try {
            String base = "http://127.0.0.1:" + binding.localAddress().getPort();
            HttpRequest answer = HttpRequest.POST(base + "/voice/answer")
                    .withEntity(
                            ContentTypes.APPLICATION_JSON,
                            Payloads.json(Payloads.contractPayload(VoiceChannel.ANSWER)));

            HttpResponse response = await(Http.get(testKit.system()).singleRequest(answer));
            String body = await(response.entity().toStrict(5_000, testKit.system()))
                    .getData()
                    .utf8String();

            assertEquals(200, response.status().intValue());
            assertEquals(new BxmlWriter().write(FakeVoiceEventHandler.GREETING), body);
        } finally {
            await(binding.unbind());
        }
    }

    @Test
    void failsWhenThePortIsTaken() throws Exception {
        ServerBinding first = await(WebhookServer.start(testKit.system(), routesAt(0), HARD_TERMINATION));
        try {
            int takenPort = first.localAddress().getPort();

            ExecutionException failure = assertThrows(
                    ExecutionException.class,
                    () -> await(WebhookServer.start(testKit.system(), routesAt(takenPort), HARD_TERMINATION)));

            assertTrue(
                    failure.getCause().getMessage().contains(String.valueOf(takenPort)), failure.getCause()::toString);
        } finally {
            await(first.unbind());
        }
    }
}
