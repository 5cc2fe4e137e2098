package io.switchboard.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine's cores split between a service under load and the test's JVM that loads it, with {@code taskset}:
 * the service gets the first core, the test the others, so that neither takes the other's CPU and a load test
 * measures the service rather than its client. On a single core, or without {@code taskset}, nothing is pinned.
 * Closing gives the test's JVM its cores back.
 */
final class CoreSplit implements AutoCloseable {
    private static final long TASKSET_TIMEOUT_SECONDS = 10;

    private final boolean splits;
    private final String testCores;
    private final String originalTestCores;

    private CoreSplit(boolean splits, String testCores, String originalTestCores) {
        this.splits = splits;
        this.testCores = testCores;
        this.originalTestCores = originalTestCores;
    }

    static CoreSplit ofThisMachine() throws IOException, InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores < 2 || !Boolean.parseBoolean(System.getProperty("switchboard.split-cores", "true"))) {
            return new CoreSplit(false, "", "");
        }
        String original = taskset("-cp", Long.toString(ProcessHandle.current().pid()));
        if (original == null) {
            return new CoreSplit(false, "", "");
        }
        // "pid 123's current affinity list: 0,1"
        return new CoreSplit(true, "1-" + (cores - 1), original.substring(original.lastIndexOf(' ') + 1));
    }

    /** What goes before {@code java} to start the service on its core. */
    List<String> serviceLauncher() {
        return splits ? List.of("taskset", "-c", "0") : List.of();
    }

    /** Moves every thread of this JVM (those to come too) off the service's core. */
    void pinThisJvm() throws IOException, InterruptedException {
        pinThisJvmTo(testCores);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        pinThisJvmTo(originalTestCores);
    }

    private void pinThisJvmTo(String cores) throws IOException, InterruptedException {
        if (splits) {
            taskset("-a", "-cp", cores, Long.toString(ProcessHandle.current().pid()));
        }
    }

    /** Runs {@code taskset} with {@code arguments}; its output, or null when it is missing or failed. */
    private static String taskset(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("taskset"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException missing) {
            return null;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(TASKSET_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
            return null;
        }
        return output;
    }
}
