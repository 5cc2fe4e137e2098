package ${package};

import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;

/**
 * Your call logic: a one-digit menu. 1 transfers to sales, anything else says goodbye. One instance serves every
 * call, so it keeps nothing per call in its fields; what a call needs comes with each event and its state.
 * The service finds it through src/main/resources/META-INF/services/io.switchboard.domain.call.CallFlow.
 */
public final class MenuFlow implements CallFlow {
    static final String SALES = "+15555550100";

    private static final Response MENU = Response.builder()
            .gather(gather -> gather.maxDigits(1).speakSentence("Press 1 for sales, or 2 to hear our opening hours."))
            .build();
    private static final Response TO_SALES = Response.builder()
            .speakSentence("Connecting you to sales.")
            .transfer(transfer -> transfer.phoneNumber(SALES))
            .build();
    private static final Response OPENING_HOURS = Response.builder()
            .speakSentence("We are open from nine to five, Monday to Friday. Goodbye.")
            .hangup()
            .build();

    @Override
    public Reply onInitiate(CallInitiated event, CallState call) {
        return MENU;
    }

    @Override
    public Reply onGather(GatherCompleted event, CallState call) {
        return "1".equals(event.digits()) ? TO_SALES : OPENING_HOURS;
    }
}
