package io.switchboard.domain.verb;

import io.switchboard.domain.common.ReplyContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rules a whole {@link Response} must keep beyond each verb's own values: which verbs may answer which kind
 * of event, and that nothing follows a {@link Redirect}. Bandwidth fails a call on BXML that breaks them
 * (conference BXML with another verb is "rejected completely"), so an entity whose flow breaks one sends its
 * fallback instead.
 */
public final class BxmlRules {

    /** Conference events take only these: Bandwidth rejects conference BXML with any other verb. */
    public static final String CONFERENCE_VERBS_ONLY = "conference-verbs-only";
    /** A transferAnswer reply may not bridge, conference, forward or transfer the B-leg. */
    public static final String NO_BRIDGING_ON_TRANSFER_ANSWER = "no-bridging-on-transfer-answer";
    /**
     * Verbs after a Redirect never run. Rejected rather than warned about: Bandwidth would silently skip them,
     * hiding the flow's bug.
     */
    public static final String NOTHING_AFTER_REDIRECT = "nothing-after-redirect";

    private static final Set<Class<? extends Verb>> CONFERENCE_VERBS = Set.of(
            PlayAudio.class,
            SpeakSentence.class,
            StartRecording.class,
            StopRecording.class,
            PauseRecording.class,
            ResumeRecording.class);
    private static final String CONFERENCE_VERB_NAMES =
            "PlayAudio, SpeakSentence, StartRecording, StopRecording, PauseRecording, ResumeRecording";
    private static final Set<Class<? extends Verb>> NOT_ON_TRANSFER_ANSWER =
            Set.of(Bridge.class, Conference.class, Forward.class, Transfer.class);

    private BxmlRules() {}

    /** Every rule {@code response} breaks as an answer in {@code context}, in document order; empty when none. */
    public static List<RuleViolation> check(Response response, ReplyContext context) {
        List<RuleViolation> violations = new ArrayList<>();
        List<Verb> verbs = response.verbs();
        boolean redirected = false;
        for (int i = 0; i < verbs.size(); i++) {
            Verb verb = verbs.get(i);
            String name = verb.verbName();
            if (context == ReplyContext.CONFERENCE && !CONFERENCE_VERBS.contains(verb.getClass())) {
                violations.add(new RuleViolation(
                        CONFERENCE_VERBS_ONLY,
                        i,
                        name,
                        "<" + name + "> may not answer a " + "conference event; allowed there: "
                                + CONFERENCE_VERB_NAMES));
            }
            if (context == ReplyContext.TRANSFER_ANSWER && NOT_ON_TRANSFER_ANSWER.contains(verb.getClass())) {
                violations.add(new RuleViolation(
                        NO_BRIDGING_ON_TRANSFER_ANSWER,
                        i,
                        name,
                        "<" + name
                                + "> may not answer a transferAnswer; Bridge, Conference, Forward and Transfer are refused "
                                + "there"));
            }
            if (redirected) {
                violations.add(new RuleViolation(
                        NOTHING_AFTER_REDIRECT,
                        i,
                        name,
                        "<" + name + "> follows a "
                                + "<Redirect> and would never run: Bandwidth leaves the document at the Redirect"));
            } else if (verb instanceof Redirect) {
                redirected = true;
            }
        }
        return List.copyOf(violations);
    }

    /** Whether {@code response} keeps every rule in {@code context}. */
    public static boolean allows(Response response, ReplyContext context) {
        return check(response, context).isEmpty();
    }
}
