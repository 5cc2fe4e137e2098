package io.switchboard.bootstrap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The jar's {@code serve} in a JVM of its own with this module's classpath, configured as an operator would. */
final class ServeProcess {

    private ServeProcess() {}

    /**
     * {@code serve} in {@code directory} with {@code jvmOptions}; its environment is the test's without any
     * {@code SWITCHBOARD_*} variable, then free ports and entities in memory, then {@code variables}.
     */
    static ProcessBuilder builder(Path directory, List<String> jvmOptions, Map<String, String> variables) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"));
        ProcessBuilder process = new ProcessBuilder(command).directory(directory.toFile());
        Map<String, String> environment = process.environment();
        environment.keySet().removeIf(name -> name.startsWith("SWITCHBOARD_"));
        environment.putAll(Map.of(
                "SWITCHBOARD_HTTP_PORT", "0",
                "SWITCHBOARD_MANAGEMENT_PORT", "0",
                "SWITCHBOARD_REMOTE_PORT", "0",
                "SWITCHBOARD_DURABILITY", "memory"));
        environment.putAll(variables);
        return process;
    }
}
