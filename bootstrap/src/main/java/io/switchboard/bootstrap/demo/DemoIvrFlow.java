package io.switchboard.bootstrap.demo;

import io.switchboard.domain.call.CallAnswered;
import io.switchboard.domain.call.CallDisconnected;
import io.switchboard.domain.call.CallFlow;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.CallRedirected;
import io.switchboard.domain.call.CallState;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.call.MachineDetectionCompleted;
import io.switchboard.domain.call.MachineDetectionResult;
import io.switchboard.domain.call.RecordingCompleted;
import io.switchboard.domain.call.TranscriptionAvailable;
import io.switchboard.domain.call.TransferAnswered;
import io.switchboard.domain.call.TransferCompleted;
import io.switchboard.domain.call.TransferDisconnected;
import io.switchboard.domain.common.Direction;
import io.switchboard.domain.flow.FlowContext;
import io.switchboard.domain.verb.Reply;
import io.switchboard.domain.verb.Response;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded demo: a one-digit menu. Its BXML names no callback URL: the service points each one at its own
 * channel when it renders the reply. 1 transfers to a configured number, 2 records a message with
 * transcription, 3 joins a conference; no or wrong input repeats the menu a few times, then hangs up.
 *
 * <p>Its outbound side: a call it placed (with asynchronous machine detection) holds on a short pause when
 * answered; when detection reports, the flow redirects the call through the update-call API, and the redirect
 * leaves a short message and hangs up on a machine, or plays the menu to a person.
 */
public final class DemoIvrFlow implements CallFlow {
    private static final Logger log = LoggerFactory.getLogger(DemoIvrFlow.class);

    static final String TRANSFER = "1";
    static final String VOICEMAIL = "2";
    static final String CONFERENCE = "3";
    private static final Set<String> CHOICES = Set.of(TRANSFER, VOICEMAIL, CONFERENCE);

    static final String MENU = "Press 1 to talk to us, 2 to leave a message, or 3 to join the conference.";

    private static final Response GOODBYE =
            Response.builder().speakSentence("Goodbye.").hangup().build();
    private static final Response MESSAGE_RECORDED = Response.builder()
            .speakSentence("Thank you, your message was recorded. Goodbye.")
            .hangup()
            .build();
    /** What a machine that answers a call the demo placed is told. */
    public static final String MACHINE_MESSAGE =
            "Hello, this is the Switchboard demo calling. Please call us back when you can. Goodbye.";

    private static final Response LEAVE_MESSAGE =
            Response.builder().speakSentence(MACHINE_MESSAGE).hangup().build();
    private static final Response TRANSFER_ANNOUNCEMENT = Response.builder()
            .speakSentence("You have a call from the Switchboard demo.")
            .build();

    private final DemoSettings settings;
    // Every reply depends on the settings alone, so each is built once and shared: an entity remembers its
    // recent replies, and a document of its own would cost every idle call a few hundred bytes of heap.
    private final Response welcomeMenu;
    private final Response helloMenu;
    private final Response backToMenu;
    private final Response nothingHeardMenu;
    private final Response notAnOptionMenu;
    private final Response transferReply;
    private final Response voicemailReply;
    private final Response conferenceReply;
    private final Response awaitingDetection;

    public DemoIvrFlow(DemoSettings settings) {
        this.settings = settings;
        welcomeMenu = menu("Welcome to Switchboard.");
        helloMenu = menu("Hello from Switchboard.");
        backToMenu = menu("Back to the menu.");
        nothingHeardMenu = menu("We did not hear a choice.");
        notAnOptionMenu = menu("That is not an option.");
        transferReply = transfer();
        voicemailReply = voicemail();
        conferenceReply = conference();
        // Machine detection interrupts the pause with a redirect; without detection the menu follows it.
        awaitingDetection = Response.builder()
                .pause(pause -> pause.duration(settings.machineDetectionWait().toMillis() / 1000.0))
                .add(helloMenu.verbs().get(0))
                .build();
    }

    /** Every reply is built already or from the event at once; call-control requests go out after the reply. */
    @Override
    public boolean mayBlock() {
        return false;
    }

    @Override
    public Reply onInitiate(CallInitiated event, CallState call) {
        return welcomeMenu;
    }

    @Override
    public Reply onAnswer(CallAnswered event, CallState call) {
        return call.direction() == Direction.OUTBOUND ? awaitingDetection : helloMenu;
    }

    /** A person or a machine answered the call this service placed: the redirect decides what it hears. */
    @Override
    public void onMachineDetectionComplete(MachineDetectionCompleted event, CallState call, FlowContext context) {
        log.info("machine detection: {}", event.result().value());
        context.call(call.callId()).redirectHere();
    }

    @Override
    public Reply onRedirect(CallRedirected event, CallState call) {
        MachineDetectionResult detected = call.machineDetection();
        if (detected == null) {
            return backToMenu;
        }
        return detected.machine() ? LEAVE_MESSAGE : helloMenu;
    }

    @Override
    public Reply onGather(GatherCompleted event, CallState call) {
        return switch (event.digits()) {
            case TRANSFER -> transferReply;
            case VOICEMAIL -> voicemailReply;
            case CONFERENCE -> conferenceReply;
            default ->
                attemptsWithoutChoice(call) < settings.menuAttempts()
                        ? (event.digits().isEmpty() ? nothingHeardMenu : notAnOptionMenu)
                        : GOODBYE;
        };
    }

    @Override
    public Reply onRecordingComplete(RecordingCompleted event, CallState call) {
        log.info(
                "message {} recorded ({})",
                event.recording().recordingId(),
                event.recording().duration());
        return MESSAGE_RECORDED;
    }

    @Override
    public Reply onTransferAnswer(TransferAnswered event, CallState call) {
        // Played to the person who answers, before the two legs are bridged.
        return TRANSFER_ANNOUNCEMENT;
    }

    @Override
    public Reply onTransferComplete(TransferCompleted event, CallState call) {
        return Response.builder()
                .speakSentence("The call has ended. Goodbye.")
                .hangup()
                .build();
    }

    @Override
    public void onTranscriptionAvailable(TranscriptionAvailable event, CallState call) {
        log.info(
                "transcription {} of recording {}: {}",
                event.transcription().id(),
                event.recording() == null ? null : event.recording().recordingId(),
                event.transcription().url());
    }

    @Override
    public void onTransferDisconnect(TransferDisconnected event, CallState call) {
        log.info("transfer leg ended: {}", event.ending().cause());
    }

    @Override
    public void onDisconnect(CallDisconnected event, CallState call) {
        log.info(
                "call ended: {} after {} events, digits {}",
                event.ending().cause(),
                call.eventsApplied(),
                call.gatheredDigits());
    }

    /** Counts back from the latest gather while none of them was a valid choice. */
    private static int attemptsWithoutChoice(CallState call) {
        List<String> digits = call.gatheredDigits();
        int attempts = 0;
        for (int i = digits.size() - 1; i >= 0 && !CHOICES.contains(digits.get(i)); i--) {
            attempts++;
        }
        return attempts;
    }

    private Response menu(String preface) {
        return Response.builder()
                .gather(gather -> gather.maxDigits(1).firstDigitTimeout(5).speakSentence(preface + " " + MENU))
                .build();
    }

    private Response transfer() {
        // When the transfer ends and the caller is still there, transferComplete asks what comes next.
        return Response.builder()
                .speakSentence("Connecting you now.")
                .transfer(transfer -> transfer.callTimeout(30).phoneNumber(settings.transferTo()))
                .build();
    }

    private Response voicemail() {
        return Response.builder()
                .speakSentence("Please leave a message after the tone, then press the pound key.")
                .record(record -> record.transcribe(true).terminatingDigits("#").maxDuration(120))
                .build();
    }

    private Response conference() {
        return Response.builder()
                .speakSentence("Joining the conference.")
                .conference(settings.conferenceName())
                .build();
    }
}
