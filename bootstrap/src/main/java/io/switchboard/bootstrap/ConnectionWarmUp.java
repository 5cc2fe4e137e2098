package io.switchboard.bootstrap;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Once a node is ready, new connections to its own webhook port, in the background, a few at a time: each connects,
 * asks for {@code /health/live}, reads the answer to its end and is closed by the server. Every connection akka-http
 * accepts starts an HTTP stream of its own, and until the JIT has compiled that (a few thousand connections) a node
 * accepts a few hundred connections a second when idle and a few dozen when its core is busy with webhooks: a burst
 * of new connections (a load balancer turning traffic to the node, Bandwidth's retries after an incident) waited
 * seconds in the kernel's queue before its requests were answered or even refused ({@code WebhookFloodIT}). Nodes
 * keep their connections open, so a node in service for hours had not compiled it either. {@link WarmUp} goes
 * through the routes without a socket and warms none of this; and this one runs after ready, not before, because it
 * takes seconds, where the node's start takes three.
 *
 * <p>Plain blocking sockets, on threads of the warm-up's own that end with it: the node's dispatchers serve the other
 * side of each connection, and the client must cost them nothing. None over HTTPS: a client here would have to trust
 * the node's certificate whatever it is.
 */
final class ConnectionWarmUp {

    /** How many connections were made, how many were answered 200, and the time they took. */
    record Result(int connections, int answered, Duration took) {}

    private static final byte[] PROBE = ("GET /health/live HTTP/1.1\r\nHost: switchboard-warm-up\r\n"
                    + "Connection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OK_STATUS = "HTTP/1.1 200".getBytes(StandardCharsets.US_ASCII);

    private final InetSocketAddress target;
    private final int connections;
    private final int atOnce;
    private final int timeoutMillis;

    /**
     * {@code connections} to the webhook server bound at {@code bound} (its own address, or the loopback address when
     * it listens on every interface), {@code atOnce} at a time, each given up after {@code timeout}.
     */
    ConnectionWarmUp(InetSocketAddress bound, int connections, int atOnce, Duration timeout) {
        InetAddress address =
                bound.getAddress().isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound.getAddress();
        this.target = new InetSocketAddress(address, bound.getPort());
        this.connections = connections;
        this.atOnce = atOnce;
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    }

    /** As {@code switchboard.warm-up.connections} configures it, to the webhook server bound at {@code bound}. */
    static ConnectionWarmUp configured(Config config, InetSocketAddress bound) {
        Config warmUp = config.getConfig("switchboard.warm-up.connections");
        return new ConnectionWarmUp(
                bound, warmUp.getInt("count"), warmUp.getInt("at-once"), warmUp.getDuration("timeout"));
    }

    /** Whether it makes any connection at all. */
    boolean any() {
        return connections > 0;
    }

    /** Makes the connections; completes once all have been made, or at a failed one on every line. */
    CompletionStage<Result> run() {
        long started = System.nanoTime();
        AtomicInteger claimed = new AtomicInteger();
        AtomicInteger made = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger lineNumber = new AtomicInteger();
        ExecutorService lines = Executors.newFixedThreadPool(atOnce, task -> {
            Thread line = new Thread(task, "switchboard-warm-up-connection-" + lineNumber.incrementAndGet());
            line.setDaemon(true);
            return line;
        });
        CompletableFuture<?>[] running = IntStream.range(0, atOnce)
                .mapToObj(i -> CompletableFuture.runAsync(() -> line(claimed, made, answered), lines))
                .toArray(CompletableFuture[]::new);
        // On the last line's thread: it only counts.
        return CompletableFuture.allOf(running)
                .handleAsync(
                        (done, failure) -> {
                            lines.shutdown();
                            return new Result(
                                    made.get(), answered.get(), Duration.ofNanos(System.nanoTime() - started));
                        },
                        Runnable::run);
    }

    /** One connection after another until all are claimed, or one fails (the node stops, say). */
    private void line(AtomicInteger claimed, AtomicInteger made, AtomicInteger answered) {
        while (claimed.getAndIncrement() < connections) {
            made.incrementAndGet();
            try {
                if (answeredOk()) {
                    answered.incrementAndGet();
                }
            } catch (IOException failed) {
                return;
            }
        }
    }

    private boolean answeredOk() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(target, timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(PROBE);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] status = in.readNBytes(OK_STATUS.length);
            // To its end: the server closes the connection, as a client that sent "Connection: close" expects.
            in.transferTo(OutputStream.nullOutputStream());
            return Arrays.equals(status, OK_STATUS);
        }
    }
}
