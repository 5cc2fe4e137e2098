package io.switchboard.adapters.http;

import io.switchboard.application.port.in.HandleVoiceEventUseCase;
import io.switchboard.domain.common.VoiceEvent;
import io.switchboard.domain.entity.EventReply;
import io.switchboard.domain.entity.ReplyOrigin;
import io.switchboard.domain.verb.Response;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Stands in for the sharded use case: records every event it is handed and answers as the test chose; by
 * default with {@link #GREETING} where Bandwidth would run BXML and with no BXML where it would ignore it.
 */
final class FakeVoiceEventHandler implements HandleVoiceEventUseCase {
    static final Response GREETING =
            Response.builder().speakSentence("Hello from Switchboard").build();

    private final List<VoiceEvent> received = new CopyOnWriteArrayList<>();
    private volatile Function<VoiceEvent, CompletionStage<EventReply>> answer =
            FakeVoiceEventHandler::greetWhereExecuted;

    @Override
    public CompletionStage<EventReply> handle(VoiceEvent event) {
        received.add(event);
        return answer.apply(event);
    }

    void answerWith(Function<VoiceEvent, CompletionStage<EventReply>> newAnswer) {
        answer = newAnswer;
    }

    List<VoiceEvent> received() {
        return received;
    }

    VoiceEvent onlyEvent() {
        if (received.size() != 1) {
            throw new AssertionError("expected exactly one event, got " + received);
        }
        return received.get(0);
    }

    private static CompletionStage<EventReply> greetWhereExecuted(VoiceEvent event) {
        Response response = event.replyExpectation().allowsBxml() ? GREETING : null;
        return CompletableFuture.completedFuture(new EventReply(response, ReplyOrigin.FLOW));
    }
}
