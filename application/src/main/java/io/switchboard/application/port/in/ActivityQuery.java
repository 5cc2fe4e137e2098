package io.switchboard.application.port.in;

import akka.NotUsed;
import akka.stream.javadsl.Source;
import java.util.concurrent.CompletionStage;

/**
 * Recent and live calls and conferences across the cluster, from a bounded index each node keeps of the events
 * it answered (never a scan of the entities), and every event as it is handled, on any node.
 */
public interface ActivityQuery {

    /**
     * The page of {@code filter}, newest activity first, merged from every node's index. A node whose index does
     * not answer within the query timeout is named in the page's {@code unanswered}.
     */
    CompletionStage<ActivityPage> recent(ActivityFilter filter);

    /**
     * Every event handled on any node from now on, as it is handled. The stream holds at most
     * {@code bufferSize} events its consumer has not taken; when its consumer falls further behind, it fails,
     * so a slow viewer costs a bounded buffer, never the service's memory.
     */
    Source<HandledEvent, NotUsed> live(int bufferSize);
}
