package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.testkit.flow.CallUnderTest;
import io.switchboard.testkit.flow.FlowTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The menu, offline: MenuFlow runs in its real call entity and this test is the caller. */
class MenuFlowTest {
    private static final String CALLER = "+15552223333";
    private static final String OUR_NUMBER = "+15553334444";

    private final FlowTest menu = FlowTest.of(new MenuFlow());

    @Test
    void oneTransfersToSales() {
        CallUnderTest call = menu.placeInboundCall(CALLER, OUR_NUMBER);
        call.expectSpeaks("Press 1 for sales").expectGather();

        call.press("1");

        call.expectSpeaks("Connecting you to sales.").expectTransfer(MenuFlow.SALES);
        call.assertNoViolations();
    }

    @Test
    void anythingElseHearsTheOpeningHoursAndTheCallEnds() {
        CallUnderTest call = menu.placeInboundCall(CALLER, OUR_NUMBER);
        call.expectSpeaks("Press 1 for sales").expectGather();

        call.press("2");

        call.expectSpeaks("We are open from nine to five").expectHangup();
        assertEquals(List.of("initiate", "gather", "disconnect"), call.events());
        call.assertNoViolations();
    }

    @Test
    void noCallerRunsIntoADeadEndALoopOrAFailure() {
        // Every key, silence and hanging up wherever the call waits, on every path up to six moves deep.
        FlowTest.explore(new MenuFlow()).assertClean();
    }
}
