package ${package};

import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Your call logic: the caller enters a PIN (three attempts), their account is looked up, then 1 puts them through
 * to sales and anything else tells them the opening hours. One instance serves every call, so it keeps nothing
 * per call in its fields: what a call must remember (its attempts, whose account it is) is its flow data, kept
 * with the call on any node and across restarts. The service finds this class through
 * src/main/resources/META-INF/services/io.switchboard.domain.call.CallFlow.
 */
public final class MenuFlow implements CallFlow {
    static final String SALES = "+15555550100";
    static final int ATTEMPTS = 3;

    /** What this flow remembers of a call: any record Jackson can write. */
    public record Caller(int failedAttempts, String name) {
        boolean identified() {
            return name != null;
        }
    }

    /** Where accounts are looked up: your CRM's asynchronous client. */
    public interface Accounts {
        CompletionStage<Optional<String>> holderOf(String pin);
    }

    private final Accounts accounts;

    /** With a stand-in directory: PIN 1234 belongs to Ada. */
    public MenuFlow() {
        this(pin -> CompletableFuture.completedFuture(Optional.ofNullable(Map.of("1234", "Ada").get(pin))));
    }

    public MenuFlow(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Reply onInitiate(CallInitiated event, CallState call) {
        return askForPin("Welcome. Please enter your four digit PIN, then press pound.");
    }

    @Override
    public Reply onGather(GatherCompleted event, CallState call, FlowContext context) {
        Caller caller = context.data(Caller.class, () -> new Caller(0, null));
        if (caller.identified()) {
            return "1".equals(event.digits()) ? toSales(caller) : openingHours();
        }
        // The lookup may take a while: the reply follows when it completes, and the call's next events wait.
        return Reply.later(accounts.holderOf(event.digits()).thenApply(holder -> {
            if (holder.isPresent()) {
                context.setData(new Caller(caller.failedAttempts(), holder.get()));
                return menu(holder.get());
            }
            int failed = caller.failedAttempts() + 1;
            context.setData(new Caller(failed, null));
            return failed < ATTEMPTS ? askForPin("That PIN is not right. Please try again.") : goodbye();
        }));
    }

    private static Response askForPin(String prompt) {
        return Response.builder()
                .gather(gather -> gather.maxDigits(4).terminatingDigits("#").speakSentence(prompt))
                .build();
    }

    private static Response menu(String name) {
        return Response.builder()
                .gather(gather -> gather.maxDigits(1)
                        .speakSentence("Hello " + name + ". Press 1 for sales, or 2 to hear our opening hours."))
                .build();
    }

    private static Response toSales(Caller caller) {
        return Response.builder()
                .speakSentence("Connecting you to sales, " + caller.name() + ".")
                .transfer(transfer -> transfer.phoneNumber(SALES))
                .build();
    }

    private static Response openingHours() {
        return Response.builder()
                .speakSentence("We are open from nine to five, Monday to Friday. Goodbye.")
                .hangup()
                .build();
    }

    private static Response goodbye() {
        return Response.builder()
                .speakSentence("Sorry, we could not check your PIN. Goodbye.")
                .hangup()
                .build();
    }
}
