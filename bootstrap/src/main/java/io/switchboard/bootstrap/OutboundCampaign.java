package io.switchboard.bootstrap;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.switchboard.adapters.http.simulator.HttpVoiceApi;
import io.switchboard.testkit.simulator.SimulationSummary;
import io.switchboard.testkit.voiceapi.OutboundCalls;
import io.switchboard.testkit.voiceapi.RecordedRequest;
import io.switchboard.testkit.voiceapi.SimulatedCall;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code simulate --outbound}: the service under test places calls through its own call control
 * ({@code POST /admin/calls}); the simulated Voice API queues and dials them, {@link OutboundCalls} answers each
 * (a person or a machine) and follows it to its end. The campaign then checks that every call was placed, ended,
 * and passed the reply checks, and counts what the service asked of the Voice API.
 */
final class OutboundCampaign {
    private static final Duration PLACE_TIMEOUT = Duration.ofSeconds(15);

    /**
     * @param service      the service's webhook port, e.g. {@code http://127.0.0.1:8080}
     * @param calls        how many calls to place
     * @param rate         calls placed per second
     * @param from         the number the calls come from
     * @param adminUser    the admin API's credentials, when it asks for some
     * @param timeout      how long the campaign may take at most, placing and playing
     */
    record Plan(
            URI service,
            int calls,
            double rate,
            String from,
            Optional<String> adminUser,
            Optional<String> adminPassword,
            Duration timeout) {}

    /**
     * What the campaign found.
     *
     * @param placeFailures    the {@code POST /admin/calls} that did not answer {@code 201}, as status and body
     * @param notEnded         calls the API created that are not disconnected
     * @param voiceApiRequests what the service asked of the Voice API, by method and path (ids left out)
     */
    record Report(
            SimulationSummary summary,
            int planned,
            int placed,
            List<String> placeFailures,
            long notEnded,
            Map<String, Long> voiceApiRequests) {
        @JsonProperty("passed")
        public boolean passed() {
            return summary.passed() && placeFailures.isEmpty() && notEnded == 0 && summary.callsCompleted() == placed;
        }
    }

    private final HttpVoiceApi api;
    private final OutboundCalls calls;
    private final HttpClient client;
    private final ScheduledExecutorService scheduler;

    OutboundCampaign(HttpVoiceApi api, OutboundCalls calls, HttpClient client, ScheduledExecutorService scheduler) {
        this.api = api;
        this.calls = calls;
        this.client = client;
        this.scheduler = scheduler;
    }

    /** Places the plan's calls, paced at its rate, and waits until each placed call has ended. */
    Report run(Plan plan) {
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Boolean>> placing = new ArrayList<>();
        long intervalNanos = (long) (1e9 / plan.rate());
        for (int index = 0; index < plan.calls(); index++) {
            String to = String.format(Locale.ROOT, "+1555%07d", index);
            CompletableFuture<Boolean> placed = new CompletableFuture<>();
            scheduler.schedule(
                    // On the completing thread: the tally is a few lines, not worth a hand-off.
                    () -> place(plan, to)
                            .whenCompleteAsync(
                                    (refusal, failure) -> {
                                        if (failure != null) {
                                            failures.add(to + ": " + failure);
                                        } else if (!refusal.isEmpty()) {
                                            failures.add(to + ": " + refusal);
                                        }
                                        placed.complete(failure == null && refusal.isEmpty());
                                    },
                                    Runnable::run),
                    index * intervalNanos,
                    TimeUnit.NANOSECONDS);
            placing.add(placed);
        }
        CompletableFuture.allOf(placing.toArray(CompletableFuture[]::new)).join();
        int placed = (int) placing.stream().filter(CompletableFuture::join).count();
        SimulationSummary summary = calls.callees()
                .summaryAfter(placed)
                .toCompletableFuture()
                .orTimeout(plan.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .join();
        long notEnded = api.api().calls().stream()
                .filter(call -> call.createdWith().isPresent())
                .filter(call -> call.state() != SimulatedCall.State.DISCONNECTED)
                .count();
        return new Report(
                summary,
                plan.calls(),
                placed,
                List.copyOf(failures),
                notEnded,
                requestsByKind(api.api().requests()));
    }

    /** Completes with an empty string once the call was placed, else with what the service answered. */
    private CompletableFuture<String> place(Plan plan, String to) {
        String body = """
                {"to": "%s", "from": "%s", "machineDetection": "async", "tag": "simulate-outbound"}
                """.formatted(to, plan.from());
        HttpRequest.Builder request = HttpRequest.newBuilder(plan.service().resolve("/admin/calls"))
                .timeout(PLACE_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (plan.adminUser().isPresent()) {
            String basic = plan.adminUser().get() + ":" + plan.adminPassword().orElse("");
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApplyAsync(
                        reply -> reply.statusCode() == 201 ? "" : "HTTP " + reply.statusCode() + " " + reply.body(),
                        Runnable::run);
    }

    /** {@code POST /calls}, {@code POST /calls/{id}}...: the account and the ids left out. */
    private static Map<String, Long> requestsByKind(List<RecordedRequest> requests) {
        Function<RecordedRequest, String> kind = request -> request.method() + " "
                + request.path()
                        .replaceFirst("^/api/v2/accounts/[^/]+", "")
                        .replaceAll("/(calls|conferences|members|recordings)/[^/]+", "/$1/{id}");
        return requests.stream().collect(Collectors.groupingBy(kind, TreeMap::new, Collectors.counting()));
    }
}
