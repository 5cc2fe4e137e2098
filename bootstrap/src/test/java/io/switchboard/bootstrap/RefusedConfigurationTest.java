package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each configuration the service refuses, through the jar's {@code main} in a process of its own, as an operator
 * starts it: the process exits 2 and prints one line, naming the variable at fault and what to do about it, and no
 * stack trace.
 */
class RefusedConfigurationTest {
    private static final int REFUSED = 2;

    @TempDir
    Path workingDirectory;

    /**
     * @param variables what the operator set
     * @param named     the variable the line must name
     * @param remedy    words of the line that say how to fix it
     */
    record Refusal(String name, Map<String, String> variables, String named, String remedy) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal(
                        "admin credentials equal to the webhook's",
                        Map.of(
                                "SWITCHBOARD_WEBHOOK_USER", "bandwidth",
                                "SWITCHBOARD_WEBHOOK_PASSWORD", "s3cret",
                                "SWITCHBOARD_ADMIN_USER", "bandwidth",
                                "SWITCHBOARD_ADMIN_PASSWORD", "s3cret"),
                        "SWITCHBOARD_ADMIN_USER",
                        "credentials of its own"),
                new Refusal(
                        "a webhook user without a password",
                        Map.of("SWITCHBOARD_WEBHOOK_USER", "bandwidth"),
                        "SWITCHBOARD_WEBHOOK_PASSWORD",
                        "set both"),
                new Refusal(
                        "a webhook password without a user",
                        Map.of("SWITCHBOARD_WEBHOOK_PASSWORD", "s3cret"),
                        "SWITCHBOARD_WEBHOOK_USER",
                        "set both"),
                new Refusal(
                        "an admin user without a password",
                        Map.of("SWITCHBOARD_ADMIN_USER", "operator"),
                        "SWITCHBOARD_ADMIN_PASSWORD",
                        "set both"),
                new Refusal(
                        "a webhook user with a colon",
                        Map.of("SWITCHBOARD_WEBHOOK_USER", "band:width", "SWITCHBOARD_WEBHOOK_PASSWORD", "s3cret"),
                        "SWITCHBOARD_WEBHOOK_USER",
                        "without ':'"),
                new Refusal(
                        "an unsupported database URL",
                        Map.of(
                                "SWITCHBOARD_DURABILITY",
                                "journal",
                                "SWITCHBOARD_DB_URL",
                                "jdbc:mysql://db.example.internal:3306/switchboard?password=s3cret"),
                        "SWITCHBOARD_DB_URL",
                        "jdbc:postgresql:"),
                new Refusal(
                        "an H2 file journal for a cluster",
                        Map.of(
                                "SWITCHBOARD_DURABILITY",
                                "journal",
                                "SWITCHBOARD_SEED_NODES",
                                "akka://switchboard@127.0.0.1:25520"),
                        "SWITCHBOARD_DB_URL",
                        "SWITCHBOARD_DURABILITY=memory"),
                new Refusal(
                        "a port that is not a number",
                        Map.of("SWITCHBOARD_HTTP_PORT", "eighty"),
                        "SWITCHBOARD_HTTP_PORT",
                        "from 0 to 65535"),
                new Refusal(
                        "a port out of range",
                        Map.of("SWITCHBOARD_MANAGEMENT_PORT", "70000"),
                        "SWITCHBOARD_MANAGEMENT_PORT",
                        "from 0 to 65535"),
                new Refusal(
                        "an unknown durability",
                        Map.of("SWITCHBOARD_DURABILITY", "disk"),
                        "SWITCHBOARD_DURABILITY",
                        "journal"),
                new Refusal(
                        "no webhook allowed in flight",
                        Map.of("SWITCHBOARD_HTTP_MAX_IN_FLIGHT", "0"),
                        "SWITCHBOARD_HTTP_MAX_IN_FLIGHT",
                        "positive"),
                new Refusal(
                        "an unknown split brain strategy",
                        Map.of("SWITCHBOARD_SBR_STRATEGY", "coin-flip"),
                        "SWITCHBOARD_SBR_STRATEGY",
                        "keep-majority"),
                new Refusal(
                        "an application flow that is not on the classpath",
                        Map.of("SWITCHBOARD_APPLICATIONS", "app-sales=com.acme.NoSuchFlow"),
                        "SWITCHBOARD_APPLICATIONS, application app-sales",
                        "add its jar"),
                new Refusal(
                        "an application given two flows",
                        Map.of("SWITCHBOARD_APPLICATIONS", "app-sales=com.acme.SalesFlow,app-sales=com.acme.Other"),
                        "SWITCHBOARD_APPLICATIONS",
                        "give each application one flow"),
                new Refusal(
                        "an unknown log format",
                        Map.of("SWITCHBOARD_LOG_FORMAT", "xml"),
                        "SWITCHBOARD_LOG_FORMAT",
                        "json"));
    }

    /** Every refusal at once, a few processes at a time: each is a JVM's start, and the build has two cores. */
    @Test
    void aRefusedConfigurationExitsWithOneLineSayingWhatIsWrongAndHowToFixIt() throws Exception {
        ExecutorService processes = Executors.newFixedThreadPool(4);
        try {
            List<Future<Executable>> checks = refusals()
                    .map(refusal -> processes.submit(() -> check(refusal)))
                    .toList();
            List<Executable> assertions = new ArrayList<>();
            for (Future<Executable> check : checks) {
                assertions.add(check.get(5, TimeUnit.MINUTES));
            }
            assertAll(assertions);
        } finally {
            processes.shutdownNow();
        }
    }

    /** Runs {@code serve} with the refusal's variables; what it printed, checked when the result is asserted. */
    private Executable check(Refusal refusal) throws Exception {
        Process serve = serve(refusal.variables());
        boolean exited = serve.waitFor(2, TimeUnit.MINUTES);
        if (!exited) {
            serve.destroyForcibly();
        }
        String err = new String(serve.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = exited ? serve.exitValue() : -1;
        List<String> lines = err.lines().filter(line -> !line.isBlank()).toList();
        String line = lines.isEmpty() ? "" : lines.get(0);
        return () -> assertAll(
                refusal.name(),
                () -> assertEquals(REFUSED, status, refusal + ": " + err),
                () -> assertEquals(1, lines.size(), refusal + ": " + err),
                () -> assertTrue(line.startsWith("switchboard: "), refusal + ": " + line),
                () -> assertTrue(line.contains(refusal.named()), refusal + ": " + line),
                () -> assertTrue(line.contains(refusal.remedy()), refusal + ": " + line),
                () -> assertFalse(line.contains("s3cret"), refusal + ", no credential in the line: " + line));
    }

    /** {@code serve} on free ports, in an empty directory, with {@code variables} set. */
    private Process serve(Map<String, String> variables) throws IOException {
        return ServeProcess.builder(
                        workingDirectory,
                        // Only the start is run: no time to spend on the optimising compiler or a parallel GC.
                        List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                        variables)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
