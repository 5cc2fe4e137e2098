package io.switchboard.bootstrap;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service jar ({@code bootstrap/target/switchboard.jar}) run as a child JVM the way an operator runs it, so
 * that a test can kill it the way production does: {@link #kill()} is SIGKILL, with no shutdown hook, no
 * coordinated shutdown and no chance for any buffer to be written. Every port is chosen by the system (port 0);
 * the child's log, kept in a file of the work directory, tells which.
 */
final class ServiceProcess implements AutoCloseable {
    static final String ADMIN_USER = "operator";
    static final String ADMIN_PASSWORD = "process-admin-secret";
    private static final Duration START_DEADLINE = Duration.ofSeconds(120);
    private static final Pattern WEBHOOK_PORT = Pattern.compile("Webhook server listening on /127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern MANAGEMENT_PORT =
            Pattern.compile("Management endpoint listening on /127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern CONNECTIONS_WARMED_UP =
            Pattern.compile("warmed up: (\\d+) new connections to the webhook port");

    private final Process process;
    private final Path log;
    private final CompletableFuture<Integer> webhookPort = new CompletableFuture<>();
    private final CompletableFuture<Integer> managementPort = new CompletableFuture<>();
    private final CompletableFuture<Integer> connectionsWarmedUp = new CompletableFuture<>();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The jar the build packaged; failsafe names it in the system property {@code switchboard.jar}. */
    static Path jar() {
        String path = System.getProperty("switchboard.jar");
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("no service jar at " + path
                    + " (the switchboard.jar system property): run these tests with `mvn verify`, after package");
        }
        return Path.of(path);
    }

    /**
     * Starts the service with the shipped defaults plus {@code environment} (SWITCHBOARD_* variables), the admin
     * API on, and returns once it is ready ({@code /health/ready} answers 200).
     *
     * @param workDir    the child's working directory, where its log goes
     * @param jvmOptions options before {@code -jar}
     */
    static ServiceProcess start(Path workDir, Map<String, String> environment, List<String> jvmOptions)
            throws IOException {
        return start(workDir, environment, jvmOptions, List.of());
    }

    /**
     * As {@link #start(Path, Map, List)}, with {@code launcher} before the {@code java} command (e.g. {@code taskset
     * -c 0}, to give the service a core of its own).
     */
    static ServiceProcess start(
            Path workDir, Map<String, String> environment, List<String> jvmOptions, List<String> launcher)
            throws IOException {
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString(), "serve"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("SWITCHBOARD_"));
        env.putAll(Map.of(
                "SWITCHBOARD_HTTP_PORT",
                "0",
                "SWITCHBOARD_REMOTE_PORT",
                "0",
                "SWITCHBOARD_MANAGEMENT_PORT",
                "0",
                "SWITCHBOARD_PUBLIC_URL",
                RunningService.PUBLIC_URL,
                "SWITCHBOARD_ADMIN_USER",
                ADMIN_USER,
                "SWITCHBOARD_ADMIN_PASSWORD",
                ADMIN_PASSWORD));
        env.putAll(environment);
        Path log = workDir.resolve("service-" + System.nanoTime() + ".log");
        ServiceProcess service = new ServiceProcess(builder.start(), log);
        service.readLog();
        try {
            service.awaitReady();
        } catch (RuntimeException | Error notReady) {
            service.kill();
            throw new IllegalStateException("the service did not start; its log: " + log, notReady);
        }
        return service;
    }

    private void readLog() {
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines = new BufferedReader(
                                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                            Writer file = Files.newBufferedWriter(
                                    log,
                                    StandardCharsets.UTF_8,
                                    StandardOpenOption.CREATE,
                                    StandardOpenOption.APPEND)) {
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            file.write(line);
                            file.write('\n');
                            file.flush();
                            complete(webhookPort, WEBHOOK_PORT.matcher(line));
                            complete(managementPort, MANAGEMENT_PORT.matcher(line));
                            complete(connectionsWarmedUp, CONNECTIONS_WARMED_UP.matcher(line));
                        }
                    } catch (IOException closed) {
                        // The process is gone: its output ends here.
                    }
                    webhookPort.completeExceptionally(new IllegalStateException("the service exited first"));
                    managementPort.completeExceptionally(new IllegalStateException("the service exited first"));
                    connectionsWarmedUp.completeExceptionally(new IllegalStateException("the service exited first"));
                },
                "service-log-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    private static void complete(CompletableFuture<Integer> port, Matcher line) {
        if (line.find()) {
            port.complete(Integer.parseInt(line.group(1)));
        }
    }

    private void awaitReady() {
        try {
            webhookPort.get(START_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            managementPort.get(START_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception failed) {
            throw new IllegalStateException("no ports in the log", failed);
        }
        await().atMost(START_DEADLINE)
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> get(uri("/health/ready")).statusCode() == 200);
    }

    /**
     * Waits for the connections' warm-up the service runs once ready ({@code switchboard.warm-up.connections}) to be
     * over, and returns how many connections it made.
     */
    int awaitConnectionsWarmedUp(Duration atMost) throws Exception {
        return connectionsWarmedUp.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** On the webhook port. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + webhookPort.join() + path);
    }

    /** On the management port. */
    URI managementUri(String path) {
        return URI.create("http://127.0.0.1:" + managementPort.join() + path);
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(RunningService.jsonPost(uri(path), json));
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** The replies this service counted as fallbacks ({@code switchboard_webhook_fallbacks_total}). */
    double fallbacksCounted() throws IOException, InterruptedException {
        return RunningService.fallbacksIn(get(managementUri("/metrics")).body());
    }

    /** {@code GET /admin/...} with the admin credentials. */
    HttpResponse<String> admin(String path) throws IOException, InterruptedException {
        return send(RunningService.basicGet(uri(path), ADMIN_USER, ADMIN_PASSWORD));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL (what {@link Process#destroyForcibly()} sends on Linux), and waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: coordinated shutdown, as an orchestrator stops a node; waits until the process is gone. */
    void stop() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(START_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(START_DEADLINE.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Options that start the JVM in a few seconds rather than tens on a busy machine: the client compiler only,
     * and the class-data archive {@code archive}, written when the first JVM that names it stops normally.
     */
    static List<String> fastStartOptions(Path archive) {
        return List.of(
                "-XX:TieredStopAtLevel=1",
                Files.exists(archive) ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + archive);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
