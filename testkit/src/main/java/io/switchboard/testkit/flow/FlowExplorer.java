package io.switchboard.testkit.flow;

import akka.actor.typed.ActorSystem;
import io.switchboard.application.SwitchboardSettings;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.common.Direction;
import io.switchboard.domain.conference.ConferenceFlow;
import io.switchboard.domain.verb.Conference;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Record;
import io.switchboard.domain.verb.Transfer;
import io.switchboard.domain.verb.Verb;
import io.switchboard.testkit.flow.Exploration.Finding;
import io.switchboard.testkit.flow.Exploration.Kind;
import io.switchboard.testkit.flow.PathRun.Move;
import io.switchboard.testkit.simulator.CallPlayer;
import io.switchboard.testkit.simulator.CallSetup;
import io.switchboard.testkit.simulator.CallerMove;
import io.switchboard.testkit.simulator.InProcessTransport;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Walks every path a caller can take through a flow, to a bounded depth, and reports what a caller can run into
 * ({@link Exploration.Kind}). Each path is a call of its own, played offline as {@link FlowTest} plays calls:
 * at every place the call waits for the caller it tries each key ({@code 0}-{@code 9}, {@code *}, {@code #}) and
 * silence at a {@code <Gather>}, finishing a {@code <Record>}, the far end hanging up a {@code <Transfer>},
 * leaving a {@code <Conference>}, and hanging up; after a hang-up the disconnect and the asynchronous events the
 * replies asked for ({@code recordingAvailable}, {@code transcriptionAvailable}) follow, as on the platform.
 *
 * <p>Places are told apart by what the caller heard since their last move and the call's {@link CallState#tag}
 * (or what {@link #distinguishingStatesBy} picks): a place reached again is not walked again, and places every
 * move leads back to, with no way on but hanging up, are a {@link Kind#LOOP} once replaying the loop several
 * times confirms it (a flow that counts attempts lets the caller out after a few). The walk is breadth first and
 * in a fixed order, so the same flow gives the same report.
 *
 * <p>Configure it, then {@link #explore}: each exploration starts afresh.
 *
 * <pre>{@code
 * FlowTest.explore(new MyFlow()).assertClean();
 * FlowTest.of(new MyFlow()).explorer().maxDepth(8).alsoPressing("1234#").explore().assertClean();
 * }</pre>
 */
public final class FlowExplorer {
    /** Caller moves per path, by default: enough for a menu, a sub-menu and a few retries. */
    public static final int DEFAULT_MAX_DEPTH = 6;
    /** Calls per exploration, by default; each takes a few milliseconds. */
    public static final int DEFAULT_MAX_PATHS = 1000;

    private static final List<String> KEYS = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "*", "#");
    private static final String END = "the call ended";
    private static final String FROM = "+15550000001";
    private static final String TO = "+15550000002";

    private final ActorSystem<?> system;
    private final CallFlow callFlow;
    private final ConferenceFlow conferenceFlow;
    private final SwitchboardSettings settings;
    private final Duration patience;
    private final List<String> extraInputs = new ArrayList<>();
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private int maxPaths = DEFAULT_MAX_PATHS;
    private Function<CallState, ?> stateSignature = CallState::tag;
    private Direction direction = Direction.INBOUND;

    FlowExplorer(
            ActorSystem<?> system,
            CallFlow callFlow,
            ConferenceFlow conferenceFlow,
            SwitchboardSettings settings,
            Duration patience) {
        this.system = system;
        this.callFlow = callFlow;
        this.conferenceFlow = conferenceFlow;
        this.settings = settings;
        this.patience = patience;
    }

    /** At most {@code moves} caller moves per path (default {@value #DEFAULT_MAX_DEPTH}). */
    public FlowExplorer maxDepth(int moves) {
        if (moves < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1, was " + moves);
        }
        maxDepth = moves;
        return this;
    }

    /** At most {@code calls} paths walked (default {@value #DEFAULT_MAX_PATHS}); the report says when it stopped. */
    public FlowExplorer maxPaths(int calls) {
        if (calls < 1) {
            throw new IllegalArgumentException("maxPaths must be at least 1, was " + calls);
        }
        maxPaths = calls;
        return this;
    }

    /** Also tries these key sequences at every gather, e.g. a valid PIN {@code "1234#"}. */
    public FlowExplorer alsoPressing(String... keys) {
        for (String each : keys) {
            extraInputs.add(CallerMove.press(each).keys());
        }
        return this;
    }

    /**
     * What of the call's state tells two places apart where the caller heard the same (default: the call's tag),
     * e.g. {@code state -> state.gatheredDigits().size()} for a flow that counts attempts in the digits gathered.
     */
    public FlowExplorer distinguishingStatesBy(Function<CallState, ?> signature) {
        stateSignature = Objects.requireNonNull(signature, "signature");
        return this;
    }

    /** Explores outbound calls (answered by the callee: {@code answer}) instead of inbound ones. */
    public FlowExplorer outbound() {
        direction = Direction.OUTBOUND;
        return this;
    }

    /** Walks the flow; every call is played on fresh entities. */
    public Exploration explore() {
        return new Walk().run();
    }

    /** A place the caller was asked to act at. */
    private static final class Place {
        final List<Move> path;
        final Verb waitingAt;
        /** Where each move led: another place's signature, or {@link #END}; a move not walked is absent. */
        final Map<Move, String> next = new LinkedHashMap<>();
        /** Whether every move from here was walked; one that was not might lead out. */
        boolean walked;

        Place(List<Move> path, Verb waitingAt) {
            this.path = path;
            this.waitingAt = waitingAt;
        }
    }

    private record Pending(List<Move> moves, String from, Move via) {}

    /** One exploration: its service, its calls, the places found. */
    private final class Walk {
        private final AtomicReference<PathRun> current = new AtomicReference<>();
        private final LocalVoiceEventHandler service =
                new LocalVoiceEventHandler(system, callFlow, conferenceFlow, new RecordingCallControl(), settings);
        private final CallPlayer player = FlowTest.player(
                InProcessTransport.explaining(event -> service.answer(event).thenApply(answered -> {
                    PathRun run = current.get();
                    if (run != null) {
                        run.answered(event, answered);
                    }
                    return answered;
                })),
                settings,
                system);
        private final NamedCallbacks callbacks = new NamedCallbacks(callFlow, conferenceFlow);
        private final Map<String, Place> places = new LinkedHashMap<>();
        private final Map<String, Finding> findings = new LinkedHashMap<>();
        private int calls;
        private String stoppedShort;

        Exploration run() {
            Deque<Pending> pending = new ArrayDeque<>();
            pending.add(new Pending(List.of(), null, null));
            while (!pending.isEmpty() && stoppedShort == null) {
                if (calls >= maxPaths) {
                    stoppedShort = "stopped at maxPaths = " + maxPaths + " with paths left to walk";
                    // The places whose moves were not all walked might have a way out.
                    pending.stream()
                            .filter(left -> left.from() != null)
                            .forEach(left -> places.get(left.from()).walked = false);
                    break;
                }
                Pending next = pending.poll();
                PathRun run = play(next.moves());
                if (run == null) {
                    break;
                }
                String reached = run.reached();
                if (next.from() != null) {
                    places.get(next.from())
                            .next
                            .put(next.via(), reached != null ? reached : run.endedByFlow() ? END : "");
                }
                if (reached != null && !places.containsKey(reached)) {
                    Place place = new Place(next.moves(), run.waitingAt());
                    places.put(reached, place);
                    if (next.moves().size() < maxDepth) {
                        place.walked = true;
                        movesAt(place.waitingAt)
                                .forEach(move -> pending.add(new Pending(append(next.moves(), move), reached, move)));
                    }
                }
            }
            findLoops();
            return new Exploration(List.copyOf(findings.values()), calls, places.size(), stoppedShort);
        }

        /** Plays one call along {@code moves}; {@code null} when it got stuck (then the walk stops). */
        private PathRun play(List<Move> moves) {
            PathRun run = new PathRun(moves, stateSignature, callbacks);
            current.set(run);
            int index = calls++;
            CompletableFuture<?> outcome = player.play(
                            new CallSetup(
                                    index,
                                    "explore",
                                    FlowTest.APPLICATION,
                                    direction,
                                    FROM,
                                    TO,
                                    FlowTest.SERVICE_URL,
                                    FlowTest.SERVICE_URL,
                                    FlowTest.START,
                                    index,
                                    run),
                            run)
                    .outcome()
                    .toCompletableFuture();
            int progress = -1;
            try {
                while (true) {
                    try {
                        outcome.get(patience.toMillis(), TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException slow) {
                        if (run.progress() == progress) {
                            throw slow;
                        }
                        progress = run.progress();
                    }
                }
            } catch (TimeoutException | ExecutionException stuck) {
                run.findings().forEach(this::keep);
                stoppedShort = "a call got stuck after " + labels(moves) + ": " + stuck;
                return null;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                stoppedShort = "interrupted";
                return null;
            } finally {
                current.set(null);
            }
            run.findings().forEach(this::keep);
            return run;
        }

        /** A finding seen on several paths is reported once, on the first (shortest) one. */
        private void keep(Finding finding) {
            findings.putIfAbsent(finding.kind() + " " + finding.detail(), finding);
        }

        /**
         * Places from which no walked move leads to the call's end or to a place not fully walked are trapped.
         * Each trapped region is replayed round its loops {@code maxDepth} times: a flow that lets the caller out
         * after some attempts (counting them where the signature does not look) is no loop.
         */
        private void findLoops() {
            Set<String> canEnd = new LinkedHashSet<>();
            boolean grew = true;
            while (grew) {
                grew = false;
                for (Map.Entry<String, Place> entry : places.entrySet()) {
                    Place place = entry.getValue();
                    if (!canEnd.contains(entry.getKey())
                            && (!place.walked
                                    || place.next.values().stream()
                                            .anyMatch(to -> to.equals(END) || canEnd.contains(to)))) {
                        canEnd.add(entry.getKey());
                        grew = true;
                    }
                }
            }
            Set<String> settled = new LinkedHashSet<>(canEnd);
            for (String entry : places.keySet()) {
                if (settled.contains(entry)) {
                    continue;
                }
                Set<String> region = reachableFrom(entry);
                settled.addAll(region);
                if (!escapesOnReplay(region)) {
                    Place place = places.get(entry);
                    keep(new Finding(
                            Kind.LOOP,
                            labels(place.path),
                            "every move leads back (" + region.size() + " places, walked round " + maxDepth
                                    + " times); only hanging up ends the call, which waits at <"
                                    + place.waitingAt.verbName() + ">"));
                }
            }
        }

        private Set<String> reachableFrom(String start) {
            Set<String> seen = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(start));
            while (!todo.isEmpty()) {
                String at = todo.poll();
                if (places.containsKey(at) && seen.add(at)) {
                    todo.addAll(places.get(at).next.values());
                }
            }
            return seen;
        }

        /** Whether going round any loop of {@code region} several times lets the caller out. */
        private boolean escapesOnReplay(Set<String> region) {
            for (String at : region) {
                Place place = places.get(at);
                for (Map.Entry<Move, String> step : place.next.entrySet()) {
                    List<Move> back = shortestWay(step.getValue(), at, region);
                    if (back == null) {
                        continue;
                    }
                    List<Move> round = concat(List.of(step.getKey()), back);
                    List<Move> moves = place.path;
                    for (int i = 0; i < maxDepth; i++) {
                        moves = concat(moves, round);
                    }
                    PathRun run = play(moves);
                    if (run == null
                            || run.endedByFlow()
                            || !region.containsAll(run.signaturesAfter(place.path.size()))) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** The fewest moves from {@code from} to {@code to} inside {@code region}; {@code null} if there is no way. */
        private List<Move> shortestWay(String from, String to, Set<String> region) {
            Map<String, List<Move>> ways = new HashMap<>();
            ways.put(from, List.of());
            Deque<String> todo = new ArrayDeque<>(List.of(from));
            while (!todo.isEmpty()) {
                String at = todo.poll();
                if (at.equals(to)) {
                    return ways.get(at);
                }
                if (!region.contains(at)) {
                    continue;
                }
                for (Map.Entry<Move, String> step : places.get(at).next.entrySet()) {
                    if (!ways.containsKey(step.getValue())) {
                        ways.put(step.getValue(), append(ways.get(at), step.getKey()));
                        todo.add(step.getValue());
                    }
                }
            }
            return null;
        }
    }

    /** What the caller can do where the call waits at {@code verb}, hanging up aside (every path ends with it). */
    private List<Move> movesAt(Verb verb) {
        if (verb instanceof Gather) {
            List<Move> moves = new ArrayList<>();
            KEYS.forEach(key -> moves.add(new Move("press " + key, CallerMove.press(key))));
            extraInputs.forEach(keys -> moves.add(new Move("press " + keys, CallerMove.press(keys))));
            moves.add(new Move("stay silent", CallerMove.noInput()));
            return moves;
        }
        if (verb instanceof Record) {
            return List.of(new Move("finish the recording", CallerMove.proceed()));
        }
        if (verb instanceof Transfer) {
            return List.of(new Move("the transfer's far end hangs up", CallerMove.proceed()));
        }
        if (verb instanceof Conference) {
            return List.of(new Move("leave the conference", CallerMove.proceed()));
        }
        return List.of();
    }

    private static List<Move> append(List<Move> moves, Move move) {
        List<Move> longer = new ArrayList<>(moves);
        longer.add(move);
        return List.copyOf(longer);
    }

    private static List<Move> concat(List<Move> first, List<Move> second) {
        List<Move> both = new ArrayList<>(first);
        both.addAll(second);
        return List.copyOf(both);
    }

    private static List<String> labels(List<Move> moves) {
        return moves.stream().map(Move::label).toList();
    }
}
