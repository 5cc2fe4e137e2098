package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.testkit.flow.CallUnderTest;
import io.switchboard.testkit.flow.FlowTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PIN and the menu, offline: MenuFlow runs in its real call entity and this test is the caller. */
class MenuFlowTest {
    private static final String CALLER = "+15552223333";
    private static final String OUR_NUMBER = "+15553334444";

    private final FlowTest menu = FlowTest.of(new MenuFlow());

    private CallUnderTest identified() {
        CallUnderTest call = menu.placeInboundCall(CALLER, OUR_NUMBER);
        call.expectSpeaks("Please enter your four digit PIN").expectGather();
        call.press("1234");
        call.expectSpeaks("Hello Ada. Press 1 for sales").expectGather();
        return call;
    }

    @Test
    void theRightPinThenOneTransfersToSales() {
        CallUnderTest call = identified();

        call.press("1");

        call.expectSpeaks("Connecting you to sales, Ada.").expectTransfer(MenuFlow.SALES);
        assertEquals(new MenuFlow.Caller(0, "Ada"), call.flowData(MenuFlow.Caller.class));
        call.assertNoViolations();
    }

    @Test
    void anythingElseHearsTheOpeningHoursAndTheCallEnds() {
        CallUnderTest call = identified();

        call.press("2");

        call.expectSpeaks("We are open from nine to five").expectHangup();
        assertEquals(List.of("initiate", "gather", "gather", "disconnect"), call.events());
        call.assertNoViolations();
    }

    @Test
    void threeWrongPinsEndTheCall() {
        CallUnderTest call = menu.placeInboundCall(CALLER, OUR_NUMBER);
        call.expectSpeaks("Please enter your four digit PIN").expectGather();

        call.press("0000");
        call.expectSpeaks("That PIN is not right").expectGather();
        assertEquals(new MenuFlow.Caller(1, null), call.flowData(MenuFlow.Caller.class));
        call.press("1111");
        call.expectSpeaks("That PIN is not right").expectGather();
        call.press("2222");

        call.expectSpeaks("Sorry, we could not check your PIN").expectHangup();
        assertEquals(new MenuFlow.Caller(3, null), call.flowData(MenuFlow.Caller.class));
        call.assertNoViolations();
    }

    @Test
    void noCallerRunsIntoADeadEndALoopOrAFailure() {
        // Every key, silence and hanging up wherever the call waits, and the right PIN too, on every path up to
        // eight moves deep.
        FlowTest.of(new MenuFlow())
                .explorer()
                .maxDepth(8)
                .alsoPressing("1234")
                .explore()
                .assertClean();
    }
}
