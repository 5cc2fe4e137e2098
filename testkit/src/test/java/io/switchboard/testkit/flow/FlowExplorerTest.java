package io.switchboard.testkit.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.domain.call.CallAnswered;
import io.switchboard.domain.call.CallDisconnected;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.call.RecordingCompleted;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import io.switchboard.testkit.flow.Exploration.Finding;
import io.switchboard.testkit.flow.Exploration.Kind;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class FlowExplorerTest {

    /** A menu: 1 transfers, 2 takes a message, anything else or silence hears the menu again. */
    static class CleanIvr implements CallFlow {
        @Override
        public Reply onInitiate(CallInitiated event, CallState call) {
            return menu("Welcome. Press 1 for sales or 2 to leave a message.");
        }

        @Override
        public Reply onGather(GatherCompleted event, CallState call) {
            return switch (event.digits()) {
                case "1" ->
                    Response.builder()
                            .speakSentence("Transferring you.")
                            .transfer(transfer -> transfer.phoneNumber("+15555550100"))
                            .build();
                case "2" ->
                    Response.builder()
                            .speakSentence("Leave a message after the tone.")
                            .record(record -> record.maxDuration(60))
                            .build();
                default -> menu("Sorry. Press 1 for sales or 2 to leave a message.");
            };
        }

        @Override
        public Reply onRecordingComplete(RecordingCompleted event, CallState call) {
            return Response.builder()
                    .speakSentence("Thank you. Goodbye.")
                    .hangup()
                    .build();
        }

        static Response menu(String prompt) {
            return Response.builder()
                    .gather(gather -> gather.maxDigits(1).speakSentence(prompt))
                    .build();
        }
    }

    @Test
    void aCleanIvrHasNoFindings() {
        Exploration exploration = FlowTest.explore(new CleanIvr());

        exploration.assertClean();
        assertNull(exploration.stoppedShort(), exploration.toString());
        // The menu, the menu after a wrong key, the transfer and the recording.
        assertEquals(4, exploration.states(), exploration.toString());
        assertTrue(exploration.toString().startsWith("explored "), exploration.toString());
    }

    @Test
    void aKeyTheFlowAnswersWithNothingIsADeadEnd() {
        Exploration exploration = FlowTest.explore(ivrWhere(Map.of("3", Reply::none)));

        Finding deadEnd = only(exploration, Kind.DEAD_END);
        assertEquals(List.of("press 3"), deadEnd.path());
        assertTrue(deadEnd.detail().contains("answering gather with no verbs"), deadEnd.detail());
    }

    @Test
    void aBareHangUpIsADeadEndButGoodbyeIsNot() {
        Exploration exploration = FlowTest.explore(ivrWhere(Map.of(
                "7", () -> Response.builder().hangup().build(),
                "8", () -> Response.builder().speakSentence("Goodbye.").hangup().build())));

        Finding deadEnd = only(exploration, Kind.DEAD_END);
        assertEquals(List.of("press 7"), deadEnd.path());
        assertTrue(deadEnd.detail().contains("with <Hangup>"), deadEnd.detail());
    }

    @Test
    void aMenuEveryMoveComesBackToIsALoopWithoutExit() {
        Exploration exploration = FlowTest.explore(new CallFlow() {
            @Override
            public Reply onInitiate(CallInitiated event, CallState call) {
                return CleanIvr.menu("Press any key to continue.");
            }

            @Override
            public Reply onGather(GatherCompleted event, CallState call) {
                return CleanIvr.menu("Press any key to continue.");
            }
        });

        Finding loop = only(exploration, Kind.LOOP);
        assertEquals(List.of(), loop.path());
        assertTrue(loop.detail().contains("only hanging up ends the call"), loop.detail());
    }

    @Test
    void aRetryThatLetsTheCallerGoAfterThreeAttemptsIsNoLoop() {
        Exploration exploration = FlowTest.explore(new CallFlow() {
            @Override
            public Reply onInitiate(CallInitiated event, CallState call) {
                return CleanIvr.menu("Enter your PIN.");
            }

            @Override
            public Reply onGather(GatherCompleted event, CallState call) {
                // The attempts are counted where the explorer does not look: the gathers so far.
                return call.gatheredDigits().size() < 3
                        ? CleanIvr.menu("Wrong PIN. Try again.")
                        : Response.builder()
                                .speakSentence("Too many attempts.")
                                .hangup()
                                .build();
            }
        });

        exploration.assertClean();
    }

    @Test
    void aRedirectThatNeverAsksTheCallerIsALoop() {
        Exploration exploration = FlowTest.explore(new CleanIvr() {
            @Override
            public Reply onGather(GatherCompleted event, CallState call) {
                return event.digits().equals("5")
                        ? Response.builder()
                                .redirect(redirect -> redirect.redirectUrl("/voice/redirect"))
                                .build()
                        : super.onGather(event, call);
            }

            @Override
            public Reply onRedirect(io.switchboard.domain.call.CallRedirected event, CallState call) {
                return Response.builder()
                        .pause(pause -> pause.duration(1))
                        .redirect(redirect -> redirect.redirectUrl("/voice/redirect"))
                        .build();
            }
        });

        Finding loop = only(exploration, Kind.LOOP);
        assertEquals(List.of("press 5"), loop.path());
        assertTrue(loop.detail().contains("without asking the caller"), loop.detail());
    }

    @Test
    void aFlowThatThrowsOnNineIsAFallbackNamingTheException() {
        Exploration exploration = FlowTest.explore(ivrWhere(Map.of("9", () -> {
            throw new IllegalStateException("no route for 9");
        })));

        Finding fallback = only(exploration, Kind.FALLBACK);
        assertEquals(List.of("press 9"), fallback.path());
        assertTrue(
                fallback.detail().startsWith("on gather, the flow failed: IllegalStateException: no route for 9"),
                fallback.detail());
    }

    @Test
    void anInvalidVerbAndBxmlThatBreaksARuleAreNamed() {
        Exploration exploration = FlowTest.explore(ivrWhere(Map.of(
                "4",
                        () -> Response.builder()
                                .gather(gather -> gather.maxDigits(0))
                                .build(),
                "6",
                        () -> Response.builder()
                                .redirect(redirect -> redirect.redirectUrl("/voice/redirect"))
                                .speakSentence("Never heard.")
                                .build())));

        assertEquals(2, exploration.findings().size(), exploration.toString());
        Finding invalidVerb = exploration.findings(Kind.FALLBACK).get(0);
        assertEquals(List.of("press 4"), invalidVerb.path());
        assertTrue(
                invalidVerb
                        .detail()
                        .contains("InvalidVerbException: Gather: maxDigits must be between 1 and 50, was 0"),
                invalidVerb.detail());
        Finding brokenRule = exploration.findings(Kind.BXML_RULE).get(0);
        assertEquals(List.of("press 6"), brokenRule.path());
        assertTrue(brokenRule.detail().contains("nothing-after-redirect"), brokenRule.detail());
    }

    @Test
    void aCallbackTheReplyNamesButNoHandlerServesIsReported() {
        Exploration exploration = FlowTest.explore(ivrWhere(Map.of(
                "2",
                () -> Response.builder()
                        .record(record -> record.recordingAvailableUrl("/voice/recordingAvailable"))
                        .build())));

        Finding unserved = only(exploration, Kind.UNSERVED_CALLBACK);
        assertEquals(List.of("press 2"), unserved.path());
        assertTrue(
                unserved.detail()
                        .contains("<Record> names recordingAvailableUrl, but the flow keeps the default "
                                + "onRecordingAvailable"),
                unserved.detail());
    }

    @Test
    void aHandlerFailingAfterTheCallerHungUpIsFoundOnThatPath() {
        Exploration exploration = FlowTest.explore(new CleanIvr() {
            @Override
            public void onDisconnect(CallDisconnected event, CallState call) {
                throw new IllegalStateException("metrics down");
            }
        });

        Finding fallback = only(exploration, Kind.FALLBACK);
        assertEquals(List.of("hang up"), fallback.path());
        assertTrue(fallback.detail().startsWith("on disconnect, the flow failed"), fallback.detail());
    }

    @Test
    void keysGivenToTheExplorerReachWhatSingleKeysDoNot() {
        CallFlow pinCheck = new CallFlow() {
            @Override
            public Reply onInitiate(CallInitiated event, CallState call) {
                return pinPrompt("Enter your PIN, then press pound.");
            }

            @Override
            public Reply onGather(GatherCompleted event, CallState call) {
                return event.digits().equals("1234")
                        ? Response.builder()
                                .speakSentence("Connecting you.")
                                .transfer(transfer -> transfer.phoneNumber("+15555550100"))
                                .build()
                        : pinPrompt("Wrong PIN. Try again.");
            }

            private Response pinPrompt(String prompt) {
                return Response.builder()
                        .gather(gather ->
                                gather.maxDigits(4).terminatingDigits("#").speakSentence(prompt))
                        .build();
            }
        };

        Exploration singleKeys = FlowTest.of(pinCheck).explorer().explore();
        Exploration withPin =
                FlowTest.of(pinCheck).explorer().alsoPressing("1234#").explore();

        assertEquals(2, singleKeys.states(), singleKeys.toString());
        // Single keys never get past the PIN: every move leads back, which is a loop.
        assertEquals(1, singleKeys.findings(Kind.LOOP).size(), singleKeys.toString());
        assertEquals(3, withPin.states(), withPin.toString());
        withPin.assertClean();
    }

    @Test
    void anOutboundFlowIsExploredFromTheAnswer() {
        CallFlow outboundOnly = new CallFlow() {
            @Override
            public Reply onAnswer(CallAnswered event, CallState call) {
                return Response.builder()
                        .speakSentence("This is a reminder of your appointment.")
                        .hangup()
                        .build();
            }
        };

        FlowTest.of(outboundOnly).explorer().outbound().explore().assertClean();
        assertEquals(1, FlowTest.explore(outboundOnly).findings(Kind.DEAD_END).size());
    }

    @Test
    void theWalkIsBoundedAndSaysWhereItStopped() {
        Exploration bounded = FlowTest.of(new CleanIvr()).explorer().maxPaths(3).explore();

        assertEquals(3, bounded.paths());
        assertNotNull(bounded.stoppedShort());
        assertTrue(bounded.toString().contains("maxPaths = 3"), bounded.toString());
        assertThrows(
                IllegalArgumentException.class,
                () -> FlowTest.of(new CleanIvr()).explorer().maxDepth(0));
    }

    @Test
    void theSameFlowGivesTheSameReport() {
        FlowExplorer explorer =
                FlowTest.of(ivrWhere(Map.of("#", Reply::none))).explorer().maxDepth(3);

        assertEquals(explorer.explore(), explorer.explore());
    }

    @Test
    void assertCleanFailsWithTheReport() {
        Exploration exploration = FlowTest.explore(new CleanIvr() {
            @Override
            public Reply onGather(GatherCompleted event, CallState call) {
                return Reply.none();
            }
        });

        AssertionError failure = assertThrows(AssertionError.class, exploration::assertClean);
        assertTrue(failure.getMessage().contains("DEAD_END after press 1: "), failure.getMessage());
    }

    /** The clean IVR, with these keys of its menus answered otherwise. */
    private static CleanIvr ivrWhere(Map<String, Supplier<Reply>> keys) {
        return new CleanIvr() {
            @Override
            public Reply onGather(GatherCompleted event, CallState call) {
                Supplier<Reply> answer = keys.get(event.digits());
                return answer == null ? super.onGather(event, call) : answer.get();
            }
        };
    }

    private static Finding only(Exploration exploration, Kind kind) {
        List<Finding> found = exploration.findings(kind);
        assertEquals(1, found.size(), exploration.toString());
        assertEquals(found, exploration.findings(), "nothing else: " + exploration);
        return found.get(0);
    }
}
