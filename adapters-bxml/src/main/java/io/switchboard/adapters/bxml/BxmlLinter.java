package io.switchboard.adapters.bxml;

import io.switchboard.domain.call.BridgeCompleted;
import io.switchboard.domain.call.BridgeTargetCompleted;
import io.switchboard.domain.call.CallAnswered;
import io.switchboard.domain.call.CallInitiated;
import io.switchboard.domain.call.CallRedirected;
import io.switchboard.domain.call.GatherCompleted;
import io.switchboard.domain.call.RecordingCompleted;
import io.switchboard.domain.call.ReferCompleted;
import io.switchboard.domain.call.TransferAnswered;
import io.switchboard.domain.call.TransferCompleted;
import io.switchboard.domain.common.ReplyContext;
import io.switchboard.domain.conference.ConferenceCreated;
import io.switchboard.domain.conference.ConferenceMemberExited;
import io.switchboard.domain.conference.ConferenceMemberJoined;
import io.switchboard.domain.conference.ConferenceRedirected;
import io.switchboard.domain.verb.BxmlRules;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.RuleViolation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Checks BXML documents as Bandwidth would before running them, and lists every problem it finds rather than
 * the first: each verb the reader refuses (unknown elements and attributes, badly spelled values, values outside
 * Bandwidth's limits), the rules of {@link BxmlRules} for the event the document would answer, and Bandwidth's
 * 64 KB limit. A verb with a problem is skipped and the next one is checked; XML that is not well-formed ends
 * the check of its document. Thread-safe.
 */
public final class BxmlLinter {

    /** The event types whose reply Bandwidth runs as BXML, as the live platform names them, sorted. */
    public static final List<String> ANSWERED_EVENT_TYPES = Stream.of(
                    CallInitiated.EVENT_TYPE,
                    CallAnswered.EVENT_TYPE,
                    CallRedirected.EVENT_TYPE,
                    GatherCompleted.EVENT_TYPE,
                    RecordingCompleted.EVENT_TYPE,
                    TransferAnswered.EVENT_TYPE,
                    TransferCompleted.EVENT_TYPE,
                    BridgeCompleted.EVENT_TYPE,
                    BridgeTargetCompleted.EVENT_TYPE,
                    ReferCompleted.EVENT_TYPE,
                    ConferenceCreated.EVENT_TYPE,
                    ConferenceMemberJoined.EVENT_TYPE,
                    ConferenceMemberExited.EVENT_TYPE,
                    ConferenceRedirected.EVENT_TYPE)
            .sorted()
            .toList();

    private final BxmlReader reader = new BxmlReader();
    private final ReplyContext context;

    private BxmlLinter(ReplyContext context) {
        this.context = context;
    }

    /**
     * A linter for BXML whose event is not known: it applies the rules every reply keeps (nothing after a
     * Redirect), not those of conference events or transferAnswer.
     */
    public static BxmlLinter forAnyEvent() {
        return new BxmlLinter(ReplyContext.CALL);
    }

    /**
     * A linter for BXML answering events of {@code eventType}, with that event's rules.
     *
     * @throws IllegalArgumentException when Bandwidth runs no BXML for such an event (or knows no such event);
     *                                  the message lists {@link #ANSWERED_EVENT_TYPES}
     */
    public static BxmlLinter forEvent(String eventType) {
        if (!ANSWERED_EVENT_TYPES.contains(eventType)) {
            throw new IllegalArgumentException("Bandwidth runs no BXML in reply to an event '" + eventType
                    + "'; event types whose reply is BXML: " + String.join(", ", ANSWERED_EVENT_TYPES));
        }
        return new BxmlLinter(ReplyContext.ofEventType(eventType));
    }

    /**
     * One problem of a document.
     *
     * @param source    the document's name, such as its file name
     * @param line      the line it is on, from 1; 0 when it concerns the whole document or the line is unknown
     * @param element   the element at fault, such as {@code Gather}; {@code null} for the whole document
     * @param attribute the attribute at fault, as BXML spells it; {@code null} when it is not one attribute
     * @param rule      the rule of {@link BxmlRules} broken, such as {@code nothing-after-redirect}; {@code null}
     *                  for a problem of the document or of a verb's own values
     * @param message   what is wrong and what is allowed
     */
    public record Finding(String source, int line, String element, String attribute, String rule, String message) {
        public Finding {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(message, "message");
        }

        /** As a linter prints it: {@code menu.xml:3: <Gather> is invalid: Gather: maxDigits must be ...}. */
        @Override
        public String toString() {
            return source + (line > 0 ? ":" + line : "") + ": " + (rule == null ? "" : "[" + rule + "] ") + message;
        }
    }

    /** Every problem of the file, or the one that it cannot be read. */
    public List<Finding> lint(Path file) {
        byte[] document;
        try {
            document = Files.readAllBytes(file);
        } catch (IOException unreadable) {
            return List.of(new Finding(file.toString(), 0, null, null, null, "cannot be read: " + unreadable));
        }
        return lint(file.toString(), document);
    }

    /** Every problem of the document read from {@code in} (to its end; not closed), named {@code source}. */
    public List<Finding> lint(String source, InputStream in) throws IOException {
        return lint(source, in.readAllBytes());
    }

    /** Every problem of {@code document}, named {@code source}, in the order of the lines they are on. */
    public List<Finding> lint(String source, byte[] document) {
        List<Finding> findings = new ArrayList<>();
        if (document.length > BxmlWriter.MAX_DOCUMENT_BYTES) {
            findings.add(new Finding(
                    source,
                    0,
                    null,
                    null,
                    null,
                    "the document is " + document.length + " bytes, more than Bandwidth's limit of "
                            + BxmlWriter.MAX_DOCUMENT_BYTES + " bytes"));
        }
        BxmlReader.Reading reading = reader.readEach(new ByteArrayInputStream(document));
        for (BxmlException problem : reading.problems()) {
            findings.add(new Finding(
                    source, problem.line(), problem.element(), problem.attribute(), null, problem.getMessage()));
        }
        for (RuleViolation violation : BxmlRules.check(new Response(reading.verbs()), context)) {
            findings.add(new Finding(
                    source,
                    reading.verbLines().get(violation.position()),
                    violation.verb(),
                    null,
                    violation.rule(),
                    violation.message()));
        }
        findings.sort(Comparator.comparingInt(Finding::line));
        return List.copyOf(findings);
    }
}
